//! Running commands: opening, saving and closing patient files, with the
//! unsaved-changes question before anything that would lose an edit.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{App, SaveInFlight};
use crate::command::Command;
use crate::io::dialogs::{DialogKind, DialogOutcome};
use crate::io::file_name;
use crate::io::jobs::Job;
use crate::io::patient_file::{self, LoadErrorKind, PatientDocument, PatientFileError, SaveContext};
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
                self.show_patient(Patient::default());
            }
            Command::Open => self.ask(DialogKind::OpenPatient, ctx),
            Command::OpenPath(path) => self.open(&path),
            Command::Save => match self.path.clone() {
                Some(path) => self.start_save(path, ctx),
                None => self.ask(DialogKind::SavePatient(self.suggested_name()), ctx),
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
            Command::LoadCohortPath(path) => self.load_cohort(&path),
            Command::ClearCohorts => self.hide_all_cohorts(),
            Command::DigitizeFigure => self.start_digitizer(ctx),
            Command::DigitizeFigurePath(path) => self.open_digitizer(&path),
            Command::ToggleLibrary => self.toggle_library(),
            Command::SetTheme(choice) => {
                self.prefs.theme = choice;
                ctx.set_theme(choice.preference());
            }
            Command::ExportReport => self.ask(DialogKind::SaveReport(self.report_name()), ctx),
            Command::ExportReportTo(path) => self.start_report(path, ctx),
            Command::SetView(view) => self.prefs.view = view,
            Command::ShowInheritance => self.show_inheritance = true,
            Command::TogglePreferences => self.show_prefs = !self.show_prefs,
            Command::ToggleAbout => self.show_about = !self.show_about,
            Command::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn report_name(&self) -> String {
        let stem = self
            .path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map_or_else(|| "patient".into(), |s| s.to_string_lossy().into_owned());
        format!("{stem}-report.pdf")
    }

    /// Writes the report for the patient as shown (saved or not) on a
    /// background thread.
    fn start_report(&mut self, path: PathBuf, ctx: &egui::Context) {
        if self.report.is_some() {
            self.notify("A report is still being written; try again in a moment.".to_owned(), true);
            return;
        }
        if !self.form_errors.is_empty() {
            self.notify("No report: correct the marked fields first.".to_owned(), true);
            return;
        }
        let path = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
            path
        } else {
            path.with_extension("pdf")
        };
        let mut doc = self.doc.clone();
        doc.patient = self.patient.clone();
        let evidence = self.evidence.clone();
        let options = crate::io::report::ReportOptions { icon_style: self.prefs.icons, ..Default::default() };
        let label = format!("Writing {}", file_name(&path));
        self.report = Some(Job::spawn("export-report", label, ctx, move || {
            crate::io::report::write_report(&path, &evidence, &doc, &options).map(|()| path)
        }));
    }

    fn suggested_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| "patient.ron".to_owned(), |n| n.to_string_lossy().into_owned())
    }

    pub(super) fn ask(&mut self, kind: DialogKind, ctx: &egui::Context) {
        if self.pending_dialog.is_some() {
            return;
        }
        self.pending_dialog = Some(self.dialogs.show(kind, ctx));
    }

    fn open(&mut self, path: &Path) {
        let name = file_name(path);
        match patient_file::load(path) {
            Ok(loaded) => {
                self.adopt(loaded.document, path);
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
                    self.adopt(*document, path);
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

    fn adopt(&mut self, document: PatientDocument, path: &Path) {
        let patient = document.patient.clone();
        self.doc = document;
        self.path = Some(path.to_path_buf());
        self.prefs.note_recent(path);
        self.show_patient(patient);
    }

    fn start_save(&mut self, path: PathBuf, ctx: &egui::Context) {
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
        let next = self.doc.revised(&self.patient, &context, SystemTime::now());
        let (target, to_write) = (path.clone(), next.clone());
        let job = Job::spawn("save-patient", format!("Saving {}", file_name(&path)), ctx, move || {
            patient_file::save(&target, &to_write)
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
            Ok(()) => {
                self.notify(format!("Saved {}.", file_name(&done.path)), false);
                self.doc = done.next;
                self.prefs.note_recent(&done.path);
                self.path = Some(done.path);
                self.form_changed();
                if let Some(next) = self.after_save.take() {
                    self.perform(next, ctx);
                }
            }
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
            (DialogKind::OpenCohort, DialogOutcome::Picked(path)) => self.load_cohort(&path),
            (DialogKind::SaveReport(_), DialogOutcome::Picked(path)) => self.start_report(path, ctx),
            (DialogKind::OpenCsv { at_risk }, DialogOutcome::Picked(path)) => self.csv_chosen(at_risk, &path),
            (DialogKind::OpenFigure, DialogOutcome::Picked(path)) => self.open_digitizer(&path),
            (DialogKind::ExportCohort(_), DialogOutcome::Picked(path)) => self.export_chosen(path),
            (
                DialogKind::OpenCsv { .. }
                | DialogKind::OpenCohort
                | DialogKind::SaveReport(_)
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
                    _ => PathPurpose::Open,
                };
                let text = match (&kind, &self.path) {
                    (DialogKind::SavePatient(name) | DialogKind::SaveReport(name), None) => name.clone(),
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

fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(".ron");
        PathBuf::from(s)
    }
}
