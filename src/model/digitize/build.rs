//! From traced curves to a cohort: each curve's points and its published
//! numbers at risk are reconstructed into records (Guyot 2012), checked
//! against the table, and the curves of one figure become one cohort with a
//! group per curve.

use crate::model::clock::Clock;
use crate::model::cohort::{
    COHORT_FILE_VERSION, CohortGroup, CurveReconstruction, ImportedCohort, Provenance, Publication, Source,
    TimeUnit,
};
use crate::model::evidence::LocalAddition;
use crate::model::survival::{AtRiskPoint, CurvePoint, ReconstructError, Record, reconstruct};

use super::check::{Check, FailedCheck, at_risk_contradicts, failed_checks, notable_error};

/// One traced curve and what the publication prints with it.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveInput {
    /// The curve's name (the group it shows); needed when a figure has
    /// several curves.
    pub name: Option<String>,
    /// Traced or clicked points (time in the figure's unit, survival 0–1).
    pub points: Vec<CurvePoint>,
    /// The published numbers at risk.
    pub at_risk: Vec<AtRiskPoint>,
    /// Total events, if published.
    pub total_events: Option<usize>,
}

/// A curve's reconstructed records and how they were made.
#[derive(Clone, Debug, PartialEq)]
pub struct ReconstructedCurve {
    /// The curve's name.
    pub name: Option<String>,
    /// One record per patient at risk at time 0.
    pub records: Vec<Record>,
    /// Points, table and agreement, kept in the cohort file.
    pub reconstruction: CurveReconstruction,
    /// The checks it failed; a curve that failed one is never kept.
    pub failed: Vec<FailedCheck>,
}

/// Why traced curves cannot become a cohort.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum DigitizeError {
    /// The reconstruction rejected the input.
    #[error("{curve}: {source}")]
    Reconstruct {
        /// Which curve.
        curve: String,
        /// What is wrong.
        source: ReconstructError,
    },
    /// The table and the trace cannot both be right.
    #[error(
        "{curve}: failed check “numbers at risk”: the numbers at risk contradict the trace: at time {time} the table gives {published} \
         at risk, but the traced curve leaves {reconstructed}; check the table and the trace"
    )]
    AtRiskContradicts {
        /// Which curve.
        curve: String,
        /// Table time.
        time: f64,
        /// Count in the table.
        published: usize,
        /// Count the reconstruction reaches.
        reconstructed: usize,
    },
    /// The reconstruction contradicts what is known of the figure.
    #[error("{curve}: {}", checks.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Failed {
        /// Which curve.
        curve: String,
        /// The checks it failed.
        checks: Vec<FailedCheck>,
    },
    /// Too few points for a curve.
    #[error("{curve}: trace the curve or click at least two points first")]
    TooFewPoints {
        /// Which curve.
        curve: String,
    },
    /// The cohort needs a name.
    #[error("the cohort needs a name")]
    NoLabel,
    /// Nothing to save.
    #[error("there is no curve to save")]
    NoCurves,
    /// Several curves, one without a name.
    #[error("curve {0} needs a name: a figure with several curves names each one")]
    UnnamedCurve(usize),
    /// Two curves with one name.
    #[error("two curves are named “{0}”; give each curve its own name")]
    DuplicateName(String),
    /// A publication without a citation.
    #[error("the citation is required: say which publication the figure is from")]
    NoCitation,
}

/// Reconstructs one curve and refuses it if it fails a check (see
/// [`reconstruct_with_checks`]).
///
/// # Errors
/// [`DigitizeError`] naming the curve, and for a failed check the check.
pub fn reconstruct_curve(input: &CurveInput, time_slack: f64) -> Result<ReconstructedCurve, DigitizeError> {
    let curve = reconstruct_with_checks(input, time_slack)?;
    let name = input.name.clone().unwrap_or_else(|| "the curve".to_owned());
    match curve.failed.first() {
        None => Ok(curve),
        Some(_) => Err(first_failure(name, &curve)),
    }
}

/// The error for a curve's failed checks: a contradicting table first, as
/// the likeliest mistake (a mistyped or misplaced number).
fn first_failure(curve: String, reconstructed: &ReconstructedCurve) -> DigitizeError {
    let contradiction = reconstructed.reconstruction.report.at_risk.iter().find(|c| at_risk_contradicts(c));
    match (reconstructed.failed.first(), contradiction) {
        (Some(f), Some(c)) if f.check == Check::AtRisk => DigitizeError::AtRiskContradicts {
            curve,
            time: c.time,
            published: c.published,
            reconstructed: c.reconstructed,
        },
        _ => DigitizeError::Failed { curve, checks: reconstructed.failed.clone() },
    }
}

/// Reconstructs one curve and runs every check on it, keeping the failed
/// ones with the result so the window can show them beside the overlay.
///
/// The printed table's last columns may lie past the traced end: within
/// `time_slack` (about two pixels: the trace ends where the line's last
/// pixel is), or anywhere with nobody at risk ("10 y: 0" under a curve that
/// ends at 9.2). The curve's last level is carried to them, and patients
/// censored after the traced end are censored at it, so the curve does not
/// grow past what was printed.
///
/// # Errors
/// [`DigitizeError`] naming the curve when it cannot be reconstructed at all.
pub fn reconstruct_with_checks(
    input: &CurveInput,
    time_slack: f64,
) -> Result<ReconstructedCurve, DigitizeError> {
    let curve = input.name.clone().unwrap_or_else(|| "the curve".to_owned());
    if input.points.len() < 2 {
        return Err(DigitizeError::TooFewPoints { curve });
    }
    let mut points = input.points.clone();
    points.sort_by(|a, b| a.time.total_cmp(&b.time).then(b.survival.total_cmp(&a.survival)));
    let traced_end = points.last().map_or(0.0, |p| p.time);
    let last_table = input.at_risk.last().map_or(f64::NEG_INFINITY, |a| a.time);
    let nobody_after_end =
        input.at_risk.iter().filter(|a| a.time > traced_end + time_slack).all(|a| a.at_risk == 0);
    if let Some(&end) = points.last()
        && last_table > end.time
        && (last_table <= end.time + time_slack || nobody_after_end)
    {
        points.push(CurvePoint { time: last_table, survival: end.survival });
    }
    let mut rec = reconstruct(&points, &input.at_risk, input.total_events)
        .map_err(|source| DigitizeError::Reconstruct { curve: curve.clone(), source })?;
    if last_table > traced_end + time_slack {
        for r in rec.records.iter_mut().filter(|r| !r.event && r.time > traced_end) {
            r.time = traced_end;
        }
    }
    let failed = failed_checks(
        &input.points,
        &input.at_risk,
        input.total_events,
        &rec.records,
        &rec.report,
        time_slack,
    );
    Ok(ReconstructedCurve {
        name: input.name.clone(),
        records: rec.records,
        reconstruction: CurveReconstruction {
            points,
            at_risk: input.at_risk.clone(),
            total_events: input.total_events,
            report: rec.report,
        },
        failed,
    })
}

/// Reads a numbers-at-risk table typed or pasted as one "time, at risk"
/// pair per line (comma, semicolon, tab or spaces between; a header line of
/// words and blank lines are skipped).
///
/// # Errors
/// The line that is not a time and a whole number.
pub fn parse_at_risk_table(text: &str) -> Result<Vec<AtRiskPoint>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let fields: Vec<&str> =
            line.split([',', ';', '\t', ' ']).map(str::trim).filter(|f| !f.is_empty()).collect();
        match fields.as_slice() {
            [] => {}
            [a, ..] if i == 0 && a.parse::<f64>().is_err() => {}
            [time, at_risk] => {
                let t = time.parse::<f64>().ok().filter(|t| t.is_finite() && *t >= 0.0);
                let n = at_risk.parse::<usize>().ok();
                match (t, n) {
                    (Some(time), Some(at_risk)) => out.push(AtRiskPoint { time, at_risk }),
                    _ => {
                        return Err(format!(
                            "line {}: “{}” is not a time and a whole number at risk",
                            i + 1,
                            line.trim()
                        ));
                    }
                }
            }
            _ => return Err(format!("line {}: give two numbers, time and number at risk", i + 1)),
        }
    }
    if out.is_empty() {
        return Err("enter the numbers at risk: one “time, at risk” per line, starting at time 0".to_owned());
    }
    Ok(out)
}

/// What the user says about the figure.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureInfo {
    /// Legend name of the cohort.
    pub label: String,
    /// The clock of the figure's time axis.
    pub origin: Clock,
    /// The unit of the figure's time axis.
    pub unit: TimeUnit,
    /// The image's file name.
    pub image_file: String,
    /// The publication (required in the app; optional on the command line).
    pub publication: Option<Publication>,
    /// Who added it, and when.
    pub added: Option<LocalAddition>,
}

/// One cohort from a figure's reconstructed curves, a group per curve.
///
/// # Errors
/// [`DigitizeError`] for a missing name or citation, no curves, or curves
/// without distinct names.
pub fn cohort_from_curves(
    info: FigureInfo,
    curves: Vec<ReconstructedCurve>,
) -> Result<ImportedCohort, DigitizeError> {
    let label = info.label.trim().to_owned();
    if label.is_empty() {
        return Err(DigitizeError::NoLabel);
    }
    if curves.is_empty() {
        return Err(DigitizeError::NoCurves);
    }
    if curves.len() > 1 {
        let mut seen: Vec<&str> = Vec::new();
        for (i, c) in curves.iter().enumerate() {
            let name = c.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
            let name = name.ok_or(DigitizeError::UnnamedCurve(i + 1))?;
            if seen.contains(&name) {
                return Err(DigitizeError::DuplicateName(name.to_owned()));
            }
            seen.push(name);
        }
    }
    if info.publication.as_ref().is_some_and(|p| p.citation.trim().is_empty()) {
        return Err(DigitizeError::NoCitation);
    }
    if let Some(c) = curves.iter().find(|c| !c.failed.is_empty()) {
        let curve = c.name.clone().unwrap_or_else(|| "the curve".to_owned());
        return Err(DigitizeError::Failed { curve, checks: c.failed.clone() });
    }
    let mut label = label;
    let (groups, reconstructions) = curves
        .into_iter()
        .map(|c| {
            let mut name = c.name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
            let report = &c.reconstruction.report;
            if notable_error(report) {
                // The error travels with the curve's name into every legend.
                let error = format!(" (RMSE {:.3}, max {:.3})", report.rmse, report.max_abs_error);
                match &mut name {
                    Some(n) => n.push_str(&error),
                    None => label.push_str(&error),
                }
            }
            (CohortGroup { name, records: c.records }, c.reconstruction)
        })
        .unzip();
    Ok(ImportedCohort {
        version: COHORT_FILE_VERSION,
        label,
        origin: info.origin,
        unit: info.unit,
        provenance: Provenance {
            source: Source::Figure { image_file: info.image_file },
            publication: info.publication,
            added: info.added,
            reconstructions,
        },
        groups,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 20 patients, one death at each of t = 1..=4, then 16 followed to 6.
    fn input() -> CurveInput {
        let mut points = vec![CurvePoint { time: 0.0, survival: 1.0 }];
        for k in 1..=4 {
            points.push(CurvePoint { time: f64::from(k), survival: 1.0 - f64::from(k - 1) / 20.0 });
            points.push(CurvePoint { time: f64::from(k), survival: 1.0 - f64::from(k) / 20.0 });
        }
        points.push(CurvePoint { time: 5.98, survival: 0.8 });
        CurveInput {
            name: Some("HSCT".to_owned()),
            points,
            at_risk: vec![AtRiskPoint { time: 0.0, at_risk: 20 }, AtRiskPoint { time: 6.0, at_risk: 16 }],
            total_events: Some(4),
        }
    }

    fn info() -> FigureInfo {
        FigureInfo {
            label: "Fig 2".to_owned(),
            origin: Clock::SinceHsct,
            unit: TimeUnit::Years,
            image_file: "fig2.png".to_owned(),
            publication: Some(Publication {
                citation: "Smith J, Doe A. A study. Blood 2020".to_owned(),
                doi: None,
                pmid: None,
                figure: Some("Figure 2".to_owned()),
                population: None,
            }),
            added: Some(LocalAddition { by: "A. Clinician".to_owned(), on: "2026-11-25".to_owned() }),
        }
    }

    #[test]
    fn reconstructs_and_carries_the_end_to_the_table() {
        let curve = reconstruct_curve(&input(), 0.05).unwrap();
        assert_eq!(curve.records.len(), 20);
        assert_eq!(curve.records.iter().filter(|r| r.event).count(), 4);
        assert_eq!(curve.reconstruction.points.last().map(|p| p.time), Some(6.0), "carried to the table");
        assert!(curve.reconstruction.report.rmse < 1e-9);
        let err = reconstruct_curve(&input(), 0.01).unwrap_err();
        assert!(matches!(err, DigitizeError::Reconstruct { .. }), "{err}");
        assert!(err.to_string().starts_with("HSCT: at-risk time 6 is after the end"), "{err}");
    }

    #[test]
    fn the_printed_last_column_past_the_end_is_used() {
        // "10 y: 0" under a curve that ends at 5.98: the last death is kept.
        let mut printed = input();
        printed.at_risk = vec![
            AtRiskPoint { time: 0.0, at_risk: 20 },
            AtRiskPoint { time: 2.0, at_risk: 19 },
            AtRiskPoint { time: 10.0, at_risk: 0 },
        ];
        let curve = reconstruct_curve(&printed, 0.05).unwrap();
        assert_eq!(curve.records.iter().filter(|r| r.event).count(), 4);
        assert!(curve.records.iter().all(|r| r.time <= 5.98), "nobody followed past the drawn end");
        let last = curve.reconstruction.report.at_risk.last().map(|a| (a.published, a.reconstructed));
        assert_eq!(last, Some((0, 0)));
        // A column past the end that still has patients cannot be.
        printed.at_risk[2].at_risk = 3;
        assert!(matches!(reconstruct_curve(&printed, 0.05), Err(DigitizeError::Reconstruct { .. })));
    }

    #[test]
    fn a_notable_error_travels_in_the_name_and_a_failed_check_is_never_kept() {
        let mut rough = reconstruct_curve(&input(), 0.05).unwrap();
        rough.reconstruction.report.rmse = 0.015;
        let cohort = cohort_from_curves(info(), vec![rough.clone()]).unwrap();
        assert_eq!(cohort.groups[0].name.as_deref(), Some("HSCT (RMSE 0.015, max 0.000)"));
        let unnamed = ReconstructedCurve { name: None, ..rough.clone() };
        assert_eq!(cohort_from_curves(info(), vec![unnamed]).unwrap().label, "Fig 2 (RMSE 0.015, max 0.000)");
        let mut events = input();
        events.total_events = Some(7);
        let failed = reconstruct_with_checks(&events, 0.05).unwrap();
        assert_eq!(failed.failed.len(), 1, "{:?}", failed.failed);
        let err = cohort_from_curves(info(), vec![failed]).unwrap_err();
        assert!(err.to_string().starts_with("HSCT: failed check “total events”"), "{err}");
    }

    #[test]
    fn a_table_that_contradicts_the_trace_is_refused() {
        let mut bad = input();
        bad.at_risk = vec![AtRiskPoint { time: 0.0, at_risk: 20 }, AtRiskPoint { time: 5.0, at_risk: 20 }];
        bad.total_events = None;
        let err = reconstruct_curve(&bad, 0.05).unwrap_err();
        assert!(matches!(err, DigitizeError::AtRiskContradicts { published: 20, .. }), "{err}");
        assert!(err.to_string().contains("contradict"), "{err}");
        let few = CurveInput { points: vec![CurvePoint { time: 0.0, survival: 1.0 }], ..input() };
        assert_eq!(
            reconstruct_curve(&few, 0.05),
            Err(DigitizeError::TooFewPoints { curve: "HSCT".to_owned() })
        );
    }

    #[test]
    fn typed_at_risk_tables_are_read_line_by_line() {
        let table = parse_at_risk_table("time, at risk\n0, 56\n\n5\t40\n10 ; 31\n").unwrap();
        let pairs: Vec<(f64, usize)> = table.iter().map(|a| (a.time, a.at_risk)).collect();
        assert_eq!(pairs, vec![(0.0, 56), (5.0, 40), (10.0, 31)]);
        assert_eq!(
            parse_at_risk_table("0,56\n5,forty").unwrap_err(),
            "line 2: “5,forty” is not a time and a whole number at risk"
        );
        assert!(parse_at_risk_table("0,56,3").unwrap_err().contains("two numbers"));
        assert!(parse_at_risk_table("  \n").unwrap_err().contains("enter the numbers at risk"));
        assert!(parse_at_risk_table("-1,5").is_err());
    }

    #[test]
    fn a_figure_becomes_one_cohort_with_a_group_per_curve() {
        let a = reconstruct_curve(&input(), 0.05).unwrap();
        let b = ReconstructedCurve { name: Some("No HSCT".to_owned()), ..a.clone() };
        let cohort = cohort_from_curves(info(), vec![a.clone(), b.clone()]).unwrap();
        assert_eq!(cohort.groups.len(), 2);
        assert_eq!(cohort.provenance.reconstructions.len(), 2);
        assert_eq!(cohort.series_label(1), "Fig 2: No HSCT");
        assert_eq!(cohort.provenance.describe(), "reconstructed from Figure 2 of Smith 2020 (RMSE 0.000)");

        let unnamed = ReconstructedCurve { name: Some(" ".to_owned()), ..b.clone() };
        assert_eq!(cohort_from_curves(info(), vec![a.clone(), unnamed]), Err(DigitizeError::UnnamedCurve(2)));
        assert_eq!(
            cohort_from_curves(info(), vec![a.clone(), a.clone()]),
            Err(DigitizeError::DuplicateName("HSCT".to_owned()))
        );
        assert_eq!(cohort_from_curves(info(), Vec::new()), Err(DigitizeError::NoCurves));
        let nameless = FigureInfo { label: "  ".to_owned(), ..info() };
        assert_eq!(cohort_from_curves(nameless, vec![a.clone()]), Err(DigitizeError::NoLabel));
        let mut uncited = info();
        if let Some(p) = &mut uncited.publication {
            p.citation = String::new();
        }
        assert_eq!(cohort_from_curves(uncited, vec![a]), Err(DigitizeError::NoCitation));
    }
}
