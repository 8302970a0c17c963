//! The picture and the status as a clinician uses them: the panels found by
//! their titles, a legend click hiding a series, the shortcuts the menus
//! advertise, "Copy summary", and cohorts loaded together keeping their
//! order.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

mod common;

use std::path::{Path, PathBuf};
use xhim_aid::model::l10n::Lang;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use xhim_aid::App;
use xhim_aid::app::StartOptions;
use xhim_aid::command::SHORTCUTS;
use xhim_aid::io::dialogs::{DialogOutcome, ScriptedDialogs};
use xhim_aid::model::figure::{PanelId, SeriesId};
use xhim_aid::ui::figure_ui::is_hidden;
use xhim_aid::ui::status::copy_summary;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples").join(name)
}

fn open(name: &str) -> Harness<'static, App> {
    common::harness_with(StartOptions { open: Some(example(name)), ..StartOptions::default() })
}

#[test]
fn the_panels_are_found_by_their_titles() {
    let harness = open("young-boy-in-window.ron");
    for title in
        ["Survival by age", "Liver disease by age", "Survival after HSCT", "Survival since diagnosis"]
    {
        harness.get_by_label(title);
    }
    let figure = harness.state().figure();
    assert_eq!(figure.panels.len(), 4, "every clock has its panel");
    harness.get_by_label("OS 5 y after HSCT, all ages at HSCT (EBMT 2019, n = 130)");
    assert_eq!(
        harness.get_all_by_label("HSCT at ≤5 years (Japan 2015, n = 14 vs 15)").count(),
        2,
        "both age panels"
    );
}

#[test]
fn a_legend_click_hides_and_shows_a_series() {
    let mut harness = open("young-boy-in-window.ron");
    let os = SeriesId::Finding { cohort: "ebmt-2019".into(), finding: "os-5y".into() };
    let hidden = |h: &Harness<'_, App>| is_hidden(&h.ctx, PanelId::AfterHsct, &os);
    assert!(!hidden(&harness));
    harness.get_by_label("OS 5 y after HSCT, all ages at HSCT (EBMT 2019, n = 130)").click();
    harness.run();
    assert!(hidden(&harness));
    harness.get_by_label("OS 5 y after HSCT, all ages at HSCT (EBMT 2019, n = 130)").click();
    harness.run();
    assert!(!hidden(&harness));
}

#[test]
fn copy_summary_puts_the_clinical_summary_on_the_clipboard() {
    let mut harness = open("older-boy-sclerosing-cholangitis.ron");
    let clipboard = common::fake_clipboard(&mut harness);
    harness.get_by_label(&copy_summary(Lang::En)).click();
    // The click pushes the command; the next logic pass runs it.
    harness.run();
    let text = &clipboard.text().unwrap();
    assert_eq!(*text, harness.state().summary_text());
    assert!(text.replace('\n', " ").contains("Sclerosing cholangitis — EBMT 2019 (n = 130)"), "{text}");
    assert!(!text.contains("Fictional example"), "the note is never copied");
}

/// Presses every shortcut the menus advertise and checks its command ran.
#[test]
fn every_advertised_shortcut_works() {
    let dir = tempfile::tempdir().unwrap();
    let young = dir.path().join("young.ron");
    std::fs::copy(example("young-boy-in-window.ron"), &young).unwrap();
    let saved_as = dir.path().join("copy.xhim.ron");
    let report = dir.path().join("r.pdf");
    let mut harness = common::harness();
    let clipboard = common::fake_clipboard(&mut harness);
    harness.state_mut().set_dialogs(Box::new(ScriptedDialogs {
        answers: [
            DialogOutcome::Picked(young.clone()),
            DialogOutcome::Picked(saved_as.clone()),
            DialogOutcome::Picked(report.clone()),
        ]
        .into(),
        ..ScriptedDialogs::default()
    }));
    // Dialogs answer and saves land on other threads: step a while.
    let press = |h: &mut Harness<'_, App>, m, k| {
        h.key_press_modifiers(m, k);
        common::settle_until(h, 20, |_| true);
    };
    use xhim_aid::command::Command as C;
    // In the order the scripted dialogs answer.
    let order = [C::Open, C::SaveAs, C::Save, C::ExportReport, C::CopySummary, C::Close, C::New, C::Quit];
    let mut listed: Vec<&C> = SHORTCUTS.iter().map(|(c, _, _)| c).collect();
    listed.sort_by_key(|c| format!("{c:?}"));
    let mut ordered: Vec<&C> = order.iter().collect();
    ordered.sort_by_key(|c| format!("{c:?}"));
    assert_eq!(listed, ordered, "every shortcut is pressed below");
    let mut pressed = Vec::new();
    for command in &order {
        let (_, modifiers, key) = SHORTCUTS.iter().find(|(c, _, _)| c == command).unwrap();
        pressed.push(command.clone());
        press(&mut harness, *modifiers, *key);
        let app = harness.state();
        match command {
            C::Open => assert_eq!(app.patient().age_months(), Some(40), "Ctrl+O opened the file"),
            C::SaveAs => assert!(saved_as.exists(), "Ctrl+Shift+S saved a copy"),
            C::Save => assert!(!app.is_dirty()),
            C::ExportReport => {
                assert!(std::fs::read(&report).unwrap().starts_with(b"%PDF-"), "Ctrl+P wrote the report");
            }
            C::CopySummary => {
                assert_eq!(clipboard.text(), Some(app.summary_text()), "Ctrl+Shift+C copied the summary");
            }
            C::Close => assert_eq!(app.path(), None, "Ctrl+W closed the file"),
            C::New => assert_eq!(app.patient(), &xhim_aid::model::patient::Patient::default()),
            C::Quit => assert!(app.is_closing(), "Ctrl+Q closes the window"),
            other => panic!("{other:?} has a shortcut but no check here"),
        }
    }
    assert_eq!(pressed.len(), SHORTCUTS.len());
    // egui's own zoom shortcuts, advertised in the View menu.
    let before = harness.ctx.zoom_factor();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    harness.run();
    assert!(harness.ctx.zoom_factor() > before);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    harness.run();
    assert!((harness.ctx.zoom_factor() - 1.0).abs() < 1e-6);
}

#[test]
fn at_double_zoom_the_picture_keeps_the_width_and_the_evidence_opens_on_request() {
    let mut harness = open("older-boy-sclerosing-cholangitis.ron");
    harness.ctx.set_zoom_factor(2.0);
    harness.run();
    harness.get_by_label("Survival by age");
    assert!(harness.query_by_label("Cohorts side by side").is_none(), "the evidence waits to be asked for");
    harness.get_by_label(&xhim_aid::ui::status::show_evidence(Lang::En)).click();
    harness.run();
    harness.get_by_label("Cohorts side by side");
    harness.get_by_label(&xhim_aid::ui::status::hide_evidence(Lang::En)).click();
    harness.run();
    assert!(harness.query_by_label("Cohorts side by side").is_none());
}

/// Writes a cohort file of `records` generated records (the times need not
/// mean anything here) and returns its path.
fn generated_cohort(dir: &Path, label: &str, records: usize) -> PathBuf {
    let mut csv = String::from("years,died\n");
    for i in 0..records {
        csv.push_str(&format!("{},{}\n", (i % 997) as f64 / 50.0 + 0.01, u8::from(i % 3 != 0)));
    }
    let cohort = xhim_aid::io::cohort_file::from_records(
        &csv,
        "generated.csv",
        ("years", "died", None),
        label,
        xhim_aid::model::clock::Clock::Age,
        xhim_aid::model::cohort::TimeUnit::Years,
    )
    .unwrap();
    let path = dir.join(format!("{label}.ron"));
    xhim_aid::io::cohort_file::save(&path, &cohort).unwrap();
    path
}

#[test]
fn cohorts_loaded_together_keep_the_order_they_were_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    // The large file takes longer to load than the small one after it.
    let large = generated_cohort(dir.path(), "Large", 30_000);
    let small = generated_cohort(dir.path(), "Small", 10);
    let mut harness =
        common::harness_with(StartOptions { cohorts: vec![large, small], ..StartOptions::default() });
    common::settle(&mut harness);
    let labels: Vec<&str> = harness.state().cohorts().iter().map(|c| c.cohort.label.as_str()).collect();
    assert_eq!(labels, ["Large", "Small"]);
}
