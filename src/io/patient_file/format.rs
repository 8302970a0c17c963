//! The on-disk shapes of each schema version and the migrations between them.
//!
//! * Version 1: `(version: 1, patient: (...))`, the early format with no
//!   record of saves or changes.
//! * Version 2 (current): `(version: 2, patient: (...), record: (saves: [...],
//!   changes: [...]))`.
//!
//! Reading first looks only at `version` (ignoring everything else), then
//! reads the whole file strictly as that version, so an old file is never
//! misread as a new one and an unknown field is an error naming it.

use serde::{Deserialize, Serialize};

use super::{CURRENT_VERSION, PatientDocument, PatientFileError, Record};
use crate::model::patient::Patient;

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
    patient: Patient,
}

/// Schema version 2 (current), for reading.
#[derive(Deserialize)]
#[serde(rename = "PatientFile", deny_unknown_fields)]
struct FileV2 {
    #[expect(dead_code, reason = "read only to accept the field; the probe already checked it")]
    version: u32,
    patient: Patient,
    record: Record,
}

/// Schema version 2 (current), for writing without copying the document.
#[derive(Serialize)]
#[serde(rename = "PatientFile")]
struct FileV2Ref<'a> {
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
        Some(1) => Ok(migrate_v1_to_v2(ron::from_str(text).map_err(ron)?)),
        Some(2) => {
            let FileV2 { version: _, patient, record } = ron::from_str(text).map_err(ron)?;
            Ok(PatientDocument { patient, record, upgraded_from: None })
        }
        Some(found) => Err(PatientFileError::unsupported(found)),
    }
}

/// Version 1 → 2: the patient is unchanged and the record starts empty.
///
/// The upgrade is not written into the change log here: opening a file does
/// not change it. Instead the document remembers it came from version 1, and
/// the first save adds a "File format" change ("version 1" → "version 2")
/// with that save's time and author, so the log says when the file on disk
/// was actually converted.
pub(crate) fn migrate_v1_to_v2(v1: FileV1) -> PatientDocument {
    let FileV1 { version: _, patient } = v1;
    PatientDocument { patient, record: Record::default(), upgraded_from: Some(1) }
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
    let file = FileV2Ref { version: CURRENT_VERSION, patient: &doc.patient, record: &doc.record };
    let mut text = ron::ser::to_string_pretty(&file, config)?;
    text.push('\n');
    Ok(text)
}
