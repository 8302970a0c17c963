//! Patient files: one patient per human-readable `.ron` file, with a record
//! of who saved it with which app and evidence version, and an append-only
//! log of every field change.
//!
//! This module owns the file format and its versions ([`CURRENT_VERSION`];
//! older versions are migrated on reading), strict loading that names the
//! line and column of any problem, crash-safe saving (temporary file, flush,
//! `.bak` of the previous version, atomic rename), the change log, and the
//! check behind `xhim-aid validate FILE…`.
//!
//! Typical use by the form:
//!
//! 1. [`load`] a file (or start from [`PatientDocument::default`]) and keep
//!    the [`PatientDocument`] as "what is on disk"; edit a copy of its patient.
//! 2. To save, [`PatientDocument::revised`] builds the next version (change
//!    entries for every edited field plus a [`SaveStamp`]); [`save`] it, and
//!    only after that succeeds replace the kept document with it. A failed
//!    save therefore never leaves change entries behind that a retry would
//!    record twice.
//!
//! A file whose patient fails [`Patient::validate`] is refused with
//! [`PatientFileError::Invalid`], which still carries the document so the
//! form can open it and show each problem by its field. [`save`] itself does
//! not validate, so a draft can always be kept.

pub(crate) mod atomic;
mod diff;
mod error;
mod format;
mod guard;
pub mod lock;
mod time;

use std::fs::File;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

pub use self::atomic::{Previous, backup_path, remove_stale_temps};
pub use self::diff::{FieldChange, diff};
pub use self::error::{LoadError, LoadErrorKind, PatientFileError, SaveError, SaveStep};
pub use self::guard::{ContentHash, GuardedSaveError, SaveConflict, Tracked, save_unless_changed};
pub use self::time::{parse_utc_timestamp, utc_timestamp};
use crate::model::l10n::{self, Arg, Lang};
use crate::model::patient::Patient;

/// The schema version this build writes (and the newest it reads).
pub const CURRENT_VERSION: u32 = 4;

/// Largest file read. Far above anything this app writes
/// ([`MAX_WRITE_BYTES`]), so every file it saved opens again, including
/// files of earlier releases, which logged the whole note twice per edit and
/// could pass 1 MiB; still small enough that the wrong file (a video, a disk
/// image, a device) is refused before it fills memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Largest file written; a save that would be bigger is refused and nothing
/// on disk changes. A patient file is a few kilobytes and a note edit adds
/// well under one to the change log, so this is thousands of saves away,
/// and an eighth of [`MAX_FILE_BYTES`], so what was written always reads.
pub const MAX_WRITE_BYTES: u64 = 8 * 1024 * 1024;
const _: () = assert!(MAX_WRITE_BYTES * 8 <= MAX_FILE_BYTES, "every file written must read again");

/// The history kept alongside the patient, so a reader can tell who saved
/// the file, with which evidence, and what they changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// One entry per save, oldest first.
    #[serde(default)]
    pub saves: Vec<SaveStamp>,
    /// Every field change, oldest first; entries are only ever appended.
    #[serde(default)]
    pub changes: Vec<Change>,
}

/// Who saved the file, when, and with which app and evidence, so a result
/// shown from this file can be traced to the data behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveStamp {
    /// The app's version (`CARGO_PKG_VERSION`).
    pub app_version: String,
    /// The version of the evidence (cohort data) in use.
    pub evidence_version: String,
    /// The name the user gave for themselves.
    pub saved_by: String,
    /// UTC, RFC 3339 (`2026-11-25T12:34:56Z`); anything else makes the
    /// file invalid.
    #[serde(deserialize_with = "time::utc_timestamp_field")]
    pub saved_at: String,
}

/// One change to one field, in words, so the history reads without the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// UTC, RFC 3339, the time of the save that recorded it; anything else
    /// makes the file invalid.
    #[serde(deserialize_with = "time::utc_timestamp_field")]
    pub at: String,
    /// Who saved.
    pub by: String,
    /// The field's label, e.g. `Age` or `Conditions: Sclerosing cholangitis`.
    pub field: String,
    /// Value before, in words. For a long free text (the note, the
    /// family's discussion) only the passage that changed, with a few words
    /// around it and `…` where it was cut (see [`diff`]); entries written
    /// by earlier releases hold the whole text.
    pub old: String,
    /// Value after, in words, shortened as [`Self::old`] is.
    pub new: String,
}

/// What the caller knows at save time and the file should remember.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveContext {
    /// Pass `env!("CARGO_PKG_VERSION")`.
    pub app_version: String,
    /// The evidence (cohort data) version in use.
    pub evidence_version: String,
    /// Who is saving.
    pub saved_by: String,
}

/// A patient file's contents: the patient as saved and its record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PatientDocument {
    /// The patient as last saved (or as read).
    pub patient: Patient,
    /// Saves and changes so far.
    pub record: Record,
    /// The schema version the file was read from, when older than
    /// [`CURRENT_VERSION`]; the next save logs the conversion.
    upgraded_from: Option<u32>,
}

impl PatientDocument {
    /// A document that has never been saved; its first save logs every field
    /// that differs from `patient`. Start from [`Patient::default`] (via
    /// [`PatientDocument::default`]) for a new patient, so the first save
    /// records everything entered.
    pub fn new(patient: Patient) -> Self {
        Self { patient, record: Record::default(), upgraded_from: None }
    }

    /// The older schema version this was read from, if any (the form can
    /// tell the user that saving will convert the file).
    pub fn upgraded_from(&self) -> Option<u32> {
        self.upgraded_from
    }

    /// The document to write when saving `edited`: the record gains one
    /// change entry per differing field (after a "File format" entry if the
    /// file was read from an older version) and one [`SaveStamp`], all dated
    /// `now`. `self` is left alone, so a failed save can simply be retried.
    #[must_use]
    pub fn revised(&self, edited: &Patient, context: &SaveContext, now: SystemTime) -> Self {
        let at = utc_timestamp(now);
        let mut record = self.record.clone();
        let change = |(field, old, new): FieldChange| Change {
            at: at.clone(),
            by: context.saved_by.clone(),
            field,
            old,
            new,
        };
        if let Some(version) = self.upgraded_from {
            record.changes.push(change((
                "File format".to_owned(),
                format!("version {version}"),
                format!("version {CURRENT_VERSION}"),
            )));
        }
        record.changes.extend(diff(&self.patient, edited).into_iter().map(change));
        record.saves.push(SaveStamp {
            app_version: context.app_version.clone(),
            evidence_version: context.evidence_version.clone(),
            saved_by: context.saved_by.clone(),
            saved_at: at.clone(),
        });
        Self { patient: edited.clone(), record, upgraded_from: None }
    }

    /// The file's text in the current format (what [`save`] writes).
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        format::write(self)
    }
}

/// A successfully read file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    /// Its contents, migrated to the current version.
    pub document: PatientDocument,
    /// Something the user should know that is not an error, such as the
    /// file being in an older format that saving will convert.
    pub notice: Option<String>,
}

/// What saving a file in the older format `version` will do, in `lang`.
pub fn upgrade_notice(version: u32, lang: Lang) -> String {
    let args = [
        ("version", Arg::Text(version.to_string())),
        ("current", Arg::Text(CURRENT_VERSION.to_string())),
        ("log", Arg::Text(if version < 2 { "start" } else { "keep" }.to_owned())),
    ];
    l10n::text(lang, "msg-older-format", &args)
}

/// Reads and checks a patient file's bytes: size, emptiness, UTF-8, RON
/// syntax and shape (with line and column), schema version (migrating older
/// ones), then the patient's own validation. Never panics.
pub fn parse(bytes: &[u8]) -> Result<PatientDocument, PatientFileError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES {
        return Err(PatientFileError::TooLarge { size });
    }
    if bytes.is_empty() {
        return Err(PatientFileError::Empty);
    }
    let text =
        std::str::from_utf8(bytes).map_err(|e| PatientFileError::NotUtf8 { offset: e.valid_up_to() })?;
    // Some Windows editors start UTF-8 files with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(PatientFileError::Empty);
    }
    let document = format::read(text)?;
    let problems = document.patient.validate();
    if problems.is_empty() {
        Ok(document)
    } else {
        let problems = problems.into_iter().map(|p| p.message).collect();
        Err(PatientFileError::Invalid { problems, document: Box::new(document) })
    }
}

/// Reads a patient file from disk and [`parse`]s it. The size is checked
/// before reading and the read is capped, so pointing it at a huge file or a
/// device cannot exhaust memory.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    load_tracked(path).loaded
}

/// [`load`], keeping the hash of the bytes read so a later save can check
/// the file was not changed by someone else in the meantime (see
/// [`save_unless_changed`]).
pub fn load_tracked(path: &Path) -> Tracked {
    let fail = |kind| LoadError { file: error::file_name(path), kind };
    let bytes = match read_capped(path) {
        Ok(bytes) => bytes,
        Err(kind) => return Tracked { loaded: Err(fail(kind)), hash: None },
    };
    let hash = Some(ContentHash::of(&bytes));
    let loaded = parse(&bytes).map_err(|e| fail(LoadErrorKind::Content(e))).map(|document| {
        let notice = document.upgraded_from().map(|version| upgrade_notice(version, Lang::En));
        Loaded { document, notice }
    });
    Tracked { loaded, hash }
}

fn read_capped(path: &Path) -> Result<Vec<u8>, LoadErrorKind> {
    let file = File::open(path).map_err(LoadErrorKind::Read)?;
    let size = file.metadata().map_err(LoadErrorKind::Read)?.len();
    if size > MAX_FILE_BYTES {
        return Err(PatientFileError::TooLarge { size }.into());
    }
    // `size` may be 0 for pipes and devices, so the cap below is what counts.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(LoadErrorKind::Read)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_FILE_BYTES {
        return Err(PatientFileError::TooLarge { size: read }.into());
    }
    Ok(bytes)
}

/// Writes `doc` to `path` crash-safely: the existing file is replaced only
/// once the new one is completely on disk, and its previous contents are
/// kept in [`backup_path`]. On error the file is unchanged (except after
/// [`SaveStep::SyncFolder`]; see [`SaveError`]).
pub fn save(path: &Path, doc: &PatientDocument) -> Result<(), SaveError> {
    save_with(&atomic::RealFs, path, doc)
}

/// Writes any document (a cohort file, a library file) with the same
/// crash-safe steps as [`save`]: temp file, flush, `.bak` of the previous
/// version, rename; a new file is its owner's alone.
///
/// # Errors
/// [`SaveError`] names the step and the file; the original is left intact.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    atomic::write(&atomic::RealFs, path, bytes, Previous::Keep)
}

/// [`write_atomically`] without keeping a `.bak`, for files the app can
/// make again (reports, screenshots).
///
/// # Errors
/// [`SaveError`] names the step and the file; the original is left intact.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    atomic::write(&atomic::RealFs, path, bytes, Previous::Discard)
}

/// [`save`] through a given file system, so tests can make each step fail.
fn save_with(fs: &dyn atomic::Fs, path: &Path, doc: &PatientDocument) -> Result<(), SaveError> {
    let text = text_to_write(fs, path, doc)?;
    atomic::write(fs, path, text.as_bytes(), Previous::Keep)
}

/// The file's text, if it is within [`MAX_WRITE_BYTES`]: a save that could
/// not be read back is refused before anything on disk changes.
fn text_to_write(fs: &dyn atomic::Fs, path: &Path, doc: &PatientDocument) -> Result<String, SaveError> {
    let fail = |source| SaveError { step: SaveStep::Serialize, path: path.to_path_buf(), source };
    fs.before(SaveStep::Serialize).map_err(fail)?;
    let text = doc.to_ron().map_err(|e| fail(std::io::Error::other(e)))?;
    let size = u64::try_from(text.len()).unwrap_or(u64::MAX);
    if size > MAX_WRITE_BYTES {
        return Err(fail(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "the file would be {size} bytes, more than the {} MiB a patient file may hold; \
                 nothing was written and the file on disk is unchanged",
                MAX_WRITE_BYTES / (1024 * 1024)
            ),
        )));
    }
    Ok(text)
}

/// Checks each file as [`load`] would, for `xhim-aid validate FILE…`: one
/// line per file, `path: ok` or `path: <problem>`, and whether all passed
/// (exit status 0 if so, else 1).
pub fn validate_paths(paths: &[PathBuf]) -> (Vec<String>, bool) {
    let mut all_valid = true;
    let lines = paths
        .iter()
        .map(|path| match load(path) {
            Ok(_) => format!("{}: ok", path.display()),
            Err(e) => {
                all_valid = false;
                format!("{}: {}", path.display(), e.kind)
            }
        })
        .collect();
    (lines, all_valid)
}

#[cfg(test)]
mod tests;
