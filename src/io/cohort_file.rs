//! A centre's own cohort data: built from a CSV of patient records or from a
//! digitized published curve (reconstructed, Guyot 2012), saved as a RON
//! file the app loads as a layer on the plot.
//!
//! The file keeps its provenance (source file names, columns, the
//! publication, who added it, and for a reconstruction the digitized points
//! and the agreement with the published figure), so the plot can say what
//! each curve is and a curve can be reconstructed again.
//!
//! * Version 1: provenance was `Records(..)` or `Reconstructed(..)` with one
//!   reconstruction report and no digitized points.
//! * Version 2 (current): provenance holds the source, the publication, who
//!   added the cohort and when, and one reconstruction per group.
//!
//! Reading looks at `version` first, then reads the whole file strictly as
//! that version; version 1 is migrated in memory (module `v1`).

mod v1;

use std::path::Path;

use serde::Deserialize;

use crate::io::file_name;

use crate::model::clock::Clock;
use crate::model::cohort::{COHORT_FILE_VERSION, CohortGroup, ImportedCohort, Provenance, Source, TimeUnit};
use crate::model::digitize::{CurveInput, DigitizeError, reconstruct_curve};
use crate::model::survival::{
    CsvError, ReconstructError, RecordGroup, parse_at_risk_csv, parse_curve_csv, parse_records_csv,
    split_groups,
};

/// Largest cohort file read (bytes); a million records fit in less.
pub const MAX_COHORT_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a cohort could not be built, read or written.
#[derive(Debug, thiserror::Error)]
pub enum CohortError {
    /// A CSV problem, with the file name and line.
    #[error("{file}: {source}")]
    Csv {
        /// The CSV file.
        file: String,
        /// What is wrong, with its line.
        source: CsvError,
    },
    /// The digitized curve cannot be reconstructed.
    #[error("{file}: {source}")]
    Reconstruct {
        /// The curve file.
        file: String,
        /// What is wrong.
        source: ReconstructError,
    },
    /// The reconstruction contradicts its curve or table.
    #[error("{0}")]
    Check(crate::model::digitize::DigitizeError),
    /// The label is empty.
    #[error("the cohort needs a name")]
    NoLabel,
    /// Reading failed.
    #[error("{file}: cannot be read: {source}")]
    Read {
        /// The file.
        file: String,
        /// The system's error.
        source: std::io::Error,
    },
    /// The cohort file is not valid.
    #[error("{file}: {message}")]
    Invalid {
        /// The file.
        file: String,
        /// What is wrong, with line and column where known.
        message: String,
    },
    /// Writing failed; the previous file is intact.
    #[error("{0}")]
    Write(#[from] crate::io::patient_file::SaveError),
}

/// Builds a cohort from a CSV of records.
///
/// # Errors
/// [`CohortError::Csv`] with the line of the first problem.
pub fn from_records(
    csv_text: &str,
    file: &str,
    columns: (&str, &str, Option<&str>),
    label: &str,
    origin: Clock,
    unit: TimeUnit,
) -> Result<ImportedCohort, CohortError> {
    let label = checked_label(label)?;
    let (time, event, group) = columns;
    let records = parse_records_csv(csv_text, time, event, group)
        .map_err(|source| CohortError::Csv { file: file.to_owned(), source })?;
    let groups = split_groups(&records)
        .into_iter()
        .map(|RecordGroup { name, records }| CohortGroup { name, records })
        .collect();
    Ok(ImportedCohort {
        version: COHORT_FILE_VERSION,
        label,
        origin,
        unit,
        provenance: Provenance::records(file, time.trim(), event.trim(), group.map(str::trim)),
        groups,
    })
}

/// The inputs of a reconstruction: a digitized curve and the published
/// numbers at risk, each as (file name, CSV text).
#[derive(Clone, Copy, Debug)]
pub struct DigitizedInput<'a> {
    /// The curve CSV (columns time, survival).
    pub curve: (&'a str, &'a str),
    /// The at-risk CSV (columns `time`, `at_risk`).
    pub at_risk: (&'a str, &'a str),
    /// Total events, if published.
    pub total_events: Option<usize>,
}

/// Builds a cohort by reconstructing records from a digitized curve.
///
/// # Errors
/// [`CohortError::Csv`] or [`CohortError::Reconstruct`] naming the file.
pub fn from_digitized(
    input: DigitizedInput<'_>,
    label: &str,
    origin: Clock,
    unit: TimeUnit,
) -> Result<ImportedCohort, CohortError> {
    let label = checked_label(label)?;
    let (curve_file, curve_text) = input.curve;
    let (risk_file, risk_text) = input.at_risk;
    let curve = parse_curve_csv(curve_text)
        .map_err(|source| CohortError::Csv { file: curve_file.to_owned(), source })?;
    let at_risk = parse_at_risk_csv(risk_text)
        .map_err(|source| CohortError::Csv { file: risk_file.to_owned(), source })?;
    // Typed points have no pixels: a drop's death may sit within 0.5 % of
    // the curve's length from where the drop was read.
    let slack = 0.005 * curve.iter().map(|p| p.time).fold(0.0, f64::max);
    let digitized = CurveInput {
        name: Some(curve_file.to_owned()),
        points: curve,
        at_risk,
        total_events: input.total_events,
    };
    let rec = reconstruct_curve(&digitized, slack).map_err(|e| match e {
        DigitizeError::Reconstruct { source, .. } => {
            CohortError::Reconstruct { file: curve_file.to_owned(), source }
        }
        other => CohortError::Check(other),
    })?;
    Ok(ImportedCohort {
        version: COHORT_FILE_VERSION,
        label: label.clone(),
        origin,
        unit,
        provenance: Provenance {
            source: Source::DigitizedCsv {
                curve_file: curve_file.to_owned(),
                at_risk_file: risk_file.to_owned(),
            },
            publication: None,
            added: None,
            reconstructions: vec![rec.reconstruction],
        },
        groups: vec![CohortGroup { name: None, records: rec.records }],
    })
}

fn checked_label(label: &str) -> Result<String, CohortError> {
    let label = label.trim();
    if label.is_empty() { Err(CohortError::NoLabel) } else { Ok(label.to_owned()) }
}

impl ImportedCohort {
    /// The file text.
    ///
    /// # Errors
    /// Only if serialization fails, which the types rule out in practice.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        let config = ron::ser::PrettyConfig::new().depth_limit(3).struct_names(true);
        ron::ser::to_string_pretty(self, config)
    }
}

/// Writes a cohort file crash-safely.
///
/// # Errors
/// [`CohortError::Write`] naming the step and file.
pub fn save(path: &Path, cohort: &ImportedCohort) -> Result<(), CohortError> {
    let text = cohort
        .to_ron()
        .map_err(|e| CohortError::Invalid { file: file_name(path), message: e.to_string() })?;
    crate::io::patient_file::write_atomically(path, text.as_bytes())?;
    Ok(())
}

/// Reads and checks a cohort file.
///
/// # Errors
/// [`CohortError::Read`] or [`CohortError::Invalid`] naming the file.
pub fn load(path: &Path) -> Result<ImportedCohort, CohortError> {
    let file = file_name(path);
    let read_err = |source| CohortError::Read { file: file.clone(), source };
    let size = std::fs::metadata(path).map_err(read_err)?.len();
    if size > MAX_COHORT_FILE_BYTES {
        return Err(CohortError::Invalid {
            file,
            message: format!("larger than {MAX_COHORT_FILE_BYTES} bytes"),
        });
    }
    let bytes = std::fs::read(path).map_err(|source| CohortError::Read { file: file.clone(), source })?;
    parse(&bytes).map_err(|message| CohortError::Invalid { file, message })
}

/// Only the version, everything else skipped, so the version can be
/// checked before deciding how to read the rest.
#[derive(Deserialize)]
#[serde(rename = "ImportedCohort")]
struct VersionProbe {
    version: u32,
}

/// Parses and checks cohort-file bytes of any known version; the message
/// says what is wrong.
///
/// # Errors
/// A message with line and column for RON errors.
pub fn parse(bytes: &[u8]) -> Result<ImportedCohort, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text ({e})"))?;
    let ron_error = |e: ron::error::SpannedError| {
        format!("line {}, column {}: {}", e.span.start.line, e.span.start.col, e.code)
    };
    // Current files are read at once; only a file that is not one is probed
    // for its version (a probe reads the whole file, doubling the cost of
    // the library's start-up).
    let cohort = match ron::from_str::<ImportedCohort>(text) {
        Ok(cohort) if cohort.version == COHORT_FILE_VERSION => cohort,
        current => match ron::from_str::<VersionProbe>(text).map_err(ron_error)?.version {
            1 => v1::migrate(ron::from_str(text).map_err(ron_error)?),
            COHORT_FILE_VERSION => return Err(current.err().map_or_else(String::new, ron_error)),
            found => return Err(unsupported(found)),
        },
    };
    check(&cohort)?;
    Ok(cohort)
}

fn unsupported(found: u32) -> String {
    format!(
        "cohort-file version {found} is not supported (this app reads versions 1 to {COHORT_FILE_VERSION})"
    )
}

/// What a valid cohort must satisfy whichever way it was made.
fn check(cohort: &ImportedCohort) -> Result<(), String> {
    if cohort.label.trim().is_empty() {
        return Err("the cohort has no name".to_owned());
    }
    if cohort.groups.is_empty() || cohort.groups.iter().any(|g| g.records.is_empty()) {
        return Err("every group needs at least one record".to_owned());
    }
    if let Some(r) =
        cohort.groups.iter().flat_map(|g| &g.records).find(|r| !r.time.is_finite() || r.time < 0.0)
    {
        return Err(format!("record time {} is not a finite non-negative number", r.time));
    }
    let reconstructions = cohort.provenance.reconstructions.len();
    if cohort.provenance.is_reconstruction() && reconstructions != cohort.groups.len() {
        return Err(format!(
            "{} group(s) but {reconstructions} reconstruction record(s); each group needs one",
            cohort.groups.len()
        ));
    }
    if !cohort.provenance.is_reconstruction() && reconstructions > 0 {
        return Err("patient records cannot carry reconstruction records".to_owned());
    }
    if let Some(p) = &cohort.provenance.publication
        && p.citation.trim().is_empty()
    {
        return Err("the publication has no citation".to_owned());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::survival::Record;

    const RECORDS: &str = "id,years,died,arm\n1,1.5,1,HSCT\n2,3,0,HSCT\n3,2,1,none\n4,4,1,none\n5,6,0,none\n";

    #[test]
    fn builds_groups_from_records() {
        let c = from_records(
            RECORDS,
            "centre.csv",
            ("years", "died", Some("arm")),
            "Centre",
            Clock::Age,
            TimeUnit::Years,
        )
        .unwrap();
        assert_eq!(c.groups.len(), 2);
        assert_eq!(c.groups[0].name.as_deref(), Some("HSCT"));
        assert_eq!(c.groups[1].records.len(), 3);
        assert_eq!(c.groups[0].records[0], Record { time: 1.5, event: true });
        assert!(c.provenance.describe().contains("centre.csv"));
    }

    #[test]
    fn csv_errors_name_file_and_line() {
        let bad = "years,died\n1,1\n2,yes\n";
        let err = from_records(bad, "bad.csv", ("years", "died", None), "C", Clock::Age, TimeUnit::Years)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("bad.csv: line 3"), "{err}");
        let err = from_records(RECORDS, "x.csv", ("time", "died", None), "C", Clock::Age, TimeUnit::Years)
            .unwrap_err()
            .to_string();
        assert!(err.contains("no column named \"time\""), "{err}");
        assert!(matches!(
            from_records(RECORDS, "x.csv", ("years", "died", None), "  ", Clock::Age, TimeUnit::Years),
            Err(CohortError::NoLabel)
        ));
    }

    #[test]
    fn round_trips_through_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.ron");
        let c = from_records(
            RECORDS,
            "centre.csv",
            ("years", "died", None),
            "Centre",
            Clock::SinceHsct,
            TimeUnit::Months,
        )
        .unwrap();
        save(&path, &c).unwrap();
        assert_eq!(load(&path).unwrap(), c);
    }

    #[test]
    fn bad_cohort_files_are_named() {
        assert!(parse(b"ImportedCohort(").unwrap_err().starts_with("line 1"));
        let c = from_records(RECORDS, "c.csv", ("years", "died", None), "C", Clock::Age, TimeUnit::Years)
            .unwrap();
        let text = c.to_ron().unwrap().replace("version: 2", "version: 9");
        assert!(parse(text.as_bytes()).unwrap_err().contains("version 9"));
        let text = c.to_ron().unwrap().replace("time: 1.5", "time: -1.5");
        assert!(parse(text.as_bytes()).unwrap_err().contains("-1.5"));
        assert!(parse(&[0xff, 0xfe]).unwrap_err().contains("UTF-8"));
    }

    #[test]
    fn reconstructs_from_a_digitized_curve() {
        let curve = "time,survival\n0,1\n1,1\n1,0.9\n2,0.9\n2,0.8\n3,0.8\n";
        let risk = "time,at_risk\n0,20\n1,18\n2,16\n3,15\n";
        let input =
            DigitizedInput { curve: ("km.csv", curve), at_risk: ("risk.csv", risk), total_events: None };
        let c = from_digitized(input, "Published", Clock::SinceHsct, TimeUnit::Years).unwrap();
        assert_eq!(c.groups[0].records.len(), 20);
        let rec = &c.provenance.reconstructions[0];
        assert!(rec.report.rmse < 0.02, "{}", rec.report.rmse);
        assert_eq!(rec.points.len(), 6, "the digitized points are kept");
        assert_eq!(rec.at_risk.len(), 4);
        let err = from_digitized(
            DigitizedInput { curve: ("km.csv", "time,survival\n"), ..input },
            "P",
            Clock::Age,
            TimeUnit::Years,
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("km.csv: "), "{err}");
    }

    fn fixture(name: &str) -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cohorts").join(name)
    }

    #[test]
    fn version_1_records_migrate_unchanged() {
        let c = load(&fixture("v1-records.ron")).unwrap();
        assert_eq!(c.version, COHORT_FILE_VERSION);
        assert_eq!(c.label, "Centre records");
        assert_eq!(c.groups.len(), 2);
        assert_eq!(c.record_count(), 60);
        assert_eq!(
            c.provenance,
            Provenance::records("records.csv", "follow_up_years", "died", Some("arm")),
            "columns kept, nothing invented"
        );
    }

    #[test]
    fn version_1_reconstruction_keeps_its_report_and_table() {
        let c = load(&fixture("v1-reconstructed.ron")).unwrap();
        assert_eq!((c.origin, c.unit), (Clock::SinceHsct, TimeUnit::Years));
        assert_eq!(
            c.provenance.source,
            Source::DigitizedCsv {
                curve_file: "curve.csv".to_owned(),
                at_risk_file: "at-risk.csv".to_owned()
            }
        );
        let rec = &c.provenance.reconstructions[0];
        assert!(rec.points.is_empty(), "version 1 kept no points");
        let table: Vec<(f64, usize)> = rec.at_risk.iter().map(|a| (a.time, a.at_risk)).collect();
        assert_eq!(table, vec![(0.0, 20), (2.0, 17), (4.0, 14), (6.0, 12)]);
        assert!((rec.report.rmse - 0.009_231_600_870_532_704).abs() < 1e-15);
        // Saved again, it is a version-2 file that reads back the same.
        let again = parse(c.to_ron().unwrap().as_bytes()).unwrap();
        assert_eq!(again, c);
        assert!(c.to_ron().unwrap().contains("version: 2"));
    }

    #[test]
    fn inconsistent_reconstructions_are_rejected() {
        let reconstructed = load(&fixture("v1-reconstructed.ron")).unwrap();
        let mut c = reconstructed.clone();
        c.provenance.reconstructions.clear();
        assert!(parse(c.to_ron().unwrap().as_bytes()).unwrap_err().contains("each group needs one"));
        let mut r = load(&fixture("v1-records.ron")).unwrap();
        r.provenance.reconstructions = reconstructed.provenance.reconstructions;
        assert!(parse(r.to_ron().unwrap().as_bytes()).unwrap_err().contains("patient records"));
    }
}
