//! `--screenshot` runs that cannot show what was asked for fail, naming the
//! file and the problem, instead of writing a picture of an error. (A
//! picture that is taken needs a renderer: CI checks that under Xvfb.)

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use xhim_aid::app::{SCREENSHOT_WAIT, ScreenshotRequest, StartOptions};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}

/// Starts a screenshot run and steps it until it has an outcome; gives that
/// outcome and whether a picture was written.
fn screenshot_run(open: Option<PathBuf>, cohorts: Vec<PathBuf>) -> (Result<(), String>, bool) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("shot.png");
    let outcome = Arc::new(Mutex::new(None));
    let request = ScreenshotRequest { out: out.clone(), outcome: Arc::clone(&outcome) };
    let options = StartOptions { open, cohorts, screenshot: Some(request), ..StartOptions::default() };
    let mut harness = common::unsettled_harness(options);
    harness.state_mut().stop_clock();
    for frame in 0..500 {
        harness.step();
        if frame == 50 {
            // Past the wait limit, for a file that never answers.
            harness.state_mut().advance_clock(SCREENSHOT_WAIT + std::time::Duration::from_secs(1));
        }
        if outcome.lock().unwrap().is_some() && !harness.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(harness.state().is_closing(), "the window closes once the run has failed");
    let result = outcome.lock().unwrap().take();
    let result = result.unwrap_or_else(|| panic!("the screenshot run never finished"));
    (result, out.exists())
}

#[test]
fn a_missing_patient_file_fails_the_run() {
    let (result, written) = screenshot_run(Some(PathBuf::from("no-such-boy.ron")), Vec::new());
    let message = result.unwrap_err();
    assert!(message.contains("no-such-boy.ron: cannot be read"), "{message}");
    assert!(message.starts_with("no screenshot was written: "), "{message}");
    assert!(!written);
}

#[test]
fn a_malformed_patient_file_fails_the_run() {
    let (result, written) = screenshot_run(Some(fixture("patient_files/bad/not-ron.ron")), Vec::new());
    let message = result.unwrap_err();
    assert!(message.contains("not-ron.ron: line "), "{message}");
    assert!(!written);
}

#[test]
fn a_missing_or_malformed_cohort_file_fails_the_run() {
    let (result, _) = screenshot_run(None, vec![PathBuf::from("no-such-cohort.ron")]);
    let message = result.unwrap_err();
    assert!(message.contains("no-such-cohort.ron: cannot be read"), "{message}");

    let (result, written) = screenshot_run(None, vec![fixture("patient_files/v2.ron")]);
    let message = result.unwrap_err();
    assert!(message.contains("Could not load the cohort file: v2.ron"), "{message}");
    assert!(!written);
}

#[cfg(unix)]
#[test]
fn a_patient_file_that_never_answers_fails_the_run_after_the_wait_limit() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("stuck.xhim.ron");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (result, written) = screenshot_run(Some(fifo), Vec::new());
    let message = result.unwrap_err();
    assert!(message.contains("stuck.xhim.ron did not answer after 60 s"), "{message}");
    assert!(!written);
}
