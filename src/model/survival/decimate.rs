//! Pixel-bounded reduction of step curves for drawing.
//!
//! A curve fitted to a large cohort has far more vertices than the plot has
//! pixel columns, and drawing every one costs the same however little of it
//! is visible. What a column of pixels shows of a polyline is where the line
//! enters it, the lowest and highest point it reaches inside, and where it
//! leaves; keeping those four vertices (in their original order) draws the
//! same pixels, so the work follows the screen, not the data. Where a column
//! holds one step or less (two vertices), every vertex is kept, so a
//! zoomed-in curve is drawn exactly.
//!
//! Output vertices are a subsequence of the input, so a non-increasing
//! survival curve stays non-increasing and each kept vertex can be traced
//! back to the input by its index (for hover text). Censor marks are binned
//! per pixel cell with a count. [`Decimated`] caches a reduction and
//! recomputes it only when the data, the visible range or the plot size
//! change.

/// The visible part of the plot and its size on screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Visible x range `(left, right)` in plot units; `left < right`.
    pub x: (f64, f64),
    /// Visible y range `(bottom, top)` in plot units; `bottom < top`.
    pub y: (f64, f64),
    /// Plot width in pixels.
    pub width_px: u32,
    /// Plot height in pixels.
    pub height_px: u32,
}

/// A polyline to reduce: vertices in ascending x (a step curve has two
/// vertices at each drop), with an optional confidence band sharing x.
#[derive(Debug, Clone, Copy)]
pub struct Series<'a> {
    /// Vertex x, non-decreasing.
    pub x: &'a [f64],
    /// Vertex y, same length as `x`.
    pub y: &'a [f64],
    /// `(lower, upper)` band at each vertex, same length as `x`.
    pub band: Option<(&'a [f64], &'a [f64])>,
}

/// A reduced curve: the kept vertices and where they came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReducedCurve {
    /// Vertex x.
    pub x: Vec<f64>,
    /// Vertex y.
    pub y: Vec<f64>,
    /// Index of each vertex in the input.
    pub index: Vec<usize>,
}

/// A reduced band. It is reduced apart from the curve because its extremes
/// in a pixel column (lowest lower bound, highest upper bound) sit at other
/// vertices than the curve's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReducedBand {
    /// Vertex x, shared by both bounds.
    pub x: Vec<f64>,
    /// Lower bound at each vertex.
    pub lower: Vec<f64>,
    /// Upper bound at each vertex.
    pub upper: Vec<f64>,
    /// Index of each vertex in the input.
    pub index: Vec<usize>,
}

/// Censor marks that fall in one pixel cell, drawn as one mark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CensorBin {
    /// Position of the first mark in the cell (exact when it is alone).
    pub at: (f64, f64),
    /// Number of marks in the cell, for hover text ("12 censored").
    pub count: usize,
    /// Smallest and largest x of the cell's marks.
    pub x_span: (f64, f64),
    /// Index of the cell's first mark in the input.
    pub first: usize,
}

/// Indices of the vertices of `x` to draw for the visible x range `range`
/// at `width_px` pixel columns.
///
/// Per column the first and last vertex are kept, with one of least `low`
/// and one of greatest `high` between them; every vertex is kept
/// in a column with at most two (one step). The last vertex left of the range and
/// the first right of it are kept too, so lines run to the plot's edges.
/// At most `4 · width_px + 2` indices, ascending. A range that is empty,
/// reversed or not finite keeps nothing.
#[must_use]
pub fn reduce_indices(x: &[f64], low: &[f64], high: &[f64], range: (f64, f64), width_px: u32) -> Vec<usize> {
    let (x0, x1) = range;
    let len = x.len().min(low.len()).min(high.len());
    let x = x.get(..len).unwrap_or_default();
    if !(x0.is_finite() && x1.is_finite() && x0 < x1) {
        return Vec::new();
    }
    let columns = width_px.max(1);
    let scale = f64::from(columns) / (x1 - x0);
    let last_column = columns - 1;
    // Float-to-int casts saturate, so far-away points land in the edge
    // columns rather than wrapping; the visible slice holds none anyway.
    let column = |v: f64| (((v - x0) * scale) as u32).min(last_column);
    let start = x.partition_point(|&v| v < x0);
    let end = x.partition_point(|&v| v <= x1);
    let mut keep = Vec::with_capacity((end - start).min(4 * columns as usize) + 2);
    if let Some(before) = start.checked_sub(1) {
        keep.push(before);
    }
    let mut i = start;
    while let Some(&xi) = x.get(i).filter(|_| i < end) {
        let c = column(xi);
        let j = i + 1 + run_length(x.get(i + 1..end).unwrap_or_default(), |v| column(v) <= c);
        if j - i <= 2 {
            keep.extend(i..j);
        } else {
            keep_extremes(&mut keep, i, j, low, high);
        }
        i = j;
    }
    if end < len {
        keep.push(end);
    }
    keep
}

/// Length of the leading run of `x` whose elements satisfy `in_run` (which
/// holds for a prefix only). Short runs are walked; longer ones galloped
/// then bisected, so a column's end costs steps logarithmic in its own
/// vertex count however dense the data.
fn run_length(x: &[f64], in_run: impl Fn(f64) -> bool) -> usize {
    const WALK: usize = 16;
    let walked = x.iter().take(WALK).take_while(|&&v| in_run(v)).count();
    if walked < WALK {
        return walked;
    }
    let mut probe = WALK;
    while x.get(probe).is_some_and(|&v| in_run(v)) {
        probe *= 2;
    }
    // x[probe / 2] is in the run; x[probe] is not, or is past the end.
    let from = probe / 2 + 1;
    let to = probe.min(x.len());
    from + x.get(from..to).unwrap_or_default().partition_point(|&v| in_run(v))
}

/// Pushes, in order, the first and last of `from..to` and the indices of
/// least `low` and greatest `high` between them, once each.
fn keep_extremes(keep: &mut Vec<usize>, from: usize, to: usize, low: &[f64], high: &[f64]) {
    let min_at = from + best_index(low.get(from..to).unwrap_or_default(), f64::INFINITY, |v, b| v < b);
    let max_at = from + best_index(high.get(from..to).unwrap_or_default(), f64::NEG_INFINITY, |v, b| v > b);
    let mut picks = [from, min_at, max_at, to - 1];
    picks.sort_unstable();
    for p in picks {
        if keep.last() != Some(&p) {
            keep.push(p);
        }
    }
}

/// Index of a value of `values` that none is `better` than; 0 when there
/// is none (empty, or all NaN). `worst` is the identity: nothing is worse
/// than it.
///
/// Four running bests with their indices: one would make each comparison
/// wait for the one before.
fn best_index(values: &[f64], worst: f64, better: impl Fn(f64, f64) -> bool) -> usize {
    let pick = |a: (f64, usize), b: (f64, usize)| if better(b.0, a.0) { b } else { a };
    let mut lanes = [(worst, 0); 4];
    let chunks = values.chunks_exact(4);
    let tail_start = values.len() - chunks.remainder().len();
    let tail = chunks.remainder().iter().zip(tail_start..).fold((worst, 0), |a, (&v, i)| pick(a, (v, i)));
    for (c, chunk) in chunks.enumerate() {
        for ((lane, &v), l) in lanes.iter_mut().zip(chunk).zip(0..) {
            *lane = pick(*lane, (v, 4 * c + l));
        }
    }
    lanes.iter().fold(tail, |a, &b| pick(a, b)).1
}

/// Reduces the curve of `series` for drawing in `view` (see
/// [`reduce_indices`]).
#[must_use]
pub fn reduce_curve(series: &Series<'_>, view: &Viewport) -> ReducedCurve {
    let index = reduce_indices(series.x, series.y, series.y, view.x, view.width_px);
    ReducedCurve { x: gather(series.x, &index), y: gather(series.y, &index), index }
}

/// Reduces the band of `series` for drawing in `view`, keeping per column
/// the lowest lower bound and the highest upper bound; `None` without a
/// band.
#[must_use]
pub fn reduce_band(series: &Series<'_>, view: &Viewport) -> Option<ReducedBand> {
    let (lower, upper) = series.band?;
    let index = reduce_indices(series.x, lower, upper, view.x, view.width_px);
    Some(ReducedBand {
        x: gather(series.x, &index),
        lower: gather(lower, &index),
        upper: gather(upper, &index),
        index,
    })
}

fn gather(values: &[f64], index: &[usize]) -> Vec<f64> {
    index.iter().filter_map(|&i| values.get(i).copied()).collect()
}

/// Bins the censor marks inside `view` per pixel cell, one bin per cell
/// that holds any, in order of x then y cell. Marks outside the view are
/// left out; so is everything when the view is empty or not finite.
#[must_use]
pub fn censor_bins(marks: &[(f64, f64)], view: &Viewport) -> Vec<CensorBin> {
    let ((x0, x1), (y0, y1)) = (view.x, view.y);
    if !([x0, x1, y0, y1].iter().all(|v| v.is_finite()) && x0 < x1 && y0 < y1) {
        return Vec::new();
    }
    let (w, h) = (view.width_px.max(1), view.height_px.max(1));
    let (sx, sy) = (f64::from(w) / (x1 - x0), f64::from(h) / (y1 - y0));
    // Visible marks as (column, row, index), grouped by column with a
    // counting sort (columns are few), then sorted by row within each
    // column; the index breaks ties so each cell keeps input order.
    let visible: Vec<(u32, u32, usize)> = marks
        .iter()
        .enumerate()
        .filter(|(_, (x, y))| (x0..=x1).contains(x) && (y0..=y1).contains(y))
        .map(|(i, &(x, y))| ((((x - x0) * sx) as u32).min(w - 1), (((y - y0) * sy) as u32).min(h - 1), i))
        .collect();
    let mut starts = vec![0usize; w as usize + 1];
    for &(col, _, _) in &visible {
        if let Some(s) = starts.get_mut(col as usize + 1) {
            *s += 1;
        }
    }
    for k in 1..starts.len() {
        let before = starts.get(k - 1).copied().unwrap_or(0);
        if let Some(s) = starts.get_mut(k) {
            *s += before;
        }
    }
    let mut next = starts.clone();
    let mut cells = vec![(0u64, 0usize); visible.len()];
    for &(col, row, i) in &visible {
        if let Some(slot) = next.get_mut(col as usize)
            && let Some(cell) = cells.get_mut(*slot)
        {
            *cell = ((u64::from(col) << 32) | u64::from(row), i);
            *slot += 1;
        }
    }
    for pair in starts.windows(2) {
        if let [from, to] = *pair
            && to - from > 1
            && let Some(column) = cells.get_mut(from..to)
        {
            column.sort_unstable();
        }
    }
    let mut bins: Vec<CensorBin> = Vec::new();
    let mut current = None;
    for (cell, i) in cells {
        let Some(&(x, y)) = marks.get(i) else { continue };
        match bins.last_mut() {
            Some(bin) if current == Some(cell) => {
                bin.count += 1;
                bin.x_span = (bin.x_span.0.min(x), bin.x_span.1.max(x));
            }
            _ => {
                bins.push(CensorBin { at: (x, y), count: 1, x_span: (x, x), first: i });
                current = Some(cell);
            }
        }
    }
    bins
}

/// Index of the vertex of `x` (non-decreasing) nearest to the plot
/// position `at`, by binary search; `None` for no vertices or a NaN `at`.
///
/// Where a step puts two vertices at one x, the one on the pointer's side
/// wins: before the step for a pointer left of it, after it for a pointer
/// on or right of it. Ties between different x go to the left one.
#[must_use]
pub fn nearest_vertex(x: &[f64], at: f64) -> Option<usize> {
    if x.is_empty() || at.is_nan() {
        return None;
    }
    // First vertex right of `at`; the one before it is the last at or left.
    let right = x.partition_point(|&v| v <= at);
    let Some(left) = right.checked_sub(1) else { return Some(0) };
    let Some(&xr) = x.get(right) else { return Some(left) };
    let xl = x.get(left).copied().unwrap_or(xr);
    if at - xl <= xr - at { Some(left) } else { Some(right) }
}

/// What a reduction was made for; any change means recomputing.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key {
    data: u64,
    x: (f64, f64),
    width_px: u32,
}

/// A reduction of one curve kept between frames.
///
/// The caller numbers the versions of its data (any counter bumped when the
/// curve is rebuilt); [`Decimated::update`] recomputes the curve and band
/// only when that number, the visible x range or the width changed, and the
/// censor bins only when that or the viewport changed.
#[derive(Debug, Clone, Default)]
pub struct Decimated {
    line_key: Option<Key>,
    censor_key: Option<(u64, Viewport)>,
    curve: ReducedCurve,
    band: Option<ReducedBand>,
    censor: Vec<CensorBin>,
}

impl Decimated {
    /// Brings the reduction up to date for `view`; returns whether anything
    /// was recomputed.
    pub fn update(
        &mut self,
        version: u64,
        series: &Series<'_>,
        censor: &[(f64, f64)],
        view: &Viewport,
    ) -> bool {
        let key = Key { data: version, x: view.x, width_px: view.width_px };
        let mut changed = false;
        if self.line_key != Some(key) {
            self.curve = reduce_curve(series, view);
            self.band = reduce_band(series, view);
            self.line_key = Some(key);
            changed = true;
        }
        if self.censor_key != Some((version, *view)) {
            self.censor = censor_bins(censor, view);
            self.censor_key = Some((version, *view));
            changed = true;
        }
        changed
    }

    /// The reduced curve.
    #[must_use]
    pub fn curve(&self) -> &ReducedCurve {
        &self.curve
    }

    /// The reduced band, if the series has one.
    #[must_use]
    pub fn band(&self) -> Option<&ReducedBand> {
        self.band.as_ref()
    }

    /// The binned censor marks.
    #[must_use]
    pub fn censor(&self) -> &[CensorBin] {
        &self.censor
    }
}

/// Indices of the vertices of the polyline `(x, y)` that keep it within
/// `tolerance_px` pixels of itself on screen (Ramer–Douglas–Peucker, in
/// pixel units of `view`): always the first and last, in order.
///
/// For dashed lines. A dash is cut wherever the path has a vertex, so a
/// reduced curve with steps finer than a pixel would be drawn as thousands
/// of dash pieces; through the kept vertices the dashes are few and the
/// line covers the same pixels.
#[must_use]
pub fn simplify_indices(x: &[f64], y: &[f64], view: &Viewport, tolerance_px: f64) -> Vec<usize> {
    let n = x.len().min(y.len());
    if n <= 2 {
        return (0..n).collect();
    }
    let sx = f64::from(view.width_px) / (view.x.1 - view.x.0);
    let sy = f64::from(view.height_px) / (view.y.1 - view.y.0);
    let at = |i: usize| (x.get(i).map_or(0.0, |v| v * sx), y.get(i).map_or(0.0, |v| v * sy));
    let mut keep = vec![false; n];
    for end in [0, n - 1] {
        if let Some(k) = keep.get_mut(end) {
            *k = true;
        }
    }
    let mut stack = vec![(0, n - 1)];
    while let Some((a, b)) = stack.pop() {
        let ((ax, ay), (bx, by)) = (at(a), at(b));
        let (dx, dy) = (bx - ax, by - ay);
        let length = dx.hypot(dy);
        // Distance of each vertex between a and b from the chord (or from
        // a, where the chord is a point).
        let distance = |i: usize| {
            let (px, py) = at(i);
            if length > 0.0 {
                ((px - ax) * dy - (py - ay) * dx).abs() / length
            } else {
                (px - ax).hypot(py - ay)
            }
        };
        let farthest = (a + 1..b).map(|i| (i, distance(i))).max_by(|p, q| p.1.total_cmp(&q.1));
        if let Some((i, d)) = farthest
            && d > tolerance_px
        {
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
            stack.push((a, i));
            stack.push((i, b));
        }
    }
    keep.iter().enumerate().filter(|(_, k)| **k).map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::survival::{KaplanMeier, KmOptions, PlotOptions, Record, StepCurve, step_curve};

    /// Deterministic uniform numbers in [0, 1).
    fn uniforms(seed: u64) -> impl Iterator<Item = f64> {
        let mut g = crate::model::survival::splitmix::SplitMix64(seed);
        std::iter::repeat_with(move || g.uniform())
    }

    /// A fitted step curve of `n` records with times in [0, 10).
    fn km_curve(n: usize, seed: u64) -> StepCurve {
        let u: Vec<f64> = uniforms(seed).take(2 * n).collect();
        let recs: Vec<Record> = u
            .chunks(2)
            .map(|p| Record { time: (p[0] * 10.0 * 1000.0).round() / 1000.0, event: p[1] < 0.7 })
            .collect();
        let km = KaplanMeier::fit(&recs, KmOptions::default()).unwrap();
        step_curve(&km, PlotOptions { min_at_risk: 0 })
    }

    fn series(c: &StepCurve) -> Series<'_> {
        Series { x: &c.x, y: &c.y, band: Some((&c.lower, &c.upper)) }
    }

    fn view(x: (f64, f64), width_px: u32) -> Viewport {
        Viewport { x, y: (0.0, 1.0), width_px, height_px: 400 }
    }

    /// Column of `v` as the reduction computes it.
    fn column(v: f64, (x0, x1): (f64, f64), w: u32) -> u32 {
        (((v - x0) * (f64::from(w) / (x1 - x0))) as u32).min(w - 1)
    }

    #[test]
    fn zoomed_in_curve_is_kept_whole() {
        let c = km_curve(200, 1);
        // About a fifth of the curve on 1,000 px: no column holds two steps.
        let range = (2.0, 4.0);
        let r = reduce_curve(&series(&c), &view(range, 1000));
        let first = c.x.partition_point(|&v| v < range.0) - 1;
        let last = c.x.partition_point(|&v| v <= range.1);
        let want: Vec<usize> = (first..=last).collect();
        assert_eq!(r.index, want);
        assert_eq!(r.x, c.x[first..=last]);
        assert_eq!(r.y, c.y[first..=last]);
        // One vertex each side of the range, so lines reach the edges.
        assert!(r.x[0] < range.0 && *r.x.last().unwrap() > range.1);
        let b = reduce_band(&series(&c), &view(range, 1000)).unwrap();
        assert_eq!(b.index, want);
        assert_eq!(b.lower, c.lower[first..=last]);
        assert_eq!(b.upper, c.upper[first..=last]);
    }

    #[test]
    fn whole_small_curve_is_kept_whole() {
        let c = km_curve(50, 2);
        let r = reduce_curve(&series(&c), &view((0.0, 10.0), 2000));
        assert_eq!(r.x, c.x);
        assert_eq!(r.y, c.y);
    }

    #[test]
    fn vertex_count_is_bounded_by_the_width_for_any_data() {
        let mut u = uniforms(3);
        // Unordered y with many vertices sharing an x.
        let mut x: Vec<f64> = (0..50_000).map(|_| (u.next().unwrap() * 1000.0).floor() / 100.0).collect();
        x.sort_by(f64::total_cmp);
        let y: Vec<f64> = x.iter().map(|_| u.next().unwrap()).collect();
        for w in [1, 2, 3, 10, 100, 999, 4000] {
            for range in [(0.0, 10.0), (2.5, 2.51), (-5.0, 20.0), (9.99, 10.0)] {
                let idx = reduce_indices(&x, &y, &y, range, w);
                assert!(idx.len() <= 4 * w as usize + 4, "w {w} {range:?}: {}", idx.len());
                assert!(idx.windows(2).all(|p| p[0] < p[1]), "indices ascend");
            }
        }
        let big = km_curve(100_000, 4);
        let r = reduce_curve(&series(&big), &view((0.0, 10.0), 300));
        assert!(r.x.len() <= 4 * 300 + 4);
        assert!(big.x.len() > 20 * r.x.len(), "{} vertices kept of {}", r.x.len(), big.x.len());
    }

    /// Per column: first and last vertex, min and max, as in the input.
    fn assert_columns_match(x: &[f64], low: &[f64], high: &[f64], idx: &[usize], range: (f64, f64), w: u32) {
        let inside = |i: &usize| (range.0..=range.1).contains(&x[*i]);
        for col in 0..w {
            let all: Vec<usize> =
                (0..x.len()).filter(inside).filter(|&i| column(x[i], range, w) == col).collect();
            let kept: Vec<usize> = idx
                .iter()
                .copied()
                .filter(|i| inside(i))
                .filter(|&i| column(x[i], range, w) == col)
                .collect();
            let (Some(&a0), Some(&a1)) = (all.first(), all.last()) else {
                assert!(kept.is_empty());
                continue;
            };
            assert_eq!((kept.first(), kept.last()), (Some(&a0), Some(&a1)), "column {col} ends");
            let min = |v: &[f64], s: &[usize]| s.iter().map(|&i| v[i]).fold(f64::INFINITY, f64::min);
            let max = |v: &[f64], s: &[usize]| s.iter().map(|&i| v[i]).fold(f64::NEG_INFINITY, f64::max);
            assert_eq!(min(low, &kept), min(low, &all), "column {col} min");
            assert_eq!(max(high, &kept), max(high, &all), "column {col} max");
            if all.len() <= 2 {
                assert_eq!(kept, all, "column {col} exact");
            }
        }
    }

    #[test]
    fn each_column_keeps_the_input_envelope() {
        let mut u = uniforms(5);
        let mut x: Vec<f64> = (0..20_000).map(|_| u.next().unwrap() * 100.0).collect();
        x.sort_by(f64::total_cmp);
        let y: Vec<f64> = x.iter().map(|_| u.next().unwrap()).collect();
        for (range, w) in [((0.0, 100.0), 200), ((10.0, 30.0), 57), ((0.0, 100.0), 1), ((50.0, 50.5), 300)] {
            let idx = reduce_indices(&x, &y, &y, range, w);
            assert_columns_match(&x, &y, &y, &idx, range, w);
        }
        let c = km_curve(30_000, 6);
        for (range, w) in [((0.0, 10.0), 500), ((3.0, 3.3), 800)] {
            let b = reduce_band(&series(&c), &view(range, w)).unwrap();
            assert_columns_match(&c.x, &c.lower, &c.upper, &b.index, range, w);
            let r = reduce_curve(&series(&c), &view(range, w));
            assert_columns_match(&c.x, &c.y, &c.y, &r.index, range, w);
        }
    }

    #[test]
    fn survival_stays_monotone_and_band_keeps_its_order() {
        let c = km_curve(50_000, 7);
        let v = view((0.0, 10.0), 640);
        let r = reduce_curve(&series(&c), &v);
        assert!(r.x.windows(2).all(|p| p[0] <= p[1]));
        assert!(r.y.windows(2).all(|p| p[0] >= p[1]));
        assert_eq!(r.y.first(), Some(&1.0));
        assert_eq!(r.y.last(), c.y.last());
        let b = reduce_band(&series(&c), &v).unwrap();
        assert!(b.lower.iter().zip(&b.upper).all(|(lo, hi)| lo <= hi));
        assert!(b.lower.windows(2).all(|p| p[0] >= p[1]));
    }

    #[test]
    fn empty_and_single_point_curves() {
        let v = view((0.0, 1.0), 100);
        let empty = Series { x: &[], y: &[], band: None };
        assert_eq!(reduce_curve(&empty, &v), ReducedCurve::default());
        assert_eq!(reduce_band(&empty, &v), None);
        let one = Series { x: &[0.5], y: &[1.0], band: Some((&[0.9], &[1.0])) };
        let r = reduce_curve(&one, &v);
        assert_eq!((r.x, r.y, r.index), (vec![0.5], vec![1.0], vec![0]));
        assert_eq!(reduce_band(&one, &v).unwrap().lower, vec![0.9]);
        // Outside the range the point is still the edge vertex on its side.
        assert_eq!(reduce_curve(&one, &view((2.0, 3.0), 100)).index, vec![0]);
        assert_eq!(reduce_curve(&one, &view((-3.0, -2.0), 100)).index, vec![0]);
    }

    #[test]
    fn ranges_outside_the_data_keep_only_the_nearest_vertex() {
        let c = km_curve(1_000, 8);
        let last = c.x.len() - 1;
        assert_eq!(reduce_curve(&series(&c), &view((-10.0, -1.0), 500)).index, vec![0]);
        assert_eq!(reduce_curve(&series(&c), &view((20.0, 30.0), 500)).index, vec![last]);
        // A range between two vertices keeps just those two.
        let gap = c.x.windows(2).position(|p| p[1] - p[0] > 1e-3).unwrap();
        let mid = (c.x[gap] + c.x[gap + 1]) / 2.0;
        let r = reduce_curve(&series(&c), &view((mid - 1e-6, mid + 1e-6), 500));
        assert_eq!(r.index, vec![gap, gap + 1]);
    }

    #[test]
    fn degenerate_views_keep_nothing_or_one_column() {
        let c = km_curve(1_000, 9);
        for range in [(1.0, 1.0), (2.0, 1.0), (f64::NAN, 1.0), (0.0, f64::INFINITY)] {
            assert!(reduce_curve(&series(&c), &view(range, 500)).index.is_empty(), "{range:?}");
        }
        // Zero width draws as one column: at most four vertices inside.
        let r = reduce_curve(&series(&c), &view((0.0, 10.0), 0));
        assert!(r.index.len() <= 4 + 2);
        assert_eq!(r.index.first(), Some(&0));
    }

    #[test]
    fn censor_marks_are_binned_per_pixel_cell_with_counts() {
        // Three marks in one cell, one alone, one outside the view.
        let marks = [(1.0, 0.505), (1.001, 0.5051), (1.002, 0.5049), (5.0, 0.2), (11.0, 0.1)];
        let v = Viewport { x: (0.0, 10.0), y: (0.0, 1.0), width_px: 100, height_px: 100 };
        let bins = censor_bins(&marks, &v);
        assert_eq!(bins.len(), 2);
        assert_eq!(bins[0].count, 3);
        assert_eq!(bins[0].at, (1.0, 0.505));
        assert_eq!(bins[0].x_span, (1.0, 1.002));
        assert_eq!(bins[0].first, 0);
        assert_eq!((bins[1].count, bins[1].at, bins[1].first), (1, (5.0, 0.2), 3));
        // Same column, rows far apart: separate bins, lower row first.
        let stacked = [(1.0, 0.9), (1.0, 0.1)];
        let bins = censor_bins(&stacked, &v);
        assert_eq!(bins.iter().map(|b| b.first).collect::<Vec<_>>(), vec![1, 0]);
        // Zoomed in, every mark is its own bin at its own place.
        let c = km_curve(2_000, 10);
        let zoom = Viewport { x: (4.0, 4.5), y: (0.0, 1.0), width_px: 4000, height_px: 4000 };
        let bins = censor_bins(&c.censor_marks, &zoom);
        let inside: Vec<_> =
            c.censor_marks.iter().filter(|(x, _)| (4.0..=4.5).contains(x)).copied().collect();
        assert!(!inside.is_empty());
        assert_eq!(bins.iter().map(|b| b.at).collect::<Vec<_>>(), inside);
        assert!(bins.iter().all(|b| b.count == 1));
        // Zoomed out, the counts add up to the visible marks.
        let all = view((0.0, 10.0), 50);
        let total: usize = censor_bins(&c.censor_marks, &all).iter().map(|b| b.count).sum();
        assert_eq!(total, c.censor_marks.len());
        assert!(censor_bins(&c.censor_marks, &Viewport { y: (1.0, 0.0), ..all }).is_empty());
    }

    #[test]
    fn hover_finds_the_nearest_vertex_on_the_pointers_side_of_a_step() {
        // A step at 2 (two vertices), flat to 5.
        let x = [0.0, 2.0, 2.0, 5.0];
        assert_eq!(nearest_vertex(&x, -1.0), Some(0));
        assert_eq!(nearest_vertex(&x, 0.9), Some(0));
        assert_eq!(nearest_vertex(&x, 1.0), Some(0), "tie goes left");
        assert_eq!(nearest_vertex(&x, 1.9), Some(1), "before the drop");
        assert_eq!(nearest_vertex(&x, 2.0), Some(2), "at the drop: after it");
        assert_eq!(nearest_vertex(&x, 2.1), Some(2));
        assert_eq!(nearest_vertex(&x, 4.0), Some(3));
        assert_eq!(nearest_vertex(&x, 9.0), Some(3));
        assert_eq!(nearest_vertex(&[], 1.0), None);
        assert_eq!(nearest_vertex(&x, f64::NAN), None);
        assert_eq!(nearest_vertex(&[3.0], -7.0), Some(0));
        // Agrees with a linear scan on a large curve.
        let c = km_curve(5_000, 11);
        for at in uniforms(12).take(500).map(|u| u * 11.0 - 0.5) {
            let i = nearest_vertex(&c.x, at).unwrap();
            let best = c.x.iter().map(|&v| (v - at).abs()).fold(f64::INFINITY, f64::min);
            assert_eq!((c.x[i] - at).abs(), best, "at {at}");
        }
    }

    #[test]
    fn cache_recomputes_only_when_its_inputs_change() {
        let c = km_curve(10_000, 13);
        let s = series(&c);
        let v = view((0.0, 10.0), 800);
        let mut d = Decimated::default();
        assert!(d.update(1, &s, &c.censor_marks, &v));
        let first = d.curve().clone();
        assert!(!d.update(1, &s, &c.censor_marks, &v), "nothing changed");
        assert_eq!(d.curve(), &first);
        assert!(d.band().is_some());
        assert!(!d.censor().is_empty());
        assert!(d.update(2, &s, &c.censor_marks, &v), "new data");
        assert!(d.update(2, &s, &c.censor_marks, &view((0.0, 5.0), 800)), "panned");
        assert!(d.update(2, &s, &c.censor_marks, &view((0.0, 5.0), 400)), "resized");
        assert!(d.curve().x.len() <= 4 * 400 + 4);
        let taller = Viewport { height_px: 900, ..view((0.0, 5.0), 400) };
        let curve = d.curve().clone();
        assert!(d.update(2, &s, &c.censor_marks, &taller), "taller plot rebins the marks");
        assert_eq!(d.curve(), &curve);
    }

    #[test]
    fn simplifying_keeps_the_ends_and_corners_and_drops_sub_pixel_stairs() {
        let view = Viewport { x: (0.0, 100.0), y: (0.0, 100.0), width_px: 100, height_px: 100 };
        // Stairs of 0.1 px: within a pixel of the straight line.
        let (mut x, mut y) = (Vec::new(), Vec::new());
        for k in 0..500 {
            let t = f64::from(k) * 0.1;
            x.extend([t, t + 0.1]);
            y.extend([100.0 - t, 100.0 - t]);
        }
        let kept = simplify_indices(&x, &y, &view, 0.5);
        assert_eq!(kept.first(), Some(&0));
        assert_eq!(kept.last(), Some(&(x.len() - 1)));
        assert!(kept.len() <= 4, "{kept:?}");
        // Every dropped vertex is within the tolerance of the kept path.
        for w in kept.windows(2) {
            let (a, b) = (w[0], w[1]);
            for i in a..=b {
                let (dx, dy) = (x[b] - x[a], y[b] - y[a]);
                let d = ((x[i] - x[a]) * dy - (y[i] - y[a]) * dx).abs() / dx.hypot(dy);
                assert!(d <= 0.5 + 1e-9, "vertex {i} is {d} px away");
            }
        }
        // A step of 20 px keeps its corners.
        let (x, y) = (vec![0.0, 50.0, 50.0, 100.0], vec![100.0, 100.0, 80.0, 80.0]);
        assert_eq!(simplify_indices(&x, &y, &view, 0.5), vec![0, 1, 2, 3]);
    }

    #[test]
    fn simplifying_short_or_degenerate_lines() {
        let view = Viewport { x: (0.0, 1.0), y: (0.0, 1.0), width_px: 10, height_px: 10 };
        assert!(simplify_indices(&[], &[], &view, 0.5).is_empty());
        assert_eq!(simplify_indices(&[0.5], &[0.5], &view, 0.5), vec![0]);
        assert_eq!(simplify_indices(&[0.5, 0.5, 0.5], &[0.5, 0.5, 0.5], &view, 0.5), vec![0, 2]);
    }
}
