//! The digitizer window: a published Kaplan–Meier figure, zoomable and
//! pannable, with the axis calibration, the traced or clicked points of each
//! curve, and the reconstruction laid over it; beside it the steps from
//! calibration to saving. Editing points happens here; loading, tracing,
//! reconstructing and saving are asked of the app.

use egui::{Color32, Pos2, Rect, RichText, Sense, Stroke, TextureHandle, Ui, Vec2, vec2};

use crate::model::clock::Clock;
use crate::model::cohort::TimeUnit;
use crate::model::digitize::{DEFAULT_TOLERANCE, Rgb, SurvivalScale};
use crate::model::l10n;
use crate::model::survival::AtRiskComparison;
use crate::ui::theme::digitizer as colours;

/// Title of the window (tests query it).
pub fn digitizer_title() -> String {
    w("digitizer-title")
}

/// A message of the window without arguments.
fn w(id: &str) -> String {
    l10n::en(id, &[])
}

/// Points within this many screen pixels of a click are "that point".
const HIT_RADIUS: f32 = 8.0;

/// One of the four calibration points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalibrationSlot {
    /// First point on the time axis.
    X1,
    /// Second point on the time axis.
    X2,
    /// First point on the survival axis.
    Y1,
    /// Second point on the survival axis.
    Y2,
}

impl CalibrationSlot {
    /// All four, in form order.
    pub const ALL: [Self; 4] = [Self::X1, Self::X2, Self::Y1, Self::Y2];

    /// "x1", "y2": the names buttons and fields use.
    pub fn name(self) -> &'static str {
        match self {
            Self::X1 => "x1",
            Self::X2 => "x2",
            Self::Y1 => "y1",
            Self::Y2 => "y2",
        }
    }

    fn index(self) -> usize {
        match self {
            Self::X1 => 0,
            Self::X2 => 1,
            Self::Y1 => 2,
            Self::Y2 => 3,
        }
    }
}

/// What a click on the figure does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// Places a calibration point.
    Calibrate(CalibrationSlot),
    /// Takes the curve's colour.
    PickColour,
    /// Adds a point to the curve.
    AddPoints,
    /// Drags a point.
    MovePoints,
    /// Removes the point clicked.
    DeletePoints,
    /// Drags the view.
    Pan,
}

/// A calibration point: where it was clicked and the value typed for it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CalibrationPoint {
    /// Image coordinates of the click.
    pub pixel: Option<[f64; 2]>,
    /// The axis value there, as typed.
    pub value: String,
}

/// One curve being digitized.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveForm {
    /// The group the curve shows.
    pub name: String,
    /// The colour picked for the tracer.
    pub colour: Option<Rgb>,
    /// The tracer's colour tolerance.
    pub tolerance: f64,
    /// Points in image coordinates, in time order.
    pub points: Vec<[f64; 2]>,
    history: Vec<Vec<[f64; 2]>>,
    /// The numbers-at-risk table as typed.
    pub at_risk: String,
    /// Total events as typed (empty if not published).
    pub events: String,
}

impl CurveForm {
    fn new(name: String) -> Self {
        Self {
            name,
            colour: None,
            tolerance: DEFAULT_TOLERANCE,
            points: Vec::new(),
            history: Vec::new(),
            at_risk: String::new(),
            events: String::new(),
        }
    }

    /// Replaces the points, keeping the old ones for Undo.
    pub fn set_points(&mut self, points: Vec<[f64; 2]>) {
        self.remember();
        self.points = points;
    }

    fn remember(&mut self) {
        self.history.push(self.points.clone());
    }

    fn add_point(&mut self, p: [f64; 2]) {
        self.remember();
        let at = self.points.partition_point(|q| q[0] <= p[0]);
        self.points.insert(at, p);
    }

    fn undo(&mut self) {
        if let Some(previous) = self.history.pop() {
            self.points = previous;
        }
    }
}

/// What the user says about the figure.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureInfoForm {
    /// Legend name.
    pub label: String,
    /// Full citation (required).
    pub citation: String,
    /// DOI or PMID.
    pub identifier: String,
    /// Figure and panel.
    pub figure: String,
    /// Who the figure describes.
    pub population: String,
    /// Unit of the time axis; none until the user chooses, since a wrong
    /// unit stretches the curve twelvefold.
    pub unit: Option<TimeUnit>,
    /// Clock of the time axis; none until the user chooses, since a wrong
    /// clock draws the curve on another panel.
    pub clock: Option<Clock>,
}

/// A reconstruction to lay over the figure and report.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveResult {
    /// The curve's name.
    pub name: String,
    /// The reconstructed Kaplan–Meier curve as a step line, in image coordinates.
    pub line: Vec<[f64; 2]>,
    /// RMSE against the traced points.
    pub rmse: f64,
    /// Largest error.
    pub max_error: f64,
    /// Numbers at risk, published and reconstructed.
    pub at_risk: Vec<AtRiskComparison>,
    /// Events in the reconstruction.
    pub events: usize,
    /// The checks it failed, as sentences; such a curve cannot be saved.
    pub failed: Vec<String>,
}

impl CurveResult {
    /// Whether it passed every check.
    pub fn passed(&self) -> bool {
        self.failed.is_empty()
    }
}

/// Zoom and pan of the figure, and where it was drawn last frame.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct FigureView {
    zoom: f32,
    /// Image coordinates at the view's top-left corner.
    offset: Vec2,
    rect: Option<Rect>,
    fitted: bool,
}

impl FigureView {
    /// Where an image point is on screen (after the first frame).
    pub fn to_screen(&self, [x, y]: [f64; 2]) -> Option<Pos2> {
        let rect = self.rect?;
        Some(rect.min + (vec2(x as f32, y as f32) - self.offset) * self.zoom)
    }

    /// The image point under a screen position.
    pub fn to_image(&self, pos: Pos2) -> Option<[f64; 2]> {
        let rect = self.rect?;
        let v = (pos - rect.min) / self.zoom + self.offset;
        Some([f64::from(v.x), f64::from(v.y)])
    }

    fn fit(&mut self, rect: Rect, size: [usize; 2]) {
        let image = vec2(size[0] as f32, size[1] as f32).max(Vec2::splat(1.0));
        self.zoom = (rect.width() / image.x).min(rect.height() / image.y).max(0.01);
        self.offset = -(rect.size() / self.zoom - image) / 2.0;
        self.fitted = true;
    }
}

/// The window's state.
#[derive(Clone, Debug, PartialEq)]
pub struct DigitizerForm {
    /// The figure file path, as typed or chosen.
    pub path: String,
    /// The loaded image's file name and size.
    pub image: Option<(String, [usize; 2])>,
    /// What a click does.
    pub tool: Tool,
    /// x1, x2, y1, y2.
    pub calibration: [CalibrationPoint; 4],
    /// How the survival axis is labelled.
    pub scale: SurvivalScale,
    /// The curves.
    pub curves: Vec<CurveForm>,
    /// The curve being edited.
    pub selected: usize,
    /// Provenance and axis units.
    pub info: FigureInfoForm,
    /// The last message, and whether it is a problem.
    pub message: Option<(String, bool)>,
    /// The last reconstruction, one per curve.
    pub results: Vec<CurveResult>,
    /// A reconstruction is running.
    pub busy: bool,
    /// Zoom and pan.
    pub view: FigureView,
    dragging: Option<usize>,
}

impl Default for DigitizerForm {
    fn default() -> Self {
        Self {
            path: String::new(),
            image: None,
            tool: Tool::Calibrate(CalibrationSlot::X1),
            calibration: Default::default(),
            scale: SurvivalScale::Proportion,
            curves: vec![CurveForm::new(l10n::en_words(
                "digitizer-curve-name-default",
                &[("n", "1".to_owned())],
            ))],
            selected: 0,
            info: FigureInfoForm {
                label: String::new(),
                citation: String::new(),
                identifier: String::new(),
                figure: String::new(),
                population: String::new(),
                unit: None,
                clock: None,
            },
            message: None,
            results: Vec::new(),
            busy: false,
            view: FigureView::default(),
            dragging: None,
        }
    }
}

impl DigitizerForm {
    /// A fresh form for a new image; the view fits it on the next frame.
    pub fn image_loaded(&mut self, name: String, size: [usize; 2]) {
        self.image = Some((name, size));
        self.view.fitted = false;
        self.results.clear();
        self.message = None;
    }

    /// The curve being edited.
    pub fn curve_mut(&mut self) -> Option<&mut CurveForm> {
        self.curves.get_mut(self.selected)
    }
}

/// What the window asks of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum DigitizerAction {
    /// Nothing.
    None,
    /// Load the image at `path`.
    Load,
    /// Choose an image with the file dialog.
    Browse,
    /// Take the colour at this image point for the selected curve.
    PickColour([f64; 2]),
    /// Trace the selected curve by its colour.
    AutoTrace,
    /// Reconstruct every curve.
    Reconstruct,
    /// Save the reconstruction to the library.
    Save,
    /// Close the window.
    Close,
}

/// Draws the window.
pub fn digitizer_ui(
    ctx: &egui::Context,
    form: &mut DigitizerForm,
    texture: Option<&TextureHandle>,
) -> DigitizerAction {
    let mut action = DigitizerAction::None;
    let mut open = true;
    egui::Window::new(digitizer_title()).open(&mut open).default_size([1280.0, 820.0]).resizable(true).show(
        ctx,
        |ui| {
            egui::Panel::right("digitizer-steps").resizable(true).default_size(400.0).show(ui, |ui| {
                // Reconstruct, Save and what they found stay in sight below the steps.
                egui::Panel::bottom("digitizer-check")
                    .resizable(false)
                    .show(ui, |ui| check_ui(ui, form, &mut action));
                egui::ScrollArea::vertical().show(ui, |ui| steps_ui(ui, form, &mut action));
            });
            egui::CentralPanel::default().show(ui, |ui| {
                if let Some(a) = figure_ui(ui, form, texture) {
                    action = a;
                }
            });
        },
    );
    if !open {
        action = DigitizerAction::Close;
    }
    action
}

fn steps_ui(ui: &mut Ui, form: &mut DigitizerForm, action: &mut DigitizerAction) {
    ui.heading(w("digitizer-step-figure"));
    ui.horizontal(|ui| {
        let label = ui.label(w("digitizer-figure-file"));
        ui.add(egui::TextEdit::singleline(&mut form.path).desired_width(200.0)).labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        if ui.button(w("digitizer-load")).clicked() {
            *action = DigitizerAction::Load;
        }
        if ui.button(w("digitizer-browse")).clicked() {
            *action = DigitizerAction::Browse;
        }
        if ui.button(w("digitizer-fit")).clicked() {
            form.view.fitted = false;
        }
    });
    match &form.image {
        Some((name, [width, height])) => ui.label(l10n::en_words(
            "digitizer-image-size",
            &[("name", name.clone()), ("width", width.to_string()), ("height", height.to_string())],
        )),
        None => ui.label(w("digitizer-no-image")),
    };
    ui.label(RichText::new(w("digitizer-zoom-hint")).small());

    ui.separator();
    ui.heading(w("digitizer-step-calibrate"));
    ui.label(RichText::new(w("digitizer-calibrate-hint")).small());
    egui::Grid::new("calibration").num_columns(3).show(ui, |ui| {
        for slot in CalibrationSlot::ALL {
            let Some(point) = form.calibration.get_mut(slot.index()) else { continue };
            if ui
                .selectable_label(
                    form.tool == Tool::Calibrate(slot),
                    l10n::en_words("digitizer-set-slot", &[("slot", slot.name().to_owned())]),
                )
                .clicked()
            {
                form.tool = Tool::Calibrate(slot);
            }
            ui.label(point.pixel.map_or_else(
                || w("digitizer-not-set"),
                |[x, y]| {
                    l10n::en_words("digitizer-pixel", &[("x", format!("{x:.1}")), ("y", format!("{y:.1}"))])
                },
            ));
            let label = ui.label(l10n::en_words("digitizer-slot-value", &[("slot", slot.name().to_owned())]));
            ui.add(egui::TextEdit::singleline(&mut point.value).desired_width(60.0)).labelled_by(label.id);
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        ui.radio_value(&mut form.scale, SurvivalScale::Proportion, w("digitizer-scale-proportion"));
        ui.radio_value(&mut form.scale, SurvivalScale::Percent, w("digitizer-scale-percent"));
    });

    ui.separator();
    ui.heading(w("digitizer-step-curves"));
    ui.horizontal_wrapped(|ui| {
        for (i, c) in form.curves.iter().enumerate() {
            if ui.selectable_label(form.selected == i, &c.name).clicked() {
                form.selected = i;
            }
        }
        if ui.button(w("digitizer-add-curve")).clicked() {
            form.curves.push(CurveForm::new(l10n::en_words(
                "digitizer-curve-name-default",
                &[("n", (form.curves.len() + 1).to_string())],
            )));
            form.selected = form.curves.len() - 1;
        }
    });
    let tool = &mut form.tool;
    if let Some(curve) = form.curves.get_mut(form.selected) {
        curve_ui(ui, curve, tool, action);
    }
    if form.curves.len() > 1 && ui.button(w("digitizer-remove-curve")).clicked() {
        form.curves.remove(form.selected.min(form.curves.len() - 1));
        form.selected = 0;
    }

    ui.separator();
    ui.heading(w("digitizer-step-publication"));
    info_ui(ui, &mut form.info);
}

fn check_ui(ui: &mut Ui, form: &mut DigitizerForm, action: &mut DigitizerAction) {
    ui.heading(w("digitizer-step-check"));
    ui.horizontal(|ui| {
        if ui.add_enabled(!form.busy, egui::Button::new(w("digitizer-reconstruct"))).clicked() {
            *action = DigitizerAction::Reconstruct;
        }
        if form.busy {
            crate::ui::status::busy_indicator(ui);
        }
        if ui
            .add_enabled(
                !form.results.is_empty() && form.results.iter().all(CurveResult::passed) && !form.busy,
                egui::Button::new(w("digitizer-save")),
            )
            .clicked()
        {
            *action = DigitizerAction::Save;
        }
    });
    if let Some((text, is_error)) = &form.message {
        let colour = if *is_error { ui.visuals().error_fg_color } else { ui.visuals().text_color() };
        ui.colored_label(colour, text);
    }
    egui::ScrollArea::vertical()
        .min_scrolled_height(220.0)
        .max_height(260.0)
        .id_salt("digitizer-results")
        .show(ui, |ui| {
            for r in &form.results {
                results_ui(ui, r);
            }
        });
}

fn curve_ui(ui: &mut Ui, curve: &mut CurveForm, tool: &mut Tool, action: &mut DigitizerAction) {
    ui.horizontal(|ui| {
        let label = ui.label(w("digitizer-curve-name"));
        ui.text_edit_singleline(&mut curve.name).labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        match curve.colour {
            Some(c) => {
                let [r, g, b] = c.0;
                let (rect, _) = ui.allocate_exact_size(vec2(18.0, 18.0), Sense::hover());
                ui.painter().rect_filled(rect, 2.0, Color32::from_rgb(r, g, b));
                ui.label(c.hex());
            }
            None => {
                ui.label(w("digitizer-no-colour"));
            }
        }
        if ui.selectable_label(*tool == Tool::PickColour, w("digitizer-pick-colour")).clicked() {
            *tool = Tool::PickColour;
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(w("digitizer-tolerance"));
        ui.add(egui::Slider::new(&mut curve.tolerance, 5.0..=200.0)).labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        if ui.add_enabled(curve.colour.is_some(), egui::Button::new(w("digitizer-auto-trace"))).clicked() {
            *action = DigitizerAction::AutoTrace;
        }
        for (t, label) in [
            (Tool::AddPoints, "digitizer-add-points"),
            (Tool::MovePoints, "digitizer-move-points"),
            (Tool::DeletePoints, "digitizer-delete-points"),
            (Tool::Pan, "digitizer-pan"),
        ] {
            if ui.selectable_label(*tool == t, w(label)).clicked() {
                *tool = t;
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(l10n::en_words("digitizer-points", &[("n", curve.points.len().to_string())]));
        if ui.add_enabled(!curve.history.is_empty(), egui::Button::new(w("digitizer-undo"))).clicked() {
            curve.undo();
        }
        if ui.add_enabled(!curve.points.is_empty(), egui::Button::new(w("digitizer-clear-points"))).clicked()
        {
            curve.set_points(Vec::new());
        }
    });
    let label = ui.label(w("digitizer-at-risk"));
    ui.add(egui::TextEdit::multiline(&mut curve.at_risk).desired_rows(4).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    ui.horizontal(|ui| {
        let label = ui.label(w("digitizer-total-events"));
        ui.add(egui::TextEdit::singleline(&mut curve.events).desired_width(60.0)).labelled_by(label.id);
    });
}

fn info_ui(ui: &mut Ui, info: &mut FigureInfoForm) {
    let FigureInfoForm { label, citation, identifier, figure, population, unit, clock } = info;
    egui::Grid::new("figure-info").num_columns(2).show(ui, |ui| {
        for (name, text) in [
            ("digitizer-cohort-name", label),
            ("digitizer-citation", citation),
            ("digitizer-identifier", identifier),
            ("digitizer-figure-panel", figure),
            ("digitizer-population", population),
        ] {
            let l = ui.label(w(name));
            ui.add(egui::TextEdit::singleline(text).desired_width(230.0)).labelled_by(l.id);
            ui.end_row();
        }
    });
    // Under the grid, each choice on its own lines: a clock beside the
    // other's options reads as one of them.
    ui.label(w("digitizer-clock"));
    ui.horizontal_wrapped(|ui| {
        for c in Clock::ALL {
            ui.radio_value(clock, Some(c), c.label());
        }
    });
    ui.label(w("digitizer-unit"));
    ui.horizontal(|ui| {
        for u in TimeUnit::ALL {
            ui.radio_value(
                unit,
                Some(u),
                l10n::en_words("digitizer-time-in", &[("unit", u.label().to_owned())]),
            );
        }
    });
}

fn results_ui(ui: &mut Ui, r: &CurveResult) {
    ui.group(|ui| {
        ui.label(RichText::new(&r.name).strong());
        ui.label(l10n::en_words(
            "digitizer-fit-errors",
            &[
                ("rmse", format!("{:.4}", r.rmse)),
                ("max", format!("{:.4}", r.max_error)),
                ("events", r.events.to_string()),
            ],
        ));
        for failed in &r.failed {
            ui.colored_label(ui.visuals().error_fg_color, failed);
        }
        egui::Grid::new(("at-risk-agreement", &r.name)).striped(true).show(ui, |ui| {
            ui.label(w("digitizer-time"));
            ui.label(w("digitizer-at-risk-published"));
            ui.label(w("digitizer-reconstructed"));
            ui.end_row();
            for a in &r.at_risk {
                ui.label(crate::model::evidence::trim_number(a.time));
                ui.label(a.published.to_string());
                let text = a.reconstructed.to_string();
                if a.published.abs_diff(a.reconstructed) > 1 {
                    ui.colored_label(ui.visuals().warn_fg_color, text);
                } else {
                    ui.label(text);
                }
                ui.end_row();
            }
        });
    });
}

/// The figure with its marks; returns a colour pick for the app.
fn figure_ui(
    ui: &mut Ui,
    form: &mut DigitizerForm,
    texture: Option<&TextureHandle>,
) -> Option<DigitizerAction> {
    let size = ui.available_size().max(vec2(300.0, 240.0));
    let (response, painter) = ui.allocate_painter(size, Sense::click_and_drag());
    let rect = response.rect;
    painter.rect_filled(rect, 0.0, colours::BACKDROP);
    let Some((_, image_size)) = form.image else {
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            w("digitizer-no-figure"),
            egui::FontId::proportional(16.0),
            Color32::WHITE,
        );
        return None;
    };
    form.view.rect = Some(rect);
    if !form.view.fitted {
        form.view.fit(rect, image_size);
    }
    zoom_and_pan(ui, &response, form);
    let action = clicks(&response, form);
    let painter = painter.with_clip_rect(rect);
    if let (Some(texture), Some(min), Some(max)) = (
        texture,
        form.view.to_screen([0.0, 0.0]),
        form.view.to_screen([image_size[0] as f64, image_size[1] as f64]),
    ) {
        let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
        painter.image(texture.id(), Rect::from_min_max(min, max), uv, Color32::WHITE);
    }
    paint_marks(&painter, form);
    action
}

fn zoom_and_pan(ui: &Ui, response: &egui::Response, form: &mut DigitizerForm) {
    if response.hovered() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = pinch * (scroll / 300.0).exp();
        if (factor - 1.0).abs() > 1e-4
            && let Some(pointer) = response.hover_pos()
            && let Some([x, y]) = form.view.to_image(pointer)
            && let Some(rect) = form.view.rect
        {
            form.view.zoom = (form.view.zoom * factor).clamp(0.05, 40.0);
            form.view.offset = vec2(x as f32, y as f32) - (pointer - rect.min) / form.view.zoom;
        }
    }
    let panning = response.dragged_by(egui::PointerButton::Secondary)
        || response.dragged_by(egui::PointerButton::Middle)
        || (form.tool == Tool::Pan && response.dragged_by(egui::PointerButton::Primary));
    if panning {
        form.view.offset -= response.drag_delta() / form.view.zoom;
    }
}

fn nearest(form: &DigitizerForm, pos: Pos2) -> Option<usize> {
    let curve = form.curves.get(form.selected)?;
    curve
        .points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((i, form.view.to_screen(*p)?.distance(pos))))
        .filter(|(_, d)| *d <= HIT_RADIUS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

fn clicks(response: &egui::Response, form: &mut DigitizerForm) -> Option<DigitizerAction> {
    if form.tool == Tool::MovePoints {
        if response.drag_started_by(egui::PointerButton::Primary)
            && let Some(pos) = response.interact_pointer_pos()
        {
            form.dragging = nearest(form, pos);
            if form.dragging.is_some()
                && let Some(c) = form.curve_mut()
            {
                c.remember();
            }
        }
        if let (Some(i), Some(pos)) = (form.dragging, response.interact_pointer_pos())
            && response.dragged_by(egui::PointerButton::Primary)
            && let Some(p) = form.view.to_image(pos)
            && let Some(point) = form.curves.get_mut(form.selected).and_then(|c| c.points.get_mut(i))
        {
            *point = p;
        }
        if response.drag_stopped() {
            form.dragging = None;
            if let Some(c) = form.curve_mut() {
                c.points.sort_by(|a, b| a[0].total_cmp(&b[0]));
            }
        }
    }
    if !response.clicked() {
        return None;
    }
    let pos = response.interact_pointer_pos()?;
    let p = form.view.to_image(pos)?;
    match form.tool {
        Tool::Calibrate(slot) => {
            if let Some(point) = form.calibration.get_mut(slot.index()) {
                point.pixel = Some(p);
            }
            // Step on to the next point, so calibration is four clicks, and
            // after the last one to picking a colour: a later click never
            // moves a calibration point by surprise.
            form.tool = CalibrationSlot::ALL
                .get(slot.index() + 1)
                .map_or(Tool::PickColour, |next| Tool::Calibrate(*next));
            None
        }
        Tool::PickColour => {
            form.tool = Tool::Pan;
            Some(DigitizerAction::PickColour(p))
        }
        Tool::AddPoints => {
            form.curve_mut()?.add_point(p);
            None
        }
        Tool::DeletePoints => {
            let i = nearest(form, pos)?;
            let curve = form.curve_mut()?;
            curve.remember();
            curve.points.remove(i);
            None
        }
        Tool::MovePoints | Tool::Pan => None,
    }
}

fn paint_marks(painter: &egui::Painter, form: &DigitizerForm) {
    let view = &form.view;
    for slot in CalibrationSlot::ALL {
        let Some(pos) =
            form.calibration.get(slot.index()).and_then(|c| c.pixel).and_then(|p| view.to_screen(p))
        else {
            continue;
        };
        let stroke = Stroke::new(1.5, colours::CALIBRATION);
        painter.line_segment([pos - vec2(10.0, 0.0), pos + vec2(10.0, 0.0)], stroke);
        painter.line_segment([pos - vec2(0.0, 10.0), pos + vec2(0.0, 10.0)], stroke);
        painter.text(
            pos + vec2(6.0, -6.0),
            egui::Align2::LEFT_BOTTOM,
            slot.name(),
            egui::FontId::proportional(13.0),
            colours::CALIBRATION,
        );
    }
    for (i, curve) in form.curves.iter().enumerate() {
        let line: Vec<Pos2> = curve.points.iter().filter_map(|p| view.to_screen(*p)).collect();
        let colour = curve.colour.map_or(colours::CALIBRATION, |Rgb([r, g, b])| Color32::from_rgb(r, g, b));
        let selected = i == form.selected;
        painter.add(egui::Shape::line(
            line.clone(),
            Stroke::new(if selected { 2.0 } else { 1.0 }, colours::POINT_OUTLINE),
        ));
        for p in line {
            let fill = if selected { colours::SELECTED_POINT } else { colour };
            painter.circle(
                p,
                if selected { 3.5 } else { 2.5 },
                fill,
                Stroke::new(1.0, colours::POINT_OUTLINE),
            );
        }
    }
    let mut verdicts = 0.0;
    for r in &form.results {
        let line: Vec<Pos2> = r.line.iter().filter_map(|p| view.to_screen(*p)).collect();
        painter.extend(egui::Shape::dashed_line(&line, Stroke::new(2.5, colours::RECONSTRUCTED), 8.0, 4.0));
        // A failed check is written on the figure, beside the overlay it
        // condemns, so it cannot be missed while looking at the curves.
        if let (Some(rect), false) = (view.rect, r.passed()) {
            for failed in &r.failed {
                let at = rect.left_top() + vec2(8.0, 8.0 + verdicts);
                let galley = painter.layout(
                    l10n::en_words(
                        "digitizer-verdict",
                        &[("curve", r.name.clone()), ("failed", failed.clone())],
                    ),
                    egui::FontId::proportional(14.0),
                    colours::VERDICT,
                    rect.width() - 16.0,
                );
                let height = galley.size().y;
                painter.rect_filled(
                    egui::Rect::from_min_size(at - vec2(4.0, 2.0), galley.size() + vec2(8.0, 4.0)),
                    3.0,
                    Color32::from_white_alpha(235),
                );
                painter.galley(at, galley, colours::VERDICT);
                verdicts += height + 8.0;
            }
        }
    }
}
