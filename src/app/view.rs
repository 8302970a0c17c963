//! The view: eframe's two entry points and the layout of the window. The
//! layout only draws and pushes [`Command`]s; the logic pass
//! ([`super::logic`]) and the command runner do the rest.

use std::path::PathBuf;

use super::{App, ViewMode, txt};
use crate::command::{self, Command};
use crate::ui::file_ui::{self, UnsavedAction, UnsavedChoice};
use crate::ui::patient_panel::patient_panel_ui;
use crate::ui::theme;
use crate::ui::{evidence_panel, figure_ui, menu, status as status_ui};

/// The folded patient form in the family view (the note is never shown
/// there).
pub fn family_details(menu: crate::model::l10n::Lang) -> String {
    crate::model::l10n::text(menu, "family-patient-details", &[])
}

impl eframe::App for App {
    /// Everything timed or in the background, which must go on while the
    /// window is covered, hidden or minimised (eframe then calls only this).
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.logic_step(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        command::shortcuts(&ctx, &mut self.commands);
        self.dropped_files(&ctx);

        egui::Panel::top("menu").show(ui, |ui| {
            let look = (self.prefs.theme, self.prefs.view, self.prefs.menu_lang);
            menu::menu_bar_ui(ui, look, &self.prefs.recent, &mut self.commands);
        });
        egui::Panel::bottom("footer").show(ui, |ui| {
            let lang = self.prefs.menu_lang;
            if let Some(i) = status_ui::footer_ui(ui, &self.notifications, &self.loading_labels(), lang) {
                self.notifications.remove(i);
            }
        });
        let mut form_changed = false;
        let patient_max = ui.available_width() * 0.35;
        egui::Panel::left("patient")
            .resizable(true)
            .default_size(theme::PATIENT_PANEL_WIDTH)
            .max_size(patient_max)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    status_ui::file_line_ui(
                        ui,
                        &self.file_label_said(),
                        (self.file.dirty, self.work.save.is_some()),
                        self.prefs.menu_lang,
                    );
                    if let Some(label) = self.opening_label()
                        && file_ui::opening_line_ui(ui, label, self.prefs.menu_lang)
                    {
                        self.cancel_opening();
                    }
                    if self.file.shared.read_only() {
                        crate::ui::conflict_ui::read_only_line_ui(ui, self.prefs.menu_lang);
                    }
                    if self.prefs.view == ViewMode::Family {
                        // The family sees the screen: the clinician's note and the
                        // change log (which repeats it) stay out of sight.
                        egui::CollapsingHeader::new(family_details(self.prefs.menu_lang))
                            .default_open(false)
                            .show(ui, |ui| {
                                form_changed =
                                    patient_panel_ui(ui, &mut self.file.form, &self.file.form_errors, false);
                            });
                    } else {
                        form_changed =
                            patient_panel_ui(ui, &mut self.file.form, &self.file.form_errors, true);
                        ui.add_space(8.0);
                        file_ui::record_ui(ui, &self.file.doc.record);
                    }
                });
            });
        let mut view_changed = false;
        if self.prefs.view == ViewMode::Family {
            egui::CentralPanel::default().show(ui, |ui| self.family_view_ui(ui));
        } else {
            self.clinician_view_ui(ui, &mut view_changed);
        }
        if view_changed {
            self.refresh_views();
        }
        if form_changed {
            self.form_changed();
        }
        self.modal_windows(&ctx);
        self.save_question_ui(&ctx);
        self.shared_file_ui(&ctx);
        self.recovery_offer_ui(&ctx);
        // What the layout asked for runs in the next logic pass, at once.
        if !self.commands.is_empty() {
            ctx.request_repaint();
        }
        self.update_title(&ctx);
        self.screenshot_step(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // A screenshot run changes nothing. (egui's memory, saved after this,
        // keeps panel sizes and zoom; text fields store only their cursor, so
        // no patient detail reaches it: the privacy test checks both.)
        if self.screenshot.is_none() {
            eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
        }
    }

    fn persist_egui_memory(&self) -> bool {
        self.screenshot.is_none()
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        // A screenshot shows the window untouched: wherever the pointer
        // happens to be on the screen (the middle, on a fresh Xvfb) would
        // otherwise open a hover text over the picture.
        if self.screenshot.is_some() {
            raw_input.events.retain(|e| {
                !matches!(
                    e,
                    egui::Event::PointerMoved(_)
                        | egui::Event::MouseMoved(_)
                        | egui::Event::PointerButton { .. }
                        | egui::Event::MouseWheel { .. }
                        | egui::Event::Touch { .. }
                )
            });
        }
    }
}

impl App {
    fn about_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.windows.about;
        crate::ui::family_ui::about_ui(ctx, &mut open, &self.about.0, &self.about.1, &self.evidence);
        self.windows.about = open;
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        let Some(path) = dropped.into_iter().next() else { return };
        if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
            self.commands.push(Command::OpenPath(path));
        } else if crate::io::figure_image::is_figure(&path) {
            self.commands.push(Command::DigitizeFigurePath(path));
        } else {
            let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            self.notify(self.say("msg-drop-wrong-file", &[("file", txt(name))]), true);
        }
    }

    fn modal_windows(&mut self, ctx: &egui::Context) {
        if let Some(command) = self.windows.confirm.clone() {
            let action = match command {
                Command::Quit => UnsavedAction::Quit,
                Command::New => UnsavedAction::New,
                Command::Close => UnsavedAction::Close,
                _ => UnsavedAction::Open,
            };
            let answer =
                file_ui::unsaved_changes_ui(ctx, &self.file_label_said(), action, self.prefs.menu_lang);
            if answer.is_some() {
                ctx.request_repaint();
            }
            match answer {
                Some(UnsavedChoice::Save) => {
                    self.windows.confirm = None;
                    self.work.after_save = Some(command);
                    self.commands.push(Command::Save);
                }
                Some(UnsavedChoice::Discard) => {
                    self.windows.confirm = None;
                    self.perform(command, ctx);
                }
                Some(UnsavedChoice::Cancel) => self.windows.confirm = None,
                None => {}
            }
        }
        if let Some(field) = &mut self.windows.path_field {
            let action = file_ui::path_field_ui(ctx, field, self.prefs.menu_lang);
            if action != file_ui::PathFieldAction::None {
                ctx.request_repaint();
            }
            match action {
                file_ui::PathFieldAction::Submit(path) => {
                    let purpose = field.purpose;
                    self.windows.path_field = None;
                    match purpose {
                        file_ui::PathPurpose::Open => self.perform(Command::OpenPath(path), ctx),
                        file_ui::PathPurpose::SaveAs => self.perform(Command::SaveAsPath(path), ctx),
                        file_ui::PathPurpose::Report => self.perform(Command::ExportReportTo(path), ctx),
                        file_ui::PathPurpose::Handout => self.perform(Command::ExportHandoutTo(path), ctx),
                    }
                }
                file_ui::PathFieldAction::Cancel => self.windows.path_field = None,
                file_ui::PathFieldAction::None => {}
            }
        }
        let mut open = self.windows.preferences;
        let before = self.prefs.remember_recent;
        file_ui::preferences_ui(
            ctx,
            &mut open,
            (&mut self.prefs.user_name, &mut self.prefs.remember_recent),
            self.prefs.menu_lang,
        );
        if self.config.keep_recent_files == Some(false) {
            // The site keeps no list of recent files, whatever is ticked.
            self.prefs.remember_recent = false;
        }
        if before && !self.prefs.remember_recent {
            self.prefs.recent.clear();
        }
        self.windows.preferences = open;
        self.about_ui(ctx);
        self.import_window(ctx);
        self.library_window(ctx);
        self.digitizer_window(ctx);
        let mut open = self.windows.inheritance;
        crate::ui::family_ui::inheritance_ui(ctx, &mut open, &self.derived.inheritance, self.family_lang());
        self.windows.inheritance = open;
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Evidence panel, status line, curve controls and plot.
    fn clinician_view_ui(&mut self, ui: &mut egui::Ui, view_changed: &mut bool) {
        // Beside the picture when there is room; on a small screen or at a
        // large zoom the picture keeps the width and the evidence opens on
        // request.
        let wide = ui.available_width() >= theme::EVIDENCE_BESIDE_FROM;
        let show_evidence = self.windows.evidence_open.unwrap_or(wide);
        if show_evidence {
            egui::Panel::right("evidence")
                .resizable(true)
                .default_size(theme::EVIDENCE_PANEL_WIDTH)
                .max_size(ui.available_width() * 0.45)
                .show(ui, |ui| {
                    evidence_panel::evidence_panel_ui(ui, &self.evidence, &self.derived.matches);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let status_height = ui.available_height() * 0.35;
            egui::ScrollArea::vertical().id_salt("status").max_height(status_height).show(ui, |ui| {
                status_ui::status_ui(ui, &self.derived.status);
            });
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                let lang = self.prefs.menu_lang;
                let (label, hint) = if show_evidence {
                    (status_ui::hide_evidence(lang), "msg-hide-evidence-hint")
                } else {
                    (status_ui::show_evidence(lang), "msg-show-evidence-hint")
                };
                if ui.button(label).on_hover_text(self.say(hint, &[])).clicked() {
                    self.windows.evidence_open = Some(!show_evidence);
                }
                if ui
                    .button(status_ui::copy_summary(lang))
                    .on_hover_text(self.say("msg-copy-summary-hint", &[]))
                    .clicked()
                {
                    self.commands.push(Command::CopySummary);
                }
                if !self.cohorts.is_empty() {
                    *view_changed = status_ui::curve_controls_ui(
                        ui,
                        &mut self.prefs.conditional,
                        &mut self.prefs.min_at_risk,
                        &mut self.commands,
                    );
                }
            });
            figure_ui::figure_ui(
                ui,
                &self.derived.figure,
                &mut self.derived.prepared,
                &self.derived.described,
            );
        });
    }
}
