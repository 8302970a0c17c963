//! Ending on a signal without losing an edit: logout, shutdown and Ctrl+C
//! send SIGTERM, SIGHUP or SIGINT, whose default action ends the process at
//! once, with no recovery copy written and the lock file left behind.
//!
//! [`Termination::watch`] catches them on a thread of its own, records which
//! arrived and wakes the window, whose logic then writes the recovery copy,
//! releases the lock and closes. Should the window not close within
//! [`GRACE`] (its thread stuck on a hung network share, say), or a second
//! signal arrive, the process ends as the signal would have ended it.

use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long the window has to write its copy and close before the process
/// ends anyway.
pub const GRACE: Duration = Duration::from_secs(5);

/// A function that wakes the window (its repaint request).
type Waker = Box<dyn Fn() + Send + Sync>;

/// The signals that ask the app to end, and whether one has arrived.
#[derive(Clone, Default)]
pub struct Termination {
    /// The signal number received; 0 while none has.
    received: Arc<AtomicI32>,
    waker: Arc<Mutex<Option<Waker>>>,
}

impl std::fmt::Debug for Termination {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Termination").field("received", &self.received()).finish_non_exhaustive()
    }
}

impl Termination {
    /// Catches SIGTERM, SIGHUP and SIGINT from now on (Unix; elsewhere
    /// nothing is caught and the platform's default stands).
    ///
    /// # Errors
    /// When the handlers cannot be installed; the app then runs with the
    /// default actions, as before.
    #[cfg(unix)]
    pub fn watch() -> std::io::Result<Self> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let termination = Self::default();
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        let shared = termination.clone();
        std::thread::Builder::new().name("signals".to_owned()).spawn(move || {
            for signal in signals.forever() {
                if shared.received.swap(signal, Ordering::SeqCst) != 0 {
                    // Asked twice: end now.
                    std::process::exit(128 + signal);
                }
                log::warn!("signal {signal} received: keeping unsaved edits for recovery, then closing");
                shared.wake();
                let deadline = shared.clone();
                let _ = std::thread::Builder::new().name("signal-grace".to_owned()).spawn(move || {
                    std::thread::sleep(GRACE);
                    log::error!("the window did not close within {GRACE:?} of signal {signal}; ending");
                    std::process::exit(128 + deadline.received());
                });
            }
        })?;
        Ok(termination)
    }

    /// Catches nothing (platforms without Unix signals).
    #[cfg(not(unix))]
    pub fn watch() -> std::io::Result<Self> {
        Ok(Self::default())
    }

    /// Sets what wakes the window when a signal arrives (its context's
    /// repaint request, once the window exists).
    pub fn set_waker(&self, waker: impl Fn() + Send + Sync + 'static) {
        if let Ok(mut slot) = self.waker.lock() {
            *slot = Some(Box::new(waker));
        }
        // A signal that came before the window existed is not missed.
        if self.received() != 0 {
            self.wake();
        }
    }

    /// The signal received, or 0 while none has.
    pub fn received(&self) -> i32 {
        self.received.load(Ordering::SeqCst)
    }

    /// Records `signal` as received and wakes the window, as the handler
    /// does (tests, and platforms that deliver a close another way).
    pub fn deliver(&self, signal: i32) {
        self.received.store(signal, Ordering::SeqCst);
        self.wake();
    }

    fn wake(&self) {
        if let Ok(slot) = self.waker.lock()
            && let Some(wake) = slot.as_ref()
        {
            wake();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;

    #[test]
    fn a_delivered_signal_is_recorded_and_wakes_the_window() {
        let termination = Termination::default();
        assert_eq!(termination.received(), 0);
        let woken = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&woken);
        termination.set_waker(move || flag.store(true, Ordering::SeqCst));
        assert!(!woken.load(Ordering::SeqCst), "no signal, no wake");
        termination.deliver(15);
        assert_eq!(termination.received(), 15);
        assert!(woken.load(Ordering::SeqCst));
    }

    #[test]
    fn a_signal_before_the_window_exists_wakes_it_once_it_does() {
        let termination = Termination::default();
        termination.deliver(1);
        let woken = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&woken);
        termination.set_waker(move || flag.store(true, Ordering::SeqCst));
        assert!(woken.load(Ordering::SeqCst));
    }
}
