//! The phrasebook: every number format, citation line and shared title is
//! written here once, so the screen, the summary and the PDF say the same
//! thing in the same words.

use super::{Basis, Quantity, Run, SourceRef, Unit};
use crate::model::evidence::{Cohort, Finding, Series, trim_number};
use crate::model::patient::describe_months;

/// A number as text. A calculated number says what it was calculated from,
/// wherever it is shown.
pub fn quantity(q: &Quantity) -> String {
    let about = if q.approximate { "about " } else { "" };
    let value = match q.unit {
        Unit::Percent => format!("{} %", trim_number(q.value)),
        Unit::Years => {
            let n = trim_number(q.value);
            format!("{n} {}", if n == "1" { "year" } else { "years" })
        }
        Unit::Months => describe_months(whole(q.value)),
        Unit::Count | Unit::CalendarYear => trim_number(q.value.round()),
        Unit::HazardRatio => format!("hazard ratio {}", trim_number(q.value)),
        Unit::PValue => format!("P = {}", p_value(q.value)),
    };
    match &q.basis {
        Basis::Calculated { how, .. } => format!("{about}{value} (calculated: {how})"),
        _ => format!("{about}{value}"),
    }
}

/// A run as plain text.
pub fn run(r: &Run) -> String {
    match r {
        Run::Text(t) | Run::Strong(t) => t.clone(),
        Run::Number(q) => quantity(q),
        Run::Quote { text, .. } => text.clone(),
        Run::Cite(s) => format!("({})", s.label),
    }
}

/// P-values in journal style: ".0231".
fn p_value(p: f64) -> String {
    let s = trim_number(p);
    s.strip_prefix('0').map_or(s.clone(), str::to_owned)
}

fn whole(x: f64) -> i32 {
    #[expect(clippy::cast_possible_truncation, reason = "month counts are small whole numbers")]
    let m = x.round() as i32;
    m
}

/// "Japan 2015, abstract"; a locally added cohort says who added it and when.
pub fn citation_label(cohort: &Cohort, locator: &str) -> String {
    let base = format!("{}, {locator}", cohort.label);
    match &cohort.added {
        Some(a) => format!("{base}; added locally by {} on {}", a.by, a.on),
        None => base,
    }
}

/// The reference to one finding.
pub fn finding_source(cohort: &Cohort, finding: &Finding) -> SourceRef {
    SourceRef {
        cohort: cohort.id.clone(),
        finding: Some(finding.id.clone()),
        label: citation_label(cohort, &finding.locator),
    }
}

/// The reference to one published series, under the source it names
/// ("Hayward 1996 meeting abstract, Pediatr Res 1996").
pub fn series_source(cohort: &Cohort, series: &Series) -> SourceRef {
    let label = match &series.source_label {
        Some(source) => format!("{source}, {}", series.locator),
        None => citation_label(cohort, &series.locator),
    };
    SourceRef { cohort: cohort.id.clone(), finding: Some(series.id.clone()), label }
}

/// The reference to a whole cohort (its design, n and era).
pub fn cohort_source(cohort: &Cohort) -> SourceRef {
    SourceRef { cohort: cohort.id.clone(), finding: None, label: citation_label(cohort, "abstract") }
}

/// Title of a question that several cohorts answer (findings share the key).
pub fn question_title(key: &str) -> String {
    match key {
        "age-at-hsct" => "Does age at HSCT matter?".to_owned(),
        "hsct-vs-none" => "Is survival better with HSCT than without?".to_owned(),
        other => {
            let mut s = other.replace('-', " ");
            if let Some(first) = s.get(..1) {
                let upper = first.to_uppercase();
                s.replace_range(..1, &upper);
            }
            format!("{s}?")
        }
    }
}

/// "a, b and c".
pub fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "6th", "10th", "1st", "2nd", "3rd", "11th".
pub fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
