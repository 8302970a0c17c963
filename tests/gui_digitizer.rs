//! The digitizer and the evidence library as a user drives them: open a
//! figure, calibrate by clicking, pick each curve's colour, trace, type the
//! numbers at risk, reconstruct, save; the curves are drawn, and they are
//! still there (with their provenance) when the app starts again. Also the
//! library window: hide, remove, findings added by hand, a damaged file.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

mod common;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use xhim_aid::App;
use xhim_aid::app::StartOptions;
use xhim_aid::command::Command;
use xhim_aid::model::digitize::Rgb;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/digitize").join(name)
}

fn start(data_dir: &Path) -> Harness<'static, App> {
    common::harness_with(StartOptions { data_dir: Some(data_dir.to_path_buf()), ..StartOptions::default() })
}

/// Brings a widget into view, as a user scrolls to it.
fn reveal(harness: &mut Harness<'_, App>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
}

fn set_text(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    reveal(harness, label);
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn click(harness: &mut Harness<'_, App>, label: &str) {
    reveal(harness, label);
    harness.get_by_label(label).click();
    // A click may start background work that keeps asking for frames
    // (busy indicator, job finishing); `wait` sees it through.
    let _ = harness.try_run();
}

/// Clicks the figure at an image point, wherever the view puts it.
fn click_figure(harness: &mut Harness<'_, App>, at: [f64; 2]) {
    let pos = harness.state().digitizer().unwrap().view.to_screen(at).unwrap();
    harness.hover_at(pos);
    harness.run();
    harness.drag_at(pos);
    harness.run();
    harness.drop_at(pos);
    harness.run();
}

/// Steps until background work (reconstruction, library writes) is done.
fn wait(harness: &mut Harness<'_, App>) {
    common::settle_until(harness, 0, |app| !app.digitizer().is_some_and(|d| d.busy));
}

/// A pixel of exactly this colour on the curve, in the given column.
fn pixel_of(colour: [u8; 3], column: usize) -> [f64; 2] {
    let raster = xhim_aid::io::figure_image::load(&fixture("two-arms.png")).unwrap();
    let row = (0..raster.height()).find(|&y| raster.pixel(column, y) == Some(Rgb(colour))).unwrap();
    [column as f64 + 0.5, row as f64 + 0.5]
}

fn table(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

/// Digitizes both curves of the committed two-arm figure and saves them.
fn digitize_two_arms(harness: &mut Harness<'_, App>) {
    harness.state_mut().push(Command::DigitizeFigurePath(fixture("two-arms.png")));
    harness.run();
    harness.get_by_label("two-arms.png: 800 × 600 pixels");
    click(harness, "Set x1");
    for at in [[90.0, 470.0], [760.0, 470.0], [90.0, 50.0], [90.0, 470.0]] {
        click_figure(harness, at);
    }
    for (label, value) in [("x1 value", "0"), ("x2 value", "10"), ("y1 value", "1"), ("y2 value", "0")] {
        set_text(harness, label, value);
    }
    for (i, (name, colour, risk)) in [
        ("HSCT", [0, 114, 178], "two-arms-hsct-at-risk.csv"),
        ("No HSCT", [213, 94, 0], "two-arms-no-hsct-at-risk.csv"),
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            click(harness, "Add curve");
        }
        set_text(harness, "Curve name", name);
        click(harness, "Pick colour");
        click_figure(harness, pixel_of(colour, 500));
        click(harness, "Auto-trace");
        let traced = harness.state().digitizer().unwrap().curves[i].points.len();
        assert!(traced > 20, "{name}: {traced} points");
        set_text(harness, "Numbers at risk (one “time, at risk” per line)", &table(risk));
    }
    set_text(harness, "Citation (required)", "Synthetic A, Figure B. Made for tests. 2026");
    set_text(harness, "Figure/panel", "Figure 1");
    // The clock and unit are never assumed.
    click(harness, "Reconstruct");
    harness.get_by_label_contains("Choose the time axis clock");
    click(harness, "time since HSCT");
    click(harness, "Reconstruct");
    harness.get_by_label_contains("Choose the time unit");
    click(harness, "time in years");
    click(harness, "Reconstruct");
    wait(harness);
    let form = harness.state().digitizer().unwrap();
    assert_eq!(form.results.len(), 2, "{:?}", form.message);
    for r in &form.results {
        assert!(r.rmse < 0.02, "{}: RMSE {}", r.name, r.rmse);
        assert!(r.at_risk.iter().all(|a| a.published.abs_diff(a.reconstructed) <= 1), "{}", r.name);
        assert!(r.line.len() > 10, "the reconstruction is laid over the figure");
    }
    assert_eq!(
        harness.query_all_by_label_contains("against the traced points").count(),
        2,
        "both errors shown"
    );
    click(harness, "Save to library");
    wait(harness);
}

#[test]
fn a_traced_figure_is_saved_drawn_and_still_there_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path());
    digitize_two_arms(&mut harness);
    assert!(harness.state().digitizer().is_none(), "the window closes on save");
    let drawn = harness.state().cohorts();
    assert_eq!(drawn.len(), 1);
    let cohort = &drawn[0].cohort;
    assert_eq!(cohort.label, "two-arms");
    assert_eq!(
        cohort.groups.iter().map(|g| g.name.clone().unwrap()).collect::<Vec<_>>(),
        ["HSCT", "No HSCT"]
    );
    assert_eq!(cohort.record_count(), 105);
    assert!(
        cohort.provenance.describe().starts_with("reconstructed from Figure 1 of Synthetic 2026 (RMSE 0.0")
    );
    assert!(cohort.provenance.added.is_some(), "who added it and when");
    assert!(dir.path().join("library/cohorts/two-arms.ron").exists());
    harness.get_by_label_contains("Saved “two-arms” to the library");
    drop(harness);

    let mut again = start(dir.path());
    let drawn = again.state().cohorts();
    assert_eq!(drawn.len(), 1, "loaded at start");
    assert_eq!(drawn[0].cohort.provenance.reconstructions.len(), 2);
    again.state_mut().push(Command::ToggleLibrary);
    again.run();
    // In the library and, under the curves' legend entries, in the picture.
    assert!(again.query_all_by_label_contains("reconstructed from Figure 1 of Synthetic 2026").count() >= 2);
    again.get_by_label_contains("Citation: Synthetic A, Figure B.");
    again.get_by_label_contains("Source file: two-arms.png · clock: time since HSCT, in years");
}

#[test]
fn the_digitizer_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path());
    harness.state_mut().push(Command::DigitizeFigurePath(fixture("missing.png")));
    harness.run();
    harness.get_by_label_contains("missing.png: cannot be read");
    set_text(&mut harness, "Figure file", &fixture("two-arms.png").display().to_string());
    click(&mut harness, "Load figure");
    click(&mut harness, "Reconstruct");
    harness.get_by_label("Click the x1 calibration point on the figure.");
    click(&mut harness, "Set x1");
    click_figure(&mut harness, [90.0, 470.0]);
    click_figure(&mut harness, [90.2, 470.0]);
    click_figure(&mut harness, [90.0, 50.0]);
    click_figure(&mut harness, [90.0, 470.0]);
    for (label, value) in [("x1 value", "0"), ("x2 value", "10"), ("y1 value", "1"), ("y2 value", "0")] {
        set_text(&mut harness, label, value);
    }
    click(&mut harness, "Reconstruct");
    harness.get_by_label_contains("the two time (x) calibration points coincide");
    assert!(harness.state().cohorts().is_empty());
}

#[test]
fn clicked_points_can_be_undone_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path());
    harness.state_mut().push(Command::DigitizeFigurePath(fixture("two-arms.png")));
    harness.run();
    click(&mut harness, "Add points");
    for at in [[300.0, 100.0], [200.0, 80.0], [400.0, 120.0]] {
        click_figure(&mut harness, at);
    }
    let points = |h: &Harness<'_, App>| h.state().digitizer().unwrap().curves[0].points.clone();
    assert_eq!(points(&harness), vec![[200.0, 80.0], [300.0, 100.0], [400.0, 120.0]], "kept in time order");
    click(&mut harness, "Delete points");
    click_figure(&mut harness, [300.0, 100.0]);
    assert_eq!(points(&harness).len(), 2);
    click(&mut harness, "Undo");
    assert_eq!(points(&harness).len(), 3);
}

#[test]
fn hiding_and_removing_cohorts_in_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path());
    digitize_two_arms(&mut harness);
    harness.state_mut().push(Command::ToggleLibrary);
    harness.run();
    click(&mut harness, "Show two-arms");
    wait(&mut harness);
    assert!(harness.state().cohorts().is_empty(), "hidden cohorts are not drawn");
    assert_eq!(harness.state().library_cohorts().len(), 1, "but stay in the library");
    drop(harness);

    let mut harness = start(dir.path());
    assert!(harness.state().cohorts().is_empty(), "still hidden after a restart");
    harness.state_mut().push(Command::ToggleLibrary);
    harness.run();
    click(&mut harness, "Remove two-arms…");
    assert_eq!(harness.state().library_cohorts().len(), 1, "nothing removed before confirming");
    click(&mut harness, "Yes, remove");
    wait(&mut harness);
    assert!(harness.state().library_cohorts().is_empty());
    assert!(!dir.path().join("library/cohorts/two-arms.ron").exists());
    assert!(dir.path().join("library/trash/cohorts/two-arms.ron").exists(), "kept in the trash");
    drop(harness);

    // The removal can be undone, after a restart too.
    let mut harness = start(dir.path());
    harness.state_mut().push(Command::ToggleLibrary);
    harness.run();
    click(&mut harness, "Restore two-arms");
    wait(&mut harness);
    common::settle_until(&mut harness, 0, |app| !app.is_busy());
    assert_eq!(harness.state().library_cohorts().len(), 1);
    assert!(dir.path().join("library/cohorts/two-arms.ron").exists(), "back in its folder");
    assert!(!dir.path().join("library/trash/cohorts/two-arms.ron").exists());
}

#[test]
fn a_finding_added_by_hand_joins_the_evidence_and_stays() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path());
    let embedded = harness.state().evidence().cohorts.len();
    harness.state_mut().push(Command::ToggleLibrary);
    harness.run();
    click(&mut harness, "Add a published finding…");
    click(&mut harness, "Add finding");
    harness.get_by_label("The citation is required.");
    set_text(
        &mut harness,
        "Citation (required)",
        "Example A, Other B. Outcomes after transplant. Blood 2022.",
    );
    set_text(&mut harness, "Group", "all transplanted boys");
    set_text(&mut harness, "Patients (n)", "41");
    set_text(&mut harness, "Value (%)", "81");
    set_text(&mut harness, "Time point (years)", "5");
    set_text(&mut harness, "Where in the paper", "Table 2");
    click(&mut harness, "Add finding");
    wait(&mut harness);
    let evidence = harness.state().evidence();
    assert_eq!(evidence.cohorts.len(), embedded + 1);
    let local = evidence.local_cohorts().next().unwrap();
    assert!(local.added.is_some());
    assert_eq!(
        local.findings[0].statement,
        "Overall survival 5 years after HSCT: 81 %; all transplanted boys (n = 41)."
    );
    // Shown in the library and, beside the finding, in the evidence panel.
    assert_eq!(harness.query_all_by_label_contains("added locally by").count(), 2);
    drop(harness);

    let harness = start(dir.path());
    assert_eq!(harness.state().evidence().cohorts.len(), embedded + 1, "kept between runs");
    assert!(harness.state().evidence().version.contains("+local-"));
}

#[test]
fn a_damaged_library_file_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let cohorts = dir.path().join("library/cohorts");
    std::fs::create_dir_all(&cohorts).unwrap();
    std::fs::write(cohorts.join("broken.ron"), "ImportedCohort(version: 2,").unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cohorts/v1-records.ron"),
        cohorts.join("centre.ron"),
    )
    .unwrap();
    let mut harness = start(dir.path());
    assert_eq!(harness.state().cohorts().len(), 1, "the good file loads, a version-1 file included");
    harness.get_by_label_contains("broken.ron: line 1");
    // Listed in the library window with the reason, and can be moved away.
    harness.state_mut().push(Command::ToggleLibrary);
    harness.run();
    assert_eq!(harness.query_all_by_label_contains("broken.ron: line 1").count(), 2, "notice and window");
    click(&mut harness, "Remove broken.ron…");
    click(&mut harness, "Yes, remove");
    common::settle_until(&mut harness, 0, |app| !app.is_busy());
    assert!(!cohorts.join("broken.ron").exists());
    assert!(dir.path().join("library/trash/cohorts/broken.ron").exists(), "kept in the trash");
    harness.get_by_label("Restore broken.ron");
}

#[test]
fn without_a_data_folder_nothing_is_kept() {
    let mut harness = common::harness();
    harness.state_mut().push(Command::LoadCohortPath(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cohorts/v1-reconstructed.ron"),
    ));
    harness.step();
    wait(&mut harness);
    assert_eq!(harness.state().cohorts().len(), 1, "drawn for this session");
    harness.state_mut().push(Command::ToggleLibrary);
    harness.run();
    harness.get_by_label_contains("Not kept between runs");
}

#[test]
fn a_received_cohort_file_is_imported_and_exported() {
    use xhim_aid::io::dialogs::{DialogOutcome, ScriptedDialogs};
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(dir.path());
    harness.state_mut().push(Command::ToggleLibrary);
    harness.run();
    let received = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cohorts/v1-reconstructed.ron");
    set_text(&mut harness, "Cohort file to import", &received.display().to_string());
    click(&mut harness, "Import");
    wait(&mut harness);
    assert_eq!(harness.state().cohorts().len(), 1);
    assert!(dir.path().join("library/cohorts/published-curve.ron").exists(), "kept as a version-2 file");

    let out = dir.path().join("to-share.ron");
    let dialogs =
        ScriptedDialogs { answers: [DialogOutcome::Picked(out.clone())].into(), ..Default::default() };
    harness.state_mut().set_dialogs(Box::new(dialogs));
    click(&mut harness, "Export Published curve…");
    wait(&mut harness);
    let shared = xhim_aid::io::cohort_file::load(&out).unwrap();
    assert_eq!(shared, harness.state().cohorts()[0].cohort);
    assert!(shared.provenance.added.is_some(), "the file says who added it");
}

#[test]
fn a_dropped_figure_opens_the_digitizer() {
    let mut harness = common::harness();
    harness.input_mut().dropped_files.push(common::dropped(fixture("matplotlib-two-arms.png")));
    harness.run();
    harness.get_by_label("matplotlib-two-arms.png: 800 × 600 pixels");
    assert_eq!(harness.state().digitizer().unwrap().info.label, "matplotlib-two-arms");
}

#[test]
fn a_cohort_given_for_this_run_is_not_kept_until_asked() {
    let dir = tempfile::tempdir().unwrap();
    let received = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cohorts/v1-reconstructed.ron");
    let options = StartOptions {
        data_dir: Some(dir.path().to_path_buf()),
        cohorts: vec![received.clone()],
        ..StartOptions::default()
    };
    let mut harness = common::harness_with(options.clone());
    wait(&mut harness);
    common::settle_until(&mut harness, 0, |app| !app.cohorts().is_empty());
    assert_eq!(harness.state().cohorts().len(), 1, "drawn for this run");
    harness.get_by_label_contains("for this run only");
    assert!(!dir.path().join("library/cohorts").exists(), "nothing written");
    drop(harness);

    let harness = start(dir.path());
    assert!(harness.state().cohorts().is_empty(), "gone after a restart without --cohort");
    drop(harness);

    let mut harness = common::harness_with(options);
    common::settle_until(&mut harness, 0, |app| !app.cohorts().is_empty());
    harness.state_mut().push(Command::ToggleLibrary);
    harness.run();
    click(&mut harness, "Keep Published curve in the library");
    wait(&mut harness);
    common::settle_until(&mut harness, 0, |app| !app.is_busy());
    assert!(dir.path().join("library/cohorts/published-curve.ron").exists(), "kept when asked");

    // The same data imported again is said to be there already.
    set_text(&mut harness, "Cohort file to import", &received.display().to_string());
    click(&mut harness, "Import");
    common::settle_until(&mut harness, 0, |app| !app.is_busy());
    harness.get_by_label_contains("is already in the library with the same data");
    assert_eq!(harness.state().library_cohorts().len(), 1);
}
