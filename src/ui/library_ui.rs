//! The evidence library window (cohorts kept between runs, findings added
//! by hand) and the form for adding a published finding. The windows only
//! show and collect choices; the app changes the library.

use egui::{RichText, Ui};

use crate::model::clock::Clock;
use crate::model::evidence::local::{FindingField, LocalFindingForm, MEASURES, TOPICS, measure_words};

/// Title of the library window (tests query it).
pub const LIBRARY_TITLE: &str = "Evidence library";
/// Title of the finding form.
pub const FINDING_TITLE: &str = "Add a published finding";

/// One cohort as the window lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct CohortRow {
    /// Legend name.
    pub label: String,
    /// "reconstructed from Figure 2A of … (RMSE 0.006)".
    pub describe: String,
    /// Citation, figure, source file, who added it: one line each.
    pub details: Vec<String>,
    /// Drawn or not.
    pub shown: bool,
    /// Drawn for this run only, not kept in the library.
    pub session: bool,
}

/// One hand-added finding as the window lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingRow {
    /// The finding's statement.
    pub statement: String,
    /// Short citation and "added locally by … on …".
    pub source: String,
}

/// What the library window shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LibraryView {
    /// Where the library is kept, or why it is not.
    pub folder: String,
    /// Cohorts in order.
    pub cohorts: Vec<CohortRow>,
    /// Findings in order.
    pub findings: Vec<FindingRow>,
    /// Library files that could not be read: file name and reason.
    pub damaged: Vec<(String, String)>,
    /// What the trash folder holds, by name.
    pub trash: Vec<String>,
    /// A removal waiting for confirmation.
    pub confirm: Option<Removal>,
    /// A cohort whose export path is being typed, with the text.
    pub export: Option<(usize, String)>,
    /// The cohort file path typed for import.
    pub import_path: String,
}

/// Something to remove, by its position in the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Removal {
    /// A cohort.
    Cohort(usize),
    /// A finding.
    Finding(usize),
    /// A file that could not be read.
    Damaged(usize),
}

/// What the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryAction {
    /// Nothing.
    None,
    /// Draw the cohort or not.
    SetShown(usize, bool),
    /// Ask before removing.
    AskRemove(Removal),
    /// The removal was confirmed.
    ConfirmRemove(Removal),
    /// The removal was called off.
    CancelRemove,
    /// Keep a cohort drawn for this run in the library.
    Keep(usize),
    /// Bring a file back from the trash.
    Restore(usize),
    /// Export a cohort with the file dialog.
    Export(usize),
    /// Export a cohort to the typed path.
    ExportTo(usize, String),
    /// Import the cohort file at the typed path.
    Import(String),
    /// Choose a cohort file to import with the file dialog.
    BrowseImport,
    /// Open the finding form.
    AddFinding,
}

/// The library window; `view.export` and `view.import_path` are edited in
/// place.
pub fn library_ui(ctx: &egui::Context, open: &mut bool, view: &mut LibraryView) -> LibraryAction {
    let mut action = LibraryAction::None;
    egui::Window::new(LIBRARY_TITLE).open(open).default_width(640.0).default_height(560.0).show(ctx, |ui| {
        ui.label(RichText::new(&view.folder).small().weak());
        ui.label("Cohort data and published findings only; no patient data is kept here.");
        ui.separator();
        egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
            ui.heading("Cohorts");
            if view.cohorts.is_empty() {
                ui.label("None yet: import cohort data, load a cohort file, or digitize a published curve.");
            }
            for (i, row) in view.cohorts.iter().enumerate() {
                cohort_row_ui(ui, i, row, view.confirm, &mut view.export, &mut action);
            }
            ui.add_space(8.0);
            ui.heading("Findings added by hand");
            if view.findings.is_empty() {
                ui.label("None yet.");
            }
            for (i, row) in view.findings.iter().enumerate() {
                ui.group(|ui| {
                    ui.label(&row.statement);
                    ui.label(RichText::new(&row.source).small());
                    confirm_ui(ui, Removal::Finding(i), view.confirm, "finding", &mut action);
                });
            }
            if !view.damaged.is_empty() {
                ui.add_space(8.0);
                ui.heading("Files that could not be read");
            }
            for (i, (file, reason)) in view.damaged.iter().enumerate() {
                ui.group(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, format!("{file}: {reason}"));
                    ui.label(RichText::new("Not loaded; left in the library folder as it is.").small());
                    confirm_ui(ui, Removal::Damaged(i), view.confirm, file, &mut action);
                });
            }
            if !view.trash.is_empty() {
                ui.add_space(8.0);
                ui.heading("Removed (in the library's trash folder)");
            }
            for (i, name) in view.trash.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(name);
                    if ui.button(format!("Restore {name}")).clicked() {
                        action = LibraryAction::Restore(i);
                    }
                });
            }
        });
        ui.separator();
        if ui.button("Add a published finding…").clicked() {
            action = LibraryAction::AddFinding;
        }
        ui.horizontal(|ui| {
            let label = ui.label("Cohort file to import");
            ui.text_edit_singleline(&mut view.import_path).labelled_by(label.id);
            if ui.button("Import").clicked() {
                action = LibraryAction::Import(view.import_path.clone());
            }
            if ui.button("Browse…").clicked() {
                action = LibraryAction::BrowseImport;
            }
        });
    });
    action
}

fn cohort_row_ui(
    ui: &mut Ui,
    i: usize,
    row: &CohortRow,
    confirm: Option<Removal>,
    export: &mut Option<(usize, String)>,
    action: &mut LibraryAction,
) {
    ui.group(|ui| {
        let mut shown = row.shown;
        if ui.checkbox(&mut shown, format!("Show {}", row.label)).changed() {
            *action = LibraryAction::SetShown(i, shown);
        }
        ui.label(&row.describe);
        if row.session {
            ui.horizontal(|ui| {
                ui.label(RichText::new("For this run only: not kept in the library.").italics());
                if ui.button(format!("Keep {} in the library", row.label)).clicked() {
                    *action = LibraryAction::Keep(i);
                }
            });
        }
        for line in &row.details {
            ui.label(RichText::new(line).small());
        }
        ui.horizontal(|ui| {
            if ui.button(format!("Export {}…", row.label)).clicked() {
                *action = LibraryAction::Export(i);
            }
            confirm_ui(ui, Removal::Cohort(i), confirm, &row.label, action);
        });
        if let Some((at, path)) = export
            && *at == i
        {
            ui.horizontal(|ui| {
                let label = ui.label("Export to");
                ui.text_edit_singleline(path).labelled_by(label.id);
                if ui.button("Write").clicked() {
                    *action = LibraryAction::ExportTo(i, path.clone());
                }
            });
        }
    });
}

fn confirm_ui(ui: &mut Ui, what: Removal, confirm: Option<Removal>, name: &str, action: &mut LibraryAction) {
    if confirm == Some(what) {
        ui.horizontal(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, format!("Remove {name} from the library?"));
            if ui.button("Yes, remove").clicked() {
                *action = LibraryAction::ConfirmRemove(what);
            }
            if ui.button("Keep").clicked() {
                *action = LibraryAction::CancelRemove;
            }
        });
    } else if ui.button(format!("Remove {name}…")).clicked() {
        *action = LibraryAction::AskRemove(what);
    }
}

/// What the finding form asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingAction {
    /// Nothing.
    None,
    /// Check and add.
    Add,
    /// Close without adding.
    Cancel,
}

/// The form for a finding from a paper the app does not ship; problems are
/// shown under their fields.
pub fn finding_form_ui(
    ctx: &egui::Context,
    form: &mut LocalFindingForm,
    problems: &[(FindingField, String)],
) -> FindingAction {
    let mut action = FindingAction::None;
    egui::Window::new(FINDING_TITLE).default_width(520.0).collapsible(false).show(ctx, |ui| {
        let LocalFindingForm {
            citation,
            identifier,
            measure,
            topic,
            group,
            n,
            value,
            low,
            high,
            time,
            clock,
            locator,
        } = form;
        let problem = |ui: &mut Ui, field: FindingField| {
            for (_, message) in problems.iter().filter(|(f, _)| *f == field) {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
        };
        egui::Grid::new("finding-form").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
            text_row(ui, "Citation (required)", citation, true);
            problem(ui, FindingField::Citation);
            ui.end_row();
            text_row(ui, "DOI or PMID", identifier, false);
            problem(ui, FindingField::Identifier);
            ui.end_row();
            ui.label("Measure");
            egui::ComboBox::from_label("Measure").selected_text(measure_words(*measure)).show_ui(ui, |ui| {
                for m in MEASURES {
                    ui.selectable_value(measure, m, measure_words(m));
                }
            });
            ui.end_row();
            ui.label("Topic");
            egui::ComboBox::from_label("Topic").selected_text(topic.heading()).show_ui(ui, |ui| {
                for t in TOPICS {
                    ui.selectable_value(topic, t, t.heading());
                }
            });
            ui.end_row();
            text_row(ui, "Group", group, false);
            problem(ui, FindingField::Group);
            ui.end_row();
            text_row(ui, "Patients (n)", n, false);
            problem(ui, FindingField::N);
            ui.end_row();
            text_row(ui, "Value (%)", value, false);
            problem(ui, FindingField::Value);
            ui.end_row();
            text_row(ui, "95 % CI low (%)", low, false);
            ui.end_row();
            text_row(ui, "95 % CI high (%)", high, false);
            problem(ui, FindingField::Interval);
            ui.end_row();
            text_row(ui, "Time point (years)", time, false);
            problem(ui, FindingField::Time);
            ui.end_row();
            ui.label("Clock");
            egui::ComboBox::from_label("Clock").selected_text(clock.label()).show_ui(ui, |ui| {
                for c in Clock::ALL {
                    ui.selectable_value(clock, c, c.label());
                }
            });
            ui.end_row();
            text_row(ui, "Where in the paper", locator, false);
            problem(ui, FindingField::Locator);
            ui.end_row();
        });
        ui.label(
            RichText::new(
                "The finding is shown beside the shipped evidence, marked as added locally by you.",
            )
            .small(),
        );
        ui.horizontal(|ui| {
            if ui.button("Add finding").clicked() {
                action = FindingAction::Add;
            }
            if ui.button("Cancel").clicked() {
                action = FindingAction::Cancel;
            }
        });
    });
    action
}

fn text_row(ui: &mut Ui, label: &str, text: &mut String, multiline: bool) {
    let l = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(text).desired_rows(2).desired_width(340.0)
    } else {
        egui::TextEdit::singleline(text).desired_width(340.0)
    };
    ui.add(edit).labelled_by(l.id);
}
