//! A centre's own cohort data as the model holds it: records per group with
//! their provenance, and the Kaplan–Meier fit of each group. Reading and
//! writing cohort files is `io::cohort_file`'s job; this module never
//! touches a file.

use serde::{Deserialize, Serialize};

use super::clock::Clock;
use super::survival::{KaplanMeier, KmOptions, ReconstructionReport, Record};

/// The cohort-file format version this app writes.
pub const COHORT_FILE_VERSION: u32 = 1;

/// The unit of the time column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeUnit {
    /// Years.
    Years,
    /// Months (drawn as years: divided by 12).
    Months,
}

impl TimeUnit {
    /// Factor to years.
    pub fn to_years(self) -> f64 {
        match self {
            Self::Years => 1.0,
            Self::Months => 1.0 / 12.0,
        }
    }

    /// The command-line spelling.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "years" => Some(Self::Years),
            "months" => Some(Self::Months),
            _ => None,
        }
    }
}

/// Where the records came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Provenance {
    /// Individual patient records from a CSV file.
    Records {
        /// The CSV file's name.
        file: String,
        /// Column holding follow-up time.
        time_column: String,
        /// Column holding the 0/1 event indicator.
        event_column: String,
        /// Column holding group labels, if any.
        group_column: Option<String>,
    },
    /// Records reconstructed from a digitized published curve.
    Reconstructed {
        /// The digitized-curve CSV's name.
        curve_file: String,
        /// The numbers-at-risk CSV's name.
        at_risk_file: String,
        /// Total events given, if the publication reports it.
        total_events: Option<usize>,
        /// How well the reconstruction reproduces the figure.
        report: ReconstructionReport,
    },
}

impl Provenance {
    /// One line for legends and hover text.
    pub fn describe(&self) -> String {
        match self {
            Self::Records { file, .. } => format!("Kaplan–Meier of patient records from {file}"),
            Self::Reconstructed { curve_file, report, .. } => format!(
                "Kaplan–Meier of records reconstructed from a digitized curve ({curve_file}); \
                 RMSE {:.3} against the digitized points",
                report.rmse
            ),
        }
    }
}

/// One group's records.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CohortGroup {
    /// Group label, if the data had groups.
    pub name: Option<String>,
    /// The records, in the unit of [`ImportedCohort::unit`].
    pub records: Vec<Record>,
}

/// A cohort file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportedCohort {
    /// Format version.
    pub version: u32,
    /// Name shown in the legend.
    pub label: String,
    /// Where time starts.
    pub origin: Clock,
    /// Unit of the times.
    pub unit: TimeUnit,
    /// Where the data came from.
    pub provenance: Provenance,
    /// The records, per group.
    pub groups: Vec<CohortGroup>,
}

/// A cohort with one Kaplan–Meier fit per group.
#[derive(Clone, Debug)]
pub struct FittedCohort {
    /// The cohort as loaded.
    pub cohort: ImportedCohort,
    /// One fit per group, same order as `cohort.groups`.
    pub fits: Vec<KaplanMeier>,
}

impl FittedCohort {
    /// Fits every group.
    ///
    /// # Errors
    /// A message naming the group whose records cannot be fitted.
    pub fn new(cohort: ImportedCohort) -> Result<Self, String> {
        let fits = cohort
            .groups
            .iter()
            .map(|g| {
                KaplanMeier::fit(&g.records, KmOptions::default())
                    .map_err(|e| format!("{} {}: {e}", cohort.label, g.name.as_deref().unwrap_or("")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { cohort, fits })
    }
}
