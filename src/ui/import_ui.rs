//! The "Import cohort data" window: a CSV of patient records, or a digitized
//! published curve with its numbers-at-risk table, turned into a cohort layer.
//! The window only collects choices; the app reads files and builds.

use egui::{RichText, Ui};

use crate::model::clock::Clock;
use crate::model::cohort::TimeUnit;
use crate::model::l10n;

/// Which kind of data is imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    /// Individual records (time, event, optional group).
    Records,
    /// A digitized curve plus an at-risk table (reconstructed).
    Digitized,
}

/// Which path field a file dialog fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvSlot {
    /// The records CSV, or the digitized curve CSV.
    Main,
    /// The at-risk CSV.
    AtRisk,
}

/// The window's state.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportForm {
    /// Records or digitized curve.
    pub kind: ImportKind,
    /// Records CSV, or digitized-curve CSV.
    pub main_path: String,
    /// At-risk CSV (digitized only).
    pub at_risk_path: String,
    /// Column names read from the records CSV.
    pub columns: Vec<String>,
    /// Time column.
    pub time_col: String,
    /// Event column.
    pub event_col: String,
    /// Group column, if any.
    pub group_col: Option<String>,
    /// Legend name.
    pub label: String,
    /// Time origin.
    pub origin: Clock,
    /// Time unit.
    pub unit: TimeUnit,
    /// Total events (digitized only; empty if not published).
    pub total_events: String,
    /// The last problem, shown in the window.
    pub error: Option<String>,
}

impl Default for ImportForm {
    fn default() -> Self {
        Self {
            kind: ImportKind::Records,
            main_path: String::new(),
            at_risk_path: String::new(),
            columns: Vec::new(),
            time_col: String::new(),
            event_col: String::new(),
            group_col: None,
            label: String::new(),
            origin: Clock::Age,
            unit: TimeUnit::Years,
            total_events: String::new(),
            error: None,
        }
    }
}

/// What the user asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportAction {
    /// Nothing.
    None,
    /// Choose a CSV with the file dialog for this field.
    Browse(CsvSlot),
    /// Read the column names of the records CSV.
    ReadColumns,
    /// Build the cohort and add it to the plot.
    Import,
    /// Close the window.
    Close,
}

/// Labels the tests query.
pub mod labels {
    use super::w;

    /// Records or curve path.
    pub fn main_path() -> String {
        w("import-main-path")
    }

    /// At-risk path.
    pub fn at_risk_path() -> String {
        w("import-at-risk-path")
    }

    /// Cohort name.
    pub fn label() -> String {
        w("import-label")
    }

    /// Total events.
    pub fn total_events() -> String {
        w("import-total-events")
    }
}

/// A message of the window.
fn w(id: &str) -> String {
    l10n::en(id, &[])
}

/// Draws the window.
pub fn import_ui(ctx: &egui::Context, form: &mut ImportForm) -> ImportAction {
    let mut action = ImportAction::None;
    let mut open = true;
    egui::Window::new(w("import-title")).open(&mut open).default_width(480.0).show(ctx, |ui| {
        let ImportForm {
            kind,
            main_path,
            at_risk_path,
            columns,
            time_col,
            event_col,
            group_col,
            label,
            origin,
            unit,
            total_events,
            error,
        } = form;
        ui.horizontal(|ui| {
            ui.radio_value(kind, ImportKind::Records, w("import-kind-records"));
            ui.radio_value(kind, ImportKind::Digitized, w("import-kind-digitized"));
        });
        ui.add_space(4.0);
        let main_label = match kind {
            ImportKind::Records => labels::main_path(),
            ImportKind::Digitized => w("import-curve-path"),
        };
        if path_row(ui, &main_label, main_path) {
            action = ImportAction::Browse(CsvSlot::Main);
        }
        match kind {
            ImportKind::Records => {
                if ui.button(w("import-read-columns")).clicked() {
                    action = ImportAction::ReadColumns;
                }
                if columns.is_empty() {
                    ui.label(RichText::new(w("import-read-columns-first")).small());
                } else {
                    column_combo(ui, &w("import-time-column"), time_col, columns);
                    column_combo(ui, &w("import-event-column"), event_col, columns);
                    let none = w("import-no-group");
                    egui::ComboBox::from_label(w("import-group-column"))
                        .selected_text(group_col.clone().unwrap_or_else(|| none.clone()))
                        .show_ui(ui, |ui| {
                            ui.selectable_value(group_col, None, none);
                            for c in columns.iter() {
                                ui.selectable_value(group_col, Some(c.clone()), c);
                            }
                        });
                }
            }
            ImportKind::Digitized => {
                if path_row(ui, &labels::at_risk_path(), at_risk_path) {
                    action = ImportAction::Browse(CsvSlot::AtRisk);
                }
                ui.horizontal(|ui| {
                    let l = ui.label(labels::total_events());
                    ui.add(egui::TextEdit::singleline(total_events).desired_width(60.0)).labelled_by(l.id);
                });
                ui.label(RichText::new(w("import-reconstructed")).small());
            }
        }
        ui.horizontal(|ui| {
            let l = ui.label(labels::label());
            ui.add(egui::TextEdit::singleline(label).desired_width(220.0)).labelled_by(l.id);
        });
        egui::ComboBox::from_label(w("import-time-starts")).selected_text(origin.label()).show_ui(ui, |ui| {
            for o in Clock::ALL {
                ui.selectable_value(origin, o, o.label());
            }
        });
        ui.horizontal(|ui| {
            ui.label(w("import-time-unit"));
            ui.radio_value(unit, TimeUnit::Years, w("import-years"));
            ui.radio_value(unit, TimeUnit::Months, w("import-months"));
        });
        if let Some(e) = error {
            ui.label(RichText::new(e.as_str()).color(crate::ui::theme::error_text(ui.visuals().dark_mode)));
        }
        ui.horizontal(|ui| {
            if ui.button(w("import-import")).clicked() {
                action = ImportAction::Import;
            }
            if ui.button(w("import-cancel")).clicked() {
                action = ImportAction::Close;
            }
        });
    });
    if !open {
        action = ImportAction::Close;
    }
    action
}

/// A labelled path field with a Browse button; true when Browse was clicked.
fn path_row(ui: &mut Ui, label: &str, path: &mut String) -> bool {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        ui.add(egui::TextEdit::singleline(path).desired_width(240.0)).labelled_by(l.id);
        ui.button(w("import-browse")).clicked()
    })
    .inner
}

fn column_combo(ui: &mut Ui, label: &str, value: &mut String, columns: &[String]) {
    egui::ComboBox::from_label(label).selected_text(value.as_str()).show_ui(ui, |ui| {
        for c in columns {
            ui.selectable_value(value, c.clone(), c);
        }
    });
}
