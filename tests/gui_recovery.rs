//! Crash recovery as a clinician meets it: edits are copied to the data
//! folder (soon after they change, and when the window loses focus), a window that
//! ends without saving leaves them, and the next start offers to restore or
//! discard them. The patient file is never written by any of this.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

mod common;

use std::path::{Path, PathBuf};
use xhim_aid::model::l10n::Lang;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use xhim_aid::App;
use xhim_aid::app::{RECOVERY_INTERVAL, StartOptions};
use xhim_aid::io::patient_file;
use xhim_aid::io::recovery::FOLDER;
use xhim_aid::ui::conflict_ui::{discard_edits, restore_edits};
use xhim_aid::ui::patient_panel::labels;

struct Setup {
    _dirs: (tempfile::TempDir, tempfile::TempDir),
    data: PathBuf,
    file: PathBuf,
}

fn setup() -> Setup {
    let (data, share) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = share.path().join("boy.xhim.ron");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/young-boy-in-window.ron");
    std::fs::copy(example, &file).unwrap();
    Setup { data: data.path().to_path_buf(), file, _dirs: (data, share) }
}

fn window(data: &Path, open: Option<&Path>) -> Harness<'static, App> {
    common::harness_with(StartOptions {
        open: open.map(Path::to_path_buf),
        data_dir: Some(data.to_path_buf()),
        lock_files: true,
        ..StartOptions::default()
    })
}

fn recovery_files(data: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(data.join(FOLDER))
        .map_or_else(|_| Vec::new(), |d| d.map(|e| e.unwrap().path()).collect())
}

use common::settle;

fn lose_focus(harness: &mut Harness<'_, App>) {
    harness.input_mut().events.push(egui::Event::WindowFocused(false));
    settle(harness);
}

fn set_age_years(harness: &mut Harness<'_, App>, years: &str) {
    harness.get_by_label(&labels::age_years()).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(&labels::age_years()).type_text(years);
    harness.run();
}

/// A window that edits the file, keeps a recovery copy, then "crashes"
/// (ends without saving or discarding).
fn crash_with_edits(s: &Setup) -> Vec<u8> {
    let saved = std::fs::read(&s.file).unwrap();
    let mut harness = window(&s.data, Some(&s.file));
    harness.state_mut().stop_clock();
    harness.get_by_label("Neutropenia").click();
    set_age_years(&mut harness, "5");
    assert!(recovery_files(&s.data).is_empty(), "nothing copied before it is due");
    lose_focus(&mut harness);
    assert_eq!(recovery_files(&s.data).len(), 1);
    drop(harness);
    assert_eq!(std::fs::read(&s.file).unwrap(), saved, "the patient file is never written");
    saved
}

#[test]
fn edits_are_copied_soon_after_they_change_and_when_focus_is_lost() {
    let s = setup();
    let mut harness = window(&s.data, Some(&s.file));
    harness.state_mut().stop_clock();
    harness.get_by_label("Neutropenia").click();
    harness.run();
    assert!(recovery_files(&s.data).is_empty(), "not before the interval is up");

    harness.state_mut().advance_clock(RECOVERY_INTERVAL);
    settle(&mut harness);
    let files = recovery_files(&s.data);
    assert_eq!(files.len(), 1, "copied once the interval is up");
    let first = std::fs::read_to_string(&files[0]).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777, 0o600);
    }

    // Another edit: not copied before its interval is up …
    harness.get_by_label("Pneumocystis pneumonia").click();
    harness.state_mut().advance_clock(RECOVERY_INTERVAL / 2);
    settle(&mut harness);
    assert_eq!(std::fs::read_to_string(&files[0]).unwrap(), first);
    // … or the window loses focus.
    lose_focus(&mut harness);
    assert_ne!(std::fs::read_to_string(&files[0]).unwrap(), first);

    // Saving deletes the copy.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut harness);
    harness.run();
    assert!(!harness.state().is_dirty());
    assert!(recovery_files(&s.data).is_empty(), "{:?}", recovery_files(&s.data));
}

#[test]
fn the_next_start_offers_the_edits_and_restore_brings_them_back_unsaved() {
    let s = setup();
    let saved = crash_with_edits(&s);
    let changes_before = patient_file::load(&s.file).unwrap().document.record.changes.len();

    let mut harness = window(&s.data, None);
    harness.get_by_label("Unsaved edits from an earlier session");
    harness.get_by_label_contains("The app closed without saving edits to boy.xhim.ron.");
    harness.get_by_label("Age: saved 3 years 4 months, edited 5 years 4 months");
    harness.get_by_label("Conditions: Neutropenia: saved absent, edited present");
    harness.get_by_label(&restore_edits(Lang::En)).click();
    // Restoring writes a new copy in the background; count files once it
    // has landed, not while its temporary file exists.
    settle(&mut harness);

    let app = harness.state();
    assert_eq!(app.path(), Some(s.file.as_path()));
    assert!(app.is_dirty(), "restored edits are not saved");
    assert!(app.patient().conditions.neutropenia);
    assert_eq!(app.patient().age_months(), Some(5 * 12 + 4));
    assert_eq!(app.window_title(), "boy.xhim.ron • unsaved — xhim-aid");
    assert_eq!(std::fs::read(&s.file).unwrap(), saved);
    assert_eq!(
        recovery_files(&s.data).len(),
        1,
        "the edits keep a recovery copy: {:?}",
        recovery_files(&s.data)
    );

    // Saving appends to the change log and deletes the copy.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut harness);
    harness.run();
    let record = patient_file::load(&s.file).unwrap().document.record;
    assert_eq!(record.changes.len(), changes_before + 2, "{:#?}", record.changes);
    assert!(recovery_files(&s.data).is_empty());
    drop(harness);

    // Nothing is offered any more.
    let next = window(&s.data, None);
    assert!(next.query_by_label("Unsaved edits from an earlier session").is_none());
}

#[test]
fn discard_deletes_the_copy_and_leaves_the_file() {
    let s = setup();
    let saved = crash_with_edits(&s);
    let mut harness = window(&s.data, Some(&s.file));
    harness.get_by_label(&discard_edits(Lang::En)).click();
    harness.run();
    assert!(recovery_files(&s.data).is_empty());
    assert!(!harness.state().is_dirty());
    assert!(!harness.state().patient().conditions.neutropenia);
    assert_eq!(std::fs::read(&s.file).unwrap(), saved);
}

#[test]
fn a_window_still_running_keeps_its_edits_to_itself() {
    let s = setup();
    let mut first = window(&s.data, Some(&s.file));
    first.get_by_label("Neutropenia").click();
    first.run();
    lose_focus(&mut first);
    assert_eq!(recovery_files(&s.data).len(), 1);
    let second = window(&s.data, None);
    assert!(second.query_by_label("Unsaved edits from an earlier session").is_none());
}

#[test]
fn restored_edits_to_a_file_saved_since_still_ask_before_overwriting() {
    let s = setup();
    crash_with_edits(&s);
    // Meanwhile a colleague saved the file.
    let doc = patient_file::load(&s.file).unwrap().document;
    let context = patient_file::SaveContext {
        app_version: "0.1.0".to_owned(),
        evidence_version: "e".to_owned(),
        saved_by: "Dr Colleague".to_owned(),
    };
    let mut theirs = doc.patient.clone();
    theirs.note = "seen in clinic".to_owned();
    patient_file::save(&s.file, &doc.revised(&theirs, &context, std::time::SystemTime::now())).unwrap();

    let mut harness = window(&s.data, None);
    harness.get_by_label_contains("was saved again after these edits began");
    harness.get_by_label(&restore_edits(Lang::En)).click();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut harness);
    harness.get_by_label("Changed by someone else");
    assert_eq!(patient_file::load(&s.file).unwrap().document.patient.note, "seen in clinic");
}

#[test]
fn without_a_data_folder_nothing_is_kept() {
    let s = setup();
    let mut harness =
        common::harness_with(StartOptions { open: Some(s.file.clone()), ..StartOptions::default() });
    harness.get_by_label("Neutropenia").click();
    harness.run();
    assert!(harness.state().is_dirty());
    lose_focus(&mut harness);
    assert!(!s.data.join(FOLDER).exists());
}

#[test]
fn closing_and_discarding_the_edits_deletes_the_copy() {
    let s = setup();
    let mut harness = window(&s.data, Some(&s.file));
    harness.get_by_label("Neutropenia").click();
    harness.run();
    lose_focus(&mut harness);
    assert_eq!(recovery_files(&s.data).len(), 1);
    harness.state_mut().push(xhim_aid::command::Command::Quit);
    harness.run();
    harness.get_by_label("Discard changes").click();
    harness.run();
    assert!(recovery_files(&s.data).is_empty());
}
