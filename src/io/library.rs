//! The evidence library on disk: every cohort the user builds, imports or
//! digitizes, and every finding added by hand, kept in the app's data folder
//! and loaded at start.
//!
//! Layout of the library folder (`<data folder>/library/`):
//! * `cohorts/<name>.ron`: one cohort file each, in the format `xhim-aid
//!   cohort build` writes, so a file can be shared as it is;
//! * `findings/<name>.ron`: one hand-added finding each, as a cohort in the
//!   evidence format marked as added locally;
//! * `hidden.ron`: the cohort files the user chose not to draw;
//! * `trash/cohorts/`, `trash/findings/`: files removed in the app, kept so
//!   a removal can be undone (restored from the library window).
//!
//! Only cohort data and published findings live here, never patient data.
//! A file that cannot be read is left in place and reported, and the rest of
//! the library loads.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::io::cohort_file;
use crate::io::patient_file::{SaveError, write_atomically};
use crate::model::cohort::ImportedCohort;
use crate::model::evidence::{Cohort, Evidence};
use crate::model::l10n::{self, Lang};

/// The library's folder inside the app's data folder.
pub const LIBRARY_FOLDER: &str = "library";
const COHORTS: &str = "cohorts";
const FINDINGS: &str = "findings";
const HIDDEN: &str = "hidden.ron";
const TRASH: &str = "trash";
/// Largest hand-added finding file read (bytes).
const MAX_FINDING_BYTES: u64 = 1024 * 1024;

/// Why the library could not be changed.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// Writing failed; the previous file is intact.
    #[error("{}", self.message(Lang::En))]
    Write(#[from] SaveError),
    /// The folder could not be made.
    #[error("{}", self.message(Lang::En))]
    Folder {
        /// The folder.
        folder: String,
        /// The system's error.
        source: std::io::Error,
    },
    /// A file could not be moved to or from the trash folder.
    #[error("{}", self.message(Lang::En))]
    Move {
        /// The file.
        file: String,
        /// To the trash, or back from it.
        to_trash: bool,
        /// The system's error.
        source: std::io::Error,
    },
    /// A file could not be removed.
    #[error("{}", self.message(Lang::En))]
    Remove {
        /// The file.
        file: String,
        /// The system's error.
        source: std::io::Error,
    },
    /// The data could not be written as RON.
    #[error("{}", self.message(Lang::En))]
    Format {
        /// The file.
        file: String,
        /// What went wrong.
        message: String,
    },
}

impl LibraryError {
    /// The problem in `lang`, for the window's messages; [`std::fmt::Display`]
    /// is the English. The system's words stay as it gave them.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Write(e) => e.message(lang),
            Self::Folder { folder, source } => l10n::text_words(
                lang,
                "error-library-folder",
                &[("folder", folder.clone()), ("error", source.to_string())],
            ),
            Self::Move { file, to_trash, source } => l10n::text_words(
                lang,
                if *to_trash { "error-library-to-trash" } else { "error-library-from-trash" },
                &[("file", file.clone()), ("error", source.to_string())],
            ),
            Self::Remove { file, source } => l10n::text_words(
                lang,
                "error-library-remove",
                &[("file", file.clone()), ("error", source.to_string())],
            ),
            Self::Format { file, message } => {
                l10n::text_words(lang, "error-library-format", &[("file", file), ("message", message)])
            }
        }
    }
}

/// A cohort kept in the library.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredCohort {
    /// Its file name in `cohorts/`.
    pub file: String,
    /// The cohort.
    pub cohort: ImportedCohort,
    /// Whether it is drawn.
    pub shown: bool,
}

/// A hand-added finding kept in the library.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredFinding {
    /// Its file name in `findings/`.
    pub file: String,
    /// The finding, as a local cohort.
    pub cohort: Cohort,
}

/// The two kinds of file the library keeps, each in its own folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `cohorts/`.
    Cohort,
    /// `findings/`.
    Finding,
}

impl Kind {
    fn folder(self) -> &'static str {
        match self {
            Self::Cohort => COHORTS,
            Self::Finding => FINDINGS,
        }
    }
}

/// A library file that could not be read: shown in the library window with
/// the reason, so it can be looked at or moved to the trash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damaged {
    /// Which folder.
    pub kind: Kind,
    /// Its file name.
    pub file: String,
    /// Why it was not loaded.
    pub reason: String,
}

/// A file in the trash folder, with what it held when it could be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Trashed {
    /// Which folder it came from.
    pub kind: Kind,
    /// Its file name in the trash.
    pub file: String,
    /// The cohort it holds (cohort files that can be read).
    pub cohort: Option<ImportedCohort>,
}

/// What the library holds, and what could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryContents {
    /// Cohorts, by file name.
    pub cohorts: Vec<StoredCohort>,
    /// Hand-added findings, by file name.
    pub findings: Vec<StoredFinding>,
    /// One message per file skipped.
    pub problems: Vec<String>,
    /// The cohort and finding files skipped, with the reason.
    pub damaged: Vec<Damaged>,
    /// What the trash folder holds.
    pub trash: Vec<Trashed>,
}

/// `hidden.ron`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename = "Hidden", deny_unknown_fields)]
struct HiddenFile {
    cohorts: Vec<String>,
}

/// The library folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Library {
    root: PathBuf,
}

impl Library {
    /// The library inside an app data folder (`<dir>/library`).
    pub fn in_data_dir(data_dir: &Path) -> Self {
        Self::open(&data_dir.join(LIBRARY_FOLDER))
    }

    /// The library in this folder; nothing is created until something is
    /// written.
    pub fn open(dir: &Path) -> Self {
        Self { root: dir.to_path_buf() }
    }

    /// The library folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where a cohort file of the library is.
    pub fn cohort_path(&self, file: &str) -> PathBuf {
        self.root.join(COHORTS).join(file)
    }

    fn finding_path(&self, file: &str) -> PathBuf {
        self.root.join(FINDINGS).join(file)
    }

    /// Reads everything; a missing folder is an empty library.
    pub fn load(&self) -> LibraryContents {
        let mut contents = LibraryContents::default();
        let hidden = self.read_hidden(&mut contents.problems);
        for (file, path) in ron_files(&self.root.join(COHORTS), &mut contents.problems) {
            match cohort_file::load(&path) {
                Ok(cohort) => {
                    let shown = !hidden.contains(&file);
                    contents.cohorts.push(StoredCohort { file, cohort, shown });
                }
                Err(e) => {
                    let reason = e.to_string();
                    let reason = reason.strip_prefix(&format!("{file}: ")).unwrap_or(&reason).to_owned();
                    contents
                        .problems
                        .push(l10n::en_words("library-problem-left", &[("error", e.to_string())]));
                    contents.damaged.push(Damaged { kind: Kind::Cohort, file, reason });
                }
            }
        }
        for (file, path) in ron_files(&self.root.join(FINDINGS), &mut contents.problems) {
            match read_finding(&path) {
                Ok(cohort) if contents.findings.iter().any(|f| f.cohort.id == cohort.id) => contents
                    .problems
                    .push(l10n::en_words("library-problem-id-twice", &[("file", file), ("id", cohort.id)])),
                Ok(cohort) => contents.findings.push(StoredFinding { file, cohort }),
                Err(e) => {
                    let problem = l10n::en_words(
                        "library-problem-file-left",
                        &[("file", file.clone()), ("error", e.clone())],
                    );
                    contents.problems.push(problem);
                    contents.damaged.push(Damaged { kind: Kind::Finding, file, reason: e });
                }
            }
        }
        for kind in [Kind::Cohort, Kind::Finding] {
            for (file, path) in ron_files(&self.root.join(TRASH).join(kind.folder()), &mut contents.problems)
            {
                let cohort = (kind == Kind::Cohort).then(|| cohort_file::load(&path).ok()).flatten();
                contents.trash.push(Trashed { kind, file, cohort });
            }
        }
        contents
    }

    /// A name for a file moved to the trash: its own, unless the trash
    /// already holds one of that name or `taken` lists it.
    pub fn trash_name(&self, kind: Kind, file: &str, taken: &[&str]) -> String {
        let stem = file.strip_suffix(".ron").unwrap_or(file);
        unique_file(&self.root.join(TRASH).join(kind.folder()), stem, taken)
    }

    /// A name for a file brought back from the trash, free in its folder.
    pub fn restore_name(&self, kind: Kind, file: &str, taken: &[&str]) -> String {
        let stem = file.strip_suffix(".ron").unwrap_or(file);
        unique_file(&self.root.join(kind.folder()), stem, taken)
    }

    /// Moves a library file to the trash folder as `trash_file` (the
    /// backup a replacement left beside it is deleted: the file itself is
    /// kept).
    ///
    /// # Errors
    /// [`LibraryError`] naming the file; it stays where it was.
    pub fn trash(&self, kind: Kind, file: &str, trash_file: &str) -> Result<(), LibraryError> {
        let from = self.root.join(kind.folder()).join(file);
        let to = self.root.join(TRASH).join(kind.folder()).join(trash_file);
        move_file(&from, &to, true)?;
        remove(&crate::io::patient_file::backup_path(&from))
    }

    /// Moves a file back from the trash folder as `file`.
    ///
    /// # Errors
    /// [`LibraryError`] naming the file; it stays in the trash.
    pub fn restore(&self, kind: Kind, trash_file: &str, file: &str) -> Result<(), LibraryError> {
        let from = self.root.join(TRASH).join(kind.folder()).join(trash_file);
        move_file(&from, &self.root.join(kind.folder()).join(file), false)
    }

    fn read_hidden(&self, problems: &mut Vec<String>) -> Vec<String> {
        let path = self.root.join(HIDDEN);
        match std::fs::read_to_string(&path) {
            Ok(text) => match ron::from_str::<HiddenFile>(&text) {
                Ok(h) => h.cohorts,
                Err(e) => {
                    problems.push(l10n::en_words(
                        "library-problem-hidden",
                        &[("file", HIDDEN.to_owned()), ("error", e.to_string())],
                    ));
                    Vec::new()
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => {
                let args = [("file", HIDDEN.to_owned()), ("error", e.to_string())];
                problems.push(l10n::en_words("library-problem-hidden-unreadable", &args));
                Vec::new()
            }
        }
    }

    /// A file name for a new cohort, from its label, used by no file on disk
    /// and none in `taken`.
    pub fn new_cohort_file(&self, label: &str, taken: &[&str]) -> String {
        unique_file(&self.root.join(COHORTS), label, taken)
    }

    /// A file name for a new finding, from its id.
    pub fn new_finding_file(&self, id: &str, taken: &[&str]) -> String {
        unique_file(&self.root.join(FINDINGS), id, taken)
    }

    /// Writes a cohort file crash-safely.
    ///
    /// # Errors
    /// [`LibraryError`] naming the file; nothing changes on failure.
    pub fn write_cohort(&self, file: &str, cohort: &ImportedCohort) -> Result<(), LibraryError> {
        let text = cohort
            .to_ron()
            .map_err(|e| LibraryError::Format { file: file.to_owned(), message: e.to_string() })?;
        self.write(&self.cohort_path(file), &text)
    }

    /// Writes a finding file crash-safely.
    ///
    /// # Errors
    /// [`LibraryError`] naming the file; nothing changes on failure.
    pub fn write_finding(&self, file: &str, cohort: &Cohort) -> Result<(), LibraryError> {
        let config = ron::ser::PrettyConfig::new().struct_names(true).new_line("\n");
        let text = ron::ser::to_string_pretty(cohort, config)
            .map_err(|e| LibraryError::Format { file: file.to_owned(), message: e.to_string() })?;
        self.write(&self.finding_path(file), &text)
    }

    /// Records which cohort files are not drawn.
    ///
    /// # Errors
    /// [`LibraryError`]; the previous list stays.
    pub fn write_hidden(&self, hidden: &[String]) -> Result<(), LibraryError> {
        let file = HiddenFile { cohorts: hidden.to_vec() };
        let text = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::new().new_line("\n"))
            .map_err(|e| LibraryError::Format { file: HIDDEN.to_owned(), message: e.to_string() })?;
        self.write(&self.root.join(HIDDEN), &text)
    }

    fn write(&self, path: &Path, text: &str) -> Result<(), LibraryError> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|source| LibraryError::Folder { folder: folder.display().to_string(), source })?;
        }
        write_atomically(path, text.as_bytes())?;
        Ok(())
    }
}

/// Renames `from` to `to`, making `to`'s folder first; never replaces a file.
fn move_file(from: &Path, to: &Path, to_trash: bool) -> Result<(), LibraryError> {
    let file = crate::io::file_name(from);
    if let Some(folder) = to.parent() {
        std::fs::create_dir_all(folder)
            .map_err(|source| LibraryError::Folder { folder: folder.display().to_string(), source })?;
    }
    if to.exists() {
        let source = std::io::Error::new(std::io::ErrorKind::AlreadyExists, "a file of that name is there");
        return Err(LibraryError::Move { file, to_trash, source });
    }
    std::fs::rename(from, to).map_err(|source| LibraryError::Move { file, to_trash, source })
}

fn remove(path: &Path) -> Result<(), LibraryError> {
    let file = crate::io::file_name(path);
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(source) => return Err(LibraryError::Remove { file, source }),
    }
    let backup = crate::io::patient_file::backup_path(path);
    match std::fs::remove_file(&backup) {
        Err(source) if source.kind() != std::io::ErrorKind::NotFound => {
            Err(LibraryError::Remove { file: crate::io::file_name(&backup), source })
        }
        _ => Ok(()),
    }
}

/// The `.ron` files of a folder, by name; a missing folder has none.
fn ron_files(folder: &Path, problems: &mut Vec<String>) -> Vec<(String, PathBuf)> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            let args = [("folder", folder.display().to_string()), ("error", e.to_string())];
            problems.push(l10n::en_words("library-problem-folder", &args));
            return Vec::new();
        }
    };
    let mut files: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron") && p.is_file())
        .filter_map(|p| Some((p.file_name()?.to_str()?.to_owned(), p)))
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    files.sort();
    files
}

fn read_finding(path: &Path) -> Result<Cohort, String> {
    let unreadable =
        |e: std::io::Error| l10n::en_words("library-reason-unreadable", &[("error", e.to_string())]);
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_FINDING_BYTES {
        return Err(l10n::en_words("library-reason-too-large", &[("bytes", MAX_FINDING_BYTES.to_string())]));
    }
    let text = std::fs::read_to_string(path).map_err(unreadable)?;
    let cohort: Cohort = ron::from_str(&text).map_err(|e| {
        let args = [
            ("line", e.span.start.line.to_string()),
            ("column", e.span.start.col.to_string()),
            ("error", e.code.to_string()),
        ];
        l10n::en_words("library-reason-syntax", &args)
    })?;
    Evidence::check_local(&cohort)?;
    Ok(cohort)
}

/// `<slug>.ron`, or `<slug>-2.ron`, … : free on disk and not in `taken`.
fn unique_file(folder: &Path, name: &str, taken: &[&str]) -> String {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() { "cohort".to_owned() } else { slug };
    (1u32..)
        .map(|k| if k == 1 { format!("{slug}.ron") } else { format!("{slug}-{k}.ron") })
        .find(|f| !taken.contains(&f.as_str()) && !folder.join(f).exists())
        .unwrap_or_else(|| format!("{slug}.ron"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::clock::Clock;
    use crate::model::cohort::TimeUnit;
    use crate::model::evidence::LocalAddition;
    use crate::model::evidence::local::{LocalFindingForm, local_cohort};

    fn cohort(label: &str) -> ImportedCohort {
        cohort_file::from_records(
            "t,e\n1,1\n2,0\n3,1\n",
            "c.csv",
            ("t", "e", None),
            label,
            Clock::Age,
            TimeUnit::Years,
        )
        .unwrap()
    }

    fn finding() -> Cohort {
        let form = LocalFindingForm {
            citation: "Example A. Title. Blood 2022".to_owned(),
            group: "all".to_owned(),
            value: "70".to_owned(),
            locator: "Table 2".to_owned(),
            ..LocalFindingForm::default()
        };
        local_cohort(&form, &[], LocalAddition { by: "A".to_owned(), on: "2026-11-25".to_owned() }).unwrap()
    }

    #[test]
    fn a_missing_library_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::in_data_dir(dir.path());
        assert_eq!(library.load(), LibraryContents::default());
        assert!(!library.root().exists(), "reading creates nothing");
    }

    #[test]
    fn cohorts_findings_and_hidden_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::in_data_dir(dir.path());
        let name = library.new_cohort_file("Japan 2015 Fig. 2A", &[]);
        assert_eq!(name, "japan-2015-fig-2a.ron");
        library.write_cohort(&name, &cohort("Japan 2015 Fig. 2A")).unwrap();
        assert_eq!(library.new_cohort_file("Japan 2015 Fig. 2A", &[]), "japan-2015-fig-2a-2.ron");
        assert_eq!(
            library.new_cohort_file("Other", &["other.ron", "other-2.ron"]),
            "other-3.ron",
            "names promised to writes still under way are taken too"
        );
        library.write_cohort("other.ron", &cohort("Other")).unwrap();
        library.write_finding("local.ron", &finding()).unwrap();
        library.write_hidden(&["other.ron".to_owned()]).unwrap();
        let loaded = library.load();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let shown: Vec<(&str, bool)> = loaded.cohorts.iter().map(|c| (c.file.as_str(), c.shown)).collect();
        assert_eq!(shown, vec![("japan-2015-fig-2a.ron", true), ("other.ron", false)]);
        assert_eq!(loaded.cohorts[0].cohort, cohort("Japan 2015 Fig. 2A"));
        assert_eq!(loaded.findings, vec![StoredFinding { file: "local.ron".to_owned(), cohort: finding() }]);

        library.trash(Kind::Cohort, "other.ron", "other.ron").unwrap();
        library.trash(Kind::Finding, "local.ron", "local.ron").unwrap();
        let loaded = library.load();
        assert_eq!((loaded.cohorts.len(), loaded.findings.len(), loaded.trash.len()), (1, 0, 2));
    }

    #[test]
    fn damaged_files_are_skipped_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(dir.path());
        library.write_cohort("good.ron", &cohort("Good")).unwrap();
        std::fs::write(library.cohort_path("broken.ron"), "ImportedCohort(version: 2, label: ").unwrap();
        std::fs::write(library.cohort_path("notes.txt"), "not a cohort").unwrap();
        std::fs::create_dir_all(dir.path().join(FINDINGS)).unwrap();
        let mut unmarked = finding();
        unmarked.added = None;
        library.write_finding("unmarked.ron", &unmarked).unwrap();
        library.write_finding("a.ron", &finding()).unwrap();
        library.write_finding("b.ron", &finding()).unwrap();
        std::fs::write(dir.path().join(HIDDEN), "nonsense").unwrap();
        let loaded = library.load();
        assert_eq!(loaded.cohorts.len(), 1);
        assert!(loaded.cohorts[0].shown, "a damaged hidden list shows everything");
        assert_eq!(loaded.findings.len(), 1);
        let problems = loaded.problems.join("\n");
        assert_eq!(loaded.problems.len(), 4, "{problems}");
        assert!(problems.contains("broken.ron: line 1"), "{problems}");
        assert!(problems.contains("unmarked.ron: a hand-added cohort must say who added it"), "{problems}");
        assert!(problems.contains("b.ron: finding id"), "{problems}");
        assert!(problems.contains("hidden.ron"), "{problems}");
        assert!(library.cohort_path("broken.ron").exists(), "left in place");
        let damaged: Vec<(Kind, &str)> = loaded.damaged.iter().map(|d| (d.kind, d.file.as_str())).collect();
        assert_eq!(damaged, [(Kind::Cohort, "broken.ron"), (Kind::Finding, "unmarked.ron")]);
        assert!(loaded.damaged[0].reason.starts_with("line 1"), "{:?}", loaded.damaged[0]);
    }

    #[test]
    fn removed_files_go_to_the_trash_and_come_back() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(dir.path());
        library.write_cohort("centre.ron", &cohort("Centre")).unwrap();
        let name = library.trash_name(Kind::Cohort, "centre.ron", &[]);
        library.trash(Kind::Cohort, "centre.ron", &name).unwrap();
        let loaded = library.load();
        assert!(loaded.cohorts.is_empty());
        assert_eq!(loaded.trash.len(), 1);
        assert_eq!(loaded.trash[0].cohort.as_ref().map(|c| c.label.as_str()), Some("Centre"));
        // A second file of the same name gets its own place in the trash.
        library.write_cohort("centre.ron", &cohort("Centre again")).unwrap();
        assert_eq!(library.trash_name(Kind::Cohort, "centre.ron", &[]), "centre-2.ron");
        let back = library.restore_name(Kind::Cohort, &name, &[]);
        assert_eq!(back, "centre-2.ron", "the folder's own file is never replaced");
        library.restore(Kind::Cohort, &name, &back).unwrap();
        let loaded = library.load();
        assert_eq!(loaded.cohorts.len(), 2);
        assert!(loaded.trash.is_empty());
        let err = library.restore(Kind::Cohort, "gone.ron", "x.ron").unwrap_err();
        assert!(err.to_string().starts_with("gone.ron: could not be moved back from the trash"), "{err}");
    }
}
