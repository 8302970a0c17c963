//! The family consultation as a counselor runs it, and keyboard and zoom
//! access for everyone.

mod common;

use std::path::Path;

use egui_kittest::kittest::Queryable;
use xhim_aid::app::StartOptions;
use xhim_aid::command::Command;
use xhim_aid::io::dialogs::{DialogOutcome, ScriptedDialogs};
use xhim_aid::ui::family_ui::{EXPORT_BUTTON, INHERITANCE_BUTTON};
use xhim_aid::ui::menu::FAMILY_VIEW;
use xhim_aid::ui::patient_panel::labels;
use xhim_aid::ui::theme::ViewMode;

fn example(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples").join(name)
}

#[test]
fn family_view_shows_sentences_icon_arrays_and_inheritance() {
    let mut harness = common::harness_with(StartOptions {
        open: Some(example("young-boy-in-window.ron")),
        ..StartOptions::default()
    });
    harness.get_by_label(FAMILY_VIEW).click();
    harness.run();
    assert_eq!(harness.state().prefs().view, ViewMode::Family, "remembered in preferences");

    harness.get_by_label_contains("In the Japan 2015 study of 56 boys");
    harness.get_by_label_contains(
        "Of every 100 boys who did not have a transplant, about 28 were alive at age 40",
    );
    // Four pictures, each out of 100, each with its uncertainty in words.
    let arrays = harness.get_all_by_label_contains("Icon array: Of every 100 boys").count();
    assert_eq!(arrays, 4);
    harness
        .get_by_label_contains("Icon array: Of every 100 boys, about 78 were alive 5 years after transplant");
    harness.get_by_label_contains("They are not directly comparable");
    // Risks are shown as well as benefits; no p-values, no directive.
    harness.get_by_label_contains("died within those 5 years");
    assert!(harness.query_by_label_contains("P = ").is_none());
    assert!(harness.query_by_label_contains("should").is_none());

    harness.get_by_label("Squares").click();
    harness.run();
    assert_eq!(harness.state().prefs().icons, xhim_aid::model::family::IconStyle::Abstract);

    harness.get_by_label(INHERITANCE_BUTTON).click();
    harness.run();
    harness.get_by_label_contains("Each son has a 1 in 2 chance");
    assert!(harness.get_all_by_label("Son: has the condition").count() >= 1);
    harness
        .get_by_label_contains("Carrier testing and prenatal options are discussed with the genetics team");
}

#[test]
fn handout_is_exported_in_two_clicks() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("handout.pdf");
    let mut harness = common::harness_with(StartOptions {
        open: Some(example("older-boy-sclerosing-cholangitis.ron")),
        ..StartOptions::default()
    });
    let mut dialogs = ScriptedDialogs::default();
    dialogs.answers.push_back(DialogOutcome::Picked(out.clone()));
    harness.state_mut().set_dialogs(Box::new(dialogs));
    harness.state_mut().push(Command::SetView(ViewMode::Family));
    harness.run();
    harness.get_by_label(EXPORT_BUTTON).click(); // click 1; the dialog's Save is click 2
    for _ in 0..1000 {
        harness.step();
        if out.exists() && !harness.state().is_saving() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{e}: {:?}", harness.state().notifications()));
    assert!(bytes.starts_with(b"%PDF-"));
    harness.run();
    harness.get_by_label_contains("Report written to");
}

/// Accessible names of every patient input, in form order.
const INPUTS: [&str; 11] = [
    "Years and months",
    "From dates",
    labels::AGE_YEARS,
    labels::AGE_MONTHS,
    labels::DX_KNOWN,
    "None",
    "Planned",
    "Done",
    "Liver disease",
    "Neutropenia",
    labels::DONOR,
];

#[test]
fn keyboard_alone_reaches_every_patient_input() {
    let mut harness = common::harness();
    // Show the conditional fields too.
    harness.get_by_label(labels::DX_KNOWN).click();
    harness.run();
    let mut reached = std::collections::BTreeSet::new();
    let mut all: Vec<&str> = INPUTS.to_vec();
    all.extend([labels::DX_YEARS, labels::DX_MONTHS, labels::NOTE]);
    for _ in 0..120 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        for label in &all {
            if harness.query_all_by_label(label).any(|n| n.is_focused()) {
                reached.insert(*label);
            }
        }
    }
    let missing: Vec<_> = all.iter().filter(|l| !reached.contains(*l)).collect();
    assert!(missing.is_empty(), "not reachable by Tab: {missing:?}");
}

#[test]
fn every_input_has_an_accessible_name() {
    let harness = common::harness();
    for label in INPUTS {
        assert!(harness.query_all_by_label(label).count() >= 1, "no input named {label}");
    }
    for c in xhim_aid::model::patient::Condition::ALL {
        harness.get_by_label(c.label());
    }
}

#[test]
fn layout_survives_double_zoom() {
    let mut harness =
        egui_kittest::Harness::builder().with_size(egui::vec2(1400.0, 900.0)).build_eframe(|cc| {
            cc.egui_ctx.set_zoom_factor(2.0);
            xhim_aid::App::new(cc, StartOptions::default())
        });
    harness.run();
    // Still usable at 200 %: the status line and the inputs are there and work.
    harness.get_by_label_contains("Inside the ≤5-year window");
    harness.get_by_label(labels::AGE_YEARS).click();
    harness.run();
    harness.get_by_label(labels::AGE_YEARS).type_text("7");
    harness.run();
    harness.get_by_label_contains("Past the ≤5-year window");
    harness.state_mut().push(Command::SetView(ViewMode::Family));
    harness.run();
    harness.get_by_label_contains("Out of 100 boys");
}

#[test]
fn theme_choice_is_kept() {
    let mut harness = common::harness();
    harness.state_mut().push(Command::SetTheme(xhim_aid::ui::theme::ThemeChoice::Light));
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    harness.state_mut().push(Command::SetTheme(xhim_aid::ui::theme::ThemeChoice::Dark));
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
    assert_eq!(harness.state().prefs().theme, xhim_aid::ui::theme::ThemeChoice::Dark);
}
