//! Windows around patient files: the unsaved-changes question, the typed-path
//! fallback when no system dialog exists, preferences, and the file's record
//! (saves and change log).

use egui::{RichText, Ui};

use crate::io::patient_file::Record;

/// The answer to "save your changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save, then continue.
    Save,
    /// Continue without saving.
    Discard,
    /// Stay.
    Cancel,
}

/// Asks Save / Discard / Cancel; `None` while the user has not answered.
pub fn unsaved_changes_ui(ctx: &egui::Context, file: &str, action: &str) -> Option<UnsavedChoice> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.heading("Unsaved changes");
        ui.label(format!("{file} has changes that are not saved. Save them before you {action}?"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(UnsavedChoice::Save);
            }
            if ui.button("Discard changes").clicked() {
                choice = Some(UnsavedChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(UnsavedChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(UnsavedChoice::Cancel);
    }
    choice
}

/// A yes-or-cancel question before something that cannot be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// The window's heading.
    pub title: String,
    /// What will happen, in full.
    pub text: String,
    /// The button that goes ahead ("Replace", "Save without an age").
    pub confirm: String,
}

/// Asks `question`; `Some(true)` to go ahead, `Some(false)` for Cancel (or
/// Escape), `None` while the user has not answered.
pub fn question_ui(ctx: &egui::Context, question: &Question) -> Option<bool> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("question")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading(&question.title);
        ui.label(&question.text);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(&question.confirm).clicked() {
                answer = Some(true);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    answer
}

/// Label of the button that stops opening a file that does not answer.
pub const CANCEL_OPENING: &str = "Stop opening";

/// A file being opened: its name, a busy indicator and a button to stop
/// waiting; returns true when that button was clicked.
pub fn opening_line_ui(ui: &mut Ui, label: &str) -> bool {
    ui.horizontal_wrapped(|ui| {
        crate::ui::status::busy_indicator(ui);
        ui.label(format!("{label}…"));
        ui.button(CANCEL_OPENING)
            .on_hover_text("Stop waiting for this file; the current patient stays")
            .clicked()
    })
    .inner
}

/// What the typed-path window is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open a patient file.
    Open,
    /// Save the patient file.
    SaveAs,
    /// Write the PDF report.
    Report,
    /// Write the family handout.
    Handout,
}

/// The typed-path window's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathField {
    /// Open or save.
    pub purpose: PathPurpose,
    /// The path typed so far.
    pub text: String,
}

/// What the user did in the typed-path window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathFieldAction {
    /// Nothing yet.
    None,
    /// Use this path.
    Submit(std::path::PathBuf),
    /// Close the window.
    Cancel,
}

/// Label of the path text field (tests query it).
pub const PATH_FIELD_LABEL: &str = "File path";

/// The fallback when no system file dialog is available.
pub fn path_field_ui(ctx: &egui::Context, field: &mut PathField) -> PathFieldAction {
    let mut action = PathFieldAction::None;
    let title = match field.purpose {
        PathPurpose::Open => "Open patient file by path",
        PathPurpose::SaveAs => "Save patient file to path",
        PathPurpose::Report => "Write report to path",
        PathPurpose::Handout => "Write family handout to path",
    };
    egui::Window::new(title).collapsible(false).resizable(false).show(ctx, |ui| {
        ui.label(match field.purpose {
            PathPurpose::Report | PathPurpose::Handout => "Type the full path of the PDF to write.",
            _ => "Type the full path of a .ron patient file. You can also drop a file on the window.",
        });
        let label = ui.label(PATH_FIELD_LABEL);
        let response =
            ui.add(egui::TextEdit::singleline(&mut field.text).desired_width(420.0)).labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let ok = match field.purpose {
                PathPurpose::Open => "Open",
                PathPurpose::SaveAs | PathPurpose::Report | PathPurpose::Handout => "Save",
            };
            if (ui.button(ok).clicked() || entered) && !field.text.trim().is_empty() {
                action = PathFieldAction::Submit(field.text.trim().into());
            }
            if ui.button("Cancel").clicked() {
                action = PathFieldAction::Cancel;
            }
        });
    });
    action
}

/// The file's saves and change log, newest first.
pub fn record_ui(ui: &mut Ui, record: &Record) {
    let count = |n: usize, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    egui::CollapsingHeader::new(format!(
        "Record ({}, {})",
        count(record.saves.len(), "save"),
        count(record.changes.len(), "change")
    ))
    .id_salt("record")
    .show(ui, |ui| {
        if record.saves.is_empty() {
            ui.label("Not saved yet.");
        }
        if let Some(last) = record.saves.last() {
            ui.label(format!("Last saved {} by {}", last.saved_at, last.saved_by));
            ui.label(
                RichText::new(format!("app {} · {}", last.app_version, last.evidence_version)).small().weak(),
            );
        }
        ui.add_space(4.0);
        for change in record.changes.iter().rev().take(50) {
            ui.label(RichText::new(format!("{} · {}", change.at, change.by)).small().weak());
            ui.label(format!("{}: {} → {}", change.field, change.old, change.new));
        }
        if record.changes.len() > 50 {
            ui.label(
                RichText::new(format!("… and {} earlier changes in the file", record.changes.len() - 50))
                    .small(),
            );
        }
    });
}

/// Preferences: who saves, whether to keep recent files.
pub fn preferences_ui(
    ctx: &egui::Context,
    open: &mut bool,
    user_name: &mut String,
    remember_recent: &mut bool,
) {
    egui::Window::new("Preferences").open(open).resizable(false).show(ctx, |ui| {
        let label = ui.label("Your name (recorded with each save)");
        ui.add(egui::TextEdit::singleline(user_name).hint_text(crate::io::instance::os_user_name()))
            .labelled_by(label.id);
        ui.checkbox(remember_recent, "Remember recent files");
        ui.label(
            RichText::new("Preferences hold your name, theme and recent file paths, never patient details.")
                .small(),
        );
    });
}
