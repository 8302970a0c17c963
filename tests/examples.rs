//! The example patients in `assets/examples/` are fictional, carry no date
//! of birth or visit date (a disease this rare makes dates identifying),
//! and record the evidence version this build really writes.
//!
//! `UPDATE_EXAMPLES=1 cargo test --test examples` rewrites them from their
//! patients: one save by a fictional clinic whose change log lists every
//! field entered.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on any unexpected result")]

use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use xhim_aid::io::patient_file::{PatientDocument, SaveContext, load, parse};
use xhim_aid::model::evidence::Evidence;
use xhim_aid::model::patient::{AgeSource, Patient};

/// Every example, for the smoke tests and the README.
const EXAMPLES: [&str; 4] = [
    "infant-newly-diagnosed.ron",
    "young-boy-in-window.ron",
    "older-boy-sclerosing-cholangitis.ron",
    "post-hsct-follow-up.ron",
];

/// 2026-11-20T10:00:00Z, the recorded time of the examples' save.
const SAVED_AT_SECS: u64 = 1_795_168_800;

fn path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples").join(name)
}

fn expected(patient: &Patient, evidence_version: &str) -> String {
    let context = SaveContext {
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        evidence_version: evidence_version.to_owned(),
        saved_by: "Example clinic (fictional)".to_owned(),
    };
    let at = UNIX_EPOCH + Duration::from_secs(SAVED_AT_SECS);
    PatientDocument::new(Patient::default()).revised(patient, &context, at).to_ron().unwrap()
}

#[test]
fn examples_are_fictional_undated_and_current() {
    let evidence = Evidence::embedded().unwrap();
    let update = std::env::var_os("UPDATE_EXAMPLES").is_some();
    let listed: Vec<String> = std::fs::read_dir(path(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    assert_eq!(listed.len(), EXAMPLES.len(), "every example is listed here: {listed:?}");
    for name in EXAMPLES {
        let text = std::fs::read_to_string(path(name)).unwrap();
        let patient = parse(text.as_bytes()).unwrap().patient;
        assert!(patient.validate().is_empty(), "{name}");
        assert!(patient.note.starts_with("Fictional example"), "{name} must say it is fictional");
        assert!(matches!(patient.age, AgeSource::Entered(_)), "{name} must not hold dates");
        let want = expected(&patient, &xhim_aid::model::evidence::changelog::record_label(&evidence));
        if update {
            std::fs::write(path(name), &want).unwrap();
        } else {
            assert!(text == want, "{name} is out of date: run UPDATE_EXAMPLES=1 cargo test --test examples");
        }
        let loaded = load(&path(name)).unwrap();
        assert_eq!(loaded.notice, None, "{name} is in the current format");
    }
}
