//! The evidence library window (cohorts kept between runs, findings added
//! by hand) and the form for adding a published finding. The windows only
//! show and collect choices; the app changes the library.

use egui::{RichText, Ui};

use crate::model::clock::Clock;
use crate::model::evidence::local::{FindingField, LocalFindingForm, MEASURES, TOPICS, measure_words};
use crate::model::l10n::{self, Arg};

/// Title of the library window (tests query it).
pub fn library_title() -> String {
    w("library-title")
}

/// Title of the finding form.
pub fn finding_title() -> String {
    w("finding-title")
}

/// A message of the window without arguments.
fn w(id: &str) -> String {
    l10n::en(id, &[])
}

/// A message of the window naming one thing.
fn named(id: &str, name: &str) -> String {
    l10n::en(id, &[("name", Arg::Text(name.to_owned()))])
}

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
    egui::Window::new(library_title()).open(open).default_width(640.0).default_height(560.0).show(
        ctx,
        |ui| {
            ui.label(RichText::new(&view.folder).small().weak());
            ui.label(w("library-intro"));
            ui.separator();
            egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                ui.heading(w("library-cohorts"));
                if view.cohorts.is_empty() {
                    ui.label(w("library-cohorts-none"));
                }
                for (i, row) in view.cohorts.iter().enumerate() {
                    cohort_row_ui(ui, i, row, view.confirm, &mut view.export, &mut action);
                }
                ui.add_space(8.0);
                ui.heading(w("library-findings"));
                if view.findings.is_empty() {
                    ui.label(w("library-findings-none"));
                }
                for (i, row) in view.findings.iter().enumerate() {
                    ui.group(|ui| {
                        ui.label(&row.statement);
                        ui.label(RichText::new(&row.source).small());
                        confirm_ui(
                            ui,
                            Removal::Finding(i),
                            view.confirm,
                            &w("library-finding-name"),
                            &mut action,
                        );
                    });
                }
                if !view.damaged.is_empty() {
                    ui.add_space(8.0);
                    ui.heading(w("library-damaged"));
                }
                for (i, (file, reason)) in view.damaged.iter().enumerate() {
                    ui.group(|ui| {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            l10n::en(
                                "library-damaged-file",
                                &[("file", Arg::Text(file.clone())), ("reason", Arg::Text(reason.clone()))],
                            ),
                        );
                        ui.label(RichText::new(w("library-damaged-left")).small());
                        confirm_ui(ui, Removal::Damaged(i), view.confirm, file, &mut action);
                    });
                }
                if !view.trash.is_empty() {
                    ui.add_space(8.0);
                    ui.heading(w("library-trash"));
                }
                for (i, name) in view.trash.iter().enumerate() {
                    ui.horizontal(|ui| {
                        ui.label(name);
                        if ui.button(named("library-restore", name)).clicked() {
                            action = LibraryAction::Restore(i);
                        }
                    });
                }
            });
            ui.separator();
            if ui.button(w("library-add-finding")).clicked() {
                action = LibraryAction::AddFinding;
            }
            ui.horizontal(|ui| {
                let label = ui.label(w("library-import-path"));
                ui.text_edit_singleline(&mut view.import_path).labelled_by(label.id);
                if ui.button(w("library-import")).clicked() {
                    action = LibraryAction::Import(view.import_path.clone());
                }
                if ui.button(w("library-browse")).clicked() {
                    action = LibraryAction::BrowseImport;
                }
            });
        },
    );
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
        if ui.checkbox(&mut shown, named("library-show", &row.label)).changed() {
            *action = LibraryAction::SetShown(i, shown);
        }
        ui.label(&row.describe);
        if row.session {
            ui.horizontal(|ui| {
                ui.label(RichText::new(w("library-session-only")).italics());
                if ui.button(named("library-keep-cohort", &row.label)).clicked() {
                    *action = LibraryAction::Keep(i);
                }
            });
        }
        for line in &row.details {
            ui.label(RichText::new(line).small());
        }
        ui.horizontal(|ui| {
            if ui.button(named("library-export", &row.label)).clicked() {
                *action = LibraryAction::Export(i);
            }
            confirm_ui(ui, Removal::Cohort(i), confirm, &row.label, action);
        });
        if let Some((at, path)) = export
            && *at == i
        {
            ui.horizontal(|ui| {
                let label = ui.label(w("library-export-to"));
                ui.text_edit_singleline(path).labelled_by(label.id);
                if ui.button(w("library-write")).clicked() {
                    *action = LibraryAction::ExportTo(i, path.clone());
                }
            });
        }
    });
}

fn confirm_ui(ui: &mut Ui, what: Removal, confirm: Option<Removal>, name: &str, action: &mut LibraryAction) {
    if confirm == Some(what) {
        ui.horizontal(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, named("library-remove-ask", name));
            if ui.button(w("library-remove-yes")).clicked() {
                *action = LibraryAction::ConfirmRemove(what);
            }
            if ui.button(w("library-remove-keep")).clicked() {
                *action = LibraryAction::CancelRemove;
            }
        });
    } else if ui.button(named("library-remove", name)).clicked() {
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
    egui::Window::new(finding_title()).default_width(520.0).collapsible(false).show(ctx, |ui| {
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
            text_row(ui, &w("finding-citation"), citation, true);
            problem(ui, FindingField::Citation);
            ui.end_row();
            text_row(ui, &w("finding-identifier"), identifier, false);
            problem(ui, FindingField::Identifier);
            ui.end_row();
            let measure_label = w("finding-measure");
            ui.label(&measure_label);
            egui::ComboBox::from_label(measure_label).selected_text(measure_words(*measure)).show_ui(
                ui,
                |ui| {
                    for m in MEASURES {
                        ui.selectable_value(measure, m, measure_words(m));
                    }
                },
            );
            ui.end_row();
            let topic_label = w("finding-topic");
            ui.label(&topic_label);
            egui::ComboBox::from_label(topic_label).selected_text(topic.heading()).show_ui(ui, |ui| {
                for t in TOPICS {
                    ui.selectable_value(topic, t, t.heading());
                }
            });
            ui.end_row();
            text_row(ui, &w("finding-group"), group, false);
            problem(ui, FindingField::Group);
            ui.end_row();
            text_row(ui, &w("finding-n"), n, false);
            problem(ui, FindingField::N);
            ui.end_row();
            text_row(ui, &w("finding-value"), value, false);
            problem(ui, FindingField::Value);
            ui.end_row();
            text_row(ui, &w("finding-ci-low"), low, false);
            ui.end_row();
            text_row(ui, &w("finding-ci-high"), high, false);
            problem(ui, FindingField::Interval);
            ui.end_row();
            text_row(ui, &w("finding-time"), time, false);
            problem(ui, FindingField::Time);
            ui.end_row();
            let clock_label = w("finding-clock");
            ui.label(&clock_label);
            egui::ComboBox::from_label(clock_label).selected_text(clock.label()).show_ui(ui, |ui| {
                for c in Clock::ALL {
                    ui.selectable_value(clock, c, c.label());
                }
            });
            ui.end_row();
            text_row(ui, &w("finding-locator"), locator, false);
            problem(ui, FindingField::Locator);
            ui.end_row();
        });
        ui.label(RichText::new(w("finding-shown-beside")).small());
        ui.horizontal(|ui| {
            if ui.button(w("finding-add")).clicked() {
                action = FindingAction::Add;
            }
            if ui.button(w("finding-cancel")).clicked() {
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
