//! The eframe application: its state (the open patient and its form, what
//! the views show, windows and dialogs, background work), built here; the
//! logic pass in `logic`, the layout in `view`, and one module per concern
//! (opening, saving, commands, recovery, shared files, exports, cohorts,
//! the library, the digitizer, the family consultation).

mod cohorts;
mod commands;
mod conflict;
mod derived;
mod digitizer;
mod export;
mod family;
mod library;
mod logic;
mod opening;
mod recovery;
mod saving;
mod screenshot;
mod start;
mod view;

pub use crate::prefs::{Prefs, ThemeChoice, ViewMode};
pub use recovery::RECOVERY_INTERVAL;
pub use saving::{replace, save_without_age};
pub use screenshot::{SCREENSHOT_WAIT, ScreenshotRequest};
pub use start::StartOptions;
pub use view::family_details;

use crate::model::evidence::changelog;
use std::path::PathBuf;
use std::sync::Arc;

use derived::Derived;
use screenshot::ScreenshotJob;

use crate::command::Command;
use crate::io::dialogs::{Dialogs, PendingDialog};
use crate::io::jobs::Job;
use crate::io::patient_file::{ContentHash, GuardedSaveError, PatientDocument};
use crate::model::Inputs;
use crate::model::cohort::FittedCohort;
use crate::model::evidence::Evidence;
use crate::model::figure::Figure;
use crate::model::form::PatientForm;
use crate::model::patient::{Field, Patient};
use crate::model::text::Section;
use crate::ui::file_ui::PathField;
use crate::ui::status::Notification;

/// A patient file being read: opening runs off the UI thread, so a file
/// that blocks (a FIFO, a hung network share) never freezes the window.
struct OpenInFlight {
    job: Job<(crate::io::patient_file::Tracked, Option<crate::io::patient_file::lock::Holder>)>,
    path: PathBuf,
    access: conflict::Access,
}

/// A save on its way to disk: the document that will be current once it
/// lands.
struct SaveInFlight {
    job: Job<Result<ContentHash, GuardedSaveError>>,
    path: PathBuf,
    next: PatientDocument,
}

/// The open patient: the document as on disk, the form as typed, and the
/// file's standing with other people (version, lock, questions).
struct OpenFile {
    /// The document as it is on disk (or new).
    doc: PatientDocument,
    /// Where it lives, once saved or opened.
    path: Option<PathBuf>,
    /// The patient as last parsed from a valid form.
    patient: Patient,
    /// The form as typed, valid or not.
    form: PatientForm,
    form_errors: Vec<(Field, String)>,
    /// Whether the form differs from the document on disk.
    dirty: bool,
    /// Counts changes to the form or the document, so the recovery copy
    /// knows whether it is current without comparing whole records.
    edits_generation: u64,
    /// The open file's version, lock and questions about other people's
    /// changes.
    shared: conflict::SharedFile,
}

/// Which windows, panels and questions are open: what the layout shows
/// beside the main view.
#[derive(Default)]
struct Windows {
    /// Whether the evidence panel is open, once the user chose; until then
    /// it follows the window's width.
    evidence_open: Option<bool>,
    /// The window that imports cohort data.
    import_form: Option<crate::ui::import_ui::ImportForm>,
    /// A command waiting for the Save / Discard / Cancel answer.
    confirm: Option<Command>,
    /// A question before saving (replace another file, save with no age).
    save_question: Option<saving::SaveQuestion>,
    /// The typed-path window, where no system dialog is available.
    path_field: Option<PathField>,
    about: bool,
    preferences: bool,
    inheritance: bool,
}

/// Work under way off the UI thread; each is polled by the logic pass.
#[derive(Default)]
struct Work {
    /// A file dialog that is open.
    pending_dialog: Option<PendingDialog>,
    /// At most one save in flight.
    save: Option<SaveInFlight>,
    /// A command to run once the current save succeeds.
    after_save: Option<Command>,
    /// A patient file being read.
    opening: Option<OpenInFlight>,
    report: Option<Job<Result<PathBuf, crate::io::report::ReportError>>>,
    handout: Option<Job<Result<PathBuf, crate::io::report::ReportError>>>,
    /// Cohort files being read and fitted, in the order they were asked for.
    /// Whether each is to be kept in the library (or drawn for this run only).
    cohort_loads: Vec<(bool, Job<Result<FittedCohort, String>>)>,
}

/// The application.
pub struct App {
    evidence: Evidence,
    /// The library's shown cohorts: what the plot draws (never saved with
    /// patients). Shared with background jobs (reports) without copying
    /// the records.
    cohorts: Arc<Vec<FittedCohort>>,
    library: library::LibraryState,
    digitizer: Option<digitizer::Digitizer>,
    /// The open patient file and its form.
    file: OpenFile,
    derived: Derived,
    /// Which windows, panels and questions are open.
    windows: Windows,
    /// Work under way off the UI thread, and what follows it.
    work: Work,
    prefs: Prefs,
    notifications: Vec<Notification>,
    commands: Vec<Command>,
    dialogs: Box<dyn Dialogs>,
    /// Kept for the app's whole life: on X11 copied text is served from it.
    clipboard: Box<dyn crate::io::clipboard::Clipboard>,
    /// The site configuration in force.
    config: crate::io::config::Config,
    /// The folder Save proposes for a new patient.
    documents: Option<PathBuf>,
    /// Time for the timed work (recovery, lock refresh); tests move it on.
    clock: logic::Clock,
    /// The termination signals caught, if any.
    termination: Option<crate::io::signals::Termination>,
    /// The family's answers in this consultation (never in preferences).
    consultation: crate::ui::family_ui::Consultation,
    /// "About this aid" and every source with its date, for the Help menu.
    about: (Section, Section),
    allow_close: bool,
    title: String,
    screenshot: Option<ScreenshotJob>,
    /// This window, as named in lock and recovery files.
    instance: crate::io::instance::Registered,
    recovery: recovery::Recovery,
}

impl App {
    /// Replaces the file dialogs (tests use a scripted fake).
    pub fn set_dialogs(&mut self, dialogs: Box<dyn Dialogs>) {
        self.dialogs = dialogs;
    }

    /// Replaces the system clipboard (tests use one in memory).
    pub fn set_clipboard(&mut self, clipboard: Box<dyn crate::io::clipboard::Clipboard>) {
        self.clipboard = clipboard;
    }

    /// Queues a command, as a menu or shortcut would.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The patient as last parsed from a valid form.
    pub fn patient(&self) -> &Patient {
        &self.file.patient
    }

    /// The document as last opened or saved.
    pub fn document(&self) -> &PatientDocument {
        &self.file.doc
    }

    /// The current file, if any.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.file.path.as_deref()
    }

    /// Whether there are edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.file.dirty
    }

    /// Whether the window has been told to close (Quit, or a confirmed close).
    pub fn is_closing(&self) -> bool {
        self.allow_close
    }

    /// Whether anything is still to happen without the user: a command
    /// queued for the next logic pass, a file being opened or checked, a
    /// save, report, recovery copy or library change being written, or a
    /// cohort loading.
    pub fn is_busy(&self) -> bool {
        !self.commands.is_empty()
            || self.work.save.is_some()
            || self.work.opening.is_some()
            || self.save_pending()
            || self.work.report.is_some()
            || self.work.handout.is_some()
            || self.recovery.busy()
            || self.library.is_busy()
            || !self.work.cohort_loads.is_empty()
    }

    /// Whether the file is open read-only (open elsewhere): saving asks for
    /// a new name.
    pub fn is_read_only(&self) -> bool {
        self.file.shared.read_only()
    }

    /// Messages currently shown.
    pub fn notifications(&self) -> &[Notification] {
        &self.notifications
    }

    /// Current preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The window title: file name and an unsaved mark.
    pub fn window_title(&self) -> String {
        let name = self.file_label();
        let mark = if self.file.dirty { " • unsaved" } else { "" };
        let access = if self.file.shared.read_only() { " (read-only)" } else { "" };
        format!("{name}{access}{mark} — xhim-aid")
    }

    /// The file's name, or "Untitled patient" in the menu language, for
    /// the window's messages (the title and summary keep English).
    fn file_label_said(&self) -> String {
        match self.file.path.as_ref().and_then(|p| p.file_name()) {
            Some(n) => n.to_string_lossy().into_owned(),
            None => self.say("dialog-untitled", &[]),
        }
    }

    fn file_label(&self) -> String {
        self.file
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| "Untitled patient".to_owned(), |n| n.to_string_lossy().into_owned())
    }

    /// Shows a patient in the form and every view.
    fn show_patient(&mut self, patient: Patient) {
        self.file.form = PatientForm::from_patient(&patient);
        self.file.patient = patient;
        self.start_consultation();
        self.form_changed();
    }

    /// Shows a form as typed (restored edits), valid or not.
    fn show_form(&mut self, form: PatientForm) {
        self.file.form = form;
        if let Ok(patient) = self.file.form.to_patient() {
            self.file.patient = patient;
        }
        self.start_consultation();
        self.form_changed();
    }

    fn form_changed(&mut self) {
        self.file.edits_generation += 1;
        match self.file.form.to_patient() {
            Ok(p) => {
                self.file.patient = p;
                self.file.form_errors.clear();
                self.file.dirty = self.file.patient != self.file.doc.patient;
            }
            Err(errors) => {
                self.file.form_errors = errors;
                self.file.dirty = self.file.form != PatientForm::from_patient(&self.file.doc.patient);
            }
        }
        self.refresh_views();
    }

    /// What the model's builders read now.
    fn inputs(&self) -> Inputs<'_> {
        Inputs {
            evidence: &self.evidence,
            cohorts: &self.cohorts,
            patient: self.file.form_errors.is_empty().then_some(&self.file.patient),
            options: self.prefs.curve_options(),
        }
    }

    /// Recomputes everything drawn from the patient, evidence and cohorts.
    fn refresh_views(&mut self) {
        self.derived = Derived::new(&self.inputs(), self.family_lang());
        let family = std::mem::take(&mut self.derived.family);
        self.derived.family = crate::model::family::with_centre_contact(
            family,
            self.config.family_contact.as_deref(),
            self.family_lang(),
        );
    }

    /// The family pages' language: the one kept in the patient file, else
    /// the one last chosen (or given with `--lang`).
    pub fn family_lang(&self) -> crate::model::l10n::Lang {
        self.file.form.family_language.unwrap_or(self.prefs.family_lang)
    }

    /// The plain-text clinical summary of the patient as shown, headed like
    /// `xhim-aid summary`'s so a pasted copy names the file it came from.
    pub fn summary_text(&self) -> String {
        let inputs = self.inputs();
        let mut doc = crate::model::summary::clinical_summary(&inputs, &self.derived.figure);
        if let Some(p) = inputs.patient {
            let recorded = self.document().record.saves.last().map(|s| s.evidence_version.as_str());
            changelog::insert_new_since(&mut doc, &self.evidence, p, recorded);
        }
        let source = self.file_label() + if self.file.dirty { " with unsaved edits" } else { "" };
        let mut text = crate::io::text::summary_heading(&source, &changelog::record_label(&self.evidence));
        text.push_str(&crate::model::text::plain::plain_text(&doc, crate::io::text::SUMMARY_WIDTH));
        text
    }

    /// The figure as drawn.
    pub fn figure(&self) -> &Figure {
        &self.derived.figure
    }

    /// The imported cohorts, as loaded.
    pub fn cohorts(&self) -> &[FittedCohort] {
        &self.cohorts
    }

    /// A window message in the menu language as it is now: a message keeps
    /// the language it was made in.
    fn say(&self, id: &str, args: &[(&str, crate::model::l10n::Arg)]) -> String {
        crate::model::l10n::text(self.prefs.menu_lang, id, args)
    }

    fn notify(&mut self, text: String, is_error: bool) {
        if is_error {
            log::error!("{text}");
        } else {
            log::info!("{text}");
        }
        self.notifications.push(Notification { text, is_error });
        // Keep the footer short: the oldest messages go first.
        if self.notifications.len() > 4 {
            self.notifications.remove(0);
        }
    }
}

/// Words, a name or a number put into a message as written (never
/// formatted again by the message file).
fn txt(s: impl std::fmt::Display) -> crate::model::l10n::Arg {
    crate::model::l10n::Arg::Text(s.to_string())
}
