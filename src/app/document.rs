//! Running commands: opening, saving and closing patient files, with the
//! unsaved-changes question before anything that would lose an edit.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::conflict::Access;
use super::{App, OpenInFlight, SaveInFlight};
use crate::command::Command;
use crate::io::dialogs::{DialogKind, DialogOutcome};
use crate::io::file_name;
use crate::io::jobs::Job;
use crate::io::patient_file::{
    self, ContentHash, GuardedSaveError, LoadErrorKind, PatientDocument, PatientFileError, SaveContext,
};
use crate::model::patient::{AgeSource, Patient, describe_months};
use crate::ui::file_ui::{self, PathField, PathPurpose, Question};

/// A question before a save goes ahead.
pub(super) enum SaveQuestion {
    /// Reading what a Save As would replace (off the UI thread: the folder
    /// may be a slow share); `None` from the job when nothing is there.
    Inspecting { path: PathBuf, checks: SaveChecks, job: Job<Option<String>> },
    /// Asking, with the save that follows a yes.
    Asking { question: Question, path: PathBuf, checks: SaveChecks },
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
    /// Runs the queued commands.
    pub(super) fn run_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // Commands run after the layout pass: show their effect at once.
            ctx.request_repaint();
        }
        for command in commands {
            let loses_edits = matches!(
                command,
                Command::New | Command::Open | Command::OpenPath(_) | Command::Close | Command::Quit
            );
            if loses_edits && self.dirty {
                self.confirm = Some(command);
            } else {
                self.perform(command, ctx);
            }
        }
    }

    /// Carries out a command whose unsaved-changes question (if any) has
    /// been answered.
    pub(super) fn perform(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::New | Command::Close => {
                self.doc = PatientDocument::default();
                self.path = None;
                self.shared.forget();
                self.show_patient(Patient::default());
            }
            Command::Open => self.ask(DialogKind::OpenPatient, ctx),
            Command::OpenPath(path) => self.open(&path, ctx),
            Command::Save => match self.path.clone() {
                Some(path) if !self.shared.read_only() => self.start_save(path, ctx),
                _ => self.ask_where_to_save(ctx),
            },
            Command::SaveAs => {
                let proposed = self.suggested_path(self.shared.read_only());
                self.ask(DialogKind::SavePatient(proposed.display().to_string()), ctx);
            }
            Command::SaveAsPath(path) => self.start_save(with_ron_extension(path), ctx),
            Command::OpenPathField => {
                self.path_field = Some(PathField { purpose: PathPurpose::Open, text: String::new() });
            }
            Command::ClearRecent => self.prefs.recent.clear(),
            Command::ImportCohortData => {
                self.import_form.get_or_insert_with(crate::ui::import_ui::ImportForm::default);
            }
            Command::LoadCohortFile => self.ask(DialogKind::OpenCohort, ctx),
            Command::LoadCohortPath(path) => self.load_cohort(&path, ctx),
            Command::ClearCohorts => self.hide_all_cohorts(),
            Command::DigitizeFigure => self.start_digitizer(ctx),
            Command::DigitizeFigurePath(path) => self.open_digitizer(&path),
            Command::ToggleLibrary => self.toggle_library(),
            Command::SetTheme(choice) => {
                self.prefs.theme = choice;
                ctx.set_theme(choice.preference());
            }
            Command::ExportReport => self.ask(DialogKind::SaveReport(self.pdf_name("report")), ctx),
            Command::ExportReportTo(path) => self.start_report(path, ctx),
            Command::ExportHandout => self.ask(DialogKind::SaveHandout(self.pdf_name("family-handout")), ctx),
            Command::ExportHandoutTo(path) => self.start_handout(path, ctx),
            Command::SetView(view) => self.prefs.view = view,
            Command::ShowInheritance => self.show_inheritance = true,
            Command::CopySummary => {
                let text = self.summary_text();
                match crate::io::clipboard::copy_checked(self.clipboard.as_mut(), &text) {
                    Ok(()) => self.notify(crate::ui::status::SUMMARY_COPIED.to_owned(), false),
                    Err(e) => self.notify(
                        format!(
                            "Clinical summary not copied: {e}. Nothing was copied, so do not paste \
                             into the record: the clipboard does not hold this summary."
                        ),
                        true,
                    ),
                }
            }
            Command::TogglePreferences => self.show_prefs = !self.show_prefs,
            Command::ToggleAbout => self.show_about = !self.show_about,
            Command::Quit => {
                // Saved or discarded by now: the recovery copy has served.
                self.recovery_closing();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// The name a PDF export proposes: the patient file's stem and `suffix`.
    pub(super) fn pdf_name(&self, suffix: &str) -> String {
        let stem = self
            .path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map_or_else(|| "patient".into(), |s| s.to_string_lossy().into_owned());
        format!("{stem}-{suffix}.pdf")
    }

    /// Whether a PDF export (`what`: "report", "handout") can start: none of
    /// its kind is being written and the form is valid. Gives the path with
    /// a `.pdf` extension and the document as shown (saved or not).
    pub(super) fn pdf_export(
        &mut self,
        what: &str,
        busy: bool,
        path: PathBuf,
    ) -> Option<(PathBuf, crate::io::patient_file::PatientDocument)> {
        if busy {
            self.notify(format!("A {what} is still being written; try again in a moment."), true);
            return None;
        }
        if !self.form_errors.is_empty() {
            self.notify(format!("No {what}: correct the marked fields first."), true);
            return None;
        }
        let path = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
            path
        } else {
            path.with_extension("pdf")
        };
        let mut doc = self.doc.clone();
        doc.patient = self.patient.clone();
        Some((path, doc))
    }

    /// Writes the report for the patient as shown (saved or not) on a
    /// background thread.
    fn start_report(&mut self, path: PathBuf, ctx: &egui::Context) {
        let Some((path, doc)) = self.pdf_export("report", self.report.is_some(), path) else { return };
        let evidence = self.evidence.clone();
        let cohorts = std::sync::Arc::clone(&self.cohorts);
        let curves = self.prefs.curve_options();
        let options = crate::io::report::ReportOptions { icon_style: self.prefs.icons, ..Default::default() };
        let label = format!("Writing {}", file_name(&path));
        self.report = Some(Job::spawn("export-report", label, ctx, move || {
            let source = crate::io::report::ReportSource {
                evidence: &evidence,
                cohorts: &cohorts,
                document: &doc,
                curves,
            };
            crate::io::report::write_report(&path, &source, &options).map(|()| path)
        }));
    }

    /// Where Save As proposes to save: the current file itself, or (for a
    /// `new_file`: a read-only file, a copy beside someone else's version)
    /// the first free `NAME-N.xhim.ron` beside it; for a patient never
    /// saved, a free name in the user's documents folder. Names end in
    /// `.xhim.ron`, the type a file manager opens with this app.
    pub(super) fn suggested_path(&self, new_file: bool) -> PathBuf {
        match &self.path {
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

    pub(super) fn ask(&mut self, kind: DialogKind, ctx: &egui::Context) {
        if self.pending_dialog.is_some() {
            return;
        }
        self.pending_dialog = Some(self.dialogs.show(kind, ctx));
    }

    /// Opens `path` for editing, or asks first if it is open elsewhere.
    /// The file and its lock are read off the UI thread: a file that never
    /// answers (a FIFO, a hung share) leaves the window working, with a
    /// button to stop waiting.
    fn open(&mut self, path: &Path, ctx: &egui::Context) {
        let lock_holder = self.held_elsewhere_check();
        let target = path.to_path_buf();
        let job = Job::spawn("open-patient", format!("Opening {}", file_name(path)), ctx, move || {
            let holder =
                lock_holder.and_then(|me| crate::io::patient_file::lock::held_elsewhere(&target, &me));
            (patient_file::load_tracked(&target), holder)
        });
        // A newer request replaces one still waiting.
        self.opening = Some(OpenInFlight { job, path: path.to_path_buf(), access: Access::Edit });
    }

    /// The file being opened, if one is (the busy line shows it).
    pub(super) fn opening_label(&self) -> Option<&str> {
        self.opening.as_ref().map(|o| o.job.label.as_str())
    }

    /// Stops waiting for a file that does not answer; its reader thread
    /// ends whenever the file does, and its result is dropped.
    pub(super) fn cancel_opening(&mut self) {
        if let Some(opening) = self.opening.take() {
            self.notify(
                format!("Stopped opening {}; the current patient is unchanged.", file_name(&opening.path)),
                false,
            );
        }
    }

    /// Collects a file that has been read.
    pub(super) fn poll_opening(&mut self, ctx: &egui::Context) {
        let Some((tracked, holder)) = self.opening.as_ref().and_then(|o| o.job.poll()) else { return };
        let Some(OpenInFlight { path, access, .. }) = self.opening.take() else { return };
        ctx.request_repaint();
        match holder {
            Some(holder) if access == Access::Edit => self.ask_open_elsewhere(path, holder),
            _ => self.adopt_read(&path, tracked, access),
        }
    }

    /// Reads `path` with the given access (the user answered the "open
    /// elsewhere" question): off the UI thread, as any open.
    pub(super) fn open_with(&mut self, path: &Path, access: Access, ctx: &egui::Context) {
        let target = path.to_path_buf();
        let job = Job::spawn("open-patient", format!("Opening {}", file_name(path)), ctx, move || {
            (patient_file::load_tracked(&target), None)
        });
        self.opening = Some(OpenInFlight { job, path: path.to_path_buf(), access });
    }

    /// Shows a file that has been read, or says why it cannot be.
    fn adopt_read(&mut self, path: &Path, tracked: patient_file::Tracked, access: Access) {
        let name = file_name(path);
        match tracked.loaded {
            Ok(loaded) => {
                self.adopt(loaded.document, path, tracked.hash, access);
                if let Some(notice) = loaded.notice {
                    self.notify(format!("{name}: {notice}"), false);
                } else {
                    self.notify(format!("Opened {name}."), false);
                }
            }
            Err(e) => match e.kind {
                // The file is well formed but a value is impossible: open it
                // so the clinician can see and correct each problem.
                LoadErrorKind::Content(PatientFileError::Invalid { document, problems }) => {
                    self.adopt(*document, path, tracked.hash, access);
                    self.notify(
                        format!(
                            "{name}: opened with {} problem(s) to correct: {}",
                            problems.len(),
                            problems.join(" ")
                        ),
                        true,
                    );
                }
                _ => self.notify(format!("Could not open {e}. The current patient is unchanged."), true),
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
        self.doc = document;
        self.path = Some(path.to_path_buf());
        self.track(Some(path), hash, access);
        self.prefs.note_recent(path);
        self.show_patient(patient);
    }

    /// Saves the edits to `path`: over the version this window has, or to a
    /// new file nobody else has open.
    fn start_save(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.start_save_checked(path, SaveChecks::default(), ctx);
    }

    /// [`Self::start_save`] with what the user has agreed to so far: a Save
    /// As onto another file asks first, naming the patient it holds, and so
    /// does saving a patient with no age.
    fn start_save_checked(&mut self, path: PathBuf, checks: SaveChecks, ctx: &egui::Context) {
        let current = self.path.as_deref() == Some(path.as_path());
        if current && self.shared.read_only() {
            self.notify(
                format!("{} is open read-only here; save your edits as a new file.", file_name(&path)),
                true,
            );
            self.ask_where_to_save(ctx);
            return;
        }
        if !self.form_errors.is_empty() {
            self.refuse_invalid_form();
            return;
        }
        if !current && let Some(holder) = self.held_elsewhere(&path) {
            self.notify(
                format!(
                    "Not saved: {} is open for editing by {}. Choose another name.",
                    file_name(&path),
                    holder.describe()
                ),
                true,
            );
            self.after_save = None;
            return;
        }
        if !current && !checks.replace {
            let target = path.clone();
            let job =
                Job::spawn("inspect-target", format!("Checking {}", file_name(&path)), ctx, move || {
                    describe_existing(&target)
                });
            self.save_question = Some(SaveQuestion::Inspecting { path, checks, job });
            return;
        }
        if self.patient.age == AgeSource::NotGiven && !checks.no_age {
            let question = Question {
                title: "Save without an age?".to_owned(),
                text: "No age has been entered for this patient, so nothing is placed for him on the \
                       evidence. Save him without an age? You can add it later."
                    .to_owned(),
                confirm: SAVE_WITHOUT_AGE.to_owned(),
            };
            self.save_question = Some(SaveQuestion::Asking { question, path, checks });
            return;
        }
        let expected = if current { self.shared.hash } else { None };
        let base = self.doc.clone();
        self.start_save_from(path, &base, expected, ctx);
    }

    /// Collects what a Save As would replace, and asks the questions before
    /// a save.
    pub(super) fn save_question_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.save_question.take() else { return };
        match pending {
            SaveQuestion::Inspecting { path, checks, job } => match job.poll() {
                None => self.save_question = Some(SaveQuestion::Inspecting { path, checks, job }),
                Some(None) => {
                    self.start_save_checked(path, SaveChecks { replace: true, ..checks }, ctx);
                }
                Some(Some(about)) => {
                    let name = file_name(&path);
                    let question = Question {
                        title: format!("Replace {name}?"),
                        text: format!("{name} already exists: {about} Replace it with this patient?"),
                        confirm: REPLACE.to_owned(),
                    };
                    self.save_question = Some(SaveQuestion::Asking { question, path, checks });
                    ctx.request_repaint();
                }
            },
            SaveQuestion::Asking { question, path, checks } => match file_ui::question_ui(ctx, &question) {
                None => self.save_question = Some(SaveQuestion::Asking { question, path, checks }),
                Some(answer) => {
                    ctx.request_repaint();
                    if !answer {
                        self.after_save = None;
                        return;
                    }
                    let checks = if question.confirm == REPLACE {
                        SaveChecks { replace: true, ..checks }
                    } else {
                        SaveChecks { no_age: true, ..checks }
                    };
                    self.start_save_checked(path, checks, ctx);
                }
            },
        }
    }

    /// Whether a save is waiting for its target to be checked (not for an
    /// answer: that waits for the user, not for the disk).
    pub(super) fn save_pending(&self) -> bool {
        matches!(self.save_question, Some(SaveQuestion::Inspecting { .. }))
    }

    fn refuse_invalid_form(&mut self) {
        let problems: Vec<&str> = self.form_errors.iter().map(|(_, m)| m.as_str()).collect();
        let text = format!("Not saved: correct the marked fields first ({}).", problems.join(" "));
        self.notify(text, true);
        self.after_save = None;
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
        if self.save.is_some() {
            self.notify("A save is still being written; try again in a moment.".to_owned(), true);
            return;
        }
        if !self.form_errors.is_empty() {
            self.refuse_invalid_form();
            return;
        }
        let context = SaveContext {
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            evidence_version: self.evidence.version.clone(),
            saved_by: self.prefs.saved_by(),
        };
        let next = base.revised(&self.patient, &context, SystemTime::now());
        let (target, to_write) = (path.clone(), next.clone());
        let job = Job::spawn("save-patient", format!("Saving {}", file_name(&path)), ctx, move || {
            patient_file::save_unless_changed(&target, &to_write, expected)
        });
        self.save = Some(SaveInFlight { job, path, next });
    }

    /// Collects finished dialogs and saves.
    pub(super) fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(outcome) = self.pending_dialog.as_ref().and_then(crate::io::dialogs::PendingDialog::poll)
            && let Some(pending) = self.pending_dialog.take()
        {
            self.dialog_closed(pending.kind, outcome, ctx);
            ctx.request_repaint();
        }
        if let Some(result) = self.report.as_ref().and_then(Job::poll) {
            self.report = None;
            ctx.request_repaint();
            match result {
                Ok(path) => self.notify(format!("Report written to {}.", path.display()), false),
                Err(e) => self.notify(format!("{e}"), true),
            }
        }
        let Some(result) = self.save.as_ref().and_then(|s| s.job.poll()) else { return };
        let Some(done) = self.save.take() else { return };
        ctx.request_repaint();
        match result {
            Ok(hash) => {
                let folder = done.path.parent().filter(|p| !p.as_os_str().is_empty());
                let folder = folder.map_or_else(|| ".".to_owned(), |f| f.display().to_string());
                self.notify(format!("Saved {} in {folder}.", file_name(&done.path)), false);
                self.doc = done.next;
                self.prefs.note_recent(&done.path);
                // A new file is ours to edit; the same file keeps its access.
                let same = self.path.as_deref() == Some(done.path.as_path());
                let access = if same { self.shared.access } else { Access::Edit };
                self.track(Some(&done.path), Some(hash), access);
                self.path = Some(done.path);
                self.form_changed();
                if let Some(next) = self.after_save.take() {
                    self.perform(next, ctx);
                }
            }
            Err(GuardedSaveError::Changed { path, conflict }) => self.ask_changed(path, conflict.theirs),
            Err(e) => {
                self.after_save = None;
                self.notify(format!("{e}. Nothing was changed on disk."), true);
            }
        }
    }

    fn dialog_closed(&mut self, kind: DialogKind, outcome: DialogOutcome, ctx: &egui::Context) {
        match (kind, outcome) {
            (DialogKind::OpenPatient, DialogOutcome::Picked(path)) => {
                self.perform(Command::OpenPath(path), ctx);
            }
            (DialogKind::SavePatient(_), DialogOutcome::Picked(path)) => {
                self.perform(Command::SaveAsPath(path), ctx);
            }
            (DialogKind::OpenCohort, DialogOutcome::Picked(path)) => self.load_cohort(&path, ctx),
            (DialogKind::SaveReport(_), DialogOutcome::Picked(path)) => self.start_report(path, ctx),
            (DialogKind::SaveHandout(_), DialogOutcome::Picked(path)) => self.start_handout(path, ctx),
            (DialogKind::OpenCsv { at_risk }, DialogOutcome::Picked(path)) => self.csv_chosen(at_risk, &path),
            (DialogKind::OpenFigure, DialogOutcome::Picked(path)) => self.open_digitizer(&path),
            (DialogKind::ExportCohort(_), DialogOutcome::Picked(path)) => self.export_chosen(path),
            (
                DialogKind::OpenCsv { .. }
                | DialogKind::OpenCohort
                | DialogKind::OpenFigure
                | DialogKind::ExportCohort(_),
                DialogOutcome::Unavailable,
            ) => {
                self.notify(
                    "No system file dialog is available; type the path in the field instead.".to_owned(),
                    false,
                );
            }
            (kind, DialogOutcome::Unavailable) => {
                let purpose = match kind {
                    DialogKind::SavePatient(_) => PathPurpose::SaveAs,
                    DialogKind::SaveReport(_) => PathPurpose::Report,
                    DialogKind::SaveHandout(_) => PathPurpose::Handout,
                    _ => PathPurpose::Open,
                };
                let text = match (&kind, &self.path) {
                    // The proposed path, in full: a free name, in the
                    // documents folder for a new patient.
                    (DialogKind::SavePatient(proposed), _) => proposed.clone(),
                    (DialogKind::SaveReport(name) | DialogKind::SaveHandout(name), None) => name.clone(),
                    _ => String::new(),
                };
                self.notify("No system file dialog is available; type the path instead.".to_owned(), false);
                self.path_field = Some(PathField { purpose, text });
            }
            (_, DialogOutcome::Cancelled) => self.after_save = None,
        }
    }
}

/// A typed or picked name without `.ron` gets `.xhim.ron`, the patient-file
/// type a file manager opens with this app; any `.ron` name is kept.
fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(".xhim.ron");
        PathBuf::from(s)
    }
}

/// The button that replaces another patient file (tests press it).
pub const REPLACE: &str = "Replace";

/// The button that saves a patient with no age (tests press it).
pub const SAVE_WITHOUT_AGE: &str = "Save without an age";

/// What is at `path` in words, for the question before replacing it;
/// `None` when nothing is there.
fn describe_existing(path: &Path) -> Option<String> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => return Some(format!("it cannot be read ({e}).")),
        Ok(meta) if !meta.is_file() => return Some("it is not a regular file.".to_owned()),
        Ok(_) => {}
    }
    let tracked = patient_file::load_tracked(path);
    let Some(doc) = tracked.document() else {
        return Some("it is not a patient file this app can read.".to_owned());
    };
    let age = match (doc.patient.age, doc.patient.age_months()) {
        (AgeSource::NotGiven, _) => "with no age entered".to_owned(),
        (_, Some(months)) => format!("aged {}", describe_months(months)),
        (_, None) => "with an age that is not valid".to_owned(),
    };
    let saved = doc.record.saves.last().map_or_else(
        || "never saved by this app".to_owned(),
        |s| format!("last saved by {} at {}", s.saved_by, s.saved_at),
    );
    Some(format!("it holds a patient {age}, {saved}."))
}
