//! Patient files as a user handles them: open, edit, save, reopen, bad
//! files, the unsaved-changes question, dialogs that are not available, and
//! what the app keeps in its own state.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

mod common;

use std::path::{Path, PathBuf};
use xhim_aid::model::l10n::Lang;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use xhim_aid::App;
use xhim_aid::app::StartOptions;
use xhim_aid::command::Command;
use xhim_aid::io::dialogs::{DialogOutcome, ScriptedDialogs};
use xhim_aid::ui::file_ui::path_field_label;
use xhim_aid::ui::patient_panel::labels;
use xhim_aid::ui::status::unsaved_label;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples").join(name)
}

fn copy_example(dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(example(name), &to).unwrap();
    to
}

/// Runs a command and waits for what it starts (a file is read in the
/// background).
fn command(harness: &mut Harness<'_, App>, c: Command) {
    harness.state_mut().push(c);
    common::settle(harness);
}

/// Steps until the background save has landed.
fn wait_for_save(harness: &mut Harness<'_, App>) {
    common::settle_until(harness, 0, |_| true);
}

fn set_text(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn edit_save_reopen_keeps_every_edit_and_logs_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_example(dir.path(), "young-boy-in-window.ron");
    let before = std::fs::read(&path).unwrap();
    let mut harness =
        common::harness_with(StartOptions { open: Some(path.clone()), ..StartOptions::default() });
    assert_eq!(harness.state().window_title(), "young-boy-in-window.ron — xhim-aid");
    harness.get_by_label_contains("2 years 8 months remain");
    let changes_before = harness.state().document().record.changes.len();

    set_text(&mut harness, &labels::age_years(), "4");
    harness.get_by_label("Chronic lung damage / bronchiectasis").click();
    harness.run();
    assert!(harness.state().is_dirty());
    assert_eq!(harness.state().window_title(), "young-boy-in-window.ron • unsaved — xhim-aid");
    harness.get_by_label(&unsaved_label(xhim_aid::model::l10n::Lang::En));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    wait_for_save(&mut harness);
    assert!(!harness.state().is_dirty());
    assert_eq!(harness.state().window_title(), "young-boy-in-window.ron — xhim-aid");
    assert_eq!(std::fs::read(xhim_aid::io::patient_file::backup_path(&path)).unwrap(), before);

    // Reopen from disk in a fresh window.
    let reopened = common::harness_with(StartOptions { open: Some(path.clone()), ..StartOptions::default() });
    let app = reopened.state();
    assert_eq!(app.patient().age_months(), Some(4 * 12 + 4));
    assert!(app.patient().conditions.lung_damage);
    let changes = &app.document().record.changes;
    assert_eq!(changes.len(), changes_before + 2, "{changes:#?}");
    assert!(changes.iter().any(|c| c.field == "Age" && c.new == "4 years 4 months"));
    assert!(changes.iter().any(|c| c.field.contains("lung damage") || c.field.contains("Lung damage")));
    reopened.get_by_label_contains("Record (2 saves");
}

#[test]
fn a_corrupted_file_gives_a_message_and_the_patient_stays() {
    let dir = tempfile::tempdir().unwrap();
    let good = copy_example(dir.path(), "older-boy-sclerosing-cholangitis.ron");
    let bad = dir.path().join("damaged.ron");
    let text = std::fs::read_to_string(&good).unwrap();
    std::fs::write(&bad, &text[..text.len() / 2]).unwrap();

    let mut harness =
        common::harness_with(StartOptions { open: Some(good.clone()), ..StartOptions::default() });
    command(&mut harness, Command::OpenPath(bad.clone()));
    let note = harness.state().notifications().last().unwrap().text.clone();
    assert!(note.starts_with("Could not open damaged.ron: line "), "{note}");
    assert_eq!(harness.state().path(), Some(good.as_path()));
    assert!(harness.state().patient().conditions.sclerosing_cholangitis);
    harness.get_by_label_contains("Could not open damaged.ron");
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), &text[..text.len() / 2], "nothing is written");
}

#[test]
fn unsaved_changes_are_asked_about() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_example(dir.path(), "young-boy-in-window.ron");
    let mut harness = common::harness_with(StartOptions { open: Some(path), ..StartOptions::default() });
    harness.get_by_label("Neutropenia").click();
    harness.run();

    command(&mut harness, Command::New);
    harness.get_by_label_contains("has changes that are not saved");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().is_dirty());
    assert!(harness.state().patient().conditions.neutropenia);

    command(&mut harness, Command::New);
    harness.get_by_label("Discard changes").click();
    harness.run();
    assert!(!harness.state().is_dirty());
    assert_eq!(harness.state().path(), None);
    assert_eq!(harness.state().window_title(), "Untitled patient — xhim-aid");
}

#[test]
fn closing_the_window_with_edits_asks_and_save_then_closes() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_example(dir.path(), "post-hsct-follow-up.ron");
    let mut harness =
        common::harness_with(StartOptions { open: Some(path.clone()), ..StartOptions::default() });
    let had_neutropenia = harness.state().patient().conditions.neutropenia;
    harness.get_by_label("Neutropenia").click();
    harness.run();
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    harness.get_by_label_contains("Save them before you close the window?");
    harness.get_by_label("Save").click();
    wait_for_save(&mut harness);
    let saved = xhim_aid::io::patient_file::load(&path).unwrap();
    assert_eq!(saved.document.patient.conditions.neutropenia, !had_neutropenia);
    assert!(!harness.state().is_dirty());
}

#[test]
fn open_from_the_menu_uses_the_dialog() {
    let mut harness = common::harness();
    let mut dialogs = ScriptedDialogs::default();
    dialogs.answers.push_back(DialogOutcome::Picked(example("older-boy-sclerosing-cholangitis.ron")));
    harness.state_mut().set_dialogs(Box::new(dialogs));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Open…").click();
    common::settle(&mut harness);
    assert_eq!(harness.state().window_title(), "older-boy-sclerosing-cholangitis.ron — xhim-aid");
    harness.get_by_label_contains("Past the ≤5-year window");
    assert!(harness.get_all_by_label_contains("He has sclerosing cholangitis.").count() >= 2);
}

#[test]
fn without_a_system_dialog_a_path_can_be_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::harness();
    let mut dialogs = ScriptedDialogs::default();
    dialogs.answers.push_back(DialogOutcome::Unavailable);
    harness.state_mut().set_dialogs(Box::new(dialogs));
    set_text(&mut harness, &labels::age_years(), "2");
    command(&mut harness, Command::Save);
    harness.run();
    let target = dir.path().join("typed");
    harness.get_by_label_contains("No system file dialog is available");
    set_text(&mut harness, &path_field_label(Lang::En), &target.display().to_string());
    harness.get_by_label("Save").click();
    wait_for_save(&mut harness);
    let written = dir.path().join("typed.xhim.ron");
    assert_eq!(harness.state().path(), Some(written.as_path()));
    let loaded = xhim_aid::io::patient_file::load(&written).unwrap();
    assert_eq!(loaded.document.patient.age_months(), Some(24));
    assert_eq!(loaded.document.record.saves.len(), 1);
}

#[test]
fn an_invalid_form_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_example(dir.path(), "young-boy-in-window.ron");
    let before = std::fs::read(&path).unwrap();
    let mut harness =
        common::harness_with(StartOptions { open: Some(path.clone()), ..StartOptions::default() });
    set_text(&mut harness, &labels::age_years(), "-3");
    command(&mut harness, Command::Save);
    assert!(!harness.state().is_busy());
    assert!(
        harness
            .state()
            .notifications()
            .last()
            .unwrap()
            .text
            .starts_with("Not saved: correct the marked fields")
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// An in-memory stand-in for eframe's storage.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn the_apps_own_state_holds_no_patient_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_example(dir.path(), "older-boy-sclerosing-cholangitis.ron");
    let mut harness =
        common::harness_with(StartOptions { open: Some(path.clone()), ..StartOptions::default() });
    harness.get_by_label(&labels::note()).click();
    harness.get_by_label(&labels::note()).type_text(" zebra-marker");
    harness.run();
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    // eframe then stores egui's memory (panel sizes, zoom): it must be clean too.
    assert!(eframe::App::persist_egui_memory(harness.state()));
    let memory = harness.ctx.memory(|m| ron::to_string(m).unwrap());
    let stored: String = storage.0.values().cloned().chain([memory]).collect();
    assert!(stored.contains("older-boy-sclerosing-cholangitis.ron"), "recent files are kept: {stored}");
    for forbidden in ["zebra-marker", "MRCP", "conditions", "sclerosing_cholangitis", "years", "note"] {
        assert!(!stored.contains(forbidden), "{forbidden} leaked into app state: {stored}");
    }

    // With the recent list turned off, not even paths are kept.
    let mut prefs = harness.state().prefs().clone();
    prefs.remember_recent = false;
    prefs.recent.clear();
    let mut app = App::with_prefs(prefs, StartOptions::default());
    let mut storage = MemoryStorage::default();
    eframe::App::save(&mut app, &mut storage);
    let stored: String = storage.0.values().cloned().collect();
    assert!(!stored.contains(".ron"), "{stored}");
}

#[test]
fn dropping_a_patient_file_opens_it_and_other_files_are_refused() {
    let mut harness = common::harness();
    harness.input_mut().dropped_files.push(common::dropped(example("post-hsct-follow-up.ron")));
    common::settle(&mut harness);
    assert_eq!(harness.state().window_title(), "post-hsct-follow-up.ron — xhim-aid");
    harness.get_by_label_contains("Transplanted at 7 years 9 months");

    harness.input_mut().dropped_files.push(common::dropped("/tmp/scan.pdf"));
    harness.run();
    harness.get_by_label("scan.pdf: drop a .ron patient file, or a PNG or JPEG figure to digitize.");
    assert_eq!(harness.state().window_title(), "post-hsct-follow-up.ron — xhim-aid");
}

#[test]
fn without_a_system_dialog_a_report_path_can_be_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::harness();
    let mut dialogs = ScriptedDialogs::default();
    dialogs.answers.push_back(DialogOutcome::Unavailable);
    harness.state_mut().set_dialogs(Box::new(dialogs));
    command(&mut harness, Command::ExportReport);
    harness.run();
    let target = dir.path().join("typed-report");
    set_text(&mut harness, &path_field_label(Lang::En), &target.display().to_string());
    harness.get_by_label("Save").click();
    let report = dir.path().join("typed-report.pdf");
    common::settle_until(&mut harness, 0, |_| report.exists());
    assert!(std::fs::read(dir.path().join("typed-report.pdf")).unwrap().starts_with(b"%PDF-"));
}
