//! The clinical summary of a patient file as plain text, for
//! `xhim-aid summary`: reads the files, then renders the model's summary
//! under the heading that Copy summary uses too.

use std::path::{Path, PathBuf};

use crate::model::l10n::{self, Arg};
use crate::model::text::plain::plain_text;

/// Width of the summary's lines: fits a clinical record's text box and a
/// terminal.
pub const SUMMARY_WIDTH: usize = 78;

/// The heading of every clinical summary, then a blank line: which program
/// and evidence wrote it, from which file (`source`), so a summary pasted
/// into a record can be traced, and one pasted into the wrong patient's
/// record noticed.
pub fn summary_heading(source: &str, evidence_version: &str) -> String {
    let heading = l10n::en(
        "summary-record-heading",
        &[
            ("version", Arg::Text(env!("CARGO_PKG_VERSION").to_owned())),
            ("source", Arg::Text(source.to_owned())),
            ("evidence", Arg::Text(evidence_version.to_owned())),
        ],
    );
    format!("{heading}\n\n")
}

/// The clinical summary of a patient file, with any cohort files loaded as
/// curves: what `xhim-aid summary` prints.
///
/// # Errors
/// The same message `validate` gives for a bad patient file, or the cohort
/// file's message.
pub fn summary_of_file(patient: &Path, cohorts: &[PathBuf], width: usize) -> Result<String, String> {
    use crate::model::evidence::{Evidence, changelog};
    use crate::model::{Inputs, cohort::FittedCohort, figure, summary};
    let doc = super::patient_file::load(patient).map_err(|e| format!("{}: {}", patient.display(), e.kind))?;
    let evidence = Evidence::embedded().map_err(|e| e.to_string())?;
    let fitted = cohorts
        .iter()
        .map(|p| super::cohort_file::load(p).map_err(|e| e.to_string()).and_then(FittedCohort::new))
        .collect::<Result<Vec<_>, _>>()?;
    let inputs = Inputs {
        evidence: &evidence,
        cohorts: &fitted,
        patient: Some(&doc.document.patient),
        options: figure::CurveOptions::default(),
    };
    let fig = figure::figure(&inputs);
    let mut text = summary_heading(&super::file_name(patient), &changelog::record_label(&evidence));
    let mut summary = summary::clinical_summary(&inputs, &fig);
    let recorded = doc.document.record.saves.last().map(|s| s.evidence_version.as_str());
    changelog::insert_new_since(&mut summary, &evidence, &doc.document.patient, recorded);
    text.push_str(&plain_text(&summary, width));
    Ok(text)
}
