//! Builds the [`Figure`] for one patient from the evidence and the loaded
//! cohorts: which value goes on which panel, with which words.

use super::curves::{RISK_TABLE_STEP_YEARS, curves_on};
use super::{
    AxisMeasure, Figure, Hover, MarkerKind, Panel, PanelId, RiskTable, Role, Series, SeriesId, SeriesKind,
    XMarker, XSpan,
};
use crate::model::Inputs;
use crate::model::clock::Clock;
use crate::model::evidence::words;
use crate::model::evidence::{AgeGroup, Cohort, Finding, Measure, TimePoint, Value, trim_number};
use crate::model::patient::{Hsct, Patient, describe_months};
use crate::model::text::{Paragraph, Quantity, Unit};
use crate::model::timing::TimingEvidence;

/// Right end of the age axis in years; the cohorts follow patients to 40.
pub const AGE_AXIS_MAX: f64 = 45.0;

/// Shortest x range of the after-HSCT panel, years: the published values
/// are at 5 years, and room beyond them shows where they stop.
const AFTER_HSCT_AXIS_MIN: f64 = 10.0;

/// Builds the figure (an unplaced patient gets the evidence without his
/// markers).
pub fn figure(inputs: &Inputs<'_>) -> Figure {
    let patient = inputs.patient;
    let age_markers = patient.map_or_else(Vec::new, age_markers);
    let window = window_span(inputs);

    let mut panels = vec![
        survival_by_age(inputs, &window, &age_markers),
        organ_damage_by_age(inputs, &window, &age_markers),
    ];
    panels.push(after_hsct(inputs));
    if inputs.cohorts.iter().any(|c| c.cohort.origin == Clock::SinceDiagnosis) {
        panels.push(since_diagnosis(inputs));
    }
    Figure { panels }
}

fn years(months: i32) -> f64 {
    f64::from(months) / 12.0
}

/// His age now, and his planned or actual HSCT, on the age clock.
fn age_markers(p: &Patient) -> Vec<XMarker> {
    let mut out = Vec::new();
    if let Some(age) = p.age_months() {
        out.push(XMarker {
            kind: MarkerKind::AgeNow,
            x_years: years(age),
            label: format!("His age now ({})", describe_months(age)),
        });
    }
    match p.hsct {
        Hsct::Done { .. } => {
            if let Some(at) = p.hsct_age_months() {
                out.push(XMarker {
                    kind: MarkerKind::Hsct,
                    x_years: years(at),
                    label: format!("His HSCT ({})", describe_months(at)),
                });
            }
        }
        Hsct::Planned { .. } => {
            if let Some(at) = p.planned_hsct_age_months() {
                out.push(XMarker {
                    kind: MarkerKind::PlannedHsct,
                    x_years: years(at),
                    label: format!("Planned HSCT ({})", describe_months(at)),
                });
            }
        }
        Hsct::None => {}
    }
    out
}

/// The ≤5-year band, from the Japan 2015 finding.
fn window_span(inputs: &Inputs<'_>) -> Option<XSpan> {
    let t = TimingEvidence::from_evidence(inputs.evidence)?;
    let (cohort, finding) = inputs.evidence.finding(crate::model::evidence::WINDOW_FINDING)?;
    let group = finding.age_group.map(AgeGroup::describe).unwrap_or_default();
    Some(XSpan {
        from_years: 0.0,
        to_years: years(t.window_end_months()),
        label: format!("HSCT at {group} ({}, {})", cohort.label, finding.n_text()),
        title: group.replace(" years", " y"),
        hover: format!(
            "{}\nSource: {}\n{}",
            finding.statement,
            words::citation_label(cohort, &finding.locator),
            cohort.citation
        ),
    })
}

fn survival_by_age(inputs: &Inputs<'_>, window: &Option<XSpan>, markers: &[XMarker]) -> Panel {
    let mut series = Vec::new();
    let notes = vec![Paragraph::new().text(
        "Markers are published values, each with its cohort; none of them is a projection for him. \
         Their n, clock and caveats are listed with the published values.",
    )];
    for cohort in &inputs.evidence.cohorts {
        for f in &cohort.findings {
            match (f.value, f.time) {
                (Some(Value::Percent(y)), Some(TimePoint::AtAge(x))) => {
                    series.push(published_point(cohort, f, x, y, Role::NoHsct, no_hsct_label(cohort, f)));
                }
                (Some(Value::PercentRange(lo, hi)), Some(TimePoint::AgeSpan(a, b))) => {
                    series.push(background_range(cohort, f, [a, b], [lo, hi]));
                }
                _ => {}
            }
        }
    }
    let ticks = ticks(AGE_AXIS_MAX);
    let landmark = (inputs.options.conditional)
        .then(|| inputs.patient.and_then(Patient::age_months).map(years))
        .flatten();
    let placed = curves_on(inputs.cohorts, Clock::Age, inputs.options, landmark, &ticks);
    let risk_table = (!placed.rows.is_empty()).then_some(RiskTable { ticks_years: ticks, rows: placed.rows });
    series.extend(placed.series);
    Panel {
        id: PanelId::SurvivalByAge,
        title: "Survival by age".to_owned(),
        clock: Clock::Age,
        measure: AxisMeasure::SurvivalPercent,
        x_range_years: [0.0, AGE_AXIS_MAX],
        spans: window.iter().cloned().collect(),
        markers: markers.to_vec(),
        series,
        risk_table,
        notes,
        curve_notes: placed.notes,
    }
}

/// "OS at 40 y, 27 boys without HSCT (Japan 2015)".
fn no_hsct_label(cohort: &Cohort, f: &Finding) -> String {
    let measure = f.measure.map_or("", Measure::short);
    let at = match f.time {
        Some(TimePoint::AtAge(a)) => format!(" at {} y", trim_number(a)),
        _ => String::new(),
    };
    let who = f.groups.first().map_or(String::new(), |g| format!(", {} boys without HSCT", g.n));
    format!("{measure}{at}{who} ({})", cohort.label)
}

fn published_point(cohort: &Cohort, f: &Finding, x: f64, y: f64, role: Role, label: String) -> Series {
    Series {
        id: SeriesId::Finding { cohort: cohort.id.clone(), finding: f.id.clone() },
        label,
        kind: SeriesKind::PublishedValues,
        role,
        source: Some(words::finding_source(cohort, f)),
        points: vec![[x, y]],
        band: None,
        censor_marks: Vec::new(),
        hover: Hover::PerPoint(vec![hover(cohort, f)]),
        direct_labels: vec![format!("{} %", trim_number(y))],
    }
}

/// A published range over an age span, as a box: its four corners carry the
/// same hover text and no point is drawn inside it.
fn background_range(cohort: &Cohort, f: &Finding, x: [f64; 2], y: [f64; 2]) -> Series {
    let text = hover(cohort, f);
    Series {
        id: SeriesId::Finding { cohort: cohort.id.clone(), finding: f.id.clone() },
        label: format!(
            "Background, not a cohort result: {} ({})",
            f.value.map(Value::describe).unwrap_or_default(),
            cohort.label
        ),
        kind: SeriesKind::PublishedRange { x_years: x, percent: y },
        role: Role::Background,
        source: Some(words::finding_source(cohort, f)),
        points: vec![[x[0], y[0]], [x[1], y[0]], [x[1], y[1]], [x[0], y[1]]],
        band: None,
        censor_marks: Vec::new(),
        hover: Hover::PerPoint(vec![text; 4]),
        direct_labels: Vec::new(),
    }
}

fn organ_damage_by_age(inputs: &Inputs<'_>, window: &Option<XSpan>, markers: &[XMarker]) -> Panel {
    let mut series = Vec::new();
    let mut notes = Vec::new();
    for cohort in &inputs.evidence.cohorts {
        for s in cohort.series.iter().filter(|s| s.measure == Measure::CumulativeIncidence) {
            let hovers = s
                .points
                .iter()
                .map(|&(x, y)| {
                    format!(
                        "{}: {} % at {} years of age\nWho: {}\nNumber of boys: {}\nClock: age (from birth)\nLine: {}\nSource: {}\n{}",
                        s.label,
                        trim_number(y),
                        trim_number(x),
                        s.population,
                        s.n_words(),
                        s.method.describe(),
                        words::citation_label(cohort, &s.locator),
                        cohort.citation
                    )
                })
                .collect();
            series.push(Series {
                id: SeriesId::PublishedSeries { cohort: cohort.id.clone(), series: s.id.clone() },
                label: format!("{} ({})", s.label, s.source_label(cohort)),
                kind: SeriesKind::JoinedPublishedPoints,
                role: Role::LiverDisease,
                source: Some(words::series_source(cohort, s)),
                points: s.points.iter().map(|&(x, y)| [x, y]).collect(),
                band: None,
                censor_marks: Vec::new(),
                hover: Hover::PerPoint(hovers),
                direct_labels: s.points.iter().map(|&(_, y)| format!("{} %", trim_number(y))).collect(),
            });
            let mut note = Paragraph::new().text(format!(
                "{} ({}): {}; ",
                s.label,
                s.source_label(cohort),
                s.population
            ));
            let count =
                |n: u32| Quantity::published(f64::from(n), Unit::Count, words::series_source(cohort, s));
            note = match (s.n, s.studied_in_all) {
                (Some(n), _) => note.num(count(n)).text(" boys"),
                (None, Some(all)) => {
                    note.text("their number is not given (").num(count(all)).text(" boys studied in all)")
                }
                (None, None) => note.text("their number is not given"),
            };
            if let Some(c) = &s.caveat {
                note = note.text(format!("; {c}"));
            }
            notes.push(note.text(". Dashed lines join published points; not a fitted curve."));
        }
    }
    Panel {
        id: PanelId::OrganDamageByAge,
        title: "Liver disease by age".to_owned(),
        clock: Clock::Age,
        measure: AxisMeasure::IncidencePercent,
        x_range_years: [0.0, AGE_AXIS_MAX],
        spans: window.iter().cloned().collect(),
        markers: markers.to_vec(),
        series,
        risk_table: None,
        notes,
        curve_notes: Vec::new(),
    }
}

fn after_hsct(inputs: &Inputs<'_>) -> Panel {
    let mut series = Vec::new();
    let mut notes = Vec::new();
    for cohort in &inputs.evidence.cohorts {
        for f in &cohort.findings {
            if let (Some(Value::Percent(y)), Some(TimePoint::AfterHsct(x)), Some(measure)) =
                (f.value, f.time, f.measure)
            {
                let ages = applies_to(f);
                let label = format!(
                    "{} {} y after HSCT, {ages} ({}, {})",
                    measure.short(),
                    trim_number(x),
                    cohort.label,
                    f.n_text()
                );
                series.push(published_point(cohort, f, x, y, Role::AfterHsct(measure), label));
            }
        }
    }
    if !series.is_empty() {
        notes.push(Paragraph::new().text(
            "Post-HSCT values describe boys who were transplanted, at the ages at HSCT named in each label; \
             none is a projection for him.",
        ));
    }
    let transplanted = inputs.patient.and_then(years_since_hsct);
    let mut markers = Vec::new();
    if let Some(x) = transplanted {
        markers.push(XMarker {
            kind: MarkerKind::SinceHsct,
            x_years: x,
            label: format!("His years since HSCT ({})", describe_months(months(x))),
        });
    }
    let landmark = inputs.options.conditional.then_some(transplanted).flatten();
    let provisional = ticks(AFTER_HSCT_AXIS_MIN.max(curve_extent(inputs, Clock::SinceHsct)));
    let placed = curves_on(inputs.cohorts, Clock::SinceHsct, inputs.options, landmark, &provisional);
    let x_max = AFTER_HSCT_AXIS_MIN.max(placed.x_max.ceil()).max(transplanted.unwrap_or(0.0).ceil() + 1.0);
    let risk_table =
        (!placed.rows.is_empty()).then_some(RiskTable { ticks_years: provisional, rows: placed.rows });
    series.extend(placed.series);
    Panel {
        id: PanelId::AfterHsct,
        title: "Survival after HSCT".to_owned(),
        clock: Clock::SinceHsct,
        measure: AxisMeasure::SurvivalPercent,
        x_range_years: [0.0, x_max],
        spans: Vec::new(),
        markers,
        series,
        risk_table,
        notes,
        curve_notes: placed.notes,
    }
}

fn since_diagnosis(inputs: &Inputs<'_>) -> Panel {
    let since = inputs.patient.and_then(|p| {
        let dx = p.age_at_diagnosis?.total_months()?;
        Some(years(p.age_months()? - dx))
    });
    let mut markers = Vec::new();
    if let Some(x) = since {
        markers.push(XMarker {
            kind: MarkerKind::SinceDiagnosis,
            x_years: x,
            label: format!("His years since diagnosis ({})", describe_months(months(x))),
        });
    }
    let landmark = inputs.options.conditional.then_some(since).flatten();
    let ticks = ticks(AFTER_HSCT_AXIS_MIN.max(curve_extent(inputs, Clock::SinceDiagnosis)));
    let placed = curves_on(inputs.cohorts, Clock::SinceDiagnosis, inputs.options, landmark, &ticks);
    let x_max = AFTER_HSCT_AXIS_MIN.max(placed.x_max.ceil());
    let risk_table = (!placed.rows.is_empty()).then_some(RiskTable { ticks_years: ticks, rows: placed.rows });
    Panel {
        id: PanelId::SinceDiagnosis,
        title: "Survival since diagnosis".to_owned(),
        clock: Clock::SinceDiagnosis,
        measure: AxisMeasure::SurvivalPercent,
        x_range_years: [0.0, x_max],
        spans: Vec::new(),
        markers,
        series: placed.series,
        risk_table,
        notes: Vec::new(),
        curve_notes: placed.notes,
    }
}

/// Longest follow-up of any cohort on `clock`, years.
fn curve_extent(inputs: &Inputs<'_>, clock: Clock) -> f64 {
    inputs
        .cohorts
        .iter()
        .filter(|c| c.cohort.origin == clock)
        .flat_map(|c| {
            c.fits.iter().map(move |f| f.times().last().copied().unwrap_or(0.0) * c.cohort.unit.to_years())
        })
        .fold(0.0, f64::max)
}

/// Whole years from 0 to `max`, the risk table's columns.
fn ticks(max: f64) -> Vec<f64> {
    (0..).map(|k| f64::from(k) * RISK_TABLE_STEP_YEARS).take_while(|x| *x <= max.ceil()).collect()
}

fn months(years: f64) -> i32 {
    #[expect(clippy::cast_possible_truncation, reason = "ages are at most 80 years")]
    let m = (years * 12.0).round() as i32;
    m
}

/// Years since his HSCT, for a transplanted boy with a valid record.
pub fn years_since_hsct(p: &Patient) -> Option<f64> {
    Some(years(p.age_months()? - p.hsct_age_months()?))
}

/// For which ages at HSCT a post-HSCT value holds.
fn applies_to(f: &Finding) -> String {
    match f.age_group {
        Some(g) => format!("HSCT at {}", g.describe()),
        None => "all ages at HSCT".to_owned(),
    }
}

/// Hover text: value, n, time point, clock and source.
fn hover(cohort: &Cohort, f: &Finding) -> String {
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
    let clock = match f.time {
        Some(TimePoint::AtAge(_) | TimePoint::AgeSpan(..)) => "age (from birth)",
        Some(TimePoint::AfterHsct(_)) => "years since HSCT",
        None => cohort.time_origin.describe(),
    };
    lines.push(format!("Clock: {clock}"));
    if let Some(TimePoint::AfterHsct(_)) = f.time {
        lines.push(format!("Holds for: {}", applies_to(f)));
    }
    if let Some(c) = &f.caveat {
        lines.push(c.clone());
    }
    lines.push(format!("Source: {}", words::citation_label(cohort, &f.locator)));
    lines.push(cohort.citation.clone());
    lines.join("\n")
}
