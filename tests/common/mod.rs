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
    // Files given at start are read in the background: wait for them.
    settle(&mut harness);
    harness
}

/// Steps until `done` holds and no background work (a save, an export, a
/// cohort load) is under way, then runs to rest; fails the test after 10
/// seconds. The first `min_frames` frames are always stepped: a click or a
/// dialog may start the work a frame later. (`run` alone would give up
/// while the busy indicator asks for frames.)
#[allow(dead_code, reason = "not every test binary uses every helper")]
pub fn settle_until(harness: &mut Harness<'_, App>, min_frames: usize, done: impl Fn(&App) -> bool) {
    for frame in 0..2000 {
        harness.step();
        if frame >= min_frames && done(harness.state()) && !harness.state().is_saving() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("background work did not finish");
}

/// [`settle_until`] with nothing more to wait for.
#[allow(dead_code, reason = "not every test binary uses every helper")]
pub fn settle(harness: &mut Harness<'_, App>) {
    settle_until(harness, 3, |_| true);
}

/// A file dropped on the window, as the windowing layer reports it.
#[allow(dead_code, reason = "not every test binary uses every helper")]
pub fn dropped(path: impl Into<std::path::PathBuf>) -> std::sync::Arc<dyn egui::DroppedFile + Send + Sync> {
    #[derive(Debug)]
    struct Dropped(std::path::PathBuf);

    impl egui::DroppedFile for Dropped {
        fn path(&self) -> &std::path::Path {
            &self.0
        }
        fn bytes(&self) -> Result<Vec<u8>, String> {
            std::fs::read(&self.0).map_err(|e| e.to_string())
        }
    }
    std::sync::Arc::new(Dropped(path.into()))
}
