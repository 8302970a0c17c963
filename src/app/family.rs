//! The family consultation: the family's answers (kept in the patient file
//! only when the counselor chooses), the family view, and the handout.

use std::path::PathBuf;

use super::{App, txt};
use crate::io::file_name;
use crate::io::jobs::Job;
use crate::ui::family_ui::{self, Consultation};

impl App {
    /// The family's answers in this consultation.
    pub fn consultation(&self) -> &Consultation {
        &self.consultation
    }

    /// Starts the consultation of a patient just shown: answers kept in his
    /// file come back; otherwise it starts empty.
    pub(super) fn start_consultation(&mut self) {
        self.consultation = Consultation::of(self.file.form.discussion.as_ref());
    }

    /// The family view in the central panel.
    pub(super) fn family_view_ui(&mut self, ui: &mut egui::Ui) {
        let mut lang = self.family_lang();
        let changes = family_ui::family_view_ui(
            ui,
            &self.derived.family,
            (&mut self.prefs.icons, &mut lang, self.prefs.menu_lang),
            &mut self.consultation,
            &mut self.windows.inheritance,
            &mut self.commands,
        );
        if changes.language {
            // The patient file keeps the family's language.
            self.prefs.family_lang = lang;
            self.file.form.family_language = Some(lang);
            self.form_changed();
        }
        // Into the file only while "keep" is on; turning it off takes them
        // out again (the next save records that).
        if changes.keep || (changes.answers && self.consultation.keep) {
            self.file.form.discussion = self.consultation.keep.then(|| self.consultation.answers.clone());
            self.form_changed();
        }
    }

    /// Writes the family handout for the patient as shown, with this
    /// consultation's answers, on a background thread.
    pub(super) fn start_handout(&mut self, path: PathBuf, ctx: &egui::Context) {
        let Some((path, doc)) = self.pdf_export("handout", self.work.handout.is_some(), path) else { return };
        let answers = self.consultation.answers.clone();
        let evidence = self.evidence.clone();
        let options = crate::io::report::HandoutOptions {
            icon_style: self.prefs.icons,
            generated_at: None,
            clinic_name: self.config.clinic_name.clone(),
            lang: Some(self.family_lang()),
            centre_contact: self.config.family_contact.clone(),
        };
        let label = self.say("msg-job-writing", &[("file", txt(file_name(&path)))]);
        self.work.handout = Some(Job::spawn("export-handout", label, ctx, move || {
            crate::io::report::write_handout(&path, &evidence, &doc, &answers, &options).map(|()| path)
        }));
    }

    /// Reports a finished handout.
    pub(super) fn poll_handout(&mut self, ctx: &egui::Context) {
        let Some(result) = self.work.handout.as_ref().and_then(Job::poll) else { return };
        self.work.handout = None;
        ctx.request_repaint();
        match result {
            Ok(path) => {
                self.notify(self.say("msg-handout-written", &[("path", txt(path.display()))]), false);
            }
            Err(e) => self.notify(e.message(self.prefs.menu_lang), true),
        }
    }
}
