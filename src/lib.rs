//! xhim-aid: a decision aid that places a boy with X-linked hyper-IgM
//! syndrome on the published survival evidence and shows the evidence on the
//! timing of haematopoietic stem cell transplantation.
//!
//! `model` is pure and tested without a window; `io` reads and writes files;
//! `ui` and `app` only lay out and react.

pub mod app;
pub mod cli;
pub mod command;
pub mod fonts;
pub mod io;
pub mod look;
pub mod model;
pub mod prefs;
pub mod ui;

pub use app::App;

/// The one-line disclaimer shown on every screen and every report.
pub const DISCLAIMER: &str =
    "Decision support from published cohorts; not a substitute for clinical judgement.";

/// Application id: window class and the folder for saved preferences.
pub const APP_ID: &str = "xhim-aid";
