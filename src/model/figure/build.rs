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
use crate::model::evidence::{AgeGroup, Arm, Cohort, Finding, Measure, TimePoint, Value, trim_number};
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
    panels.push(since_diagnosis(inputs));
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
                (Some(v), Some(TimePoint::AtAge(x))) if v.plotted_percent().is_some() => {
                    series.push(published_point(cohort, f, v, x, Role::NoHsct, no_hsct_label(cohort, f)));
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
    let measure = match f.value {
        // A value the authors qualified carries their word in the legend too.
        Some(v @ (Value::Approximately(_) | Value::CloseTo(_) | Value::GreaterThan(_))) => {
            format!("{} {}", f.measure.map_or_else(String::new, Measure::short), v.describe())
        }
        _ => f.measure.map_or_else(String::new, Measure::short).to_owned(),
    };
    let at = match f.time {
        Some(TimePoint::AtAge(a)) => format!(" at {} y", trim_number(a)),
        _ => String::new(),
    };
    let who = f.groups.first().map_or(String::new(), |g| format!(", {} boys without HSCT", g.n));
    format!("{measure}{at}{who} ({})", cohort.label)
}

/// One published value as a marker at (x, its plotted percent), drawn as
/// what it is (exact, approximate, a lower bound, a median) and labelled
/// with its authors' word.
fn published_point(cohort: &Cohort, f: &Finding, v: Value, x: f64, role: Role, label: String) -> Series {
    let direct = match v {
        Value::Median => format!("median {} y", trim_number(x)),
        _ => v.marker_label(),
    };
    Series {
        id: SeriesId::Finding { cohort: cohort.id.clone(), finding: f.id.clone() },
        label,
        kind: SeriesKind::PublishedValues { kind: v.kind(), word: v.qualifier() },
        role,
        source: Some(words::finding_source(cohort, f)),
        points: vec![[x, v.plotted_percent().unwrap_or_default()]],
        band: None,
        censor_marks: Vec::new(),
        hover: Hover::PerPoint(vec![hover(cohort, f)]),
        direct_labels: vec![direct],
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
            if let (Some(v), Some(TimePoint::AfterHsct(x)), Some(measure)) = (f.value, f.time, f.measure)
                && v.plotted_percent().is_some()
            {
                series.push(published_point(
                    cohort,
                    f,
                    v,
                    x,
                    Role::AfterHsct(measure),
                    after_hsct_label(cohort, f, v, x),
                ));
            }
        }
    }
    if !series.is_empty() {
        notes.push(Paragraph::new().text(
            "Post-HSCT values describe boys who were transplanted, at the ages at HSCT named in each label; \
             none is a projection for him. An open marker is a value the authors gave as approximate; an \
             arrow up is a lower bound.",
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
        notes.extend(his_time_after_hsct(inputs, x));
    }
    let landmark = inputs.options.conditional.then_some(transplanted).flatten();
    let published_extent = series.iter().flat_map(|s| s.points.iter().map(|p| p[0])).fold(0.0, f64::max);
    let provisional =
        ticks(AFTER_HSCT_AXIS_MIN.max(curve_extent(inputs, Clock::SinceHsct)).max(published_extent));
    let placed = curves_on(inputs.cohorts, Clock::SinceHsct, inputs.options, landmark, &provisional);
    let x_max = AFTER_HSCT_AXIS_MIN
        .max(placed.x_max.ceil())
        .max(published_extent.ceil() + 1.0)
        .max(transplanted.unwrap_or(0.0).ceil() + 1.0);
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

/// "OS 5 y after HSCT, all ages at HSCT (EBMT 2019, n = 130)"; a value the
/// authors qualified carries their word, and a value of one era names it:
/// "OS approximately 80 % at 1 y after HSCT, HCT 1996–2005, all ages at HSCT
/// (International 2017)".
fn after_hsct_label(cohort: &Cohort, f: &Finding, v: Value, x: f64) -> String {
    let measure = f.measure.map_or_else(String::new, Measure::short);
    let what = match v {
        Value::Percent(_) => format!("{measure} {} y after HSCT", trim_number(x)),
        _ => format!("{measure} {} at {} y after HSCT", v.describe(), trim_number(x)),
    };
    let era = f.era.as_ref().map_or(String::new(), |e| format!(", {e}"));
    let n = f.n_text();
    let n = if n.is_empty() { String::new() } else { format!(", {n}") };
    format!("{what}{era}, {} ({}{n})", applies_to(f), cohort.label)
}

/// Findings about the time after HSCT that are no point on a curve: where
/// deaths fell, and what transplanted boys lived with.
const AFTER_HSCT_FACTS: [(&str, &str); 5] = [
    ("international-2017", "gvhd"),
    ("international-2017", "not-engrafted"),
    ("international-2017", "second-hct"),
    ("ebmt-2019", "chimerism"),
    ("ebmt-2019", "deaths"),
];

/// What is published about his time since HSCT, as notes under the panel:
/// where he is against the first year, in which most deaths fell, and the
/// follow-up facts (harms, engraftment, chimerism), none of them a point
/// of a curve for him.
fn his_time_after_hsct(inputs: &Inputs<'_>, since: f64) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let evidence = inputs.evidence;
    if let Some((c, f)) = evidence.finding(crate::model::evidence::DEATHS_AFTER_HSCT_FINDING) {
        let src = words::finding_source(c, f);
        let where_he_is = if since < 1.0 {
            "He is within the first year after HSCT. "
        } else {
            "He is past the first year after HSCT. "
        };
        out.push(
            Paragraph::new()
                .text(where_he_is)
                .text(format!("{}: ", c.label))
                .quote(f.statement.clone(), src.clone())
                .text(" ")
                .cite(src),
        );
    }
    let mut facts =
        Paragraph::new().text("Published about transplanted boys (follow-up facts, not points on a curve): ");
    let mut any = false;
    for id in AFTER_HSCT_FACTS {
        if let Some((c, f)) = evidence.finding(id) {
            let src = words::finding_source(c, f);
            if any {
                facts = facts.text(" ");
            }
            facts = facts
                .text(format!("{}: ", c.label))
                .quote(f.statement.clone(), src.clone())
                .text(" ")
                .cite(src);
            any = true;
        }
    }
    if any {
        out.push(facts);
    }
    out
}

/// Survival from diagnosis: International 2017's medians as points at 50 %
/// (the median is the time at which half were alive), his years since
/// diagnosis, and a centre's curves on this clock. Always shown, because
/// EBMT 2019's "within 2 years of diagnosis" and the medians run on it.
fn since_diagnosis(inputs: &Inputs<'_>) -> Panel {
    let since = inputs.patient.and_then(|p| {
        let dx = p.age_at_diagnosis?.total_months()?;
        let age = p.age_months()?;
        (age >= dx).then(|| years(age - dx))
    });
    let mut series = Vec::new();
    for cohort in &inputs.evidence.cohorts {
        for f in &cohort.findings {
            if let (Some(v), Some(TimePoint::AfterDiagnosis(x))) = (f.value, f.time)
                && v.plotted_percent().is_some()
            {
                let role = match f.arm {
                    Some(Arm::WithHsct) => Role::WithHsct,
                    Some(Arm::WithoutHsct) => Role::NoHsct,
                    Some(Arm::All) | None => Role::AllPatients,
                };
                series.push(published_point(cohort, f, v, x, role, since_diagnosis_label(cohort, f, v, x)));
            }
        }
    }
    let mut notes = Vec::new();
    if !series.is_empty() {
        notes.push(Paragraph::new().text(
            "A median is the time from diagnosis at which half of the group were alive, so it is drawn at 50 %; \
             the medians describe the cohort's boys, and none is a projection for him.",
        ));
    }
    let mut markers = Vec::new();
    if let Some(x) = since {
        markers.push(XMarker {
            kind: MarkerKind::SinceDiagnosis,
            x_years: x,
            label: format!("His years since diagnosis ({})", describe_months(months(x))),
        });
    } else if inputs.patient.is_some() {
        notes.push(
            Paragraph::new().text("His age at diagnosis is not recorded, so he is not placed on this clock."),
        );
    }
    let published_extent = series.iter().flat_map(|s| s.points.iter().map(|p| p[0])).fold(0.0, f64::max);
    let landmark = inputs.options.conditional.then_some(since).flatten();
    let ticks = ticks(AFTER_HSCT_AXIS_MIN.max(curve_extent(inputs, Clock::SinceDiagnosis)));
    let placed = curves_on(inputs.cohorts, Clock::SinceDiagnosis, inputs.options, landmark, &ticks);
    let x_max = AFTER_HSCT_AXIS_MIN
        .max(placed.x_max.ceil())
        .max((published_extent + 5.0).ceil())
        .max(since.unwrap_or(0.0).ceil() + 1.0);
    let risk_table = (!placed.rows.is_empty()).then_some(RiskTable { ticks_years: ticks, rows: placed.rows });
    series.extend(placed.series);
    Panel {
        id: PanelId::SinceDiagnosis,
        title: "Survival since diagnosis".to_owned(),
        clock: Clock::SinceDiagnosis,
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

/// "Median survival 20 y from diagnosis, with HCT (International 2017, n = 67)".
fn since_diagnosis_label(cohort: &Cohort, f: &Finding, v: Value, x: f64) -> String {
    let what = match v {
        Value::Median => format!("Median survival {} y from diagnosis", trim_number(x)),
        _ => format!("{} {} y after diagnosis", v.describe(), trim_number(x)),
    };
    let who = f.groups.first().map_or(String::new(), |g| format!(", {}", g.label));
    let n = f.groups.first().map_or(String::new(), |g| format!(", n = {}", g.n));
    format!("{what}{who} ({}{n})", cohort.label)
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
    let clock = f.time.map_or_else(|| cohort.time_origin.describe(), TimePoint::clock_words);
    lines.push(format!("Clock: {clock}"));
    if let Some(era) = &f.era {
        lines.push(format!("Era: {era}"));
    }
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
