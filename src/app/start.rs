//! Starting the app: the options it was started with (command line, tests,
//! screenshot runs) and the state it starts in.

use std::path::PathBuf;
use std::sync::Arc;

use super::{
    App, Derived, OpenFile, ScreenshotJob, ScreenshotRequest, Windows, Work, conflict, library, logic,
    recovery,
};
use crate::command::Command;
use crate::io::dialogs::NativeDialogs;
use crate::io::patient_file::PatientDocument;
use crate::model::Inputs;
use crate::model::evidence::Evidence;
use crate::model::family::{about_section, sources_section};
use crate::model::form::PatientForm;
use crate::model::l10n;
use crate::prefs::{Prefs, ViewMode};
use crate::ui::status::Notification;
use crate::ui::theme;

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
    /// The site configuration (clinic name, shared library, recent files).
    pub config: crate::io::config::Config,
    /// The folder Save proposes for a new patient (the user's documents);
    /// `None`: the platform's documents folder, else the home folder.
    pub documents: Option<PathBuf>,
}

impl App {
    /// Builds the app; copes with no storage (tests) and with a broken
    /// embedded evidence set (shown as a notification).
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        // A screenshot run shows the app as it starts for a new user, so the
        // same command gives the same picture on every computer: neither the
        // user's preferences nor the zoom remembered by egui apply.
        let remembered = if options.screenshot.is_some() { None } else { cc.storage };
        let mut prefs: Prefs =
            remembered.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
        cc.egui_ctx.set_theme(prefs.theme.preference());
        theme::steady_text_cursor(&cc.egui_ctx);
        theme::install_fonts(&cc.egui_ctx);
        if let Some(family) = options.display.family {
            prefs.view = if family { ViewMode::Family } else { ViewMode::Clinician };
        }
        if let Some(lang) = options.display.lang {
            // The window's menus and messages and the family pages; the
            // clinician's panels are English until their translation is
            // reviewed. The View menu sets the two apart.
            prefs.family_lang = lang;
            prefs.menu_lang = lang;
        }
        if let Some(zoom) = options.display.zoom.or(options.screenshot.as_ref().map(|_| 1.0)) {
            cc.egui_ctx.set_zoom_factor(zoom);
        }
        if let Some(termination) = &options.termination {
            let ctx = cc.egui_ctx.clone();
            termination.set_waker(move || ctx.request_repaint());
        }
        Self::with_prefs(prefs, options)
    }

    /// Builds the app with the given preferences.
    pub fn with_prefs(mut prefs: Prefs, options: StartOptions) -> Self {
        let mut notifications = Vec::new();
        let lang = prefs.menu_lang;
        if options.config.keep_recent_files == Some(false) {
            // The site keeps no list of recent files.
            prefs.remember_recent = false;
            prefs.recent.clear();
        }
        let evidence = Evidence::embedded().unwrap_or_else(|e| {
            notifications.push(Notification {
                text: l10n::text(lang, "msg-evidence-unloadable", &[("error", super::txt(e))]),
                is_error: true,
            });
            Evidence { cohorts: Vec::new(), version: "none".to_owned() }
        });
        let (library, problems) = library::LibraryState::start(options.data_dir.as_deref(), evidence.clone());
        notifications.extend(problems.into_iter().map(|text| Notification { text, is_error: true }));
        let evidence = library.evidence().unwrap_or(evidence);
        let cohorts = library.shown();
        let doc = PatientDocument::default();
        let patient = doc.patient.clone();
        let derived = Derived::new(
            &Inputs {
                evidence: &evidence,
                cohorts: &cohorts,
                patient: Some(&patient),
                options: prefs.curve_options(),
            },
            prefs.family_lang,
        );
        let about = (about_section(&evidence), sources_section(&evidence, None));
        // The clinic's shared library first, then the cohorts asked for.
        let shared = options.config.shared_cohorts(prefs.menu_lang).unwrap_or_else(|text| {
            notifications.push(Notification { text, is_error: true });
            Vec::new()
        });
        let mut commands: Vec<Command> =
            shared.into_iter().chain(options.cohorts).map(Command::ShowCohortPath).collect();
        if let Some(path) = options.open {
            commands.push(Command::OpenPath(path));
        }
        let instance = crate::io::instance::Registered::new();
        let (recovery, problem) =
            recovery::Recovery::new(options.data_dir.as_deref(), instance.instance(), lang);
        if let Some(text) = problem {
            notifications.push(Notification { text, is_error: true });
        }
        Self {
            file: OpenFile {
                form: PatientForm::from_patient(&patient),
                form_errors: Vec::new(),
                dirty: false,
                edits_generation: 0,
                doc,
                path: None,
                patient,
                shared: conflict::SharedFile::new(options.lock_files),
            },
            evidence,
            cohorts: Arc::new(cohorts),
            library,
            digitizer: None,
            derived,
            windows: Windows::default(),
            work: Work::default(),
            prefs,
            notifications,
            commands,
            dialogs: Box::new(NativeDialogs),
            clipboard: Box::new(crate::io::clipboard::SystemClipboard::default()),
            config: options.config,
            documents: options.documents,
            clock: logic::Clock::default(),
            termination: options.termination,
            consultation: crate::ui::family_ui::Consultation::default(),
            about,
            allow_close: false,
            title: String::new(),
            screenshot: options.screenshot.map(ScreenshotJob::new),
            instance,
            recovery,
        }
    }
}
