//! Saving over a file that someone else may have changed since it was read:
//! patient files live on shared clinic folders, where a colleague can save
//! the same patient between our open and our save.
//!
//! The app remembers a [`ContentHash`] of the bytes it read (or last wrote).
//! [`save_unless_changed`] hashes what is on disk right before writing and
//! refuses with [`SaveConflict`] if it is different, carrying their version
//! so the user can choose; it never overwrites in silence. A writer that
//! slips in between the check and the rename still loses nothing: the save
//! copies the file on disk to `.bak` just before replacing it.

use std::fmt;
use std::path::Path;

use sha2::{Digest as _, Sha256};

use super::error::file_name;
use super::{LoadError, LoadErrorKind, Loaded, PatientDocument, SaveError, atomic};
use crate::model::l10n::{self, Arg, Lang};

/// SHA-256 of a file's bytes: which version of a file the app has.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContentHash([u8; 32]);

impl ContentHash {
    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self(Sha256::digest(bytes).into())
    }

    /// Reads the 64 hex digits [`Display`](fmt::Display) writes.
    pub fn from_hex(text: &str) -> Option<Self> {
        let mut out = [0_u8; 32];
        if text.len() != 64 {
            return None;
        }
        for (byte, pair) in out.iter_mut().zip(text.as_bytes().chunks_exact(2)) {
            let pair = std::str::from_utf8(pair).ok()?;
            *byte = u8::from_str_radix(pair, 16).ok()?;
        }
        Some(Self(out))
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl fmt::Debug for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ContentHash({self})")
    }
}

/// A file read for editing: what [`super::load`] says about it, and the
/// hash of exactly the bytes that were parsed (`None` if none could be read),
/// so a later save can tell whether the file changed since.
#[derive(Debug)]
pub struct Tracked {
    /// The file's contents, or why they are not usable.
    pub loaded: Result<Loaded, LoadError>,
    /// The hash of the bytes read.
    pub hash: Option<ContentHash>,
}

impl Tracked {
    /// The document, if the file could be read: a valid one, or one whose
    /// patient fails validation (the form shows each problem).
    pub fn document(&self) -> Option<&PatientDocument> {
        match &self.loaded {
            Ok(loaded) => Some(&loaded.document),
            Err(LoadError {
                kind: LoadErrorKind::Content(super::PatientFileError::Invalid { document, .. }),
                ..
            }) => Some(document),
            Err(_) => None,
        }
    }
}

/// The file on disk is not the version the app read or last saved.
#[derive(Debug)]
pub struct SaveConflict {
    /// The file on disk now.
    pub theirs: Tracked,
}

/// Why [`save_unless_changed`] did not save.
#[derive(Debug, thiserror::Error)]
pub enum GuardedSaveError {
    /// Someone else changed the file: nothing was written.
    #[error("{}", self.message(Lang::En))]
    Changed {
        /// The file.
        path: std::path::PathBuf,
        /// Their version.
        conflict: Box<SaveConflict>,
    },
    /// The save itself failed.
    #[error(transparent)]
    Save(#[from] SaveError),
}

impl GuardedSaveError {
    /// What happened, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Changed { path, .. } => {
                l10n::text(lang, "error-changed", &[("file", Arg::Text(file_name(path)))])
            }
            Self::Save(e) => e.message(lang),
        }
    }
}

/// Saves `doc` to `path` as [`super::save`] does, but only if the file there
/// is still the version with hash `expected` (or is gone: writing it again
/// loses nobody's work). `expected: None` means the caller has no version of
/// this file (Save As to a name the user chose) and does not check. Returns
/// the hash of what it wrote, the version the app now has.
///
/// # Errors
/// [`GuardedSaveError::Changed`] with their version if the file changed;
/// [`GuardedSaveError::Save`] if writing failed (the file is unchanged).
pub fn save_unless_changed(
    path: &Path,
    doc: &PatientDocument,
    expected: Option<ContentHash>,
) -> Result<ContentHash, GuardedSaveError> {
    save_unless_changed_with(&atomic::RealFs, path, doc, expected)
}

pub(super) fn save_unless_changed_with(
    fs: &dyn atomic::Fs,
    path: &Path,
    doc: &PatientDocument,
    expected: Option<ContentHash>,
) -> Result<ContentHash, GuardedSaveError> {
    if let Some(expected) = expected {
        let theirs = super::load_tracked(path);
        let gone = matches!(&theirs.loaded, Err(LoadError { kind: LoadErrorKind::Read(e), .. })
            if e.kind() == std::io::ErrorKind::NotFound);
        if !gone && theirs.hash != Some(expected) {
            let conflict = Box::new(SaveConflict { theirs });
            return Err(GuardedSaveError::Changed { path: path.to_path_buf(), conflict });
        }
    }
    let text = super::text_to_write(fs, path, doc)?;
    atomic::write(fs, path, text.as_bytes(), atomic::Previous::Keep)?;
    Ok(ContentHash::of(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;
    use crate::io::patient_file::atomic::testing::FailAt;
    use crate::io::patient_file::{SaveContext, SaveStep, backup_path, load, load_tracked};
    use crate::model::patient::{AgeSource, Patient, YearsMonths};

    fn aged(years: i32) -> Patient {
        Patient { age: AgeSource::Entered(YearsMonths { years, months: 0 }), ..Patient::default() }
    }

    fn revised(doc: &PatientDocument, patient: &Patient, by: &str) -> PatientDocument {
        let context =
            SaveContext { app_version: "1".into(), evidence_version: "e".into(), saved_by: by.into() };
        doc.revised(patient, &context, UNIX_EPOCH + Duration::from_secs(1_795_610_096))
    }

    /// A file saved by "me", as the app would have read it.
    fn opened(dir: &Path) -> (std::path::PathBuf, PatientDocument, ContentHash) {
        let path = dir.join("boy.xhim.ron");
        let doc = revised(&PatientDocument::default(), &aged(3), "me");
        crate::io::patient_file::save(&path, &doc).unwrap();
        let tracked = load_tracked(&path);
        let hash = tracked.hash.unwrap();
        (path, tracked.loaded.unwrap().document, hash)
    }

    #[test]
    fn hashes_read_back_from_their_text() {
        let hash = ContentHash::of(b"patient");
        assert_eq!(ContentHash::from_hex(&hash.to_string()), Some(hash));
        assert_ne!(ContentHash::of(b"patient "), hash);
        assert_eq!(ContentHash::from_hex("12"), None);
        assert_eq!(ContentHash::from_hex(&"g".repeat(64)), None);
        assert_eq!(
            ContentHash::of(b"").to_string(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn an_unchanged_file_is_saved_and_the_new_hash_is_what_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let (path, doc, hash) = opened(dir.path());
        let next = revised(&doc, &aged(4), "me");
        let written = save_unless_changed(&path, &next, Some(hash)).unwrap();
        assert_eq!(written, ContentHash::of(&fs::read(&path).unwrap()));
        assert_eq!(load(&path).unwrap().document, next);
        // And again from the version just written.
        let again = revised(&next, &aged(5), "me");
        save_unless_changed(&path, &again, Some(written)).unwrap();
    }

    #[test]
    fn a_file_changed_by_someone_else_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let (path, doc, hash) = opened(dir.path());
        let theirs = revised(&doc, &aged(7), "colleague");
        crate::io::patient_file::save(&path, &theirs).unwrap();
        let on_disk = fs::read(&path).unwrap();

        let mine = revised(&doc, &aged(4), "me");
        let err = save_unless_changed(&path, &mine, Some(hash)).unwrap_err();
        let GuardedSaveError::Changed { conflict, .. } = &err else { panic!("{err:?}") };
        assert_eq!(conflict.theirs.document(), Some(&theirs));
        assert_eq!(conflict.theirs.hash, Some(ContentHash::of(&on_disk)));
        assert_eq!(fs::read(&path).unwrap(), on_disk, "nothing written");
        assert!(err.to_string().starts_with("boy.xhim.ron: changed by someone else"), "{err}");

        // Overwriting on top of their version keeps their record.
        let over = revised(&theirs, &aged(4), "me");
        save_unless_changed(&path, &over, conflict.theirs.hash).unwrap();
        let record = load(&path).unwrap().document.record;
        assert_eq!(
            record.saves.iter().map(|s| s.saved_by.as_str()).collect::<Vec<_>>(),
            ["me", "colleague", "me"]
        );
    }

    #[test]
    fn a_damaged_or_missing_file_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let (path, doc, hash) = opened(dir.path());
        fs::write(&path, "(version: 2, patient: (").unwrap();
        let mine = revised(&doc, &aged(4), "me");
        let err = save_unless_changed(&path, &mine, Some(hash)).unwrap_err();
        let GuardedSaveError::Changed { conflict, .. } = err else { panic!() };
        assert!(conflict.theirs.document().is_none());
        assert!(conflict.theirs.loaded.is_err());

        fs::remove_file(&path).unwrap();
        save_unless_changed(&path, &mine, Some(hash)).unwrap();
        assert_eq!(load(&path).unwrap().document, mine, "a deleted file is written again");
    }

    #[test]
    fn a_failed_save_leaves_their_file_and_the_version_the_app_has() {
        let dir = tempfile::tempdir().unwrap();
        let (path, doc, hash) = opened(dir.path());
        let before = fs::read(&path).unwrap();
        let mine = revised(&doc, &aged(4), "me");
        for step in SaveStep::ALL {
            let result = save_unless_changed_with(&FailAt(step), &path, &mine, Some(hash));
            let Err(GuardedSaveError::Save(e)) = result else { panic!("{step:?}: {result:?}") };
            assert_eq!(e.step, step);
            if step == SaveStep::SyncFolder {
                // The new version is in place; put the old one back for the next step.
                fs::write(&path, &before).unwrap();
            }
            assert_eq!(fs::read(&path).unwrap(), before, "{step:?}");
            assert_eq!(load_tracked(&path).hash, Some(hash), "{step:?}: still the version the app has");
        }
    }

    /// Another writer that saves between our check and our rename.
    struct RacingWriter<'a>(&'a Path, &'a [u8]);

    impl atomic::Fs for RacingWriter<'_> {
        fn before(&self, step: SaveStep) -> std::io::Result<()> {
            if step == SaveStep::Backup {
                fs::write(self.0, self.1)?;
            }
            Ok(())
        }
        fn create_temp(&self, temp: &Path, target: &Path) -> std::io::Result<fs::File> {
            atomic::RealFs.create_temp(temp, target)
        }
        fn write_all(&self, file: &mut fs::File, bytes: &[u8]) -> std::io::Result<()> {
            atomic::RealFs.write_all(file, bytes)
        }
        fn sync(&self, file: &mut fs::File) -> std::io::Result<()> {
            atomic::RealFs.sync(file)
        }
        fn backup(&self, from: &Path, to: &Path) -> std::io::Result<()> {
            atomic::RealFs.backup(from, to)
        }
        fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
            atomic::RealFs.rename(from, to)
        }
        fn sync_folder(&self, folder: &Path) -> std::io::Result<()> {
            atomic::RealFs.sync_folder(folder)
        }
        fn remove(&self, path: &Path) -> std::io::Result<()> {
            atomic::RealFs.remove(path)
        }
    }

    #[test]
    fn a_writer_racing_the_save_is_kept_in_the_backup() {
        let dir = tempfile::tempdir().unwrap();
        let (path, doc, hash) = opened(dir.path());
        let theirs = revised(&doc, &aged(9), "colleague").to_ron().unwrap();
        let mine = revised(&doc, &aged(4), "me");
        save_unless_changed_with(&RacingWriter(&path, theirs.as_bytes()), &path, &mine, Some(hash)).unwrap();
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), theirs);
    }
}
