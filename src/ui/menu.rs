//! The menu bar.

use std::path::PathBuf;

use egui::Ui;

use crate::command::Command;
use crate::model::l10n::{self, Lang};
use crate::prefs::{ThemeChoice, ViewMode};

/// Labels of the view switch (tests query them).
pub const CLINICIAN_VIEW: &str = "Clinician view";
/// See [`CLINICIAN_VIEW`].
pub const FAMILY_VIEW: &str = "Family view";
/// The File menu's entry that copies the clinical summary.
pub const COPY_SUMMARY_ITEM: &str = "Copy clinical summary";
/// The Help menu's entry for "About this aid".
pub const ABOUT_ITEM: &str = "About this aid and its sources";

/// Draws the menu bar and the view switch in `lang`; chosen entries are
/// pushed to `out`.
pub fn menu_bar_ui(
    ui: &mut Ui,
    (theme, view, lang): (ThemeChoice, ViewMode, Lang),
    recent: &[PathBuf],
    out: &mut Vec<Command>,
) {
    let t = |key: &str| l10n::text(lang, key, &[]);
    let item =
        |ui: &mut Ui, key: &str, command: Command, out: &mut Vec<Command>| item(ui, &t(key), command, out);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t("menu-file"), |ui| {
            item(ui, "menu-new", Command::New, out);
            item(ui, "menu-open", Command::Open, out);
            ui.menu_button(t("menu-open-recent"), |ui| {
                if recent.is_empty() {
                    ui.label(t("menu-no-recent"));
                }
                for path in recent {
                    let name = path
                        .file_name()
                        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                    if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                        out.push(Command::OpenPath(path.clone()));
                    }
                }
                ui.separator();
                item(ui, "menu-clear-recent", Command::ClearRecent, out);
            });
            item(ui, "menu-open-path", Command::OpenPathField, out);
            ui.separator();
            item(ui, "menu-save", Command::Save, out);
            item(ui, "menu-save-as", Command::SaveAs, out);
            item(ui, "menu-export-report", Command::ExportReport, out);
            item(ui, "menu-export-handout", Command::ExportHandout, out);
            item(ui, "menu-copy-summary", Command::CopySummary, out);
            ui.separator();
            item(ui, "menu-import", Command::ImportCohortData, out);
            item(ui, "menu-load-cohort", Command::LoadCohortFile, out);
            item(ui, "menu-digitize", Command::DigitizeFigure, out);
            ui.separator();
            item(ui, "menu-close", Command::Close, out);
            item(ui, "menu-preferences", Command::TogglePreferences, out);
            ui.separator();
            item(ui, "menu-quit", Command::Quit, out);
        });
        ui.menu_button(t("menu-view"), |ui| {
            for (mode, key) in
                [(ViewMode::Clinician, "menu-clinician-view"), (ViewMode::Family, "menu-family-view")]
            {
                if ui.radio(view == mode, t(key)).clicked() {
                    out.push(Command::SetView(mode));
                }
            }
            item(ui, "menu-inheritance", Command::ShowInheritance, out);
            item(ui, "menu-library", Command::ToggleLibrary, out);
            ui.separator();
            ui.label(t("menu-theme"));
            for (choice, label) in [
                (ThemeChoice::System, "menu-theme-system"),
                (ThemeChoice::Light, "menu-theme-light"),
                (ThemeChoice::Dark, "menu-theme-dark"),
            ] {
                if ui.radio(theme == choice, t(label)).clicked() {
                    out.push(Command::SetTheme(choice));
                }
            }
            ui.separator();
            ui.label(t("menu-zoom"));
            ui.separator();
            // Each language named in itself, so anyone can find their own.
            ui.label(t("menu-language"));
            for l in Lang::ALL {
                if ui.radio(lang == l, l.name()).clicked() {
                    out.push(Command::SetMenuLanguage(l));
                }
            }
        });
        ui.menu_button(t("menu-help"), |ui| {
            item(ui, "menu-about", Command::ToggleAbout, out);
        });
        ui.separator();
        // The view switch is on the bar itself: counselors flip it mid-consultation.
        for (mode, key) in
            [(ViewMode::Clinician, "menu-clinician-view"), (ViewMode::Family, "menu-family-view")]
        {
            if ui.selectable_label(view == mode, t(key)).clicked() && view != mode {
                out.push(Command::SetView(mode));
            }
        }
    });
}

fn item(ui: &mut Ui, label: &str, command: Command, out: &mut Vec<Command>) {
    let shortcut = command.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default();
    if ui.add(egui::Button::new(label).shortcut_text(shortcut)).clicked() {
        out.push(command);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English menus are the labels the tests and the manual name.
    #[test]
    fn english_menus_keep_their_names() {
        for (key, label) in [
            ("menu-clinician-view", CLINICIAN_VIEW),
            ("menu-family-view", FAMILY_VIEW),
            ("menu-copy-summary", COPY_SUMMARY_ITEM),
            ("menu-about", ABOUT_ITEM),
        ] {
            assert_eq!(l10n::text(Lang::En, key, &[]), label);
        }
    }
}
