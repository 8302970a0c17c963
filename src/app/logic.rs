//! The app's logic pass: commands, background work, recovery copies, the
//! lock's refresh, the close guard and termination signals.
//!
//! eframe calls [`eframe::App::logic`] before every layout pass, and only
//! it while the window is covered, hidden or minimised; so everything that
//! must go on then lives here, is timed by [`Clock`] (egui's input time
//! stands still while nothing is drawn), and reads no input events (they
//! are the last shown frame's while nothing is drawn).

use std::time::{Duration, Instant};

use super::App;
use crate::command::Command;

/// The time the timed work goes by: the monotonic clock, which tests may
/// stop, and move on to play a long session in an instant.
#[derive(Debug, Default)]
pub(super) struct Clock {
    stopped_at: Option<Instant>,
    offset: Duration,
}

impl Clock {
    /// Now, as the timed work sees it.
    pub(super) fn now(&self) -> Instant {
        self.stopped_at.unwrap_or_else(Instant::now) + self.offset
    }
}

impl App {
    /// One logic pass.
    pub(super) fn logic_step(&mut self, ctx: &egui::Context) {
        if self.termination_step(ctx) {
            return;
        }
        self.close_guard(ctx);
        self.run_commands(ctx);
        self.poll_opening(ctx);
        self.poll_save_check(ctx);
        self.poll_background(ctx);
        self.poll_cohort_loads(ctx);
        self.poll_handout(ctx);
        self.recovery_step(ctx);
        self.refresh_lock_if_due(ctx);
    }

    /// Moves the app's clock on by `by`, as if that much time had passed:
    /// tests play the timed work of a long session (recovery copies, lock
    /// refreshes) without waiting for it.
    pub fn advance_clock(&mut self, by: Duration) {
        self.clock.offset += by;
    }

    /// Stops the app's clock where it is, so that only
    /// [`Self::advance_clock`] moves it: a test on a slow machine then sees
    /// the same timed work as on a fast one.
    pub fn stop_clock(&mut self) {
        self.clock.stopped_at.get_or_insert_with(Instant::now);
    }

    /// The window was asked to close (its close button, the window manager,
    /// a minimised window's menu): with edits unsaved it stays and asks,
    /// shown and focused so the question is seen.
    fn close_guard(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.work.save.is_some() {
            // Finish writing first; the close follows the save.
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.work.after_save = Some(Command::Quit);
        } else if self.file.dirty {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.windows.confirm = Some(Command::Quit);
            if ctx.input(|i| i.viewport().minimized == Some(true)) {
                ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
            ctx.request_repaint();
        }
    }

    /// A termination signal (logout, shutdown, Ctrl+C) arrived: the edits
    /// are copied for recovery at once, the lock is released and the window
    /// closes without asking, since nobody is there to answer. Returns
    /// whether the window is closing for that reason.
    fn termination_step(&mut self, ctx: &egui::Context) -> bool {
        let Some(signal) = self.termination.as_ref().map(crate::io::signals::Termination::received) else {
            return false;
        };
        if signal == 0 {
            return false;
        }
        if !self.allow_close {
            log::warn!("closing on signal {signal}");
            if self.file.dirty {
                self.recovery_now();
            } else {
                self.recovery_closing();
            }
            // Dropping the lock removes its file.
            self.file.shared.forget();
            self.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        true
    }

    /// The signal that closed the window, if one did (`main` exits with
    /// the status the signal would have given).
    pub fn closed_by_signal(&self) -> Option<i32> {
        self.termination.as_ref().map(crate::io::signals::Termination::received).filter(|s| *s != 0)
    }
}
