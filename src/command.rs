//! Everything the app can be asked to do with a side effect. Menus, buttons,
//! shortcuts and dropped files push a [`Command`]; [`crate::App`] runs them
//! after the layout pass, in one place, so tests can inject them instead of
//! clicking real dialogs.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::ui::theme::{ThemeChoice, ViewMode};

/// A request with a side effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Start a new, empty patient (asks first if there are unsaved edits).
    New,
    /// Choose a patient file with the file dialog and open it.
    Open,
    /// Open this patient file (asks first if there are unsaved edits).
    OpenPath(PathBuf),
    /// Save to the current file, or ask where if there is none.
    Save,
    /// Choose a new file name and save there.
    SaveAs,
    /// Save to this path.
    SaveAsPath(PathBuf),
    /// Close the current file (asks first if there are unsaved edits).
    Close,
    /// Type a path instead of using the system dialog.
    OpenPathField,
    /// Choose where to write the PDF report and write it.
    ExportReport,
    /// Write the PDF report to this path.
    ExportReportTo(PathBuf),
    /// Open the window that imports a CSV of records or a digitized curve.
    ImportCohortData,
    /// Choose a cohort file with the file dialog and load it.
    LoadCohortFile,
    /// Load this cohort file as a layer.
    LoadCohortPath(PathBuf),
    /// Hide every cohort layer (they stay in the library).
    ClearCohorts,
    /// Open the digitizer with a figure chosen in the file dialog.
    DigitizeFigure,
    /// Open the digitizer with this figure image (a dropped PNG or JPEG).
    DigitizeFigurePath(PathBuf),
    /// Show or hide the evidence library.
    ToggleLibrary,
    /// Forget the recent-files list.
    ClearRecent,
    /// Switch between the clinician and family views.
    SetView(ViewMode),
    /// Show the X-linked inheritance explainer.
    ShowInheritance,
    /// Choose the colour theme.
    SetTheme(ThemeChoice),
    /// Show or hide the preferences window.
    TogglePreferences,
    /// Show or hide the About window.
    ToggleAbout,
    /// Close the window (asks first if there are unsaved edits).
    Quit,
}

impl Command {
    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let (modifiers, key) = match self {
            Self::New => (Modifiers::COMMAND, Key::N),
            Self::Open => (Modifiers::COMMAND, Key::O),
            Self::Save => (Modifiers::COMMAND, Key::S),
            Self::SaveAs => (Modifiers::COMMAND | Modifiers::SHIFT, Key::S),
            Self::Close => (Modifiers::COMMAND, Key::W),
            Self::ExportReport => (Modifiers::COMMAND, Key::P),
            Self::Quit => (Modifiers::COMMAND, Key::Q),
            _ => return None,
        };
        Some(KeyboardShortcut::new(modifiers, key))
    }

    /// Commands with shortcuts, most specific first: Ctrl+Shift+S must be
    /// consumed before Ctrl+S would match it.
    pub const WITH_SHORTCUTS: [Self; 6] =
        [Self::SaveAs, Self::Save, Self::New, Self::Open, Self::Close, Self::Quit];
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
