//! Questions about files on shared folders and unsaved edits from an earlier
//! session: a file open elsewhere, a file someone else changed before our
//! save, and edits left by a window that closed without saving. Each is a
//! modal that returns the user's answer; the app acts on it.

use egui::{RichText, Ui};

use crate::io::patient_file::FieldChange;

/// Button: open a file that is open elsewhere without the right to save
/// over it (tests query it).
pub const OPEN_READ_ONLY: &str = "Open read-only";
/// Button: open it for editing all the same.
pub const OPEN_FOR_EDITING: &str = "Open for editing anyway";
/// Button: take over a lock probably left by a closed app, and edit.
pub const TAKE_OVER: &str = "Take over";
/// Button: take the version on disk, dropping this window's edits.
pub const RELOAD_THEIRS: &str = "Reload their version";
/// Button: keep both by saving this window's edits under a new name.
pub const SAVE_MINE_AS_NEW: &str = "Save mine as a new file…";
/// Button: go on to the differences before overwriting.
pub const REVIEW_OVERWRITE: &str = "Overwrite…";
/// Button: overwrite after seeing the differences.
pub const CONFIRM_OVERWRITE: &str = "Overwrite their version";
/// Button: bring back edits from an earlier session.
pub const RESTORE_EDITS: &str = "Restore edits";
/// Button: delete edits from an earlier session.
pub const DISCARD_EDITS: &str = "Discard edits";
/// Shown beside the file name of a file opened read-only.
pub const READ_ONLY_LABEL: &str = "Read-only: open elsewhere";

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
) -> Option<ElsewhereChoice> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("open-elsewhere")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Open elsewhere");
        match left {
            None => {
                ui.label(format!("{file} is open for editing by {holder}."));
                ui.label(
                    "Open it read-only to look without risk: your edits can then be saved under a new \
                     name. If you edit it too, the app will ask before either of you overwrites the other.",
                );
            }
            Some(idle) => {
                ui.label(format!(
                    "{file} is marked open for editing by {holder}, probably left by a closed app \
                     (last active {idle} ago)."
                ));
                ui.label(
                    "Take over to edit it here. Should that app still be open after all, the app will \
                     ask before either of you overwrites the other.",
                );
            }
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if left.is_some() && ui.button(TAKE_OVER).clicked() {
                choice = Some(ElsewhereChoice::TakeOver);
            }
            if ui.button(OPEN_READ_ONLY).clicked() {
                choice = Some(ElsewhereChoice::ReadOnly);
            }
            if left.is_none() && ui.button(OPEN_FOR_EDITING).clicked() {
                choice = Some(ElsewhereChoice::Edit);
            }
            if ui.button("Cancel").clicked() {
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
        ui.heading("Changed by someone else");
        let mut intro = format!("{} was changed on disk after you opened it", view.file);
        if let Some(save) = &view.their_save {
            intro.push_str(&format!(" ({save})"));
        }
        intro.push_str(". Nothing has been saved yet.");
        ui.label(intro);
        if let Some(problem) = &view.unreadable {
            ui.label(format!("Their version cannot be read: {problem}"));
        }
        ui.add_space(8.0);
        match &view.summary {
            None => {
                ui.horizontal_wrapped(|ui| {
                    let reload = ui.add_enabled(view.unreadable.is_none(), egui::Button::new(RELOAD_THEIRS));
                    if reload.clicked() {
                        choice = Some(ChangedChoice::Reload);
                    }
                    if ui.button(SAVE_MINE_AS_NEW).clicked() {
                        choice = Some(ChangedChoice::SaveAsNew);
                    }
                    if ui.button(REVIEW_OVERWRITE).clicked() {
                        choice = Some(ChangedChoice::ReviewOverwrite);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(ChangedChoice::Cancel);
                    }
                });
            }
            Some(changes) => {
                summary_ui(ui, changes, view.unreadable.is_some());
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(CONFIRM_OVERWRITE).clicked() {
                        choice = Some(ChangedChoice::Overwrite);
                    }
                    if ui.button("Back").clicked() {
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

fn summary_ui(ui: &mut Ui, changes: &[FieldChange], unreadable: bool) {
    if unreadable {
        ui.label("Overwriting replaces the unreadable file; it is kept beside it as a .bak file.");
    } else if changes.is_empty() {
        ui.label("Their version has the same values as yours; overwriting adds your save to its record.");
    } else {
        ui.label(format!("Overwriting changes {} value(s) in their version:", changes.len()));
        changes_ui(ui, changes, "theirs", "yours");
        ui.label(
            RichText::new("Their saves and changes stay in the record; their file is kept as a .bak file.")
                .small(),
        );
    }
}

/// Field by field, each side named ("Age: theirs 7 years, yours 3 years").
fn changes_ui(ui: &mut Ui, changes: &[FieldChange], old: &str, new: &str) {
    egui::ScrollArea::vertical().max_height(240.0).show(ui, |ui| {
        for (field, was, is) in changes {
            ui.label(format!("{field}: {old} {was}, {new} {is}"));
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
        ui.heading("Unsaved edits from an earlier session");
        let when =
            if offer.written_at.is_empty() { String::new() } else { format!(" at {}", offer.written_at) };
        ui.label(format!("The app closed without saving edits to {}. They were kept{when}.", offer.file));
        if let Some(problem) = &offer.problem {
            ui.label(format!("They cannot be restored: {problem}"));
        } else if offer.changes.is_empty() {
            ui.label("They match the saved file.");
        } else {
            ui.label("Compared with the saved file:");
            changes_ui(ui, &offer.changes, "saved", "edited");
        }
        if let Some(note) = &offer.note {
            ui.label(RichText::new(note).strong());
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.add_enabled(offer.problem.is_none(), egui::Button::new(RESTORE_EDITS)).clicked() {
                choice = Some(RecoveryChoice::Restore);
            }
            if ui.button(DISCARD_EDITS).clicked() {
                choice = Some(RecoveryChoice::Discard);
            }
        });
    });
    choice
}

/// Under the file name of a file opened read-only.
pub fn read_only_line_ui(ui: &mut Ui) {
    ui.label(RichText::new(READ_ONLY_LABEL).strong())
        .on_hover_text("Saving asks for a new file name; the file itself is left as it is.");
}
