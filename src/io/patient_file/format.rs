//! The on-disk shapes of each schema version and the migrations between them.
//!
//! * Version 1: `(version: 1, patient: (...))`, the early format with no
//!   record of saves or changes.
//! * Version 2: `(version: 2, patient: (...), record: (saves: [...],
//!   changes: [...]))`, where a planned transplant was only `hsct: Planned`.
//! * Version 3: as version 2, with `hsct: Planned(at: ...)` holding
//!   an optional planned age or date, and an optional `discussion` (the
//!   family's ratings, leaning and questions).
//! * Version 4 (current): as version 3, with the planned `conditioning`,
//!   `stem_cell_source` and the `crypto_pcr` before HSCT, which findings
//!   speak to.
//!
//! Reading first looks only at `version` (ignoring everything else), then
//! reads the whole file strictly as that version, so an old file is never
//! misread as a new one and an unknown field is an error naming it.

use serde::{Deserialize, Serialize};

use super::{CURRENT_VERSION, PatientDocument, PatientFileError, Record};
use crate::model::discussion::FamilyDiscussion;
use crate::model::patient::{
    AgeSource, Conditioning, Conditions, CryptoPcr, Donor, Hsct, Patient, StemCellSource, YearsMonths,
};

/// Only the version, everything else skipped, so the version can be
/// checked before deciding how strictly to read the rest.
#[derive(Deserialize)]
#[serde(rename = "PatientFile")]
struct VersionProbe {
    /// `None` when the field is absent (RON would otherwise expect `Some(2)`).
    #[serde(default, deserialize_with = "present_u32")]
    version: Option<u32>,
}

fn present_u32<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    u32::deserialize(deserializer).map(Some)
}

/// Schema version 1, as written by the first releases.
#[derive(Debug, Deserialize)]
#[serde(rename = "PatientFile", deny_unknown_fields)]
pub(crate) struct FileV1 {
    #[expect(dead_code, reason = "read only to accept the field; the probe already checked it")]
    version: u32,
    patient: PatientV2,
}

/// Schema version 2, for reading.
#[derive(Deserialize)]
#[serde(rename = "PatientFile", deny_unknown_fields)]
struct FileV2 {
    #[expect(dead_code, reason = "read only to accept the field; the probe already checked it")]
    version: u32,
    patient: PatientV2,
    record: Record,
}

/// The patient of versions 1 and 2: no planned date and no discussion.
#[derive(Debug, Deserialize)]
#[serde(rename = "Patient", deny_unknown_fields)]
pub(crate) struct PatientV2 {
    age: AgeSource,
    #[serde(default)]
    age_at_diagnosis: Option<YearsMonths>,
    #[serde(default)]
    hsct: HsctV2,
    #[serde(default)]
    conditions: Conditions,
    #[serde(default)]
    donor: Donor,
    #[serde(default)]
    note: String,
}

/// Transplant status of versions 1 and 2.
#[derive(Debug, Default, Deserialize)]
#[serde(rename = "Hsct")]
enum HsctV2 {
    #[default]
    None,
    Planned,
    Done {
        at: YearsMonths,
    },
}

impl From<PatientV2> for PatientV3 {
    /// Version 2 → 3: a plan without a date stays a plan without a date.
    fn from(v2: PatientV2) -> Self {
        let PatientV2 { age, age_at_diagnosis, hsct, conditions, donor, note } = v2;
        let hsct = match hsct {
            HsctV2::None => Hsct::None,
            HsctV2::Planned => Hsct::Planned { at: None },
            HsctV2::Done { at } => Hsct::Done { at },
        };
        Self { age, age_at_diagnosis, hsct, conditions, donor, note, discussion: None }
    }
}

impl From<PatientV2> for Patient {
    /// Version 2 → 4, through version 3.
    fn from(v2: PatientV2) -> Self {
        PatientV3::from(v2).into()
    }
}

/// The patient of version 3: no conditioning, stem cell source or PCR.
#[derive(Debug, Deserialize)]
#[serde(rename = "Patient", deny_unknown_fields)]
struct PatientV3 {
    age: AgeSource,
    #[serde(default)]
    age_at_diagnosis: Option<YearsMonths>,
    #[serde(default)]
    hsct: Hsct,
    #[serde(default)]
    conditions: Conditions,
    #[serde(default)]
    donor: Donor,
    #[serde(default)]
    note: String,
    #[serde(default)]
    discussion: Option<FamilyDiscussion>,
}

impl From<PatientV3> for Patient {
    /// Version 3 → 4: nothing was decided or tested that the file does not
    /// say, so the new fields start undecided and untested.
    fn from(v3: PatientV3) -> Self {
        let PatientV3 { age, age_at_diagnosis, hsct, conditions, donor, note, discussion } = v3;
        Self {
            age,
            age_at_diagnosis,
            hsct,
            conditions,
            donor,
            conditioning: Conditioning::NotDecided,
            stem_cell_source: StemCellSource::NotDecided,
            crypto_pcr: CryptoPcr::NotTested,
            note,
            discussion,
            family_language: None,
        }
    }
}

/// Schema version 3, for reading.
#[derive(Deserialize)]
#[serde(rename = "PatientFile", deny_unknown_fields)]
struct FileV3 {
    #[expect(dead_code, reason = "read only to accept the field; the probe already checked it")]
    version: u32,
    patient: PatientV3,
    record: Record,
}

/// Schema version 4 (current), for reading.
#[derive(Deserialize)]
#[serde(rename = "PatientFile", deny_unknown_fields)]
struct FileV4 {
    #[expect(dead_code, reason = "read only to accept the field; the probe already checked it")]
    version: u32,
    patient: Patient,
    record: Record,
}

/// Schema version 4 (current), for writing without copying the document.
#[derive(Serialize)]
#[serde(rename = "PatientFile")]
struct FileV4Ref<'a> {
    version: u32,
    patient: &'a Patient,
    record: &'a Record,
}

/// Reads RON text of any known version into the current document.
pub(crate) fn read(text: &str) -> Result<PatientDocument, PatientFileError> {
    let ron = |e: ron::error::SpannedError| PatientFileError::from_ron(&e, text);
    let probe: VersionProbe = ron::from_str(text).map_err(ron)?;
    match probe.version {
        None => Err(PatientFileError::MissingVersion),
        Some(1) => Ok(migrate_v1(ron::from_str(text).map_err(ron)?)),
        Some(2) => {
            let FileV2 { version: _, patient, record } = ron::from_str(text).map_err(ron)?;
            Ok(PatientDocument { patient: patient.into(), record, upgraded_from: Some(2) })
        }
        Some(3) => {
            let FileV3 { version: _, patient, record } = ron::from_str(text).map_err(ron)?;
            Ok(PatientDocument { patient: patient.into(), record, upgraded_from: Some(3) })
        }
        Some(4) => {
            let FileV4 { version: _, patient, record } = ron::from_str(text).map_err(ron)?;
            Ok(PatientDocument { patient, record, upgraded_from: None })
        }
        Some(found) => Err(PatientFileError::unsupported(found)),
    }
}

/// Version 1 → current: the record starts empty, and the patient goes
/// through the version 2 → 3 → 4 conversions.
///
/// The upgrade is not written into the change log here: opening a file does
/// not change it. Instead the document remembers which version it came
/// from, and the first save adds a "File format" change ("version 1" →
/// "version 4") with that save's time and author, so the log says when the
/// file on disk was actually converted.
pub(crate) fn migrate_v1(v1: FileV1) -> PatientDocument {
    let FileV1 { version: _, patient } = v1;
    PatientDocument { patient: patient.into(), record: Record::default(), upgraded_from: Some(1) }
}

/// The document as current-version RON text, formatted for people: one
/// field per line, four-space indents, `\n` line ends on every platform (so
/// files compare equal across machines), and strings escaped so a note's
/// line breaks and quotes cannot break the layout.
pub(crate) fn write(doc: &PatientDocument) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false)
        .escape_strings(true);
    let file = FileV4Ref { version: CURRENT_VERSION, patient: &doc.patient, record: &doc.record };
    let mut text = ron::ser::to_string_pretty(&file, config)?;
    text.push('\n');
    Ok(text)
}
