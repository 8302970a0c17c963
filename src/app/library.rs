//! The evidence library in the window: every cohort built, imported or
//! digitized is kept (when the app has a data folder) and drawn while shown;
//! findings added by hand join the evidence. Changes to the folder run in
//! order on a background thread; the window never waits for the disk.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

mod window;

use super::App;
use crate::io::jobs::Job;
use crate::io::library::Library;
use crate::model::cohort::{FittedCohort, ImportedCohort};
use crate::model::evidence::local::{FindingField, LocalFindingForm};
use crate::model::evidence::{Cohort, Evidence, LocalAddition};
use crate::ui::library_ui::{LibraryView, Removal};

/// One change to the library folder.
#[derive(Debug)]
enum Change {
    Cohort { file: String, cohort: Box<ImportedCohort> },
    RemoveCohort(String),
    Hidden(Vec<String>),
    Finding { file: String, cohort: Box<Cohort> },
    RemoveFinding(String),
    Export { path: PathBuf, cohort: Box<ImportedCohort> },
}

/// A cohort in the library.
#[derive(Clone, Debug)]
struct Entry {
    /// Its file in the library folder (`None` with no data folder, or for
    /// this run only).
    file: Option<String>,
    fitted: FittedCohort,
    shown: bool,
    /// Drawn for this run only, not kept (the command line's `--cohort`).
    session: bool,
}

/// What became of a cohort asked to be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Kept {
    /// Kept under this label.
    New(String),
    /// The same data was already there, under this label; it is shown.
    Already(String),
}

/// A hand-added finding in the library.
#[derive(Clone, Debug)]
struct LocalEntry {
    file: Option<String>,
    cohort: Cohort,
}

/// The library as the app holds it.
pub(super) struct LibraryState {
    store: Option<Library>,
    /// The evidence shipped with the app.
    embedded: Evidence,
    entries: Vec<Entry>,
    local: Vec<LocalEntry>,
    queue: Vec<Change>,
    running: Option<Job<Vec<String>>>,
    open: bool,
    view: LibraryView,
    finding_form: Option<(LocalFindingForm, Vec<(FindingField, String)>)>,
    export_index: Option<usize>,
}

impl LibraryState {
    /// Loads the library of a data folder (none: nothing is kept between
    /// runs). Returns the messages for files that could not be read.
    pub(super) fn start(data_dir: Option<&Path>, embedded: Evidence) -> (Self, Vec<String>) {
        let store = data_dir.map(Library::in_data_dir);
        let contents = store.as_ref().map(Library::load).unwrap_or_default();
        let mut problems = contents.problems;
        let entries = contents
            .cohorts
            .into_iter()
            .filter_map(|s| match FittedCohort::new(s.cohort) {
                Ok(fitted) => Some(Entry { file: Some(s.file), fitted, shown: s.shown, session: false }),
                Err(e) => {
                    problems.push(format!("Library: {}: {e} (not loaded)", s.file));
                    None
                }
            })
            .collect();
        let local = contents
            .findings
            .into_iter()
            .map(|f| LocalEntry { file: Some(f.file), cohort: f.cohort })
            .collect();
        let folder = store.as_ref().map_or_else(
            || "Not kept between runs: this window has no data folder.".to_owned(),
            |s| format!("Kept in {}", s.root().display()),
        );
        let state = Self {
            store,
            embedded,
            entries,
            local,
            queue: Vec::new(),
            running: None,
            open: false,
            view: LibraryView { folder, ..LibraryView::default() },
            finding_form: None,
            export_index: None,
        };
        (state, problems)
    }

    /// The cohorts to draw.
    pub(super) fn shown(&self) -> Vec<FittedCohort> {
        self.entries.iter().filter(|e| e.shown).map(|e| e.fitted.clone()).collect()
    }

    /// The embedded evidence plus the findings added by hand.
    pub(super) fn evidence(&self) -> Result<Evidence, String> {
        let local = self.local.iter().map(|l| l.cohort.clone()).collect();
        self.embedded.clone().with_local(local).map_err(|e| e.to_string())
    }

    /// Whether changes are still being written.
    pub(super) fn is_busy(&self) -> bool {
        self.running.is_some() || !self.queue.is_empty()
    }

    fn hidden(&self) -> Vec<String> {
        self.entries.iter().filter(|e| !e.shown && !e.session).filter_map(|e| e.file.clone()).collect()
    }

    fn files(&self) -> Vec<&str> {
        self.entries.iter().filter_map(|e| e.file.as_deref()).collect()
    }
}

/// Today as `YYYY-MM-DD` (UTC).
fn today() -> String {
    crate::io::patient_file::utc_timestamp(SystemTime::now()).chars().take(10).collect()
}

/// Two cohorts hold the same data, whoever added them.
fn same_data(a: &ImportedCohort, b: &ImportedCohort) -> bool {
    let mut a = a.clone();
    a.provenance.added.clone_from(&b.provenance.added);
    a == *b
}

impl App {
    /// The library's cohorts with whether each is drawn.
    pub fn library_cohorts(&self) -> Vec<(&ImportedCohort, bool)> {
        self.library.entries.iter().map(|e| (&e.fitted.cohort, e.shown)).collect()
    }

    /// The library's hand-added findings.
    pub fn local_findings(&self) -> Vec<&Cohort> {
        self.library.local.iter().map(|l| &l.cohort).collect()
    }

    /// The evidence the app shows: embedded, then added by hand.
    pub fn evidence(&self) -> &Evidence {
        &self.evidence
    }

    pub(super) fn added_now(&self) -> LocalAddition {
        LocalAddition { by: self.prefs.saved_by(), on: today() }
    }

    /// Keeps a cohort in the library and draws it. Identical data already
    /// there is shown again rather than kept twice (and said so); a label
    /// already used gets a number, so no legend is ambiguous.
    pub(super) fn keep_cohort(&mut self, fitted: FittedCohort) -> Kept {
        let same = self.library.entries.iter().position(|e| same_data(&e.fitted.cohort, &fitted.cohort));
        if let Some(i) = same
            && let Some(e) = self.library.entries.get_mut(i)
        {
            e.shown = true;
            let label = e.fitted.cohort.label.clone();
            if e.session {
                self.keep_for_good(i);
                return Kept::New(label);
            }
            let hidden = self.library.hidden();
            self.library.queue.push(Change::Hidden(hidden));
            self.library_changed();
            return Kept::Already(label);
        }
        Kept::New(self.add_entry(fitted, false))
    }

    /// Draws a cohort for this run only; nothing is written. Identical data
    /// already in the library is shown instead.
    pub(super) fn show_for_this_run(&mut self, fitted: FittedCohort) -> String {
        if let Some(e) = self.library.entries.iter_mut().find(|e| same_data(&e.fitted.cohort, &fitted.cohort))
        {
            e.shown = true;
            let label = e.fitted.cohort.label.clone();
            self.library_changed();
            return label;
        }
        self.add_entry(fitted, true)
    }

    /// Keeps a cohort drawn for this run in the library from now on.
    fn keep_for_good(&mut self, i: usize) {
        let Some(label) = self.library.entries.get(i).map(|e| e.fitted.cohort.label.clone()) else { return };
        let file = self.library.store.as_ref().map(|s| s.new_cohort_file(&label, &self.library.files()));
        let added = self.added_now();
        if let Some(e) = self.library.entries.get_mut(i).filter(|e| e.session) {
            e.session = false;
            e.file.clone_from(&file);
            if e.fitted.cohort.provenance.added.is_none() {
                e.fitted.cohort.provenance.added = Some(added);
            }
            if let Some(file) = file {
                let cohort = Box::new(e.fitted.cohort.clone());
                self.library.queue.push(Change::Cohort { file, cohort });
            }
        }
        self.library_changed();
    }

    fn add_entry(&mut self, mut fitted: FittedCohort, session: bool) -> String {
        let cohort = &mut fitted.cohort;
        let base = cohort.label.clone();
        let mut k = 2;
        while self.library.entries.iter().any(|e| e.fitted.cohort.label == cohort.label) {
            cohort.label = format!("{base} ({k})");
            k += 1;
        }
        if session {
            let label = cohort.label.clone();
            self.library.entries.push(Entry { file: None, fitted, shown: true, session });
            self.library_changed();
            return label;
        }
        if cohort.provenance.added.is_none() {
            cohort.provenance.added = Some(self.added_now());
        }
        let file =
            self.library.store.as_ref().map(|s| s.new_cohort_file(&cohort.label, &self.library.files()));
        if let Some(file) = &file {
            self.library.queue.push(Change::Cohort { file: file.clone(), cohort: Box::new(cohort.clone()) });
        }
        let label = cohort.label.clone();
        self.library.entries.push(Entry { file, fitted, shown: true, session });
        self.library_changed();
        label
    }

    /// Draws only the shown cohorts and uses the current local findings.
    fn library_changed(&mut self) {
        self.cohorts = std::sync::Arc::new(self.library.shown());
        match self.library.evidence() {
            Ok(evidence) => self.evidence = evidence,
            Err(e) => self.notify(format!("A finding added by hand could not be used: {e}"), true),
        }
        self.refresh_views();
    }

    /// Hides every cohort; they stay in the library.
    pub(super) fn hide_all_cohorts(&mut self) {
        for e in &mut self.library.entries {
            e.shown = false;
        }
        let hidden = self.library.hidden();
        self.library.queue.push(Change::Hidden(hidden));
        self.library_changed();
        self.notify("Cohorts hidden; they stay in the library (View > Evidence library…).".to_owned(), false);
    }

    pub(super) fn toggle_library(&mut self) {
        self.library.open = !self.library.open;
    }

    /// The export dialog chose a path.
    pub(super) fn export_chosen(&mut self, path: PathBuf) {
        if let Some(i) = self.library.export_index.take() {
            self.export_cohort(i, path);
        }
    }

    fn export_cohort(&mut self, i: usize, path: PathBuf) {
        let path = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
            path
        } else {
            path.with_extension("ron")
        };
        if let Some(e) = self.library.entries.get(i) {
            let cohort = Box::new(e.fitted.cohort.clone());
            self.library.queue.push(Change::Export { path, cohort });
            self.library.view.export = None;
        }
    }

    fn remove(&mut self, what: Removal) {
        match what {
            Removal::Cohort(i) if i < self.library.entries.len() => {
                let e = self.library.entries.remove(i);
                if let Some(file) = e.file {
                    self.library.queue.push(Change::RemoveCohort(file));
                }
                self.notify(format!("Removed “{}” from the library.", e.fitted.cohort.label), false);
            }
            Removal::Finding(i) if i < self.library.local.len() => {
                let l = self.library.local.remove(i);
                if let Some(file) = l.file {
                    self.library.queue.push(Change::RemoveFinding(file));
                }
                self.notify(format!("Removed the finding from {}.", l.cohort.label), false);
            }
            _ => {}
        }
        self.library_changed();
    }

    /// Keeps a hand-added finding and adds it to the evidence.
    pub(super) fn keep_finding(&mut self, cohort: Cohort) {
        let taken: Vec<&str> = self.library.local.iter().filter_map(|l| l.file.as_deref()).collect();
        let file = self.library.store.as_ref().map(|s| s.new_finding_file(&cohort.id, &taken));
        if let Some(file) = &file {
            self.library.queue.push(Change::Finding { file: file.clone(), cohort: Box::new(cohort.clone()) });
        }
        let label = cohort.label.clone();
        self.library.local.push(LocalEntry { file, cohort });
        self.library_changed();
        self.notify(format!("Added a finding from {label}, marked as added locally."), false);
    }

    /// Starts the queued changes (one batch at a time, in order) and
    /// reports finished ones.
    fn library_writes(&mut self, ctx: &egui::Context) {
        if let Some(messages) = self.library.running.as_ref().and_then(Job::poll) {
            self.library.running = None;
            for m in messages {
                self.notify(m, true);
            }
        }
        if self.library.running.is_some() || self.library.queue.is_empty() {
            return;
        }
        let batch = std::mem::take(&mut self.library.queue);
        let store = self.library.store.clone();
        let job = Job::spawn("library-write", "Writing the library".to_owned(), ctx, move || {
            batch.into_iter().filter_map(|change| apply(store.as_ref(), change).err()).collect()
        });
        self.library.running = Some(job);
    }
}

/// Carries out one change; the message says what failed.
fn apply(store: Option<&Library>, change: Change) -> Result<(), String> {
    let kept = |r: Result<(), crate::io::library::LibraryError>, what: &str| {
        r.map_err(|e| format!("{what} could not be kept in the library: {e}"))
    };
    match (store, change) {
        (_, Change::Export { path, cohort }) => crate::io::cohort_file::save(&path, &cohort)
            .map_err(|e| format!("The cohort file could not be exported: {e}")),
        (None, _) => Ok(()),
        (Some(s), Change::Cohort { file, cohort }) => kept(s.write_cohort(&file, &cohort), &cohort.label),
        (Some(s), Change::RemoveCohort(file)) => kept(s.remove_cohort(&file), &file),
        (Some(s), Change::Hidden(hidden)) => kept(s.write_hidden(&hidden), "Which cohorts are shown"),
        (Some(s), Change::Finding { file, cohort }) => kept(s.write_finding(&file, &cohort), &cohort.label),
        (Some(s), Change::RemoveFinding(file)) => kept(s.remove_finding(&file), &file),
    }
}
