//! Patient files on shared folders: which version of the file the window
//! has, the lock that tells colleagues it is open here, read-only opening,
//! and the questions when a file is open elsewhere or was changed by someone
//! else before our save. A save never overwrites another person's version
//! without asking.

use std::path::{Path, PathBuf};

use super::App;
use crate::io::dialogs::DialogKind;
use crate::io::file_name;
use crate::io::instance::Instance;
use crate::io::patient_file::lock::{self, Acquired, FileLock, Holder};
use crate::io::patient_file::{ContentHash, PatientDocument, Tracked, diff};
use crate::ui::conflict_ui::{self, ChangedChoice, ChangedView, ElsewhereChoice};

/// How a file is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Access {
    /// For editing, taking the lock.
    Edit,
    /// For editing while someone else holds the lock (the user chose to).
    EditUnlocked,
    /// To look: saving goes to a new file.
    ReadOnly,
}

/// A question about the open file, asked in a modal.
enum Question {
    /// The file to open is open elsewhere.
    OpenElsewhere { path: PathBuf, holder: Holder },
    /// Our save found someone else's version on disk.
    Changed { path: PathBuf, theirs: Box<Tracked>, view: ChangedView },
}

/// The state of the open file with respect to other people.
pub(super) struct SharedFile {
    /// Whether this window takes locks (a real window does; tests and
    /// screenshot runs leave shared folders alone).
    locking: bool,
    /// The version of the file this window has: the hash of the bytes read
    /// or last written.
    pub(super) hash: Option<ContentHash>,
    lock: Option<FileLock>,
    /// How the file is open; read-only saves go to a new file.
    pub(super) access: Access,
    question: Option<Question>,
}

impl SharedFile {
    pub(super) fn new(locking: bool) -> Self {
        Self { locking, hash: None, lock: None, access: Access::Edit, question: None }
    }

    /// Whether saving over the file is not allowed here.
    pub(super) fn read_only(&self) -> bool {
        self.access == Access::ReadOnly
    }

    /// No file any more (New, Close): the lock is released.
    pub(super) fn forget(&mut self) {
        *self = Self::new(self.locking);
    }

    /// Whether a question is waiting for an answer.
    pub(super) fn asking(&self) -> bool {
        self.question.is_some()
    }
}

impl App {
    /// Who this window is, as written in a lock file.
    fn lock_holder(&self) -> Holder {
        Holder::new(self.instance.instance().clone(), self.prefs.saved_by())
    }

    fn me(&self) -> &Instance {
        self.instance.instance()
    }

    /// Someone else who has `path` open, if this window takes locks.
    pub(super) fn held_elsewhere(&self, path: &Path) -> Option<Holder> {
        if self.shared.locking { lock::held_elsewhere(path, self.me()) } else { None }
    }

    /// Who this window is, when it takes locks: what an open off the UI
    /// thread checks lock files against.
    pub(super) fn held_elsewhere_check(&self) -> Option<Instance> {
        self.shared.locking.then(|| self.me().clone())
    }

    /// Asks what to do about a file that is open elsewhere.
    pub(super) fn ask_open_elsewhere(&mut self, path: PathBuf, holder: Holder) {
        self.shared.question = Some(Question::OpenElsewhere { path, holder });
    }

    /// The window now shows `path` (or nothing) at version `hash`: takes
    /// its lock when editing, and lets go of the previous file's.
    pub(super) fn track(&mut self, path: Option<&Path>, hash: Option<ContentHash>, access: Access) {
        let same_file =
            self.shared.lock.as_ref().zip(path).is_some_and(|(l, p)| l.path() == lock::lock_path(p));
        if !same_file {
            self.shared.lock = None;
        }
        self.shared.hash = hash;
        self.shared.access = access;
        let Some(path) = path else { return };
        if !self.shared.locking || access != Access::Edit || same_file {
            return;
        }
        match lock::acquire(path, &self.lock_holder()) {
            Acquired::Locked(lock) => self.shared.lock = Some(lock),
            Acquired::HeldElsewhere(holder) => {
                self.shared.access = Access::ReadOnly;
                self.notify(
                    format!(
                        "{} is open for editing by {}; opened read-only. Save your edits as a new file.",
                        file_name(path),
                        holder.describe()
                    ),
                    true,
                );
            }
            Acquired::Unavailable(e) => {
                log::warn!("no lock file for {}: {e}", file_name(path));
            }
        }
    }

    /// Our save found someone else's version on disk: ask what to do.
    pub(super) fn ask_changed(&mut self, path: PathBuf, theirs: Tracked) {
        let their_save = theirs
            .document()
            .and_then(|d| d.record.saves.last())
            .map(|s| format!("last saved by {} at {}", s.saved_by, s.saved_at));
        let unreadable = match &theirs.loaded {
            Err(e) if theirs.document().is_none() => Some(e.kind.to_string()),
            _ => None,
        };
        let view = ChangedView { file: file_name(&path), their_save, unreadable, summary: None };
        self.shared.question = Some(Question::Changed { path, theirs: Box::new(theirs), view });
    }

    /// Shows the pending question, if any, and acts on the answer.
    pub(super) fn shared_file_ui(&mut self, ctx: &egui::Context) {
        let Some(question) = self.shared.question.take() else { return };
        match question {
            Question::OpenElsewhere { path, holder } => {
                match conflict_ui::open_elsewhere_ui(ctx, &file_name(&path), &holder.describe()) {
                    None => {
                        self.shared.question = Some(Question::OpenElsewhere { path, holder });
                        return;
                    }
                    Some(ElsewhereChoice::ReadOnly) => self.open_with(&path, Access::ReadOnly, ctx),
                    Some(ElsewhereChoice::Edit) => self.open_with(&path, Access::EditUnlocked, ctx),
                    Some(ElsewhereChoice::Cancel) => {}
                }
            }
            Question::Changed { path, theirs, mut view } => match conflict_ui::changed_on_disk_ui(ctx, &view)
            {
                None => {
                    self.shared.question = Some(Question::Changed { path, theirs, view });
                    return;
                }
                Some(ChangedChoice::ReviewOverwrite) => {
                    let base = theirs.document().unwrap_or(&self.doc);
                    view.summary = Some(diff(&base.patient, &self.patient));
                    self.shared.question = Some(Question::Changed { path, theirs, view });
                }
                Some(ChangedChoice::Back) => {
                    view.summary = None;
                    self.shared.question = Some(Question::Changed { path, theirs, view });
                }
                Some(ChangedChoice::Reload) => self.reload_theirs(&path, &theirs),
                Some(ChangedChoice::SaveAsNew) => {
                    let folder = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
                    let proposed = crate::io::free_patient_path(&folder, &file_name(&path));
                    self.ask(DialogKind::SavePatient(proposed.display().to_string()), ctx);
                }
                Some(ChangedChoice::Overwrite) => {
                    // On top of their version, so their saves stay in the
                    // record and the log gains exactly the values we change.
                    let base: PatientDocument = theirs.document().unwrap_or(&self.doc).clone();
                    self.start_save_from(path, &base, theirs.hash, ctx);
                }
                Some(ChangedChoice::Cancel) => self.after_save = None,
            },
        }
        // Answered: show the effect at once.
        ctx.request_repaint();
    }

    fn reload_theirs(&mut self, path: &Path, theirs: &Tracked) {
        self.after_save = None;
        let Some(document) = theirs.document().cloned() else { return };
        self.adopt(document, path, theirs.hash, Access::Edit);
        self.notify(
            format!("Reloaded {} as saved on disk; your edits were dropped.", file_name(path)),
            false,
        );
    }
}
