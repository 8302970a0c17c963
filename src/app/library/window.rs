//! The library window: the cohorts and hand-added findings kept in the
//! data folder, shown, hidden, exported or removed, and the form that adds a
//! finding by hand. What the window asks for is carried out by
//! [`super`].

use std::path::{Path, PathBuf};

use super::{App, Change};
use crate::app::txt;
use crate::io::dialogs::DialogKind;
use crate::model::cohort::ImportedCohort;
use crate::model::evidence::LocalAddition;
use crate::model::evidence::local::{LocalFindingForm, local_cohort};
use crate::ui::library_ui::{self, CohortRow, FindingAction, FindingRow, LibraryAction};

impl App {
    /// Draws the library window and the finding form, and runs the writes.
    pub(in crate::app) fn library_window(&mut self, ctx: &egui::Context) {
        self.library_writes(ctx);
        self.finding_form(ctx);
        if !self.library.open {
            return;
        }
        let lib = &mut self.library;
        lib.view.cohorts = lib
            .entries
            .iter()
            .map(|e| CohortRow { session: e.session, ..cohort_row(&e.fitted.cohort, e.shown) })
            .collect();
        lib.view.findings = lib
            .local
            .iter()
            .map(|l| FindingRow {
                statement: l.cohort.findings.first().map_or_else(String::new, |f| f.statement.clone()),
                source: format!(
                    "{} — {}",
                    l.cohort.label,
                    l.cohort.added.as_ref().map_or_else(String::new, LocalAddition::describe)
                ),
            })
            .collect();
        lib.view.damaged = lib.damaged.iter().map(|d| (d.file.clone(), d.reason.clone())).collect();
        lib.view.trash = lib.trash.iter().map(|t| t.label.clone()).collect();
        let mut open = lib.open;
        let action = library_ui::library_ui(ctx, &mut open, &mut lib.view);
        self.library.open = open;
        if action != LibraryAction::None {
            ctx.request_repaint();
        }
        self.library_action(action, ctx);
    }

    fn library_action(&mut self, action: LibraryAction, ctx: &egui::Context) {
        match action {
            LibraryAction::None => {}
            LibraryAction::SetShown(i, shown) => {
                if let Some(e) = self.library.entries.get_mut(i) {
                    e.shown = shown;
                }
                let hidden = self.library.hidden();
                self.library.queue.push(Change::Hidden(hidden));
                self.library_changed();
            }
            LibraryAction::Keep(i) => {
                if self.library.store.is_none() {
                    self.notify(self.say("msg-no-data-folder", &[]), true);
                } else {
                    self.keep_for_good(i);
                }
            }
            LibraryAction::Restore(i) => self.restore_from_trash(i),
            LibraryAction::AskRemove(what) => self.library.view.confirm = Some(what),
            LibraryAction::CancelRemove => self.library.view.confirm = None,
            LibraryAction::ConfirmRemove(what) => {
                self.library.view.confirm = None;
                self.remove(what);
            }
            LibraryAction::Export(i) => {
                let name = self.library.entries.get(i).map_or_else(String::new, |e| {
                    e.file.clone().unwrap_or_else(|| format!("{}.ron", e.fitted.cohort.label))
                });
                self.library.export_index = Some(i);
                self.library.view.export = Some((i, name.clone()));
                self.ask(DialogKind::ExportCohort(name), ctx);
            }
            LibraryAction::ExportTo(i, path) => {
                if path.trim().is_empty() {
                    self.notify(self.say("msg-type-export-path", &[]), true);
                } else if Path::new(path.trim()).is_relative() {
                    // A bare name would land in whatever folder the app was started from.
                    self.notify(self.say("msg-not-full-path", &[("path", txt(path.trim()))]), true);
                } else {
                    self.export_cohort(i, PathBuf::from(path.trim()));
                }
            }
            LibraryAction::Import(path) => {
                if path.trim().is_empty() {
                    self.notify(self.say("msg-type-cohort-path", &[]), true);
                } else {
                    self.load_cohort(Path::new(path.trim()), true, ctx);
                }
            }
            LibraryAction::BrowseImport => self.ask(DialogKind::OpenCohort, ctx),
            LibraryAction::AddFinding => {
                self.library.finding_form.get_or_insert_with(|| (LocalFindingForm::default(), Vec::new()));
            }
        }
    }

    fn finding_form(&mut self, ctx: &egui::Context) {
        let Some((form, problems)) = &mut self.library.finding_form else { return };
        let action = library_ui::finding_form_ui(ctx, form, problems);
        if action != FindingAction::None {
            ctx.request_repaint();
        }
        match action {
            FindingAction::None => {}
            FindingAction::Cancel => self.library.finding_form = None,
            FindingAction::Add => {
                let form = form.clone();
                let taken: Vec<&str> = self.evidence.cohorts.iter().map(|c| c.id.as_str()).collect();
                match local_cohort(&form, &taken, self.added_now()) {
                    Ok(cohort) => {
                        self.library.finding_form = None;
                        self.keep_finding(cohort);
                    }
                    Err(found) => {
                        if let Some((_, problems)) = &mut self.library.finding_form {
                            *problems = found;
                        }
                    }
                }
            }
        }
    }
}

fn cohort_row(c: &ImportedCohort, shown: bool) -> CohortRow {
    let p = &c.provenance;
    let mut details = Vec::new();
    if let Some(publication) = &p.publication {
        details.push(format!("Citation: {}", publication.citation));
        let ids: Vec<String> = [("DOI", &publication.doi), ("PMID", &publication.pmid)]
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} {v}")))
            .collect();
        if !ids.is_empty() {
            details.push(ids.join(" · "));
        }
        if let Some(figure) = &publication.figure {
            details.push(format!("Figure: {figure}"));
        }
        if let Some(population) = &publication.population {
            details.push(format!("Group: {population}"));
        }
    }
    details.push(format!(
        "Source file: {} · clock: {}, in {} · {} record(s) in {} group(s)",
        p.file(),
        c.origin.label(),
        c.unit.label(),
        c.record_count(),
        c.groups.len()
    ));
    for (g, r) in c.groups.iter().zip(&p.reconstructions) {
        let agreement: Vec<String> = r
            .report
            .at_risk
            .iter()
            .map(|a| {
                format!(
                    "{}: {}/{}",
                    crate::model::evidence::trim_number(a.time),
                    a.published,
                    a.reconstructed
                )
            })
            .collect();
        details.push(format!(
            "{}RMSE {:.3}, max error {:.3}; at risk published/reconstructed {}",
            g.name.as_ref().map_or_else(String::new, |n| format!("{n}: ")),
            r.report.rmse,
            r.report.max_abs_error,
            agreement.join(", ")
        ));
    }
    if let Some(added) = &p.added {
        details.push(crate::model::l10n::en(
            "library-added-by",
            &[
                ("by", crate::model::l10n::Arg::Text(added.by.clone())),
                ("on", crate::model::l10n::Arg::Text(added.on.clone())),
            ],
        ));
    }
    CohortRow { label: c.label.clone(), describe: p.describe(), details, shown, session: false }
}
