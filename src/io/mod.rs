//! Reading and writing files: patient files now, cohort imports and reports
//! later. Nothing here draws.

pub mod cohort_file;
pub mod dialogs;
pub mod jobs;
pub mod patient_file;
pub mod report;
