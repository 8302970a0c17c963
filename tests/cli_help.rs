//! Every subcommand answers `--help` with its own usage and exit 0, and a
//! mistake shows clap's message, with the usage of the subcommand it was
//! made in, and exits 2.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xhim-aid")).args(args).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

#[test]
fn each_subcommand_answers_help() {
    for (args, usage, says) in [
        (&["--help"][..], "Usage: xhim-aid [OPTIONS] [PATIENT.ron]", "--screenshot <OUT.png>"),
        (&["-h"], "Usage: xhim-aid [OPTIONS] [PATIENT.ron]", "--data-dir <DIR>"),
        (&["validate", "--help"], "Usage: xhim-aid validate <FILE.ron>...", "line and column"),
        (
            &["report", "--help"],
            "Usage: xhim-aid report [OPTIONS] --out <REPORT.pdf> <PATIENT.ron>",
            "--family",
        ),
        (&["summary", "--help"], "Usage: xhim-aid summary [OPTIONS] <PATIENT.ron>", "never printed"),
        (&["summary", "-h"], "Usage: xhim-aid summary [OPTIONS] <PATIENT.ron>", "--cohort <COHORT.ron>"),
        (
            &["cohort", "build", "--help"],
            "Usage: xhim-aid cohort build --records <FILE.csv>",
            "nothing is written",
        ),
        (&["cohort", "build", "-h"], "xhim-aid cohort build --digitized <CURVE.csv>", "--events <N>"),
        (
            &["cohort", "digitize", "--help"],
            "Usage: xhim-aid cohort digitize [OPTIONS] --origin <ORIGIN> --x-axis",
            "Guyot 2012",
        ),
        (&["cohort", "--help"], "Usage: xhim-aid cohort <COMMAND>", "digitize"),
        (&["help", "report"], "Usage: xhim-aid report", "--include-note"),
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(stdout.contains(usage) && stdout.contains(says), "{args:?}: {stdout}");
    }
    let (code, stdout, _) = run(&["--version"]);
    // The dated evidence version comes with the app's.
    assert_eq!(
        (code, stdout.trim()),
        (0, concat!("xhim-aid ", env!("CARGO_PKG_VERSION"), " (evidence 2026-12, 2026-12-07)"))
    );
}

#[test]
fn a_mistake_shows_the_subcommands_usage() {
    let (code, stdout, stderr) = run(&["report", "a.ron"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.starts_with("error: the following required arguments were not provided"), "{stderr}");
    assert!(stderr.contains("--out <REPORT.pdf>"), "{stderr}");
    assert!(stderr.contains("Usage: xhim-aid report --out <REPORT.pdf> <PATIENT.ron>"), "{stderr}");
    assert!(!stderr.contains("cohort build"), "only the report usage: {stderr}");
}

#[test]
fn bad_values_and_typing_mistakes_are_usage_errors_with_suggestions() {
    for (args, says) in [
        (&["--zoom", "abc"][..], "invalid value 'abc' for '--zoom <FACTOR>': not a factor from 0.5 to 3"),
        (&["--view", "kids"], "[possible values: clinician, family]"),
        (&["--screenshot"], "a value is required for '--screenshot <OUT.png>'"),
        (&["--veiw", "family"], "tip: a similar argument exists: '--view'"),
        (&["valdate", "a.ron"], "tip: a similar subcommand exists: 'validate'"),
        (&["cohort", "biuld"], "tip: a similar subcommand exists: 'build'"),
        (&["report", "a.ron", "--out", "r.pdf", "--icons", "stars"], "[possible values: person, abstract]"),
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

#[test]
fn summary_prints_the_clinical_summary_and_fails_clearly_on_a_bad_file() {
    let example =
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/older-boy-sclerosing-cholangitis.ron");
    let (code, stdout, _) = run(&["summary", example]);
    assert_eq!(code, 0);
    // Lines wrap at 78 characters, wherever the words fall.
    assert!(stdout.replace('\n', " ").contains("Sclerosing cholangitis — EBMT 2019 (n = 130)"), "{stdout}");
    assert!(stdout.contains("(evidence 2026-12 (evidence-"), "{stdout}");
    assert!(!stdout.contains("New in the evidence since"), "saved under the current version: {stdout}");
    // Saved under an undated evidence version: the summary says what is new
    // that concerns him, right after where he stands.
    let dir = tempfile::tempdir().unwrap();
    let older = dir.path().join("older.ron");
    let text = std::fs::read_to_string(example).unwrap();
    let (head, tail) = text.split_once("evidence_version: \"2026-12 (").unwrap();
    let tail = tail.split_once(')').unwrap().1;
    std::fs::write(&older, format!("{head}evidence_version: \"evidence-0123456789abcdef{tail}")).unwrap();
    let (code, stdout, stderr) = run(&["summary", older.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let new = stdout.find("New in the evidence since this file was saved").unwrap();
    assert!(stdout.find("Where he stands").unwrap() < new, "{stdout}");
    assert!(stdout.contains("last saved under evidence evidence-0123456789abcdef"), "{stdout}");
    assert!(stdout.contains("2026-12: International 2017 read in full text"), "{stdout}");
    assert!(!stdout.contains("Fictional example"), "the note is never printed");
    let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/patient_files/bad/truncated.ron");
    let (code, _, stderr) = run(&["summary", bad]);
    assert_eq!(code, 1);
    assert!(stderr.contains("truncated.ron: line"), "{stderr}");
    let (code, _, stderr) = run(&["summary"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("Usage: xhim-aid summary"), "{stderr}");
}

/// `report --family --lang` writes the handout in the family's language, as
/// read back from the PDF; an unknown language is a usage error and writes
/// nothing.
#[test]
fn the_handout_is_written_in_the_language_asked_for() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/post-hsct-follow-up.ron");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("handout.pdf");
    let out_arg = out.to_str().unwrap();
    let (code, _, stderr) = run(&["report", example, "--family", "--lang", "es", "--out", out_arg]);
    assert_eq!(code, 0, "{stderr}");
    let pdf = lopdf::Document::load(&out).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("trasplante"), "{text}");

    let refused = dir.path().join("refused.pdf");
    let (code, _, stderr) =
        run(&["report", example, "--family", "--lang", "fr", "--out", refused.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown language “fr”"), "{stderr}");
    assert!(!refused.exists());
}
