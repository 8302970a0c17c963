//! Plot-ready geometry of a Kaplan–Meier fit: the step curve and its band as
//! polylines with corners already inserted, censor marks, and the
//! sparse-data cut-off.
//!
//! The drawing layer only connects points with straight lines, so the model
//! decides where the curve stops: an estimate resting on a handful of
//! patients looks as authoritative as the rest of the curve unless it is
//! removed, which is what the `min_at_risk` guard is for.

use serde::{Deserialize, Serialize};

use super::km::KaplanMeier;

/// Options for building a step curve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlotOptions {
    /// Stop the curve once fewer than this many patients remain at risk;
    /// 0 disables the guard.
    pub min_at_risk: usize,
}

impl Default for PlotOptions {
    fn default() -> Self {
        Self { min_at_risk: 5 }
    }
}

/// Where and why the curve was cut short, so the UI can say "curve stops at
/// t = … where fewer than 5 remain at risk".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CurveCut {
    /// Last time drawn; after it fewer than `min_at_risk` remain.
    pub time: f64,
    /// Patients still at risk just after `time`.
    pub remaining: usize,
}

/// A Kaplan–Meier curve as polylines sharing one x array.
///
/// Each drop appears as two points with the same x (the corner before and
/// after), so `lower` and `upper` step in lock-step with `y` and can be
/// filled between without resampling.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepCurve {
    /// Times of the polyline vertices, non-decreasing.
    pub x: Vec<f64>,
    /// Survival at each vertex.
    pub y: Vec<f64>,
    /// Lower confidence bound at each vertex.
    pub lower: Vec<f64>,
    /// Upper confidence bound at each vertex.
    pub upper: Vec<f64>,
    /// `(time, survival)` of each distinct censoring time within the drawn
    /// range, placed on the curve (after any drop at that time).
    pub censor_marks: Vec<(f64, f64)>,
    /// Set when the sparse-data guard stopped the curve early.
    pub cut: Option<CurveCut>,
}

impl StepCurve {
    fn push(&mut self, x: f64, y: f64, lo: f64, hi: f64) {
        self.x.push(x);
        self.y.push(y);
        self.lower.push(lo);
        self.upper.push(hi);
    }
}

/// Turns a fit into a drawable step curve (see [`StepCurve`]).
///
/// The curve starts at (0, 1) and runs to the last observed time. With the
/// guard on, it stops at the time after which fewer than `min_at_risk`
/// patients remain, unless that is the last time anyway (the curve ends
/// there regardless, so nothing is hidden).
#[must_use]
pub fn step_curve(fit: &KaplanMeier, options: PlotOptions) -> StepCurve {
    let times = fit.times();
    let mut curve = StepCurve {
        x: Vec::with_capacity(2 * times.len() + 1),
        y: Vec::with_capacity(2 * times.len() + 1),
        lower: Vec::with_capacity(2 * times.len() + 1),
        upper: Vec::with_capacity(2 * times.len() + 1),
        censor_marks: Vec::new(),
        cut: None,
    };
    let mut prev = (1.0, 1.0, 1.0);
    curve.push(times.first().copied().unwrap_or(0.0), 1.0, 1.0, 1.0);
    let rows = times
        .iter()
        .zip(fit.survival())
        .zip(fit.lower().iter().zip(fit.upper()))
        .zip(fit.at_risk().zip(fit.events().zip(fit.censored())));
    let last = times.len().saturating_sub(1);
    for (j, (((&t, &s), (&lo, &hi)), (n, (d, c)))) in rows.enumerate() {
        if d > 0 {
            curve.push(t, prev.0, prev.1, prev.2);
            curve.push(t, s, lo, hi);
            prev = (s, lo, hi);
        }
        if c > 0 {
            curve.censor_marks.push((t, s));
        }
        let remaining = n.saturating_sub(d + c);
        if j < last && remaining < options.min_at_risk {
            if curve.x.last().is_some_and(|&x| x < t) {
                curve.push(t, s, lo, hi);
            }
            curve.cut = Some(CurveCut { time: t, remaining });
            break;
        }
        if j == last && curve.x.last().is_some_and(|&x| x < t) {
            curve.push(t, s, lo, hi);
        }
    }
    debug_assert_eq!(curve.x.len(), curve.y.len());
    debug_assert_eq!(curve.x.len(), curve.lower.len());
    debug_assert_eq!(curve.x.len(), curve.upper.len());
    curve
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::survival::{KmOptions, Record};

    fn fit(times: &[f64], events: &[bool]) -> KaplanMeier {
        let recs: Vec<Record> =
            times.iter().zip(events).map(|(&time, &event)| Record { time, event }).collect();
        KaplanMeier::fit(&recs, KmOptions::default()).unwrap()
    }

    #[test]
    fn steps_have_corners_and_bands_share_x() {
        let km = fit(&[1.0, 2.0, 2.0, 3.0, 4.0], &[true, true, false, false, true]);
        let c = step_curve(&km, PlotOptions { min_at_risk: 0 });
        assert_eq!(c.x.len(), c.y.len());
        assert_eq!(c.x.len(), c.lower.len());
        assert_eq!(c.x.len(), c.upper.len());
        assert_eq!(c.x, vec![0.0, 1.0, 1.0, 2.0, 2.0, 4.0, 4.0]);
        let s1 = 0.8;
        let s2 = 0.8 * 0.75;
        let want_y = [1.0, 1.0, s1, s1, s2, s2, 0.0];
        for (g, w) in c.y.iter().zip(want_y) {
            assert!((g - w).abs() < 1e-12);
        }
        assert_eq!(c.censor_marks.len(), 2);
        assert_eq!(c.censor_marks[0].0, 2.0);
        assert!((c.censor_marks[0].1 - s2).abs() < 1e-12);
        assert_eq!(c.censor_marks[1].0, 3.0);
        assert!(c.cut.is_none());
        for w in c.x.windows(2) {
            assert!(w[0] <= w[1]);
        }
        for i in 0..c.x.len() {
            assert!(c.lower[i] <= c.y[i] + 1e-12 && c.y[i] <= c.upper[i] + 1e-12);
        }
    }

    #[test]
    fn curve_extends_to_last_censoring() {
        let km = fit(&[1.0, 5.0], &[true, false]);
        let c = step_curve(&km, PlotOptions { min_at_risk: 0 });
        assert_eq!(c.x.last(), Some(&5.0));
        assert_eq!(c.y.last(), Some(&0.5));
    }

    #[test]
    fn sparse_tail_is_cut_where_fewer_than_five_remain() {
        // 8 patients; after t = 4, 4 remain.
        let times: Vec<f64> = (1..=8).map(f64::from).collect();
        let km = fit(&times, &[true; 8]);
        let c = step_curve(&km, PlotOptions::default());
        let cut = c.cut.unwrap();
        assert_eq!(cut.time, 4.0);
        assert_eq!(cut.remaining, 4);
        assert_eq!(c.x.last(), Some(&4.0));
        assert!((c.y.last().unwrap() - 0.5).abs() < 1e-12);
        assert_eq!(c.x.len(), c.upper.len());
    }

    #[test]
    fn cut_after_a_censoring_extends_flat_to_the_cut() {
        let mut times: Vec<f64> = (1..=6).map(f64::from).collect();
        times.push(10.0);
        let events = [true, false, false, true, true, true, true];
        let km = fit(&times, &events);
        let c = step_curve(&km, PlotOptions::default());
        // After t = 3 (censoring), 4 remain.
        assert_eq!(c.cut.map(|k| k.time), Some(3.0));
        assert_eq!(c.x.last(), Some(&3.0));
        assert_eq!(c.censor_marks.len(), 2);
    }

    #[test]
    fn small_sample_is_cut_at_start() {
        let km = fit(&[1.0, 2.0, 3.0], &[true, true, true]);
        let c = step_curve(&km, PlotOptions::default());
        assert_eq!(c.cut, Some(CurveCut { time: 0.0, remaining: 3 }));
        assert_eq!(c.x, vec![0.0]);
    }

    #[test]
    fn natural_end_is_not_a_cut() {
        let times: Vec<f64> = (1..=6).map(f64::from).collect();
        let km = fit(&times, &[false, false, false, false, false, true]);
        let c = step_curve(&km, PlotOptions { min_at_risk: 1 });
        assert!(c.cut.is_none());
        assert_eq!(c.x.last(), Some(&6.0));
        assert_eq!(c.y.last(), Some(&0.0));
    }
}
