//! The promises about a patient's data at the edges of a clinic day: a
//! window covered by the EHR keeps copying edits, a half-typed form comes
//! back exactly as typed, logout keeps a copy and frees the file, Save As
//! never replaces another boy's file without asking, a new patient is not a
//! newborn, and a file that never answers does not freeze the window.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;
use xhim_aid::model::l10n::Lang;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use xhim_aid::App;
use xhim_aid::app::{RECOVERY_INTERVAL, StartOptions};
use xhim_aid::command::Command;
use xhim_aid::io::dialogs::{DialogOutcome, ScriptedDialogs};
use xhim_aid::io::patient_file::{self, lock};
use xhim_aid::io::recovery::FOLDER;
use xhim_aid::io::signals::Termination;
use xhim_aid::ui::conflict_ui::restore_edits;
use xhim_aid::ui::file_ui::{cancel_opening, path_field_label};
use xhim_aid::ui::patient_panel::labels;

fn example_copy(dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples").join(name), &to).unwrap();
    to
}

fn recovery_files(data: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(data.join(FOLDER))
        .map_or_else(|_| Vec::new(), |d| d.map(|e| e.unwrap().path()).collect())
}

fn set_text(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Runs only the logic pass, as eframe does for a covered, hidden or
/// minimised window, until `done` holds and no background work is left.
fn logic_only_until(harness: &mut Harness<'_, App>, done: impl Fn(&App) -> bool) {
    let ctx = harness.ctx.clone();
    let mut frame = eframe::Frame::_new_kittest();
    for _ in 0..2000 {
        let app = harness.state_mut();
        eframe::App::logic(app, &ctx, &mut frame);
        if done(app) && !app.is_busy() {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("the logic pass never finished its work");
}

#[test]
fn recovery_copies_are_written_while_the_window_is_hidden() {
    let (data, share) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = example_copy(share.path(), "young-boy-in-window.ron");
    let mut harness = common::harness_with(StartOptions {
        open: Some(file),
        data_dir: Some(data.path().to_path_buf()),
        ..StartOptions::default()
    });
    harness.state_mut().stop_clock();
    harness.get_by_label("Neutropenia").click();
    harness.run();
    assert!(recovery_files(data.path()).is_empty());

    // The EHR goes full screen over the app: no more layout passes.
    harness.state_mut().advance_clock(RECOVERY_INTERVAL);
    let data_dir = data.path().to_path_buf();
    logic_only_until(&mut harness, move |_| recovery_files(&data_dir).len() == 1);
    let copy = std::fs::read_to_string(&recovery_files(data.path())[0]).unwrap();
    assert!(copy.contains("neutropenia: true"), "{copy}");
}

#[test]
fn an_invalid_form_and_its_note_come_back_exactly_as_typed() {
    let (data, share) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = example_copy(share.path(), "young-boy-in-window.ron");
    let options = StartOptions {
        open: Some(file.clone()),
        data_dir: Some(data.path().to_path_buf()),
        ..StartOptions::default()
    };
    let mut harness = common::harness_with(options.clone());
    harness.state_mut().stop_clock();
    set_text(&mut harness, &labels::age_years(), "4x");
    harness.get_by_label("Age (years): “4x” is not a whole number.");
    set_text(&mut harness, &labels::note(), "Mother asks about \"cord blood\";\nsee letter of 3 May");
    harness.state_mut().advance_clock(RECOVERY_INTERVAL);
    common::settle(&mut harness);
    assert_eq!(recovery_files(data.path()).len(), 1, "copied although the age is invalid");
    // A crash: the window ends without saving or discarding.
    drop(harness);

    let mut next = common::harness_with(StartOptions { open: None, ..options });
    next.get_by_label_contains("as typed: Age (years): “4x” is not a whole number.");
    next.get_by_label(&restore_edits(Lang::En)).click();
    common::settle(&mut next);
    let years = next.get_by_label(&labels::age_years()).value().unwrap_or_default();
    assert_eq!(years, "4x");
    let note = next.get_by_label(&labels::note()).value().unwrap_or_default();
    assert_eq!(note, "Mother asks about \"cord blood\";\nsee letter of 3 May");
    assert!(next.state().is_dirty());
    assert_eq!(next.state().path(), Some(file.as_path()));
}

#[test]
fn a_termination_signal_keeps_a_copy_releases_the_lock_and_closes() {
    let (data, share) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = example_copy(share.path(), "young-boy-in-window.ron");
    let termination = Termination::default();
    let mut harness = common::harness_with(StartOptions {
        open: Some(file.clone()),
        data_dir: Some(data.path().to_path_buf()),
        lock_files: true,
        termination: Some(termination.clone()),
        ..StartOptions::default()
    });
    assert!(lock::lock_path(&file).exists(), "open for editing: locked");
    harness.state_mut().stop_clock();
    harness.get_by_label("Neutropenia").click();
    harness.run();
    assert!(recovery_files(data.path()).is_empty(), "not yet due");

    termination.deliver(15);
    logic_only_until(&mut harness, App::is_closing);
    assert_eq!(recovery_files(data.path()).len(), 1, "the copy is written at once");
    assert!(!lock::lock_path(&file).exists(), "the lock is released");
    assert_eq!(harness.state().closed_by_signal(), Some(15));
    assert!(harness.state().is_dirty(), "nothing was saved or discarded");
}

#[test]
fn save_as_onto_another_patient_file_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mine = example_copy(dir.path(), "young-boy-in-window.ron");
    let other = example_copy(dir.path(), "older-boy-sclerosing-cholangitis.ron");
    let theirs = std::fs::read(&other).unwrap();
    let mut harness = common::harness_with(StartOptions { open: Some(mine), ..StartOptions::default() });

    harness.state_mut().push(Command::SaveAsPath(other.clone()));
    common::settle(&mut harness);
    harness.get_by_label("Replace older-boy-sclerosing-cholangitis.ron?");
    harness.get_by_label_contains("it holds a patient aged 9 years, last saved by");
    harness.get_by_label("Cancel").click();
    common::settle(&mut harness);
    assert_eq!(std::fs::read(&other).unwrap(), theirs, "cancel writes nothing");

    // Through the typed path too.
    let mut typed = common::harness_with(StartOptions {
        open: Some(dir.path().join("young-boy-in-window.ron")),
        ..StartOptions::default()
    });
    typed.state_mut().set_dialogs(Box::new(ScriptedDialogs {
        answers: [DialogOutcome::Unavailable].into(),
        asked: Vec::new(),
    }));
    typed.state_mut().push(Command::SaveAs);
    common::settle(&mut typed);
    set_text(&mut typed, &path_field_label(Lang::En), &other.display().to_string());
    typed.get_by_label("Save").click();
    common::settle(&mut typed);
    typed.get_by_label("Replace older-boy-sclerosing-cholangitis.ron?");
    typed.get_by_label("Replace").click();
    common::settle(&mut typed);
    let saved = patient_file::load(&other).unwrap().document;
    assert_eq!(saved.patient.age_months(), Some(3 * 12 + 4), "replaced once confirmed");
}

#[test]
fn a_new_patient_has_no_age_and_is_saved_in_the_documents_folder_after_asking() {
    let documents = tempfile::tempdir().unwrap();
    std::fs::write(documents.path().join("patient.xhim.ron"), "another file").unwrap();
    let mut harness = common::harness_with(StartOptions {
        documents: Some(documents.path().to_path_buf()),
        ..StartOptions::default()
    });
    harness.get_by_label(&xhim_aid::model::status::enter_an_age());
    assert!(harness.state().figure().panels.iter().all(|p| p.markers.is_empty()), "nothing drawn for him");
    harness.state_mut().set_dialogs(Box::new(ScriptedDialogs {
        answers: [DialogOutcome::Unavailable].into(),
        asked: Vec::new(),
    }));
    harness.get_by_label("Neutropenia").click();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    common::settle(&mut harness);
    // A free name in the documents folder, never the working folder.
    let proposed = documents.path().join("patient-2.xhim.ron");
    let typed = harness.get_by_label(&path_field_label(Lang::En)).value().unwrap_or_default();
    assert_eq!(typed, proposed.display().to_string());
    harness.get_by_label("Save").click();
    common::settle(&mut harness);
    harness.get_by_label("Save without an age?");
    harness.get_by_label(&xhim_aid::app::save_without_age(Lang::En)).click();
    common::settle(&mut harness);
    let saved = patient_file::load(&proposed).unwrap().document.patient;
    assert_eq!(saved.age_months(), None);
    assert!(saved.conditions.neutropenia);
    harness.get_by_label(&format!("Saved patient-2.xhim.ron in {}.", documents.path().display()));
}

#[cfg(unix)]
#[test]
fn a_file_that_never_answers_does_not_freeze_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("stuck.xhim.ron");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let mut harness = common::harness();
    harness.state_mut().push(Command::OpenPath(fifo));
    // Frames keep coming while the file does not answer.
    for _ in 0..20 {
        harness.step();
    }
    // Reading a FIFO with no writer blocks: the busy line offers to stop.
    harness.get_by_label_contains("Opening stuck.xhim.ron");
    harness.get_by_label(&cancel_opening(Lang::En)).click();
    harness.run();
    harness.get_by_label("Stopped opening stuck.xhim.ron; the current patient is unchanged.");
    assert!(!harness.state().is_busy());
    assert_eq!(harness.state().path(), None);
}

#[test]
fn closing_a_minimised_window_with_edits_still_asks_and_shows_the_question() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_copy(dir.path(), "young-boy-in-window.ron");
    let mut harness = common::harness_with(StartOptions { open: Some(file), ..StartOptions::default() });
    harness.get_by_label("Neutropenia").click();
    harness.run();

    // Minimised, the window gets only logic passes; the close arrives in one.
    let mut raw = egui::RawInput::default();
    let root = raw.viewports.entry(egui::ViewportId::ROOT).or_default();
    root.minimized = Some(true);
    root.events.push(egui::ViewportEvent::Close);
    let ctx = harness.ctx.clone();
    let mut frame = eframe::Frame::_new_kittest();
    let output = ctx.run_logic(&raw, |ctx| eframe::App::logic(harness.state_mut(), ctx, &mut frame));
    let commands = output.viewport_commands.get(&egui::ViewportId::ROOT).cloned().unwrap_or_default();
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
    assert!(commands.contains(&egui::ViewportCommand::Minimized(false)), "shown again: {commands:?}");
    assert!(commands.contains(&egui::ViewportCommand::Focus), "{commands:?}");
    assert!(!harness.state().is_closing());

    harness.run();
    harness.get_by_label_contains("Save them before you close the window?");
}
