//! Crash-safe replacement of a file: the old contents stay on disk, byte for
//! byte, until the new contents are completely written and flushed.
//!
//! Steps: create `.<name>.tmp-<pid>-<n>` in the same folder (so the final
//! rename never crosses file systems), write, flush and `sync_all`, copy the
//! existing file to `<name>.bak` (itself through a flushed temporary copy and
//! a rename, so a crash mid-copy never leaves a half `.bak`), rename the
//! temporary file over the target, then flush the folder (Unix) so the rename
//! itself is durable. A failure before the rename removes the temporary file
//! and leaves the target untouched.
//!
//! [`write_privately`] is the same without the `.bak`, for files that are the
//! user's alone (recovery copies): readable by the owner only from the first
//! byte written.
//!
//! The file-system calls go through [`Fs`] so tests can make any step fail.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::error::{SaveError, SaveStep};

/// Makes temporary names unique within the process; the pid makes them
/// unique between processes (two windows saving the same patient).
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The file-system operations a save performs, one per [`SaveStep`].
pub(crate) trait Fs {
    /// Called before each step starts; a test double fails here.
    fn before(&self, _step: SaveStep) -> io::Result<()> {
        Ok(())
    }
    /// Creates `temp`, failing if it exists; `target` is the file it will
    /// replace, whose permissions it should take.
    fn create_temp(&self, temp: &Path, target: &Path) -> io::Result<File>;
    /// Writes all of `bytes`.
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()>;
    /// Flushes to the disk.
    fn sync(&self, file: &mut File) -> io::Result<()>;
    /// Copies `from` to `to` if `from` exists.
    fn backup(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Atomically replaces `to` with `from`.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Makes the folder's entries (the rename) durable.
    fn sync_folder(&self, folder: &Path) -> io::Result<()>;
    /// Deletes a leftover temporary file.
    fn remove(&self, path: &Path) -> io::Result<()>;
}

/// The real file system.
pub(crate) struct RealFs;

impl Fs for RealFs {
    fn create_temp(&self, temp: &Path, target: &Path) -> io::Result<File> {
        let file = OpenOptions::new().write(true).create_new(true).open(temp)?;
        // Keep a restrictive mode the user set on the patient file; failing
        // to copy it is not worth losing the save over.
        if let Ok(meta) = fs::metadata(target)
            && let Err(e) = file.set_permissions(meta.permissions())
        {
            log::warn!("could not copy permissions to the temporary file: {e}");
        }
        Ok(file)
    }

    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }

    fn sync(&self, file: &mut File) -> io::Result<()> {
        file.flush()?;
        file.sync_all()
    }

    fn backup(&self, from: &Path, to: &Path) -> io::Result<()> {
        match fs::symlink_metadata(from) {
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        }
        let name = to.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder_of(to).join(format!(".{name}.tmp-{}-{n}", std::process::id()));
        let copied = fs::copy(from, &temp)
            .and_then(|_| OpenOptions::new().write(true).open(&temp))
            .and_then(|file| file.sync_all())
            .and_then(|()| fs::rename(&temp, to));
        if copied.is_err() {
            // The copy is worthless now; the old `.bak` (if any) is intact.
            let _ = fs::remove_file(&temp);
        }
        copied
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    #[cfg(unix)]
    fn sync_folder(&self, folder: &Path) -> io::Result<()> {
        File::open(folder)?.sync_all()
    }

    #[cfg(not(unix))]
    fn sync_folder(&self, _folder: &Path) -> io::Result<()> {
        // Windows cannot open a folder for flushing; NTFS journals renames.
        Ok(())
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }
}

/// Where the previous version of `path` is kept: `<name>.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// The folder holding `path` (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Replaces `path` with `bytes` as described in the module docs.
pub(crate) fn write_atomically(fs: &dyn Fs, path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    replace(fs, path, bytes, Kind::Document)
}

/// Replaces `path` with `bytes` like [`write_atomically`], but keeps no
/// `.bak` and makes the file readable and writable by its owner only (Unix
/// mode 0600) before anything is written to it.
pub(crate) fn write_privately(fs: &dyn Fs, path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    replace(fs, path, bytes, Kind::Private)
}

/// A document keeps its previous version as `.bak`; a private file is the
/// user's alone and keeps none.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Document,
    Private,
}

fn replace(fs: &dyn Fs, path: &Path, bytes: &[u8], kind: Kind) -> Result<(), SaveError> {
    let fail = |step, source| SaveError { step, path: path.to_path_buf(), source };
    let Some(name) = path.file_name() else {
        let source = io::Error::new(io::ErrorKind::InvalidInput, "the path does not name a file");
        return Err(fail(SaveStep::CreateTemp, source));
    };
    let folder = folder_of(path);

    fs.before(SaveStep::CreateTemp).map_err(|e| fail(SaveStep::CreateTemp, e))?;
    let (temp, file) = create_unique_temp(fs, folder, &name.to_string_lossy(), path)
        .map_err(|e| fail(SaveStep::CreateTemp, e))?;

    if let Err((step, source)) = fill_and_replace(fs, file, &temp, path, bytes, kind) {
        if let Err(e) = fs.remove(&temp)
            && e.kind() != io::ErrorKind::NotFound
        {
            log::warn!("could not remove the temporary file {}: {e}", temp.display());
        }
        return Err(fail(step, source));
    }

    fs.before(SaveStep::SyncFolder)
        .and_then(|()| fs.sync_folder(folder))
        .map_err(|e| fail(SaveStep::SyncFolder, e))
}

#[cfg(unix)]
fn owner_only(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    file.set_permissions(fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn owner_only(_file: &File) -> io::Result<()> {
    // Elsewhere the user's own data folder is private to the user already.
    Ok(())
}

/// Creates a temporary file that did not exist before, trying a few names in
/// case a crashed save left one behind.
fn create_unique_temp(fs: &dyn Fs, folder: &Path, name: &str, target: &Path) -> io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    let mut last_error = None;
    for _ in 0..16 {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(format!(".{name}.tmp-{pid}-{n}"));
        match fs.create_temp(&temp, target) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_error = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_error.unwrap_or_else(|| io::Error::other("no free temporary file name")))
}

/// The steps between creating the temporary file and the rename; any error
/// leaves the target as it was.
fn fill_and_replace(
    fs: &dyn Fs,
    mut file: File,
    temp: &Path,
    path: &Path,
    bytes: &[u8],
    kind: Kind,
) -> Result<(), (SaveStep, io::Error)> {
    let step = |step: SaveStep, result: io::Result<()>| result.map_err(|e| (step, e));
    if kind == Kind::Private {
        step(SaveStep::CreateTemp, owner_only(&file))?;
    }
    step(SaveStep::WriteTemp, fs.before(SaveStep::WriteTemp).and_then(|()| fs.write_all(&mut file, bytes)))?;
    step(SaveStep::SyncTemp, fs.before(SaveStep::SyncTemp).and_then(|()| fs.sync(&mut file)))?;
    // Closed before the rename: Windows refuses to rename an open file.
    drop(file);
    if kind == Kind::Document {
        let backup = backup_path(path);
        step(SaveStep::Backup, fs.before(SaveStep::Backup).and_then(|()| fs.backup(path, &backup)))?;
    }
    step(SaveStep::Replace, fs.before(SaveStep::Replace).and_then(|()| fs.rename(temp, path)))
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// Real file system, except that one step fails; a failing write first
    /// writes half the bytes, as a full disk would.
    pub(crate) struct FailAt(pub(crate) SaveStep);

    impl Fs for FailAt {
        fn before(&self, step: SaveStep) -> io::Result<()> {
            if step == self.0 && step != SaveStep::WriteTemp {
                return Err(io::Error::other("injected failure"));
            }
            Ok(())
        }
        fn create_temp(&self, temp: &Path, target: &Path) -> io::Result<File> {
            RealFs.create_temp(temp, target)
        }
        fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
            if self.0 == SaveStep::WriteTemp {
                RealFs.write_all(file, &bytes[..bytes.len() / 2])?;
                return Err(io::Error::new(io::ErrorKind::StorageFull, "injected failure"));
            }
            RealFs.write_all(file, bytes)
        }
        fn sync(&self, file: &mut File) -> io::Result<()> {
            RealFs.sync(file)
        }
        fn backup(&self, from: &Path, to: &Path) -> io::Result<()> {
            RealFs.backup(from, to)
        }
        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            RealFs.rename(from, to)
        }
        fn sync_folder(&self, folder: &Path) -> io::Result<()> {
            RealFs.sync_folder(folder)
        }
        fn remove(&self, path: &Path) -> io::Result<()> {
            RealFs.remove(path)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_new_file_without_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomically(&RealFs, &path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(names_in(dir.path()), ["a.ron"]);
    }

    #[test]
    fn replaces_and_keeps_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        fs::write(&path, b"first").unwrap();
        write_atomically(&RealFs, &path, b"second").unwrap();
        write_atomically(&RealFs, &path, b"third").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"third");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"second");
        assert_eq!(names_in(dir.path()), ["a.ron", "a.ron.bak"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_private_file_stays_private() {
        use std::os::unix::fs::PermissionsExt as _;

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        fs::write(&path, b"first").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomically(&RealFs, &path, b"second").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_private_file_is_the_owners_alone_and_keeps_no_backup() {
        use std::os::unix::fs::PermissionsExt as _;

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("edits.ron");
        write_privately(&RealFs, &path, b"first").unwrap();
        write_privately(&RealFs, &path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(names_in(dir.path()), ["edits.ron"]);
    }

    #[test]
    fn a_failed_private_write_keeps_the_previous_contents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("edits.ron");
        write_privately(&RealFs, &path, b"kept").unwrap();
        for step in SaveStep::ALL {
            if step == SaveStep::Serialize || step == SaveStep::Backup {
                continue;
            }
            let err = write_privately(&testing::FailAt(step), &path, b"lost").unwrap_err();
            assert_eq!(err.step, step);
            let want: &[u8] = if step == SaveStep::SyncFolder { b"lost" } else { b"kept" };
            assert_eq!(fs::read(&path).unwrap(), want, "{step:?}");
            write_privately(&RealFs, &path, b"kept").unwrap();
            assert_eq!(names_in(dir.path()), ["edits.ron"], "{step:?}: no temporary file is left");
        }
    }

    #[test]
    fn the_backup_is_replaced_whole_and_leaves_no_temporary_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        fs::write(&path, b"first version").unwrap();
        fs::write(backup_path(&path), b"an older and longer backup").unwrap();
        write_atomically(&RealFs, &path, b"second").unwrap();
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"first version");
        assert_eq!(names_in(dir.path()), ["a.ron", "a.ron.bak"]);
    }

    #[test]
    fn stale_temporary_files_do_not_block_a_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let pid = std::process::id();
        let next = TEMP_COUNTER.load(Ordering::Relaxed);
        for n in next..next + 4 {
            fs::write(dir.path().join(format!(".p.ron.tmp-{pid}-{n}")), b"stale").unwrap();
        }
        write_atomically(&RealFs, &path, b"saved").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"saved");
    }

    #[test]
    fn a_path_without_a_file_name_is_refused() {
        let err = write_atomically(&RealFs, Path::new("/"), b"x").unwrap_err();
        assert_eq!(err.step, SaveStep::CreateTemp);
        assert_eq!(err.source.kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn backup_path_appends_bak() {
        assert_eq!(backup_path(Path::new("dir/sc-boy.ron")), Path::new("dir/sc-boy.ron.bak"));
        assert_eq!(folder_of(Path::new("sc-boy.ron")), Path::new("."));
        assert_eq!(folder_of(Path::new("dir/sc-boy.ron")), Path::new("dir"));
    }
}
