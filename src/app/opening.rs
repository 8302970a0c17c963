//! Opening patient files: read off the UI thread (a file that never
//! answers leaves the window working, with a button to stop waiting), then
//! shown, or the reason it cannot be.

use crate::model::evidence::changelog;
use std::path::Path;

use super::conflict::Access;
use super::{App, OpenInFlight, txt};
use crate::io::file_name;
use crate::io::jobs::Job;
use crate::io::patient_file::{self, ContentHash, LoadErrorKind, PatientDocument, PatientFileError};
use crate::model::l10n::Arg;

impl App {
    /// The file being opened, if one is (the busy line shows it).
    pub(super) fn opening_label(&self) -> Option<&str> {
        self.work.opening.as_ref().map(|o| o.job.label.as_str())
    }

    /// Stops waiting for a file that does not answer; its reader thread
    /// ends whenever the file does, and its result is dropped.
    pub(super) fn cancel_opening(&mut self) {
        if let Some(opening) = self.work.opening.take() {
            self.notify(self.say("msg-stopped-opening", &[("file", txt(file_name(&opening.path)))]), false);
        }
    }

    /// Collects a file that has been read.
    pub(super) fn poll_opening(&mut self, ctx: &egui::Context) {
        let Some((tracked, holder)) = self.work.opening.as_ref().and_then(|o| o.job.poll()) else { return };
        let Some(OpenInFlight { path, access, .. }) = self.work.opening.take() else { return };
        ctx.request_repaint();
        match holder {
            Some(holder) if access == Access::Edit => self.ask_open_elsewhere(path, holder),
            _ => self.adopt_read(&path, tracked, access),
        }
    }

    /// Opens `path` with the given access. The file and, for editing, its
    /// lock are read off the UI thread: a file that never answers (a FIFO,
    /// a hung share) leaves the window working, with a button to stop
    /// waiting. A file someone else has open for editing asks first.
    pub(super) fn open_with(&mut self, path: &Path, access: Access, ctx: &egui::Context) {
        // Only an open for editing asks whether someone else has it.
        let me = if access == Access::Edit { self.held_elsewhere_check() } else { None };
        let target = path.to_path_buf();
        let label = self.say("msg-opening", &[("file", txt(file_name(path)))]);
        let job = Job::spawn("open-patient", label, ctx, move || {
            let holder = me.and_then(|me| crate::io::patient_file::lock::held_elsewhere(&target, &me));
            (patient_file::load_tracked(&target), holder)
        });
        // A newer request replaces one still waiting.
        self.work.opening = Some(OpenInFlight { job, path: path.to_path_buf(), access });
    }

    /// Shows a file that has been read, or says why it cannot be.
    fn adopt_read(&mut self, path: &Path, tracked: patient_file::Tracked, access: Access) {
        let name = file_name(path);
        match tracked.loaded {
            Ok(loaded) => {
                let recorded = loaded.document.record.saves.last().map(|s| s.evidence_version.clone());
                let new = changelog::new_since_notice(
                    &self.evidence,
                    &loaded.document.patient,
                    recorded.as_deref(),
                    self.prefs.menu_lang,
                );
                let upgraded = loaded.document.upgraded_from();
                self.adopt(loaded.document, path, tracked.hash, access);
                if let Some(version) = upgraded {
                    let notice = patient_file::upgrade_notice(version, self.prefs.menu_lang);
                    self.notify(
                        self.say("msg-file-notice", &[("file", txt(&name)), ("notice", txt(notice))]),
                        false,
                    );
                } else {
                    self.notify(self.say("msg-opened", &[("file", txt(&name))]), false);
                }
                if let Some(new) = new {
                    self.notify(
                        self.say("msg-file-notice", &[("file", txt(&name)), ("notice", txt(new))]),
                        false,
                    );
                }
            }
            Err(e) => match e.kind {
                // The file is well formed but a value is impossible: open it
                // so the clinician can see and correct each problem.
                LoadErrorKind::Content(PatientFileError::Invalid { document, problems }) => {
                    self.adopt(*document, path, tracked.hash, access);
                    let n = i64::try_from(problems.len()).unwrap_or(i64::MAX);
                    let args =
                        [("file", txt(&name)), ("n", Arg::Count(n)), ("problems", txt(problems.join(" ")))];
                    self.notify(self.say("msg-opened-with-problems", &args), true);
                }
                _ => {
                    let error = e.message(self.prefs.menu_lang);
                    self.notify(self.say("msg-could-not-open", &[("error", txt(error))]), true);
                }
            },
        }
    }

    /// Shows `document`, read from `path` at version `hash`.
    pub(super) fn adopt(
        &mut self,
        document: PatientDocument,
        path: &Path,
        hash: Option<ContentHash>,
        access: Access,
    ) {
        let patient = document.patient.clone();
        self.file.doc = document;
        self.file.path = Some(path.to_path_buf());
        self.track(Some(path), hash, access);
        self.prefs.note_recent(path);
        self.show_patient(patient);
    }
}
