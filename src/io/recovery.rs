//! Recovery copies of unsaved edits, so a crash or a power cut loses at most
//! the last few seconds of work and never the saved file.
//!
//! Each running window keeps one file in `recovery/` of the app's data
//! folder (never beside the patient file, and never in the app's saved
//! preferences): the document the edits started from, the hash of the file
//! it was read from, and the form as typed, every field's text (a half-typed
//! age or a mistyped date included), so a crash loses nothing typed while
//! some other field was still invalid. The base document is kept as
//! patient-file text, so a recovery file written by an older release is
//! read through the same migrations as a patient file; version 1 files,
//! which kept the last valid patient instead of the form, are still read. The file is readable by
//! its owner only and written atomically; it is deleted once the edits are
//! saved or discarded. A file whose writer has ended (see
//! [`Instance::liveness`]) is offered at the next start. Nothing here ever
//! writes a patient file.

use std::io::{self, Read as _};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::io::data_dir;
use crate::io::file_name;
use crate::io::instance::Instance;
use crate::io::patient_file::atomic::{self, Fs};
use crate::io::patient_file::{
    self, ContentHash, PatientDocument, PatientFileError, SaveError, SaveStep, utc_timestamp,
};
use crate::model::form::PatientForm;

/// The subfolder of the data folder that holds recovery files.
pub const FOLDER: &str = "recovery";

/// Version of the recovery file's own shape: 2 keeps the form as typed; 1
/// kept the last valid patient.
const VERSION: u32 = 2;

/// Larger than any recovery file the app writes (two patient files).
const MAX_BYTES: u64 = 4 * patient_file::MAX_FILE_BYTES;

/// Unsaved edits: enough to put the window back as it was.
#[derive(Clone, Debug, PartialEq)]
pub struct Edits {
    /// The patient file they belong to; `None` for a patient never saved.
    pub file: Option<PathBuf>,
    /// The document as opened or last saved: where the edits started, and
    /// whose record the next save extends (so the change log stays
    /// append-only across a recovery).
    pub base: PatientDocument,
    /// The hash of the file's bytes at that point, so a save after restoring
    /// still notices a colleague's later change.
    pub base_hash: Option<ContentHash>,
    /// The form as typed, valid or not.
    pub form: PatientForm,
}

/// A recovery file as written.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Recovery", deny_unknown_fields)]
struct RecoveryFile {
    version: u32,
    owner: Instance,
    written_at: String,
    file: Option<PathBuf>,
    base_hash: Option<String>,
    base: String,
    /// Version 1: the last valid patient, as patient-file text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    edited: Option<String>,
    /// Version 2: the form as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    form: Option<PatientForm>,
}

/// A recovery file left by a window that ended without saving or
/// discarding its edits.
#[derive(Debug)]
pub struct Found {
    /// The recovery file.
    pub path: PathBuf,
    /// When it was written, UTC (`2026-11-25T12:34:56Z`); empty if unknown.
    pub written_at: String,
    /// The edits, or why they cannot be read.
    pub edits: Result<Edits, String>,
}

impl Found {
    /// Deletes the recovery file (the user discarded the edits).
    ///
    /// # Errors
    /// When the file cannot be deleted.
    pub fn discard(&self) -> io::Result<()> {
        remove_if_present(&self.path)
    }
}

/// One window's recovery file, in the data folder's `recovery/`.
#[derive(Clone, Debug)]
pub struct Store {
    folder: PathBuf,
    own: PathBuf,
    owner: Instance,
}

impl Store {
    /// The recovery folder in `data_dir` (created, owner-only), and a file
    /// name for `owner`.
    ///
    /// # Errors
    /// When the folder cannot be created.
    pub fn open(data_dir: &Path, owner: Instance) -> io::Result<Self> {
        let folder = data_dir::subfolder(data_dir, FOLDER)?;
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let own = folder.join(format!("edits-{}-{}-{nanos}.ron", owner.pid, owner.number));
        Ok(Self { folder, own, owner })
    }

    /// This window's recovery file.
    pub fn own_file(&self) -> &Path {
        &self.own
    }

    /// Writes `edits` as this window's recovery file, replacing the last.
    ///
    /// # Errors
    /// [`SaveError`] naming the step; the previous recovery file is intact.
    pub fn write(&self, edits: &Edits) -> Result<(), SaveError> {
        self.write_with(&atomic::RealFs, edits)
    }

    fn write_with(&self, fs: &dyn Fs, edits: &Edits) -> Result<(), SaveError> {
        let fail = |source| SaveError { step: SaveStep::Serialize, path: self.own.clone(), source };
        fs.before(SaveStep::Serialize).map_err(fail)?;
        let text = to_text(edits, &self.owner).map_err(|e| fail(io::Error::other(e)))?;
        atomic::write(fs, &self.own, text.as_bytes(), atomic::Previous::Discard)
    }

    /// Deletes this window's recovery file (the edits were saved or
    /// discarded).
    ///
    /// # Errors
    /// When the file exists and cannot be deleted.
    pub fn remove(&self) -> io::Result<()> {
        remove_if_present(&self.own)
    }

    /// Recovery files whose windows have ended, oldest first. Files of
    /// windows that may still be running are theirs, and are left alone.
    pub fn left_behind(&self) -> Vec<Found> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else { return Vec::new() };
        let mut found: Vec<Found> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| *p != self.own && is_recovery_file(p))
            .filter_map(|path| match read(&path) {
                Ok((owner, _)) if owner.may_be_running() => None,
                Ok((_, found)) => Some(found),
                Err(problem) => Some(Found { path, written_at: String::new(), edits: Err(problem) }),
            })
            .collect();
        found.sort_by(|a, b| a.written_at.cmp(&b.written_at).then_with(|| a.path.cmp(&b.path)));
        found
    }

    /// Makes a left-behind recovery file this window's own (the user
    /// restored it), so the edits are never without a recovery copy.
    ///
    /// # Errors
    /// When the file cannot be moved.
    pub fn take_over(&self, found: &Found) -> io::Result<()> {
        std::fs::rename(&found.path, &self.own)
    }
}

fn is_recovery_file(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    // Hidden names are the atomic writer's temporary files.
    !name.starts_with('.') && name.ends_with(".ron") && path.is_file()
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

fn to_text(edits: &Edits, owner: &Instance) -> Result<String, ron::Error> {
    let file = RecoveryFile {
        version: VERSION,
        owner: owner.clone(),
        written_at: utc_timestamp(SystemTime::now()),
        file: edits.file.clone(),
        base_hash: edits.base_hash.map(|h| h.to_string()),
        base: edits.base.to_ron()?,
        edited: None,
        form: Some(edits.form.clone()),
    };
    let config = ron::ser::PrettyConfig::new().new_line("\n").indentor("    ").escape_strings(true);
    ron::ser::to_string_pretty(&file, config)
}

/// Reads a recovery file: its owner, and what it holds.
fn read(path: &Path) -> Result<(Instance, Found), String> {
    let name = file_name(path);
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES).read_to_string(&mut text))
        .map_err(|e| format!("{name} cannot be read: {e}"))?;
    let file: RecoveryFile = ron::from_str(&text).map_err(|e| format!("{name} is damaged: {e}"))?;
    if file.version > VERSION {
        return Err(format!("{name} was written by a newer release (version {})", file.version));
    }
    let document = |text: &str, what: &str| match patient_file::parse(text.as_bytes()) {
        Ok(doc) => Ok(doc),
        // Kept as it was; the form shows each problem.
        Err(PatientFileError::Invalid { document, .. }) => Ok(*document),
        Err(e) => Err(format!("{name}: the {what} cannot be read: {e}")),
    };
    let form = match (file.form, file.edited) {
        (Some(form), _) => Ok(form),
        (None, Some(edited)) => {
            document(&edited, "edited patient").map(|doc| PatientForm::from_patient(&doc.patient))
        }
        (None, None) => Err(format!("{name} is damaged: it holds no edits")),
    };
    let edits = document(&file.base, "saved version").and_then(|base| {
        Ok(Edits {
            file: file.file,
            base,
            base_hash: file.base_hash.as_deref().and_then(ContentHash::from_hex),
            form: form?,
        })
    });
    Ok((file.owner, Found { path: path.to_path_buf(), written_at: file.written_at, edits }))
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::time::Duration;

    use super::*;
    use crate::io::instance::Registered;
    use crate::io::patient_file::SaveContext;
    use crate::io::patient_file::atomic::testing::FailAt;
    use crate::model::patient::{AgeSource, Patient, YearsMonths};

    fn aged(years: i32) -> Patient {
        Patient { age: AgeSource::Entered(YearsMonths { years, months: 0 }), ..Patient::default() }
    }

    fn edits(file: Option<PathBuf>) -> Edits {
        let context =
            SaveContext { app_version: "1".into(), evidence_version: "e".into(), saved_by: "Dr A".into() };
        let base =
            PatientDocument::default().revised(&aged(3), &context, UNIX_EPOCH + Duration::from_secs(9));
        let edited = Patient { note: "PCP at 7 mo; \"quoted\"\nsecond line".to_owned(), ..aged(4) };
        let mut form = PatientForm::from_patient(&edited);
        // Half typed: not a valid age, kept as typed all the same.
        form.months = "1".to_owned();
        form.years = "4x".to_owned();
        Edits { file, base, base_hash: Some(ContentHash::of(b"on disk")), form }
    }

    #[test]
    fn edits_of_an_ended_window_are_found_whole() {
        let data = tempfile::tempdir().unwrap();
        let crashed = Registered::new();
        let store = Store::open(data.path(), crashed.instance().clone()).unwrap();
        let written = edits(Some(PathBuf::from("/share/boy.xhim.ron")));
        store.write(&written).unwrap();
        assert!(store.own_file().starts_with(data.path().join(FOLDER)));

        let me = Registered::new();
        let mine = Store::open(data.path(), me.instance().clone()).unwrap();
        assert!(mine.left_behind().is_empty(), "a running window's edits are its own");
        drop(crashed);
        let found = mine.left_behind();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].edits.as_ref().unwrap(), &written);
        assert!(patient_file::parse_utc_timestamp(&found[0].written_at).is_some());

        mine.take_over(&found[0]).unwrap();
        assert!(!found[0].path.exists());
        assert!(mine.own_file().exists());
        assert!(mine.left_behind().is_empty());
        mine.remove().unwrap();
        mine.remove().unwrap();
        assert_eq!(fs::read_dir(data.path().join(FOLDER)).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn recovery_files_are_the_owners_alone() {
        use std::os::unix::fs::PermissionsExt as _;
        let data = tempfile::tempdir().unwrap();
        let me = Registered::new();
        let store = Store::open(data.path(), me.instance().clone()).unwrap();
        store.write(&edits(None)).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(store.own_file()), 0o600);
        assert_eq!(mode(&data.path().join(FOLDER)), 0o700);
    }

    #[test]
    fn a_failed_write_keeps_the_last_copy_and_never_touches_the_patient_file() {
        let data = tempfile::tempdir().unwrap();
        let share = tempfile::tempdir().unwrap();
        let patient_path = share.path().join("boy.xhim.ron");
        fs::write(&patient_path, b"the saved file").unwrap();
        let me = Registered::new();
        let store = Store::open(data.path(), me.instance().clone()).unwrap();
        let first = edits(Some(patient_path.clone()));
        store.write(&first).unwrap();
        let kept = fs::read(store.own_file()).unwrap();
        let second = Edits { form: PatientForm::from_patient(&aged(9)), ..first };
        for step in SaveStep::ALL {
            if step == SaveStep::Backup {
                continue;
            }
            let err = store.write_with(&FailAt(step), &second).unwrap_err();
            assert_eq!(err.step, step);
            if step != SaveStep::SyncFolder {
                assert_eq!(fs::read(store.own_file()).unwrap(), kept, "{step:?}");
            }
            fs::write(store.own_file(), &kept).unwrap();
        }
        assert_eq!(fs::read(&patient_path).unwrap(), b"the saved file");
        assert_eq!(fs::read_dir(share.path()).unwrap().count(), 1, "nothing written beside it");
    }

    #[test]
    fn a_damaged_recovery_file_is_reported_not_dropped() {
        let data = tempfile::tempdir().unwrap();
        let me = Registered::new();
        let store = Store::open(data.path(), me.instance().clone()).unwrap();
        let damaged = data.path().join(FOLDER).join("edits-1-1-1.ron");
        fs::write(&damaged, "(version: 1, owner: (").unwrap();
        fs::write(data.path().join(FOLDER).join(".edits.ron.tmp-1-1"), "half").unwrap();
        let found = store.left_behind();
        assert_eq!(found.len(), 1, "temporary files are not offered");
        assert!(found[0].edits.as_ref().unwrap_err().starts_with("edits-1-1-1.ron is damaged"));
        found[0].discard().unwrap();
        assert!(!damaged.exists());
    }

    #[test]
    fn a_version_1_copy_of_the_last_valid_patient_is_still_read() {
        let data = tempfile::tempdir().unwrap();
        let me = Registered::new();
        let store = Store::open(data.path(), me.instance().clone()).unwrap();
        let written = edits(None);
        let ended = Instance { pid: u32::MAX, number: 1, ..me.instance().clone() };
        let old = RecoveryFile {
            version: 1,
            owner: ended,
            written_at: "2026-11-25T12:34:56Z".to_owned(),
            file: None,
            base_hash: None,
            base: written.base.to_ron().unwrap(),
            edited: Some(PatientDocument::new(aged(6)).to_ron().unwrap()),
            form: None,
        };
        let text = ron::ser::to_string_pretty(&old, ron::ser::PrettyConfig::new()).unwrap();
        fs::write(data.path().join(FOLDER).join("edits-1-1-1.ron"), text).unwrap();
        let found = store.left_behind();
        assert_eq!(found.len(), 1);
        let form = &found[0].edits.as_ref().unwrap().form;
        assert_eq!(form.years, "6");
        assert_eq!(form.to_patient().unwrap(), aged(6));
    }
}
