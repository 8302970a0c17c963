//! Patient files on shared folders: which version of the file the window
//! has, the lock that tells colleagues it is open here, read-only opening,
//! and the questions when a file is open elsewhere or was changed by someone
//! else before our save. A save never overwrites another person's version
//! without asking.
//!
//! The lock is refreshed while the window is open ([`lock::REFRESH_EVERY`]),
//! so a lock that stopped being refreshed can be offered for taking over
//! ([`lock::Holder::probably_left`]) even when it is held from another
//! computer.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::{App, txt};
use crate::io::dialogs::DialogKind;
use crate::io::file_name;
use crate::io::instance::Instance;
use crate::io::patient_file::lock::{self, Acquired, FileLock, Holder, Refreshed};
use crate::io::patient_file::{ContentHash, PatientDocument, Tracked, diff, remove_stale_temps};
use crate::ui::conflict_ui::{self, ChangedChoice, ChangedView, ElsewhereChoice};

/// How a file is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Access {
    /// For editing, taking the lock.
    Edit,
    /// For editing while someone else holds the lock (the user chose to).
    EditUnlocked,
    /// For editing, taking over a lock that was probably left by a closed
    /// app (the user chose to); once open, the access is [`Access::Edit`].
    TakeOver,
    /// To look: saving goes to a new file.
    ReadOnly,
}

/// A question about the open file, asked in a modal.
enum Question {
    /// The file to open is open elsewhere; `left` is how long ago its
    /// holder was last active, if it probably closed without letting go.
    OpenElsewhere { path: PathBuf, holder: Holder, left: Option<Duration> },
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
    /// When the lock is next refreshed.
    refresh_due: Option<Instant>,
    /// How the file is open; read-only saves go to a new file.
    pub(super) access: Access,
    question: Option<Question>,
}

impl SharedFile {
    pub(super) fn new(locking: bool) -> Self {
        Self { locking, hash: None, lock: None, refresh_due: None, access: Access::Edit, question: None }
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

    /// Refreshes the lock if [`lock::REFRESH_EVERY`] has passed by `now`,
    /// so colleagues see the file is still open here.
    pub(super) fn refresh_lock_if_due(&mut self, now: Instant) -> LockTimer {
        let Some(lock) = &mut self.lock else { return LockTimer::Idle };
        let due = *self.refresh_due.get_or_insert(now + lock::REFRESH_EVERY);
        if now < due {
            return LockTimer::Wait(due - now);
        }
        self.refresh_due = Some(now + lock::REFRESH_EVERY);
        match lock.refresh(SystemTime::now()) {
            Refreshed::Kept => LockTimer::Wait(lock::REFRESH_EVERY),
            Refreshed::Failed(e) => {
                log::warn!("could not refresh the lock file {}: {e}", lock.path().display());
                LockTimer::Wait(lock::REFRESH_EVERY)
            }
            Refreshed::TakenOver(holder) => {
                // Theirs now: dropping ours leaves their lock file alone.
                self.lock = None;
                self.refresh_due = None;
                if self.access == Access::Edit {
                    self.access = Access::EditUnlocked;
                }
                LockTimer::TakenOver(holder)
            }
        }
    }
}

/// What [`SharedFile::refresh_lock_if_due`] asks of the app.
#[derive(Debug)]
pub(super) enum LockTimer {
    /// No lock held: nothing to wake up for.
    Idle,
    /// The next refresh is due in this long.
    Wait(Duration),
    /// Someone else took the lock over (this window looked closed to them).
    TakenOver(Holder),
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
        if self.file.shared.locking { lock::held_elsewhere(path, self.me()) } else { None }
    }

    /// Who this window is, when it takes locks: what an open off the UI
    /// thread checks lock files against.
    pub(super) fn held_elsewhere_check(&self) -> Option<Instance> {
        self.file.shared.locking.then(|| self.me().clone())
    }

    /// Asks what to do about a file that is open elsewhere.
    pub(super) fn ask_open_elsewhere(&mut self, path: PathBuf, holder: Holder) {
        let left = holder.probably_left(SystemTime::now());
        self.file.shared.question = Some(Question::OpenElsewhere { path, holder, left });
    }

    /// Keeps this window's lock fresh; called every frame, it asks for the
    /// frame when the next refresh is due, so an idle window refreshes too.
    pub(super) fn refresh_lock_if_due(&mut self, ctx: &egui::Context) {
        match self.file.shared.refresh_lock_if_due(self.clock.now()) {
            LockTimer::Idle => {}
            LockTimer::Wait(wait) => ctx.request_repaint_after(wait),
            LockTimer::TakenOver(holder) => {
                let name = self.file.path.as_deref().map(file_name).unwrap_or_default();
                let holder = holder.describe_in(self.prefs.menu_lang);
                self.notify(
                    self.say("msg-taken-over", &[("file", txt(name)), ("holder", txt(holder))]),
                    true,
                );
            }
        }
    }

    /// The window now shows `path` (or nothing) at version `hash`: takes
    /// its lock when editing, and lets go of the previous file's.
    pub(super) fn track(&mut self, path: Option<&Path>, hash: Option<ContentHash>, access: Access) {
        let same_file =
            self.file.shared.lock.as_ref().zip(path).is_some_and(|(l, p)| l.path() == lock::lock_path(p));
        if !same_file {
            self.file.shared.lock = None;
            self.file.shared.refresh_due = None;
        }
        self.file.shared.hash = hash;
        self.file.shared.access = if access == Access::TakeOver { Access::Edit } else { access };
        let Some(path) = path else { return };
        if !self.file.shared.locking || same_file {
            return;
        }
        // What a save that was cut short left beside the file.
        remove_stale_temps(path);
        let acquired = match access {
            Access::Edit => lock::acquire(path, &self.lock_holder()),
            Access::TakeOver => lock::take_over(path, &self.lock_holder()),
            Access::EditUnlocked | Access::ReadOnly => return,
        };
        match acquired {
            Acquired::Locked(lock) => {
                self.file.shared.lock = Some(lock);
                self.file.shared.refresh_due = Some(Instant::now() + lock::REFRESH_EVERY);
            }
            Acquired::HeldElsewhere(holder) => {
                self.file.shared.access = Access::ReadOnly;
                let lang = self.prefs.menu_lang;
                let mut args =
                    vec![("file", txt(file_name(path))), ("holder", txt(holder.describe_in(lang)))];
                let id = match holder.probably_left(SystemTime::now()) {
                    Some(idle) => {
                        args.push(("idle", txt(lock::ago(idle, lang))));
                        "msg-held-read-only-left"
                    }
                    None => "msg-held-read-only",
                };
                self.notify(self.say(id, &args), true);
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
            .map(|s| self.say("dialog-their-save", &[("user", txt(&s.saved_by)), ("at", txt(&s.saved_at))]));
        let unreadable = match &theirs.loaded {
            Err(e) if theirs.document().is_none() => Some(e.kind.message(self.prefs.menu_lang)),
            _ => None,
        };
        let view = ChangedView {
            file: file_name(&path),
            their_save,
            unreadable,
            summary: None,
            lang: self.prefs.menu_lang,
        };
        self.file.shared.question = Some(Question::Changed { path, theirs: Box::new(theirs), view });
    }

    /// Shows the pending question, if any, and acts on the answer.
    pub(super) fn shared_file_ui(&mut self, ctx: &egui::Context) {
        let Some(question) = self.file.shared.question.take() else { return };
        match question {
            Question::OpenElsewhere { path, holder, left } => {
                let idle = left.map(|d| lock::ago(d, self.prefs.menu_lang));
                match conflict_ui::open_elsewhere_ui(
                    ctx,
                    &file_name(&path),
                    &holder.describe_in(self.prefs.menu_lang),
                    idle.as_deref(),
                    self.prefs.menu_lang,
                ) {
                    None => {
                        self.file.shared.question = Some(Question::OpenElsewhere { path, holder, left });
                        return;
                    }
                    Some(ElsewhereChoice::ReadOnly) => self.open_with(&path, Access::ReadOnly, ctx),
                    Some(ElsewhereChoice::Edit) => self.open_with(&path, Access::EditUnlocked, ctx),
                    Some(ElsewhereChoice::TakeOver) => self.open_with(&path, Access::TakeOver, ctx),
                    Some(ElsewhereChoice::Cancel) => {}
                }
            }
            Question::Changed { path, theirs, mut view } => match conflict_ui::changed_on_disk_ui(ctx, &view)
            {
                None => {
                    self.file.shared.question = Some(Question::Changed { path, theirs, view });
                    return;
                }
                Some(ChangedChoice::ReviewOverwrite) => {
                    let base = theirs.document().unwrap_or(&self.file.doc);
                    view.summary = Some(diff(&base.patient, &self.file.patient));
                    self.file.shared.question = Some(Question::Changed { path, theirs, view });
                }
                Some(ChangedChoice::Back) => {
                    view.summary = None;
                    self.file.shared.question = Some(Question::Changed { path, theirs, view });
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
                    let base: PatientDocument = theirs.document().unwrap_or(&self.file.doc).clone();
                    self.start_save_from(path, &base, theirs.hash, ctx);
                }
                Some(ChangedChoice::Cancel) => self.work.after_save = None,
            },
        }
        // Answered: show the effect at once.
        ctx.request_repaint();
    }

    fn reload_theirs(&mut self, path: &Path, theirs: &Tracked) {
        self.work.after_save = None;
        let Some(document) = theirs.document().cloned() else { return };
        self.adopt(document, path, theirs.hash, Access::Edit);
        self.notify(self.say("msg-reloaded", &[("file", txt(file_name(path)))]), false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::instance::Registered;
    use crate::io::patient_file::utc_timestamp;

    fn lock_on_disk(file: &Path) -> Holder {
        ron::from_str(&std::fs::read_to_string(lock::lock_path(file)).unwrap()).unwrap()
    }

    #[test]
    fn the_lock_is_refreshed_when_due_and_let_go_once_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("boy.xhim.ron");
        let me = Registered::new();
        let mut holder = Holder::new(me.instance().clone(), "Dr A".to_owned());
        let Acquired::Locked(taken) = lock::acquire(&file, &holder) else { panic!() };
        // As if the last refresh was an hour ago.
        holder.last_active = Some(utc_timestamp(SystemTime::now() - Duration::from_secs(3600)));
        std::fs::write(lock::lock_path(&file), ron::to_string(&holder).unwrap()).unwrap();
        let mut shared = SharedFile::new(true);
        shared.lock = Some(taken);

        let start = Instant::now();
        assert!(matches!(shared.refresh_lock_if_due(start), LockTimer::Wait(w) if w == lock::REFRESH_EVERY));
        let second = Duration::from_secs(1);
        let wait = shared.refresh_lock_if_due(start + second);
        assert!(matches!(wait, LockTimer::Wait(w) if w == lock::REFRESH_EVERY - second), "{wait:?}");
        assert_eq!(lock_on_disk(&file), holder, "not before it is due");

        let due = start + lock::REFRESH_EVERY;
        assert!(matches!(shared.refresh_lock_if_due(due), LockTimer::Wait(w) if w == lock::REFRESH_EVERY));
        let refreshed = lock_on_disk(&file);
        let active = crate::io::patient_file::parse_utc_timestamp(refreshed.last_active()).unwrap();
        assert!(active.elapsed().unwrap_or_default() < Duration::from_secs(60), "{refreshed:?}");
        assert_eq!((&refreshed.since, &refreshed.instance), (&holder.since, &holder.instance));

        // A colleague took it over while this window looked closed.
        let theirs = Holder::new(Registered::new().instance().clone(), "Dr B".to_owned());
        let them =
            Holder { instance: Instance { host: "WARD-PC-3".to_owned(), ..theirs.instance }, ..theirs };
        std::fs::write(lock::lock_path(&file), ron::to_string(&them).unwrap()).unwrap();
        let outcome = shared.refresh_lock_if_due(due + lock::REFRESH_EVERY);
        assert!(matches!(&outcome, LockTimer::TakenOver(by) if *by == them), "{outcome:?}");
        assert!(shared.lock.is_none());
        assert_eq!(shared.access, Access::EditUnlocked, "still editing, without the lock");
        assert_eq!(lock_on_disk(&file), them, "their lock stays");
        assert!(matches!(shared.refresh_lock_if_due(due + 3 * lock::REFRESH_EVERY), LockTimer::Idle));
    }
}
