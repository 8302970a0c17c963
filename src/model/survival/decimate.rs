//! Reduction of step curves to what the plot can show, for drawing.
//!
//! A cohort of 10,000 records gives a curve of up to 20,000 vertices (two
//! per drop) and a band as long. Drawn whole, a library of 20 such cohorts
//! took 45 ms a frame (3.6 ms at 1,000 records each), against a budget of
//! 2 ms. A column of pixels shows of a polyline only where the line enters
//! it, its lowest and highest point inside, and where it leaves, so keeping
//! those four vertices draws the same pixels and the work follows the
//! plot's width, not the data. A column holding one step or less (two
//! vertices) keeps every vertex, so a zoomed-in curve is drawn exactly.
//!
//! Kept vertices are a subsequence of the input, so a survival curve stays
//! non-increasing and each drawn point is one of the curve's own vertices
//! (hover finds it by x). Censor marks closer than a mark's width are drawn
//! once, with their count: one by one, the same library's marks took 80 ms
//! a frame.

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

/// Censor marks that fall in one cell, drawn as one mark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CensorBin {
    /// Position of the first mark in the cell (exact when it is alone).
    pub at: (f64, f64),
    /// Number of marks in the cell, for hover text ("12 censored").
    pub count: usize,
    /// Smallest and largest x of the cell's marks.
    pub x_span: (f64, f64),
}

/// Indices of the vertices of `x` (non-decreasing) to draw for the visible
/// x range `range` at `width_px` pixel columns.
///
/// Per column the first and last vertex are kept, with one of least `low`
/// and one of greatest `high` between them (for a curve both are its y;
/// for a band, its lower and upper bound); a column with at most two
/// vertices keeps them all. The last vertex left of the range and the first
/// right of it are kept too, so lines run to the plot's edges. At most
/// `4 · width_px + 2` indices, ascending. A range that is empty, reversed
/// or not finite keeps nothing.
#[must_use]
pub fn reduce_indices(x: &[f64], low: &[f64], high: &[f64], range: (f64, f64), width_px: u32) -> Vec<usize> {
    let (x0, x1) = range;
    if !(x0.is_finite() && x1.is_finite() && x0 < x1) {
        return Vec::new();
    }
    let len = x.len().min(low.len()).min(high.len());
    let x = x.get(..len).unwrap_or_default();
    let columns = width_px.max(1);
    let scale = f64::from(columns) / (x1 - x0);
    // Float-to-int casts saturate, so the cast cannot wrap; `min` keeps x1
    // itself in the last column.
    let column = |v: f64| (((v - x0) * scale) as u32).min(columns - 1);
    let start = x.partition_point(|&v| v < x0);
    let end = x.partition_point(|&v| v <= x1);
    let mut keep = Vec::new();
    if let Some(before) = start.checked_sub(1) {
        keep.push(before);
    }
    let visible: Vec<(usize, u32)> =
        (start..end).zip(x.get(start..end).unwrap_or_default()).map(|(i, &v)| (i, column(v))).collect();
    for in_column in visible.chunk_by(|a, b| a.1 == b.1) {
        let (Some(&(first, _)), Some(&(last, _))) = (in_column.first(), in_column.last()) else { continue };
        if in_column.len() <= 2 {
            keep.extend(first..=last);
            continue;
        }
        let value = |values: &[f64], i: usize| values.get(i).copied().unwrap_or(f64::NAN);
        let lowest = (first..=last).min_by(|&a, &b| value(low, a).total_cmp(&value(low, b))).unwrap_or(first);
        let highest =
            (first..=last).max_by(|&a, &b| value(high, a).total_cmp(&value(high, b))).unwrap_or(last);
        let mut picks = [first, lowest, highest, last];
        picks.sort_unstable();
        for p in picks {
            if keep.last() != Some(&p) {
                keep.push(p);
            }
        }
    }
    if end < len {
        keep.push(end);
    }
    keep
}

/// The values at `index`, in its order.
#[must_use]
pub fn gather(values: &[f64], index: &[usize]) -> Vec<f64> {
    index.iter().filter_map(|&i| values.get(i).copied()).collect()
}

/// Groups the censor marks inside `view` by cell, one bin per cell that
/// holds any, in order of x then y cell; a cell is one of `view`'s pixels,
/// so a caller wanting bigger cells passes a coarser view. Marks outside
/// the view are left out; so is everything when the view is empty or not
/// finite.
#[must_use]
pub fn censor_bins(marks: &[(f64, f64)], view: &Viewport) -> Vec<CensorBin> {
    let ((x0, x1), (y0, y1)) = (view.x, view.y);
    if !([x0, x1, y0, y1].iter().all(|v| v.is_finite()) && x0 < x1 && y0 < y1) {
        return Vec::new();
    }
    let (w, h) = (view.width_px.max(1), view.height_px.max(1));
    let (sx, sy) = (f64::from(w) / (x1 - x0), f64::from(h) / (y1 - y0));
    // (cell, mark): sorting orders the cells and keeps input order within
    // each, so a bin's first mark is the first in the input.
    let mut cells: Vec<((u32, u32), usize)> = marks
        .iter()
        .enumerate()
        .filter(|(_, (x, y))| (x0..=x1).contains(x) && (y0..=y1).contains(y))
        .map(|(i, &(x, y))| {
            let cell = ((((x - x0) * sx) as u32).min(w - 1), (((y - y0) * sy) as u32).min(h - 1));
            (cell, i)
        })
        .collect();
    cells.sort_unstable();
    cells
        .chunk_by(|a, b| a.0 == b.0)
        .filter_map(|cell| {
            let in_cell: Vec<(f64, f64)> = cell.iter().filter_map(|&(_, i)| marks.get(i).copied()).collect();
            let &at = in_cell.first()?;
            let x_span = in_cell.iter().fold((at.0, at.0), |(lo, hi), &(x, _)| (lo.min(x), hi.max(x)));
            Some(CensorBin { at, count: in_cell.len(), x_span })
        })
        .collect()
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

    /// The curve's kept vertices for `range` at `w` pixels.
    fn curve(c: &StepCurve, range: (f64, f64), w: u32) -> Vec<usize> {
        reduce_indices(&c.x, &c.y, &c.y, range, w)
    }

    /// The band's kept vertices for `range` at `w` pixels.
    fn band(c: &StepCurve, range: (f64, f64), w: u32) -> Vec<usize> {
        reduce_indices(&c.x, &c.lower, &c.upper, range, w)
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
        let kept = curve(&c, range, 1000);
        let first = c.x.partition_point(|&v| v < range.0) - 1;
        let last = c.x.partition_point(|&v| v <= range.1);
        let want: Vec<usize> = (first..=last).collect();
        assert_eq!(kept, want);
        assert_eq!(gather(&c.x, &kept), c.x[first..=last]);
        assert_eq!(gather(&c.y, &kept), c.y[first..=last]);
        // One vertex each side of the range, so lines reach the edges.
        let x = gather(&c.x, &kept);
        assert!(x[0] < range.0 && *x.last().unwrap() > range.1);
        let b = band(&c, range, 1000);
        assert_eq!(b, want);
        assert_eq!(gather(&c.lower, &b), c.lower[first..=last]);
        assert_eq!(gather(&c.upper, &b), c.upper[first..=last]);
    }

    #[test]
    fn whole_small_curve_is_kept_whole() {
        let c = km_curve(50, 2);
        let kept = curve(&c, (0.0, 10.0), 2000);
        assert_eq!(gather(&c.x, &kept), c.x);
        assert_eq!(gather(&c.y, &kept), c.y);
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
        // The largest cohort the app is sized for.
        let big = km_curve(10_000, 4);
        let kept = curve(&big, (0.0, 10.0), 300);
        assert!(kept.len() <= 4 * 300 + 4);
        assert!(big.x.len() > 10 * kept.len(), "{} vertices kept of {}", kept.len(), big.x.len());
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
        let c = km_curve(10_000, 6);
        for (range, w) in [((0.0, 10.0), 500), ((3.0, 3.3), 800)] {
            assert_columns_match(&c.x, &c.lower, &c.upper, &band(&c, range, w), range, w);
            assert_columns_match(&c.x, &c.y, &c.y, &curve(&c, range, w), range, w);
        }
    }

    #[test]
    fn survival_stays_monotone_and_band_keeps_its_order() {
        let c = km_curve(10_000, 7);
        let kept = curve(&c, (0.0, 10.0), 640);
        let (x, y) = (gather(&c.x, &kept), gather(&c.y, &kept));
        assert!(x.windows(2).all(|p| p[0] <= p[1]));
        assert!(y.windows(2).all(|p| p[0] >= p[1]));
        assert_eq!(y.first(), Some(&1.0));
        assert_eq!(y.last(), c.y.last());
        let b = band(&c, (0.0, 10.0), 640);
        let (lower, upper) = (gather(&c.lower, &b), gather(&c.upper, &b));
        assert!(lower.iter().zip(&upper).all(|(lo, hi)| lo <= hi));
        assert!(lower.windows(2).all(|p| p[0] >= p[1]));
    }

    #[test]
    fn empty_and_single_point_curves() {
        assert!(reduce_indices(&[], &[], &[], (0.0, 1.0), 100).is_empty());
        let one = [0.5];
        assert_eq!(reduce_indices(&one, &[1.0], &[1.0], (0.0, 1.0), 100), vec![0]);
        // Outside the range the point is still the edge vertex on its side.
        assert_eq!(reduce_indices(&one, &[1.0], &[1.0], (2.0, 3.0), 100), vec![0]);
        assert_eq!(reduce_indices(&one, &[1.0], &[1.0], (-3.0, -2.0), 100), vec![0]);
        // Columns of unequal length are read as long as the shortest.
        assert_eq!(reduce_indices(&[0.2, 0.4], &[1.0], &[1.0], (0.0, 1.0), 100), vec![0]);
    }

    #[test]
    fn ranges_outside_the_data_keep_only_the_nearest_vertex() {
        let c = km_curve(1_000, 8);
        let last = c.x.len() - 1;
        assert_eq!(curve(&c, (-10.0, -1.0), 500), vec![0]);
        assert_eq!(curve(&c, (20.0, 30.0), 500), vec![last]);
        // A range between two vertices keeps just those two.
        let gap = c.x.windows(2).position(|p| p[1] - p[0] > 1e-3).unwrap();
        let mid = (c.x[gap] + c.x[gap + 1]) / 2.0;
        assert_eq!(curve(&c, (mid - 1e-6, mid + 1e-6), 500), vec![gap, gap + 1]);
    }

    #[test]
    fn degenerate_views_keep_nothing_or_one_column() {
        let c = km_curve(1_000, 9);
        for range in [(1.0, 1.0), (2.0, 1.0), (f64::NAN, 1.0), (0.0, f64::INFINITY)] {
            assert!(curve(&c, range, 500).is_empty(), "{range:?}");
        }
        // Zero width draws as one column: at most four vertices inside.
        let kept = curve(&c, (0.0, 10.0), 0);
        assert!(kept.len() <= 4 + 2);
        assert_eq!(kept.first(), Some(&0));
    }

    #[test]
    fn censor_marks_are_binned_per_cell_with_counts() {
        // Three marks in one cell, one alone, one outside the view.
        let marks = [(1.0, 0.505), (1.001, 0.5051), (1.002, 0.5049), (5.0, 0.2), (11.0, 0.1)];
        let v = Viewport { x: (0.0, 10.0), y: (0.0, 1.0), width_px: 100, height_px: 100 };
        let bins = censor_bins(&marks, &v);
        assert_eq!(bins.len(), 2);
        assert_eq!(bins[0].count, 3);
        assert_eq!(bins[0].at, (1.0, 0.505));
        assert_eq!(bins[0].x_span, (1.0, 1.002));
        assert_eq!((bins[1].count, bins[1].at), (1, (5.0, 0.2)));
        // Same column, rows far apart: separate bins, lower row first.
        let stacked = [(1.0, 0.9), (1.0, 0.1)];
        let bins = censor_bins(&stacked, &v);
        assert_eq!(bins.iter().map(|b| b.at).collect::<Vec<_>>(), vec![(1.0, 0.1), (1.0, 0.9)]);
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
        let all = Viewport { x: (0.0, 10.0), y: (0.0, 1.0), width_px: 50, height_px: 400 };
        let total: usize = censor_bins(&c.censor_marks, &all).iter().map(|b| b.count).sum();
        assert_eq!(total, c.censor_marks.len());
        assert!(censor_bins(&c.censor_marks, &Viewport { y: (1.0, 0.0), ..all }).is_empty());
    }
}
