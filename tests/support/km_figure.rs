//! A small rasteriser of Kaplan–Meier figures of known records, for the
//! digitizer tests. Everything a KM figure holds is drawn as axis-aligned
//! rectangles (steps, censor ticks, grid, axes, blocks standing in for text),
//! with exact area coverage for anti-aliasing, so every figure is the same
//! on every machine and needs no font or display.

use xhim_aid::model::digitize::{AxisPoint, Calibration, Raster, SurvivalScale};
use xhim_aid::model::survival::{AtRiskPoint, KaplanMeier, KmOptions, Record};

/// Okabe–Ito blue and vermillion: the usual two arms.
pub const BLUE: [u8; 3] = [0, 114, 178];
/// See [`BLUE`].
pub const VERMILLION: [u8; 3] = [213, 94, 0];
const BLACK: [u8; 3] = [0, 0, 0];
const GRID: [u8; 3] = [215, 215, 215];

/// Canvas size and where the axes run (image coordinates, top-left origin).
pub const WIDTH: usize = 800;
/// See [`WIDTH`].
pub const HEIGHT: usize = 600;
const LEFT: f64 = 90.0;
const RIGHT: f64 = 760.0;
const TOP: f64 = 50.0;
const BOTTOM: f64 = 470.0;
/// Follow-up shown on the time axis (years).
pub const T_MAX: f64 = 10.0;

/// Censor marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ticks {
    /// None drawn.
    None,
    /// Vertical ticks in the curve's colour.
    SameColour,
    /// "+" marks in black.
    BlackPlus,
}

/// How a figure is drawn.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Line width in pixels.
    pub line_width: f64,
    /// Partial pixels blended (anti-aliasing) or snapped to whole pixels.
    pub anti_alias: bool,
    /// Light grid lines under the curves.
    pub grid: bool,
    /// Censor marks.
    pub ticks: Ticks,
    /// Title, tick labels, legend and risk table (as text-like blocks).
    pub text: bool,
}

/// x pixel of a time.
pub fn x_of(t: f64) -> f64 {
    LEFT + (RIGHT - LEFT) * t / T_MAX
}

/// y pixel of a survival proportion.
pub fn y_of(s: f64) -> f64 {
    BOTTOM - (BOTTOM - TOP) * s
}

/// The calibration a user would click: time 0 and 10, survival 1 and 0.
pub fn calibration() -> Calibration {
    Calibration::new(
        [AxisPoint { pixel: x_of(0.0), value: 0.0 }, AxisPoint { pixel: x_of(T_MAX), value: T_MAX }],
        [AxisPoint { pixel: y_of(1.0), value: 1.0 }, AxisPoint { pixel: y_of(0.0), value: 0.0 }],
        SurvivalScale::Proportion,
    )
    .expect("calibration")
}

struct Canvas {
    pixels: Vec<[f64; 3]>,
    anti_alias: bool,
}

impl Canvas {
    fn new(anti_alias: bool) -> Self {
        Self { pixels: vec![[255.0; 3]; WIDTH * HEIGHT], anti_alias }
    }

    /// Fills `[x0, x1) × [y0, y1)`, blending partial pixels by the area covered.
    fn fill(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, colour: [u8; 3]) {
        let (x0, y0, x1, y1) = if self.anti_alias {
            (x0, y0, x1, y1)
        } else {
            (x0.round(), y0.round(), x1.round().max(x0.round() + 1.0), y1.round().max(y0.round() + 1.0))
        };
        let cols = (x0.floor().max(0.0) as usize)..(x1.ceil().min(WIDTH as f64) as usize);
        let rows = (y0.floor().max(0.0) as usize)..(y1.ceil().min(HEIGHT as f64) as usize);
        for y in rows {
            let cover_y = (y1.min(y as f64 + 1.0) - y0.max(y as f64)).max(0.0);
            for x in cols.clone() {
                let cover = cover_y * (x1.min(x as f64 + 1.0) - x0.max(x as f64)).max(0.0);
                let p = &mut self.pixels[y * WIDTH + x];
                for (c, &target) in p.iter_mut().zip(&colour) {
                    *c = *c * (1.0 - cover) + f64::from(target) * cover;
                }
            }
        }
    }

    fn hline(&mut self, x0: f64, x1: f64, y: f64, w: f64, colour: [u8; 3]) {
        self.fill(x0 - w / 2.0, y - w / 2.0, x1 + w / 2.0, y + w / 2.0, colour);
    }

    fn vline(&mut self, x: f64, y0: f64, y1: f64, w: f64, colour: [u8; 3]) {
        self.fill(x - w / 2.0, y0.min(y1) - w / 2.0, x + w / 2.0, y0.max(y1) + w / 2.0, colour);
    }

    /// A word of `letters` glyph-like blocks, 7 px tall, starting at (x, y).
    fn text(&mut self, x: f64, y: f64, letters: usize) {
        for k in 0..letters {
            let gx = x + 7.0 * k as f64;
            self.fill(gx, y, gx + 1.5, y + 7.0, BLACK);
            self.fill(gx, y, gx + 5.0, y + 1.5, BLACK);
            if k % 2 == 0 {
                self.fill(gx + 3.5, y, gx + 5.0, y + 7.0, BLACK);
            }
            self.fill(gx, y + 5.5, gx + 5.0, y + 7.0, BLACK);
        }
    }

    fn into_raster(self) -> Raster {
        let rgba = self
            .pixels
            .iter()
            .flat_map(|p| {
                let [r, g, b] = p.map(|c| c.round().clamp(0.0, 255.0) as u8);
                [r, g, b, 255]
            })
            .collect();
        Raster::new(WIDTH, HEIGHT, rgba).expect("raster")
    }
}

/// Draws the figure: grid, axes, curves in order (later ones on top),
/// censor marks, and text blocks.
pub fn draw(style: Style, curves: &[(&[Record], [u8; 3])]) -> Raster {
    let mut c = Canvas::new(style.anti_alias);
    if style.grid {
        for k in 1..5 {
            c.hline(LEFT, RIGHT, y_of(f64::from(k) * 0.2), 1.0, GRID);
            c.vline(x_of(f64::from(k) * 2.0), TOP, BOTTOM, 1.0, GRID);
        }
    }
    c.vline(LEFT - 2.0, TOP - 5.0, BOTTOM + 2.0, 1.5, BLACK);
    c.hline(LEFT - 2.0, RIGHT, BOTTOM + 2.0, 1.5, BLACK);
    for k in 0..=5 {
        c.vline(x_of(f64::from(k) * 2.0), BOTTOM + 2.0, BOTTOM + 8.0, 1.5, BLACK);
        c.hline(LEFT - 8.0, LEFT - 2.0, y_of(f64::from(k) * 0.2), 1.5, BLACK);
    }
    for (records, colour) in curves {
        draw_curve(&mut c, records, *colour, style);
    }
    if style.text {
        c.text(300.0, 15.0, 18);
        for k in 0..=5 {
            c.text(x_of(f64::from(k) * 2.0) - 5.0, BOTTOM + 14.0, 2);
            c.text(LEFT - 40.0, y_of(f64::from(k) * 0.2) - 3.5, 3);
        }
        // Legend low on the left, a risk table under the axis.
        for (i, (_, colour)) in curves.iter().enumerate() {
            let y = y_of(0.12) - 14.0 * i as f64;
            c.hline(LEFT + 20.0, LEFT + 50.0, y, style.line_width, *colour);
            c.text(LEFT + 58.0, y - 3.5, 6);
            for k in 0..=5 {
                c.text(x_of(f64::from(k) * 2.0) - 7.0, BOTTOM + 40.0 + 14.0 * i as f64, 2);
            }
        }
    }
    c.into_raster()
}

fn draw_curve(c: &mut Canvas, records: &[Record], colour: [u8; 3], style: Style) {
    let km = KaplanMeier::fit(records, KmOptions::default()).expect("fit");
    let w = style.line_width;
    let end = km.times().last().copied().unwrap_or(0.0);
    let (mut t0, mut s0) = (0.0, 1.0);
    let mut ticks = Vec::new();
    for ((&t, &s), (d, censored)) in km.times().iter().zip(km.survival()).zip(km.events().zip(km.censored()))
    {
        if d > 0 {
            c.hline(x_of(t0), x_of(t), y_of(s0), w, colour);
            c.vline(x_of(t), y_of(s0), y_of(s), w, colour);
            (t0, s0) = (t, s);
        } else if censored > 0 && t < end {
            ticks.push((t, s));
        }
    }
    c.hline(x_of(t0), x_of(end), y_of(s0), w, colour);
    for (t, s) in ticks {
        match style.ticks {
            Ticks::None => {}
            Ticks::SameColour => c.vline(x_of(t), y_of(s) - 5.0, y_of(s) + 5.0, w.min(2.0), colour),
            Ticks::BlackPlus => {
                c.vline(x_of(t), y_of(s) - 5.0, y_of(s) + 5.0, 1.0, BLACK);
                c.hline(x_of(t) - 5.0, x_of(t) + 5.0, y_of(s), 1.0, BLACK);
            }
        }
    }
}

/// Deterministic trial-like records: exponential events with the given
/// median, uniform censoring, everyone still followed censored at 10 years.
pub fn records(n: usize, median: f64, seed: u64) -> Vec<Record> {
    let mut rng = xhim_aid::model::survival::splitmix::SplitMix64(seed);
    let mut uniform = move || rng.uniform_open();
    (0..n)
        .map(|_| {
            let event = -uniform().ln() * median / std::f64::consts::LN_2;
            let censor = (uniform() * 25.0).min(T_MAX);
            let time = (event.min(censor) * 100.0).round() / 100.0;
            Record { time, event: event <= censor }
        })
        .collect()
}

/// The published table: numbers at risk every 2 years.
pub fn at_risk(records: &[Record]) -> Vec<AtRiskPoint> {
    (0..=5)
        .map(|k| {
            let time = f64::from(k) * 2.0;
            AtRiskPoint { time, at_risk: records.iter().filter(|r| r.time >= time).count() }
        })
        .collect()
}

/// PNG bytes of a raster.
pub fn png(raster: &Raster) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::write_buffer_with_format(
        &mut out,
        raster.rgba(),
        raster.width() as u32,
        raster.height() as u32,
        image::ColorType::Rgba8,
        image::ImageFormat::Png,
    )
    .expect("png");
    out.into_inner()
}
