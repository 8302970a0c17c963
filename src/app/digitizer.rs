//! The digitizer in the window: loads a figure image, picks colours and
//! traces curves, runs the reconstruction on a background thread, and keeps
//! the result in the library once the user has seen its error.

use std::path::Path;
use std::sync::Arc;

use super::library::Kept;
use super::{App, txt};
use crate::io::dialogs::DialogKind;
use crate::io::digitize_cli::END_SLACK_PX;
use crate::io::figure_image;
use crate::io::jobs::Job;
use crate::model::cohort::{FittedCohort, Publication};
use crate::model::digitize::{
    AxisPoint, Calibration, CurveInput, FigureInfo, Raster, ReconstructedCurve, SurvivalScale, TraceOptions,
    cohort_from_curves, parse_at_risk_table, pick_colour, reconstruct_with_checks, trace,
};
use crate::model::l10n;
use crate::model::survival::{KaplanMeier, KmOptions};
use crate::ui::digitizer_ui::{self, CurveResult, DigitizerAction, DigitizerForm};

/// Pixels around a click searched for the curve's colour.
const PICK_RADIUS: usize = 3;

/// Everything a reconstruction was made from; a save checks the form still
/// says the same.
#[derive(Clone, Debug, PartialEq)]
struct Inputs {
    calibration: Calibration,
    curves: Vec<CurveInput>,
    info: FigureInfo,
}

/// The digitizer window's state.
pub(super) struct Digitizer {
    form: DigitizerForm,
    raster: Option<Arc<Raster>>,
    texture: Option<egui::TextureHandle>,
    job: Option<Job<Result<Vec<ReconstructedCurve>, String>>>,
    running: Option<Inputs>,
    done: Option<(Inputs, Vec<ReconstructedCurve>)>,
}

impl Digitizer {
    fn new() -> Self {
        Self {
            form: DigitizerForm::default(),
            raster: None,
            texture: None,
            job: None,
            running: None,
            done: None,
        }
    }

    fn load(&mut self, path: &Path) {
        self.form.path = path.display().to_string();
        match figure_image::load(path) {
            Ok(raster) => {
                let name = crate::io::file_name(path);
                self.form.image_loaded(name.clone(), [raster.width(), raster.height()]);
                if self.form.info.label.trim().is_empty() {
                    self.form.info.label =
                        path.file_stem().map_or(name, |s| s.to_string_lossy().into_owned());
                }
                self.raster = Some(Arc::new(raster));
                self.texture = None;
                self.done = None;
            }
            Err(e) => self.form.message = Some((e.to_string(), true)),
        }
    }

    /// The form's text as checked inputs.
    fn inputs(&self) -> Result<Inputs, String> {
        let form = &self.form;
        let (name, _) = form.image.as_ref().ok_or_else(|| l10n::en("digitizer-load-first", &[]))?;
        let point = |i: usize, x: bool| -> Result<AxisPoint, String> {
            let c = form.calibration.get(i).ok_or_else(|| l10n::en("digitizer-calibrate-first", &[]))?;
            let slot = ["x1", "x2", "y1", "y2"].get(i).copied().unwrap_or("");
            let [px, py] = c
                .pixel
                .ok_or_else(|| l10n::en_words("digitizer-click-slot", &[("slot", slot.to_owned())]))?;
            let value = c
                .value
                .trim()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| l10n::en_words("digitizer-type-slot", &[("slot", slot.to_owned())]))?;
            Ok(AxisPoint { pixel: if x { px } else { py }, value })
        };
        let time = [point(0, true)?, point(1, true)?];
        let survival = [point(2, false)?, point(3, false)?];
        let calibration = Calibration::new(time, survival, scale(form.scale, survival))
            .map_err(|e| l10n::en_words("digitizer-calibration-error", &[("error", e.to_string())]))?;
        let several = form.curves.len() > 1;
        let curves = form
            .curves
            .iter()
            .map(|c| {
                let name = c.name.trim();
                let at_risk = parse_at_risk_table(&c.at_risk).map_err(|e| {
                    l10n::en_words(
                        "digitizer-at-risk-error",
                        &[("curve", name.to_owned()), ("error", e.to_string())],
                    )
                })?;
                let total_events = match c.events.trim() {
                    "" => None,
                    t => Some(t.parse::<usize>().map_err(|_| {
                        l10n::en_words(
                            "digitizer-events-not-whole",
                            &[("curve", name.to_owned()), ("typed", t.to_owned())],
                        )
                    })?),
                };
                let points = c.points.iter().map(|&p| calibration.to_data(p)).collect();
                let name = (several || !name.is_empty()).then(|| name.to_owned());
                Ok(CurveInput { name, points, at_risk, total_events })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let info = &form.info;
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let origin = info.clock.ok_or_else(|| l10n::en("digitizer-choose-clock", &[]))?;
        let unit = info.unit.ok_or_else(|| l10n::en("digitizer-choose-unit", &[]))?;
        if info.citation.trim().is_empty() {
            return Err(l10n::en("digitizer-citation-required", &[]));
        }
        let (doi, pmid) = match text(&info.identifier) {
            Some(id) if id.bytes().all(|b| b.is_ascii_digit()) => (None, Some(id)),
            Some(id) => (Some(id), None),
            None => (None, None),
        };
        Ok(Inputs {
            calibration,
            curves,
            info: FigureInfo {
                label: info.label.clone(),
                origin,
                unit,
                image_file: name.clone(),
                publication: Some(Publication {
                    citation: info.citation.trim().to_owned(),
                    doi,
                    pmid,
                    figure: text(&info.figure),
                    population: text(&info.population),
                }),
                added: None,
            },
        })
    }

    fn pick(&mut self, at: [f64; 2]) {
        let Some(raster) = &self.raster else { return };
        let Some(colour) = pick_colour(raster, at, PICK_RADIUS) else { return };
        if let Some(curve) = self.form.curve_mut() {
            curve.colour = Some(colour);
            self.form.message =
                Some((l10n::en_words("digitizer-colour-picked", &[("colour", colour.hex())]), false));
        }
    }

    fn auto_trace(&mut self) {
        let calibration = match self.inputs_calibration() {
            Ok(c) => c,
            Err(e) => {
                self.form.message = Some((e, true));
                return;
            }
        };
        let Some(raster) = &self.raster else { return };
        let Some(curve) = self.form.curves.get_mut(self.form.selected) else { return };
        let Some(colour) = curve.colour else { return };
        let options = TraceOptions { colour, tolerance: curve.tolerance };
        self.form.message = Some(match trace(raster, &calibration, &options) {
            Ok(t) => {
                let n = t.pixels.len();
                curve.set_points(t.pixels);
                let args = [
                    ("curve", curve.name.clone()),
                    ("n", n.to_string()),
                    ("width", t.line_width.to_string()),
                ];
                (l10n::en_words("digitizer-traced", &args), false)
            }
            Err(e) => (e.to_string(), true),
        });
    }

    /// The calibration alone, for tracing before the rest is filled in.
    fn inputs_calibration(&self) -> Result<Calibration, String> {
        let form = &self.form;
        let read = |i: usize, x: bool| -> Option<AxisPoint> {
            let c = form.calibration.get(i)?;
            let [px, py] = c.pixel?;
            let value = c.value.trim().replace(',', ".").parse::<f64>().ok()?;
            Some(AxisPoint { pixel: if x { px } else { py }, value })
        };
        match (read(0, true), read(1, true), read(2, false), read(3, false)) {
            (Some(x1), Some(x2), Some(y1), Some(y2)) => {
                Calibration::new([x1, x2], [y1, y2], scale(form.scale, [y1, y2]))
                    .map_err(|e| l10n::en_words("digitizer-calibration-error", &[("error", e.to_string())]))
            }
            _ => Err(l10n::en("digitizer-calibrate-first", &[])),
        }
    }
}

/// The survival scale: as chosen, unless a typed value above 1 can only be
/// a percentage (the "100" at the top of a % axis).
fn scale(chosen: SurvivalScale, survival: [AxisPoint; 2]) -> SurvivalScale {
    match SurvivalScale::of_values(&survival.map(|p| p.value)) {
        SurvivalScale::Percent => SurvivalScale::Percent,
        SurvivalScale::Proportion => chosen,
    }
}

/// The reconstruction laid over the figure.
fn result_for(curve: &ReconstructedCurve, calibration: &Calibration) -> CurveResult {
    let mut line = Vec::new();
    if let Ok(km) = KaplanMeier::fit(&curve.records, KmOptions::default()) {
        let mut s = 1.0;
        line.push(calibration.to_pixel(crate::model::survival::CurvePoint { time: 0.0, survival: 1.0 }));
        for (&t, &next) in km.times().iter().zip(km.survival()) {
            line.push(calibration.to_pixel(crate::model::survival::CurvePoint { time: t, survival: s }));
            line.push(calibration.to_pixel(crate::model::survival::CurvePoint { time: t, survival: next }));
            s = next;
        }
    }
    let r = &curve.reconstruction.report;
    CurveResult {
        name: curve.name.clone().unwrap_or_else(|| l10n::en("digitizer-the-curve", &[])),
        line,
        rmse: r.rmse,
        max_error: r.max_abs_error,
        at_risk: r.at_risk.clone(),
        events: r.events,
        failed: curve.failed.iter().map(ToString::to_string).collect(),
    }
}

impl App {
    /// The digitizer's form, if the window is open (tests read where the
    /// figure is drawn from it).
    pub fn digitizer(&self) -> Option<&DigitizerForm> {
        self.digitizer.as_ref().map(|d| &d.form)
    }

    /// Opens the digitizer and asks for a figure.
    pub(super) fn start_digitizer(&mut self, ctx: &egui::Context) {
        self.digitizer.get_or_insert_with(Digitizer::new);
        self.ask(DialogKind::OpenFigure, ctx);
    }

    /// Opens the digitizer on a figure image.
    pub(super) fn open_digitizer(&mut self, path: &Path) {
        self.digitizer.get_or_insert_with(Digitizer::new).load(path);
    }

    pub(super) fn digitizer_window(&mut self, ctx: &egui::Context) {
        let Some(d) = &mut self.digitizer else { return };
        if let Some(result) = d.job.as_ref().and_then(Job::poll) {
            d.job = None;
            d.form.busy = false;
            let inputs = d.running.take();
            match (result, inputs) {
                (Ok(curves), Some(inputs)) => {
                    d.form.results = curves.iter().map(|c| result_for(c, &inputs.calibration)).collect();
                    d.form.message = Some(if curves.iter().any(|c| !c.failed.is_empty()) {
                        (l10n::en("digitizer-contradicts", &[]), true)
                    } else {
                        (l10n::en("digitizer-reconstructed-check", &[]), false)
                    });
                    d.done = Some((inputs, curves));
                }
                (Err(e), _) => d.form.message = Some((e, true)),
                (Ok(_), None) => {}
            }
        }
        if d.texture.is_none()
            && let Some(raster) = &d.raster
        {
            d.texture = Some(ctx.load_texture(
                "digitizer-figure",
                display_image(raster, ctx),
                egui::TextureOptions::LINEAR,
            ));
        }
        let action = digitizer_ui::digitizer_ui(ctx, &mut d.form, d.texture.as_ref());
        if action != DigitizerAction::None {
            ctx.request_repaint();
        }
        match action {
            DigitizerAction::None => {}
            DigitizerAction::Load => {
                let path = d.form.path.trim().to_owned();
                if path.is_empty() {
                    d.form.message = Some((l10n::en("digitizer-type-path", &[]), true));
                } else {
                    d.load(Path::new(&path));
                }
            }
            DigitizerAction::Browse => self.ask(DialogKind::OpenFigure, ctx),
            DigitizerAction::PickColour(at) => d.pick(at),
            DigitizerAction::AutoTrace => d.auto_trace(),
            DigitizerAction::Reconstruct => match d.inputs() {
                Ok(inputs) => {
                    let job_inputs = inputs.clone();
                    let slack = END_SLACK_PX * inputs.calibration.time.value_per_pixel();
                    d.running = Some(inputs);
                    d.form.busy = true;
                    d.form.message = Some((l10n::en("digitizer-reconstructing", &[]), false));
                    d.job = Some(Job::spawn(
                        "reconstruct",
                        l10n::en("digitizer-reconstructing-job", &[]),
                        ctx,
                        move || {
                            job_inputs
                                .curves
                                .iter()
                                .map(|c| reconstruct_with_checks(c, slack).map_err(|e| e.to_string()))
                                .collect()
                        },
                    ));
                }
                Err(e) => d.form.message = Some((e, true)),
            },
            DigitizerAction::Save => self.save_digitized(),
            DigitizerAction::Close => self.digitizer = None,
        }
    }

    /// Keeps the reconstruction in the library, if the form still matches it.
    fn save_digitized(&mut self) {
        let Some(d) = &mut self.digitizer else { return };
        let current = d.inputs();
        let Some((inputs, curves)) = d.done.clone() else { return };
        if current.as_ref() != Ok(&inputs) {
            d.form.message = Some((l10n::en("digitizer-changed", &[]), true));
            return;
        }
        let mut info = inputs.info;
        info.added = Some(self.added_now());
        let result = cohort_from_curves(info, curves).map_err(|e| e.to_string()).and_then(FittedCohort::new);
        match result {
            Ok(fitted) => {
                self.digitizer = None;
                let message = match self.keep_cohort(fitted) {
                    Kept::New(label) => self.say("msg-cohort-digitized", &[("label", txt(label))]),
                    Kept::Already(label) => self.say("msg-cohort-already", &[("label", txt(label))]),
                };
                self.notify(message, false);
            }
            Err(e) => {
                if let Some(d) = &mut self.digitizer {
                    d.form.message = Some((e, true));
                }
            }
        }
    }
}

/// The image as a texture, shrunk when the graphics card cannot hold it
/// whole (tracing always uses the full image).
fn display_image(raster: &Raster, ctx: &egui::Context) -> egui::ColorImage {
    let max_side = ctx.input(|i| i.max_texture_side).max(1);
    let step = raster.width().max(raster.height()).div_ceil(max_side).max(1);
    if step == 1 {
        return egui::ColorImage::from_rgba_unmultiplied([raster.width(), raster.height()], raster.rgba());
    }
    let (w, h) = (raster.width().div_ceil(step), raster.height().div_ceil(step));
    let mut rgba = Vec::with_capacity(w * h * 4);
    for y in 0..h {
        for x in 0..w {
            let i = ((y * step) * raster.width() + x * step) * 4;
            rgba.extend_from_slice(raster.rgba().get(i..i + 4).unwrap_or(&[255, 255, 255, 255]));
        }
    }
    egui::ColorImage::from_rgba_unmultiplied([w, h], &rgba)
}
