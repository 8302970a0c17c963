//! The app's data folder: where it keeps what belongs to the user rather than
//! to a patient file (recovery copies of unsaved edits, and other per-user
//! libraries), each in its own subfolder.
//!
//! The folder is injectable (`StartOptions::data_dir`, `--data-dir DIR`) so
//! tests and screenshot runs never touch the user's; the platform folder is
//! only the default for a real window. It is the folder eframe uses for the
//! same app id, so everything the app keeps for one user lives in one place.
//!
//! Also here: what keeps the user's files private from the first byte
//! ([`private_by_default`]) and eframe's preferences file intact
//! ([`guard_preferences`]), since eframe writes that file itself.

use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use crate::io::patient_file::{backup_path, write_replacing};

/// eframe's storage file in the platform data folder (the name eframe 0.37's
/// `native/file_storage.rs` gives it): preferences, recent files, window
/// geometry.
const PREFERENCES: &str = "app.ron";

/// Larger than any preferences file eframe writes; a bigger one is left to
/// eframe, which reads it whole.
const MAX_PREFERENCES_BYTES: u64 = 16 * 1024 * 1024;

/// The platform's data folder for this app (on Linux
/// `$XDG_DATA_HOME/xhim-aid` or `~/.local/share/xhim-aid`); `None` where the
/// platform has none (no home folder).
pub fn platform() -> Option<PathBuf> {
    eframe::storage_dir(crate::APP_ID)
}

/// `name` inside the data folder, created if missing. A folder this creates
/// is readable by its owner only (Unix), since what goes in it may be
/// patient data; an existing folder keeps the mode it has.
///
/// # Errors
/// When the folder cannot be created.
pub fn subfolder(data_dir: &Path, name: &str) -> io::Result<PathBuf> {
    let folder = data_dir.join(name);
    if !folder.is_dir() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&folder)?;
    }
    Ok(folder)
}

/// Makes every file and folder this process creates from now on readable
/// by its owner only (Unix umask 077, added to any stricter one the user
/// set). Call first thing in `main`, before any thread starts: the umask
/// belongs to the whole process.
///
/// The app's own writer already creates files owner-only; this also covers
/// what libraries create for it, above all eframe's preferences file
/// (`app.ron`), which eframe creates with the umask's mode (0644 for
/// most users) although it lists recent patient file paths, which can name
/// a patient. A file that exists keeps its mode: the umask only applies to
/// new ones, and a clinic that shares a folder on purpose keeps it shared.
pub fn private_by_default() {
    #[cfg(unix)]
    {
        use rustix::fs::Mode;
        let owner_only = Mode::RWXG | Mode::RWXO;
        let before = rustix::process::umask(owner_only);
        rustix::process::umask(before | owner_only);
    }
}

/// What [`guard_preferences`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreferencesCheck {
    /// No preferences yet (a first start).
    Missing,
    /// They read well, and are now also kept as `app.ron.bak`.
    Kept,
    /// They were damaged and were put back from `app.ron.bak`.
    Restored,
    /// They were damaged and there is no good copy: eframe starts afresh.
    Damaged,
}

/// Guards eframe's preferences file before eframe reads it; call before
/// the window starts. eframe 0.37 writes that file in place (truncate, then
/// buffered writes, no flush to disk) on exit and every 30 seconds, so a
/// crash or power cut mid-write leaves it cut short, and eframe then starts
/// from defaults in silence: the recent files go, and so does the name the
/// user gave for the record of each save, which would then record the
/// operating-system user instead. So a file that reads well is kept as
/// `app.ron.bak` through the atomic writer, and a damaged one is put back
/// from that copy. The file is also made owner-only, for files an earlier
/// release left readable by others ([`private_by_default`] covers new ones).
pub fn guard_preferences() {
    if let Some(folder) = platform() {
        let check = guard_preferences_in(&folder);
        if check == PreferencesCheck::Damaged {
            log::warn!(
                "{PREFERENCES} is damaged and there is no good copy; starting with default preferences"
            );
        }
    }
}

/// [`guard_preferences`] for the preferences in `folder`.
pub fn guard_preferences_in(folder: &Path) -> PreferencesCheck {
    let file = folder.join(PREFERENCES);
    let copy = backup_path(&file);
    let Some(text) = read_preferences(&file) else { return PreferencesCheck::Missing };
    make_owner_only(&file);
    if let Some(text) = text.filter(|t| readable_preferences(t)) {
        if let Err(e) = write_replacing(&copy, text.as_bytes()) {
            log::warn!("could not keep a copy of the preferences: {e}");
        }
        return PreferencesCheck::Kept;
    }
    match read_preferences(&copy).flatten().filter(|t| readable_preferences(t)) {
        Some(good) => match write_replacing(&file, good.as_bytes()) {
            Ok(()) => {
                log::warn!("{PREFERENCES} was damaged; restored the last good copy");
                PreferencesCheck::Restored
            }
            Err(e) => {
                log::warn!("could not restore the preferences: {e}");
                PreferencesCheck::Damaged
            }
        },
        None => PreferencesCheck::Damaged,
    }
}

/// `None` if there is no file; `Some(None)` if it cannot be read as text.
fn read_preferences(path: &Path) -> Option<Option<String>> {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return None,
        Err(_) => return Some(None),
    };
    let mut text = String::new();
    let read = file.take(MAX_PREFERENCES_BYTES + 1).read_to_string(&mut text);
    Some(read.ok().filter(|&n| u64::try_from(n).is_ok_and(|n| n <= MAX_PREFERENCES_BYTES)).map(|_| text))
}

/// Whether `text` is what eframe reads back: a map of keys to RON strings.
fn readable_preferences(text: &str) -> bool {
    ron::from_str::<std::collections::HashMap<String, String>>(text).is_ok()
}

#[cfg(unix)]
fn make_owner_only(path: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    if let Ok(meta) = std::fs::metadata(path)
        && meta.permissions().mode() & 0o077 != 0
        && let Err(e) = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
    {
        log::warn!("could not make {} readable by its owner only: {e}", path.display());
    }
}

#[cfg(not(unix))]
fn make_owner_only(_path: &Path) {
    // Elsewhere the user's own data folder is private to the user already.
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_platform_folder_is_named_for_the_app() {
        if let Some(dir) = platform() {
            assert_eq!(dir.file_name().and_then(|n| n.to_str()), Some(crate::APP_ID));
        }
    }

    #[test]
    fn subfolders_are_created_private() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let folder = subfolder(&data, "recovery").unwrap();
        assert!(folder.is_dir());
        assert_eq!(subfolder(&data, "recovery").unwrap(), folder, "a second call finds it");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o700);
        }
    }

    /// Preferences as eframe writes them: a map of keys to RON strings.
    const GOOD: &str = "{\n    \"app\": \"(user_name:\\\"Dr A\\\")\",\n}";

    #[test]
    fn preferences_that_read_are_kept_and_damaged_ones_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(PREFERENCES);
        assert_eq!(guard_preferences_in(dir.path()), PreferencesCheck::Missing);

        std::fs::write(&file, GOOD).unwrap();
        assert_eq!(guard_preferences_in(dir.path()), PreferencesCheck::Kept);
        assert_eq!(std::fs::read_to_string(backup_path(&file)).unwrap(), GOOD);

        // eframe was cut off mid-write.
        std::fs::write(&file, &GOOD[..20]).unwrap();
        assert_eq!(guard_preferences_in(dir.path()), PreferencesCheck::Restored);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), GOOD);

        std::fs::write(&file, "").unwrap();
        std::fs::remove_file(backup_path(&file)).unwrap();
        assert_eq!(guard_preferences_in(dir.path()), PreferencesCheck::Damaged);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "", "left to eframe");
    }

    #[cfg(unix)]
    #[test]
    fn preferences_and_their_copy_are_the_owners_alone() {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(PREFERENCES);
        std::fs::write(&file, GOOD).unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        guard_preferences_in(dir.path());
        assert_eq!((mode(&file), mode(&backup_path(&file))), (0o600, 0o600));
    }

    #[cfg(unix)]
    #[test]
    fn after_private_by_default_new_files_are_the_owners_alone() {
        use std::os::unix::fs::PermissionsExt as _;
        const CHILD: &str = "XHIM_AID_UMASK_FILE";
        // In a child process of this test binary, since the umask belongs to
        // the whole process and other tests run beside this one.
        if let Some(file) = std::env::var_os(CHILD) {
            private_by_default();
            std::fs::write(file, "x").unwrap();
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("made-by-a-library.ron");
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "io::data_dir::tests::after_private_by_default_new_files_are_the_owners_alone"])
            .env(CHILD, &file)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
}
