//! Every message the clinician's summary, report and panels ask for is in
//! the English message files, so none of them shows "[missing text: …]":
//! the ids are read from the code that asks for them.

// The allowance for tests covers `#[test]` functions only, not their helpers.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

use xhim_aid::model::l10n::{self, Lang};

/// egui ids that look like message ids.
const NOT_MESSAGES: [&str; 5] =
    ["finding-form", "digitizer-steps", "digitizer-check", "digitizer-results", "digitizer-figure"];

/// The message ids a source file names: string literals that start with
/// one of the file area's prefixes.
fn ids_in(source: &str, prefixes: &[&str]) -> Vec<String> {
    source
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            prefixes.iter().any(|p| s.starts_with(p))
                && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !NOT_MESSAGES.contains(s)
        })
        .map(str::to_owned)
        .collect()
}

fn check(files: &[&str], prefixes: &[&str]) {
    let mut checked = 0;
    for file in files {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let source = std::fs::read_to_string(&path).unwrap();
        for id in ids_in(&source, prefixes) {
            assert!(l10n::has(Lang::En, &id), "{file} asks for “{id}”, which no English file has");
            checked += 1;
        }
    }
    assert!(checked > 0, "no ids found in {files:?}");
}

#[test]
fn the_summarys_messages_exist() {
    check(&["src/model/summary.rs", "src/io/text.rs"], &["summary-"]);
}

#[test]
fn the_reports_messages_exist() {
    check(&["src/io/report/mod.rs", "src/io/report/panels.rs", "src/io/report/doc_pdf.rs"], &["report-"]);
}

#[test]
fn the_patient_forms_messages_exist() {
    check(&["src/model/form.rs", "src/ui/patient_panel.rs"], &["form-", "patient-"]);
}

#[test]
fn the_librarys_messages_exist() {
    check(&["src/ui/library_ui.rs", "src/io/library.rs"], &["library-", "finding-"]);
}

#[test]
fn the_import_windows_messages_exist() {
    check(&["src/ui/import_ui.rs"], &["import-"]);
}

#[test]
fn the_digitizers_messages_exist() {
    check(&["src/ui/digitizer_ui.rs", "src/app/digitizer.rs"], &["digitizer-"]);
}

#[test]
fn the_digitizers_checks_messages_exist() {
    check(&["src/model/digitize/check.rs"], &["check-"]);
}
