//! Native file dialogs: the only module that calls rfd.
//!
//! Dialogs are built on the UI thread (macOS requires it) and awaited on a
//! named background thread, so the window keeps painting while one is open.
//! The app talks to [`Dialogs`], so tests substitute a fake that answers at
//! once.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::model::l10n::{self, Lang};

/// What a dialog produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogOutcome {
    /// The user chose this path.
    Picked(PathBuf),
    /// The user cancelled.
    Cancelled,
    /// No dialog could be shown (no desktop portal or zenity): the app offers
    /// its own path field instead.
    Unavailable,
}

/// Which dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogKind {
    /// Choose a patient file to open.
    OpenPatient,
    /// Choose where to save a patient file; the proposed path (folder and
    /// a file name that is free there, unless it is the file's own).
    SavePatient(String),
    /// Choose where to write a report; the suggested file name.
    SaveReport(String),
    /// Choose where to write the family handout; the suggested file name.
    SaveHandout(String),
    /// Choose a CSV file to import; `at_risk` when it is the numbers-at-risk
    /// table of a digitized curve.
    OpenCsv {
        /// Which field the path goes to.
        at_risk: bool,
    },
    /// Choose a cohort file (RON) made by import or `xhim-aid cohort build`.
    OpenCohort,
    /// Choose a figure image (PNG or JPEG) to digitize.
    OpenFigure,
    /// Choose where to export a cohort file; the suggested file name.
    ExportCohort(String),
}

/// A dialog in progress; poll it once per frame.
#[derive(Debug)]
pub struct PendingDialog {
    /// What was asked, so the app knows what to do with the answer.
    pub kind: DialogKind,
    rx: mpsc::Receiver<DialogOutcome>,
}

impl PendingDialog {
    /// A dialog that answers through `rx`.
    pub fn new(kind: DialogKind, rx: mpsc::Receiver<DialogOutcome>) -> Self {
        Self { kind, rx }
    }

    /// The outcome, once the dialog has closed.
    pub fn poll(&self) -> Option<DialogOutcome> {
        match self.rx.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(mpsc::TryRecvError::Empty) => None,
            // The dialog thread died without answering: treat as unavailable.
            Err(mpsc::TryRecvError::Disconnected) => Some(DialogOutcome::Unavailable),
        }
    }
}

/// Shows file dialogs.
pub trait Dialogs {
    /// Starts a dialog titled in `lang`; `ctx` is asked to repaint when it
    /// closes.
    fn show(&mut self, kind: DialogKind, lang: Lang, ctx: &egui::Context) -> PendingDialog;
}

/// rfd's native dialogs.
#[derive(Debug, Default)]
pub struct NativeDialogs;

/// A dialog that "closes" faster than this without a choice was never
/// shown: rfd returns `None` at once when no backend is available.
const TOO_FAST_FOR_A_PERSON: Duration = Duration::from_millis(400);

impl Dialogs for NativeDialogs {
    fn show(&mut self, kind: DialogKind, lang: Lang, ctx: &egui::Context) -> PendingDialog {
        let t = |id: &str| l10n::text(lang, id, &[]);
        type Pick = std::pin::Pin<Box<dyn std::future::Future<Output = Option<rfd::FileHandle>> + Send>>;
        let dialog = rfd::AsyncFileDialog::new();
        let future: Pick = match &kind {
            DialogKind::OpenPatient => Box::pin(
                dialog
                    .set_title(t("dialog-title-open-patient"))
                    .add_filter(t("dialog-filter-patient"), &["ron"])
                    .pick_file(),
            ),
            DialogKind::SavePatient(proposed) => {
                let proposed = std::path::Path::new(proposed);
                let name =
                    proposed.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let dialog = match proposed.parent().filter(|p| p.is_dir()) {
                    Some(folder) => dialog.set_directory(folder),
                    None => dialog,
                };
                Box::pin(
                    dialog
                        .set_title(t("dialog-title-save-patient"))
                        .add_filter(t("dialog-filter-patient"), &["ron"])
                        .set_file_name(name)
                        .save_file(),
                )
            }
            DialogKind::SaveReport(name) => Box::pin(
                dialog
                    .set_title(t("dialog-title-export-report"))
                    .add_filter(t("dialog-filter-pdf"), &["pdf"])
                    .set_file_name(name.clone())
                    .save_file(),
            ),
            DialogKind::SaveHandout(name) => Box::pin(
                dialog
                    .set_title(t("dialog-title-export-handout"))
                    .add_filter(t("dialog-filter-pdf"), &["pdf"])
                    .set_file_name(name.clone())
                    .save_file(),
            ),
            DialogKind::OpenCsv { .. } => Box::pin(
                dialog
                    .set_title(t("dialog-title-import-csv"))
                    .add_filter(t("dialog-filter-csv"), &["csv", "txt"])
                    .pick_file(),
            ),
            DialogKind::OpenCohort => Box::pin(
                dialog
                    .set_title(t("dialog-title-load-cohort"))
                    .add_filter(t("dialog-filter-cohort"), &["ron"])
                    .pick_file(),
            ),
            DialogKind::OpenFigure => Box::pin(
                dialog
                    .set_title(t("dialog-title-digitize"))
                    .add_filter(t("dialog-filter-figure"), &["png", "jpg", "jpeg"])
                    .pick_file(),
            ),
            DialogKind::ExportCohort(name) => Box::pin(
                dialog
                    .set_title(t("dialog-title-export-cohort"))
                    .add_filter(t("dialog-filter-cohort"), &["ron"])
                    .set_file_name(name.clone())
                    .save_file(),
            ),
        };
        let (tx, rx) = mpsc::channel();
        let repaint = ctx.clone();
        let started = Instant::now();
        let spawned = std::thread::Builder::new().name("file-dialog".to_owned()).spawn(move || {
            let outcome = match pollster::block_on(future) {
                Some(handle) => DialogOutcome::Picked(handle.path().to_path_buf()),
                None if started.elapsed() < TOO_FAST_FOR_A_PERSON => DialogOutcome::Unavailable,
                None => DialogOutcome::Cancelled,
            };
            // The receiver may be gone if the app closed; nothing to do then.
            let _ = tx.send(outcome);
            repaint.request_repaint();
        });
        if spawned.is_err() {
            log::error!("could not start the file dialog thread");
        }
        PendingDialog::new(kind, rx)
    }
}

/// A fake for tests: answers every dialog with the next queued outcome.
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    /// Outcomes to give, in order; `Cancelled` once empty.
    pub answers: std::collections::VecDeque<DialogOutcome>,
    /// Dialogs that were asked for.
    pub asked: Vec<DialogKind>,
}

impl Dialogs for ScriptedDialogs {
    fn show(&mut self, kind: DialogKind, _lang: Lang, _ctx: &egui::Context) -> PendingDialog {
        let (tx, rx) = mpsc::channel();
        let _ = tx.send(self.answers.pop_front().unwrap_or(DialogOutcome::Cancelled));
        self.asked.push(kind.clone());
        PendingDialog::new(kind, rx)
    }
}
