//! What the survival picture shows for one patient, prepared without egui.
//!
//! The plot widget only draws [`Picture`]: every point carries its hover text
//! (value, n, time point, time origin, source), every line says how it was
//! made, and projections are anchored at the patient's own age. Keeping this
//! here lets tests check what is drawn, and where, without a window.

use super::evidence::{AgeGroup, Cohort, Evidence, Finding, Measure, TimeOrigin, TimePoint, Value};
use super::patient::{Hsct, Patient, describe_months};
use super::timing::TimingEvidence;

/// Right end of the age axis in years; the cohorts follow patients to 40.
pub const AGE_AXIS_MAX: f64 = 45.0;

/// How a layer is drawn; the UI maps each to a colour, marker and line style
/// so that no two are told apart by colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LayerKind {
    /// Survival without HSCT, by age.
    NaturalHistory,
    /// A background statement drawn as a box (not the cohort's own result).
    Background,
    /// Cumulative incidence of liver disease by age.
    LiverDisease,
    /// Overall survival after HSCT, placed at the patient's age plus the
    /// published time since HSCT.
    AfterHsct(Measure),
}

/// One legend entry and its points.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    /// Legend name; unique within a picture (the plot uses it as an id).
    pub name: String,
    /// Drawing style.
    pub kind: LayerKind,
    /// Published points as (age in years, percent).
    pub points: Vec<[f64; 2]>,
    /// Hover text for each point, same length as `points`.
    pub hovers: Vec<String>,
    /// Join the points with a dashed line (published points only, never fitted).
    pub joined: bool,
    /// A box (x0, x1, y0, y1) for published ranges over an age span.
    pub rect: Option<[f64; 4]>,
}

/// The shaded ≤5-year band.
#[derive(Clone, Debug, PartialEq)]
pub struct WindowBand {
    /// Age at which the band ends (the 6th birthday), in years.
    pub end_years: f64,
    /// Legend label, with source and n.
    pub label: String,
    /// Short title drawn inside the band ("HSCT at ≤5 years").
    pub title: String,
    /// Hover text: the finding and its citation.
    pub hover: String,
}

/// Everything the survival plot draws for one patient.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Picture {
    /// The timing window, when the evidence defines one.
    pub window: Option<WindowBand>,
    /// The patient's current age in years, when valid.
    pub patient_age: Option<f64>,
    /// Where post-HSCT evidence is anchored (current age, or age at HSCT).
    pub anchor: Option<Anchor>,
    /// Data layers, in drawing order.
    pub layers: Vec<Layer>,
    /// Caveats printed under the plot.
    pub notes: Vec<String>,
}

/// Where projections start, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Anchor {
    /// Age in years.
    pub age: f64,
    /// "if transplanted now" or "after his HSCT".
    pub label: String,
}

/// Builds the picture for a patient (an invalid patient gets the evidence
/// without patient-specific layers).
pub fn picture(evidence: &Evidence, patient: &Patient) -> Picture {
    let valid = patient.validate().is_empty();
    let patient_age = valid.then(|| patient.age_months()).flatten().map(|m| f64::from(m) / 12.0);
    let anchor = valid.then(|| anchor(patient)).flatten();
    let window = TimingEvidence::from_evidence(evidence).map(|t| {
        let (cohort, finding) = (t.window_source, t.window);
        WindowBand {
            end_years: f64::from(t.window_end_months()) / 12.0,
            label: t.window_label(),
            title: format!("HSCT at {}", finding.age_group.map(AgeGroup::describe).unwrap_or_default()),
            hover: format!("{}\n{cohort}, {}", finding.statement, finding.locator),
        }
    });

    let mut layers = Vec::new();
    for cohort in &evidence.cohorts {
        for f in &cohort.findings {
            match (f.value, f.time) {
                (Some(Value::Percent(y)), Some(TimePoint::AtAge(x))) => layers.push(Layer {
                    name: format!("{} ({})", short_name(f), cohort.label),
                    kind: LayerKind::NaturalHistory,
                    points: vec![[x, y]],
                    hovers: vec![hover(cohort, f, "")],
                    joined: false,
                    rect: None,
                }),
                (Some(Value::PercentRange(lo, hi)), Some(TimePoint::AgeSpan(a, b))) => layers.push(Layer {
                    name: format!(
                        "Background: {}, {} ({})",
                        Value::PercentRange(lo, hi).describe(),
                        TimePoint::AgeSpan(a, b).describe(),
                        cohort.label
                    ),
                    kind: LayerKind::Background,
                    points: vec![[(a + b) / 2.0, (lo + hi) / 2.0]],
                    hovers: vec![hover(cohort, f, "")],
                    joined: false,
                    rect: Some([a, b, lo, hi]),
                }),
                (Some(Value::Percent(y)), Some(TimePoint::AfterHsct(t))) => {
                    if let (Some(anchor), Some(measure)) = (&anchor, f.measure) {
                        let x = anchor.age + t;
                        if x <= AGE_AXIS_MAX {
                            let note = format!(
                                "Placed {} after {} ({}). Value for all ages at HSCT; \
                                 no age-group percentages are published.",
                                describe_years(t),
                                anchor.label,
                                describe_months(years_to_months(anchor.age))
                            );
                            layers.push(Layer {
                                name: format!(
                                    "{} {} y after {} ({})",
                                    measure.short(),
                                    super::evidence::trim_number(t),
                                    anchor.label,
                                    cohort.label
                                ),
                                kind: LayerKind::AfterHsct(measure),
                                points: vec![[x, y]],
                                hovers: vec![hover(cohort, f, &note)],
                                joined: false,
                                rect: None,
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        for s in &cohort.series {
            let hovers = s
                .points
                .iter()
                .map(|&(x, y)| {
                    format!(
                        "{} ({}): {} % at {} years of age\nn = {} ({})\nTime origin: age (from birth)\n\
                         Line: {}\n{}\nSource: {}, {}\n{}",
                        s.label,
                        s.measure.short(),
                        super::evidence::trim_number(y),
                        super::evidence::trim_number(x),
                        s.n.map_or_else(|| "not given".to_owned(), |n| n.to_string()),
                        s.population,
                        s.method.describe(),
                        s.caveat.as_deref().unwrap_or(""),
                        cohort.label,
                        s.locator,
                        cohort.citation
                    )
                })
                .collect();
            layers.push(Layer {
                name: format!("{} ({})", s.label, cohort.label),
                kind: LayerKind::LiverDisease,
                points: s.points.iter().map(|&(x, y)| [x, y]).collect(),
                hovers,
                joined: true,
                rect: None,
            });
        }
    }

    let mut notes = vec![
        "Markers are published values; dashed lines only join published points and are not fitted curves."
            .to_owned(),
        "Time origins differ: Japan 2015 reports survival by age; EBMT 2019 by years after HSCT, \
         drawn here from the patient's own age."
            .to_owned(),
        "No survival curve is drawn: the published sources give single values, not curve data. \
         A centre's own cohort file can add curves."
            .to_owned(),
    ];
    if !valid {
        notes.insert(0, "Enter a valid age to place him on the picture.".to_owned());
    }
    Picture { window, patient_age, anchor, layers, notes }
}

fn anchor(patient: &Patient) -> Option<Anchor> {
    match patient.hsct {
        Hsct::Done { .. } => {
            Some(Anchor { age: f64::from(patient.hsct_age_months()?) / 12.0, label: "his HSCT".to_owned() })
        }
        Hsct::None | Hsct::Planned { .. } => {
            Some(Anchor { age: f64::from(patient.age_months()?) / 12.0, label: "HSCT now".to_owned() })
        }
    }
}

fn years_to_months(years: f64) -> i32 {
    // Ages are whole months divided by 12, so this rounds back exactly.
    #[expect(clippy::cast_possible_truncation, reason = "ages are at most 80 years")]
    let months = (years * 12.0).round() as i32;
    months
}

fn describe_years(t: f64) -> String {
    format!("{} years", super::evidence::trim_number(t))
}

/// "OS at 40 y, no HSCT".
fn short_name(f: &Finding) -> String {
    let measure = f.measure.map_or("", Measure::short);
    let group = f.groups.first().map_or(String::new(), |g| format!(", {}", g.label));
    let time = match f.time {
        Some(TimePoint::AtAge(a)) => format!(" at {} y", super::evidence::trim_number(a)),
        _ => String::new(),
    };
    format!("{measure}{time}{group}")
}

/// Hover text: value, n, time point, time origin and source.
fn hover(cohort: &Cohort, f: &Finding, extra: &str) -> String {
    let mut lines = vec![f.statement.clone()];
    let mut facts = Vec::new();
    if let Some(v) = f.value {
        facts.push(v.describe());
    }
    let n = f.n_text();
    facts.push(if n.is_empty() { "n = not reported".to_owned() } else { n });
    if let Some(t) = f.time {
        facts.push(t.describe());
    }
    lines.push(facts.join(" · "));
    // A value placed by age runs from birth whatever the cohort's usual clock.
    let origin = match f.time {
        Some(TimePoint::AtAge(_) | TimePoint::AgeSpan(..)) => TimeOrigin::Age,
        Some(TimePoint::AfterHsct(_)) => TimeOrigin::SinceHsct,
        None => cohort.time_origin,
    };
    lines.push(format!("Time origin: {}", origin.describe()));
    if !extra.is_empty() {
        lines.push(extra.to_owned());
    }
    lines.push(format!("Source: {}, {}", cohort.label, f.locator));
    lines.push(cohort.citation.clone());
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::patient::{AgeSource, YearsMonths};

    fn at(years: i32, months: i32) -> Patient {
        Patient { age: AgeSource::Entered(YearsMonths { years, months }), ..Patient::default() }
    }

    #[test]
    fn window_band_ends_at_the_sixth_birthday() {
        let e = Evidence::embedded().unwrap();
        let p = picture(&e, &at(3, 4));
        let w = p.window.unwrap();
        assert!((w.end_years - 6.0).abs() < 1e-12);
        assert_eq!(w.label, "HSCT at ≤5 years — Japan 2015 (n = 14 vs 15)");
        assert!((p.patient_age.unwrap() - 40.0 / 12.0).abs() < 1e-12);
    }

    #[test]
    fn every_point_has_hover_with_source() {
        let e = Evidence::embedded().unwrap();
        let p = picture(&e, &at(3, 4));
        assert!(p.layers.len() >= 5);
        for l in &p.layers {
            assert_eq!(l.points.len(), l.hovers.len(), "{}", l.name);
            for h in &l.hovers {
                assert!(h.contains("Source: "), "{h}");
                assert!(h.contains("Time origin: "), "{h}");
                assert!(h.contains("n = "), "{h}");
            }
        }
        let names: Vec<_> = p.layers.iter().map(|l| l.name.as_str()).collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "legend names must be unique: {names:?}");
    }

    #[test]
    fn natural_history_and_liver_series_are_on_the_age_axis() {
        let e = Evidence::embedded().unwrap();
        let p = picture(&e, &at(9, 0));
        let nh = p.layers.iter().find(|l| l.kind == LayerKind::NaturalHistory).unwrap();
        assert_eq!(nh.points, vec![[40.0, 28.2]]);
        assert!(nh.hovers[0].contains("28.2 %") && nh.hovers[0].contains("n = 27"));
        let liver = p.layers.iter().find(|l| l.kind == LayerKind::LiverDisease).unwrap();
        assert_eq!(liver.points, vec![[5.0, 10.0], [10.0, 26.0], [20.0, 75.0]]);
        assert!(liver.joined);
        assert!(liver.hovers[0].contains("not a fitted curve"));
        let bg = p.layers.iter().find(|l| l.kind == LayerKind::Background).unwrap();
        assert_eq!(bg.rect, Some([20.0, 30.0, 40.0, 50.0]));
    }

    #[test]
    fn post_hsct_values_start_at_the_patients_age() {
        let e = Evidence::embedded().unwrap();
        let p = picture(&e, &at(3, 4));
        let after: Vec<_> = p.layers.iter().filter(|l| matches!(l.kind, LayerKind::AfterHsct(_))).collect();
        assert_eq!(after.len(), 3);
        for l in &after {
            assert!((l.points[0][0] - (40.0 / 12.0 + 5.0)).abs() < 1e-9, "{:?}", l.points);
            assert!(l.name.contains("y after HSCT now (EBMT 2019)"), "{}", l.name);
            assert!(l.hovers[0].contains("after HSCT now (3 years 4 months)"), "{}", l.hovers[0]);
        }
        let ys: Vec<f64> = after.iter().map(|l| l.points[0][1]).collect();
        assert_eq!(ys, vec![78.2, 58.1, 72.3]);
    }

    #[test]
    fn transplanted_patient_is_anchored_at_his_hsct() {
        let e = Evidence::embedded().unwrap();
        let mut pat = at(12, 0);
        pat.hsct = Hsct::Done { at: YearsMonths { years: 4, months: 6 } };
        let p = picture(&e, &pat);
        let anchor = p.anchor.unwrap();
        assert!((anchor.age - 4.5).abs() < 1e-12);
        assert_eq!(anchor.label, "his HSCT");
    }

    #[test]
    fn invalid_patient_gets_evidence_without_his_layers() {
        let e = Evidence::embedded().unwrap();
        let p = picture(&e, &at(-2, 0));
        assert_eq!(p.patient_age, None);
        assert!(p.layers.iter().all(|l| !matches!(l.kind, LayerKind::AfterHsct(_))));
        assert!(p.notes[0].contains("valid age"));
        assert!(p.window.is_some());
    }

    #[test]
    fn projections_past_the_axis_are_left_out() {
        let e = Evidence::embedded().unwrap();
        let p = picture(&e, &at(42, 0));
        assert!(p.layers.iter().all(|l| !matches!(l.kind, LayerKind::AfterHsct(_))));
    }
}
