//! The checks a reconstruction must pass before it is kept. A reconstruction
//! is only as good as its trace and its table, and Guyot's algorithm always
//! returns records, even from a trace of the wrong line or a table on the
//! wrong unit; so the records are held against everything known about the
//! figure: the traced curve, the printed numbers at risk, the published total
//! events, and what a Kaplan–Meier curve must do (it only drops where someone
//! died; a curve that never drops while the numbers at risk fall to half is
//! not a curve of those patients).

use std::fmt;

use crate::model::l10n;
use crate::model::survival::{AtRiskComparison, AtRiskPoint, CurvePoint, ReconstructionReport, Record};

/// Which check failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// The reconstructed numbers at risk are the printed ones.
    AtRisk,
    /// The reconstructed curve follows the traced one.
    Trace,
    /// The reconstructed events are the published total.
    Events,
    /// Every drop of the trace has a death.
    DropsHaveDeaths,
    /// A flat curve does not come with numbers at risk that fall by half.
    FlatCurve,
}

impl Check {
    /// The check's name, as messages cite it.
    pub fn name(self) -> String {
        l10n::en(
            match self {
                Self::Trace => "check-name-trace",
                Self::AtRisk => "check-name-at-risk",
                Self::Events => "check-name-events",
                Self::DropsHaveDeaths => "check-name-drops",
                Self::FlatCurve => "check-name-flat",
            },
            &[],
        )
    }
}

/// A failed check and what was found.
#[derive(Clone, Debug, PartialEq)]
pub struct FailedCheck {
    /// Which check.
    pub check: Check,
    /// What contradicts what, with the numbers.
    pub detail: String,
}

impl fmt::Display for FailedCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&l10n::en_words(
            "check-failed",
            &[("check", self.check.name()), ("detail", self.detail.clone())],
        ))
    }
}

impl std::error::Error for FailedCheck {}

/// Largest RMSE (survival 0–1) between the trace and the reconstruction
/// that is kept: the accuracy the digitizer promises against the truth.
pub const MAX_RMSE: f64 = 0.02;
/// Largest single error between the trace and the reconstruction.
pub const MAX_ERROR: f64 = 0.05;
/// Above this RMSE (or half [`MAX_ERROR`]) a kept curve says its error in
/// its name, so the legend shows it wherever the curve is drawn.
pub const NOTABLE_RMSE: f64 = 0.01;

/// Published and reconstructed counts may differ by this many patients (or
/// 5 % of the published count) before the table and the trace disagree:
/// rounding of a printed curve.
pub const AT_RISK_SLACK: usize = 2;

/// Whether a published count and its reconstruction disagree beyond rounding.
pub fn at_risk_contradicts(c: &AtRiskComparison) -> bool {
    c.published.abs_diff(c.reconstructed) > AT_RISK_SLACK.max(c.published / 20)
}

/// Whether a reconstruction's error is large enough to be named with it.
pub fn notable_error(report: &ReconstructionReport) -> bool {
    report.rmse > NOTABLE_RMSE || report.max_abs_error > MAX_ERROR / 2.0
}

/// Every check a reconstruction fails, in the order of [`Check`].
/// `points` are the traced points, `time_slack` how far (in time) a drop's
/// death may sit from where the drop was traced (about two pixels).
pub fn failed_checks(
    points: &[CurvePoint],
    at_risk: &[AtRiskPoint],
    total_events: Option<usize>,
    records: &[Record],
    report: &ReconstructionReport,
    time_slack: f64,
) -> Vec<FailedCheck> {
    let mut failed = Vec::new();
    if let Some(c) = report.at_risk.iter().find(|c| at_risk_contradicts(c)) {
        failed.push(FailedCheck {
            check: Check::AtRisk,
            detail: l10n::en_words(
                "check-at-risk",
                &[
                    ("time", crate::model::evidence::trim_number(c.time)),
                    ("published", c.published.to_string()),
                    ("reconstructed", c.reconstructed.to_string()),
                ],
            ),
        });
    }
    if report.rmse > MAX_RMSE || report.max_abs_error > MAX_ERROR {
        failed.push(FailedCheck {
            check: Check::Trace,
            detail: l10n::en_words(
                "check-trace",
                &[
                    ("rmse", format!("{:.3}", report.rmse)),
                    ("max", format!("{:.3}", report.max_abs_error)),
                    ("max-rmse", MAX_RMSE.to_string()),
                    ("max-error", MAX_ERROR.to_string()),
                ],
            ),
        });
    }
    if let Some(published) = total_events
        && published != report.events
    {
        failed.push(FailedCheck {
            check: Check::Events,
            detail: l10n::en_words(
                "check-events",
                &[("published", published.to_string()), ("events", report.events.to_string())],
            ),
        });
    }
    if let Some(detail) = drop_without_death(points, records, time_slack) {
        failed.push(FailedCheck { check: Check::DropsHaveDeaths, detail });
    }
    if let Some(detail) = flat_with_falling_table(points, at_risk, report) {
        failed.push(FailedCheck { check: Check::FlatCurve, detail });
    }
    failed
}

/// The first drop of the trace that no reconstructed death explains: a drop
/// of at least half a death's step (survival over the number at risk) with
/// no death within `time_slack` of it.
fn drop_without_death(points: &[CurvePoint], records: &[Record], time_slack: f64) -> Option<String> {
    let mut level = 1.0f64;
    let mut deaths: Vec<f64> = records.iter().filter(|r| r.event).map(|r| r.time).collect();
    deaths.sort_by(f64::total_cmp);
    for p in points {
        let drop = level - p.survival;
        if drop > 0.0 {
            let at_risk = records.iter().filter(|r| r.time >= p.time - time_slack).count();
            let one_death = if at_risk > 0 { level / at_risk as f64 } else { f64::INFINITY };
            let near = deaths.iter().any(|&d| (d - p.time).abs() <= time_slack.max(1e-9));
            if drop >= 0.5 * one_death && drop >= 0.01 && !near {
                return Some(l10n::en_words(
                    "check-drop",
                    &[
                        ("from", format!("{level:.3}")),
                        ("to", format!("{:.3}", p.survival)),
                        ("time", crate::model::evidence::trim_number((p.time * 1000.0).round() / 1000.0)),
                    ],
                ));
            }
        }
        level = level.min(p.survival);
    }
    None
}

/// A trace that never drops, against a table that falls to less than half:
/// a trace of the wrong line, or a table on another unit.
fn flat_with_falling_table(
    points: &[CurvePoint],
    at_risk: &[AtRiskPoint],
    report: &ReconstructionReport,
) -> Option<String> {
    let lowest = points.iter().map(|p| p.survival).fold(1.0, f64::min);
    let (first, last) = (at_risk.first()?, at_risk.last()?);
    (lowest > 0.995 && report.events == 0 && last.at_risk * 2 < first.at_risk).then(|| {
        l10n::en_words(
            "check-flat",
            &[("first", first.at_risk.to_string()), ("last", last.at_risk.to_string())],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(rmse: f64, max: f64, events: usize) -> ReconstructionReport {
        ReconstructionReport {
            rmse,
            max_abs_error: max,
            at_risk: vec![AtRiskComparison { time: 0.0, published: 10, reconstructed: 10 }],
            events,
            published_events: None,
        }
    }

    fn pt(time: f64, survival: f64) -> CurvePoint {
        CurvePoint { time, survival }
    }

    fn table() -> Vec<AtRiskPoint> {
        vec![AtRiskPoint { time: 0.0, at_risk: 10 }, AtRiskPoint { time: 5.0, at_risk: 4 }]
    }

    fn checks(failed: &[FailedCheck]) -> Vec<Check> {
        failed.iter().map(|f| f.check).collect()
    }

    #[test]
    fn a_faithful_reconstruction_passes() {
        let points = [pt(0.0, 1.0), pt(2.0, 1.0), pt(2.0, 0.9), pt(6.0, 0.9)];
        let mut records = vec![Record { time: 2.0, event: true }];
        records.extend((0..9).map(|_| Record { time: 6.0, event: false }));
        let failed = failed_checks(&points, &table(), Some(1), &records, &report(0.001, 0.002, 1), 0.05);
        assert!(failed.is_empty(), "{failed:?}");
        assert!(!notable_error(&report(0.005, 0.01, 1)));
        assert!(notable_error(&report(0.012, 0.01, 1)));
    }

    #[test]
    fn each_contradiction_names_its_check() {
        let points = [pt(0.0, 1.0), pt(2.0, 1.0), pt(2.0, 0.7), pt(6.0, 0.7)];
        let records: Vec<Record> = (0..10).map(|_| Record { time: 6.0, event: false }).collect();
        let mut r = report(0.03, 0.3, 0);
        r.at_risk.push(AtRiskComparison { time: 5.0, published: 4, reconstructed: 10 });
        let failed = failed_checks(&points, &table(), Some(3), &records, &r, 0.05);
        assert_eq!(checks(&failed), [Check::AtRisk, Check::Trace, Check::Events, Check::DropsHaveDeaths]);
        assert!(failed[2].to_string().starts_with("failed check “total events”: 3 events were published"));
        assert!(failed[3].to_string().contains("drops from 1.000 to 0.700 at time 2"), "{}", failed[3]);

        let flat = [pt(0.0, 1.0), pt(6.0, 1.0)];
        let failed = failed_checks(&flat, &table(), None, &records, &report(0.0, 0.0, 0), 0.05);
        assert_eq!(checks(&failed), [Check::FlatCurve]);
        assert!(failed[0].detail.contains("fall from 10 to 4"));
    }
}
