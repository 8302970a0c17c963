//! The eframe application: composes the panels, keeps what they show in sync
//! with the patient, and runs [`Command`]s after the layout pass.

mod cohorts;
mod conflict;
mod digitizer;
mod document;
mod family;
mod library;
mod logic;
mod prefs;
mod recovery;

pub use document::{REPLACE, SAVE_WITHOUT_AGE};
pub use prefs::{Prefs, ThemeChoice, ViewMode};
pub use recovery::RECOVERY_INTERVAL;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::command::{self, Command};
use crate::io::dialogs::{Dialogs, NativeDialogs, PendingDialog};
use crate::io::jobs::Job;
use crate::io::patient_file::{ContentHash, GuardedSaveError, PatientDocument};
use crate::model::Inputs;
use crate::model::cohort::FittedCohort;
use crate::model::discussion::FamilyDiscussion;
use crate::model::evidence::{Evidence, FindingMatch};
use crate::model::family::{Inheritance, about_section, family_doc, inheritance, sources_section};
use crate::model::figure::{Figure, figure};
use crate::model::form::PatientForm;
use crate::model::patient::{AgeSource, Field, Patient, YearsMonths};
use crate::model::status::status;
use crate::model::text::{Doc, Section};
use crate::ui::figure_ui::PreparedFigure;
use crate::ui::file_ui::{self, PathField, UnsavedChoice};
use crate::ui::patient_panel::patient_panel_ui;
use crate::ui::status::Notification;
use crate::ui::theme;
use crate::ui::{evidence_panel, figure_ui, menu, status as status_ui};

/// The folded patient form in the family view (the note is never shown
/// there).
pub const FAMILY_DETAILS: &str = "Patient details (for the clinician)";

/// How the app was started.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// Patient file to open at start.
    pub open: Option<PathBuf>,
    /// Cohort files to load as layers at start.
    pub cohorts: Vec<PathBuf>,
    /// View and zoom chosen on the command line.
    pub display: crate::cli::Display,
    /// Render once, save a PNG here, then close.
    pub screenshot: Option<ScreenshotRequest>,
    /// The app's data folder: recovery copies of unsaved edits in its
    /// `recovery` folder, the evidence library in its `library` folder;
    /// `None` keeps nothing there (tests, screenshot runs).
    pub data_dir: Option<PathBuf>,
    /// Put a lock file beside each patient file opened for editing, so
    /// colleagues are told it is open (a real window does; tests and
    /// screenshot runs leave shared folders alone).
    pub lock_files: bool,
    /// The termination signals a real window catches, so logout or
    /// shutdown keeps a recovery copy and releases the lock; `None` leaves
    /// the default actions (tests).
    pub termination: Option<crate::io::signals::Termination>,
    /// The folder Save proposes for a new patient (the user's documents);
    /// `None`: the platform's documents folder, else the home folder.
    pub documents: Option<PathBuf>,
}

/// A one-shot screenshot for smoke tests and the README.
#[derive(Clone, Debug)]
pub struct ScreenshotRequest {
    /// Where to write the PNG.
    pub out: PathBuf,
    /// Filled in when the PNG is written (or failed), read by `main`.
    pub outcome: Arc<Mutex<Option<Result<(), String>>>>,
}

/// Views derived from the patient and evidence, recomputed only when the
/// patient, the cohorts or a view option change, so a frame does no
/// evidence work.
#[derive(Debug)]
struct Derived {
    figure: Figure,
    prepared: PreparedFigure,
    /// The figure in words (its text alternative).
    described: Vec<Section>,
    status: Section,
    /// The family decision aid. The view binds the family's answers live
    /// (they are not part of it); the handout is built with them.
    family: Doc,
    /// The findings that concern him, each with why.
    matches: Vec<FindingMatch>,
}

impl Derived {
    fn new(inputs: &Inputs<'_>) -> Self {
        // A form that does not parse is shown as "no valid age".
        let unplaced =
            Patient { age: AgeSource::Entered(YearsMonths { years: -1, months: 0 }), ..Patient::default() };
        let p = inputs.patient.unwrap_or(&unplaced);
        let figure = figure(inputs);
        Self {
            prepared: PreparedFigure::new(&figure),
            described: figure.describe(),
            figure,
            status: status(inputs),
            family: family_doc(inputs, &FamilyDiscussion::default()),
            matches: inputs.evidence.match_findings(p),
        }
    }
}

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

/// The application.
pub struct App {
    evidence: Evidence,
    /// The library's shown cohorts: what the plot draws (never saved with
    /// patients). Shared with background jobs (reports) without copying
    /// the records.
    cohorts: Arc<Vec<FittedCohort>>,
    library: library::LibraryState,
    digitizer: Option<digitizer::Digitizer>,
    /// Whether the evidence panel is open, once the user chose; until then
    /// it follows the window's width.
    evidence_open: Option<bool>,
    /// Cohort files being read and fitted in the background.
    cohort_loads: Vec<Job<Result<FittedCohort, String>>>,
    import_form: Option<crate::ui::import_ui::ImportForm>,
    /// The document as it is on disk (or new).
    doc: PatientDocument,
    /// Where it lives, once saved or opened.
    path: Option<PathBuf>,
    /// The patient as last parsed from a valid form.
    patient: Patient,
    form: PatientForm,
    form_errors: Vec<(Field, String)>,
    dirty: bool,
    /// Counts changes to the form or the document, so the recovery copy
    /// knows whether it is current without comparing whole records.
    edits_generation: u64,
    derived: Derived,
    prefs: Prefs,
    notifications: Vec<Notification>,
    commands: Vec<Command>,
    dialogs: Box<dyn Dialogs>,
    /// Kept for the app's whole life: on X11 copied text is served from it.
    clipboard: Box<dyn crate::io::clipboard::Clipboard>,
    pending_dialog: Option<PendingDialog>,
    save: Option<SaveInFlight>,
    opening: Option<OpenInFlight>,
    /// A question before saving (replace another file, save with no age).
    save_question: Option<document::SaveQuestion>,
    /// The folder Save proposes for a new patient.
    documents: Option<PathBuf>,
    /// Time for the timed work (recovery, lock refresh); tests move it on.
    clock: logic::Clock,
    /// The termination signals caught, if any.
    termination: Option<crate::io::signals::Termination>,
    report: Option<Job<Result<PathBuf, crate::io::report::ReportError>>>,
    handout: Option<Job<Result<PathBuf, crate::io::report::ReportError>>>,
    /// The family's answers in this consultation (never in preferences).
    consultation: crate::ui::family_ui::Consultation,
    /// The inheritance explainer (a rule, the same for every patient).
    inheritance: Inheritance,
    /// "About this aid" and every source with its date, for the Help menu.
    about: (Section, Section),
    /// A command waiting for the Save / Discard / Cancel answer.
    confirm: Option<Command>,
    /// A command to run once the current save succeeds.
    after_save: Option<Command>,
    allow_close: bool,
    path_field: Option<PathField>,
    show_about: bool,
    show_prefs: bool,
    show_inheritance: bool,
    title: String,
    screenshot: Option<ScreenshotJob>,
    /// This window, as named in lock and recovery files.
    instance: crate::io::instance::Registered,
    /// The open file's version, lock and questions about other people's
    /// changes.
    shared: conflict::SharedFile,
    recovery: recovery::Recovery,
}

#[derive(Debug)]
struct ScreenshotJob {
    request: ScreenshotRequest,
    frames: u32,
    requested: bool,
}

/// Frames to wait before capturing, so fonts and layout have settled.
const SCREENSHOT_FRAMES: u32 = 3;

impl App {
    /// Builds the app; copes with no storage (tests) and with a broken
    /// embedded evidence set (shown as a notification).
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let mut prefs: Prefs =
            cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
        cc.egui_ctx.set_theme(prefs.theme.preference());
        theme::steady_text_cursor(&cc.egui_ctx);
        if let Some(family) = options.display.family {
            prefs.view = if family { ViewMode::Family } else { ViewMode::Clinician };
        }
        if let Some(zoom) = options.display.zoom {
            cc.egui_ctx.set_zoom_factor(zoom);
        }
        if let Some(termination) = &options.termination {
            let ctx = cc.egui_ctx.clone();
            termination.set_waker(move || ctx.request_repaint());
        }
        Self::with_prefs(prefs, options)
    }

    /// Builds the app with the given preferences.
    pub fn with_prefs(prefs: Prefs, options: StartOptions) -> Self {
        let mut notifications = Vec::new();
        let evidence = Evidence::embedded().unwrap_or_else(|e| {
            notifications
                .push(Notification { text: format!("Evidence could not be loaded: {e}"), is_error: true });
            Evidence { cohorts: Vec::new(), version: "none".to_owned() }
        });
        let (library, problems) = library::LibraryState::start(options.data_dir.as_deref(), evidence.clone());
        notifications.extend(problems.into_iter().map(|text| Notification { text, is_error: true }));
        let evidence = library.evidence().unwrap_or(evidence);
        let cohorts = library.shown();
        let doc = PatientDocument::default();
        let patient = doc.patient.clone();
        let derived = Derived::new(&Inputs {
            evidence: &evidence,
            cohorts: &cohorts,
            patient: Some(&patient),
            options: prefs.curve_options(),
        });
        let about = (about_section(&evidence), sources_section(&evidence, None));
        let mut commands: Vec<Command> = options.cohorts.into_iter().map(Command::LoadCohortPath).collect();
        if let Some(path) = options.open {
            commands.push(Command::OpenPath(path));
        }
        let instance = crate::io::instance::Registered::new();
        let (recovery, problem) = recovery::Recovery::new(options.data_dir.as_deref(), instance.instance());
        if let Some(text) = problem {
            notifications.push(Notification { text, is_error: true });
        }
        Self {
            form: PatientForm::from_patient(&patient),
            form_errors: Vec::new(),
            dirty: false,
            edits_generation: 0,
            evidence,
            cohorts: Arc::new(cohorts),
            library,
            digitizer: None,
            cohort_loads: Vec::new(),
            evidence_open: None,
            import_form: None,
            doc,
            path: None,
            patient,
            derived,
            prefs,
            notifications,
            commands,
            dialogs: Box::new(NativeDialogs),
            clipboard: Box::new(crate::io::clipboard::SystemClipboard::default()),
            pending_dialog: None,
            save: None,
            opening: None,
            save_question: None,
            documents: options.documents,
            clock: logic::Clock::default(),
            termination: options.termination,
            report: None,
            handout: None,
            consultation: crate::ui::family_ui::Consultation::default(),
            inheritance: inheritance(),
            about,
            confirm: None,
            after_save: None,
            allow_close: false,
            path_field: None,
            show_about: false,
            show_prefs: false,
            show_inheritance: false,
            title: String::new(),
            screenshot: options.screenshot.map(|request| ScreenshotJob {
                request,
                frames: 0,
                requested: false,
            }),
            instance,
            shared: conflict::SharedFile::new(options.lock_files),
            recovery,
        }
    }

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
        &self.patient
    }

    /// The document as last opened or saved.
    pub fn document(&self) -> &PatientDocument {
        &self.doc
    }

    /// The current file, if any.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// Whether there are edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Whether the window has been told to close (Quit, or a confirmed close).
    pub fn is_closing(&self) -> bool {
        self.allow_close
    }

    /// Whether a save, report, recovery copy or library change is still
    /// being written, or a cohort still loading.
    pub fn is_saving(&self) -> bool {
        self.save.is_some()
            || self.opening.is_some()
            || self.save_pending()
            || self.report.is_some()
            || self.handout.is_some()
            || self.recovery.busy()
            || self.library.is_busy()
            || !self.cohort_loads.is_empty()
    }

    /// Whether the file is open read-only (open elsewhere): saving asks for
    /// a new name.
    pub fn is_read_only(&self) -> bool {
        self.shared.read_only()
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
        let mark = if self.dirty { " • unsaved" } else { "" };
        let access = if self.shared.read_only() { " (read-only)" } else { "" };
        format!("{name}{access}{mark} — xhim-aid")
    }

    fn file_label(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| "Untitled patient".to_owned(), |n| n.to_string_lossy().into_owned())
    }

    /// Shows a patient in the form and every view.
    fn show_patient(&mut self, patient: Patient) {
        self.form = PatientForm::from_patient(&patient);
        self.patient = patient;
        self.start_consultation();
        self.form_changed();
    }

    /// Shows a form as typed (restored edits), valid or not.
    fn show_form(&mut self, form: PatientForm) {
        self.form = form;
        if let Ok(patient) = self.form.to_patient() {
            self.patient = patient;
        }
        self.start_consultation();
        self.form_changed();
    }

    fn form_changed(&mut self) {
        self.edits_generation += 1;
        match self.form.to_patient() {
            Ok(p) => {
                self.patient = p;
                self.form_errors.clear();
                self.dirty = self.patient != self.doc.patient;
            }
            Err(errors) => {
                self.form_errors = errors;
                self.dirty = self.form != PatientForm::from_patient(&self.doc.patient);
            }
        }
        self.refresh_views();
    }

    /// What the model's builders read now.
    fn inputs(&self) -> Inputs<'_> {
        Inputs {
            evidence: &self.evidence,
            cohorts: &self.cohorts,
            patient: self.form_errors.is_empty().then_some(&self.patient),
            options: self.prefs.curve_options(),
        }
    }

    /// Recomputes everything drawn from the patient, evidence and cohorts.
    fn refresh_views(&mut self) {
        self.derived = Derived::new(&self.inputs());
    }

    /// The plain-text clinical summary of the patient as shown, headed like
    /// `xhim-aid summary`'s so a pasted copy names the file it came from.
    pub fn summary_text(&self) -> String {
        let inputs = self.inputs();
        let doc = crate::model::summary::clinical_summary(&inputs, &self.derived.figure);
        let source = self.file_label() + if self.dirty { " with unsaved edits" } else { "" };
        let mut text = crate::io::text::summary_heading(&source, &self.evidence.version);
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

    fn about_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.show_about;
        crate::ui::family_ui::about_ui(ctx, &mut open, &self.about.0, &self.about.1);
        self.show_about = open;
    }

    /// Drives the one-shot screenshot: wait a few frames, capture, close.
    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else { return };
        // An error shown before the picture is taken (a patient or cohort
        // file that could not be opened) fails the run: a picture of the
        // error is not what was asked for.
        let problems: Vec<&str> =
            self.notifications.iter().filter(|n| n.is_error).map(|n| n.text.as_str()).collect();
        if !job.requested
            && !problems.is_empty()
            && let Ok(mut slot) = job.request.outcome.lock()
        {
            slot.get_or_insert_with(|| Err(format!("no screenshot was written: {}", problems.join(" "))));
        }
        let done = job.request.outcome.lock().map(|o| o.is_some()).unwrap_or(true);
        if done {
            self.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        // The picture is taken once the patient file and every cohort asked
        // for have been read.
        let reading = !self.cohort_loads.is_empty() || self.opening.is_some() || !self.commands.is_empty();
        job.frames = if reading { 0 } else { job.frames + 1 };
        if job.frames >= SCREENSHOT_FRAMES && !job.requested {
            job.requested = true;
            let out = job.request.out.clone();
            let outcome = Arc::clone(&job.request.outcome);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                let result = save_png(&out, &image);
                if let Ok(mut slot) = outcome.lock() {
                    *slot = Some(result);
                }
                repaint.request_repaint();
            });
        }
        // Only the screenshot mode asks for frames without input; while a
        // file is read, its job wakes the window when it is done.
        if !reading {
            ctx.request_repaint();
        }
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        let Some(path) = dropped.into_iter().next() else { return };
        if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
            self.commands.push(Command::OpenPath(path));
        } else if crate::io::figure_image::is_figure(&path) {
            self.commands.push(Command::DigitizeFigurePath(path));
        } else {
            let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            self.notify(
                format!("{name}: drop a .ron patient file, or a PNG or JPEG figure to digitize."),
                true,
            );
        }
    }

    fn modal_windows(&mut self, ctx: &egui::Context) {
        if let Some(command) = self.confirm.clone() {
            let action = match command {
                Command::Quit => "close the window",
                Command::New => "start a new patient",
                Command::Close => "close the file",
                _ => "open another file",
            };
            let answer = file_ui::unsaved_changes_ui(ctx, &self.file_label(), action);
            if answer.is_some() {
                ctx.request_repaint();
            }
            match answer {
                Some(UnsavedChoice::Save) => {
                    self.confirm = None;
                    self.after_save = Some(command);
                    self.commands.push(Command::Save);
                }
                Some(UnsavedChoice::Discard) => {
                    self.confirm = None;
                    self.perform(command, ctx);
                }
                Some(UnsavedChoice::Cancel) => self.confirm = None,
                None => {}
            }
        }
        if let Some(field) = &mut self.path_field {
            let action = file_ui::path_field_ui(ctx, field);
            if action != file_ui::PathFieldAction::None {
                ctx.request_repaint();
            }
            match action {
                file_ui::PathFieldAction::Submit(path) => {
                    let purpose = field.purpose;
                    self.path_field = None;
                    match purpose {
                        file_ui::PathPurpose::Open => self.perform(Command::OpenPath(path), ctx),
                        file_ui::PathPurpose::SaveAs => self.perform(Command::SaveAsPath(path), ctx),
                        file_ui::PathPurpose::Report => self.perform(Command::ExportReportTo(path), ctx),
                        file_ui::PathPurpose::Handout => self.perform(Command::ExportHandoutTo(path), ctx),
                    }
                }
                file_ui::PathFieldAction::Cancel => self.path_field = None,
                file_ui::PathFieldAction::None => {}
            }
        }
        let mut open = self.show_prefs;
        let before = self.prefs.remember_recent;
        file_ui::preferences_ui(ctx, &mut open, &mut self.prefs.user_name, &mut self.prefs.remember_recent);
        if before && !self.prefs.remember_recent {
            self.prefs.recent.clear();
        }
        self.show_prefs = open;
        self.about_ui(ctx);
        self.import_window(ctx);
        self.library_window(ctx);
        self.digitizer_window(ctx);
        let mut open = self.show_inheritance;
        crate::ui::family_ui::inheritance_ui(ctx, &mut open, &self.inheritance);
        self.show_inheritance = open;
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

fn save_png(out: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(egui::Color32::to_array).collect();
    let (w, h) = (u32::try_from(w).map_err(|e| e.to_string())?, u32::try_from(h).map_err(|e| e.to_string())?);
    crate::io::figure_image::write_png(out, &bytes, w, h)
}

impl eframe::App for App {
    /// Everything timed or in the background, which must go on while the
    /// window is covered, hidden or minimised (eframe then calls only this).
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.logic_step(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        command::shortcuts(&ctx, &mut self.commands);
        self.dropped_files(&ctx);

        egui::Panel::top("menu").show(ui, |ui| {
            menu::menu_bar_ui(ui, self.prefs.theme, self.prefs.view, &self.prefs.recent, &mut self.commands);
        });
        egui::Panel::bottom("footer").show(ui, |ui| {
            if let Some(i) = status_ui::footer_ui(ui, &self.notifications, &self.loading_labels()) {
                self.notifications.remove(i);
            }
        });
        let mut form_changed = false;
        let patient_max = ui.available_width() * 0.35;
        egui::Panel::left("patient")
            .resizable(true)
            .default_size(theme::PATIENT_PANEL_WIDTH)
            .max_size(patient_max)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    status_ui::file_line_ui(ui, &self.file_label(), self.dirty, self.save.is_some());
                    if let Some(label) = self.opening_label()
                        && file_ui::opening_line_ui(ui, label)
                    {
                        self.cancel_opening();
                    }
                    if self.shared.read_only() {
                        crate::ui::conflict_ui::read_only_line_ui(ui);
                    }
                    if self.prefs.view == ViewMode::Family {
                        // The family sees the screen: the clinician's note and the
                        // change log (which repeats it) stay out of sight.
                        egui::CollapsingHeader::new(FAMILY_DETAILS).default_open(false).show(ui, |ui| {
                            form_changed = patient_panel_ui(ui, &mut self.form, &self.form_errors, false);
                        });
                    } else {
                        form_changed = patient_panel_ui(ui, &mut self.form, &self.form_errors, true);
                        ui.add_space(8.0);
                        file_ui::record_ui(ui, &self.doc.record);
                    }
                });
            });
        let mut view_changed = false;
        if self.prefs.view == ViewMode::Family {
            egui::CentralPanel::default().show(ui, |ui| self.family_view_ui(ui));
        } else {
            self.clinician_view_ui(ui, &mut view_changed);
        }
        if view_changed {
            self.refresh_views();
        }
        if form_changed {
            self.form_changed();
        }
        self.modal_windows(&ctx);
        self.save_question_ui(&ctx);
        self.shared_file_ui(&ctx);
        self.recovery_offer_ui(&ctx);
        // What the layout pass asked for runs at once, in the same pass;
        // the rest of the timed work waits for the next call of `logic`.
        self.run_commands(&ctx);
        self.update_title(&ctx);
        self.screenshot_step(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // A screenshot run changes nothing. (egui's memory, saved after this,
        // keeps panel sizes and zoom; text fields store only their cursor, so
        // no patient detail reaches it: the privacy test checks both.)
        if self.screenshot.is_none() {
            eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
        }
    }

    fn persist_egui_memory(&self) -> bool {
        self.screenshot.is_none()
    }
}

impl App {
    /// Evidence panel, status line, curve controls and plot.
    fn clinician_view_ui(&mut self, ui: &mut egui::Ui, view_changed: &mut bool) {
        // Beside the picture when there is room; on a small screen or at a
        // large zoom the picture keeps the width and the evidence opens on
        // request.
        let wide = ui.available_width() >= theme::EVIDENCE_BESIDE_FROM;
        let show_evidence = self.evidence_open.unwrap_or(wide);
        if show_evidence {
            egui::Panel::right("evidence")
                .resizable(true)
                .default_size(theme::EVIDENCE_PANEL_WIDTH)
                .max_size(ui.available_width() * 0.45)
                .show(ui, |ui| {
                    evidence_panel::evidence_panel_ui(ui, &self.evidence, &self.derived.matches);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let status_height = ui.available_height() * 0.35;
            egui::ScrollArea::vertical().id_salt("status").max_height(status_height).show(ui, |ui| {
                status_ui::status_ui(ui, &self.derived.status);
            });
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                let (label, hint) = if show_evidence {
                    (status_ui::HIDE_EVIDENCE, "Give the picture the whole width")
                } else {
                    (status_ui::SHOW_EVIDENCE, "Every finding with its source, beside the picture")
                };
                if ui.button(label).on_hover_text(hint).clicked() {
                    self.evidence_open = Some(!show_evidence);
                }
                if ui
                    .button(status_ui::COPY_SUMMARY)
                    .on_hover_text("Plain text for the clinical record")
                    .clicked()
                {
                    self.commands.push(Command::CopySummary);
                }
                if !self.cohorts.is_empty() {
                    *view_changed = status_ui::curve_controls_ui(
                        ui,
                        &mut self.prefs.conditional,
                        &mut self.prefs.min_at_risk,
                        &mut self.commands,
                    );
                }
            });
            figure_ui::figure_ui(
                ui,
                &self.derived.figure,
                &mut self.derived.prepared,
                &self.derived.described,
            );
        });
    }
}
