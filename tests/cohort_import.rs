//! Importing a centre's own data: the command line and the window build the
//! same cohort file, bad CSV is reported with its line and nothing is
//! written, and the imported curve appears with its risk table.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use egui_kittest::kittest::Queryable;
use xhim_aid::io::cohort_file;
use xhim_aid::model::clock::Clock;
use xhim_aid::model::cohort::TimeUnit;
use xhim_aid::ui::import_ui::{ImportForm, ImportKind};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

fn xhim_aid(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xhim-aid")).args(args).output().unwrap()
}

fn records_form() -> ImportForm {
    ImportForm {
        kind: ImportKind::Records,
        main_path: fixture("records.csv").display().to_string(),
        time_col: "follow_up_years".to_owned(),
        event_col: "died".to_owned(),
        group_col: Some("arm".to_owned()),
        label: "records".to_owned(),
        ..ImportForm::default()
    }
}

#[test]
fn command_line_and_window_build_the_same_cohort() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("centre.ron");
    let csv = fixture("records.csv");
    let run = xhim_aid(&[
        "cohort",
        "build",
        "--records",
        csv.to_str().unwrap(),
        "--time",
        "follow_up_years",
        "--event",
        "died",
        "--group",
        "arm",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(String::from_utf8_lossy(&run.stdout).contains("2 group(s), 60 records"));
    let from_cli = cohort_file::load(&out).unwrap();

    let mut app = xhim_aid::App::with_prefs(Default::default(), Default::default());
    let from_window = app.import_from_form(&records_form()).unwrap();
    assert_eq!(from_cli, from_window);
    assert_eq!(from_cli.groups[0].name.as_deref(), Some("HSCT"));
}

#[test]
fn bad_csv_gives_the_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never.ron");
    let csv = fixture("records-bad.csv");
    let run = xhim_aid(&[
        "cohort",
        "build",
        "--records",
        csv.to_str().unwrap(),
        "--time",
        "follow_up_years",
        "--event",
        "died",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("records-bad.csv: line 3, column \"follow_up_years\": \"abc\" is not a number"),
        "{err}"
    );
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no temporary file left");

    let run = xhim_aid(&["cohort", "build", "--records", "x.csv"]);
    assert_eq!(run.status.code(), Some(2), "usage error");
}

#[test]
fn digitized_curve_is_reconstructed_with_its_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("published.ron");
    let run = xhim_aid(&[
        "cohort",
        "build",
        "--digitized",
        fixture("curve.csv").to_str().unwrap(),
        "--at-risk",
        fixture("at-risk.csv").to_str().unwrap(),
        "--origin",
        "hsct",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(String::from_utf8_lossy(&run.stdout).contains("reconstruction RMSE"));
    let cohort = cohort_file::load(&out).unwrap();
    assert_eq!((cohort.origin, cohort.unit), (Clock::SinceHsct, TimeUnit::Years));
    let report = &cohort.provenance.reconstructions[0].report;
    assert!(report.rmse < 0.02, "{}", report.rmse);
    assert_eq!(cohort.groups[0].records.len(), 20);

    // A curve's clock is never assumed.
    let unclocked = dir.path().join("unclocked.ron");
    let run = xhim_aid(&[
        "cohort",
        "build",
        "--digitized",
        fixture("curve.csv").to_str().unwrap(),
        "--at-risk",
        fixture("at-risk.csv").to_str().unwrap(),
        "--out",
        unclocked.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2), "usage error");
    assert!(String::from_utf8_lossy(&run.stderr).contains("--origin <ORIGIN>"));
    assert!(!unclocked.exists());
}

#[test]
fn importing_in_the_window_draws_the_curve_and_risk_table() {
    let mut harness = common::harness();
    harness.state_mut().push(xhim_aid::command::Command::ImportCohortData);
    harness.run();
    harness.get_by_label("CSV file").click();
    harness.run();
    harness.get_by_label("CSV file").type_text(&fixture("records.csv").display().to_string());
    harness.run();
    harness.get_by_label("Read columns").click();
    harness.run();
    harness.get_by_label("Cohort name").click();
    harness.get_by_label("Cohort name").type_text("Centre A");
    harness.run();
    harness.get_by_label("Import").click();
    harness.run();
    assert_eq!(harness.state().cohorts().len(), 1);
    assert_eq!(harness.state().cohorts()[0].cohort.groups.len(), 1, "no group column chosen: one group");

    // Under the four panels the text alternative is below the fold.
    harness.get_by_label(&xhim_aid::ui::figure_ui::text_alternative()).scroll_to_me();
    harness.run();
    harness.get_by_label(&xhim_aid::ui::figure_ui::text_alternative()).click();
    harness.run();
    harness.get_by_label_contains("Centre A (n = 60): Kaplan–Meier curve from 0 years");
    harness.get_by_label("Numbers at risk (events, censored)");
    harness.get_by_label("60 (0, 0)");
    harness.get_by_label_contains("Kaplan–Meier of patient records from records.csv");
}

#[test]
fn a_bad_import_is_reported_in_the_window() {
    let mut app = xhim_aid::App::with_prefs(Default::default(), Default::default());
    let mut form = records_form();
    form.main_path = fixture("records-bad.csv").display().to_string();
    let err = app.import_from_form(&form).unwrap_err();
    assert!(err.starts_with("records-bad.csv: line 3"), "{err}");
    form.main_path = fixture("missing.csv").display().to_string();
    assert!(app.import_from_form(&form).unwrap_err().starts_with("missing.csv: cannot be read"));
}
