//! Panels and widgets. Each panel is one `*_ui` function taking the narrow
//! state it shows; none computes evidence or touches files.

pub mod conflict_ui;
pub mod digitizer_ui;
pub mod doc_ui;
pub mod evidence_panel;
pub mod family_ui;
pub mod figure_ui;
pub mod file_ui;
pub mod icon;
pub mod import_ui;
pub mod library_ui;
pub mod menu;
pub mod panel_view;
pub mod patient_panel;
pub mod status;
pub mod theme;
