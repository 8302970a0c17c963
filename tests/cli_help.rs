//! Every subcommand answers `--help` with its own usage and exit 0, and a
//! mistake shows the usage of the subcommand it was made in.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xhim-aid")).args(args).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

#[test]
fn each_subcommand_answers_help() {
    for (args, first_line) in [
        (&["--help"][..], "usage: xhim-aid [OPTIONS] [PATIENT.ron]"),
        (&["validate", "--help"], "usage: xhim-aid validate FILE.ron..."),
        (&["report", "--help"], "usage: xhim-aid report PATIENT.ron --out REPORT.pdf"),
        (&["summary", "--help"], "usage: xhim-aid summary PATIENT.ron"),
        (&["summary", "-h"], "usage: xhim-aid summary PATIENT.ron"),
        (&["cohort", "build", "--help"], "usage: xhim-aid cohort build --records FILE.csv"),
        (&["cohort", "build", "-h"], "usage: xhim-aid cohort build --records FILE.csv"),
        (&["cohort", "--help"], "usage: xhim-aid cohort build ..."),
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(stdout.starts_with(first_line), "{args:?}: {stdout}");
    }
}

#[test]
fn a_mistake_shows_the_subcommands_usage() {
    let (code, stdout, stderr) = run(&["report", "a.ron"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.starts_with("xhim-aid: report needs --out REPORT.pdf"), "{stderr}");
    assert!(stderr.contains("usage: xhim-aid report PATIENT.ron"), "{stderr}");
    assert!(!stderr.contains("cohort build"), "only the report usage: {stderr}");
}

#[test]
fn summary_prints_the_clinical_summary_and_fails_clearly_on_a_bad_file() {
    let example =
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/older-boy-sclerosing-cholangitis.ron");
    let (code, stdout, _) = run(&["summary", example]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Sclerosing cholangitis — EBMT 2019 (n = 130)"), "{stdout}");
    assert!(!stdout.contains("Fictional example"), "the note is never printed");
    let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/patient_files/bad/truncated.ron");
    let (code, _, stderr) = run(&["summary", bad]);
    assert_eq!(code, 1);
    assert!(stderr.contains("truncated.ron: line"), "{stderr}");
    let (code, _, stderr) = run(&["summary"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("usage: xhim-aid summary"), "{stderr}");
}
