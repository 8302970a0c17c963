//! The evidence library in the window: every cohort built, imported or
//! digitized is kept (when the app has a data folder) and drawn while shown;
//! findings added by hand join the evidence. Changes to the folder run in
//! order on a background thread; the window never waits for the disk.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

mod window;

use super::{App, txt};
use crate::io::jobs::Job;
use crate::io::library::{Damaged, Kind, Library};
use crate::model::cohort::{FittedCohort, ImportedCohort};
use crate::model::evidence::local::{FindingField, LocalFindingForm};
use crate::model::evidence::{Cohort, Evidence, LocalAddition};
use crate::model::l10n::{self, Arg, Lang};
use crate::ui::library_ui::{LibraryView, Removal};

/// One change to the library folder.
#[derive(Debug)]
enum Change {
    Cohort { file: String, cohort: Box<ImportedCohort> },
    Hidden(Vec<String>),
    Finding { file: String, cohort: Box<Cohort> },
    Trash { kind: Kind, file: String, trash_file: String },
    Restore { kind: Kind, trash_file: String, file: String },
    Export { path: PathBuf, cohort: Box<ImportedCohort> },
}

/// A file in the trash folder, and what comes back if it is restored.
#[derive(Clone, Debug)]
struct TrashItem {
    kind: Kind,
    /// Its name in the trash folder.
    file: String,
    /// What the window calls it.
    label: String,
    content: Restorable,
}

/// What a restored file becomes.
#[derive(Clone, Debug)]
enum Restorable {
    Cohort(Box<Entry>),
    Finding(Box<LocalEntry>),
    /// A file that could not be read, with the reason.
    Damaged(String),
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
    /// Library files that could not be read.
    damaged: Vec<Damaged>,
    /// Files removed in the app (this run or before), newest last.
    trash: Vec<TrashItem>,
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
        let trash = contents
            .trash
            .into_iter()
            .map(|t| {
                let fitted = t.cohort.map(FittedCohort::new).and_then(Result::ok);
                let (label, content) = match fitted {
                    Some(fitted) => (
                        fitted.cohort.label.clone(),
                        Restorable::Cohort(Box::new(Entry {
                            file: None,
                            fitted,
                            shown: true,
                            session: false,
                        })),
                    ),
                    // Findings and unreadable files come back as files; the
                    // next start reads them.
                    None => {
                        (t.file.clone(), Restorable::Damaged("restored; read at the next start".to_owned()))
                    }
                };
                TrashItem { kind: t.kind, file: t.file, label, content }
            })
            .collect();
        let folder = store.as_ref().map_or_else(
            || l10n::en("library-not-kept", &[]),
            |s| l10n::en("library-kept-in", &[("folder", Arg::Text(s.root().display().to_string()))]),
        );
        let state = Self {
            store,
            embedded,
            entries,
            local,
            damaged: contents.damaged,
            trash,
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

    /// Names in use in a folder of the library, as the app knows them.
    fn taken(&self, kind: Kind) -> Vec<&str> {
        let damaged = self.damaged.iter().filter(|d| d.kind == kind).map(|d| d.file.as_str());
        match kind {
            Kind::Cohort => self.files().into_iter().chain(damaged).collect(),
            Kind::Finding => self.local.iter().filter_map(|l| l.file.as_deref()).chain(damaged).collect(),
        }
    }

    /// Moves a library file to the trash, to be restored from `content`.
    fn move_to_trash(&mut self, kind: Kind, file: String, label: String, content: Restorable) {
        let Some(store) = &self.store else { return };
        let in_trash: Vec<&str> =
            self.trash.iter().filter(|t| t.kind == kind).map(|t| t.file.as_str()).collect();
        let trash_file = store.trash_name(kind, &file, &in_trash);
        self.queue.push(Change::Trash { kind, file, trash_file: trash_file.clone() });
        self.trash.push(TrashItem { kind, file: trash_file, label, content });
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
            Err(e) => self.notify(self.say("msg-finding-unusable", &[("error", txt(e))]), true),
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
        self.notify(self.say("msg-cohorts-hidden", &[]), false);
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
        let lang = self.prefs.menu_lang;
        let say = |id: &str, label: &str| crate::model::l10n::text(lang, id, &[("label", txt(label))]);
        let lib = &mut self.library;
        let message = match what {
            Removal::Cohort(i) if i < lib.entries.len() => {
                let mut e = lib.entries.remove(i);
                let label = e.fitted.cohort.label.clone();
                if let Some(file) = e.file.take() {
                    e.shown = true;
                    lib.move_to_trash(Kind::Cohort, file, label.clone(), Restorable::Cohort(Box::new(e)));
                    say("msg-cohort-trashed", &label)
                } else {
                    say("msg-cohort-removed", &label)
                }
            }
            Removal::Finding(i) if i < lib.local.len() => {
                let mut l = lib.local.remove(i);
                let label = l.cohort.label.clone();
                if let Some(file) = l.file.take() {
                    lib.move_to_trash(Kind::Finding, file, label.clone(), Restorable::Finding(Box::new(l)));
                    say("msg-finding-trashed", &label)
                } else {
                    say("msg-finding-removed", &label)
                }
            }
            Removal::Damaged(i) if i < lib.damaged.len() => {
                let d = lib.damaged.remove(i);
                let message =
                    crate::model::l10n::text(lang, "msg-damaged-trashed", &[("file", txt(&d.file))]);
                lib.move_to_trash(d.kind, d.file.clone(), d.file, Restorable::Damaged(d.reason));
                message
            }
            _ => return,
        };
        self.notify(message, false);
        self.library_changed();
    }

    /// Brings a file back from the trash, under a free name.
    fn restore_from_trash(&mut self, index: usize) {
        let lib = &mut self.library;
        if index >= lib.trash.len() {
            return;
        }
        let item = lib.trash.remove(index);
        let Some(store) = &lib.store else { return };
        let file = store.restore_name(item.kind, &item.file, &lib.taken(item.kind));
        lib.queue.push(Change::Restore { kind: item.kind, trash_file: item.file, file: file.clone() });
        match item.content {
            Restorable::Cohort(mut e) => {
                e.file = Some(file);
                lib.entries.push(*e);
            }
            Restorable::Finding(mut l) => {
                l.file = Some(file);
                lib.local.push(*l);
            }
            Restorable::Damaged(reason) => lib.damaged.push(Damaged { kind: item.kind, file, reason }),
        }
        let hidden = lib.hidden();
        lib.queue.push(Change::Hidden(hidden));
        self.notify(self.say("msg-restored-from-trash", &[("label", txt(&item.label))]), false);
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
        self.notify(self.say("msg-finding-added", &[("label", txt(label))]), false);
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
        let lang = self.prefs.menu_lang;
        let label = self.say("msg-job-library", &[]);
        let job = Job::spawn("library-write", label, ctx, move || {
            batch.into_iter().filter_map(|change| apply(store.as_ref(), change, lang).err()).collect()
        });
        self.library.running = Some(job);
    }
}

/// Carries out one change; the message says in `lang` what failed.
fn apply(store: Option<&Library>, change: Change, lang: Lang) -> Result<(), String> {
    use crate::io::library::LibraryError;
    let say = |id: &str, file: &str, error: String| {
        l10n::text(
            lang,
            id,
            &[
                ("what", Arg::Text(file.to_owned())),
                ("file", Arg::Text(file.to_owned())),
                ("error", Arg::Text(error)),
            ],
        )
    };
    let kept = |r: Result<(), LibraryError>, what: &str| {
        r.map_err(|e| say("msg-library-not-kept", what, e.message(lang)))
    };
    match (store, change) {
        (_, Change::Export { path, cohort }) => crate::io::cohort_file::save(&path, &cohort)
            .map_err(|e| say("msg-library-export-failed", "", e.to_string())),
        (None, _) => Ok(()),
        (Some(s), Change::Cohort { file, cohort }) => kept(s.write_cohort(&file, &cohort), &cohort.label),
        (Some(s), Change::Trash { kind, file, trash_file }) => s
            .trash(kind, &file, &trash_file)
            .map_err(|e| say("msg-library-trash-failed", &file, e.message(lang))),
        (Some(s), Change::Restore { kind, trash_file, file }) => s
            .restore(kind, &trash_file, &file)
            .map_err(|e| say("msg-library-restore-failed", &trash_file, e.message(lang))),
        (Some(s), Change::Hidden(hidden)) => {
            s.write_hidden(&hidden).map_err(|e| say("msg-library-shown-not-kept", "", e.message(lang)))
        }
        (Some(s), Change::Finding { file, cohort }) => kept(s.write_finding(&file, &cohort), &cohort.label),
    }
}
