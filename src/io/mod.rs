//! Reading and writing files: patient files now, cohort imports and reports
//! later. Nothing here draws.

pub mod clipboard;
pub mod cohort_file;
pub mod commands;
pub mod config;
pub mod data_dir;
pub mod dialogs;
pub mod digitize_cli;
pub mod figure_image;
pub mod instance;
pub mod jobs;
pub mod library;
pub mod patient_file;
pub mod recovery;
pub mod report;
pub mod signals;
pub mod text;

use std::path::{Path, PathBuf};

/// The name a message shows for a file: its file name, or the whole path
/// when it has none. Messages name files, never patient details.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Where Save proposes a new patient file: the user's documents folder
/// (`XDG_DOCUMENTS_DIR` on Linux), else the home folder; never the folder
/// the app happened to be started from.
pub fn documents_folder() -> Option<PathBuf> {
    dirs::document_dir().filter(|d| d.is_dir()).or_else(dirs::home_dir)
}

/// `NAME.xhim.ron` in `folder`, or the first of `NAME-2.xhim.ron`,
/// `NAME-3.xhim.ron`, … that does not exist yet, so a proposed new file
/// never names one already there (saving a copy, or a read-only file, would
/// otherwise propose the same path again and again).
pub fn free_patient_path(folder: &Path, name: &str) -> PathBuf {
    let stem = name.strip_suffix(".ron").unwrap_or(name);
    let stem = stem.strip_suffix(".xhim").unwrap_or(stem);
    let first = folder.join(format!("{stem}.xhim.ron"));
    if !first.exists() {
        return first;
    }
    (2..1000).map(|n| folder.join(format!("{stem}-{n}.xhim.ron"))).find(|p| !p.exists()).unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_free_name_skips_the_files_already_there() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(free_patient_path(dir.path(), "boy.xhim.ron"), dir.path().join("boy.xhim.ron"));
        std::fs::write(dir.path().join("boy.xhim.ron"), "").unwrap();
        assert_eq!(free_patient_path(dir.path(), "boy.xhim.ron"), dir.path().join("boy-2.xhim.ron"));
        std::fs::write(dir.path().join("boy-2.xhim.ron"), "").unwrap();
        assert_eq!(free_patient_path(dir.path(), "boy.ron"), dir.path().join("boy-3.xhim.ron"));
    }
}
