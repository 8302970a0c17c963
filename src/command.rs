//! Everything the app can be asked to do with a side effect. Menus, buttons,
//! shortcuts and dropped files push a [`Command`]; [`crate::App`] runs them
//! after the layout pass, in one place, so tests can inject them instead of
//! clicking real dialogs.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::prefs::{ThemeChoice, ViewMode};

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
    /// Choose where to write the family handout (PDF) and write it.
    ExportHandout,
    /// Write the family handout to this path.
    ExportHandoutTo(PathBuf),
    /// Open the window that imports a CSV of records or a digitized curve.
    ImportCohortData,
    /// Choose a cohort file with the file dialog and load it.
    LoadCohortFile,
    /// Load this cohort file as a layer and keep it in the library.
    LoadCohortPath(PathBuf),
    /// Draw this cohort file for this run only (the command line's
    /// `--cohort` and the clinic's shared cohorts): keeping it in the
    /// library is its own choice, in the library window.
    ShowCohortPath(PathBuf),
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
    /// Put the plain-text clinical summary on the system clipboard, and say
    /// copied only once the clipboard holds it.
    CopySummary,
    /// Show the X-linked inheritance explainer.
    ShowInheritance,
    /// Choose the colour theme.
    SetTheme(ThemeChoice),
    /// Choose the language of the window's menus.
    SetMenuLanguage(crate::model::l10n::Lang),
    /// Show or hide the preferences window.
    TogglePreferences,
    /// Show or hide the About window.
    ToggleAbout,
    /// Close the window (asks first if there are unsaved edits).
    Quit,
}

/// Every keyboard shortcut, most specific first: Ctrl+Shift+S must be
/// consumed before Ctrl+S would match it. The menus show these and
/// [`shortcuts`] runs them, so an advertised shortcut always works.
pub const SHORTCUTS: [(Command, Modifiers, Key); 8] = [
    (Command::SaveAs, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S),
    (Command::CopySummary, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::C),
    (Command::Save, Modifiers::COMMAND, Key::S),
    (Command::New, Modifiers::COMMAND, Key::N),
    (Command::Open, Modifiers::COMMAND, Key::O),
    (Command::Close, Modifiers::COMMAND, Key::W),
    (Command::ExportReport, Modifiers::COMMAND, Key::P),
    (Command::Quit, Modifiers::COMMAND, Key::Q),
];

impl Command {
    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        SHORTCUTS.iter().find(|(c, _, _)| c == self).map(|(_, m, k)| KeyboardShortcut::new(*m, *k))
    }
}

/// Pushes the commands whose shortcuts were pressed this frame.
pub fn shortcuts(ctx: &egui::Context, out: &mut Vec<Command>) {
    for (command, modifiers, key) in &SHORTCUTS {
        if ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(*modifiers, *key))) {
            out.push(command.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        for (i, (a, ma, ka)) in SHORTCUTS.iter().enumerate() {
            for (b, mb, kb) in &SHORTCUTS[i + 1..] {
                assert!(!(ma == mb && ka == kb), "{a:?} and {b:?} share a shortcut");
            }
            assert_eq!(a.shortcut(), Some(KeyboardShortcut::new(*ma, *ka)));
        }
        assert_eq!(Command::ToggleAbout.shortcut(), None);
    }
}
