//! Reading and writing files: patient files now, cohort imports and reports
//! later. Nothing here draws.

pub mod clipboard;
pub mod cohort_file;
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
pub mod text;

/// The name a message shows for a file: its file name, or the whole path
/// when it has none. Messages name files, never patient details.
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
