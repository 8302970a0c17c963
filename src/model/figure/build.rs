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
use crate::model::l10n::{self, Arg, Lang};
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

/// The clinician's words for the figure, from the evidence message file.
fn say(id: &str, args: &[(&str, Arg)]) -> String {
    l10n::en(id, args)
}

/// The same as a paragraph, numbers and citations kept as runs.
fn sentence(id: &str, args: &[(&str, Arg)]) -> Paragraph {
    l10n::paragraph(Lang::En, id, args)
}

fn text(s: impl Into<String>) -> Arg {
    Arg::Text(s.into())
}

/// A number as the clinical formatter writes it.
fn num(x: f64) -> Arg {
    Arg::Text(trim_number(x))
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
            label: say("figure-marker-age-now", &[("age", text(describe_months(age)))]),
        });
    }
    match p.hsct {
        Hsct::Done { .. } => {
            if let Some(at) = p.hsct_age_months() {
                out.push(XMarker {
                    kind: MarkerKind::Hsct,
                    x_years: years(at),
                    label: say("figure-marker-hsct", &[("age", text(describe_months(at)))]),
                });
            }
        }
        Hsct::Planned { .. } => {
            if let Some(at) = p.planned_hsct_age_months() {
                out.push(XMarker {
                    kind: MarkerKind::PlannedHsct,
                    x_years: years(at),
                    label: say("figure-marker-planned", &[("age", text(describe_months(at)))]),
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
        label: say(
            "figure-window-label",
            &[("group", text(&group)), ("cohort", text(&cohort.label)), ("n", text(finding.n_text()))],
        ),
        title: match finding.age_group {
            Some(AgeGroup::AtMostYears(y)) => {
                say("figure-window-title-at-most", &[("years", text(y.to_string()))])
            }
            Some(AgeGroup::UnderYears(y)) => {
                say("figure-window-title-under", &[("years", text(y.to_string()))])
            }
            None => String::new(),
        },
        hover: say(
            "figure-window-hover",
            &[
                ("statement", text(&finding.statement)),
                ("source", text(words::citation_label(cohort, &finding.locator))),
                ("citation", text(&cohort.citation)),
            ],
        ),
    })
}

fn survival_by_age(inputs: &Inputs<'_>, window: &Option<XSpan>, markers: &[XMarker]) -> Panel {
    let mut series = Vec::new();
    let notes = vec![sentence("figure-note-markers", &[])];
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
        title: say("panel-survival-by-age", &[]),
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
        Some(v @ (Value::Approximately(_) | Value::CloseTo(_) | Value::GreaterThan(_))) => say(
            "figure-measure-value",
            &[
                ("measure", text(f.measure.map_or_else(String::new, Measure::short))),
                ("value", text(v.describe())),
            ],
        ),
        _ => f.measure.map_or_else(String::new, Measure::short),
    };
    let at = match f.time {
        Some(TimePoint::AtAge(a)) => say("figure-at-age-short", &[("years", num(a))]),
        _ => String::new(),
    };
    let who = f
        .groups
        .first()
        .map_or(String::new(), |g| say("figure-boys-without-hsct", &[("n", text(g.n.to_string()))]));
    say(
        "figure-no-hsct-label",
        &[("measure", text(measure)), ("at", text(at)), ("who", text(who)), ("cohort", text(&cohort.label))],
    )
}

/// One published value as a marker at (x, its plotted percent), drawn as
/// what it is (exact, approximate, a lower bound, a median) and labelled
/// with its authors' word.
fn published_point(cohort: &Cohort, f: &Finding, v: Value, x: f64, role: Role, label: String) -> Series {
    let direct = match v {
        Value::Median => say("figure-median-direct", &[("years", num(x))]),
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
    let hover_text = hover(cohort, f);
    Series {
        id: SeriesId::Finding { cohort: cohort.id.clone(), finding: f.id.clone() },
        label: say(
            "figure-background-label",
            &[
                ("value", text(f.value.map(Value::describe).unwrap_or_default())),
                ("cohort", text(&cohort.label)),
            ],
        ),
        kind: SeriesKind::PublishedRange { x_years: x, percent: y },
        role: Role::Background,
        source: Some(words::finding_source(cohort, f)),
        points: vec![[x[0], y[0]], [x[1], y[0]], [x[1], y[1]], [x[0], y[1]]],
        band: None,
        censor_marks: Vec::new(),
        hover: Hover::PerPoint(vec![hover_text; 4]),
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
                    say(
                        "figure-liver-hover",
                        &[
                            ("series", text(&s.label)),
                            ("percent", num(y)),
                            ("age", num(x)),
                            ("who", text(&s.population)),
                            ("n", text(s.n_words())),
                            ("line", text(s.method.describe())),
                            ("source", text(words::citation_label(cohort, &s.locator))),
                            ("citation", text(&cohort.citation)),
                        ],
                    )
                })
                .collect();
            series.push(Series {
                id: SeriesId::PublishedSeries { cohort: cohort.id.clone(), series: s.id.clone() },
                label: say(
                    "figure-series-label",
                    &[("series", text(&s.label)), ("source", text(s.source_label(cohort)))],
                ),
                kind: SeriesKind::JoinedPublishedPoints,
                role: Role::LiverDisease,
                source: Some(words::series_source(cohort, s)),
                points: s.points.iter().map(|&(x, y)| [x, y]).collect(),
                band: None,
                censor_marks: Vec::new(),
                hover: Hover::PerPoint(hovers),
                direct_labels: s
                    .points
                    .iter()
                    .map(|&(_, y)| say("published-percent", &[("percent", num(y))]))
                    .collect(),
            });
            let mut note = sentence(
                "figure-liver-note",
                &[
                    ("series", text(&s.label)),
                    ("source", text(s.source_label(cohort))),
                    ("population", text(&s.population)),
                ],
            );
            let count = |n: u32| {
                Arg::Num(Quantity::published(f64::from(n), Unit::Count, words::series_source(cohort, s)))
            };
            note = note.then(match (s.n, s.studied_in_all) {
                (Some(n), _) => sentence("figure-liver-boys", &[("n", count(n))]),
                (None, Some(all)) => sentence("figure-liver-not-given-of", &[("all", count(all))]),
                (None, None) => sentence("figure-liver-not-given", &[]),
            });
            if let Some(c) = &s.caveat {
                note = note.then(sentence("figure-liver-caveat", &[("caveat", text(c))]));
            }
            notes.push(note.then(sentence("figure-liver-dashed", &[])));
        }
    }
    Panel {
        id: PanelId::OrganDamageByAge,
        title: say("panel-liver-by-age", &[]),
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
        notes.push(sentence("figure-after-hsct-note", &[]));
    }
    let transplanted = inputs.patient.and_then(years_since_hsct);
    let mut markers = Vec::new();
    if let Some(x) = transplanted {
        markers.push(XMarker {
            kind: MarkerKind::SinceHsct,
            x_years: x,
            label: say("figure-marker-since-hsct", &[("time", text(describe_months(months(x))))]),
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
        title: say("panel-after-hsct", &[]),
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
        Value::Percent(_) => say("figure-after-hsct-what", &[("measure", text(measure)), ("years", num(x))]),
        _ => say(
            "figure-after-hsct-what-value",
            &[("measure", text(measure)), ("value", text(v.describe())), ("years", num(x))],
        ),
    };
    let era = f.era.as_ref().map_or(String::new(), |e| part(e.clone()));
    let n = f.n_text();
    let n = if n.is_empty() { String::new() } else { part(n) };
    say(
        "figure-after-hsct-label",
        &[
            ("what", text(what)),
            ("era", text(era)),
            ("applies", text(applies_to(f))),
            ("cohort", text(&cohort.label)),
            ("n", text(n)),
        ],
    )
}

/// ", HCT 1996–2005": one more part of a legend label.
fn part(words: String) -> String {
    say("figure-part", &[("part", Arg::Text(words))])
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
        let within = text(if since < 1.0 { "yes" } else { "no" });
        out.push(
            sentence("figure-first-year", &[("within", within)])
                .then(sentence("figure-cohort-lead", &[("cohort", text(&c.label))]))
                .quote(f.statement.clone(), src.clone())
                .text(" ")
                .cite(src),
        );
    }
    let mut facts = sentence("figure-after-hsct-facts", &[]);
    let mut any = false;
    for id in AFTER_HSCT_FACTS {
        if let Some((c, f)) = evidence.finding(id) {
            let src = words::finding_source(c, f);
            if any {
                facts = facts.text(" ");
            }
            facts = facts
                .then(sentence("figure-cohort-lead", &[("cohort", text(&c.label))]))
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
        notes.push(sentence("figure-median-note", &[]));
    }
    let mut markers = Vec::new();
    if let Some(x) = since {
        markers.push(XMarker {
            kind: MarkerKind::SinceDiagnosis,
            x_years: x,
            label: say("figure-marker-since-diagnosis", &[("time", text(describe_months(months(x))))]),
        });
    } else if inputs.patient.is_some() {
        notes.push(sentence("figure-diagnosis-not-recorded", &[]));
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
        title: say("panel-since-diagnosis", &[]),
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
        Value::Median => say("figure-median-from-diagnosis", &[("years", num(x))]),
        _ => say("figure-value-after-diagnosis", &[("value", text(v.describe())), ("years", num(x))]),
    };
    let who = f.groups.first().map_or(String::new(), |g| part(g.label.clone()));
    let n =
        f.groups.first().map_or(String::new(), |g| part(say("evidence-n", &[("n", text(g.n.to_string()))])));
    say(
        "figure-since-diagnosis-label",
        &[("what", text(what)), ("who", text(who)), ("cohort", text(&cohort.label)), ("n", text(n))],
    )
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
        Some(g) => say("figure-applies-group", &[("group", text(g.describe()))]),
        None => say("figure-applies-all", &[]),
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
    facts.push(if n.is_empty() { say("figure-n-not-reported", &[]) } else { n });
    if let Some(t) = f.time {
        facts.push(t.describe());
    }
    lines.push(facts.join(" · "));
    let clock = f.time.map_or_else(|| cohort.time_origin.describe(), TimePoint::clock_words);
    lines.push(say("figure-hover-clock", &[("clock", text(clock))]));
    if let Some(era) = &f.era {
        lines.push(say("figure-hover-era", &[("era", text(era))]));
    }
    if let Some(TimePoint::AfterHsct(_)) = f.time {
        lines.push(say("figure-hover-holds", &[("applies", text(applies_to(f)))]));
    }
    if let Some(c) = &f.caveat {
        lines.push(c.clone());
    }
    lines.push(say("figure-hover-source", &[("source", text(words::citation_label(cohort, &f.locator)))]));
    lines.push(cohort.citation.clone());
    lines.join("\n")
}
