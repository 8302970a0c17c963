//! The one place GUI tests build a harness: fixed size, no storage, no GPU,
//! and a clipboard in memory, so no test touches the desktop's clipboard
//! unless it asks to.

use egui_kittest::Harness;
use xhim_aid::App;
use xhim_aid::app::StartOptions;
use xhim_aid::io::clipboard::MemoryClipboard;

/// The app in a 1400 × 900 window with default options.
#[allow(dead_code, reason = "not every test binary uses every helper")]
pub fn harness() -> Harness<'static, App> {
    harness_with(StartOptions::default())
}

/// The app with the given start options, run to rest.
pub fn harness_with(options: StartOptions) -> Harness<'static, App> {
    let mut harness = unsettled_harness(options);
    // Files given at start are read in the background: wait for them.
    settle(&mut harness);
    harness
}

/// The app with the given start options, not yet stepped: for runs that
/// ask for frame after frame (a screenshot run), which `run` would refuse.
pub fn unsettled_harness(options: StartOptions) -> Harness<'static, App> {
    Harness::builder().with_size(egui::vec2(1400.0, 900.0)).build_eframe(move |cc| {
        let mut app = App::new(cc, options);
        app.set_clipboard(Box::new(MemoryClipboard::default()));
        app
    })
}

/// Gives the app an empty clipboard in memory; the returned clone reads
/// what the app copies.
#[allow(dead_code, reason = "not every test binary uses every helper")]
pub fn fake_clipboard(harness: &mut Harness<'_, App>) -> MemoryClipboard {
    let clipboard = MemoryClipboard::default();
    harness.state_mut().set_clipboard(Box::new(clipboard.clone()));
    clipboard
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
        if frame >= min_frames && done(harness.state()) && !harness.state().is_busy() {
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
