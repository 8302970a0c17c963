//! An idle window is idle: with the cursor in a text field and nothing
//! changing, the app asks for no further frame. (egui's blinking cursor
//! would repaint the whole window twice a second, which on the software
//! renderers of virtual clinic desktops kept a quarter of a core busy.)

mod common;

use std::sync::{Arc, Mutex};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use xhim_aid::App;
use xhim_aid::app::StartOptions;
use xhim_aid::ui::patient_panel::labels;

/// The harness turns the blink off for its own snapshots once the app is
/// built, so the style is read as the app leaves it, before that.
#[test]
fn the_app_turns_the_text_cursor_blink_off_in_both_themes() {
    assert!(
        egui::Context::default().style_of(egui::Theme::Light).visuals.text_cursor.blink,
        "egui blinks unless told"
    );
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    let _harness = Harness::builder().build_eframe(move |cc| {
        let app = App::new(cc, StartOptions::default());
        for theme in [egui::Theme::Dark, egui::Theme::Light] {
            record.lock().unwrap().push(cc.egui_ctx.style_of(theme).visuals.text_cursor.blink);
        }
        app
    });
    assert_eq!(*seen.lock().unwrap(), [false, false]);
}

/// Nothing else (a recovery timer, a busy indicator) asks for frames while
/// a field has the cursor and nothing changes.
#[test]
fn a_focused_age_field_asks_for_no_frames() {
    let mut harness = common::harness();
    harness.get_by_label(&labels::age_years()).click();
    harness.run();
    assert!(harness.ctx.memory(egui::Memory::focused).is_some(), "the age field has the cursor");
    harness.step();
    let delay = harness.output().viewport_output.get(&egui::ViewportId::ROOT).unwrap().repaint_delay;
    assert_eq!(delay, std::time::Duration::MAX, "a frame was asked for {delay:?} ahead");
}
