//! Crash-safe replacement of a file: the old contents stay on disk, byte for
//! byte, until the new contents are completely written and flushed. Every
//! file the app writes goes through here (patient files, recovery copies,
//! lock refreshes, cohort and library files, reports, screenshots), so each
//! gets the same guarantees.
//!
//! Steps: create `.<name>.tmp-<pid>-<n>` in the same folder (so the final
//! rename never crosses file systems), write, flush and `sync_all`, copy the
//! existing file to `<name>.bak` if asked to (itself through a flushed
//! temporary copy and a rename, so a crash mid-copy never leaves a half
//! `.bak`), rename the temporary file over the target, then flush the folder
//! (Unix) so the rename itself is durable. A failure before the rename
//! removes the temporary file and leaves the target untouched.
//!
//! Who may read the result: a file this creates is readable and writable by
//! its owner only (Unix mode 0600) from its first byte, whatever the process
//! umask, because most of what the app writes is patient data or names who
//! edits it. A file that already exists keeps its mode, so a clinic that
//! opened a patient file to its group on purpose keeps it that way.
//!
//! Temporary files left by a process that ended mid-write are removed the
//! next time the same file is written (see [`remove_stale_temps`]).
//!
//! The file-system calls go through [`Fs`] so tests can make any step fail.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use super::error::{SaveError, SaveStep};
use crate::io::instance::{self, Liveness};

/// Makes temporary names unique within the process; the pid makes them
/// unique between processes (two windows saving the same patient).
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// A temporary file whose process has ended on this computer is removed
/// once it is this old. Not at once: the name carries only a process id, and
/// the folder may be a share where another computer (whose processes this
/// one cannot see) is writing it right now; no save takes minutes.
const DEAD_WRITER_GRACE: Duration = Duration::from_secs(10 * 60);

/// A temporary file this old is abandoned whoever wrote it: its process id
/// may since belong to another program, or to a process on a computer whose
/// processes this one cannot see.
const ABANDONED: Duration = Duration::from_secs(60 * 60);

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
        let file = create_owner_only(temp)?;
        keep_mode_of(&file, target);
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
        let mut source = match File::open(from) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        let name = to.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder_of(to).join(format!(".{name}.tmp-{}-{n}", std::process::id()));
        // Not `fs::copy`: it would give the copy the mode of the file copied,
        // where a new `.bak` is the owner's alone like any new file.
        let copied = create_owner_only(&temp)
            .and_then(|mut copy| {
                keep_mode_of(&copy, to);
                io::copy(&mut source, &mut copy)?;
                copy.sync_all()
            })
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

/// Creates `path`, which must not exist yet, readable and writable by its
/// owner only (Unix mode 0600) from the start, whatever the umask: what the
/// app writes is patient data or says who edits it. Lock files use it too,
/// since they must be created only if absent and so cannot be renamed into
/// place.
pub(crate) fn create_owner_only(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Gives `file` the permissions of `existing`, the file it is about to
/// replace, if there is one: a mode the user chose survives the save.
/// Failing to copy it is not worth losing the save over.
fn keep_mode_of(file: &File, existing: &Path) {
    if let Ok(meta) = fs::metadata(existing)
        && let Err(e) = file.set_permissions(meta.permissions())
    {
        log::warn!("could not copy permissions to the temporary file: {e}");
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

/// What becomes of the version a write replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Previous {
    /// Kept as `<name>.bak` beside the file: documents (patient and cohort
    /// files), where the version before the last save may be wanted back.
    Keep,
    /// Dropped: files the app can make again (recovery copies, lock files,
    /// reports, screenshots), where a `.bak` would only be one more copy of
    /// patient data to look after.
    Discard,
}

/// Replaces `path` with `bytes` as described in the module docs.
pub(crate) fn write(fs: &dyn Fs, path: &Path, bytes: &[u8], previous: Previous) -> Result<(), SaveError> {
    let fail = |step, source| SaveError { step, path: path.to_path_buf(), source };
    let Some(name) = path.file_name() else {
        let source = io::Error::new(io::ErrorKind::InvalidInput, "the path does not name a file");
        return Err(fail(SaveStep::CreateTemp, source));
    };
    let folder = folder_of(path);
    remove_stale_temps(path);

    fs.before(SaveStep::CreateTemp).map_err(|e| fail(SaveStep::CreateTemp, e))?;
    let (temp, file) = create_unique_temp(fs, folder, &name.to_string_lossy(), path)
        .map_err(|e| fail(SaveStep::CreateTemp, e))?;

    if let Err((step, source)) = fill_and_replace(fs, file, &temp, path, bytes, previous) {
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
    previous: Previous,
) -> Result<(), (SaveStep, io::Error)> {
    let step = |step: SaveStep, result: io::Result<()>| result.map_err(|e| (step, e));
    step(SaveStep::WriteTemp, fs.before(SaveStep::WriteTemp).and_then(|()| fs.write_all(&mut file, bytes)))?;
    step(SaveStep::SyncTemp, fs.before(SaveStep::SyncTemp).and_then(|()| fs.sync(&mut file)))?;
    // Closed before the rename: Windows refuses to rename an open file.
    drop(file);
    if previous == Previous::Keep {
        let backup = backup_path(path);
        step(SaveStep::Backup, fs.before(SaveStep::Backup).and_then(|()| fs.backup(path, &backup)))?;
    }
    step(SaveStep::Replace, fs.before(SaveStep::Replace).and_then(|()| fs.rename(temp, path)))
}

/// Removes the temporary files that writes of `path`, of its `.bak` and of
/// its lock file left behind when their process ended mid-write (a crash, a
/// power cut, a killed app). A temporary file that may still be being
/// written is left alone: one of a process still running here, or a recent
/// one of a process this computer cannot see. Called before each write and
/// when a file is opened for editing; failures only leave litter, so they
/// are logged, never reported.
pub fn remove_stale_temps(path: &Path) {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else { return };
    let prefixes = [format!(".{name}.tmp-"), format!(".{name}.bak.tmp-"), format!("..{name}.lock.tmp-")];
    let Ok(entries) = fs::read_dir(folder_of(path)) else { return };
    let now = SystemTime::now();
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str().and_then(|n| prefixes.iter().find_map(|p| temp_pid(n, p))) else {
            continue;
        };
        let Ok(modified) = entry.metadata().and_then(|m| m.modified()) else { continue };
        // A time in the future (another computer's clock) counts as now.
        let age = now.duration_since(modified).unwrap_or_default();
        let limit = match instance::process_here(pid) {
            Liveness::Ended => DEAD_WRITER_GRACE,
            Liveness::Running | Liveness::Unknown => ABANDONED,
        };
        if age >= limit
            && let Err(e) = fs::remove_file(entry.path())
            && e.kind() != io::ErrorKind::NotFound
        {
            log::warn!("could not remove the leftover temporary file {}: {e}", entry.path().display());
        }
    }
}

/// The process id in a temporary file's name `<prefix><pid>-<n>`, if the
/// name has exactly that shape.
fn temp_pid(name: &str, prefix: &str) -> Option<u32> {
    let (pid, n) = name.strip_prefix(prefix)?.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(pid) && digits(n)).then(|| pid.parse().ok()).flatten()
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
        write(&RealFs, &path, b"new", Previous::Keep).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(names_in(dir.path()), ["a.ron"]);
    }

    #[test]
    fn replaces_and_keeps_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        fs::write(&path, b"first").unwrap();
        write(&RealFs, &path, b"second", Previous::Keep).unwrap();
        write(&RealFs, &path, b"third", Previous::Keep).unwrap();
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
        write(&RealFs, &path, b"second", Previous::Keep).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_private_file_is_the_owners_alone_and_keeps_no_backup() {
        use std::os::unix::fs::PermissionsExt as _;

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("edits.ron");
        write(&RealFs, &path, b"first", Previous::Discard).unwrap();
        write(&RealFs, &path, b"second", Previous::Discard).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(names_in(dir.path()), ["edits.ron"]);
    }

    #[test]
    fn a_failed_private_write_keeps_the_previous_contents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("edits.ron");
        write(&RealFs, &path, b"kept", Previous::Discard).unwrap();
        for step in SaveStep::ALL {
            if step == SaveStep::Serialize || step == SaveStep::Backup {
                continue;
            }
            let err = write(&testing::FailAt(step), &path, b"lost", Previous::Discard).unwrap_err();
            assert_eq!(err.step, step);
            let want: &[u8] = if step == SaveStep::SyncFolder { b"lost" } else { b"kept" };
            assert_eq!(fs::read(&path).unwrap(), want, "{step:?}");
            write(&RealFs, &path, b"kept", Previous::Discard).unwrap();
            assert_eq!(names_in(dir.path()), ["edits.ron"], "{step:?}: no temporary file is left");
        }
    }

    #[test]
    fn the_backup_is_replaced_whole_and_leaves_no_temporary_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        fs::write(&path, b"first version").unwrap();
        fs::write(backup_path(&path), b"an older and longer backup").unwrap();
        write(&RealFs, &path, b"second", Previous::Keep).unwrap();
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
        write(&RealFs, &path, b"saved", Previous::Keep).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"saved");
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt as _;
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    #[test]
    fn new_files_and_backups_are_the_owners_alone_whatever_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        for previous in [Previous::Keep, Previous::Discard] {
            let path = dir.path().join(format!("{previous:?}.ron"));
            write(&RealFs, &path, b"first", previous).unwrap();
            assert_eq!(mode(&path), 0o600, "{previous:?}");
        }
        // A file from before (or made by another program) gets a new `.bak`.
        let path = dir.path().join("old.ron");
        fs::write(&path, b"first").unwrap();
        write(&RealFs, &path, b"second", Previous::Keep).unwrap();
        assert_eq!(mode(&backup_path(&path)), 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_file_keeps_the_mode_it_was_given() {
        use std::os::unix::fs::PermissionsExt as _;

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.ron");
        for previous in [Previous::Keep, Previous::Discard] {
            fs::write(&path, b"first").unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
            write(&RealFs, &path, b"second", previous).unwrap();
            assert_eq!(mode(&path), 0o640, "{previous:?}");
        }
        fs::set_permissions(backup_path(&path), fs::Permissions::from_mode(0o640)).unwrap();
        write(&RealFs, &path, b"third", Previous::Keep).unwrap();
        assert_eq!(mode(&backup_path(&path)), 0o640, "so does an existing .bak");
    }

    /// A process id that no process has any more.
    #[cfg(target_os = "linux")]
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    #[cfg(target_os = "linux")]
    fn aged(path: &Path, age: Duration) {
        fs::write(path, b"half").unwrap();
        File::options().write(true).open(path).unwrap().set_modified(SystemTime::now() - age).unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn temporary_files_of_ended_writers_are_removed_and_those_of_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let (dead, me) = (dead_pid(), std::process::id());
        let hour = Duration::from_secs(3600);
        // Ended mid-save, each kind of temporary file a save of `p.ron` writes.
        aged(&dir.path().join(format!(".p.ron.tmp-{dead}-1")), hour);
        aged(&dir.path().join(format!(".p.ron.bak.tmp-{dead}-2")), hour);
        aged(&dir.path().join(format!("..p.ron.lock.tmp-{dead}-3")), hour);
        // Being written now: by another window of this process, and by a
        // process this computer cannot see (a share) or that just ended.
        aged(&dir.path().join(format!(".p.ron.tmp-{me}-999999")), Duration::ZERO);
        aged(&dir.path().join(format!(".p.ron.tmp-{dead}-4")), Duration::from_secs(5));
        // Not ours to judge: another file's, and a name of another shape.
        aged(&dir.path().join(format!(".q.ron.tmp-{dead}-5")), hour);
        aged(&dir.path().join(format!(".p.ron.tmp-{dead}-x")), hour);

        remove_stale_temps(&path);
        let live = format!(".p.ron.tmp-{me}-999999");
        let mut kept = vec![
            format!(".p.ron.tmp-{dead}-4"),
            format!(".p.ron.tmp-{dead}-x"),
            format!(".q.ron.tmp-{dead}-5"),
        ];
        let with = |mut names: Vec<String>, more: &str| {
            names.push(more.to_owned());
            names.sort();
            names
        };
        assert_eq!(names_in(dir.path()), with(kept.clone(), &live));

        // Saving cleans up the same way, and an abandoned one goes whoever wrote it.
        aged(&dir.path().join(&live), 2 * hour);
        write(&RealFs, &path, b"saved", Previous::Keep).unwrap();
        kept = with(kept, "p.ron");
        assert_eq!(names_in(dir.path()), kept);
    }

    #[test]
    fn only_temporary_names_of_the_right_shape_give_a_process() {
        assert_eq!(temp_pid(".p.ron.tmp-12-3", ".p.ron.tmp-"), Some(12));
        assert_eq!(temp_pid(".p.ron.tmp-12-", ".p.ron.tmp-"), None);
        assert_eq!(temp_pid(".p.ron.tmp--3", ".p.ron.tmp-"), None);
        assert_eq!(temp_pid(".p.ron.tmp-12-3-4", ".p.ron.tmp-"), None);
        assert_eq!(temp_pid(".p.ron.tmp-99999999999-3", ".p.ron.tmp-"), None);
        assert_eq!(temp_pid(".q.ron.tmp-12-3", ".p.ron.tmp-"), None);
    }

    #[test]
    fn a_path_without_a_file_name_is_refused() {
        let err = write(&RealFs, Path::new("/"), b"x", Previous::Keep).unwrap_err();
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
