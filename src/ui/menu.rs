//! The menu bar.

use egui::Ui;

use crate::command::Command;
use crate::ui::theme::ThemeChoice;

/// Draws the menu bar; chosen entries are pushed to `out`.
pub fn menu_bar_ui(ui: &mut Ui, theme: ThemeChoice, out: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, "New patient", Command::New, out);
            ui.separator();
            item(ui, "Quit", Command::Quit, out);
        });
        ui.menu_button("View", |ui| {
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
            item(ui, "About xhim-aid and its sources", Command::ToggleAbout, out);
        });
    });
}

fn item(ui: &mut Ui, label: &str, command: Command, out: &mut Vec<Command>) {
    let shortcut = command.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default();
    if ui.add(egui::Button::new(label).shortcut_text(shortcut)).clicked() {
        out.push(command);
    }
}
