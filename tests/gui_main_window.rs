//! The main window as a user meets it: type an age, tick a condition, read the
//! status line and the highlighted findings.

mod common;

use egui_kittest::kittest::Queryable;
use xhim_aid::ui::evidence_panel::match_prefix;
use xhim_aid::ui::patient_panel::labels;

fn set_text(harness: &mut egui_kittest::Harness<'_, xhim_aid::App>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn opens_with_evidence_and_disclaimer() {
    let harness = common::harness();
    harness.get_by_label_contains("not a substitute for clinical judgement");
    harness.get_by_label("Cohorts side by side");
    assert!(harness.get_all_by_label("Japan 2015").count() >= 2, "cohort table and comparisons");
    // Shown where the studies disagree and again among the findings.
    assert_eq!(
        harness
            .get_all_by_label_contains("No difference in overall survival with versus without HCT")
            .count(),
        2
    );
    // A new patient has no age: he is not placed as a newborn.
    harness.get_by_label(&xhim_aid::model::status::enter_an_age());
    assert!(harness.query_by_label_contains("Inside the ≤5-year window").is_none());
    assert_eq!(harness.state().patient().age_months(), None);
}

#[test]
fn a_planned_conditioning_is_recorded_and_matched_to_ebmt() {
    let mut harness = common::harness();
    set_text(&mut harness, &labels::age_years(), "3");
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, &labels::conditioning()).click();
    harness.run();
    harness.get_by_label("Reduced intensity").click();
    harness.run();
    assert_eq!(
        harness.state().patient().conditioning,
        xhim_aid::model::patient::Conditioning::ReducedIntensity
    );
    // EBMT 2019's donor and time-from-diagnosis findings both speak of it.
    assert_eq!(
        harness.get_all_by_label_contains("His planned conditioning is reduced intensity.").count(),
        2
    );
}

#[test]
fn typing_an_age_moves_the_status() {
    let mut harness = common::harness();
    set_text(&mut harness, &labels::age_years(), "3");
    set_text(&mut harness, &labels::age_months(), "4");
    harness
        .get_by_label_contains("Inside the ≤5-year window: 2 years 8 months remain before his 6th birthday");
    assert_eq!(harness.state().patient().age_months(), Some(40));

    set_text(&mut harness, &labels::age_years(), "9");
    set_text(&mut harness, &labels::age_months(), "0");
    harness.get_by_label_contains("Past the ≤5-year window");
    harness.get_by_label_contains("EBMT 2019 (n = 130): better outcomes in children <10 years at HSCT");
}

#[test]
fn bad_age_shows_a_message_not_a_panic() {
    let mut harness = common::harness();
    set_text(&mut harness, &labels::age_years(), "abc");
    harness.get_by_label("Age (years): “abc” is not a whole number.");
    harness.get_by_label(&xhim_aid::model::status::correct_the_form());

    set_text(&mut harness, &labels::age_years(), "-4");
    harness.get_by_label("Age cannot be negative.");
    set_text(&mut harness, &labels::age_years(), "81");
    harness.get_by_label_contains("above 80 years");
}

#[test]
fn ticking_sclerosing_cholangitis_highlights_its_findings() {
    let mut harness = common::harness();
    set_text(&mut harness, &labels::age_years(), "6");
    assert!(harness.query_by_label_contains("He has sclerosing cholangitis").is_none());
    harness.get_by_label("Sclerosing cholangitis").click();
    harness.run();
    let highlighted = harness.get_all_by_label_contains(&match_prefix()).count();
    assert!(highlighted >= 3, "{highlighted}");
    // The status line names it with EBMT's finding; the evidence panel
    // highlights EBMT's most important risk factor and the 2017 hazard ratio.
    harness.get_by_label_contains(
        "His conditions that studies report as risk factors: Sclerosing cholangitis — EBMT 2019 (n = 130): \
         sclerosing cholangitis was the most important risk factor",
    );
    assert_eq!(
        harness
            .get_all_by_label_contains("sclerosing cholangitis was the most important risk factor")
            .count(),
        2
    );
    harness.get_by_label_contains(
        "Liver disease was a significant predictor of overall survival (hazard ratio 4.9; 95 % confidence \
         limits 2.2–10.8",
    );
    assert!(harness.get_all_by_label_contains("He has sclerosing cholangitis.").count() >= 2);
}

#[test]
fn no_directive_anywhere() {
    let mut harness = common::harness();
    for years in ["0", "4", "7", "15"] {
        set_text(&mut harness, &labels::age_years(), years);
        assert!(harness.query_by_label_contains("ransplant now").is_none());
        assert!(harness.query_by_label_contains("should").is_none());
    }
}
