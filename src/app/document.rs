//! Running commands: opening, saving and closing patient files, with the
//! unsaved-changes question before anything that would lose an edit.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::conflict::Access;
use super::{App, SaveInFlight};
use crate::command::Command;
use crate::io::dialogs::{DialogKind, DialogOutcome};
use crate::io::file_name;
use crate::io::jobs::Job;
use crate::io::patient_file::{
    self, ContentHash, GuardedSaveError, LoadErrorKind, PatientDocument, PatientFileError, SaveContext,
};
use crate::model::patient::Patient;
use crate::ui::file_ui::{PathField, PathPurpose};

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
            Command::OpenPath(path) => self.open(&path),
            Command::Save => match self.path.clone() {
                Some(path) if !self.shared.read_only() => self.start_save(path, ctx),
                _ => self.ask(DialogKind::SavePatient(self.suggested_name()), ctx),
            },
            Command::SaveAs => self.ask(DialogKind::SavePatient(self.suggested_name()), ctx),
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

    /// `NAME.xhim.ron`, the name a file manager opens with this app.
    fn suggested_name(&self) -> String {
        let name = self.path.as_deref().map_or_else(|| "patient".to_owned(), file_name);
        let stem = name.strip_suffix(".ron").unwrap_or(&name);
        format!("{}.xhim.ron", stem.strip_suffix(".xhim").unwrap_or(stem))
    }

    pub(super) fn ask(&mut self, kind: DialogKind, ctx: &egui::Context) {
        if self.pending_dialog.is_some() {
            return;
        }
        self.pending_dialog = Some(self.dialogs.show(kind, ctx));
    }

    /// Opens `path` for editing, or asks first if it is open elsewhere.
    fn open(&mut self, path: &Path) {
        match self.held_elsewhere(path) {
            Some(holder) => self.ask_open_elsewhere(path.to_path_buf(), holder),
            None => self.open_with(path, Access::Edit),
        }
    }

    pub(super) fn open_with(&mut self, path: &Path, access: Access) {
        let name = file_name(path);
        let tracked = patient_file::load_tracked(path);
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
        let current = self.path.as_deref() == Some(path.as_path());
        if current && self.shared.read_only() {
            self.notify(
                format!("{} is open read-only here; save your edits as a new file.", file_name(&path)),
                true,
            );
            self.ask(DialogKind::SavePatient(self.suggested_name()), ctx);
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
        let expected = if current { self.shared.hash } else { None };
        let base = self.doc.clone();
        self.start_save_from(path, &base, expected, ctx);
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
            let problems: Vec<&str> = self.form_errors.iter().map(|(_, m)| m.as_str()).collect();
            self.notify(
                format!("Not saved: correct the marked fields first ({}).", problems.join(" ")),
                true,
            );
            self.after_save = None;
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
                self.notify(format!("Saved {}.", file_name(&done.path)), false);
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
                    (
                        DialogKind::SavePatient(name)
                        | DialogKind::SaveReport(name)
                        | DialogKind::SaveHandout(name),
                        None,
                    ) => name.clone(),
                    (DialogKind::SavePatient(_), Some(p)) => p.display().to_string(),
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
