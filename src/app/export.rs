//! PDF exports of the patient as shown (saved or not): the clinician's
//! report here, the family handout in [`super::family`].

use std::path::PathBuf;

use super::{App, txt};
use crate::io::file_name;
use crate::io::jobs::Job;

impl App {
    /// The name a PDF export proposes: the patient file's stem and `suffix`.
    pub(super) fn pdf_name(&self, suffix: &str) -> String {
        let stem = self
            .file
            .path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map_or_else(|| "patient".into(), |s| s.to_string_lossy().into_owned());
        format!("{stem}-{suffix}.pdf")
    }

    /// Whether a PDF export (`what`: "report", "handout") can start: none of
    /// its kind is being written and the form is valid. Gives the path with
    /// a `.pdf` extension and the document as shown (saved or not).
    pub(super) fn pdf_export(
        &mut self,
        what: &str,
        busy: bool,
        path: PathBuf,
    ) -> Option<(PathBuf, crate::io::patient_file::PatientDocument)> {
        if busy {
            self.notify(self.say(&format!("msg-{what}-busy"), &[]), true);
            return None;
        }
        if !self.file.form_errors.is_empty() {
            self.notify(self.say(&format!("msg-{what}-invalid"), &[]), true);
            return None;
        }
        let path = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
            path
        } else {
            path.with_extension("pdf")
        };
        let mut doc = self.file.doc.clone();
        doc.patient = self.file.patient.clone();
        Some((path, doc))
    }

    /// Writes the report for the patient as shown (saved or not) on a
    /// background thread.
    pub(super) fn start_report(&mut self, path: PathBuf, ctx: &egui::Context) {
        let Some((path, doc)) = self.pdf_export("report", self.work.report.is_some(), path) else { return };
        let evidence = self.evidence.clone();
        let cohorts = std::sync::Arc::clone(&self.cohorts);
        let curves = self.prefs.curve_options();
        let options = crate::io::report::ReportOptions {
            icon_style: self.prefs.icons,
            clinic_name: self.config.clinic_name.clone(),
            ..Default::default()
        };
        let label = self.say("msg-job-writing", &[("file", txt(file_name(&path)))]);
        self.work.report = Some(Job::spawn("export-report", label, ctx, move || {
            let source = crate::io::report::ReportSource {
                evidence: &evidence,
                cohorts: &cohorts,
                document: &doc,
                curves,
            };
            crate::io::report::write_report(&path, &source, &options).map(|()| path)
        }));
    }
}
