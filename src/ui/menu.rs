//! The menu bar.

use std::path::PathBuf;

use egui::Ui;

use crate::command::Command;
use crate::prefs::{ThemeChoice, ViewMode};

/// Labels of the view switch (tests query them).
pub const CLINICIAN_VIEW: &str = "Clinician view";
/// See [`CLINICIAN_VIEW`].
pub const FAMILY_VIEW: &str = "Family view";
/// The File menu's entry that copies the clinical summary.
pub const COPY_SUMMARY_ITEM: &str = "Copy clinical summary";
/// The Help menu's entry for "About this aid".
pub const ABOUT_ITEM: &str = "About this aid and its sources";

/// Draws the menu bar and the view switch; chosen entries are pushed to `out`.
pub fn menu_bar_ui(
    ui: &mut Ui,
    theme: ThemeChoice,
    view: ViewMode,
    recent: &[PathBuf],
    out: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, "New", Command::New, out);
            item(ui, "Open…", Command::Open, out);
            ui.menu_button("Open Recent", |ui| {
                if recent.is_empty() {
                    ui.label("No recent files");
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
                item(ui, "Clear recent files", Command::ClearRecent, out);
            });
            item(ui, "Open by path…", Command::OpenPathField, out);
            ui.separator();
            item(ui, "Save", Command::Save, out);
            item(ui, "Save As…", Command::SaveAs, out);
            item(ui, "Export report (PDF)…", Command::ExportReport, out);
            item(ui, "Export family handout (PDF)…", Command::ExportHandout, out);
            item(ui, COPY_SUMMARY_ITEM, Command::CopySummary, out);
            ui.separator();
            item(ui, "Import cohort data…", Command::ImportCohortData, out);
            item(ui, "Load cohort file…", Command::LoadCohortFile, out);
            item(ui, "Digitize a published curve…", Command::DigitizeFigure, out);
            ui.separator();
            item(ui, "Close", Command::Close, out);
            item(ui, "Preferences…", Command::TogglePreferences, out);
            ui.separator();
            item(ui, "Quit", Command::Quit, out);
        });
        ui.menu_button("View", |ui| {
            for (mode, label) in [(ViewMode::Clinician, CLINICIAN_VIEW), (ViewMode::Family, FAMILY_VIEW)] {
                if ui.radio(view == mode, label).clicked() {
                    out.push(Command::SetView(mode));
                }
            }
            item(ui, "How XHIM is inherited…", Command::ShowInheritance, out);
            item(ui, "Evidence library…", Command::ToggleLibrary, out);
            ui.separator();
            ui.label("Theme");
            for (choice, label) in
                [(ThemeChoice::System, "System"), (ThemeChoice::Light, "Light"), (ThemeChoice::Dark, "Dark")]
            {
                if ui.radio(theme == choice, label).clicked() {
                    out.push(Command::SetTheme(choice));
                }
            }
            ui.separator();
            ui.label("Zoom: Ctrl + / Ctrl − / Ctrl 0");
        });
        ui.menu_button("Help", |ui| {
            item(ui, ABOUT_ITEM, Command::ToggleAbout, out);
        });
        ui.separator();
        // The view switch is on the bar itself: counselors flip it mid-consultation.
        for (mode, label) in [(ViewMode::Clinician, CLINICIAN_VIEW), (ViewMode::Family, FAMILY_VIEW)] {
            if ui.selectable_label(view == mode, label).clicked() && view != mode {
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
