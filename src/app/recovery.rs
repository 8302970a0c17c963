//! Crash recovery in the window: unsaved edits (the form as typed, invalid
//! fields included) are copied to the data folder at most
//! [`RECOVERY_INTERVAL`] after they change, at once when the window loses
//! focus or a termination signal arrives, and whether or not the window is
//! drawn (this runs in the logic pass). The copy is deleted once the edits
//! are saved or discarded, and edits left by a window that ended without
//! either are offered at the next start. The patient file itself is never
//! written here.

use std::collections::VecDeque;
use std::path::Path;
use std::time::{Duration, Instant};

use super::conflict::Access;
use super::{App, txt};
use crate::io::file_name;
use crate::io::instance::Instance;
use crate::io::jobs::Job;
use crate::io::patient_file::{self, SaveError, diff};
use crate::io::recovery::{Edits, Found, Store};
use crate::model::l10n::{self, Lang};
use crate::ui::conflict_ui::{self, OfferView, RecoveryChoice};

/// How soon a change is copied: at most this much typing is lost to a crash
/// or a kill. Short, because a copy is a few kilobytes written off the UI
/// thread, and long enough that steady typing writes it only this often.
pub const RECOVERY_INTERVAL: Duration = Duration::from_secs(5);

/// Recovery state of one window.
pub(super) struct Recovery {
    /// `None` without a data folder (tests, screenshot runs) or when it
    /// cannot be made.
    store: Option<Store>,
    /// The edits generation this window's recovery file holds; `None` when
    /// there is none.
    written: Option<u64>,
    job: Option<Job<(u64, Result<(), SaveError>)>>,
    /// Since when the edits have differed from the copy on disk (clock
    /// time of the first change not yet copied).
    pending_since: Option<Instant>,
    /// Copy at the next step whatever the time (restored edits, whose copy
    /// must be under this window's name).
    copy_now: bool,
    /// Whether the window had the focus at the last step.
    focused: bool,
    /// A failed copy is reported once, not every 30 seconds.
    reported_failure: bool,
    /// Edits left by ended windows, offered one at a time.
    offers: VecDeque<Found>,
    /// What the first offer shows, worked out once.
    view: Option<OfferView>,
}

impl Recovery {
    /// Recovery in `data_dir` for `instance`; any problem with the folder is
    /// returned as a message for the user, and recovery is then off.
    pub(super) fn new(data_dir: Option<&Path>, instance: &Instance, lang: Lang) -> (Self, Option<String>) {
        let mut recovery = Self {
            store: None,
            written: None,
            job: None,
            pending_since: None,
            copy_now: false,
            focused: true,
            reported_failure: false,
            offers: VecDeque::new(),
            view: None,
        };
        let Some(dir) = data_dir else { return (recovery, None) };
        match Store::open(dir, instance.clone()) {
            Ok(store) => {
                recovery.offers = store.left_behind().into();
                recovery.store = Some(store);
                (recovery, None)
            }
            Err(e) => (recovery, Some(l10n::text(lang, "msg-recovery-unavailable", &[("error", txt(e))]))),
        }
    }

    /// Whether a copy is being written.
    pub(super) fn busy(&self) -> bool {
        self.job.is_some()
    }
}

impl App {
    fn current_edits(&self) -> Edits {
        Edits {
            file: self.file.path.clone(),
            base: self.file.doc.clone(),
            base_hash: self.file.shared.hash,
            form: self.file.form.clone(),
        }
    }

    /// Once per logic pass: collects a finished copy, deletes the copy once
    /// the edits are saved or discarded, and starts a new copy when one is
    /// due.
    pub(super) fn recovery_step(&mut self, ctx: &egui::Context) {
        if let Some((generation, result)) = self.recovery.job.as_ref().and_then(Job::poll) {
            self.recovery.job = None;
            match result {
                Ok(()) => {
                    self.recovery.written = Some(generation);
                    self.recovery.reported_failure = false;
                }
                Err(e) if !self.recovery.reported_failure => {
                    self.recovery.reported_failure = true;
                    self.notify(self.say("msg-recovery-failed", &[("error", txt(e))]), true);
                }
                Err(e) => log::warn!("recovery copy failed again: {e}"),
            }
        }
        let Some(store) = self.recovery.store.clone() else { return };
        if self.recovery.job.is_some() {
            return;
        }
        if !self.file.dirty {
            if self.recovery.written.take().is_some()
                && let Err(e) = store.remove()
            {
                log::warn!("could not delete the recovery copy: {e}");
            }
            return;
        }
        // Focus is read from the window's state, which is current in a
        // logic-only pass, as well as from this frame's events.
        let (focused, focus_event) = ctx.input(|i| {
            (i.raw.focused, i.events.iter().any(|e| matches!(e, egui::Event::WindowFocused(false))))
        });
        let focus_lost = focus_event || (self.recovery.focused && !focused);
        self.recovery.focused = focused;
        if self.recovery.written == Some(self.file.edits_generation) {
            return;
        }
        let now = self.clock.now();
        let due = *self.recovery.pending_since.get_or_insert(now) + RECOVERY_INTERVAL;
        if focus_lost || self.recovery.copy_now || now >= due {
            self.recovery.pending_since = None;
            self.recovery.copy_now = false;
            let (edits, generation) = (self.current_edits(), self.file.edits_generation);
            let label = self.say("msg-job-recovery", &[]);
            self.recovery.job =
                Some(Job::spawn("recovery-copy", label, ctx, move || (generation, store.write(&edits))));
        } else {
            ctx.request_repaint_after(due.saturating_duration_since(now).max(Duration::from_millis(10)));
        }
    }

    /// Copies the edits now, on this thread, and waits until the copy is on
    /// disk: the process is about to end (a termination signal).
    pub(super) fn recovery_now(&mut self) {
        if let Some(job) = self.recovery.job.take() {
            job.wait();
        }
        let Some(store) = &self.recovery.store else { return };
        match store.write(&self.current_edits()) {
            Ok(()) => self.recovery.written = Some(self.file.edits_generation),
            Err(e) => log::error!("unsaved edits could not be kept for recovery: {e}"),
        }
    }

    /// The window is closing with its edits saved or discarded: the copy
    /// goes (after any copy still being written).
    pub(super) fn recovery_closing(&mut self) {
        if let Some(job) = self.recovery.job.take() {
            job.wait();
        }
        self.recovery.written = None;
        if let Some(store) = &self.recovery.store
            && let Err(e) = store.remove()
        {
            log::warn!("could not delete the recovery copy: {e}");
        }
    }

    /// Offers edits left by an ended window, one at a time, while this
    /// window has none of its own unsaved.
    pub(super) fn recovery_offer_ui(&mut self, ctx: &egui::Context) {
        if self.file.dirty || self.windows.confirm.is_some() || self.file.shared.asking() {
            return;
        }
        let Some(found) = self.recovery.offers.front() else { return };
        let lang = self.prefs.menu_lang;
        let view = self.recovery.view.get_or_insert_with(|| offer_view(found, lang));
        let Some(choice) = conflict_ui::recovery_offer_ui(ctx, view) else { return };
        ctx.request_repaint();
        self.recovery.view = None;
        let Some(found) = self.recovery.offers.pop_front() else { return };
        match choice {
            RecoveryChoice::Discard => {
                if let Err(e) = found.discard() {
                    self.notify(self.say("msg-recovery-not-deleted", &[("error", txt(e))]), true);
                }
            }
            RecoveryChoice::Restore => self.restore(found),
        }
    }

    fn restore(&mut self, found: Found) {
        if found.edits.is_err() {
            return;
        }
        if let Some(store) = &self.recovery.store
            && let Err(e) = store.take_over(&found)
        {
            log::warn!("could not take over the recovery copy: {e}");
        }
        let Ok(edits) = found.edits else { return };
        // Copy again at once, under this window's name.
        self.recovery.written = None;
        self.recovery.copy_now = true;
        let Edits { file, base, base_hash, form } = edits;
        self.file.doc = base;
        self.file.path = file;
        self.track(self.file.path.clone().as_deref(), base_hash, Access::Edit);
        let name = self.file_label();
        self.show_form(form);
        self.notify(self.say("msg-restored-edits", &[("file", txt(name))]), false);
    }
}

/// What the offer shows: the edits against the file as saved now.
fn offer_view(found: &Found, lang: Lang) -> OfferView {
    let mut view = OfferView {
        file: l10n::text(lang, "dialog-recovery-untitled", &[]),
        lang,
        written_at: found.written_at.clone(),
        changes: Vec::new(),
        note: None,
        problem: None,
    };
    let edits = match &found.edits {
        Ok(edits) => edits,
        Err(problem) => {
            view.problem = Some(problem.clone());
            return view;
        }
    };
    let mut saved = &edits.base.patient;
    let on_disk;
    if let Some(path) = &edits.file {
        view.file = file_name(path);
        on_disk = patient_file::load_tracked(path);
        match on_disk.document() {
            Some(doc) => {
                saved = &doc.patient;
                if on_disk.hash != edits.base_hash {
                    view.note =
                        Some(l10n::text(lang, "dialog-recovery-saved-since", &[("file", txt(&view.file))]));
                }
            }
            None => {
                view.note =
                    Some(l10n::text(lang, "dialog-recovery-unreadable", &[("file", txt(&view.file))]));
            }
        }
    }
    view.changes = match edits.form.to_patient() {
        Ok(edited) => diff(saved, &edited),
        // Fields still being typed are restored as typed; say which.
        Err(problems) => problems
            .into_iter()
            .map(|(_, message)| {
                let typed = l10n::text(lang, "dialog-recovery-as-typed", &[("problem", txt(message))]);
                (l10n::text(lang, "dialog-recovery-not-valid", &[]), "—".to_owned(), typed)
            })
            .collect(),
    };
    view
}
