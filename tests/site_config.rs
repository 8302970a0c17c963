//! The site configuration as hospital IT sets it: a shared evidence library
//! loaded in every window without being written to, and a policy of keeping
//! no list of recent files that a user cannot turn back on.

mod common;

use std::path::Path;

use xhim_aid::app::StartOptions;
use xhim_aid::io::config::Config;

#[test]
fn the_shared_library_is_loaded_and_left_as_it_is() {
    let shared = tempfile::tempdir().unwrap();
    let cohort = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cohorts/v1-records.ron");
    std::fs::copy(&cohort, shared.path().join("centre.ron")).unwrap();
    let before: Vec<_> = std::fs::read_dir(shared.path()).unwrap().map(|e| e.unwrap().path()).collect();
    let config = Config {
        shared_library: Some(shared.path().to_path_buf()),
        keep_recent_files: Some(false),
        ..Config::default()
    };
    let harness = common::harness_with(StartOptions { config, ..StartOptions::default() });
    assert_eq!(harness.state().cohorts().len(), 1, "{:?}", harness.state().notifications());
    assert!(!harness.state().prefs().remember_recent, "the site keeps no recent files");
    let after: Vec<_> = std::fs::read_dir(shared.path()).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(before, after, "nothing is written to the shared library");
}

#[test]
fn a_shared_library_that_cannot_be_read_is_said_and_the_app_runs() {
    let config = Config { shared_library: Some("/nonexistent/xhim-aid-library".into()), ..Config::default() };
    let harness = common::harness_with(StartOptions { config, ..StartOptions::default() });
    assert!(
        harness
            .state()
            .notifications()
            .iter()
            .any(|n| n.is_error && n.text.starts_with("The shared library"))
    );
    assert!(harness.state().cohorts().is_empty());
}
