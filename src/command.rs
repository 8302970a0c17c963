//! Everything the app can be asked to do with a side effect. Menus, buttons
//! and shortcuts push a [`Command`]; [`crate::App`] runs them after the layout
//! pass, in one place, so tests can inject them instead of clicking dialogs.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::ui::theme::ThemeChoice;

/// A request with a side effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Start a new, empty patient.
    New,
    /// Choose the colour theme.
    SetTheme(ThemeChoice),
    /// Show or hide the About window.
    ToggleAbout,
    /// Close the window.
    Quit,
}

impl Command {
    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let key = match self {
            Self::New => Key::N,
            Self::Quit => Key::Q,
            Self::SetTheme(_) | Self::ToggleAbout => return None,
        };
        Some(KeyboardShortcut::new(Modifiers::COMMAND, key))
    }

    /// Commands that have shortcuts, checked every frame.
    pub const WITH_SHORTCUTS: [Self; 2] = [Self::New, Self::Quit];
}

/// Pushes the commands whose shortcuts were pressed this frame.
pub fn shortcuts(ctx: &egui::Context, out: &mut Vec<Command>) {
    for command in Command::WITH_SHORTCUTS {
        if let Some(shortcut) = command.shortcut()
            && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
        {
            out.push(command);
        }
    }
}
