//! Site configuration: what hospital IT sets for every user of a computer
//! (`/etc/xhim-aid/config.ron`), then what each user sets for themselves
//! (`~/.config/xhim-aid/config.ron`, or under `$XDG_CONFIG_HOME`). Both are
//! optional; a file that cannot be read is reported and the app starts with
//! the other settings, never refusing to open.
//!
//! ```ron
//! (
//!     clinic_name: Some("Paediatric Immunology, St Elsewhere"),
//!     family_contact: Some("Clinical nurse specialist, 020 7946 0000 (weekdays)"),
//!     data_dir: Some("/srv/xhim-aid/users"),
//!     shared_library: Some("/srv/xhim-aid/library"),
//!     keep_recent_files: Some(false),
//! )
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::io::file_name;
use crate::model::l10n::{self, Arg, Lang};

/// The system-wide file, read first.
pub const SYSTEM_FILE: &str = "/etc/xhim-aid/config.ron";

/// Largest configuration file read; a real one is a few lines.
const MAX_BYTES: u64 = 64 * 1024;

/// One configuration file's settings; `None` leaves a setting to the other
/// file or the app's default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Printed on every report and handout ("Prepared at …").
    pub clinic_name: Option<String>,
    /// Whom a family can call with questions, shown with the family pages'
    /// support organisations ("Clinical nurse specialist, 020 …").
    pub family_contact: Option<String>,
    /// The data folder (recovery copies, the user's library) instead of the
    /// platform's; `--data-dir` still wins.
    pub data_dir: Option<PathBuf>,
    /// A folder of cohort files the clinic shares: every `.ron` file in it
    /// is loaded as a layer in every window, and nothing is written there.
    pub shared_library: Option<PathBuf>,
    /// Whether recently opened files are remembered. `false` in the system
    /// file is a policy: no user file turns it back on.
    pub keep_recent_files: Option<bool>,
}

impl Config {
    /// The settings in force: the system file's, then the user's on top
    /// (except that a system-wide "keep no recent files" stands), and what
    /// could not be read, one message per file.
    pub fn load() -> (Self, Vec<String>) {
        let user = dirs::config_dir().map(|d| d.join(crate::APP_ID).join("config.ron"));
        Self::load_from(Path::new(SYSTEM_FILE), user.as_deref())
    }

    /// [`Self::load`] from the given files (tests).
    pub fn load_from(system: &Path, user: Option<&Path>) -> (Self, Vec<String>) {
        let mut problems = Vec::new();
        let mut read = |path: &Path| match read(path) {
            Ok(config) => config,
            Err(problem) => {
                problems.push(problem);
                None
            }
        };
        let system = read(system).unwrap_or_default();
        let user = user.and_then(&mut read).unwrap_or_default();
        let keep_recent = match (system.keep_recent_files, user.keep_recent_files) {
            (Some(false), _) => Some(false),
            (s, u) => u.or(s),
        };
        let config = Self {
            clinic_name: user.clinic_name.or(system.clinic_name).filter(|n| !n.trim().is_empty()),
            family_contact: user.family_contact.or(system.family_contact).filter(|n| !n.trim().is_empty()),
            data_dir: user.data_dir.or(system.data_dir),
            shared_library: user.shared_library.or(system.shared_library),
            keep_recent_files: keep_recent,
        };
        (config, problems)
    }

    /// The cohort files of the shared library, in name order; a folder that
    /// cannot be read is a message in `lang`, not an error that stops the app.
    pub fn shared_cohorts(&self, lang: Lang) -> Result<Vec<PathBuf>, String> {
        let Some(folder) = &self.shared_library else { return Ok(Vec::new()) };
        let entries = std::fs::read_dir(folder).map_err(|e| {
            l10n::text(
                lang,
                "msg-shared-library-unreadable",
                &[("folder", Arg::Text(folder.display().to_string())), ("error", Arg::Text(e.to_string()))],
            )
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) && p.is_file())
            .collect();
        files.sort();
        Ok(files)
    }
}

/// One file: `Ok(None)` when it does not exist.
fn read(path: &Path) -> Result<Option<Config>, String> {
    use std::io::Read as _;
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(path, &e)),
    };
    let mut text = String::new();
    file.take(MAX_BYTES).read_to_string(&mut text).map_err(|e| unreadable(path, &e))?;
    ron::from_str(&text).map(Some).map_err(|e| {
        l10n::text(
            Lang::En,
            "msg-config-invalid",
            &[("file", Arg::Text(file_name(path))), ("error", Arg::Text(e.to_string()))],
        )
    })
}

/// Said on the command line's stderr, before any window and its language.
fn unreadable(path: &Path, e: &std::io::Error) -> String {
    l10n::text(
        Lang::En,
        "msg-config-unreadable",
        &[("file", Arg::Text(path.display().to_string())), ("error", Arg::Text(e.to_string()))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn the_users_settings_go_on_top_of_the_systems() {
        let dir = tempfile::tempdir().unwrap();
        let system = write(
            dir.path(),
            "system.ron",
            r#"(clinic_name: Some("Ward 3"), data_dir: Some("/srv/data"), keep_recent_files: Some(true))"#,
        );
        let user = write(
            dir.path(),
            "user.ron",
            r#"(data_dir: Some("/home/a/data"), keep_recent_files: Some(false))"#,
        );
        let (config, problems) = Config::load_from(&system, Some(&user));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.clinic_name.as_deref(), Some("Ward 3"));
        assert_eq!(config.data_dir, Some(PathBuf::from("/home/a/data")));
        assert_eq!(config.keep_recent_files, Some(false));
    }

    #[test]
    fn a_system_policy_of_no_recent_files_stands() {
        let dir = tempfile::tempdir().unwrap();
        let system = write(dir.path(), "system.ron", "(keep_recent_files: Some(false))");
        let user = write(dir.path(), "user.ron", "(keep_recent_files: Some(true))");
        assert_eq!(Config::load_from(&system, Some(&user)).0.keep_recent_files, Some(false));
    }

    #[test]
    fn missing_files_are_no_settings_and_bad_ones_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let (config, problems) = Config::load_from(&dir.path().join("none.ron"), None);
        assert_eq!(config, Config::default());
        assert!(problems.is_empty());
        let bad = write(dir.path(), "config.ron", "(clinic: 3)");
        let (config, problems) = Config::load_from(&bad, None);
        assert_eq!(config, Config::default());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("The configuration config.ron is not valid and was ignored"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_shared_library_lists_its_cohort_files() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "b.ron", "");
        write(dir.path(), "a.ron", "");
        write(dir.path(), "notes.txt", "");
        let config = Config { shared_library: Some(dir.path().to_path_buf()), ..Config::default() };
        assert_eq!(
            config.shared_cohorts(Lang::En).unwrap(),
            vec![dir.path().join("a.ron"), dir.path().join("b.ron")]
        );
        let gone = Config { shared_library: Some(dir.path().join("gone")), ..Config::default() };
        assert!(gone.shared_cohorts(Lang::En).unwrap_err().starts_with("The shared library"));
    }
}
