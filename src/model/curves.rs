//! Kaplan–Meier layers from a centre's own cohort data, placed on the age
//! axis for one patient: step curve, interval band, censor marks, the
//! sparse-data cut, a KMunicate risk table aligned to the axis ticks, and the
//! view conditional on the patient being alive at his age.
//!
//! Fits are made once per cohort ([`FittedCohort`]); placing them for a
//! patient only shifts and rescales, so editing the patient stays cheap.

use crate::model::clock::Clock;
use crate::model::cohort::FittedCohort;
use crate::model::patient::{Hsct, Patient};
use crate::model::picture::AGE_AXIS_MAX;
use crate::model::survival::{KaplanMeier, PlotOptions, RiskRow, StepCurve, logrank_test, step_curve};

/// Spacing of the risk-table columns on the age axis (years); matches the
/// plot's grid so the numbers sit under tick marks.
pub const RISK_TABLE_STEP: f64 = 5.0;

/// How imported curves are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurveOptions {
    /// Stop a curve where fewer than this many remain at risk (0: never).
    pub min_at_risk: usize,
    /// Show survival conditional on being alive at the patient's age
    /// (cohorts on the age axis only).
    pub conditional: bool,
}

impl Default for CurveOptions {
    fn default() -> Self {
        Self { min_at_risk: PlotOptions::default().min_at_risk, conditional: false }
    }
}

/// One group's curve, in plot coordinates (age in years, percent).
#[derive(Clone, Debug, PartialEq)]
pub struct CurveLayer {
    /// Legend name, unique in the picture.
    pub name: String,
    /// Index of the cohort's colour (cohort order × groups).
    pub series: usize,
    /// Vertices of the step curve.
    pub x: Vec<f64>,
    /// Survival in percent at each vertex.
    pub y: Vec<f64>,
    /// Lower bound in percent, same length as `x`.
    pub lower: Vec<f64>,
    /// Upper bound in percent, same length as `x`.
    pub upper: Vec<f64>,
    /// Censor marks (age, percent).
    pub censor: Vec<[f64; 2]>,
    /// What the curve is and where it came from.
    pub about: String,
    /// Hover text per vertex.
    pub hovers: Vec<String>,
}

/// A KMunicate risk table: one row per group, one column per tick.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RiskTable {
    /// Column positions on the age axis.
    pub ticks: Vec<f64>,
    /// (row label, one cell per tick: `None` past the end of follow-up).
    pub rows: Vec<(String, Vec<Option<RiskRow>>)>,
}

/// Curves, risk table and notes for every loaded cohort.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CurveSet {
    /// Curves to draw.
    pub layers: Vec<CurveLayer>,
    /// Numbers at risk under the plot.
    pub risk_table: RiskTable,
    /// Notes (cuts for sparse data, cohorts that cannot be placed).
    pub notes: Vec<String>,
}

/// Places every cohort for the patient.
pub fn curve_set(cohorts: &[FittedCohort], patient: &Patient, options: CurveOptions) -> CurveSet {
    let mut set = CurveSet::default();
    set.risk_table.ticks =
        (0..).map(|k| f64::from(k) * RISK_TABLE_STEP).take_while(|x| *x <= AGE_AXIS_MAX).collect();
    let valid = patient.validate().is_empty();
    let mut series = 0;
    for fitted in cohorts {
        let c = &fitted.cohort;
        let Some((shift, anchor_words)) = shift(c.origin, patient, valid) else {
            set.notes.push(format!(
                "{}: not drawn — its time starts at {}, which is not known for this patient.",
                c.label,
                c.origin.label()
            ));
            series += c.groups.len();
            continue;
        };
        let scale = c.unit.to_years();
        let conditional_at = (options.conditional && c.origin == Clock::Age && valid)
            .then(|| patient.age_months().map(|m| f64::from(m) / 12.0))
            .flatten();
        for (group, fit) in c.groups.iter().zip(&fitted.fits) {
            let n = group.records.len();
            let group_name = group.name.as_deref().map_or(String::new(), |g| format!(" {g}"));
            let name = format!("{}{group_name} (n = {n})", c.label);
            let curve = step_curve(fit, PlotOptions { min_at_risk: options.min_at_risk });
            if let Some(cut) = curve.cut {
                set.notes.push(format!(
                    "{name}: curve stops at {:.1} years, where fewer than {} patients remain at risk ({} left).",
                    shift + cut.time * scale,
                    options.min_at_risk,
                    cut.remaining
                ));
            }
            let mut layer = place(&name, series, &curve, shift, scale);
            layer.about =
                format!("{}; time origin: {}{anchor_words}", c.provenance.describe(), c.origin.label());
            if let Some(age) = conditional_at {
                condition_on(&mut layer, fit, age / scale);
                layer.name = format!("{name}, given alive at his age");
                layer
                    .about
                    .push_str("; conditional on being alive at the patient's current age: S(t)/S(age)");
            }
            layer.hovers = hovers(&layer, fit, shift, scale);
            set.notes.push(median_note(&name, fit, scale));
            set.risk_table.rows.push((name.clone(), risk_row(fit, &set.risk_table.ticks, shift, scale)));
            set.layers.push(layer);
            series += 1;
        }
        if fitted.fits.len() >= 2 {
            let fits: Vec<&KaplanMeier> = fitted.fits.iter().collect();
            if let Ok(test) = logrank_test(&fits) {
                set.notes.push(format!(
                    "{}: log-rank test across its {} groups, chi-square {:.2} on {} df, P = {:.4}.",
                    c.label,
                    fits.len(),
                    test.statistic,
                    test.degrees_of_freedom,
                    test.p_value
                ));
            }
        }
    }
    set
}

/// "Centre (n = 40): median survival 6.2 years (95 % CI 4.1–9.0)".
fn median_note(name: &str, fit: &KaplanMeier, scale: f64) -> String {
    let m = fit.median();
    let years = |t: Option<f64>| t.map_or_else(|| "not reached".to_owned(), |t| format!("{:.1}", t * scale));
    match m.estimate {
        None => {
            format!("{name}: median survival not reached (more than half still alive at last follow-up).")
        }
        Some(_) => format!(
            "{name}: median survival {} years (95 % CI {} to {}).",
            years(m.estimate),
            years(m.lower),
            years(m.upper)
        ),
    }
}

/// Where the cohort's time zero sits on the age axis, with words for it.
fn shift(origin: Clock, patient: &Patient, valid: bool) -> Option<(f64, String)> {
    let years = |m: i32| f64::from(m) / 12.0;
    match origin {
        Clock::Age => Some((0.0, String::new())),
        Clock::SinceHsct => {
            if !valid {
                return None;
            }
            match patient.hsct {
                Hsct::Done { .. } => {
                    patient.hsct_age_months().map(|m| (years(m), ", drawn from his age at HSCT".to_owned()))
                }
                Hsct::None | Hsct::Planned { .. } => patient
                    .age_months()
                    .map(|m| (years(m), ", drawn from his current age (if transplanted now)".to_owned())),
            }
        }
        Clock::SinceDiagnosis => patient
            .age_at_diagnosis
            .and_then(crate::model::patient::YearsMonths::total_months)
            .filter(|_| valid)
            .map(|m| (years(m), ", drawn from his age at diagnosis".to_owned())),
    }
}

fn place(name: &str, series: usize, curve: &StepCurve, shift: f64, scale: f64) -> CurveLayer {
    let x = |t: &f64| shift + t * scale;
    let pct = |p: &f64| p * 100.0;
    CurveLayer {
        name: name.to_owned(),
        series,
        x: curve.x.iter().map(x).collect(),
        y: curve.y.iter().map(pct).collect(),
        lower: curve.lower.iter().map(pct).collect(),
        upper: curve.upper.iter().map(pct).collect(),
        censor: curve.censor_marks.iter().map(|(t, s)| [x(t), s * 100.0]).collect(),
        about: String::new(),
        hovers: Vec::new(),
    }
}

/// Rescales a placed curve to S(t)/S(landmark) from the landmark on, with
/// the engine's conditional interval at each vertex. (Only cohorts on the age
/// axis are conditioned, so plot x is the cohort's own time.)
fn condition_on(layer: &mut CurveLayer, fit: &KaplanMeier, landmark: f64) {
    let s_land = fit.survival_at(landmark);
    if s_land <= 0.0 {
        return;
    }
    let mut out = CurveLayer {
        x: vec![landmark],
        y: vec![100.0],
        lower: vec![100.0],
        upper: vec![100.0],
        censor: Vec::new(),
        hovers: Vec::new(),
        ..layer.clone()
    };
    let (mut lo, mut hi) = (1.0, 1.0);
    for (&x, &y) in layer.x.iter().zip(&layer.y).filter(|(x, _)| **x >= landmark) {
        // A step's upper corner shows the value just before the drop at x,
        // so it keeps the interval of the previous vertex.
        let after_drop = (y / 100.0 - fit.survival_at(x)).abs() < 1e-12;
        if after_drop && let Ok(c) = fit.conditional_survival(landmark, x) {
            (lo, hi) = (c.lower, c.upper);
        }
        out.x.push(x);
        out.y.push(y / s_land);
        out.lower.push(lo * 100.0);
        out.upper.push(hi * 100.0);
    }
    out.censor = layer.censor.iter().filter(|c| c[0] >= landmark).map(|c| [c[0], c[1] / s_land]).collect();
    *layer = out;
}

fn hovers(layer: &CurveLayer, fit: &KaplanMeier, shift: f64, scale: f64) -> Vec<String> {
    layer
        .x
        .iter()
        .zip(&layer.y)
        .zip(layer.lower.iter().zip(&layer.upper))
        .map(|((x, y), (lo, hi))| {
            let t = (x - shift) / scale;
            let risk = fit.risk_at(t);
            format!(
                "{}\nage {:.1} years: {:.1} % (95 % CI {:.1}–{:.1} %)\nat risk {}, events {}, censored {} so far\n{}",
                layer.name, x, y, lo, hi, risk.at_risk, risk.events, risk.censored, layer.about
            )
        })
        .collect()
}

fn risk_row(fit: &KaplanMeier, ticks: &[f64], shift: f64, scale: f64) -> Vec<Option<RiskRow>> {
    let last = fit.times().last().copied().unwrap_or(0.0);
    ticks
        .iter()
        .map(|x| {
            let t = (x - shift) / scale;
            (t >= 0.0 && t <= last).then(|| fit.risk_at(t))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::cohort_file::from_records;
    use crate::model::cohort::TimeUnit;
    use crate::model::patient::{AgeSource, YearsMonths};

    const CSV: &str = "t,e\n2,1\n4,0\n6,1\n8,1\n10,0\n12,1\n14,0\n16,1\n18,0\n20,1\n";

    fn cohort(origin: Clock) -> FittedCohort {
        FittedCohort::new(
            from_records(CSV, "c.csv", ("t", "e", None), "Centre", origin, TimeUnit::Years).unwrap(),
        )
        .unwrap()
    }

    fn at(years: i32) -> Patient {
        Patient { age: AgeSource::Entered(YearsMonths { years, months: 0 }), ..Patient::default() }
    }

    #[test]
    fn age_axis_cohort_is_drawn_in_percent_with_equal_lengths() {
        let set =
            curve_set(&[cohort(Clock::Age)], &at(3), CurveOptions { min_at_risk: 0, conditional: false });
        let l = &set.layers[0];
        assert_eq!(l.name, "Centre (n = 10)");
        assert_eq!(l.x.len(), l.y.len());
        assert_eq!(l.x.len(), l.lower.len());
        assert_eq!(l.x.len(), l.upper.len());
        assert_eq!(l.x.len(), l.hovers.len());
        assert_eq!((l.x[0], l.y[0]), (0.0, 100.0));
        // Drawn values are the engine's S(t) in percent.
        let fit = &cohort(Clock::Age).fits[0];
        for (x, y) in l.x.iter().zip(&l.y) {
            let (at, before) = (fit.survival_at(*x) * 100.0, fit.survival_at(x - 1e-9) * 100.0);
            assert!((y - at).abs() < 1e-9 || (y - before).abs() < 1e-9, "{x}: {y}");
        }
        assert_eq!(l.y.iter().filter(|y| (**y - 90.0).abs() < 1e-9).count(), 2, "one step at 90 %");
        assert!(l.censor.iter().any(|c| (c[0] - 4.0).abs() < 1e-12 && (c[1] - 90.0).abs() < 1e-9));
        assert!(l.hovers[1].contains("at risk"));
    }

    #[test]
    fn risk_table_is_on_the_axis_ticks() {
        let set =
            curve_set(&[cohort(Clock::Age)], &at(3), CurveOptions { min_at_risk: 0, conditional: false });
        assert_eq!(set.risk_table.ticks[..3], [0.0, 5.0, 10.0]);
        let (label, cells) = &set.risk_table.rows[0];
        assert_eq!(label, "Centre (n = 10)");
        // at risk at t: time > t (lifelines convention); events and censored so far.
        assert_eq!(cells[0], Some(RiskRow { at_risk: 10, events: 0, censored: 0 }));
        assert_eq!(cells[1], Some(RiskRow { at_risk: 8, events: 1, censored: 1 }));
        assert_eq!(cells[4], Some(RiskRow { at_risk: 0, events: 6, censored: 4 }));
        assert_eq!(cells[5], None, "past follow-up");
    }

    #[test]
    fn since_hsct_cohort_starts_at_the_patients_age() {
        let set = curve_set(&[cohort(Clock::SinceHsct)], &at(7), CurveOptions::default());
        assert!((set.layers[0].x[0] - 7.0).abs() < 1e-12);
        assert!(set.layers[0].about.contains("if transplanted now"));
        // No diagnosis age: a since-diagnosis cohort cannot be placed.
        let set = curve_set(&[cohort(Clock::SinceDiagnosis)], &at(7), CurveOptions::default());
        assert!(set.layers.is_empty());
        assert!(set.notes[0].contains("not drawn"));
    }

    #[test]
    fn medians_and_log_rank_are_reported() {
        let csv = "t,e,g\n1,1,a\n2,1,a\n3,1,a\n4,0,a\n5,1,b\n6,1,b\n7,0,b\n8,1,b\n";
        let fitted = FittedCohort::new(
            from_records(csv, "g.csv", ("t", "e", Some("g")), "Two", Clock::Age, TimeUnit::Years).unwrap(),
        )
        .unwrap();
        let set = curve_set(std::slice::from_ref(&fitted), &at(3), CurveOptions::default());
        let median = fitted.fits[0].median().estimate.unwrap();
        assert!(
            set.notes
                .iter()
                .any(|n| n.contains(&format!("Two a (n = 4): median survival {median:.1} years")))
        );
        let test = logrank_test(&[&fitted.fits[0], &fitted.fits[1]]).unwrap();
        let want = format!("chi-square {:.2} on 1 df, P = {:.4}", test.statistic, test.p_value);
        assert!(set.notes.iter().any(|n| n.contains(&want)), "{:?}", set.notes);
    }

    #[test]
    fn sparse_data_guard_cuts_and_says_so() {
        let set =
            curve_set(&[cohort(Clock::Age)], &at(3), CurveOptions { min_at_risk: 5, conditional: false });
        assert!(set.layers[0].x.last().unwrap() < &20.0);
        assert!(
            set.notes.iter().any(|n| n.contains("fewer than 5 patients remain at risk")),
            "{:?}",
            set.notes
        );
    }

    #[test]
    fn conditional_view_starts_at_one_hundred_percent_at_his_age() {
        let fitted = cohort(Clock::Age);
        let set = curve_set(
            std::slice::from_ref(&fitted),
            &at(5),
            CurveOptions { min_at_risk: 0, conditional: true },
        );
        let l = &set.layers[0];
        assert_eq!((l.x[0], l.y[0]), (5.0, 100.0));
        assert!(l.name.ends_with("given alive at his age"));
        // S(12 | 5) = S(12) / S(5), checked against the engine.
        let want = fitted.fits[0].survival_at(12.0) / fitted.fits[0].survival_at(5.0) * 100.0;
        let i = l.x.iter().rposition(|x| (*x - 12.0).abs() < 1e-12).unwrap();
        assert!((l.y[i] - want).abs() < 1e-9, "{} vs {want}", l.y[i]);
        assert!(l.x.iter().all(|x| *x >= 5.0));
        assert_eq!(l.x.len(), l.lower.len());
    }
}
