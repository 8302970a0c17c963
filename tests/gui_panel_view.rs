//! Panels large enough to read: any panel can be enlarged to the whole
//! central area and back (button, Escape), a screen reader hears each plot
//! by its title and clock with a pointer to the text alternative, and a
//! digitized curve's legend says where it was reconstructed from.

mod common;

use std::path::Path;

use egui_kittest::kittest::Queryable;
use xhim_aid::app::StartOptions;
use xhim_aid::ui::panel_view::all_panels;

#[test]
fn a_panel_is_enlarged_and_given_back() {
    let cohort = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cohorts/v1-reconstructed.ron");
    let mut harness = common::harness_with(StartOptions { cohorts: vec![cohort], ..StartOptions::default() });
    common::settle_until(&mut harness, 0, |app| !app.cohorts().is_empty());
    harness.run();
    // Each plot is named for a screen reader, with where its values are in words.
    let named = harness.query_all_by_label_contains("Plot: ").count();
    assert!(named >= 3, "{named} plots named");
    harness.get_by_label_contains("Plot: Survival after HSCT; x: Years since HSCT");
    harness.get_by_label_contains("reconstructed from a digitized curve (curve.csv) (RMSE 0.009)");

    let plot_height = |h: &egui_kittest::Harness<'_, xhim_aid::App>| {
        h.get_by_label_contains("Plot: Survival after HSCT").rect().height()
    };
    let small = plot_height(&harness);
    harness.get_by_label("Enlarge Survival after HSCT").click();
    harness.run();
    assert_eq!(harness.query_all_by_label_contains("Plot: ").count(), 1, "the others wait");
    let large = plot_height(&harness);
    assert!(large > 1.8 * small, "{small} → {large}");
    harness.get_by_label(&all_panels());

    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.query_all_by_label_contains("Plot: ").count(), named, "Escape gives them back");
    harness.get_by_label("Enlarge Survival after HSCT").click();
    harness.run();
    harness.get_by_label(&all_panels()).click();
    harness.run();
    assert_eq!(harness.query_all_by_label_contains("Plot: ").count(), named, "and so does the button");
}
