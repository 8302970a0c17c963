//! Work that must not block a frame (saving, exporting) runs on a named
//! thread; the app polls the result once per frame.

use std::sync::mpsc;

/// A background job producing `T`.
#[derive(Debug)]
pub struct Job<T> {
    /// What the job does, for messages ("Saving young-boy.ron").
    pub label: String,
    rx: mpsc::Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a thread named `name` and asks `ctx` to repaint when it
    /// finishes. If no thread can be started the work runs here, so it is
    /// never lost.
    pub fn spawn(
        name: &str,
        label: String,
        ctx: &egui::Context,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Self {
        let (tx, rx) = mpsc::channel();
        let repaint = ctx.clone();
        let work = std::sync::Arc::new(std::sync::Mutex::new(Some(work)));
        let in_thread = std::sync::Arc::clone(&work);
        let tx_thread = tx.clone();
        let spawned = std::thread::Builder::new().name(name.to_owned()).spawn(move || {
            if let Some(work) = in_thread.lock().ok().and_then(|mut w| w.take()) {
                let _ = tx_thread.send(work());
            }
            repaint.request_repaint();
        });
        if spawned.is_err()
            && let Some(work) = work.lock().ok().and_then(|mut w| w.take())
        {
            let _ = tx.send(work());
        }
        Self { label, rx }
    }

    /// The result, once the job has finished.
    pub fn poll(&self) -> Option<T> {
        self.rx.try_recv().ok()
    }

    /// Waits for the result (used when the app is closing).
    pub fn wait(self) -> Option<T> {
        self.rx.recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_delivers_its_result() {
        let ctx = egui::Context::default();
        let job = Job::spawn("test-job", "adding".to_owned(), &ctx, || 2 + 2);
        assert_eq!(job.label, "adding");
        assert_eq!(job.wait(), Some(4));
    }
}
