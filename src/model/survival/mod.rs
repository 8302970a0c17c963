//! Survival statistics engine: Kaplan–Meier estimation with Greenwood
//! intervals, risk tables, log-rank tests, conditional survival, plot-ready
//! step curves, reconstruction of individual records from published curves
//! (Guyot et al. 2012) and CSV import of the inputs.
//!
//! Estimates follow the definitions of the Python package lifelines so that
//! numbers shown by the app can be checked against a widely used reference;
//! `tests/fixtures/survival/` holds the expected values it produced.
//!
//! Time is in whatever unit the data uses; nothing here converts units.

pub mod csv;
pub mod decimate;
pub mod km;
pub mod logrank;
pub mod plot;
pub mod reconstruct;
pub mod special;
pub mod splitmix;

pub use csv::{CsvError, csv_header, parse_at_risk_csv, parse_curve_csv, parse_records_csv};
pub use decimate::{CensorBin, Viewport, censor_bins, reduce_indices};
pub use logrank::{LogRank, logrank_test, logrank_test_records};
pub use plot::{CurveCut, PlotOptions, StepCurve, step_curve};
pub use reconstruct::{
    AtRiskComparison, AtRiskPoint, CurvePoint, ReconstructError, Reconstruction, ReconstructionReport,
    reconstruct,
};

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use km::{CiTransform, ConditionalSurvival, KaplanMeier, KmOptions, RiskRow, SurvivalQuantile};

/// One patient's follow-up: the time of the event, or of the last contact
/// when the event was not observed (right censoring).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Follow-up time; must be finite and non-negative.
    pub time: f64,
    /// `true` when the event was observed at `time`, `false` when censored.
    pub event: bool,
}

/// A record tagged with the group (arm, cohort) it belongs to, as read from
/// a file that may or may not have a group column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupedRecord {
    /// Follow-up time; must be finite and non-negative.
    pub time: f64,
    /// `true` when the event was observed at `time`, `false` when censored.
    pub event: bool,
    /// Group label; `None` when the data have no grouping.
    pub group: Option<String>,
}

/// The records of one group, kept together so each group can be fitted and
/// compared separately.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordGroup {
    /// Group label; `None` collects the records that had no group.
    pub name: Option<String>,
    /// The group's records in input order.
    pub records: Vec<Record>,
}

/// Splits grouped records into one [`RecordGroup`] per distinct label, in
/// order of first appearance so the UI lists groups as the file did.
#[must_use]
pub fn split_groups(records: &[GroupedRecord]) -> Vec<RecordGroup> {
    let mut index: HashMap<Option<&str>, usize> = HashMap::new();
    let mut groups: Vec<RecordGroup> = Vec::new();
    for r in records {
        let key = r.group.as_deref();
        let slot = *index.entry(key).or_insert_with(|| {
            groups.push(RecordGroup { name: r.group.clone(), records: Vec::new() });
            groups.len() - 1
        });
        if let Some(g) = groups.get_mut(slot) {
            g.records.push(Record { time: r.time, event: r.event });
        }
    }
    groups
}

/// Errors from fitting and summarising survival data.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SurvivalError {
    /// There is nothing to estimate from.
    #[error("no records to analyse")]
    Empty,
    /// A time that cannot be a follow-up duration.
    #[error("record {index}: time {time} is not a finite non-negative number")]
    InvalidTime {
        /// 0-based position of the record in the input.
        index: usize,
        /// The offending value.
        time: f64,
    },
    /// Confidence level outside the open interval (0, 1).
    #[error("confidence level {0} must lie strictly between 0 and 1")]
    InvalidLevel(f64),
    /// Survival quantile outside the open interval (0, 1).
    #[error("quantile {0} must lie strictly between 0 and 1")]
    InvalidQuantile(f64),
    /// A time argument (horizon, landmark) that is negative or not finite.
    #[error("time {0} must be finite and non-negative")]
    InvalidHorizon(f64),
    /// Conditional survival asked for a target earlier than the landmark.
    #[error("target time {target} is before the landmark time {landmark}")]
    TargetBeforeLandmark {
        /// Time already survived.
        landmark: f64,
        /// Time the conditional probability is asked for.
        target: f64,
    },
    /// Conditioning on a time by which everyone has had the event.
    #[error("survival at the landmark time {0} is zero, so conditional survival is undefined")]
    ZeroSurvivalAtLandmark(f64),
    /// A comparison needs at least two groups.
    #[error("a log-rank test needs at least two groups, got {0}")]
    TooFewGroups(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_groups_keeps_first_appearance_order() {
        let recs = vec![
            GroupedRecord { time: 1.0, event: true, group: Some("b".into()) },
            GroupedRecord { time: 2.0, event: false, group: Some("a".into()) },
            GroupedRecord { time: 3.0, event: true, group: Some("b".into()) },
            GroupedRecord { time: 4.0, event: true, group: None },
        ];
        let g = split_groups(&recs);
        assert_eq!(g.len(), 3);
        assert_eq!(g[0].name.as_deref(), Some("b"));
        assert_eq!(g[0].records.len(), 2);
        assert_eq!(g[1].name.as_deref(), Some("a"));
        assert_eq!(g[2].name, None);
        assert_eq!(g[0].records[1], Record { time: 3.0, event: true });
    }
}
