//! Reconstruction of individual patient records from a published
//! Kaplan–Meier curve, following Guyot P, Ades AE, Ouwens MJ, Welton NJ.
//! "Enhanced secondary analysis of survival data: reconstructing the data
//! from published Kaplan-Meier survival curves". BMC Med Res Methodol
//! 2012;12:9.
//!
//! Inputs are digitized `(time, survival)` points, the published
//! numbers-at-risk table and, when reported, the total number of events.
//! Within each at-risk interval the number censored is guessed from the
//! drop in survival, spread evenly over the interval, and adjusted until the
//! number at risk at the start of the next interval matches the table; the
//! last interval (which has no closing count) assumes the average censoring
//! rate seen so far and is then adjusted to the total number of events.
//!
//! Conventions:
//! * a published count at time `t` is the number with follow-up `≥ t` (at
//!   risk at the start of the interval, as R `survfit` tables and the paper
//!   use); the report counts the reconstructed records the same way;
//! * censored patients are placed midway between consecutive digitized
//!   times, events at the digitized time where the drop was read, and those
//!   left at the end are censored at the last digitized time;
//! * rounding is half-to-even, like R's `round`, so results match the
//!   authors' R code.

use serde::{Deserialize, Serialize};

use super::Record;
use super::km::{KaplanMeier, KmOptions};

/// A point read off a published survival curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CurvePoint {
    /// Time coordinate.
    pub time: f64,
    /// Survival probability as a fraction in [0, 1].
    pub survival: f64,
}

/// One column of a published numbers-at-risk table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AtRiskPoint {
    /// Time of the column; the table's first column must be at 0.
    pub time: f64,
    /// Number at risk at that time.
    pub at_risk: usize,
}

/// Published versus reconstructed number at risk at one table time.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AtRiskComparison {
    /// Time of the table column.
    pub time: f64,
    /// Count printed in the publication.
    pub published: usize,
    /// Reconstructed records with follow-up `≥ time`.
    pub reconstructed: usize,
}

/// How faithfully the reconstruction reproduces the publication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReconstructionReport {
    /// Root-mean-square vertical distance between the digitized points and
    /// the Kaplan–Meier curve of the reconstructed records, evaluated at the
    /// digitized times. A point on a vertical drop counts as on the curve,
    /// since a digitizer clicks both ends of each drop at the same time.
    pub rmse: f64,
    /// Largest such distance.
    pub max_abs_error: f64,
    /// Number at risk at each published time, both ways.
    pub at_risk: Vec<AtRiskComparison>,
    /// Events in the reconstructed records.
    pub events: usize,
    /// Total events given as input, if any.
    pub published_events: Option<usize>,
}

/// Reconstructed records with their quality report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reconstruction {
    /// One record per patient of the published at-risk table at time 0.
    pub records: Vec<Record>,
    /// Agreement with the digitized curve and the at-risk table.
    pub report: ReconstructionReport,
}

/// Input that cannot be reconstructed from.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReconstructError {
    /// No digitized points.
    #[error("no digitized curve points")]
    NoPoints,
    /// No numbers-at-risk table.
    #[error("no numbers-at-risk table")]
    NoAtRisk,
    /// A point's time is negative or not finite.
    #[error("curve point {index}: time {time} is not a finite non-negative number")]
    InvalidPointTime {
        /// 0-based position in the input.
        index: usize,
        /// The offending value.
        time: f64,
    },
    /// A point's survival is outside [0, 1] or not finite.
    #[error("curve point {index}: survival {value} is outside [0, 1]")]
    SurvivalOutOfRange {
        /// 0-based position in the input.
        index: usize,
        /// The offending value.
        value: f64,
    },
    /// An at-risk time is negative or not finite.
    #[error("at-risk entry {index}: time {time} is not a finite non-negative number")]
    InvalidAtRiskTime {
        /// 0-based position in the input.
        index: usize,
        /// The offending value.
        time: f64,
    },
    /// At-risk times must be strictly increasing.
    #[error("at-risk entry {index}: time is not later than the previous entry")]
    AtRiskTimesNotIncreasing {
        /// 0-based position in the input.
        index: usize,
    },
    /// Numbers at risk can only fall over time.
    #[error("at-risk entry {index}: {count} at risk is more than the previous {previous}")]
    AtRiskCountIncreases {
        /// 0-based position in the input.
        index: usize,
        /// Count of the previous entry.
        previous: usize,
        /// The larger count.
        count: usize,
    },
    /// The table must start where the curve does, at time 0.
    #[error("the at-risk table starts at {0}, but it must start at time 0")]
    AtRiskDoesNotStartAtZero(f64),
    /// A table time after the last digitized point cannot be matched to the curve.
    #[error("at-risk time {time} is after the end of the digitized curve ({curve_end})")]
    AtRiskBeyondCurve {
        /// The table time.
        time: f64,
        /// Last digitized time.
        curve_end: f64,
    },
    /// Nobody at risk at time 0.
    #[error("the number at risk at time 0 is zero")]
    NoPatients,
    /// More events than patients.
    #[error("{events} total events is more than the {patients} patients at risk at time 0")]
    TooManyEvents {
        /// Given total events.
        events: usize,
        /// Patients at time 0.
        patients: usize,
    },
}

/// Safety cap on the adjustment loops; the published algorithm has none and
/// can cycle on contradictory inputs.
const MAX_ITERATIONS: usize = 1000;

/// Reconstructs individual records (see the module documentation).
///
/// The digitized points are cleaned first: sorted by time (higher survival
/// first within a time, i.e. top of a drop before its bottom), forced to be
/// non-increasing, and started at (0, 1). A point carrying the current
/// survival is added at each at-risk time that has none, so every interval
/// of the table contains points.
///
/// # Errors
/// See [`ReconstructError`].
pub fn reconstruct(
    points: &[CurvePoint],
    at_risk: &[AtRiskPoint],
    total_events: Option<usize>,
) -> Result<Reconstruction, ReconstructError> {
    let cleaned = clean_points(points)?;
    validate_at_risk(at_risk, total_events, &cleaned)?;
    let curve = with_at_risk_points(&cleaned, at_risk);
    let t: Vec<f64> = curve.iter().map(|p| p.time).collect();
    let s: Vec<f64> = curve.iter().map(|p| p.survival).collect();
    let table: Vec<(f64, i64)> =
        at_risk.iter().map(|a| (a.time, i64::try_from(a.at_risk).unwrap_or(i64::MAX))).collect();
    let (d, cen) = guyot(&t, &s, &table, total_events.map(|e| e as i64));
    let n0 = at_risk.first().map_or(0, |a| a.at_risk);
    let records = write_records(&t, &d, &cen, n0);
    let report = build_report(&records, &cleaned, at_risk, total_events);
    Ok(Reconstruction { records, report })
}

fn clean_points(points: &[CurvePoint]) -> Result<Vec<CurvePoint>, ReconstructError> {
    if points.is_empty() {
        return Err(ReconstructError::NoPoints);
    }
    for (index, p) in points.iter().enumerate() {
        if !(p.time.is_finite() && p.time >= 0.0) {
            return Err(ReconstructError::InvalidPointTime { index, time: p.time });
        }
        if !(p.survival.is_finite() && (0.0..=1.0).contains(&p.survival)) {
            return Err(ReconstructError::SurvivalOutOfRange { index, value: p.survival });
        }
    }
    let mut v = points.to_vec();
    v.sort_by(|a, b| a.time.total_cmp(&b.time).then(b.survival.total_cmp(&a.survival)));
    if v.first().is_none_or(|p| p.time > 0.0 || p.survival < 1.0) {
        v.insert(0, CurvePoint { time: 0.0, survival: 1.0 });
    }
    let mut running = 1.0f64;
    for p in &mut v {
        running = running.min(p.survival);
        p.survival = running;
        p.time += 0.0;
    }
    Ok(v)
}

fn validate_at_risk(
    at_risk: &[AtRiskPoint],
    total_events: Option<usize>,
    curve: &[CurvePoint],
) -> Result<(), ReconstructError> {
    let first = at_risk.first().ok_or(ReconstructError::NoAtRisk)?;
    let curve_end = curve.last().map_or(0.0, |p| p.time);
    for (index, a) in at_risk.iter().enumerate() {
        let time = a.time;
        if !(time.is_finite() && time >= 0.0) {
            return Err(ReconstructError::InvalidAtRiskTime { index, time });
        }
        if time > curve_end {
            return Err(ReconstructError::AtRiskBeyondCurve { time, curve_end });
        }
        if let Some(prev) = index.checked_sub(1).and_then(|i| at_risk.get(i)) {
            if time <= prev.time {
                return Err(ReconstructError::AtRiskTimesNotIncreasing { index });
            }
            if a.at_risk > prev.at_risk {
                return Err(ReconstructError::AtRiskCountIncreases {
                    index,
                    previous: prev.at_risk,
                    count: a.at_risk,
                });
            }
        }
    }
    if first.time > 0.0 {
        return Err(ReconstructError::AtRiskDoesNotStartAtZero(first.time));
    }
    if first.at_risk == 0 {
        return Err(ReconstructError::NoPatients);
    }
    if let Some(events) = total_events
        && events > first.at_risk
    {
        return Err(ReconstructError::TooManyEvents { events, patients: first.at_risk });
    }
    Ok(())
}

/// Adds a point at every at-risk time that has no digitized point, carrying
/// the survival of the last point before it.
fn with_at_risk_points(curve: &[CurvePoint], at_risk: &[AtRiskPoint]) -> Vec<CurvePoint> {
    let mut out = curve.to_vec();
    for a in at_risk {
        let t = a.time;
        let pos = out.partition_point(|p| p.time < t);
        if out.get(pos).is_some_and(|p| p.time == t) {
            continue;
        }
        let survival = pos.checked_sub(1).and_then(|i| out.get(i)).map_or(1.0, |p| p.survival);
        out.insert(pos, CurvePoint { time: t, survival });
    }
    out
}

fn round_i(x: f64) -> i64 {
    let r = x.round_ties_even();
    if r.is_finite() { r as i64 } else { 0 }
}

fn get_f(v: &[f64], i: usize) -> f64 {
    v.get(i).copied().unwrap_or(0.0)
}

fn get_i(v: &[i64], i: usize) -> i64 {
    v.get(i).copied().unwrap_or(0)
}

fn set_i(v: &mut [i64], i: usize, x: i64) {
    if let Some(slot) = v.get_mut(i) {
        *slot = x;
    }
}

/// Spreads `count` censorings evenly over `(t[from], t[to])` and counts
/// them into `cen[from..to]`, bin `k` being `(t[k], t[k+1]]` (R's `hist`).
fn distribute_censoring(t: &[f64], cen: &mut [i64], from: usize, to: usize, count: i64) {
    for k in from..to {
        set_i(cen, k, 0);
    }
    if count <= 0 || to <= from {
        return;
    }
    let (start, end) = (get_f(t, from), get_f(t, to));
    let breaks = t.get(from..=to).unwrap_or(&[]);
    for j in 1..=count {
        let c = start + (j as f64) * (end - start) / ((count + 1) as f64);
        let below = breaks.partition_point(|&b| b < c);
        let bin = from + below.saturating_sub(1).min(to - from - 1);
        if let Some(slot) = cen.get_mut(bin) {
            *slot += 1;
        }
    }
}

/// Deaths at point `k` so the reconstructed curve follows the digitized one.
fn deaths(n_hat: i64, s_k: f64, km_last: f64) -> i64 {
    if n_hat <= 0 || km_last <= 0.0 {
        return 0;
    }
    round_i(n_hat as f64 * (1.0 - s_k / km_last)).clamp(0, n_hat)
}

fn km_step(km_last: f64, d: i64, n_hat: i64) -> f64 {
    if n_hat > 0 { km_last * (1.0 - d as f64 / n_hat as f64) } else { km_last }
}

/// The published algorithm on cleaned points `(t, s)` and table
/// `(time, count)`; returns events and censorings per point.
#[expect(
    clippy::too_many_lines,
    reason = "kept as one function to mirror the published algorithm step by step"
)]
fn guyot(t: &[f64], s: &[f64], table: &[(f64, i64)], total_events: Option<i64>) -> (Vec<i64>, Vec<i64>) {
    let npts = t.len();
    let nint = table.len();
    let mut n_risk: Vec<i64> = table.iter().map(|&(_, n)| n).collect();
    let lower: Vec<usize> = table.iter().map(|&(ti, _)| t.partition_point(|&x| x < ti)).collect();
    let mut upper: Vec<usize> = lower.iter().skip(1).map(|&l| l.saturating_sub(1)).collect();
    upper.push(npts.saturating_sub(1));

    let n0 = get_i(&n_risk, 0);
    let mut n_censor = vec![0i64; nint];
    let mut n_hat = vec![n0 + 1; npts + 1];
    let mut cen = vec![0i64; npts];
    let mut d = vec![0i64; npts];
    let mut km_hat = vec![1.0f64; npts];
    let mut last_i = vec![0usize; nint];
    let mut last = 0usize;

    for i in 0..nint.saturating_sub(1) {
        let lo = lower.get(i).copied().unwrap_or(0);
        let up = upper.get(i).copied().unwrap_or(0);
        let lo_next = lower.get(i + 1).copied().unwrap_or(0);
        let ratio = if get_f(s, lo) > 0.0 { get_f(s, lo_next) / get_f(s, lo) } else { 0.0 };
        let target = get_i(&n_risk, i + 1);
        set_i(&mut n_censor, i, round_i(get_i(&n_risk, i) as f64 * ratio - target as f64));
        for _ in 0..MAX_ITERATIONS {
            let nc = get_i(&n_censor, i).max(0);
            set_i(&mut n_censor, i, nc);
            distribute_censoring(t, &mut cen, lo, up + 1, nc);
            set_i(&mut n_hat, lo, get_i(&n_risk, i));
            last = last_i.get(i).copied().unwrap_or(0);
            for k in lo..=up {
                if i == 0 && k == lo {
                    set_i(&mut d, k, 0);
                    if let Some(x) = km_hat.get_mut(k) {
                        *x = 1.0;
                    }
                } else {
                    let km_last = get_f(&km_hat, last);
                    let dk = deaths(get_i(&n_hat, k), get_f(s, k), km_last);
                    set_i(&mut d, k, dk);
                    if let Some(x) = km_hat.get_mut(k) {
                        *x = km_step(km_last, dk, get_i(&n_hat, k));
                    }
                }
                let next = get_i(&n_hat, k) - get_i(&d, k) - get_i(&cen, k);
                set_i(&mut n_hat, k + 1, next);
                if get_i(&d, k) != 0 {
                    last = k;
                }
            }
            let reached = get_i(&n_hat, lo_next);
            let adjusted = get_i(&n_censor, i) + reached - target;
            set_i(&mut n_censor, i, adjusted);
            if !(reached > target || (reached < target && adjusted > 0)) {
                break;
            }
        }
        let reached = get_i(&n_hat, lo_next);
        if reached < target {
            set_i(&mut n_risk, i + 1, reached);
        }
        if let Some(x) = last_i.get_mut(i + 1) {
            *x = last;
        }
    }

    // Final interval: no closing count, so assume the average censoring
    // rate of the earlier intervals.
    let f = nint.saturating_sub(1);
    let lo = lower.get(f).copied().unwrap_or(0);
    let up = upper.get(f).copied().unwrap_or(0);
    let n_f = get_i(&n_risk, f);
    let mut nc_final = if nint > 1 {
        let span_before =
            get_f(t, upper.get(f - 1).copied().unwrap_or(0)) - get_f(t, lower.first().copied().unwrap_or(0));
        let censored_before: i64 = n_censor.iter().take(f).sum();
        if span_before > 0.0 {
            round_i(censored_before as f64 * (get_f(t, up) - get_f(t, lo)) / span_before).min(n_f)
        } else {
            0
        }
    } else {
        0
    };
    nc_final = nc_final.max(0);
    distribute_censoring(t, &mut cen, lo, up, nc_final);

    let run_final = |cen: &mut Vec<i64>,
                     d: &mut Vec<i64>,
                     n_hat: &mut Vec<i64>,
                     km_hat: &mut Vec<f64>,
                     clamp_last: bool| {
        set_i(n_hat, lo, n_f);
        let mut last = last_i.get(f).copied().unwrap_or(0);
        for k in lo..=up {
            let km_last = get_f(km_hat, last);
            let nk = get_i(n_hat, k);
            let dk = deaths(nk, get_f(s, k), km_last);
            set_i(d, k, dk);
            if let Some(x) = km_hat.get_mut(k) {
                *x = km_step(km_last, dk, nk);
            }
            if clamp_last || k != up {
                let next = nk - dk - get_i(cen, k);
                if next < 0 {
                    set_i(n_hat, k + 1, 0);
                    set_i(cen, k, nk - dk);
                } else {
                    set_i(n_hat, k + 1, next);
                }
            }
            if dk != 0 {
                last = k;
            }
        }
    };
    run_final(&mut cen, &mut d, &mut n_hat, &mut km_hat, true);

    if let Some(total) = total_events {
        let mut sum_before = 0i64;
        if nint > 1 {
            let up_before = upper.get(f - 1).copied().unwrap_or(0);
            sum_before = d.iter().take(up_before + 1).sum();
            if sum_before >= total {
                for k in lo..=up {
                    set_i(&mut d, k, 0);
                }
                for k in lo..up {
                    set_i(&mut cen, k, 0);
                }
                for k in (lo + 1)..=(up + 1) {
                    set_i(&mut n_hat, k, n_f);
                }
            }
        }
        if sum_before < total || nint == 1 {
            let mut sumd: i64 = d.iter().take(up + 1).sum();
            for _ in 0..MAX_ITERATIONS {
                if !(sumd > total || (sumd < total && nc_final > 0)) {
                    break;
                }
                nc_final += sumd - total;
                nc_final = nc_final.max(0);
                distribute_censoring(t, &mut cen, lo, up, nc_final);
                run_final(&mut cen, &mut d, &mut n_hat, &mut km_hat, false);
                sumd = d.iter().take(up + 1).sum();
            }
        }
    }
    (d, cen)
}

/// Turns per-point counts into records: events at their point, censorings
/// midway to the next point, everyone left censored at the last point.
fn write_records(t: &[f64], d: &[i64], cen: &[i64], n: usize) -> Vec<Record> {
    let mut out = Vec::with_capacity(n);
    for (&tk, &dk) in t.iter().zip(d) {
        for _ in 0..dk.max(0) {
            out.push(Record { time: tk, event: true });
        }
    }
    for (k, &ck) in cen.iter().enumerate().take(t.len().saturating_sub(1)) {
        let mid = 0.5 * (get_f(t, k) + get_f(t, k + 1));
        for _ in 0..ck.max(0) {
            out.push(Record { time: mid, event: false });
        }
    }
    out.truncate(n);
    let end = t.last().copied().unwrap_or(0.0);
    while out.len() < n {
        out.push(Record { time: end, event: false });
    }
    out
}

fn build_report(
    records: &[Record],
    cleaned: &[CurvePoint],
    at_risk: &[AtRiskPoint],
    total_events: Option<usize>,
) -> ReconstructionReport {
    let mut sq = 0.0;
    let mut max_err = 0.0f64;
    let mut count = 0usize;
    if let Ok(km) = KaplanMeier::fit(records, KmOptions::default()) {
        for p in cleaned {
            let right = km.survival_at(p.time);
            let left = km
                .times()
                .partition_point(|&x| x < p.time)
                .checked_sub(1)
                .and_then(|i| km.survival().get(i).copied())
                .unwrap_or(1.0);
            let err = if p.survival > left {
                p.survival - left
            } else if p.survival < right {
                right - p.survival
            } else {
                0.0
            };
            sq += err * err;
            max_err = max_err.max(err);
            count += 1;
        }
    }
    let rmse = if count > 0 { (sq / count as f64).sqrt() } else { 0.0 };
    let mut times: Vec<f64> = records.iter().map(|r| r.time).collect();
    times.sort_by(f64::total_cmp);
    let comparison = at_risk
        .iter()
        .map(|a| {
            let t = a.time;
            AtRiskComparison {
                time: t,
                published: a.at_risk,
                reconstructed: times.len() - times.partition_point(|&x| x < t),
            }
        })
        .collect();
    ReconstructionReport {
        rmse,
        max_abs_error: max_err,
        at_risk: comparison,
        events: records.iter().filter(|r| r.event).count(),
        published_events: total_events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::survival::splitmix::SplitMix64;

    fn round3(x: f64) -> f64 {
        (x * 1000.0).round() / 1000.0
    }

    /// Trial-like data: exponential events (median 12), uniform censoring
    /// over 0–36, administrative cut-off at 30.
    fn simulated(n: usize, seed: u64) -> Vec<Record> {
        let mut rng = SplitMix64(seed);
        (0..n)
            .map(|_| {
                let event_t = -rng.uniform_open().ln() * 12.0 / std::f64::consts::LN_2;
                let cens_t = (rng.uniform_open() * 36.0).min(30.0);
                let time = round3(event_t.min(cens_t));
                Record { time, event: event_t <= cens_t }
            })
            .collect()
    }

    /// What a digitizer produces: both corners of every drop plus a few
    /// points along flat stretches, survival rounded to 3 decimals.
    fn digitize(km: &KaplanMeier) -> Vec<CurvePoint> {
        let mut pts = Vec::new();
        let mut prev = 1.0;
        let mut prev_t = 0.0;
        for ((&t, &s), d) in km.times().iter().zip(km.survival()).zip(km.events()) {
            if d == 0 {
                continue;
            }
            if t - prev_t > 2.0 {
                pts.push(CurvePoint { time: round3(0.5 * (t + prev_t)), survival: round3(prev) });
            }
            pts.push(CurvePoint { time: round3(t), survival: round3(prev) });
            pts.push(CurvePoint { time: round3(t), survival: round3(s) });
            prev = s;
            prev_t = t;
        }
        let end = *km.times().last().unwrap();
        pts.push(CurvePoint { time: end, survival: round3(prev) });
        pts
    }

    fn at_risk_table(records: &[Record], every: f64, until: f64) -> Vec<AtRiskPoint> {
        let mut out = Vec::new();
        let mut t = 0.0;
        while t <= until {
            let n = records.iter().filter(|r| r.time >= t).count();
            out.push(AtRiskPoint { time: t, at_risk: n });
            t += every;
        }
        out
    }

    #[test]
    fn reconstructs_a_simulated_trial_curve() {
        for (n, seed) in [(300, 1u64), (120, 2), (600, 3)] {
            let truth = simulated(n, seed);
            let km = KaplanMeier::fit(&truth, KmOptions::default()).unwrap();
            let pts = digitize(&km);
            let table = at_risk_table(&truth, 3.0, 27.0);
            let events = truth.iter().filter(|r| r.event).count();
            let rec = reconstruct(&pts, &table, Some(events)).unwrap();
            assert_eq!(rec.records.len(), n);
            let rep = &rec.report;
            assert!(rep.rmse < 0.02, "n={n}: rmse {}", rep.rmse);
            assert!(rep.max_abs_error < 0.05, "n={n}: max error {}", rep.max_abs_error);
            for c in &rep.at_risk {
                assert!(
                    c.published.abs_diff(c.reconstructed) <= 1,
                    "n={n}: at risk at {}: {} vs {}",
                    c.time,
                    c.published,
                    c.reconstructed
                );
            }
            assert!(rep.events.abs_diff(events) <= 1, "n={n}: events {} vs {events}", rep.events);
            // The reconstructed median is close to the true one.
            let rkm = KaplanMeier::fit(&rec.records, KmOptions::default()).unwrap();
            let (a, b) = (km.median().estimate.unwrap(), rkm.median().estimate.unwrap());
            assert!((a - b).abs() < 1.0, "n={n}: median {a} vs {b}");
        }
    }

    #[test]
    fn works_without_total_events_and_with_one_interval() {
        let truth = simulated(200, 9);
        let km = KaplanMeier::fit(&truth, KmOptions::default()).unwrap();
        let pts = digitize(&km);
        let table = [AtRiskPoint { time: 0.0, at_risk: 200 }];
        let rec = reconstruct(&pts, &table, None).unwrap();
        assert_eq!(rec.records.len(), 200);
        assert!(rec.report.rmse < 0.02, "rmse {}", rec.report.rmse);
        let rec2 = reconstruct(&pts, &at_risk_table(&truth, 5.0, 25.0), None).unwrap();
        assert!(rec2.report.rmse < 0.02, "rmse {}", rec2.report.rmse);
    }

    #[test]
    fn cleaning_sorts_clamps_and_starts_at_one() {
        let pts = [
            CurvePoint { time: 2.0, survival: 0.5 },
            CurvePoint { time: 1.0, survival: 0.8 },
            CurvePoint { time: 3.0, survival: 0.6 },
        ];
        let c = clean_points(&pts).unwrap();
        let got: Vec<(f64, f64)> = c.iter().map(|p| (p.time, p.survival)).collect();
        assert_eq!(got, vec![(0.0, 1.0), (1.0, 0.8), (2.0, 0.5), (3.0, 0.5)]);
    }

    #[test]
    fn simple_curve_is_reproduced_exactly() {
        // 10 patients, one death at each of 1..=5, no censoring until 5.
        let mut pts = vec![CurvePoint { time: 0.0, survival: 1.0 }];
        for k in 1..=5 {
            pts.push(CurvePoint { time: f64::from(k), survival: 1.0 - f64::from(k - 1) / 10.0 });
            pts.push(CurvePoint { time: f64::from(k), survival: 1.0 - f64::from(k) / 10.0 });
        }
        let table = [AtRiskPoint { time: 0.0, at_risk: 10 }, AtRiskPoint { time: 3.0, at_risk: 8 }];
        let rec = reconstruct(&pts, &table, Some(5)).unwrap();
        assert_eq!(rec.report.events, 5);
        assert!(rec.report.rmse < 1e-12, "rmse {}", rec.report.rmse);
        assert_eq!(rec.report.at_risk[1].reconstructed, 8);
    }

    #[test]
    fn bad_input_gives_typed_errors() {
        let ok_pts = [CurvePoint { time: 1.0, survival: 0.9 }, CurvePoint { time: 5.0, survival: 0.5 }];
        let ok_table = [AtRiskPoint { time: 0.0, at_risk: 10 }];
        assert_eq!(reconstruct(&[], &ok_table, None), Err(ReconstructError::NoPoints));
        assert_eq!(reconstruct(&ok_pts, &[], None), Err(ReconstructError::NoAtRisk));
        let bad = [CurvePoint { time: 1.0, survival: 1.2 }];
        assert_eq!(
            reconstruct(&bad, &ok_table, None),
            Err(ReconstructError::SurvivalOutOfRange { index: 0, value: 1.2 })
        );
        let neg = [CurvePoint { time: -1.0, survival: 0.5 }];
        assert!(matches!(
            reconstruct(&neg, &ok_table, None),
            Err(ReconstructError::InvalidPointTime { index: 0, .. })
        ));
        let late = [AtRiskPoint { time: 1.0, at_risk: 10 }];
        assert_eq!(reconstruct(&ok_pts, &late, None), Err(ReconstructError::AtRiskDoesNotStartAtZero(1.0)));
        let beyond = [AtRiskPoint { time: 0.0, at_risk: 10 }, AtRiskPoint { time: 6.0, at_risk: 2 }];
        assert_eq!(
            reconstruct(&ok_pts, &beyond, None),
            Err(ReconstructError::AtRiskBeyondCurve { time: 6.0, curve_end: 5.0 })
        );
        let rising = [AtRiskPoint { time: 0.0, at_risk: 10 }, AtRiskPoint { time: 2.0, at_risk: 12 }];
        assert_eq!(
            reconstruct(&ok_pts, &rising, None),
            Err(ReconstructError::AtRiskCountIncreases { index: 1, previous: 10, count: 12 })
        );
        let repeated = [AtRiskPoint { time: 0.0, at_risk: 10 }, AtRiskPoint { time: 0.0, at_risk: 9 }];
        assert_eq!(
            reconstruct(&ok_pts, &repeated, None),
            Err(ReconstructError::AtRiskTimesNotIncreasing { index: 1 })
        );
        let zero = [AtRiskPoint { time: 0.0, at_risk: 0 }];
        assert_eq!(reconstruct(&ok_pts, &zero, None), Err(ReconstructError::NoPatients));
        assert_eq!(
            reconstruct(&ok_pts, &ok_table, Some(11)),
            Err(ReconstructError::TooManyEvents { events: 11, patients: 10 })
        );
    }
}
