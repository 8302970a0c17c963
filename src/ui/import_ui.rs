//! The "Import cohort data" window: a CSV of patient records, or a digitized
//! published curve with its numbers-at-risk table, turned into a cohort layer.
//! The window only collects choices; the app reads files and builds.

use egui::{RichText, Ui};

use crate::model::clock::Clock;
use crate::model::cohort::TimeUnit;

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
    /// Records or curve path.
    pub const MAIN_PATH: &str = "CSV file";
    /// At-risk path.
    pub const AT_RISK_PATH: &str = "Numbers-at-risk CSV";
    /// Cohort name.
    pub const LABEL: &str = "Cohort name";
    /// Total events.
    pub const TOTAL_EVENTS: &str = "Total events (if published)";
}

/// Draws the window.
pub fn import_ui(ctx: &egui::Context, form: &mut ImportForm) -> ImportAction {
    let mut action = ImportAction::None;
    let mut open = true;
    egui::Window::new("Import cohort data").open(&mut open).default_width(480.0).show(ctx, |ui| {
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
            ui.radio_value(kind, ImportKind::Records, "Patient records (time, event, group)");
            ui.radio_value(kind, ImportKind::Digitized, "Digitized published curve");
        });
        ui.add_space(4.0);
        let main_label = match kind {
            ImportKind::Records => labels::MAIN_PATH,
            ImportKind::Digitized => "Digitized curve CSV (time, survival)",
        };
        if path_row(ui, main_label, main_path) {
            action = ImportAction::Browse(CsvSlot::Main);
        }
        match kind {
            ImportKind::Records => {
                if ui.button("Read columns").clicked() {
                    action = ImportAction::ReadColumns;
                }
                if columns.is_empty() {
                    ui.label(
                        RichText::new("Read the file's columns to choose time, event and group.").small(),
                    );
                } else {
                    column_combo(ui, "Time column", time_col, columns);
                    column_combo(ui, "Event column (1 = event, 0 = censored)", event_col, columns);
                    egui::ComboBox::from_label("Group column")
                        .selected_text(group_col.as_deref().unwrap_or("none"))
                        .show_ui(ui, |ui| {
                            ui.selectable_value(group_col, None, "none");
                            for c in columns.iter() {
                                ui.selectable_value(group_col, Some(c.clone()), c);
                            }
                        });
                }
            }
            ImportKind::Digitized => {
                if path_row(ui, labels::AT_RISK_PATH, at_risk_path) {
                    action = ImportAction::Browse(CsvSlot::AtRisk);
                }
                ui.horizontal(|ui| {
                    let l = ui.label(labels::TOTAL_EVENTS);
                    ui.add(egui::TextEdit::singleline(total_events).desired_width(60.0)).labelled_by(l.id);
                });
                ui.label(
                    RichText::new(
                        "Records are reconstructed with the Guyot (2012) method; the curve is labelled as a \
                         reconstruction with its error against your digitized points.",
                    )
                    .small(),
                );
            }
        }
        ui.horizontal(|ui| {
            let l = ui.label(labels::LABEL);
            ui.add(egui::TextEdit::singleline(label).desired_width(220.0)).labelled_by(l.id);
        });
        egui::ComboBox::from_label("Time starts at").selected_text(origin.label()).show_ui(ui, |ui| {
            for o in Clock::ALL {
                ui.selectable_value(origin, o, o.label());
            }
        });
        ui.horizontal(|ui| {
            ui.label("Time unit");
            ui.radio_value(unit, TimeUnit::Years, "years");
            ui.radio_value(unit, TimeUnit::Months, "months");
        });
        if let Some(e) = error {
            ui.label(RichText::new(e.as_str()).color(crate::ui::theme::error_text(ui.visuals().dark_mode)));
        }
        ui.horizontal(|ui| {
            if ui.button("Import").clicked() {
                action = ImportAction::Import;
            }
            if ui.button("Cancel").clicked() {
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
        ui.button("Browse…").clicked()
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
