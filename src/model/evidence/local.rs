//! Published findings a user adds by hand, from a paper the app does not
//! ship. The form's text is checked field by field (each problem named, so
//! the form can mark it) and turned into a [`Cohort`] with one [`Finding`],
//! marked as added locally: it joins the evidence beside the embedded
//! cohorts and never mixes into them.

use super::{
    Cohort, Finding, Group, LocalAddition, Measure, TimeOrigin, TimePoint, Topic, Value, trim_number,
};
use crate::model::clock::Clock;
use crate::model::cohort::Publication;
use crate::model::l10n::{self, Arg};

/// What the form holds, as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalFindingForm {
    /// Full citation.
    pub citation: String,
    /// DOI (`10.…`) or PMID (digits), optional.
    pub identifier: String,
    /// What was measured.
    pub measure: Measure,
    /// What the finding is about (the evidence panel's heading).
    pub topic: Topic,
    /// The group it reports on, e.g. "HSCT at ≤5 years".
    pub group: String,
    /// Patients in the group, optional.
    pub n: String,
    /// The value in percent.
    pub value: String,
    /// Lower end of the 95 % confidence interval in percent, optional.
    pub low: String,
    /// Upper end, optional (both ends or neither).
    pub high: String,
    /// When the value applies, in years on `clock`; optional.
    pub time: String,
    /// The clock `time` runs on.
    pub clock: Clock,
    /// Where in the paper ("Table 2", "Results, p. 1020").
    pub locator: String,
}

impl Default for LocalFindingForm {
    fn default() -> Self {
        Self {
            citation: String::new(),
            identifier: String::new(),
            measure: Measure::OverallSurvival,
            topic: Topic::HsctOutcome,
            group: String::new(),
            n: String::new(),
            value: String::new(),
            low: String::new(),
            high: String::new(),
            time: String::new(),
            clock: Clock::SinceHsct,
            locator: String::new(),
        }
    }
}

/// A form field, so a problem can be shown beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FindingField {
    /// Citation.
    Citation,
    /// DOI or PMID.
    Identifier,
    /// Group.
    Group,
    /// Number of patients.
    N,
    /// Value.
    Value,
    /// Confidence interval.
    Interval,
    /// Time point.
    Time,
    /// Where in the paper.
    Locator,
}

/// Words for a measure in a sentence.
pub fn measure_words(measure: Measure) -> String {
    let id = match measure {
        Measure::OverallSurvival => "local-measure-os",
        Measure::EventFreeSurvival => "local-measure-efs",
        Measure::DiseaseFreeSurvival => "local-measure-dfs",
        Measure::CumulativeIncidence => "local-measure-cumulative-incidence",
        Measure::Proportion => "local-measure-proportion",
    };
    l10n::en(id, &[])
}

/// A problem with the form, in the clinician's words.
fn problem(id: &str) -> String {
    l10n::en(id, &[])
}

/// A problem with what was typed, quoting it.
fn typed(id: &str, text: &str) -> String {
    l10n::en(id, &[("text", Arg::Text(text.to_owned()))])
}

/// A number as the clinical formatter writes it, for a message.
fn num(x: f64) -> Arg {
    Arg::Text(trim_number(x))
}

/// Every measure, in the order the form lists them.
pub const MEASURES: [Measure; 5] = [
    Measure::OverallSurvival,
    Measure::EventFreeSurvival,
    Measure::DiseaseFreeSurvival,
    Measure::CumulativeIncidence,
    Measure::Proportion,
];

/// Every topic, in the order the form lists them.
pub const TOPICS: [Topic; 8] = [
    Topic::HsctOutcome,
    Topic::Timing,
    Topic::HsctVersusNone,
    Topic::Harms,
    Topic::RiskFactor,
    Topic::Donor,
    Topic::NaturalHistory,
    Topic::Cohort,
];

/// Checks the form and builds the cohort. `taken` are the cohort ids
/// already in use (the new id avoids them).
///
/// # Errors
/// Every problem, with the field it belongs to.
pub fn local_cohort(
    form: &LocalFindingForm,
    taken: &[&str],
    added: LocalAddition,
) -> Result<Cohort, Vec<(FindingField, String)>> {
    let mut problems = Vec::new();
    let citation = form.citation.trim();
    if citation.is_empty() {
        problems.push((FindingField::Citation, problem("local-citation-required")));
    }
    let (doi, pmid) = identifier(&form.identifier).unwrap_or_else(|e| {
        problems.push((FindingField::Identifier, e));
        (None, None)
    });
    let group = form.group.trim();
    if group.is_empty() {
        problems.push((FindingField::Group, problem("local-group-required")));
    }
    let n = optional(&form.n, |t| t.parse::<u32>().ok().filter(|n| *n > 0))
        .map_err(|t| problems.push((FindingField::N, typed("local-n-not-whole", &t))))
        .ok()
        .flatten();
    let value = percent(&form.value)
        .and_then(|v| v.ok_or_else(|| problem("local-value-required")))
        .map_err(|e| problems.push((FindingField::Value, e)))
        .ok();
    let interval =
        interval(&form.low, &form.high, value).map_err(|e| problems.push((FindingField::Interval, e)));
    let time =
        optional(&form.time, |t| t.parse::<f64>().ok().filter(|y| y.is_finite() && *y >= 0.0 && *y <= 120.0))
            .map_err(|t| {
                problems.push((FindingField::Time, typed("local-time-not-years", &t)));
            })
            .ok()
            .flatten();
    let locator = form.locator.trim();
    if locator.is_empty() {
        problems.push((FindingField::Locator, problem("local-locator-required")));
    }
    let (Some(value), Ok(interval), true) = (value, interval, problems.is_empty()) else {
        return Err(problems);
    };
    let label =
        Publication { citation: citation.to_owned(), doi: None, pmid: None, figure: None, population: None }
            .short();
    let statement = statement(form.measure, time, form.clock, value, interval, group, n);
    let (time_point, time_origin) = match (form.clock, time) {
        (Clock::Age, Some(t)) => (Some(TimePoint::AtAge(t)), TimeOrigin::Age),
        (Clock::SinceHsct, Some(t)) => (Some(TimePoint::AfterHsct(t)), TimeOrigin::SinceHsct),
        (Clock::SinceDiagnosis, Some(t)) => {
            (Some(TimePoint::AfterDiagnosis(t)), TimeOrigin::SinceDiagnosisOrHsct)
        }
        (Clock::SinceDiagnosis, None) => (None, TimeOrigin::SinceDiagnosisOrHsct),
        (Clock::Age, None) => (None, TimeOrigin::Age),
        (Clock::SinceHsct, None) => (None, TimeOrigin::SinceHsct),
    };
    Ok(Cohort {
        id: unique_id(&label, taken),
        label,
        citation: citation.to_owned(),
        doi,
        pmid,
        design: l10n::en("local-design", &[]),
        patients: n,
        era: None,
        method: l10n::en("local-method", &[]),
        time_origin,
        findings: vec![Finding {
            id: "finding".to_owned(),
            topic: form.topic,
            statement,
            locator: locator.to_owned(),
            groups: n
                .map(|n| vec![Group { label: group.to_owned(), n, part_of_previous: false }])
                .unwrap_or_default(),
            measure: Some(form.measure),
            value: Some(Value::Percent(value)),
            time: time_point,
            era: None,
            arm: None,
            age_group: None,
            short: None,
            caveat: None,
            matches: Vec::new(),
            question: None,
            about: None,
            within_years_of_diagnosis: None,
            comments_on: None,
        }],
        series: Vec::new(),
        added: Some(added),
    })
}

/// `Ok(None)` for an empty field; `Err(text)` when it does not parse.
fn optional<T>(text: &str, parse: impl Fn(&str) -> Option<T>) -> Result<Option<T>, String> {
    let t = text.trim();
    if t.is_empty() { Ok(None) } else { parse(t).map(Some).ok_or_else(|| t.to_owned()) }
}

fn percent(text: &str) -> Result<Option<f64>, String> {
    optional(text.trim().trim_end_matches('%'), |t| {
        t.trim().replace(',', ".").parse::<f64>().ok().filter(|p| p.is_finite() && (0.0..=100.0).contains(p))
    })
    .map_err(|t| typed("local-not-percent", &t))
}

fn interval(low: &str, high: &str, value: Option<f64>) -> Result<Option<(f64, f64)>, String> {
    match (percent(low)?, percent(high)?) {
        (None, None) => Ok(None),
        (Some(lo), Some(hi)) if lo <= hi && value.is_none_or(|v| lo <= v && v <= hi) => Ok(Some((lo, hi))),
        (Some(_), Some(_)) => Err(problem("local-interval-order")),
        _ => Err(problem("local-interval-both")),
    }
}

/// A DOI (`10.…/…`, with or without `doi:` or the doi.org address) or a
/// PMID (digits, with or without `PMID:`).
fn identifier(text: &str) -> Result<(Option<String>, Option<String>), String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok((None, None));
    }
    let lower = t.to_lowercase();
    let doi = ["https://doi.org/", "http://doi.org/", "doi:", "doi "]
        .iter()
        .find_map(|p| if lower.starts_with(p) { t.get(p.len()..).map(str::trim) } else { None })
        .unwrap_or(t);
    if doi.starts_with("10.") && doi.contains('/') && !doi.contains(char::is_whitespace) {
        return Ok((Some(doi.to_owned()), None));
    }
    let pmid = lower.strip_prefix("pmid").map_or(t, |rest| rest.trim_start_matches([':', ' ']));
    if !pmid.is_empty() && pmid.len() <= 9 && pmid.bytes().all(|b| b.is_ascii_digit()) {
        return Ok((None, Some(pmid.to_owned())));
    }
    Err(typed("local-not-identifier", t))
}

fn statement(
    measure: Measure,
    time: Option<f64>,
    clock: Clock,
    value: f64,
    interval: Option<(f64, f64)>,
    group: &str,
    n: Option<u32>,
) -> String {
    let when = time.map_or_else(String::new, |t| {
        let id = match clock {
            Clock::Age => "local-when-age",
            Clock::SinceHsct => "local-when-since-hsct",
            Clock::SinceDiagnosis => "local-when-since-diagnosis",
        };
        l10n::en(id, &[("years", num(t))])
    });
    let ci = interval
        .map_or_else(String::new, |(lo, hi)| l10n::en("local-ci", &[("low", num(lo)), ("high", num(hi))]));
    let n = n.map_or_else(String::new, |n| l10n::en("local-n", &[("n", Arg::Text(n.to_string()))]));
    l10n::en(
        "local-statement",
        &[
            ("measure", Arg::Text(measure_words(measure))),
            ("when", Arg::Text(when)),
            ("value", num(value)),
            ("ci", Arg::Text(ci)),
            ("group", Arg::Text(group.to_owned())),
            ("n", Arg::Text(n)),
        ],
    )
}

fn unique_id(label: &str, taken: &[&str]) -> String {
    let slug: String = label
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = format!("local-{}", if slug.is_empty() { "finding" } else { &slug });
    (1..)
        .map(|k| if k == 1 { base.clone() } else { format!("{base}-{k}") })
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evidence::Evidence;

    fn form() -> LocalFindingForm {
        LocalFindingForm {
            citation: "Example A, Other B. Outcomes after transplant. Blood 2022;1:1-9.".to_owned(),
            identifier: "doi:10.1000/xyz123".to_owned(),
            group: "HSCT at ≤5 years".to_owned(),
            n: "14".to_owned(),
            value: "78.5".to_owned(),
            low: "60".to_owned(),
            high: "89 %".to_owned(),
            time: "5".to_owned(),
            locator: "Table 2".to_owned(),
            ..LocalFindingForm::default()
        }
    }

    fn by() -> LocalAddition {
        LocalAddition { by: "A. Clinician".to_owned(), on: "2026-11-25".to_owned() }
    }

    #[test]
    fn a_complete_form_becomes_a_local_cohort() {
        let c = local_cohort(&form(), &["local-example-2022"], by()).unwrap();
        assert_eq!(c.id, "local-example-2022-2", "ids never collide");
        assert_eq!(c.label, "Example 2022");
        assert_eq!(c.doi.as_deref(), Some("10.1000/xyz123"));
        assert_eq!(c.time_origin, TimeOrigin::SinceHsct);
        let f = &c.findings[0];
        assert_eq!(
            f.statement,
            "Overall survival 5 years after HSCT: 78.5 % (95 % CI 60–89 %); HSCT at ≤5 years (n = 14)."
        );
        assert_eq!((f.value, f.time), (Some(Value::Percent(78.5)), Some(TimePoint::AfterHsct(5.0))));
        assert_eq!(
            f.groups,
            vec![Group { label: "HSCT at ≤5 years".to_owned(), n: 14, part_of_previous: false }]
        );
        assert_eq!(
            c.added.as_ref().map(LocalAddition::describe).as_deref(),
            Some("added locally by A. Clinician on 2026-11-25")
        );
        let e = Evidence::embedded().unwrap();
        let embedded = e.cohorts.len();
        let version = e.version.clone();
        let e = e.with_local(vec![c]).unwrap();
        assert_eq!(e.cohorts.len(), embedded + 1);
        assert_eq!(e.local_cohorts().count(), 1);
        assert_eq!(e.embedded_cohorts().count(), embedded);
        assert_eq!(
            e.cohorts.last().map(|c| c.id.as_str()),
            Some("local-example-2022-2"),
            "kept after the embedded"
        );
        assert!(e.version.starts_with(&format!("{version}+local-")));
    }

    #[test]
    fn every_field_is_checked() {
        let bad = LocalFindingForm {
            citation: " ".to_owned(),
            identifier: "ISBN 123".to_owned(),
            group: String::new(),
            n: "fourteen".to_owned(),
            value: "120".to_owned(),
            low: "50".to_owned(),
            high: String::new(),
            time: "-1".to_owned(),
            locator: String::new(),
            ..form()
        };
        let problems = local_cohort(&bad, &[], by()).unwrap_err();
        let fields: Vec<FindingField> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![
                FindingField::Citation,
                FindingField::Identifier,
                FindingField::Group,
                FindingField::N,
                FindingField::Value,
                FindingField::Interval,
                FindingField::Time,
                FindingField::Locator,
            ]
        );
        assert!(problems.iter().all(|(_, m)| m.ends_with('.')), "{problems:?}");
        let outside = LocalFindingForm { low: "80".to_owned(), high: "90".to_owned(), ..form() };
        assert_eq!(local_cohort(&outside, &[], by()).unwrap_err()[0].0, FindingField::Interval);
        let empty_value = LocalFindingForm { value: String::new(), ..form() };
        assert!(local_cohort(&empty_value, &[], by()).unwrap_err()[0].1.contains("required"));
    }

    #[test]
    fn identifiers_clocks_and_optional_fields() {
        assert_eq!(identifier("PMID: 25840720"), Ok((None, Some("25840720".to_owned()))));
        assert_eq!(
            identifier("https://doi.org/10.1016/j.jaci.2015.02.020").unwrap().0.as_deref(),
            Some("10.1016/j.jaci.2015.02.020")
        );
        let age = LocalFindingForm {
            clock: Clock::Age,
            time: "40".to_owned(),
            n: String::new(),
            low: String::new(),
            high: String::new(),
            identifier: String::new(),
            ..form()
        };
        let c = local_cohort(&age, &[], by()).unwrap();
        assert_eq!(c.findings[0].time, Some(TimePoint::AtAge(40.0)));
        assert!(c.findings[0].groups.is_empty(), "no n, no group size invented");
        assert_eq!(c.findings[0].statement, "Overall survival at 40 years of age: 78.5 %; HSCT at ≤5 years.");
        let dx = LocalFindingForm { clock: Clock::SinceDiagnosis, ..form() };
        let c = local_cohort(&dx, &[], by()).unwrap();
        // Drawn on the since-diagnosis panel, as every value on its own clock.
        assert_eq!(
            (c.findings[0].time, c.time_origin),
            (Some(TimePoint::AfterDiagnosis(5.0)), TimeOrigin::SinceDiagnosisOrHsct)
        );
        assert!(c.findings[0].statement.contains("5 years after diagnosis"));
    }

    #[test]
    fn local_cohorts_are_checked_like_embedded_ones() {
        let e = Evidence::embedded().unwrap();
        let mut unmarked = local_cohort(&form(), &[], by()).unwrap();
        unmarked.added = None;
        assert!(e.clone().with_local(vec![unmarked]).unwrap_err().to_string().contains("who added it"));
        let mut clash = local_cohort(&form(), &[], by()).unwrap();
        clash.id = "japan-2015".to_owned();
        assert!(e.clone().with_local(vec![clash]).unwrap_err().to_string().contains("used twice"));
        let mut impossible = local_cohort(&form(), &[], by()).unwrap();
        impossible.findings[0].value = Some(Value::Percent(130.0));
        assert!(e.clone().with_local(vec![impossible]).unwrap_err().to_string().contains("impossible value"));
        assert_eq!(e.clone().with_local(Vec::new()).unwrap(), e);
    }
}
