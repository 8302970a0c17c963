//! The colour tracer: follows a Kaplan–Meier step curve of one colour
//! column by column and returns both corners of every drop.
//!
//! A step curve is drawn as horizontal lines (the survival levels) joined by
//! vertical lines (the drops). In each column the pixels of the chosen
//! colour form vertical runs: a run as thick as the line is a level; a
//! longer run is a drop, a censor tick or an axis. The tracer starts at
//! survival 1 at time 0 and keeps to the line:
//!
//! * it only ever moves down (survival never increases), and only to a
//!   level joined to the current one by a run of the colour (the drop's
//!   vertical line), so text, legends and grid lines of the same colour
//!   elsewhere are not followed;
//! * a censor tick is a run that crosses the line with the line carrying on
//!   at the same level after it, so it is passed over;
//! * columns where the colour is missing (another curve drawn on top, a grid
//!   line, text) are skipped, and a column that is the colour from top to
//!   bottom (an axis or a vertical grid line of the same colour) is ignored;
//! * pixels of other colours never count, whatever they are.

use super::calibrate::Calibration;
use super::{Raster, Rgb};
use crate::model::survival::CurvePoint;

/// What to trace.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TraceOptions {
    /// The curve's colour.
    pub colour: Rgb,
    /// How far (RGB distance, see [`Rgb::distance`]) a pixel's colour may be
    /// from a shade of `colour` on the figure's background and still count
    /// as the curve.
    pub tolerance: f64,
}

/// Tolerance that keeps anti-aliased shades of the curve and leaves out
/// other colours (black, greys and the other Okabe–Ito hues).
pub const DEFAULT_TOLERANCE: f64 = 60.0;

impl TraceOptions {
    /// The colour with the default tolerance.
    pub fn new(colour: Rgb) -> Self {
        Self { colour, tolerance: DEFAULT_TOLERANCE }
    }
}

/// A traced curve.
#[derive(Clone, Debug, PartialEq)]
pub struct Trace {
    /// Image coordinates of the start, both ends of every drop and the end,
    /// in order.
    pub pixels: Vec<[f64; 2]>,
    /// The same points in data coordinates; time never decreases and
    /// survival never increases.
    pub points: Vec<CurvePoint>,
    /// Thickness of the line, in pixels, as found.
    pub line_width: usize,
}

/// Why nothing was traced.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum TraceError {
    /// No pixel of the colour inside the plot.
    #[error("no pixel of colour {colour} (tolerance {tolerance}) inside the calibrated plot area")]
    NoSuchColour {
        /// `#RRGGBB`.
        colour: String,
        /// The tolerance used.
        tolerance: f64,
    },
    /// The colour is there, but no curve of it starts at survival 1.
    #[error(
        "no curve of colour {colour} starts at survival 1 at time 0; check the survival calibration \
         (survival 1 is at pixel row {row:.0}) or pick the colour on the curve itself"
    )]
    NoCurve {
        /// `#RRGGBB`.
        colour: String,
        /// Where survival 1 is.
        row: f64,
    },
    /// The calibration puts time 0 outside the image.
    #[error("time 0 is outside the image (at pixel column {column:.0}); check the time calibration")]
    StartOutsideImage {
        /// Where time 0 is.
        column: f64,
    },
    /// The colour is the figure's background: everything would be traced.
    #[error("{colour} is the figure's background colour, not a curve's; pick the colour on the curve's line")]
    BackgroundColour {
        /// `#RRGGBB`.
        colour: String,
    },
    /// The colour fills areas: a shaded band, not a line.
    #[error(
        "{colour} fills an area (a shaded confidence band?) rather than drawing a line; pick the colour \
         on the curve's line itself"
    )]
    FilledArea {
        /// `#RRGGBB`.
        colour: String,
    },
    /// Survival grows downwards in this calibration.
    #[error("survival increases down the image in this calibration; check the two survival values")]
    InvertedSurvivalAxis,
}

/// Whether a pixel is the curve. An anti-aliased line is drawn in shades
/// between the background and its colour: a pixel counts when it is such a
/// shade at least half covered, give or take the tolerance. Colours too
/// close to the background for shades to be told apart are compared
/// directly.
#[derive(Clone, Copy, Debug)]
struct Matcher {
    background: [f64; 3],
    /// Background to curve colour.
    towards: [f64; 3],
    length_squared: f64,
    colour: Rgb,
    tolerance: f64,
}

/// Pixels further than this from the background are ink of some kind.
const INK_DISTANCE: f64 = 40.0;

/// Below this distance from the background (squared) shades are not used.
const MIN_SHADE_RANGE_SQUARED: f64 = 40.0 * 40.0;

impl Matcher {
    fn new(background: Rgb, options: &TraceOptions) -> Self {
        let background = background.0.map(f64::from);
        let colour = options.colour.0.map(f64::from);
        let towards = [colour[0] - background[0], colour[1] - background[1], colour[2] - background[2]];
        let length_squared = towards.iter().map(|v| v * v).sum();
        Self { background, towards, length_squared, colour: options.colour, tolerance: options.tolerance }
    }

    /// (is the curve, is other ink): ink is anything clearly not background.
    fn classify(&self, pixel: Rgb) -> (bool, bool) {
        let ink = pixel.distance(Rgb(self.background.map(|c| c as u8))) > INK_DISTANCE;
        (self.matches(pixel), ink)
    }

    fn matches(&self, pixel: Rgb) -> bool {
        if self.length_squared < MIN_SHADE_RANGE_SQUARED {
            return pixel.distance(self.colour) <= self.tolerance;
        }
        let p = pixel.0.map(f64::from);
        let d = [p[0] - self.background[0], p[1] - self.background[1], p[2] - self.background[2]];
        let cover = d.iter().zip(&self.towards).map(|(a, b)| a * b).sum::<f64>() / self.length_squared;
        if !(0.5..=4.0).contains(&cover) {
            return false;
        }
        let off: f64 = d.iter().zip(&self.towards).map(|(a, b)| (a - cover * b).powi(2)).sum();
        off.sqrt() <= self.tolerance
    }
}

/// The most common colour in the plot area (sampled on a grid of at most
/// about 40,000 points): the figure's background.
fn background(raster: &Raster, columns: (usize, usize), rows: (usize, usize)) -> Rgb {
    let mut counts: std::collections::HashMap<Rgb, usize> = std::collections::HashMap::new();
    let step = |(a, b): (usize, usize)| ((b.saturating_sub(a) + 1) / 200).max(1);
    for y in (rows.0..=rows.1).step_by(step(rows)) {
        for x in (columns.0..=columns.1).step_by(step(columns)) {
            if let Some(c) = raster.pixel(x, y) {
                *counts.entry(c).or_default() += 1;
            }
        }
    }
    counts.into_iter().max_by_key(|&(c, n)| (n, c.0)).map_or(Rgb([255, 255, 255]), |(c, _)| c)
}

/// One column of the plot: runs of the curve's colour, and runs of any ink
/// (the curve, or something drawn over it).
#[derive(Clone, Debug, Default)]
struct Column {
    curve: Vec<Run>,
    ink: Vec<Run>,
}

/// A vertical run of matching pixels in one column, rows `top..=bottom`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Run {
    top: usize,
    bottom: usize,
}

impl Run {
    fn height(self) -> usize {
        self.bottom - self.top + 1
    }

    /// Centre in image coordinates.
    fn centre(self) -> f64 {
        (self.top + self.bottom) as f64 / 2.0 + 0.5
    }

    /// Top and bottom edges in image coordinates.
    fn edges(self) -> (f64, f64) {
        (self.top as f64, self.bottom as f64 + 1.0)
    }
}

/// One survival level: the columns where the line was seen at it.
#[derive(Clone, Debug)]
struct Segment {
    /// Centre of the first run; the level moves to a new segment when the
    /// line is a pixel lower.
    level: f64,
    centres: Vec<f64>,
    first: usize,
    last: usize,
    /// Columns of the drop that led here (empty for the first level).
    drop: Vec<Vertical>,
}

/// A column where the curve hangs down from its level: part of a drop (or
/// of a censor tick).
#[derive(Clone, Copy, Debug)]
struct Vertical {
    x: usize,
    top: f64,
    bottom: f64,
}

impl Segment {
    fn new(x: usize, centre: f64, drop: Vec<Vertical>) -> Self {
        Self { level: centre, centres: vec![centre], first: x, last: x, drop }
    }

    fn median(&self) -> f64 {
        let mut c = self.centres.clone();
        c.sort_by(f64::total_cmp);
        let mid = c.len() / 2;
        match (c.get(mid), mid.checked_sub(1).and_then(|m| c.get(m))) {
            (Some(&hi), Some(&lo)) if c.len().is_multiple_of(2) => 0.5 * (hi + lo),
            (Some(&v), _) => v,
            _ => self.level,
        }
    }
}

/// Geometry the tracker works with, in pixels.
#[derive(Clone, Copy, Debug)]
struct Geometry {
    /// Line thickness.
    width: f64,
    /// Runs at most this tall are line levels.
    short: usize,
    /// How far (centre to centre) the line may be from a level and still be on it.
    tol: f64,
    /// Gaps up to this size inside a drop (another curve crossing it) are bridged.
    bridge: f64,
    /// How far ahead a new level is checked against the line carrying on.
    look_ahead: usize,
    /// A run at least this tall is an axis or grid line, not the curve.
    wall: usize,
}

/// Traces the curve of `options.colour` (see the module documentation).
///
/// # Errors
/// [`TraceError`] when the colour is absent, no curve starts at survival 1,
/// or the calibration cannot describe a survival curve.
pub fn trace(
    raster: &Raster,
    calibration: &Calibration,
    options: &TraceOptions,
) -> Result<Trace, TraceError> {
    let row_of_one = calibration.survival.pixel(1.0);
    let row_of_zero = calibration.survival.pixel(0.0);
    if row_of_zero <= row_of_one {
        return Err(TraceError::InvertedSurvivalAxis);
    }
    let column_of_zero = calibration.time.pixel(0.0);
    if column_of_zero.is_nan() || column_of_zero >= raster.width() as f64 {
        return Err(TraceError::StartOutsideImage { column: column_of_zero });
    }
    let margin = 6.0;
    let rows = clamp_range(row_of_one - margin, row_of_zero + margin, raster.height());
    let x_start = clamp_range(column_of_zero, column_of_zero, raster.width()).0;
    let paper = background(raster, (x_start, raster.width() - 1), rows);
    if paper.distance(options.colour) <= options.tolerance.max(INK_DISTANCE) {
        return Err(TraceError::BackgroundColour { colour: options.colour.hex() });
    }
    let matcher = Matcher::new(paper, options);
    let columns: Vec<Column> =
        (x_start..raster.width()).map(|x| column_runs(raster, x, rows, &matcher)).collect();
    let colour = options.colour.hex();
    if columns.iter().all(|c| c.curve.is_empty()) {
        return Err(TraceError::NoSuchColour { colour, tolerance: options.tolerance });
    }
    let plot_height = row_of_zero - row_of_one;
    let wall = ((0.9 * plot_height).ceil() as usize).max(8);
    let line_width = line_width(&columns, wall);
    if filled(&columns, line_width, wall) {
        return Err(TraceError::FilledArea { colour });
    }
    let geometry = Geometry {
        width: line_width as f64,
        short: line_width + 2,
        tol: line_width as f64 / 2.0 + 2.0,
        bridge: 2.0 * line_width as f64 + 2.0,
        look_ahead: 3 * line_width + 4,
        wall,
    };
    let Some(track) = follow(&columns, row_of_one, geometry) else {
        return Err(TraceError::NoCurve { colour, row: row_of_one });
    };
    let pixels = corners(&track, x_start, column_of_zero, row_of_one, geometry);
    let points = to_data(&pixels, calibration);
    Ok(Trace { pixels, points, line_width })
}

/// Pixel indices covering `[from, to]` (image coordinates), clamped to `0..len`.
fn clamp_range(from: f64, to: f64, len: usize) -> (usize, usize) {
    let last = len.saturating_sub(1) as f64;
    let lo = from.floor().clamp(0.0, last) as usize;
    let hi = to.ceil().clamp(0.0, last) as usize;
    (lo, hi)
}

fn column_runs(raster: &Raster, x: usize, (top, bottom): (usize, usize), matcher: &Matcher) -> Column {
    let mut column = Column::default();
    let mut curve_start: Option<usize> = None;
    let mut ink_start: Option<usize> = None;
    let close = |start: &mut Option<usize>, runs: &mut Vec<Run>, end: usize| {
        if let Some(s) = start.take() {
            runs.push(Run { top: s, bottom: end });
        }
    };
    for y in top..=bottom {
        let (curve, ink) = raster.pixel(x, y).map_or((false, false), |c| matcher.classify(c));
        if curve {
            curve_start.get_or_insert(y);
        } else if y > 0 {
            close(&mut curve_start, &mut column.curve, y - 1);
        }
        if ink || curve {
            ink_start.get_or_insert(y);
        } else if y > 0 {
            close(&mut ink_start, &mut column.ink, y - 1);
        }
    }
    close(&mut curve_start, &mut column.curve, bottom);
    close(&mut ink_start, &mut column.ink, bottom);
    column
}

/// Whether the colour's pixels lie mostly in tall runs: a step curve's are
/// mostly in its levels (a line's thickness), with tall runs only in the few
/// columns of its drops, while a shaded band is tall in every column.
fn filled(columns: &[Column], line_width: usize, wall: usize) -> bool {
    let tall = (3 * line_width + 6).max(12);
    let (mut all, mut in_tall) = (0usize, 0usize);
    for run in columns.iter().flat_map(|c| &c.curve).filter(|r| r.height() < wall) {
        all += run.height();
        if run.height() > tall {
            in_tall += run.height();
        }
    }
    all > 0 && in_tall * 5 > all * 3
}

/// The most common run height: along a step curve most columns show the
/// line's thickness.
fn line_width(columns: &[Column], wall: usize) -> usize {
    let mut counts = [0usize; 21];
    for run in columns.iter().flat_map(|c| &c.curve) {
        let h = run.height();
        if h < wall
            && let Some(c) = counts.get_mut(h)
        {
            *c += 1;
        }
    }
    counts.iter().enumerate().skip(1).max_by_key(|&(h, &n)| (n, std::cmp::Reverse(h))).map_or(1, |(h, _)| h)
}

/// What the tracker found: the levels, and where the curve was last seen.
struct Track {
    segments: Vec<Segment>,
    last_seen: usize,
    /// A final drop with no level after it (to the bottom edge of its run).
    final_drop: Option<(Vec<Vertical>, f64)>,
}

/// Follows the line from survival 1; `None` if it is never found there.
fn follow(columns: &[Column], row_of_one: f64, g: Geometry) -> Option<Track> {
    let mut segments: Vec<Segment> = Vec::new();
    let mut level = row_of_one;
    // The first level may sit a little off the clicked calibration point.
    let start_tol = g.tol.max(6.0);
    // Columns hanging down from the level. They are kept a few columns past
    // the line seen at the level again: an anti-aliased line's end can show
    // at the old level in the column after its drop.
    let mut verticals: Vec<Vertical> = Vec::new();
    let mut last_seen = None;
    // The first level is so far only ink over where the line must be.
    let mut hidden = false;
    for (x, column) in columns.iter().enumerate() {
        let runs = &column.curve;
        if runs.iter().any(|r| r.height() >= g.wall) {
            continue;
        }
        let reach = verticals.iter().map(|v| v.bottom).fold(level, f64::max);
        let tol = if segments.is_empty() { start_tol } else { g.tol };
        let short = || runs.iter().copied().filter(|r| r.height() <= g.short);
        let on_level = short()
            .filter(|r| (r.centre() - level).abs() <= tol)
            .min_by(|a, b| (a.centre() - level).abs().total_cmp(&(b.centre() - level).abs()));
        let dropped = || {
            let here =
                reach_down(column, level, reach, tol, g).map_or(reach, |(_, bottom)| reach.max(bottom));
            short()
                .filter(|r| r.centre() > level + tol && here >= r.centre() - tol)
                .min_by(|a, b| a.centre().total_cmp(&b.centre()))
                .filter(|r| persists(columns, x, r.centre(), level, g))
        };
        let hanging = reach_down(column, level, reach, g.tol, g);
        // A level found on the line that has crept down a pixel keeps the
        // drop evidence gathered so far; a level reached by a drop uses it up.
        // Until the line is seen at survival 1 it may be hidden there under
        // an axis line or another curve: a thin run of any ink at the level
        // stands for it, until the curve's own colour shows.
        let under_ink = || {
            column
                .ink
                .iter()
                .copied()
                .filter(|r| r.height() <= g.short + 2 && (r.centre() - level).abs() <= tol)
                .min_by(|a, b| (a.centre() - level).abs().total_cmp(&(b.centre() - level).abs()))
        };
        let (found, by_drop) = match on_level {
            Some(run) => {
                hidden = false;
                (Some(run), false)
            }
            None => match dropped() {
                Some(run) => (Some(run), true),
                None if segments.is_empty() || hidden => {
                    let run = under_ink();
                    hidden = run.is_some();
                    (run, false)
                }
                None => (None, true),
            },
        };
        let new_level = found.is_some_and(|r| segments.last().is_none_or(|s| r.centre() >= s.level + 1.0));
        if let Some((top, bottom)) = hanging
            && bottom > level + g.tol
            && !segments.is_empty()
            && !new_level
        {
            verticals.push(Vertical { x, top, bottom });
        }
        if let Some(run) = found {
            let centre = run.centre();
            match segments.last_mut() {
                Some(s) if !new_level => {
                    if (centre - s.level).abs() < 1.0 {
                        s.centres.push(centre);
                    }
                    s.last = x;
                    verticals.retain(|v| v.x + g.look_ahead >= x);
                }
                _ if by_drop => segments.push(Segment::new(x, centre, std::mem::take(&mut verticals))),
                _ => segments.push(Segment::new(x, centre, Vec::new())),
            }
            level = segments.last().map_or(centre, |s| s.level);
            last_seen = Some(x);
        } else if !segments.is_empty() && hanging.is_some() {
            last_seen = Some(x);
        }
    }
    let last_seen = last_seen?;
    // Columns after the last level that go down from it and not above it are
    // a last drop whose new level is hidden (on the axis, say); a run
    // crossing the line both ways is a censor tick.
    let last_level = segments.last().map_or(0, |s| s.last);
    verticals.retain(|v| v.x > last_level);
    let reach = verticals.iter().map(|v| v.bottom).fold(level, f64::max);
    let top = verticals.iter().map(|v| v.top).fold(level, f64::min);
    let final_drop = (!verticals.is_empty() && top >= level - g.tol && reach > level + 3.0 * g.tol)
        .then(|| (verticals, reach - g.width / 2.0));
    (!segments.is_empty()).then_some(Track { segments, last_seen, final_drop })
}

/// What hangs down from the line in one column: the top and bottom edges
/// of the curve's runs joined to the band from `level` to `reach` (how far
/// the drop got in earlier columns: a staircase of close drops moves down a
/// little in every column). Runs are joined across small gaps and across
/// ink of other colours drawn over the curve (another curve, a censor
/// mark), but not through an axis or grid line running the plot's height.
fn reach_down(column: &Column, level: f64, reach: f64, tol: f64, g: Geometry) -> Option<(f64, f64)> {
    let mut joined: Option<(f64, f64)> = None;
    for run in column.ink.iter().filter(|r| r.height() < g.wall) {
        let (top, bottom) = run.edges();
        let touches = top <= reach.max(level) + tol && bottom >= level - tol;
        joined = match joined {
            Some((t, b)) if touches || top <= b + g.bridge => Some((t, b.max(bottom))),
            None if touches => Some((top, bottom)),
            other => other,
        };
    }
    let (top, bottom) = joined?;
    column
        .curve
        .iter()
        .map(|r| r.edges())
        .filter(|&(t, b)| t >= top && b <= bottom)
        .fold(None, |acc: Option<(f64, f64)>, (t, b)| {
            Some(acc.map_or((t, b), |(at, ab)| (at.min(t), ab.max(b))))
        })
}

/// A new level is real when the line is seen at it again within a few
/// columns, before it is seen back at the old level (a censor tick hanging
/// below the line) and before any other level (a fragment of a drop whose
/// line is hidden by a mark of another colour). At the very end of the
/// curve, with nothing after it, the level stands.
fn persists(columns: &[Column], x: usize, centre: f64, level: f64, g: Geometry) -> bool {
    let mut anything_after = false;
    for column in columns.iter().skip(x + 1).take(g.look_ahead) {
        for r in column.curve.iter().filter(|r| r.height() <= g.short) {
            if (r.centre() - centre).abs() <= g.tol {
                return true;
            }
            if (r.centre() - level).abs() <= g.tol {
                return false;
            }
            anything_after = true;
        }
    }
    !anything_after
}

/// Image coordinates of the curve's corners.
fn corners(
    track: &Track,
    x_start: usize,
    column_of_zero: f64,
    row_of_one: f64,
    g: Geometry,
) -> Vec<[f64; 2]> {
    let column = |i: usize| (x_start + i) as f64 + 0.5;
    let mut out = Vec::new();
    // The last level, its last column, and the level a drop last left from:
    // a level the line crept down to without a drop seen (a stray pixel
    // under a band, or a one-pixel step) may sit a little below the top of
    // the next drop's columns, which still count as that drop.
    let mut previous: Option<(f64, usize, f64)> = None;
    let top = |from: f64, chain: f64| from - g.tol - (from - chain).clamp(0.0, g.tol);
    for (i, s) in track.segments.iter().enumerate() {
        let mut level = s.median();
        if i == 0 && (level - row_of_one).abs() <= g.tol.max(6.0) {
            level = row_of_one;
        }
        let chain = match previous {
            None => {
                out.push([column_of_zero.max(x_start as f64), level]);
                level
            }
            Some((before, last, chain)) => {
                let fallback = 0.5 * (column(last) + column(s.first));
                drop_steps(&mut out, (before, level), top(before, chain), &s.drop, fallback, g, column);
                if s.drop.is_empty() { chain } else { level }
            }
        };
        previous = Some((level, s.last, chain));
    }
    if let Some((level, last, chain)) = previous {
        match &track.final_drop {
            Some((drop, bottom)) => {
                let fallback = 0.5 * (column(last) + column(track.last_seen));
                drop_steps(&mut out, (level, *bottom), top(level, chain), drop, fallback, g, column);
            }
            None => out.push([column(track.last_seen), level]),
        }
    }
    out
}

/// The steps of a drop from level `from` to `to`. Each drop column has gone
/// as far down as its run's bottom; columns that reach the same level are
/// one step, at their mean position, so one thick vertical line is one step
/// and a staircase of close drops keeps its stairs. Columns of a censor tick
/// (reaching above `top`, over the line) are left out.
fn drop_steps(
    out: &mut Vec<[f64; 2]>,
    (from, to): (f64, f64),
    top: f64,
    drop: &[Vertical],
    fallback_x: f64,
    g: Geometry,
    column: impl Fn(usize) -> f64,
) {
    let mut stairs: Vec<(Vec<f64>, f64)> = Vec::new();
    for v in drop.iter().filter(|v| v.top >= top) {
        let reached = (v.bottom - g.width / 2.0).clamp(from, to);
        let current = stairs.last().map_or(from, |(_, level)| *level);
        match stairs.last_mut() {
            Some((xs, level)) if (reached - *level).abs() < 1.0 => xs.push(column(v.x)),
            _ if reached >= current + 1.0 => stairs.push((vec![column(v.x)], reached)),
            _ => {}
        }
    }
    if let Some((_, level)) = stairs.last_mut()
        && to - *level < 1.0
    {
        *level = to;
    }
    let mut current = from;
    for (xs, level) in &stairs {
        let x = xs.iter().sum::<f64>() / xs.len() as f64;
        out.push([x, current]);
        out.push([x, *level]);
        current = *level;
    }
    if current < to {
        out.push([fallback_x, current]);
        out.push([fallback_x, to]);
    }
}

/// Data coordinates, with time from 0 and never decreasing, survival in
/// [0, 1] and never increasing.
fn to_data(pixels: &[[f64; 2]], calibration: &Calibration) -> Vec<CurvePoint> {
    let mut time = 0.0f64;
    let mut survival = 1.0f64;
    pixels
        .iter()
        .map(|&p| {
            let d = calibration.to_data(p);
            time = time.max(d.time);
            survival = survival.min(d.survival.clamp(0.0, 1.0));
            CurvePoint { time, survival }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::digitize::calibrate::{AxisPoint, SurvivalScale};

    const BLUE: Rgb = Rgb([0, 114, 178]);
    const ORANGE: Rgb = Rgb([230, 159, 0]);

    /// A white image with filled pixel rectangles, `[x0, y0, x1, y1)`.
    fn image(width: usize, height: usize, rects: &[([usize; 4], Rgb)]) -> Raster {
        let mut rgba = vec![255u8; width * height * 4];
        for &([x0, y0, x1, y1], Rgb([r, g, b])) in rects {
            for y in y0..y1 {
                for x in x0..x1 {
                    let i = (y * width + x) * 4;
                    rgba[i..i + 4].copy_from_slice(&[r, g, b, 255]);
                }
            }
        }
        Raster::new(width, height, rgba).unwrap()
    }

    /// Time 0–10 on columns 10–110, survival 1–0 on rows 10–110.
    fn calibration() -> Calibration {
        Calibration::new(
            [AxisPoint { pixel: 10.0, value: 0.0 }, AxisPoint { pixel: 110.0, value: 10.0 }],
            [AxisPoint { pixel: 10.0, value: 1.0 }, AxisPoint { pixel: 110.0, value: 0.0 }],
            SurvivalScale::Proportion,
        )
        .unwrap()
    }

    /// A 2-px step curve: 1 until t = 3, 0.6 until t = 7, then 0.6 to t = 9.
    fn steps(colour: Rgb) -> Vec<([usize; 4], Rgb)> {
        vec![
            ([10, 9, 41, 11], colour),  // level 1, rows 9–10 (centre 10)
            ([39, 9, 41, 51], colour),  // drop at columns 39–40 (centre x 40)
            ([39, 49, 91, 51], colour), // level 0.6, rows 49–50 (centre 50)
        ]
    }

    fn rounded(t: &Trace) -> Vec<(f64, f64)> {
        t.points
            .iter()
            .map(|p| ((p.time * 100.0).round() / 100.0, (p.survival * 100.0).round() / 100.0))
            .collect()
    }

    #[test]
    fn follows_a_step_and_reports_both_corners() {
        let img = image(120, 120, &steps(BLUE));
        let t = trace(&img, &calibration(), &TraceOptions::new(BLUE)).unwrap();
        assert_eq!(t.line_width, 2);
        assert_eq!(rounded(&t), vec![(0.0, 1.0), (3.0, 1.0), (3.0, 0.6), (8.05, 0.6)]);
    }

    #[test]
    fn ignores_other_colours_grid_axes_and_censor_ticks() {
        let mut rects = steps(BLUE);
        rects.extend([
            ([0, 30, 120, 31], Rgb([200, 200, 200])), // grid line
            ([10, 10, 11, 112], Rgb([0, 0, 0])),      // y axis
            ([60, 60, 80, 66], Rgb([0, 0, 0])),       // "text"
            ([20, 5, 30, 100], ORANGE),               // another colour across the curve
            ([70, 44, 71, 56], BLUE),                 // censor tick crossing the line
        ]);
        let img = image(120, 120, &rects);
        let t = trace(&img, &calibration(), &TraceOptions::new(BLUE)).unwrap();
        assert_eq!(rounded(&t), vec![(0.0, 1.0), (3.0, 1.0), (3.0, 0.6), (8.05, 0.6)]);
    }

    #[test]
    fn same_colour_axis_and_text_below_are_not_followed() {
        let mut rects = steps(BLUE);
        rects.extend([
            ([10, 5, 11, 112], BLUE),  // an axis in the curve's colour
            ([95, 80, 110, 82], BLUE), // a legend line below the curve's end
        ]);
        let img = image(120, 120, &rects);
        let t = trace(&img, &calibration(), &TraceOptions::new(BLUE)).unwrap();
        assert_eq!(rounded(&t), vec![(0.0, 1.0), (3.0, 1.0), (3.0, 0.6), (8.05, 0.6)]);
    }

    #[test]
    fn a_final_drop_onto_a_hidden_level_is_kept() {
        let mut rects = steps(BLUE);
        rects.push(([89, 49, 91, 111], BLUE)); // down to survival 0 at t = 8
        let img = image(120, 120, &rects);
        let t = trace(&img, &calibration(), &TraceOptions::new(BLUE)).unwrap();
        let last = t.points.last().unwrap();
        assert!((last.time - 8.0).abs() < 0.06 && last.survival < 0.03, "{:?}", rounded(&t));
    }

    #[test]
    fn says_why_nothing_was_traced() {
        let img = image(120, 120, &steps(BLUE));
        let err = trace(&img, &calibration(), &TraceOptions::new(ORANGE)).unwrap_err();
        assert!(matches!(err, TraceError::NoSuchColour { .. }), "{err}");
        assert!(err.to_string().contains("#E69F00"));
        let band = image(120, 120, &[([10, 10, 100, 60], BLUE)]);
        let err = trace(&band, &calibration(), &TraceOptions::new(BLUE)).unwrap_err();
        assert_eq!(err, TraceError::FilledArea { colour: "#0072B2".to_owned() });
        let err = trace(&img, &calibration(), &TraceOptions::new(Rgb([250, 250, 250]))).unwrap_err();
        assert_eq!(err, TraceError::BackgroundColour { colour: "#FAFAFA".to_owned() });
        let low = image(120, 120, &[([10, 70, 100, 72], BLUE)]);
        let err = trace(&low, &calibration(), &TraceOptions::new(BLUE)).unwrap_err();
        assert!(matches!(err, TraceError::NoCurve { .. }), "{err}");
        let upside_down = Calibration::new(
            [AxisPoint { pixel: 10.0, value: 0.0 }, AxisPoint { pixel: 110.0, value: 10.0 }],
            [AxisPoint { pixel: 10.0, value: 0.0 }, AxisPoint { pixel: 110.0, value: 1.0 }],
            SurvivalScale::Proportion,
        )
        .unwrap();
        assert_eq!(
            trace(&img, &upside_down, &TraceOptions::new(BLUE)),
            Err(TraceError::InvertedSurvivalAxis)
        );
        let far_right = Calibration::new(
            [AxisPoint { pixel: 500.0, value: 0.0 }, AxisPoint { pixel: 600.0, value: 10.0 }],
            [AxisPoint { pixel: 10.0, value: 1.0 }, AxisPoint { pixel: 110.0, value: 0.0 }],
            SurvivalScale::Proportion,
        )
        .unwrap();
        assert!(matches!(
            trace(&img, &far_right, &TraceOptions::new(BLUE)),
            Err(TraceError::StartOutsideImage { .. })
        ));
    }
}
