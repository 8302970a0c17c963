//! Running commands, with the unsaved-changes question before anything that
//! would lose an edit, and collecting what dialogs and background writes
//! bring back.

use super::conflict::Access;
use super::saving::with_ron_extension;
use super::{App, txt};
use crate::command::Command;
use crate::io::dialogs::{DialogKind, DialogOutcome};
use crate::io::file_name;
use crate::io::jobs::Job;
use crate::io::patient_file::{GuardedSaveError, PatientDocument};
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
            if loses_edits && self.file.dirty {
                self.windows.confirm = Some(command);
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
                self.file.doc = PatientDocument::default();
                self.file.path = None;
                self.file.shared.forget();
                self.show_patient(Patient::default());
            }
            Command::Open => self.ask(DialogKind::OpenPatient, ctx),
            Command::OpenPath(path) => self.open_with(&path, Access::Edit, ctx),
            Command::Save => match self.file.path.clone() {
                Some(path) if !self.file.shared.read_only() => self.start_save(path, ctx),
                _ => self.ask_where_to_save(ctx),
            },
            Command::SaveAs => {
                let proposed = self.suggested_path(self.file.shared.read_only());
                self.ask(DialogKind::SavePatient(proposed.display().to_string()), ctx);
            }
            Command::SaveAsPath(path) => self.start_save(with_ron_extension(path), ctx),
            Command::OpenPathField => {
                self.windows.path_field = Some(PathField { purpose: PathPurpose::Open, text: String::new() });
            }
            Command::ClearRecent => self.prefs.recent.clear(),
            Command::ImportCohortData => {
                self.windows.import_form.get_or_insert_with(crate::ui::import_ui::ImportForm::default);
            }
            Command::LoadCohortFile => self.ask(DialogKind::OpenCohort, ctx),
            Command::LoadCohortPath(path) => self.load_cohort(&path, true, ctx),
            Command::ShowCohortPath(path) => self.load_cohort(&path, false, ctx),
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
            Command::SetMenuLanguage(lang) => self.prefs.menu_lang = lang,
            Command::ShowInheritance => self.windows.inheritance = true,
            Command::CopySummary => {
                let text = self.summary_text();
                match crate::io::clipboard::copy_checked(self.clipboard.as_mut(), &text) {
                    Ok(()) => self.notify(crate::ui::status::summary_copied(self.prefs.menu_lang), false),
                    Err(e) => {
                        let error = e.message(self.prefs.menu_lang);
                        self.notify(self.say("msg-summary-not-copied", &[("error", txt(error))]), true);
                    }
                }
            }
            Command::TogglePreferences => self.windows.preferences = !self.windows.preferences,
            Command::ToggleAbout => self.windows.about = !self.windows.about,
            Command::Quit => {
                // Saved or discarded by now: the recovery copy has served.
                self.recovery_closing();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    pub(super) fn ask(&mut self, kind: DialogKind, ctx: &egui::Context) {
        if self.work.pending_dialog.is_some() {
            return;
        }
        self.work.pending_dialog = Some(self.dialogs.show(kind, self.prefs.menu_lang, ctx));
    }

    /// Collects finished dialogs and saves.
    pub(super) fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(outcome) =
            self.work.pending_dialog.as_ref().and_then(crate::io::dialogs::PendingDialog::poll)
            && let Some(pending) = self.work.pending_dialog.take()
        {
            self.dialog_closed(pending.kind, outcome, ctx);
            ctx.request_repaint();
        }
        if let Some(result) = self.work.report.as_ref().and_then(Job::poll) {
            self.work.report = None;
            ctx.request_repaint();
            match result {
                Ok(path) => {
                    self.notify(self.say("msg-report-written", &[("path", txt(path.display()))]), false);
                }
                Err(e) => self.notify(e.message(self.prefs.menu_lang), true),
            }
        }
        let Some(result) = self.work.save.as_ref().and_then(|s| s.job.poll()) else { return };
        let Some(done) = self.work.save.take() else { return };
        ctx.request_repaint();
        match result {
            Ok(hash) => {
                let folder = done.path.parent().filter(|p| !p.as_os_str().is_empty());
                let folder = folder.map_or_else(|| ".".to_owned(), |f| f.display().to_string());
                self.notify(
                    self.say("msg-saved", &[("file", txt(file_name(&done.path))), ("folder", txt(folder))]),
                    false,
                );
                self.file.doc = done.next;
                self.prefs.note_recent(&done.path);
                // A new file is ours to edit; the same file keeps its access.
                let same = self.file.path.as_deref() == Some(done.path.as_path());
                let access = if same { self.file.shared.access } else { Access::Edit };
                self.track(Some(&done.path), Some(hash), access);
                self.file.path = Some(done.path);
                self.form_changed();
                if let Some(next) = self.work.after_save.take() {
                    self.perform(next, ctx);
                }
            }
            Err(GuardedSaveError::Changed { path, conflict }) => self.ask_changed(path, conflict.theirs),
            Err(e) => {
                self.work.after_save = None;
                self.notify(
                    self.say("msg-save-failed", &[("error", txt(e.message(self.prefs.menu_lang)))]),
                    true,
                );
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
            (DialogKind::OpenCohort, DialogOutcome::Picked(path)) => self.load_cohort(&path, true, ctx),
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
                self.notify(self.say("msg-no-dialog-field", &[]), false);
            }
            (kind, DialogOutcome::Unavailable) => {
                let purpose = match kind {
                    DialogKind::SavePatient(_) => PathPurpose::SaveAs,
                    DialogKind::SaveReport(_) => PathPurpose::Report,
                    DialogKind::SaveHandout(_) => PathPurpose::Handout,
                    _ => PathPurpose::Open,
                };
                let text = match (&kind, &self.file.path) {
                    // The proposed path, in full: a free name, in the
                    // documents folder for a new patient.
                    (DialogKind::SavePatient(proposed), _) => proposed.clone(),
                    (DialogKind::SaveReport(name) | DialogKind::SaveHandout(name), None) => name.clone(),
                    _ => String::new(),
                };
                self.notify(self.say("msg-no-dialog", &[]), false);
                self.windows.path_field = Some(PathField { purpose, text });
            }
            (_, DialogOutcome::Cancelled) => self.work.after_save = None,
        }
    }
}
