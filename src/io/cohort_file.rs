//! A centre's own cohort data: built from a CSV of patient records or from a
//! digitized published curve (reconstructed, Guyot 2012), saved as a RON
//! file the app loads as a layer on the plot.
//!
//! The file keeps its provenance (source file names, columns, and for a
//! reconstruction the agreement with the published figure), so the plot can
//! say what each curve is.

use std::path::Path;

use crate::io::file_name;

use crate::model::clock::Clock;
use crate::model::cohort::{COHORT_FILE_VERSION, CohortGroup, ImportedCohort, Provenance, TimeUnit};
use crate::model::survival::{
    self, CsvError, ReconstructError, RecordGroup, parse_at_risk_csv, parse_curve_csv, parse_records_csv,
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
        provenance: Provenance::Records {
            file: file.to_owned(),
            time_column: time.trim().to_owned(),
            event_column: event.trim().to_owned(),
            group_column: group.map(|g| g.trim().to_owned()),
        },
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
    let rec = survival::reconstruct(&curve, &at_risk, input.total_events)
        .map_err(|source| CohortError::Reconstruct { file: curve_file.to_owned(), source })?;
    Ok(ImportedCohort {
        version: COHORT_FILE_VERSION,
        label: label.clone(),
        origin,
        unit,
        provenance: Provenance::Reconstructed {
            curve_file: curve_file.to_owned(),
            at_risk_file: risk_file.to_owned(),
            total_events: input.total_events,
            report: rec.report,
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

/// Parses and checks cohort-file bytes; the message says what is wrong.
///
/// # Errors
/// A message with line and column for RON errors.
pub fn parse(bytes: &[u8]) -> Result<ImportedCohort, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text ({e})"))?;
    let cohort: ImportedCohort = ron::from_str(text)
        .map_err(|e| format!("line {}, column {}: {}", e.span.start.line, e.span.start.col, e.code))?;
    if cohort.version != COHORT_FILE_VERSION {
        return Err(format!(
            "cohort-file version {} is not supported (this app reads version {COHORT_FILE_VERSION})",
            cohort.version
        ));
    }
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
    Ok(cohort)
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
        let text = c.to_ron().unwrap().replace("version: 1", "version: 9");
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
        let Provenance::Reconstructed { report, .. } = &c.provenance else { panic!("provenance") };
        assert!(report.rmse < 0.02, "{}", report.rmse);
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
}
