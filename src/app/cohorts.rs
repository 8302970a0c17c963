//! Importing a centre's own cohort data and loading cohort files as layers.

use std::path::Path;

use super::library::Kept;
use super::{App, txt};
use crate::io::cohort_file::{self, DigitizedInput};
use crate::io::dialogs::DialogKind;
use crate::io::jobs::Job;
use crate::model::cohort::{FittedCohort, ImportedCohort};
use crate::model::survival::csv_header;
use crate::ui::import_ui::{self, CsvSlot, ImportAction, ImportForm, ImportKind};

/// Largest CSV read for import (bytes).
const MAX_CSV_BYTES: u64 = 256 * 1024 * 1024;

impl App {
    /// Loads a cohort file made by import or the command line. Reading and
    /// fitting a large registry take a while, so they run in the background
    /// and the footer says so; the window stays responsive.
    pub(super) fn load_cohort(&mut self, path: &Path, keep: bool, ctx: &egui::Context) {
        let path = path.to_path_buf();
        let label = self.say("msg-loading-cohort", &[("file", txt(crate::io::file_name(&path)))]);
        let job = Job::spawn("load-cohort", label, ctx, move || {
            cohort_file::load(&path).map_err(|e| e.to_string()).and_then(FittedCohort::new)
        });
        self.work.cohort_loads.push((keep, job));
    }

    /// Takes in the cohorts whose loading has finished, in the order they
    /// were asked for: a small file loaded after a large one waits for it,
    /// so the legend, the tables and the report list cohorts the same way
    /// on every run.
    pub(super) fn poll_cohort_loads(&mut self, ctx: &egui::Context) {
        let mut finished = Vec::new();
        while let Some(result) = self.work.cohort_loads.first().and_then(|(_, job)| job.poll()) {
            let (keep, _) = self.work.cohort_loads.remove(0);
            finished.push((keep, result));
        }
        for (keep, result) in finished {
            ctx.request_repaint();
            match result {
                Ok(fitted) if keep => {
                    let message = match self.keep_cohort(fitted) {
                        Kept::New(label) => self.say("msg-cohort-loaded", &[("label", txt(label))]),
                        Kept::Already(label) => self.say("msg-cohort-already", &[("label", txt(label))]),
                    };
                    self.notify(message, false);
                }
                Ok(fitted) => {
                    let label = self.show_for_this_run(fitted);
                    self.notify(self.say("msg-cohort-this-run", &[("label", txt(label))]), false);
                }
                Err(e) => self.notify(self.say("msg-cohort-load-failed", &[("error", txt(e))]), true),
            }
        }
    }

    /// What is loading now, for the footer.
    pub(super) fn loading_labels(&self) -> Vec<&str> {
        self.work.cohort_loads.iter().map(|(_, j)| j.label.as_str()).collect()
    }

    /// Builds a cohort from the import form's files.
    pub fn import_from_form(&mut self, form: &ImportForm) -> Result<ImportedCohort, String> {
        let main = read_csv(&form.main_path)?;
        let main_name = file_name(&form.main_path);
        let cohort = match form.kind {
            ImportKind::Records => {
                if form.time_col.is_empty() || form.event_col.is_empty() {
                    return Err(crate::model::l10n::en("import-choose-columns", &[]));
                }
                cohort_file::from_records(
                    &main,
                    &main_name,
                    (&form.time_col, &form.event_col, form.group_col.as_deref()),
                    &form.label,
                    form.origin,
                    form.unit,
                )
            }
            ImportKind::Digitized => {
                let risk = read_csv(&form.at_risk_path)?;
                let total_events = match form.total_events.trim() {
                    "" => None,
                    t => Some(t.parse::<usize>().map_err(|_| {
                        crate::model::l10n::en(
                            "import-events-not-whole",
                            &[("value", crate::model::l10n::Arg::Text(t.to_owned()))],
                        )
                    })?),
                };
                let input = DigitizedInput {
                    curve: (&main_name, &main),
                    at_risk: (&file_name(&form.at_risk_path), &risk),
                    total_events,
                };
                cohort_file::from_digitized(input, &form.label, form.origin, form.unit)
            }
        };
        cohort.map_err(|e| e.to_string())
    }

    /// A CSV chosen in the dialog goes into the import form.
    pub(super) fn csv_chosen(&mut self, at_risk: bool, path: &Path) {
        if let Some(form) = &mut self.windows.import_form {
            let text = path.display().to_string();
            if at_risk {
                form.at_risk_path = text;
            } else {
                form.main_path = text;
                read_columns(form);
            }
        }
    }

    pub(super) fn import_window(&mut self, ctx: &egui::Context) {
        let Some(form) = &mut self.windows.import_form else { return };
        let action = import_ui::import_ui(ctx, form);
        if action != ImportAction::None {
            ctx.request_repaint();
        }
        match action {
            ImportAction::None => {}
            ImportAction::Close => self.windows.import_form = None,
            ImportAction::ReadColumns => read_columns(form),
            ImportAction::Browse(slot) => {
                self.ask(DialogKind::OpenCsv { at_risk: slot == CsvSlot::AtRisk }, ctx);
            }
            ImportAction::Import => {
                let form = form.clone();
                match self.import_from_form(&form).and_then(FittedCohort::new) {
                    Ok(fitted) => {
                        self.windows.import_form = None;
                        let message = match self.keep_cohort(fitted) {
                            Kept::New(label) => self.say("msg-cohort-imported", &[("label", txt(label))]),
                            Kept::Already(label) => self.say("msg-cohort-already", &[("label", txt(label))]),
                        };
                        self.notify(message, false);
                    }
                    Err(e) => {
                        if let Some(f) = &mut self.windows.import_form {
                            f.error = Some(e);
                        }
                    }
                }
            }
        }
    }
}

fn read_columns(form: &mut ImportForm) {
    match read_csv(&form.main_path).and_then(|text| csv_header(&text).map_err(|e| e.to_string())) {
        Ok(columns) => {
            let guess = |words: &[&str]| {
                columns
                    .iter()
                    .find(|c| words.iter().any(|w| c.to_lowercase().contains(w)))
                    .cloned()
                    .unwrap_or_default()
            };
            form.time_col = guess(&["time", "year", "month", "follow"]);
            form.event_col = guess(&["event", "status", "died", "death", "dead"]);
            form.columns = columns;
            form.error = None;
        }
        Err(e) => form.error = Some(format!("{}: {e}", file_name(&form.main_path))),
    }
}

fn read_csv(path: &str) -> Result<String, String> {
    let path = path.trim();
    if path.is_empty() {
        return Err(crate::model::l10n::en("import-choose-file", &[]));
    }
    let name = file_name(path);
    let size = std::fs::metadata(path).map_err(|e| format!("{name}: cannot be read: {e}"))?.len();
    if size > MAX_CSV_BYTES {
        return Err(format!("{name}: larger than {MAX_CSV_BYTES} bytes"));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot be read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("{name}: not UTF-8 text ({e})"))
}

fn file_name(path: &str) -> String {
    crate::io::file_name(Path::new(path.trim()))
}
