//! What the app writes is its owner's alone on disk: patient files, their
//! `.bak`, lock files, reports and cohort files are created with mode 0600,
//! through the command line as much as through the library, and a file that
//! exists keeps the mode it was given (a clinic may share a file on purpose).

#![cfg(unix)]
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use xhim_aid::io::instance::Registered;
use xhim_aid::io::patient_file::lock::{self, Acquired, Holder};
use xhim_aid::io::patient_file::{self, PatientDocument, SaveContext, backup_path};
use xhim_aid::model::patient::{AgeSource, Patient, YearsMonths};

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/young-boy-in-window.ron")
}

fn xhim_aid(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_xhim-aid")).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

fn revised(doc: &PatientDocument, years: i32) -> PatientDocument {
    let patient =
        Patient { age: AgeSource::Entered(YearsMonths { years, months: 0 }), ..doc.patient.clone() };
    let context =
        SaveContext { app_version: "0.1.0".into(), evidence_version: "e".into(), saved_by: "Dr A".into() };
    doc.revised(&patient, &context, std::time::SystemTime::now())
}

#[test]
fn a_patient_file_its_backup_and_its_lock_are_created_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("boy.xhim.ron");
    let first = revised(&PatientDocument::default(), 3);
    patient_file::save(&path, &first).unwrap();
    patient_file::save(&path, &revised(&first, 4)).unwrap();
    assert_eq!((mode(&path), mode(&backup_path(&path))), (0o600, 0o600));

    let me = Registered::new();
    let Acquired::Locked(lock) = lock::acquire(&path, &Holder::new(me.instance().clone(), "Dr A".into()))
    else {
        panic!("no lock")
    };
    assert_eq!(mode(lock.path()), 0o600, "it names the user, the computer and the process");
}

#[test]
fn a_patient_file_shared_on_purpose_stays_shared() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("boy.xhim.ron");
    fs::copy(example(), &path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let tracked = patient_file::load_tracked(&path);
    let next = revised(&tracked.loaded.unwrap().document, 4);
    patient_file::save_unless_changed(&path, &next, tracked.hash).unwrap();
    assert_eq!(mode(&path), 0o640);
    assert_eq!(mode(&backup_path(&path)), 0o600, "the new .bak is the owner's alone");
}

#[test]
fn what_the_command_line_writes_is_owner_only_unless_it_existed() {
    let dir = tempfile::tempdir().unwrap();
    let patient = example();
    let patient = patient.to_str().unwrap();
    let report = dir.path().join("report.pdf");
    xhim_aid(&["report", patient, "--out", report.to_str().unwrap()]);
    assert_eq!(mode(&report), 0o600);

    let handout = dir.path().join("handout.pdf");
    fs::write(&handout, b"an older handout").unwrap();
    fs::set_permissions(&handout, fs::Permissions::from_mode(0o640)).unwrap();
    xhim_aid(&["report", patient, "--family", "--out", handout.to_str().unwrap()]);
    assert_eq!(mode(&handout), 0o640);
    assert!(fs::read(&handout).unwrap().starts_with(b"%PDF-"));

    let records = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/records.csv");
    let cohort = dir.path().join("centre.ron");
    xhim_aid(&[
        "cohort",
        "build",
        "--records",
        records.to_str().unwrap(),
        "--time",
        "follow_up_years",
        "--event",
        "died",
        "--out",
        cohort.to_str().unwrap(),
    ]);
    assert_eq!(mode(&cohort), 0o600);

    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["centre.ron", "handout.pdf", "report.pdf"], "no .bak of a report, no temporary file");
}
