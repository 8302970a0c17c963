//! Evidence phrasing: citation lines and question titles, written once from
//! the cohort files so the screen, the summary and the PDF cite a finding in
//! the same words (a local addition always with who added it and when).

use super::{Cohort, Finding, Series};
use crate::model::l10n::{self, Arg};
use crate::model::text::SourceRef;

/// "Japan 2015, abstract"; a locally added cohort says who added it and when.
pub fn citation_label(cohort: &Cohort, locator: &str) -> String {
    let base = cite(&cohort.label, locator);
    match &cohort.added {
        Some(a) => {
            l10n::en("cite-local", &[("citation", Arg::Text(base)), ("added", Arg::Text(a.describe()))])
        }
        None => base,
    }
}

/// "Japan 2015, abstract": a source and where in it.
fn cite(source: &str, locator: &str) -> String {
    l10n::en(
        "cite-label",
        &[("cohort", Arg::Text(source.to_owned())), ("locator", Arg::Text(locator.to_owned()))],
    )
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
        Some(source) => cite(source, &series.locator),
        None => citation_label(cohort, &series.locator),
    };
    SourceRef { cohort: cohort.id.clone(), finding: Some(series.id.clone()), label }
}

/// The reference to a whole cohort (its design, n and era).
pub fn cohort_source(cohort: &Cohort) -> SourceRef {
    SourceRef {
        cohort: cohort.id.clone(),
        finding: None,
        label: citation_label(cohort, &l10n::en("cite-abstract", &[])),
    }
}

/// Title of a question that several cohorts answer (findings share the key).
pub fn question_title(key: &str) -> String {
    match key {
        "age-at-hsct" => l10n::en("evidence-question-age-at-hsct", &[]),
        "hsct-vs-none" => l10n::en("evidence-question-hsct-vs-none", &[]),
        other => {
            let mut s = other.replace('-', " ");
            if let Some(first) = s.get(..1) {
                let upper = first.to_uppercase();
                s.replace_range(..1, &upper);
            }
            l10n::en("evidence-question-other", &[("words", Arg::Text(s))])
        }
    }
}
