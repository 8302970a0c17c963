//! Windows around patient files: the unsaved-changes question, the typed-path
//! fallback when no system dialog exists, preferences, and the file's record
//! (saves and change log).

use egui::{RichText, Ui};

use crate::io::patient_file::Record;
use crate::model::l10n::{self, Arg, Lang};

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

/// What the user was about to do when asked about unsaved edits; the
/// question names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAction {
    /// Close the window.
    Quit,
    /// Start a new patient.
    New,
    /// Close the file.
    Close,
    /// Open another file.
    Open,
}

impl UnsavedAction {
    /// The message file's key for the action.
    const fn key(self) -> &'static str {
        match self {
            Self::Quit => "quit",
            Self::New => "new",
            Self::Close => "close",
            Self::Open => "open",
        }
    }
}

/// Asks Save / Discard / Cancel in `lang`; `None` while the user has not
/// answered.
pub fn unsaved_changes_ui(
    ctx: &egui::Context,
    file: &str,
    action: UnsavedAction,
    lang: Lang,
) -> Option<UnsavedChoice> {
    let t = |id: &str| l10n::text(lang, id, &[]);
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.heading(t("dialog-unsaved-title"));
        let args = [("file", Arg::Text(file.to_owned())), ("action", Arg::Text(action.key().to_owned()))];
        ui.label(l10n::text(lang, "dialog-unsaved-text", &args));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(t("dialog-save")).clicked() {
                choice = Some(UnsavedChoice::Save);
            }
            if ui.button(t("dialog-discard-changes")).clicked() {
                choice = Some(UnsavedChoice::Discard);
            }
            if ui.button(t("dialog-cancel")).clicked() {
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
    /// The language of the words, for the Cancel button.
    pub lang: Lang,
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
            if ui.button(l10n::text(question.lang, "dialog-cancel", &[])).clicked() {
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
pub fn cancel_opening(lang: Lang) -> String {
    l10n::text(lang, "dialog-stop-opening", &[])
}

/// A file being opened: its name, a busy indicator and a button to stop
/// waiting; returns true when that button was clicked.
pub fn opening_line_ui(ui: &mut Ui, label: &str, lang: Lang) -> bool {
    ui.horizontal_wrapped(|ui| {
        crate::ui::status::busy_indicator(ui);
        ui.label(format!("{label}…"));
        ui.button(cancel_opening(lang))
            .on_hover_text(l10n::text(lang, "dialog-stop-opening-hint", &[]))
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
pub fn path_field_label(lang: Lang) -> String {
    l10n::text(lang, "dialog-path-label", &[])
}

/// The fallback when no system file dialog is available, in `lang`.
pub fn path_field_ui(ctx: &egui::Context, field: &mut PathField, lang: Lang) -> PathFieldAction {
    let t = |id: &str| l10n::text(lang, id, &[]);
    let mut action = PathFieldAction::None;
    let title = match field.purpose {
        PathPurpose::Open => "dialog-path-open-title",
        PathPurpose::SaveAs => "dialog-path-save-title",
        PathPurpose::Report => "dialog-path-report-title",
        PathPurpose::Handout => "dialog-path-handout-title",
    };
    egui::Window::new(t(title)).collapsible(false).resizable(false).show(ctx, |ui| {
        ui.label(t(match field.purpose {
            PathPurpose::Report | PathPurpose::Handout => "dialog-path-pdf",
            _ => "dialog-path-patient",
        }));
        let label = ui.label(path_field_label(lang));
        let response =
            ui.add(egui::TextEdit::singleline(&mut field.text).desired_width(420.0)).labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let ok = match field.purpose {
                PathPurpose::Open => "dialog-open",
                PathPurpose::SaveAs | PathPurpose::Report | PathPurpose::Handout => "dialog-save",
            };
            if (ui.button(t(ok)).clicked() || entered) && !field.text.trim().is_empty() {
                action = PathFieldAction::Submit(field.text.trim().into());
            }
            if ui.button(t("dialog-cancel")).clicked() {
                action = PathFieldAction::Cancel;
            }
        });
    });
    action
}

/// The file's saves and change log, newest first.
pub fn record_ui(ui: &mut Ui, record: &Record) {
    let count = |n: usize| Arg::Count(i64::try_from(n).unwrap_or(i64::MAX));
    let text = |s: &str| Arg::Text(s.to_owned());
    egui::CollapsingHeader::new(l10n::en(
        "record-heading",
        &[("saves", count(record.saves.len())), ("changes", count(record.changes.len()))],
    ))
    .id_salt("record")
    .show(ui, |ui| {
        if record.saves.is_empty() {
            ui.label(l10n::en("record-not-saved", &[]));
        }
        if let Some(last) = record.saves.last() {
            ui.label(l10n::en(
                "record-last-saved",
                &[("at", text(&last.saved_at)), ("by", text(&last.saved_by))],
            ));
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
                RichText::new(l10n::en("record-more-changes", &[("n", count(record.changes.len() - 50))]))
                    .small(),
            );
        }
    });
}

/// Preferences: who saves, whether to keep recent files.
pub fn preferences_ui(
    ctx: &egui::Context,
    open: &mut bool,
    (user_name, remember_recent): (&mut String, &mut bool),
    lang: Lang,
) {
    let t = |id: &str| l10n::text(lang, id, &[]);
    let window = egui::Window::new(t("prefs-title")).id(egui::Id::unique("preferences"));
    window.open(open).resizable(false).show(ctx, |ui| {
        let label = ui.label(t("prefs-name"));
        ui.add(egui::TextEdit::singleline(user_name).hint_text(crate::io::instance::os_user_name()))
            .labelled_by(label.id);
        ui.checkbox(remember_recent, t("prefs-remember-recent"));
        ui.label(RichText::new(t("prefs-what-is-kept")).small());
    });
}
