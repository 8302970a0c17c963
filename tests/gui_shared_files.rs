//! Patient files on a shared folder, as two clinicians meet them: a colleague
//! saves the file while it is open here (each of the three answers), a file
//! open in another window (read-only, and read-only cannot save over it), and
//! a lock from another computer, respected while its app refreshes it and
//! offered for taking over once it has stopped.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use xhim_aid::model::l10n::Lang;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use xhim_aid::App;
use xhim_aid::app::StartOptions;
use xhim_aid::command::Command;
use xhim_aid::io::dialogs::{DialogOutcome, ScriptedDialogs};
use xhim_aid::io::patient_file::{self, SaveContext, backup_path, lock};
use xhim_aid::model::patient::{AgeSource, YearsMonths};
use xhim_aid::ui::conflict_ui::{
    confirm_overwrite, open_for_editing, open_read_only, read_only_label, reload_theirs, review_overwrite,
    save_mine_as_new, take_over,
};

/// A copy of an example patient in a fresh folder, as `boy.xhim.ron`.
fn shared_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("boy.xhim.ron");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/young-boy-in-window.ron");
    std::fs::copy(example, &path).unwrap();
    (dir, path)
}

fn window(path: &Path, lock_files: bool) -> Harness<'static, App> {
    common::harness_with(StartOptions {
        open: Some(path.to_path_buf()),
        lock_files,
        ..StartOptions::default()
    })
}

use common::settle as wait_for_save;

/// A colleague opens the file, sets his age to 7 years and saves.
fn colleague_saves(path: &Path) -> Vec<u8> {
    let doc = patient_file::load(path).unwrap().document;
    let mut patient = doc.patient.clone();
    patient.age = AgeSource::Entered(YearsMonths { years: 7, months: 0 });
    let context = SaveContext {
        app_version: "0.1.0".to_owned(),
        evidence_version: "e".to_owned(),
        saved_by: "Dr Colleague".to_owned(),
    };
    let at = UNIX_EPOCH + Duration::from_secs(1_795_610_096);
    patient_file::save(path, &doc.revised(&patient, &context, at)).unwrap();
    std::fs::read(path).unwrap()
}

/// Opens the file, ticks Neutropenia, lets a colleague save, presses Ctrl+S:
/// the question is on screen and nothing was written.
fn conflicting_save(path: &Path) -> (Harness<'static, App>, Vec<u8>) {
    let mut harness = window(path, true);
    harness.get_by_label("Neutropenia").click();
    harness.run();
    assert!(harness.state().is_dirty());
    let theirs = colleague_saves(path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    wait_for_save(&mut harness);
    harness.get_by_label("Changed by someone else");
    harness.get_by_label_contains(
        "boy.xhim.ron was changed on disk after you opened it (last saved by Dr Colleague",
    );
    assert_eq!(std::fs::read(path).unwrap(), theirs, "nothing overwritten while asking");
    assert!(harness.state().is_dirty());
    (harness, theirs)
}

#[test]
fn reload_theirs_drops_my_edits() {
    let (_dir, path) = shared_folder();
    let (mut harness, theirs) = conflicting_save(&path);
    harness.get_by_label(&reload_theirs(Lang::En)).click();
    harness.run();
    let app = harness.state();
    assert!(!app.is_dirty());
    assert!(!app.patient().conditions.neutropenia);
    assert_eq!(app.patient().age_months(), Some(7 * 12));
    assert_eq!(app.document().record.saves.last().unwrap().saved_by, "Dr Colleague");
    assert_eq!(std::fs::read(&path).unwrap(), theirs);

    // Their version is now the one this window has: the next save goes through.
    harness.get_by_label("Neutropenia").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    wait_for_save(&mut harness);
    assert!(!harness.state().is_dirty());
    assert!(patient_file::load(&path).unwrap().document.patient.conditions.neutropenia);
}

#[test]
fn save_mine_as_a_new_file_keeps_both() {
    let (dir, path) = shared_folder();
    let (mut harness, theirs) = conflicting_save(&path);
    let mine = dir.path().join("boy-mine.xhim.ron");
    let mut dialogs = ScriptedDialogs::default();
    dialogs.answers.push_back(DialogOutcome::Picked(mine.clone()));
    harness.state_mut().set_dialogs(Box::new(dialogs));
    harness.get_by_label(&save_mine_as_new(Lang::En)).click();
    wait_for_save(&mut harness);
    assert_eq!(std::fs::read(&path).unwrap(), theirs, "their file is untouched");
    let saved = patient_file::load(&mine).unwrap().document;
    assert!(saved.patient.conditions.neutropenia);
    assert_eq!(harness.state().path(), Some(mine.as_path()));
    assert!(!harness.state().is_dirty());
    assert!(!lock::lock_path(&path).exists(), "the old file's lock went with it");
    assert!(lock::lock_path(&mine).exists());
}

#[test]
fn overwrite_after_seeing_the_differences_keeps_their_record() {
    let (_dir, path) = shared_folder();
    let (mut harness, theirs) = conflicting_save(&path);
    harness.get_by_label(&review_overwrite(Lang::En)).click();
    harness.run();
    harness.get_by_label("Overwriting changes 2 value(s) in their version:");
    harness.get_by_label("Age: theirs 7 years, yours 3 years 4 months");
    harness.get_by_label("Conditions: Neutropenia: theirs absent, yours present");
    assert_eq!(std::fs::read(&path).unwrap(), theirs, "not before the second click");
    harness.get_by_label(&confirm_overwrite(Lang::En)).click();
    wait_for_save(&mut harness);

    let saved = patient_file::load(&path).unwrap().document;
    assert!(saved.patient.conditions.neutropenia);
    assert_eq!(saved.patient.age_months(), Some(3 * 12 + 4));
    let by: Vec<&str> = saved.record.saves.iter().map(|s| s.saved_by.as_str()).collect();
    assert_eq!(by.len(), 3, "{by:?}");
    assert_eq!(by[1], "Dr Colleague", "their save stays in the record");
    let last_changes: Vec<&str> =
        saved.record.changes.iter().rev().take(2).map(|c| c.field.as_str()).collect();
    assert_eq!(last_changes, ["Conditions: Neutropenia", "Age"]);
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), theirs, "their file is the .bak");
    assert!(!harness.state().is_dirty());
}

#[test]
fn cancel_keeps_editing_and_writes_nothing() {
    let (_dir, path) = shared_folder();
    let (mut harness, theirs) = conflicting_save(&path);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().is_dirty());
    assert!(harness.query_by_label("Changed by someone else").is_none());
    assert_eq!(std::fs::read(&path).unwrap(), theirs);
    // Asking again still asks: the check does not forget.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    wait_for_save(&mut harness);
    harness.get_by_label("Changed by someone else");
}

#[test]
fn a_second_window_is_told_and_may_open_read_only() {
    let (dir, path) = shared_folder();
    let before = std::fs::read(&path).unwrap();
    let first = window(&path, true);
    assert!(lock::lock_path(&path).exists());
    assert!(!first.state().is_read_only());

    let mut second = window(&path, true);
    second.get_by_label("Open elsewhere");
    second.get_by_label_contains("boy.xhim.ron is open for editing by ");
    assert_eq!(second.state().path(), None, "not opened before the answer");
    second.get_by_label(&open_read_only(Lang::En)).click();
    // The file is read in the background.
    common::settle(&mut second);
    assert!(second.state().is_read_only());
    assert_eq!(second.state().window_title(), "boy.xhim.ron (read-only) — xhim-aid");
    second.get_by_label(&read_only_label(Lang::En));

    // Edits are possible; saving over the file is not.
    second.get_by_label("Neutropenia").click();
    second.run();
    let mut dialogs = ScriptedDialogs::default();
    dialogs.answers.push_back(DialogOutcome::Cancelled);
    second.state_mut().set_dialogs(Box::new(dialogs));
    second.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    second.run();
    assert!(!second.state().is_busy(), "Save asks for a new name instead");
    second.state_mut().push(Command::SaveAsPath(path.clone()));
    second.run();
    assert!(!second.state().is_busy());
    let note = &second.state().notifications().last().unwrap().text;
    assert!(note.contains("open read-only here; save your edits as a new file"), "{note}");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // A new name works, and that file is then this window's.
    let copy = dir.path().join("copy.xhim.ron");
    second.state_mut().push(Command::SaveAsPath(copy.clone()));
    wait_for_save(&mut second);
    assert!(!second.state().is_read_only());
    assert!(patient_file::load(&copy).unwrap().document.patient.conditions.neutropenia);
    assert_eq!(std::fs::read(&path).unwrap(), before);

    drop(first);
    assert!(!lock::lock_path(&path).exists(), "closing the first window releases its lock");
}

#[test]
fn a_second_window_may_edit_anyway_and_is_still_asked_before_overwriting() {
    let (_dir, path) = shared_folder();
    let mut first = window(&path, true);
    let mut second = window(&path, true);
    second.get_by_label(&open_for_editing(Lang::En)).click();
    // The file is read in the background.
    common::settle(&mut second);
    assert!(!second.state().is_read_only());

    first.get_by_label("Neutropenia").click();
    first.run();
    first.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    wait_for_save(&mut first);
    let firsts = std::fs::read(&path).unwrap();

    second.get_by_label("Pneumocystis pneumonia").click();
    second.run();
    second.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    wait_for_save(&mut second);
    second.get_by_label("Changed by someone else");
    assert_eq!(std::fs::read(&path).unwrap(), firsts);
}

#[test]
fn a_lock_left_by_a_crashed_window_is_ignored() {
    let (_dir, path) = shared_folder();
    let crashed = window(&path, true);
    let lock_text = std::fs::read(lock::lock_path(&path)).unwrap();
    drop(crashed);
    // The crash left its lock file behind.
    std::fs::write(lock::lock_path(&path), lock_text).unwrap();
    let next = window(&path, true);
    assert!(next.query_by_label("Open elsewhere").is_none());
    assert_eq!(next.state().path(), Some(path.as_path()));
    assert!(!next.state().is_read_only());
}

/// A lock as an app on another computer writes it, last active `idle` ago;
/// `refreshed: false` writes it as earlier releases did, with no
/// `last_active` (then the time it was taken counts).
fn lock_from_another_computer(path: &Path, idle: Duration, refreshed: bool) -> String {
    let at = |ago: Duration| patient_file::utc_timestamp(SystemTime::now() - ago);
    let since = at(if refreshed { idle + Duration::from_secs(3600) } else { idle });
    let last_active = if refreshed { format!("last_active:Some(\"{}\"),", at(idle)) } else { String::new() };
    let text = format!(
        "(user:\"Dr Remote\",since:\"{since}\",{last_active}\
         instance:(host:\"WARD-PC-3\",boot:\"\",pid:4242,started:0,number:1))"
    );
    std::fs::write(lock::lock_path(path), &text).unwrap();
    text
}

#[test]
fn a_lock_another_computer_stopped_refreshing_is_offered_for_taking_over() {
    for refreshed in [true, false] {
        let (_dir, path) = shared_folder();
        lock_from_another_computer(&path, Duration::from_secs(2 * 86_400 + 600), refreshed);
        let mut harness = window(&path, true);
        harness.get_by_label("Open elsewhere");
        harness.get_by_label_contains(
            "boy.xhim.ron is marked open for editing by Dr Remote on WARD-PC-3 since ",
        );
        harness.get_by_label_contains("probably left by a closed app (last active 2 days ago)");
        assert!(
            harness.query_by_label(&open_for_editing(Lang::En)).is_none(),
            "taking over replaces editing alongside"
        );
        assert_eq!(harness.state().path(), None, "not opened before the answer");

        harness.get_by_label(&take_over(Lang::En)).click();
        // The file is read in the background.
        common::settle(&mut harness);
        assert_eq!(harness.state().path(), Some(path.as_path()));
        assert!(!harness.state().is_read_only());
        let lock_text = std::fs::read_to_string(lock::lock_path(&path)).unwrap();
        assert!(!lock_text.contains("WARD-PC-3"), "the lock is this window's now: {lock_text}");
        assert!(lock_text.contains(&xhim_aid::io::instance::host_name()), "{lock_text}");
        drop(harness);
        assert!(!lock::lock_path(&path).exists(), "and goes when the window closes");
    }
}

#[test]
fn a_lock_another_computer_keeps_refreshing_is_respected() {
    let (_dir, path) = shared_folder();
    let theirs = lock_from_another_computer(&path, Duration::from_secs(60), true);
    let mut harness = window(&path, true);
    harness.get_by_label("Open elsewhere");
    harness.get_by_label_contains("boy.xhim.ron is open for editing by Dr Remote on WARD-PC-3 since ");
    assert!(harness.query_by_label_contains("probably left").is_none());
    assert!(harness.query_by_label(&take_over(Lang::En)).is_none());
    harness.get_by_label(&open_read_only(Lang::En)).click();
    // The file is read in the background.
    common::settle(&mut harness);
    assert!(harness.state().is_read_only());
    drop(harness);
    assert_eq!(std::fs::read_to_string(lock::lock_path(&path)).unwrap(), theirs, "their lock is untouched");
}
