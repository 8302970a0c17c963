//! Cohort-file version 1, as the first releases wrote it, and its migration
//! to the current version. Only reading: the app always writes the current
//! version.

use serde::Deserialize;

use crate::model::clock::Clock;
use crate::model::cohort::{
    COHORT_FILE_VERSION, CohortGroup, CurveReconstruction, ImportedCohort, Provenance, Source, TimeUnit,
};
use crate::model::survival::{AtRiskPoint, ReconstructionReport};

/// Version-1 provenance: records, or one reconstruction with its report.
#[derive(Debug, Deserialize)]
#[serde(rename = "Provenance")]
pub(super) enum ProvenanceV1 {
    Records {
        file: String,
        time_column: String,
        event_column: String,
        group_column: Option<String>,
    },
    Reconstructed {
        curve_file: String,
        at_risk_file: String,
        total_events: Option<usize>,
        report: ReconstructionReport,
    },
}

/// A version-1 cohort file.
#[derive(Debug, Deserialize)]
#[serde(rename = "ImportedCohort", deny_unknown_fields)]
pub(super) struct CohortV1 {
    #[expect(dead_code, reason = "read only to accept the field; the probe already checked it")]
    version: u32,
    label: String,
    origin: Clock,
    unit: TimeUnit,
    provenance: ProvenanceV1,
    groups: Vec<CohortGroup>,
}

/// Version 1 → 2. Records keep their columns. A reconstruction keeps its
/// report; its published numbers at risk are read back from the report's
/// comparison table; the digitized points were not kept by version 1, so
/// the curve cannot be reconstructed again (the list stays empty).
pub(super) fn migrate(v1: CohortV1) -> ImportedCohort {
    let CohortV1 { version: _, label, origin, unit, provenance, groups } = v1;
    let provenance = match provenance {
        ProvenanceV1::Records { file, time_column, event_column, group_column } => {
            Provenance::records(&file, &time_column, &event_column, group_column.as_deref())
        }
        ProvenanceV1::Reconstructed { curve_file, at_risk_file, total_events, report } => {
            let at_risk =
                report.at_risk.iter().map(|a| AtRiskPoint { time: a.time, at_risk: a.published }).collect();
            Provenance {
                source: Source::DigitizedCsv { curve_file, at_risk_file },
                publication: None,
                added: None,
                reconstructions: vec![CurveReconstruction {
                    points: Vec::new(),
                    at_risk,
                    total_events,
                    report,
                }],
            }
        }
    };
    ImportedCohort { version: COHORT_FILE_VERSION, label, origin, unit, provenance, groups }
}
