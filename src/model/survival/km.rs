//! Kaplan–Meier estimation: the event table, Greenwood variance, pointwise
//! confidence bands, survival quantiles (median), restricted mean survival
//! time, conditional survival and the `KMunicate` risk table.
//!
//! Definitions follow lifelines 0.30 (`KaplanMeierFitter`) so results can be
//! checked against it:
//!
//! * the timeline is every distinct observed time plus 0;
//! * at a time with both events and censorings, the censored patients are
//!   still at risk for those events (they leave just after);
//! * `S(t) = exp(Σ ln((n - d) / n))` over event times up to `t` and the
//!   Greenwood sum is `Σ d / (n (n - d))`, taken as 0 where `n = d`;
//! * log(-log) bounds: `exp(-exp(ln(-ln S) ∓ z √gw / ln S))`, set to 1 where
//!   that is undefined (`S = 1`).

use serde::{Deserialize, Serialize};

use super::special::normal_quantile;
use super::{Record, SurvivalError};

/// How the pointwise confidence interval of `S(t)` is built from the
/// Greenwood variance. The transform matters most in the tails, where the
/// plain interval can leave [0, 1] and has poor coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CiTransform {
    /// Complementary log-log (`ln(-ln S)`) scale, lifelines' and Stata's
    /// default; always inside [0, 1] and well behaved near 0 and 1.
    #[default]
    LogLog,
    /// Linear scale, `S ∓ z S √gw`, clipped to [0, 1] as R `survfit` does.
    Plain,
    /// Log scale, `S exp(∓ z √gw)`, upper bound capped at 1 (R's default).
    Log,
}

/// Options that shape a fit's confidence band.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KmOptions {
    /// Scale on which the normal approximation is applied.
    pub transform: CiTransform,
    /// Two-sided confidence level, e.g. 0.95.
    pub level: f64,
}

impl Default for KmOptions {
    fn default() -> Self {
        Self { transform: CiTransform::LogLog, level: 0.95 }
    }
}

/// A survival-time quantile (the median by default) with its confidence
/// interval. `None` means the curve (or that bound of the band) never falls
/// to the quantile, reported as "not reached".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SurvivalQuantile {
    /// First time at which `S(t) ≤ q`.
    pub estimate: Option<f64>,
    /// First time at which the lower band is `≤ q`.
    pub lower: Option<f64>,
    /// First time at which the upper band is `≤ q`.
    pub upper: Option<f64>,
}

/// Probability of surviving to `target` given survival to `landmark`, with
/// its confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ConditionalSurvival {
    /// Time already survived.
    pub landmark: f64,
    /// Time the probability refers to.
    pub target: f64,
    /// `S(target) / S(landmark)`.
    pub estimate: f64,
    /// Lower confidence bound.
    pub lower: f64,
    /// Upper confidence bound.
    pub upper: f64,
}

/// One column of a KMunicate-style risk table.
///
/// Counts at time `t` partition the sample: `at_risk + events + censored`
/// equals the group size. This is lifelines' `add_at_risk_counts` default
/// (counts "at the end of the period"), which its documentation notes is
/// what `KMunicate` (Morris et al., BMJ Open 2019) recommends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskRow {
    /// Patients still under follow-up after `t`: observed time `> t`.
    pub at_risk: usize,
    /// Events observed at or before `t`.
    pub events: usize,
    /// Patients censored at or before `t`.
    pub censored: usize,
}

/// A fitted Kaplan–Meier curve with its event table and confidence band.
///
/// Every column holds one value per time of the timeline (0 and every
/// distinct observed time), so a lookup is a binary search on `times` and
/// the curve can be drawn or tabulated without refitting.
#[derive(Debug, Clone, PartialEq)]
pub struct KaplanMeier {
    times: Vec<f64>,
    /// Number with follow-up `≥ t`: at risk just before each time.
    at_risk: Vec<usize>,
    events: Vec<usize>,
    censored: Vec<usize>,
    survival: Vec<f64>,
    /// Cumulative Greenwood sum, `Var(S) ≈ S² × greenwood`.
    greenwood: Vec<f64>,
    lower: Vec<f64>,
    upper: Vec<f64>,
    options: KmOptions,
    /// Normal quantile of the confidence level (1.96 for 95 %).
    z: f64,
    total_events: usize,
}

impl KaplanMeier {
    /// Fits the curve: the records sorted by time, one row per distinct
    /// time, then one pass down the rows for survival, Greenwood sum and
    /// band.
    ///
    /// # Errors
    /// [`SurvivalError::Empty`] for no records, [`SurvivalError::InvalidTime`]
    /// for a negative or non-finite time, [`SurvivalError::InvalidLevel`] for
    /// a level outside (0, 1).
    pub fn fit(records: &[Record], options: KmOptions) -> Result<Self, SurvivalError> {
        if records.is_empty() {
            return Err(SurvivalError::Empty);
        }
        if !(options.level > 0.0 && options.level < 1.0) {
            return Err(SurvivalError::InvalidLevel(options.level));
        }
        if let Some((index, r)) =
            records.iter().enumerate().find(|(_, r)| !(r.time.is_finite() && r.time >= 0.0))
        {
            return Err(SurvivalError::InvalidTime { index, time: r.time });
        }
        // Adding 0.0 turns -0.0 into 0.0, which `total_cmp` would otherwise
        // sort before 0.0 and give a row of its own.
        let mut sorted: Vec<Record> = records.iter().map(|r| Record { time: r.time + 0.0, ..*r }).collect();
        sorted.sort_unstable_by(|a, b| a.time.total_cmp(&b.time));

        let n = sorted.len();
        // Time 0 heads the timeline even when nobody has it.
        let (mut times, mut at_risk, mut events, mut censored) = (vec![0.0], vec![n], vec![0], vec![0]);
        let mut remaining = n;
        for tied in sorted.chunk_by(|a, b| a.time == b.time) {
            let Some(first) = tied.first() else { continue };
            let d = tied.iter().filter(|r| r.event).count();
            // Records at time 0 fill the head row instead of adding one.
            if first.time > 0.0 {
                times.push(first.time);
                at_risk.push(remaining);
                events.push(0);
                censored.push(0);
            }
            if let (Some(e), Some(c)) = (events.last_mut(), censored.last_mut()) {
                (*e, *c) = (d, tied.len() - d);
            }
            remaining -= tied.len();
        }

        let z = normal_quantile(0.5 + options.level / 2.0);
        let rows = times.len();
        let (mut survival, mut greenwood) = (Vec::with_capacity(rows), Vec::with_capacity(rows));
        let (mut lower, mut upper) = (Vec::with_capacity(rows), Vec::with_capacity(rows));
        let (mut s, mut log_s, mut gw) = (1.0f64, 0.0f64, 0.0f64);
        for (&n, &d) in at_risk.iter().zip(&events) {
            if d > 0 {
                let hazard = d as f64 / n as f64;
                s *= 1.0 - hazard;
                // lifelines works with S = exp(Σ ln(1 - d/n)); its band
                // needs that logarithm, which is kept as a sum rather than
                // taken from the product, as lifelines does.
                log_s += (-hazard).ln_1p();
                gw += greenwood_term(n, d);
            }
            let (lo, hi) = band_with_log(options.transform, z, s, log_s, gw);
            survival.push(s);
            greenwood.push(gw);
            lower.push(lo);
            upper.push(hi);
        }
        let total_events = events.iter().sum();
        Ok(Self {
            times,
            at_risk,
            events,
            censored,
            survival,
            greenwood,
            lower,
            upper,
            options,
            z,
            total_events,
        })
    }

    /// Number of records fitted: everyone is at risk at time 0.
    #[must_use]
    pub fn len(&self) -> usize {
        self.at_risk.first().copied().unwrap_or(0)
    }

    /// Number of events among the records.
    #[must_use]
    pub fn total_events(&self) -> usize {
        self.total_events
    }

    /// Always `false`: a fit needs at least one record. Present so `len`
    /// has its conventional partner.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Options the band was computed with.
    #[must_use]
    pub fn options(&self) -> KmOptions {
        self.options
    }

    /// Timeline: 0 and every distinct observed time, ascending.
    #[must_use]
    pub fn times(&self) -> &[f64] {
        &self.times
    }

    /// Number at risk just before each timeline time (`time ≥ t`).
    pub fn at_risk(&self) -> impl ExactSizeIterator<Item = usize> + DoubleEndedIterator + Clone + '_ {
        self.at_risk.iter().copied()
    }

    /// Events at each timeline time.
    pub fn events(&self) -> impl ExactSizeIterator<Item = usize> + DoubleEndedIterator + Clone + '_ {
        self.events.iter().copied()
    }

    /// Censorings at each timeline time.
    pub fn censored(&self) -> impl ExactSizeIterator<Item = usize> + DoubleEndedIterator + Clone + '_ {
        self.censored.iter().copied()
    }

    /// `S(t)` at each timeline time (value just after any drop there).
    #[must_use]
    pub fn survival(&self) -> &[f64] {
        &self.survival
    }

    /// Cumulative Greenwood sum `Σ d / (n (n - d))` at each timeline time;
    /// `Var(S) ≈ S² × greenwood`.
    #[must_use]
    pub fn greenwood(&self) -> &[f64] {
        &self.greenwood
    }

    /// Lower confidence bound at each timeline time.
    #[must_use]
    pub fn lower(&self) -> &[f64] {
        &self.lower
    }

    /// Upper confidence bound at each timeline time.
    #[must_use]
    pub fn upper(&self) -> &[f64] {
        &self.upper
    }

    /// Index of the last timeline time `≤ t`, which is where the
    /// right-continuous step function takes its value.
    fn index_at(&self, t: f64) -> Option<usize> {
        self.times.partition_point(|&x| x <= t).checked_sub(1)
    }

    /// Number at risk just before `t` (follow-up `≥ t`) and events at `t`,
    /// for any `t`, not only the fit's own times: the log-rank test reads
    /// every group at every group's event times.
    pub(super) fn at_risk_and_events_at(&self, t: f64) -> (usize, usize) {
        // The first timeline time at or after `t`: nobody leaves between
        // `t` and it, so its at-risk count is the one just before `t`.
        let i = self.times.partition_point(|&x| x < t);
        let at_risk = self.at_risk.get(i).copied().unwrap_or(0);
        let events = if self.times.get(i) == Some(&t) { self.events.get(i).copied().unwrap_or(0) } else { 0 };
        (at_risk, events)
    }

    /// `S(t)`, right-continuous: a drop at `t` is already included.
    /// Before time 0 (or for NaN) survival is 1.
    #[must_use]
    pub fn survival_at(&self, t: f64) -> f64 {
        self.index_at(t).and_then(|i| self.survival.get(i).copied()).unwrap_or(1.0)
    }

    /// `S(t)` at each of `ts`.
    #[must_use]
    pub fn survival_at_times(&self, ts: &[f64]) -> Vec<f64> {
        ts.iter().map(|&t| self.survival_at(t)).collect()
    }

    /// Confidence bounds `(lower, upper)` of `S(t)`, right-continuous.
    #[must_use]
    pub fn interval_at(&self, t: f64) -> (f64, f64) {
        self.index_at(t).and_then(|i| Some((*self.lower.get(i)?, *self.upper.get(i)?))).unwrap_or((1.0, 1.0))
    }

    /// Median survival time with its confidence interval.
    ///
    /// Convention (lifelines `median_survival_times`, and the same function
    /// applied to the band columns as lifelines documents for the CI): the
    /// estimate is the first timeline time where `S(t) ≤ 0.5`; the lower and
    /// upper limits are the first times where the lower and the upper band
    /// are `≤ 0.5`. A curve whose last value is above 0.5 gives `None`
    /// ("not reached").
    #[must_use]
    pub fn median(&self) -> SurvivalQuantile {
        SurvivalQuantile {
            estimate: first_time_at_or_below(&self.times, &self.survival, 0.5),
            lower: first_time_at_or_below(&self.times, &self.lower, 0.5),
            upper: first_time_at_or_below(&self.times, &self.upper, 0.5),
        }
    }

    /// Time by which the survival probability has fallen to `q` (0.5 is the
    /// median), with the same convention as [`KaplanMeier::median`].
    ///
    /// # Errors
    /// [`SurvivalError::InvalidQuantile`] when `q` is not in (0, 1).
    pub fn quantile(&self, q: f64) -> Result<SurvivalQuantile, SurvivalError> {
        if !(q > 0.0 && q < 1.0) {
            return Err(SurvivalError::InvalidQuantile(q));
        }
        Ok(SurvivalQuantile {
            estimate: first_time_at_or_below(&self.times, &self.survival, q),
            lower: first_time_at_or_below(&self.times, &self.lower, q),
            upper: first_time_at_or_below(&self.times, &self.upper, q),
        })
    }

    /// Restricted mean survival time: the area under `S` from 0 to `tau`,
    /// i.e. the expected survival time within the horizon. Past the last
    /// observation `S` stays at its last value, as in lifelines.
    ///
    /// # Errors
    /// [`SurvivalError::InvalidHorizon`] for a negative or non-finite `tau`.
    pub fn rmst(&self, tau: f64) -> Result<f64, SurvivalError> {
        if !(tau.is_finite() && tau >= 0.0) {
            return Err(SurvivalError::InvalidHorizon(tau));
        }
        let mut area = 0.0;
        for (i, (&t, &s)) in self.times.iter().zip(&self.survival).enumerate() {
            if t > tau {
                break;
            }
            let next = self.times.get(i + 1).map_or(tau, |&u| u.min(tau));
            area += s * (next - t);
        }
        Ok(area)
    }

    /// Conditional survival `S(target | landmark) = S(target) / S(landmark)`:
    /// the chance of reaching `target` for a patient known to be alive at
    /// `landmark`.
    ///
    /// The interval applies the fit's transform to the Greenwood sum
    /// restricted to event times in `(landmark, target]`, which is the
    /// Greenwood variance of the conditional product-limit estimate
    /// computed from the patients still at risk after the landmark.
    ///
    /// # Errors
    /// [`SurvivalError::InvalidHorizon`] for negative or non-finite times,
    /// [`SurvivalError::TargetBeforeLandmark`] when `target < landmark`,
    /// [`SurvivalError::ZeroSurvivalAtLandmark`] when `S(landmark) = 0`.
    pub fn conditional_survival(
        &self,
        landmark: f64,
        target: f64,
    ) -> Result<ConditionalSurvival, SurvivalError> {
        for t in [landmark, target] {
            if !(t.is_finite() && t >= 0.0) {
                return Err(SurvivalError::InvalidHorizon(t));
            }
        }
        if target < landmark {
            return Err(SurvivalError::TargetBeforeLandmark { landmark, target });
        }
        let s0 = self.survival_at(landmark);
        if s0 <= 0.0 {
            return Err(SurvivalError::ZeroSurvivalAtLandmark(landmark));
        }
        let estimate = self.survival_at(target) / s0;
        // The Greenwood terms of the event times in (landmark, target].
        let rows = |t: f64| self.index_at(t).map_or(0, |i| i + 1);
        let (from, to) = (rows(landmark), rows(target));
        let terms = self.at_risk.iter().zip(&self.events).take(to).skip(from);
        let gw: f64 = terms.map(|(&n, &d)| greenwood_term(n, d)).sum();
        let (lower, upper) = band(self.options.transform, self.z, estimate, gw);
        Ok(ConditionalSurvival { landmark, target, estimate, lower, upper })
    }

    /// Risk-table counts at time `t` (see [`RiskRow`] for the convention).
    /// Before time 0 nobody has left follow-up yet.
    #[must_use]
    pub fn risk_at(&self, t: f64) -> RiskRow {
        let n = self.len();
        let Some(last) = self.index_at(t) else {
            return RiskRow { at_risk: n, events: 0, censored: 0 };
        };
        // Those still at risk at the next time are the ones left after `t`.
        let at_risk = self.at_risk.get(last + 1).copied().unwrap_or(0);
        let events: usize = self.events.iter().take(last + 1).sum();
        RiskRow { at_risk, events, censored: n.saturating_sub(at_risk + events) }
    }

    /// Risk-table counts at each of `times`, for one group; call it per
    /// group to build a multi-arm table.
    #[must_use]
    pub fn risk_table(&self, times: &[f64]) -> Vec<RiskRow> {
        times.iter().map(|&t| self.risk_at(t)).collect()
    }
}

/// One event time's term `d / (n (n - d))` of the Greenwood sum, 0 where
/// everyone at risk dies (where lifelines also takes it as 0).
fn greenwood_term(n: usize, d: usize) -> f64 {
    let (nf, df) = (n as f64, d as f64);
    if n > d { df / nf / (nf - df) } else { 0.0 }
}

/// Confidence bounds of a survival probability `s` with Greenwood sum `gw`.
fn band(transform: CiTransform, z: f64, s: f64, gw: f64) -> (f64, f64) {
    band_with_log(transform, z, s, s.ln(), gw)
}

/// As [`band`], with `ln s` supplied by the fit, which keeps it as lifelines
/// computes it (a sum of logarithms).
fn band_with_log(transform: CiTransform, z: f64, s: f64, log_s: f64, gw: f64) -> (f64, f64) {
    // A curve still at 1 has no band: both bounds are 1, as in lifelines.
    if s >= 1.0 {
        return (1.0, 1.0);
    }
    let se = gw.sqrt();
    match transform {
        CiTransform::LogLog => {
            // The normal interval of ln(-ln S), whose standard error is
            // se / |ln S|, mapped back through S = exp(-exp(·)).
            let a = z * se / log_s;
            let back = |x: f64| {
                let b = (-x.exp()).exp();
                // Undefined bounds are filled with 1, as lifelines fills them.
                if b.is_nan() { 1.0 } else { b }
            };
            let centre = (-log_s).ln();
            (back(centre - a), back(centre + a))
        }
        CiTransform::Plain => {
            let h = z * s * se;
            ((s - h).clamp(0.0, 1.0), (s + h).clamp(0.0, 1.0))
        }
        CiTransform::Log => {
            let e = (z * se).exp();
            (s / e, (s * e).min(1.0))
        }
    }
}

/// First time at which `values` is `≤ q`, or `None` when the last value is
/// above `q`.
///
/// This is lifelines' `qth_survival_time` exactly: a left-sided binary
/// search (`numpy.searchsorted`) of `-q` in `-values`. On a monotone curve
/// that is simply the first crossing; reproducing the bisection keeps the
/// answer identical even when a band column is not monotone.
fn first_time_at_or_below(times: &[f64], values: &[f64], q: f64) -> Option<f64> {
    let last = *values.last()?;
    if last > q {
        return None;
    }
    let (mut lo, mut hi) = (0usize, values.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let v = values.get(mid).copied().unwrap_or(f64::NEG_INFINITY);
        if -v < -q {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    times.get(lo).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Fixture {
        lifelines_version: String,
        cases: Vec<Case>,
    }

    #[derive(Deserialize)]
    struct Case {
        name: String,
        level: f64,
        times: Vec<f64>,
        events: Vec<bool>,
        timeline: Vec<f64>,
        survival: Vec<f64>,
        loglog_lower: Vec<f64>,
        loglog_upper: Vec<f64>,
        plain_lower: Vec<f64>,
        plain_upper: Vec<f64>,
        log_lower: Vec<f64>,
        log_upper: Vec<f64>,
        event_times: Vec<f64>,
        survival_at_event_times: Vec<f64>,
        query_times: Vec<f64>,
        survival_at_query: Vec<f64>,
        median: Option<f64>,
        median_lower: Option<f64>,
        median_upper: Option<f64>,
        rmst: Vec<(f64, f64)>,
        risk: Vec<(f64, usize, usize, usize)>,
        conditional: Vec<(f64, f64, f64, f64, f64)>,
    }

    fn fixture() -> Fixture {
        ron::from_str(include_str!("../../../tests/fixtures/survival/km_cases.ron")).unwrap()
    }

    fn records(c: &Case) -> Vec<Record> {
        c.times.iter().zip(&c.events).map(|(&time, &event)| Record { time, event }).collect()
    }

    fn fit(c: &Case, transform: CiTransform) -> KaplanMeier {
        KaplanMeier::fit(&records(c), KmOptions { transform, level: c.level }).unwrap()
    }

    fn assert_close(got: f64, want: f64, tol: f64, what: &str) {
        assert!((got - want).abs() <= tol, "{what}: got {got}, want {want} (diff {})", (got - want).abs());
    }

    #[test]
    fn fixtures_cover_several_cases() {
        let f = fixture();
        assert_eq!(f.lifelines_version, "0.30.3");
        assert!(f.cases.len() >= 10);
    }

    #[test]
    fn survival_matches_lifelines() {
        for c in fixture().cases {
            let km = fit(&c, CiTransform::LogLog);
            assert_eq!(km.times(), c.timeline.as_slice(), "{}: timeline", c.name);
            for (&t, &s) in c.timeline.iter().zip(&c.survival) {
                assert_close(km.survival_at(t), s, 1e-9, &format!("{} S({t})", c.name));
            }
            for (&t, &s) in c.event_times.iter().zip(&c.survival_at_event_times) {
                assert_close(km.survival_at(t), s, 1e-9, &format!("{} S({t})", c.name));
            }
            for (&t, &s) in c.query_times.iter().zip(&c.survival_at_query) {
                assert_close(km.survival_at(t), s, 1e-9, &format!("{} S({t})", c.name));
            }
        }
    }

    #[test]
    fn bands_match_lifelines_for_every_transform() {
        for c in fixture().cases {
            for (tr, lo, hi) in [
                (CiTransform::LogLog, &c.loglog_lower, &c.loglog_upper),
                (CiTransform::Plain, &c.plain_lower, &c.plain_upper),
                (CiTransform::Log, &c.log_lower, &c.log_upper),
            ] {
                let km = fit(&c, tr);
                for (i, &t) in c.timeline.iter().enumerate() {
                    let (l, u) = km.interval_at(t);
                    let what = format!("{} {tr:?} t={t}", c.name);
                    assert_close(l, lo[i], 1e-6, &what);
                    assert_close(u, hi[i], 1e-6, &what);
                }
            }
        }
    }

    #[test]
    fn median_and_its_interval_match_lifelines_exactly() {
        for c in fixture().cases {
            let m = fit(&c, CiTransform::LogLog).median();
            assert_eq!(m.estimate, c.median, "{} median", c.name);
            assert_eq!(m.lower, c.median_lower, "{} median lower", c.name);
            assert_eq!(m.upper, c.median_upper, "{} median upper", c.name);
        }
    }

    #[test]
    fn rmst_matches_lifelines() {
        for c in fixture().cases {
            let km = fit(&c, CiTransform::LogLog);
            for &(tau, want) in &c.rmst {
                assert_close(km.rmst(tau).unwrap(), want, 1e-9, &format!("{} rmst({tau})", c.name));
            }
        }
    }

    #[test]
    fn risk_table_matches_lifelines_add_at_risk_counts() {
        for c in fixture().cases {
            let km = fit(&c, CiTransform::LogLog);
            for &(t, at_risk, events, censored) in &c.risk {
                let row = km.risk_at(t);
                assert_eq!(row, RiskRow { at_risk, events, censored }, "{} risk at {t}", c.name);
                assert_eq!(row.at_risk + row.events + row.censored, c.times.len());
            }
        }
    }

    #[test]
    fn conditional_survival_matches_greenwood_formula() {
        for c in fixture().cases {
            let km = fit(&c, CiTransform::LogLog);
            for &(s, t, est, lo, hi) in &c.conditional {
                let cs = km.conditional_survival(s, t).unwrap();
                let what = format!("{} S({t}|{s})", c.name);
                assert_close(cs.estimate, est, 1e-9, &what);
                assert_close(cs.lower, lo, 1e-6, &what);
                assert_close(cs.upper, hi, 1e-6, &what);
            }
        }
    }

    #[test]
    fn ties_and_censoring_at_event_times() {
        // Censored at 2 stays at risk for the events at 2.
        let recs = [
            Record { time: 1.0, event: true },
            Record { time: 2.0, event: true },
            Record { time: 2.0, event: false },
            Record { time: 2.0, event: true },
            Record { time: 3.0, event: true },
        ];
        let km = KaplanMeier::fit(&recs, KmOptions::default()).unwrap();
        assert_eq!(km.times(), &[0.0, 1.0, 2.0, 3.0]);
        assert_eq!(km.at_risk().collect::<Vec<_>>(), [5, 5, 4, 1]);
        assert_eq!(km.events().collect::<Vec<_>>(), [0, 1, 2, 1]);
        assert_eq!(km.censored().collect::<Vec<_>>(), [0, 0, 1, 0]);
        assert_close(km.survival_at(2.0), 0.8 * 0.5, 1e-15, "S(2)");
        assert_close(km.survival_at(1.999), 0.8, 1e-15, "S(2-)");
        assert_close(km.survival_at(-1.0), 1.0, 0.0, "S(-1)");
        assert_close(km.survival_at(3.0), 0.0, 0.0, "S(3)");
    }

    #[test]
    fn invalid_input_is_rejected() {
        assert_eq!(KaplanMeier::fit(&[], KmOptions::default()), Err(SurvivalError::Empty));
        let bad = [Record { time: 1.0, event: true }, Record { time: -1.0, event: true }];
        assert_eq!(
            KaplanMeier::fit(&bad, KmOptions::default()),
            Err(SurvivalError::InvalidTime { index: 1, time: -1.0 })
        );
        let nan = [Record { time: f64::NAN, event: true }];
        assert!(KaplanMeier::fit(&nan, KmOptions::default()).is_err());
        let ok = [Record { time: 1.0, event: true }];
        let opts = KmOptions { level: 1.0, ..KmOptions::default() };
        assert_eq!(KaplanMeier::fit(&ok, opts), Err(SurvivalError::InvalidLevel(1.0)));
        let km = KaplanMeier::fit(&ok, KmOptions::default()).unwrap();
        assert!(km.rmst(f64::INFINITY).is_err());
        assert!(km.quantile(1.0).is_err());
        assert!(km.conditional_survival(2.0, 1.0).is_err());
        assert_eq!(km.conditional_survival(1.0, 2.0), Err(SurvivalError::ZeroSurvivalAtLandmark(1.0)));
    }

    /// The event table and curve by the textbook method: a comparison sort
    /// and one group of records per distinct time.
    struct Table {
        times: Vec<f64>,
        at_risk: Vec<usize>,
        events: Vec<usize>,
        censored: Vec<usize>,
        survival: Vec<f64>,
        greenwood: Vec<f64>,
    }

    fn reference(recs: &[Record]) -> Table {
        let mut sorted = recs.to_vec();
        sorted.sort_by(|a, b| a.time.total_cmp(&b.time));
        let (mut times, mut at_risk, mut events, mut censored, mut surv, mut gw) =
            (vec![0.0], vec![recs.len()], vec![0], vec![0], vec![1.0], vec![0.0]);
        let (mut n, mut s, mut g) = (recs.len(), 1.0, 0.0);
        for r in &sorted {
            if *times.last().unwrap() != r.time {
                times.push(r.time);
                at_risk.push(n);
                events.push(0);
                censored.push(0);
                surv.push(s);
                gw.push(g);
            }
            if r.event {
                *events.last_mut().unwrap() += 1;
            } else {
                *censored.last_mut().unwrap() += 1;
            }
            n -= 1;
        }
        for i in 0..times.len() {
            let (nf, df) = (at_risk[i] as f64, events[i] as f64);
            if df > 0.0 {
                s *= 1.0 - df / nf;
                if nf > df {
                    g += df / (nf * (nf - df));
                }
            }
            surv[i] = s;
            gw[i] = g;
        }
        Table { times, at_risk, events, censored, survival: surv, greenwood: gw }
    }

    #[test]
    fn large_fits_match_the_textbook_method() {
        let mut state = 7u64;
        let mut uniform = move || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        // Continuous times over many magnitudes, whole-day ties, and
        // records at time 0.
        let wide: Vec<Record> = (0..20_000)
            .map(|i| {
                let u = uniform();
                let time = match i % 10 {
                    0 => 0.0,
                    1..=3 => (u * 3650.0).floor(),
                    _ => u * u * 1e3 * 10f64.powi((i % 7) - 5),
                };
                Record { time, event: uniform() < 0.6 }
            })
            .collect();
        let days: Vec<Record> = (0..5_000)
            .map(|_| Record { time: (uniform() * 300.0).floor() + 1.0, event: uniform() < 0.5 })
            .collect();
        for recs in [wide, days] {
            let km = KaplanMeier::fit(&recs, KmOptions::default()).unwrap();
            let greenwood = km.greenwood();
            let Table { times, at_risk, events, censored, survival: surv, greenwood: gw } = reference(&recs);
            assert_eq!(km.times(), times.as_slice());
            assert_eq!(km.at_risk().collect::<Vec<_>>(), at_risk);
            assert_eq!(km.events().collect::<Vec<_>>(), events);
            assert_eq!(km.censored().collect::<Vec<_>>(), censored);
            for i in 0..times.len() {
                assert_close(km.survival()[i], surv[i], 1e-12, "S");
                assert_close(greenwood[i], gw[i], 1e-12 * gw[i].max(1.0), "Greenwood");
                let (lo, hi) = band(CiTransform::LogLog, km.z, surv[i], gw[i]);
                assert_close(km.lower()[i], lo, 1e-9, "lower");
                assert_close(km.upper()[i], hi, 1e-9, "upper");
            }
        }
    }

    #[test]
    fn negative_zero_time_is_time_zero() {
        let recs = [Record { time: -0.0, event: true }, Record { time: 1.0, event: false }];
        let km = KaplanMeier::fit(&recs, KmOptions::default()).unwrap();
        assert_eq!(km.times(), &[0.0, 1.0]);
        assert_close(km.survival_at(0.0), 0.5, 1e-15, "S(0)");
    }

    #[test]
    fn quantile_other_than_median() {
        let recs: Vec<Record> = (1..=10).map(|i| Record { time: f64::from(i), event: true }).collect();
        let km = KaplanMeier::fit(&recs, KmOptions::default()).unwrap();
        assert_eq!(km.quantile(0.25).unwrap().estimate, Some(8.0));
        assert_eq!(km.median().estimate, Some(5.0));
    }
}
