//! The one-shot screenshot for smoke tests and the README: wait until the
//! files asked for are read and the layout has settled, capture, close; any
//! error shown before then fails the run instead.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use super::App;

/// A one-shot screenshot for smoke tests and the README.
#[derive(Clone, Debug)]
pub struct ScreenshotRequest {
    /// Where to write the PNG.
    pub out: PathBuf,
    /// Filled in when the PNG is written (or failed), read by `main`.
    pub outcome: Arc<Mutex<Option<Result<(), String>>>>,
}

#[derive(Debug)]
pub(super) struct ScreenshotJob {
    request: ScreenshotRequest,
    frames: u32,
    requested: bool,
    /// When the run started waiting, on the app's clock.
    started: Option<std::time::Instant>,
}

impl ScreenshotJob {
    /// A screenshot still to be taken.
    pub(super) fn new(request: ScreenshotRequest) -> Self {
        Self { request, frames: 0, requested: false, started: None }
    }
}

/// Frames to wait before capturing, so fonts and layout have settled.
const SCREENSHOT_FRAMES: u32 = 3;

/// How long a screenshot run waits for its files: a file that never answers
/// (a FIFO, a hung network share) fails the run instead of hanging a CI job
/// or a script until it is killed.
pub const SCREENSHOT_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

impl App {
    /// Drives the one-shot screenshot: wait a few frames, capture, close.
    pub(super) fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else { return };
        // An error shown before the picture is taken (a patient or cohort
        // file that could not be opened) fails the run: a picture of the
        // error is not what was asked for.
        let problems: Vec<&str> =
            self.notifications.iter().filter(|n| n.is_error).map(|n| n.text.as_str()).collect();
        if !job.requested
            && !problems.is_empty()
            && let Ok(mut slot) = job.request.outcome.lock()
        {
            slot.get_or_insert_with(|| Err(format!("no screenshot was written: {}", problems.join(" "))));
        }
        let done = job.request.outcome.lock().map(|o| o.is_some()).unwrap_or(true);
        if done {
            self.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        // The picture is taken once the patient file and every cohort asked
        // for have been read.
        let reading =
            !self.work.cohort_loads.is_empty() || self.work.opening.is_some() || !self.commands.is_empty();
        let now = self.clock.now();
        let waited = now.saturating_duration_since(*job.started.get_or_insert(now));
        if reading && !job.requested {
            if waited >= SCREENSHOT_WAIT {
                let what = match &self.work.opening {
                    Some(opening) => format!("{} did not answer", opening.path.display()),
                    None => "the cohort files were still being read".to_owned(),
                };
                if let Ok(mut slot) = job.request.outcome.lock() {
                    slot.get_or_insert_with(|| {
                        Err(format!(
                            "no screenshot was written: {what} after {} s",
                            SCREENSHOT_WAIT.as_secs()
                        ))
                    });
                }
                ctx.request_repaint();
                return;
            }
            // Wake up at the limit even if the file never answers.
            ctx.request_repaint_after(SCREENSHOT_WAIT - waited);
        }
        job.frames = if reading { 0 } else { job.frames + 1 };
        if job.frames >= SCREENSHOT_FRAMES && !job.requested {
            job.requested = true;
            let out = job.request.out.clone();
            let outcome = Arc::clone(&job.request.outcome);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                let result = save_png(&out, &image);
                if let Ok(mut slot) = outcome.lock() {
                    *slot = Some(result);
                }
                repaint.request_repaint();
            });
        }
        // Only the screenshot mode asks for frames without input; while a
        // file is read, its job wakes the window when it is done.
        if !reading {
            ctx.request_repaint();
        }
    }
}

fn save_png(out: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(egui::Color32::to_array).collect();
    let (w, h) = (u32::try_from(w).map_err(|e| e.to_string())?, u32::try_from(h).map_err(|e| e.to_string())?);
    crate::io::figure_image::write_png(out, &bytes, w, h)
}
