//! The app's data folder: where it keeps what belongs to the user rather than
//! to a patient file (recovery copies of unsaved edits, and other per-user
//! libraries), each in its own subfolder.
//!
//! The folder is injectable (`StartOptions::data_dir`, `--data-dir DIR`) so
//! tests and screenshot runs never touch the user's; the platform folder is
//! only the default for a real window. It is the folder eframe uses for the
//! same app id, so everything the app keeps for one user lives in one place.

use std::io;
use std::path::{Path, PathBuf};

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
}
