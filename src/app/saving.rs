//! Saving patient files: the questions first (replace another patient's
//! file? save with no age?), then the write off the UI thread over the
//! version this window has, or to a new file nobody else has open.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{App, SaveInFlight, txt};
use crate::io::dialogs::DialogKind;
use crate::io::file_name;
use crate::io::jobs::Job;
use crate::io::patient_file::{self, ContentHash, PatientDocument, SaveContext};
use crate::model::l10n::{self, Lang};
use crate::model::patient::AgeSource;
use crate::model::text::{Quantity, Unit};
use crate::ui::file_ui::{self, Question};

/// A question before a save goes ahead.
pub(super) enum SaveQuestion {
    /// Reading what a Save As would replace (off the UI thread: the folder
    /// may be a slow share); `None` from the job when nothing is there.
    Inspecting { path: PathBuf, checks: SaveChecks, job: Job<Option<String>> },
    /// Asking; a yes saves with `yes`, what the answer grants.
    Asking { question: Question, path: PathBuf, yes: SaveChecks },
}

/// What the user has already agreed to for one save.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct SaveChecks {
    /// Replacing the other patient file at the path.
    replace: bool,
    /// Saving a patient with no age.
    no_age: bool,
}

impl App {
    /// Where Save As proposes to save: the current file itself, or (for a
    /// `new_file`: a read-only file, a copy beside someone else's version)
    /// the first free `NAME-N.xhim.ron` beside it; for a patient never
    /// saved, a free name in the user's documents folder. Names end in
    /// `.xhim.ron`, the type a file manager opens with this app.
    pub(super) fn suggested_path(&self, new_file: bool) -> PathBuf {
        match &self.file.path {
            Some(path) if !new_file => path.clone(),
            Some(path) => {
                let folder = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
                crate::io::free_patient_path(&folder, &file_name(path))
            }
            None => {
                let folder = self.documents.clone().or_else(crate::io::documents_folder).unwrap_or_default();
                crate::io::free_patient_path(&folder, "patient.xhim.ron")
            }
        }
    }

    /// Asks where to save a file that has no path here yet (new, or open
    /// read-only).
    pub(super) fn ask_where_to_save(&mut self, ctx: &egui::Context) {
        let proposed = self.suggested_path(true);
        self.ask(DialogKind::SavePatient(proposed.display().to_string()), ctx);
    }

    /// Saves the edits to `path`: over the version this window has, or to a
    /// new file nobody else has open.
    pub(super) fn start_save(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.start_save_checked(path, SaveChecks::default(), ctx);
    }

    /// [`Self::start_save`] with what the user has agreed to so far: a Save
    /// As onto another file asks first, naming the patient it holds, and so
    /// does saving a patient with no age.
    fn start_save_checked(&mut self, path: PathBuf, checks: SaveChecks, ctx: &egui::Context) {
        let current = self.file.path.as_deref() == Some(path.as_path());
        if current && self.file.shared.read_only() {
            self.notify(self.say("msg-read-only-save-new", &[("file", txt(file_name(&path)))]), true);
            self.ask_where_to_save(ctx);
            return;
        }
        if !self.file.form_errors.is_empty() {
            self.refuse_invalid_form();
            return;
        }
        if !current && let Some(holder) = self.held_elsewhere(&path) {
            let holder = holder.describe_in(self.prefs.menu_lang);
            self.notify(
                self.say("msg-not-saved-held", &[("file", txt(file_name(&path))), ("holder", txt(holder))]),
                true,
            );
            self.work.after_save = None;
            return;
        }
        if !current && !checks.replace {
            let (target, lang) = (path.clone(), self.prefs.menu_lang);
            let label = self.say("msg-job-checking", &[("file", txt(file_name(&path)))]);
            let job = Job::spawn("inspect-target", label, ctx, move || describe_existing(&target, lang));
            self.windows.save_question = Some(SaveQuestion::Inspecting { path, checks, job });
            return;
        }
        if self.file.patient.age == AgeSource::NotGiven && !checks.no_age {
            let question = Question {
                title: self.say("dialog-no-age-title", &[]),
                text: self.say("dialog-no-age-text", &[]),
                confirm: save_without_age(self.prefs.menu_lang),
                lang: self.prefs.menu_lang,
            };
            let yes = SaveChecks { no_age: true, ..checks };
            self.windows.save_question = Some(SaveQuestion::Asking { question, path, yes });
            return;
        }
        let expected = if current { self.file.shared.hash } else { None };
        let base = self.file.doc.clone();
        self.start_save_from(path, &base, expected, ctx);
    }

    /// Collects what a Save As would replace (in the logic pass, like any
    /// background work): nothing there saves at once; another file asks.
    pub(super) fn poll_save_check(&mut self, ctx: &egui::Context) {
        let Some(SaveQuestion::Inspecting { job, .. }) = &self.windows.save_question else { return };
        let Some(found) = job.poll() else { return };
        let Some(SaveQuestion::Inspecting { path, checks, .. }) = self.windows.save_question.take() else {
            return;
        };
        let yes = SaveChecks { replace: true, ..checks };
        match found {
            None => self.start_save_checked(path, yes, ctx),
            Some(about) => {
                let name = file_name(&path);
                let question = Question {
                    title: self.say("dialog-replace-title", &[("file", txt(&name))]),
                    text: self.say("dialog-replace-text", &[("file", txt(&name)), ("about", txt(about))]),
                    confirm: replace(self.prefs.menu_lang),
                    lang: self.prefs.menu_lang,
                };
                self.windows.save_question = Some(SaveQuestion::Asking { question, path, yes });
                ctx.request_repaint();
            }
        }
    }

    /// Asks the question before a save; a yes saves with what it granted.
    pub(super) fn save_question_ui(&mut self, ctx: &egui::Context) {
        let Some(SaveQuestion::Asking { question, .. }) = &self.windows.save_question else { return };
        let Some(answer) = file_ui::question_ui(ctx, question) else { return };
        let Some(SaveQuestion::Asking { path, yes, .. }) = self.windows.save_question.take() else { return };
        ctx.request_repaint();
        if answer {
            self.start_save_checked(path, yes, ctx);
        } else {
            self.work.after_save = None;
        }
    }

    /// Whether a save is waiting for its target to be checked (not for an
    /// answer: that waits for the user, not for the disk).
    pub(super) fn save_pending(&self) -> bool {
        matches!(self.windows.save_question, Some(SaveQuestion::Inspecting { .. }))
    }

    fn refuse_invalid_form(&mut self) {
        let problems: Vec<&str> = self.file.form_errors.iter().map(|(_, m)| m.as_str()).collect();
        let text = self.say("msg-not-saved-invalid", &[("problems", txt(problems.join(" ")))]);
        self.notify(text, true);
        self.work.after_save = None;
    }

    /// Saves the edits as the next version of `base`, provided the file on
    /// disk is still version `expected` (if given).
    pub(super) fn start_save_from(
        &mut self,
        path: PathBuf,
        base: &PatientDocument,
        expected: Option<ContentHash>,
        ctx: &egui::Context,
    ) {
        if self.work.save.is_some() {
            self.notify(self.say("msg-save-busy", &[]), true);
            return;
        }
        if !self.file.form_errors.is_empty() {
            self.refuse_invalid_form();
            return;
        }
        let context = SaveContext {
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            evidence_version: crate::model::evidence::changelog::record_label(&self.evidence),
            saved_by: self.prefs.saved_by(),
        };
        let next = base.revised(&self.file.patient, &context, SystemTime::now());
        let (target, to_write) = (path.clone(), next.clone());
        let label = self.say("msg-job-saving", &[("file", txt(file_name(&path)))]);
        let job = Job::spawn("save-patient", label, ctx, move || {
            patient_file::save_unless_changed(&target, &to_write, expected)
        });
        self.work.save = Some(SaveInFlight { job, path, next });
    }
}

/// A typed or picked name without `.ron` gets `.xhim.ron`, the patient-file
/// type a file manager opens with this app; any `.ron` name is kept.
pub(super) fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(".xhim.ron");
        PathBuf::from(s)
    }
}

/// The button that replaces another patient file (tests press it).
pub fn replace(lang: Lang) -> String {
    l10n::text(lang, "dialog-replace", &[])
}

/// The button that saves a patient with no age (tests press it).
pub fn save_without_age(lang: Lang) -> String {
    l10n::text(lang, "dialog-save-without-age", &[])
}

/// What is at `path` in words, for the question before replacing it;
/// `None` when nothing is there.
fn describe_existing(path: &Path, lang: Lang) -> Option<String> {
    let say = |id: &str, args: &[(&str, l10n::Arg)]| l10n::text(lang, id, args);
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => return Some(say("dialog-existing-unreadable", &[("error", txt(e))])),
        Ok(meta) if !meta.is_file() => return Some(say("dialog-existing-not-file", &[])),
        Ok(_) => {}
    }
    let tracked = patient_file::load_tracked(path);
    let Some(doc) = tracked.document() else {
        return Some(say("dialog-existing-not-patient", &[]));
    };
    let age = match (doc.patient.age, doc.patient.age_months()) {
        (AgeSource::NotGiven, _) => say("dialog-existing-no-age", &[]),
        (_, Some(months)) => {
            let months = Quantity::patient(f64::from(months), Unit::Months);
            say("dialog-existing-aged", &[("age", txt(l10n::quantity(&months, lang)))])
        }
        (_, None) => say("dialog-existing-bad-age", &[]),
    };
    let saved = doc.record.saves.last().map_or_else(
        || say("dialog-existing-never-saved", &[]),
        |s| say("dialog-existing-saved-by", &[("user", txt(&s.saved_by)), ("at", txt(&s.saved_at))]),
    );
    Some(say("dialog-existing-patient", &[("age", txt(age)), ("saved", txt(saved))]))
}
