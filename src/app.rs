//! The eframe application: composes the panels, keeps what they show in sync
//! with the patient, and runs [`Command`]s after the layout pass.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::command::{self, Command};
use crate::model::evidence::Evidence;
use crate::model::patient::{Field, Patient};
use crate::model::picture::{Picture, picture};
use crate::model::timing::TimingEvidence;
use crate::ui::patient_panel::{PatientForm, patient_panel_ui};
use crate::ui::status::Notification;
use crate::ui::theme::{self, ThemeChoice};
use crate::ui::{evidence_panel, menu, plot, status};

/// Preferences saved between runs. Never patient data.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Colour theme.
    pub theme: ThemeChoice,
}

/// How the app was started.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// Patient file to open at start.
    pub open: Option<PathBuf>,
    /// Render once, save a PNG here, then close.
    pub screenshot: Option<ScreenshotRequest>,
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
/// patient changes so a frame does no evidence work.
#[derive(Clone, Debug, Default)]
struct Derived {
    picture: Picture,
    sentence: String,
    reasons: Vec<Vec<String>>,
}

impl Derived {
    fn new(evidence: &Evidence, patient: Option<&Patient>) -> Self {
        // An unparsable form is shown as "no valid age": the default patient
        // with an impossible age gives exactly that view.
        let invalid = Patient {
            age: crate::model::patient::AgeSource::Entered(crate::model::patient::YearsMonths {
                years: -1,
                months: 0,
            }),
            ..Patient::default()
        };
        let p = patient.unwrap_or(&invalid);
        let sentence = TimingEvidence::from_evidence(evidence)
            .map_or_else(|| "The loaded evidence has no timing findings.".to_owned(), |t| t.sentence(p));
        Self { picture: picture(evidence, p), sentence, reasons: evidence.match_patient(p) }
    }
}

/// The application.
pub struct App {
    evidence: Evidence,
    /// The patient as last parsed from a valid form.
    patient: Patient,
    form: PatientForm,
    form_errors: Vec<(Field, String)>,
    derived: Derived,
    prefs: Prefs,
    notifications: Vec<Notification>,
    commands: Vec<Command>,
    show_about: bool,
    screenshot: Option<ScreenshotJob>,
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
        let prefs: Prefs = cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
        cc.egui_ctx.set_theme(prefs.theme.preference());
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
        let patient = Patient::default();
        let derived = Derived::new(&evidence, Some(&patient));
        Self {
            form: PatientForm::from_patient(&patient),
            form_errors: Vec::new(),
            evidence,
            patient,
            derived,
            prefs,
            notifications,
            commands: Vec::new(),
            show_about: false,
            screenshot: options.screenshot.map(|request| ScreenshotJob {
                request,
                frames: 0,
                requested: false,
            }),
        }
    }

    /// Queues a command, as a menu or shortcut would.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The patient as last parsed from a valid form.
    pub fn patient(&self) -> &Patient {
        &self.patient
    }

    /// Current preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// Shows a patient in the form and every view.
    pub fn set_patient(&mut self, patient: Patient) {
        self.form = PatientForm::from_patient(&patient);
        self.patient = patient;
        self.form_changed();
    }

    fn form_changed(&mut self) {
        match self.form.to_patient() {
            Ok(p) => {
                self.patient = p;
                self.form_errors.clear();
                self.derived = Derived::new(&self.evidence, Some(&self.patient));
            }
            Err(errors) => {
                self.form_errors = errors;
                self.derived = Derived::new(&self.evidence, None);
            }
        }
    }

    fn run_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::New => self.set_patient(Patient::default()),
                Command::SetTheme(choice) => {
                    self.prefs.theme = choice;
                    ctx.set_theme(choice.preference());
                }
                Command::ToggleAbout => self.show_about = !self.show_about,
                Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            }
        }
    }

    fn about_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.show_about;
        egui::Window::new("About xhim-aid").open(&mut open).default_width(520.0).show(ctx, |ui| {
            ui.label(format!("xhim-aid {}", env!("CARGO_PKG_VERSION")));
            ui.label(format!("Evidence set: {}", self.evidence.version));
            ui.label(crate::DISCLAIMER);
            ui.separator();
            ui.label("Sources:");
            egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                for c in &self.evidence.cohorts {
                    ui.label(format!("{} — {}", c.label, c.citation));
                }
            });
        });
        self.show_about = open;
    }

    /// Drives the one-shot screenshot: wait a few frames, capture, close.
    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else { return };
        let done = job.request.outcome.lock().map(|o| o.is_some()).unwrap_or(true);
        if done {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        job.frames += 1;
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
        // Only the screenshot mode asks for frames without input.
        ctx.request_repaint();
    }
}

fn save_png(out: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(egui::Color32::to_array).collect();
    let (w, h) = (u32::try_from(w).map_err(|e| e.to_string())?, u32::try_from(h).map_err(|e| e.to_string())?);
    image::save_buffer(out, &bytes, w, h, image::ColorType::Rgba8)
        .map_err(|e| format!("{}: could not write the screenshot: {e}", out.display()))
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        command::shortcuts(&ctx, &mut self.commands);

        egui::Panel::top("menu").show(ui, |ui| {
            menu::menu_bar_ui(ui, self.prefs.theme, &mut self.commands);
        });
        egui::Panel::bottom("footer").show(ui, |ui| {
            if let Some(i) = status::footer_ui(ui, &self.notifications) {
                self.notifications.remove(i);
            }
        });
        let mut form_changed = false;
        egui::Panel::left("patient").resizable(true).default_size(theme::PATIENT_PANEL_WIDTH).show(
            ui,
            |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    form_changed = patient_panel_ui(ui, &mut self.form, &self.form_errors);
                });
            },
        );
        egui::Panel::right("evidence").resizable(true).default_size(theme::EVIDENCE_PANEL_WIDTH).show(
            ui,
            |ui| {
                evidence_panel::evidence_panel_ui(ui, &self.evidence, &self.derived.reasons);
            },
        );
        egui::CentralPanel::default().show(ui, |ui| {
            status::status_line_ui(ui, &self.derived.sentence);
            ui.add_space(4.0);
            plot::survival_plot_ui(ui, &self.derived.picture);
        });
        if form_changed {
            self.form_changed();
        }
        self.about_ui(&ctx);
        self.run_commands(&ctx);
        self.screenshot_step(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}
