//! The one place GUI tests build a harness: fixed size, no storage, no GPU.

use egui_kittest::Harness;
use xhim_aid::App;
use xhim_aid::app::StartOptions;

/// The app in a 1400 × 900 window with default options.
#[allow(dead_code, reason = "not every test binary uses every helper")]
pub fn harness() -> Harness<'static, App> {
    harness_with(StartOptions::default())
}

/// The app with the given start options.
pub fn harness_with(options: StartOptions) -> Harness<'static, App> {
    let mut harness =
        Harness::builder().with_size(egui::vec2(1400.0, 900.0)).build_eframe(move |cc| App::new(cc, options));
    harness.run();
    harness
}
