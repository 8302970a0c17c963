//! Questions about files on shared folders and unsaved edits from an earlier
//! session: a file open elsewhere, a file someone else changed before our
//! save, and edits left by a window that closed without saving. Each is a
//! modal that returns the user's answer; the app acts on it.

use egui::{RichText, Ui};

use crate::io::patient_file::FieldChange;
use crate::model::l10n::{self, Lang};

/// Button: open a file that is open elsewhere without the right to save
/// over it (tests query it).
pub fn open_read_only(lang: Lang) -> String {
    l10n::text(lang, "dialog-open-read-only", &[])
}
/// Button: open it for editing all the same.
pub fn open_for_editing(lang: Lang) -> String {
    l10n::text(lang, "dialog-open-for-editing", &[])
}
/// Button: take over a lock probably left by a closed app, and edit.
pub fn take_over(lang: Lang) -> String {
    l10n::text(lang, "dialog-take-over", &[])
}
/// Button: take the version on disk, dropping this window's edits.
pub fn reload_theirs(lang: Lang) -> String {
    l10n::text(lang, "dialog-reload-theirs", &[])
}
/// Button: keep both by saving this window's edits under a new name.
pub fn save_mine_as_new(lang: Lang) -> String {
    l10n::text(lang, "dialog-save-mine-as-new", &[])
}
/// Button: go on to the differences before overwriting.
pub fn review_overwrite(lang: Lang) -> String {
    l10n::text(lang, "dialog-review-overwrite", &[])
}
/// Button: overwrite after seeing the differences.
pub fn confirm_overwrite(lang: Lang) -> String {
    l10n::text(lang, "dialog-confirm-overwrite", &[])
}
/// Button: bring back edits from an earlier session.
pub fn restore_edits(lang: Lang) -> String {
    l10n::text(lang, "dialog-restore-edits", &[])
}
/// Button: delete edits from an earlier session.
pub fn discard_edits(lang: Lang) -> String {
    l10n::text(lang, "dialog-discard-edits", &[])
}
/// Shown beside the file name of a file opened read-only.
pub fn read_only_label(lang: Lang) -> String {
    l10n::text(lang, "dialog-read-only", &[])
}

/// The answer to "this file is open elsewhere".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElsewhereChoice {
    /// Open it, but save only under a new name.
    ReadOnly,
    /// Open it for editing; the check before saving still protects both.
    Edit,
    /// Take over the lock (probably left by a closed app) and edit.
    TakeOver,
    /// Do not open it.
    Cancel,
}

/// Asks what to do with a file open elsewhere; `holder` describes who has
/// it ("Dr A on WARD-PC-3 since …"), and `left` says how long ago that app
/// was last active ("3 days") when it probably closed without letting go,
/// in which case taking over is offered instead of editing alongside.
pub fn open_elsewhere_ui(
    ctx: &egui::Context,
    file: &str,
    holder: &str,
    left: Option<&str>,
    lang: Lang,
) -> Option<ElsewhereChoice> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("open-elsewhere")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading(l10n::text(lang, "dialog-elsewhere-title", &[]));
        match left {
            None => {
                ui.label(l10n::text_words(
                    lang,
                    "dialog-elsewhere-text",
                    &[("file", file), ("holder", holder)],
                ));
                ui.label(l10n::text(lang, "dialog-elsewhere-advice", &[]));
            }
            Some(idle) => {
                let args = [("file", file), ("holder", holder), ("idle", idle)];
                ui.label(l10n::text_words(lang, "dialog-elsewhere-left", &args));
                ui.label(l10n::text(lang, "dialog-elsewhere-left-advice", &[]));
            }
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if left.is_some() && ui.button(take_over(lang)).clicked() {
                choice = Some(ElsewhereChoice::TakeOver);
            }
            if ui.button(open_read_only(lang)).clicked() {
                choice = Some(ElsewhereChoice::ReadOnly);
            }
            if left.is_none() && ui.button(open_for_editing(lang)).clicked() {
                choice = Some(ElsewhereChoice::Edit);
            }
            if ui.button(l10n::text(lang, "dialog-cancel", &[])).clicked() {
                choice = Some(ElsewhereChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(ElsewhereChoice::Cancel);
    }
    choice
}

/// What the "changed on disk" question shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedView {
    /// The file's name.
    pub file: String,
    /// Their last save, in words ("last saved by Dr B at 2026-…"), if known.
    pub their_save: Option<String>,
    /// Why their version cannot be read, if it cannot.
    pub unreadable: Option<String>,
    /// The values overwriting would change (field, theirs, mine); shown
    /// once the user asks to overwrite.
    pub summary: Option<Vec<FieldChange>>,
    /// The language of the question.
    pub lang: Lang,
}

/// The answer to "someone else changed this file".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangedChoice {
    /// Drop this window's edits and show their version.
    Reload,
    /// Save this window's edits as a new file.
    SaveAsNew,
    /// Show what overwriting would change.
    ReviewOverwrite,
    /// Overwrite (after the summary).
    Overwrite,
    /// Back from the summary to the three choices.
    Back,
    /// Neither: keep editing, nothing saved.
    Cancel,
}

/// Asks what to do when the file changed on disk since it was opened.
pub fn changed_on_disk_ui(ctx: &egui::Context, view: &ChangedView) -> Option<ChangedChoice> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("changed-on-disk")).show(ctx, |ui| {
        ui.set_width(520.0);
        let lang = view.lang;
        ui.heading(l10n::text(lang, "dialog-changed-title", &[]));
        ui.label(match &view.their_save {
            Some(save) => {
                l10n::text_words(lang, "dialog-changed-text-by", &[("file", &view.file), ("save", save)])
            }
            None => l10n::text_words(lang, "dialog-changed-text", &[("file", &view.file)]),
        });
        if let Some(problem) = &view.unreadable {
            ui.label(l10n::text_words(lang, "dialog-their-unreadable", &[("problem", problem)]));
        }
        ui.add_space(8.0);
        match &view.summary {
            None => {
                ui.horizontal_wrapped(|ui| {
                    let reload =
                        ui.add_enabled(view.unreadable.is_none(), egui::Button::new(reload_theirs(lang)));
                    if reload.clicked() {
                        choice = Some(ChangedChoice::Reload);
                    }
                    if ui.button(save_mine_as_new(lang)).clicked() {
                        choice = Some(ChangedChoice::SaveAsNew);
                    }
                    if ui.button(review_overwrite(lang)).clicked() {
                        choice = Some(ChangedChoice::ReviewOverwrite);
                    }
                    if ui.button(l10n::text(lang, "dialog-cancel", &[])).clicked() {
                        choice = Some(ChangedChoice::Cancel);
                    }
                });
            }
            Some(changes) => {
                summary_ui(ui, changes, view.unreadable.is_some(), lang);
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(confirm_overwrite(lang)).clicked() {
                        choice = Some(ChangedChoice::Overwrite);
                    }
                    if ui.button(l10n::text(lang, "dialog-back", &[])).clicked() {
                        choice = Some(ChangedChoice::Back);
                    }
                });
            }
        }
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(ChangedChoice::Cancel);
    }
    choice
}

fn summary_ui(ui: &mut Ui, changes: &[FieldChange], unreadable: bool, lang: Lang) {
    if unreadable {
        ui.label(l10n::text(lang, "dialog-overwrite-unreadable", &[]));
    } else if changes.is_empty() {
        ui.label(l10n::text(lang, "dialog-overwrite-same", &[]));
    } else {
        ui.label(l10n::text_words(lang, "dialog-overwrite-changes", &[("n", &changes.len().to_string())]));
        changes_ui(ui, changes, "dialog-change-theirs", lang);
        ui.label(RichText::new(l10n::text(lang, "dialog-overwrite-kept", &[])).small());
    }
}

/// Field by field, each side named ("Age: theirs 7 years, yours 3 years");
/// `id` is the message that names the sides.
fn changes_ui(ui: &mut Ui, changes: &[FieldChange], id: &str, lang: Lang) {
    egui::ScrollArea::vertical().max_height(240.0).show(ui, |ui| {
        for (field, was, is) in changes {
            ui.label(l10n::text_words(lang, id, &[("field", field), ("old", was), ("new", is)]));
        }
    });
}

/// What the recovery question shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfferView {
    /// The file the edits belong to, or "an untitled patient".
    pub file: String,
    /// When they were last kept, UTC.
    pub written_at: String,
    /// How they differ from the saved file (field, saved, edited).
    pub changes: Vec<FieldChange>,
    /// Something to know first (the file changed on disk since, or cannot
    /// be read).
    pub note: Option<String>,
    /// Why the edits cannot be restored, if they cannot.
    pub problem: Option<String>,
    /// The language of the question.
    pub lang: Lang,
}

/// The answer to "restore unsaved edits?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Bring them back, unsaved.
    Restore,
    /// Delete them.
    Discard,
}

/// Offers edits left unsaved by a window that closed without saving.
pub fn recovery_offer_ui(ctx: &egui::Context, offer: &OfferView) -> Option<RecoveryChoice> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("recovery-offer")).show(ctx, |ui| {
        ui.set_width(520.0);
        let lang = offer.lang;
        ui.heading(l10n::text(lang, "dialog-recovery-title", &[]));
        ui.label(if offer.written_at.is_empty() {
            l10n::text_words(lang, "dialog-recovery-text", &[("file", &offer.file)])
        } else {
            l10n::text_words(
                lang,
                "dialog-recovery-text-at",
                &[("file", &offer.file), ("at", &offer.written_at)],
            )
        });
        if let Some(problem) = &offer.problem {
            ui.label(l10n::text_words(lang, "dialog-recovery-problem", &[("problem", problem)]));
        } else if offer.changes.is_empty() {
            ui.label(l10n::text(lang, "dialog-recovery-same", &[]));
        } else {
            ui.label(l10n::text(lang, "dialog-recovery-compared", &[]));
            changes_ui(ui, &offer.changes, "dialog-change-edited", lang);
        }
        if let Some(note) = &offer.note {
            ui.label(RichText::new(note).strong());
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.add_enabled(offer.problem.is_none(), egui::Button::new(restore_edits(lang))).clicked() {
                choice = Some(RecoveryChoice::Restore);
            }
            if ui.button(discard_edits(lang)).clicked() {
                choice = Some(RecoveryChoice::Discard);
            }
        });
    });
    choice
}

/// Under the file name of a file opened read-only.
pub fn read_only_line_ui(ui: &mut Ui, lang: Lang) {
    ui.label(RichText::new(read_only_label(lang)).strong()).on_hover_text(l10n::text(
        lang,
        "dialog-read-only-hint",
        &[],
    ));
}
