//! The decision aid's model: everything that can be computed without a
//! window. Nothing under `model` imports egui.

pub mod clock;
pub mod cohort;
pub mod curves;
pub mod date;
pub mod digitize;
pub mod evidence;
pub mod family;
pub mod patient;
pub mod picture;
pub mod survival;
pub mod timing;
