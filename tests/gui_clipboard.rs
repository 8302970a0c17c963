//! "Copy summary" as a clinician meets it: the summary reaches the
//! clipboard and the app says so, or the app says the copy failed, why, and
//! that nothing was copied. The last test uses the desktop's clipboard and
//! reads it back as another program would.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

mod common;

use std::path::Path;
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};
use xhim_aid::model::l10n::Lang;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use xhim_aid::App;
use xhim_aid::app::StartOptions;
use xhim_aid::command::Command;
use xhim_aid::io::clipboard::{ClipboardError, MemoryClipboard, SystemClipboard};
use xhim_aid::ui::menu::COPY_SUMMARY_ITEM;
use xhim_aid::ui::status::{copy_summary, summary_copied};

fn open(name: &str) -> Harness<'static, App> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples").join(name);
    common::harness_with(StartOptions { open: Some(path), ..StartOptions::default() })
}

/// The newest notification: its text and whether it reports a failure.
fn last_message(harness: &Harness<'_, App>) -> (String, bool) {
    let last = harness.state().notifications().last().unwrap();
    (last.text.clone(), last.is_error)
}

#[test]
fn copy_summary_puts_exactly_the_summary_on_the_clipboard_and_says_so() {
    let mut harness = open("young-boy-in-window.ron");
    let clipboard = common::fake_clipboard(&mut harness);
    harness.get_by_label(&copy_summary(Lang::En)).click();
    harness.run();
    let summary = harness.state().summary_text();
    assert_eq!(clipboard.text(), Some(summary.clone()));
    assert!(summary.starts_with("xhim-aid "), "the summary names where it came from: {summary}");
    assert!(summary.contains("young-boy-in-window.ron"), "{summary}");
    assert_eq!(last_message(&harness), (summary_copied(Lang::En), false));
    harness.get_by_label(&summary_copied(Lang::En));
}

#[test]
fn the_shortcut_and_the_menu_copy_the_summary_too() {
    let mut harness = open("young-boy-in-window.ron");
    let (modifiers, key) = {
        let shortcut = Command::CopySummary.shortcut().unwrap();
        (shortcut.modifiers, shortcut.logical_key)
    };
    let clipboard = common::fake_clipboard(&mut harness);
    harness.key_press_modifiers(modifiers, key);
    harness.run();
    assert_eq!(clipboard.text(), Some(harness.state().summary_text()));

    let clipboard = common::fake_clipboard(&mut harness);
    harness.get_by_label("File").click();
    harness.run();
    // The entry's name ends with the shortcut it advertises.
    harness.get_by_label_contains(COPY_SUMMARY_ITEM).click();
    harness.run();
    assert_eq!(clipboard.text(), Some(harness.state().summary_text()));
    assert_eq!(last_message(&harness), (summary_copied(Lang::En), false));
}

#[test]
fn a_failed_copy_says_why_and_that_nothing_was_copied() {
    let mut harness = open("young-boy-in-window.ron");
    let failing = MemoryClipboard::failing(ClipboardError::Unavailable("no display".to_owned()));
    harness.state_mut().set_clipboard(Box::new(failing.clone()));
    harness.get_by_label(&copy_summary(Lang::En)).click();
    harness.run();
    let (text, is_error) = last_message(&harness);
    assert!(is_error, "{text}");
    assert!(text.contains("not copied"), "{text}");
    assert!(text.contains("the system clipboard is not available (no display)"), "{text}");
    assert!(text.contains("Nothing was copied"), "{text}");
    assert!(
        harness.state().notifications().iter().all(|n| n.text != summary_copied(Lang::En)),
        "never claims the copy"
    );
    assert_eq!(failing.text(), None);
    harness.get_by_label(&text);
}

/// Runs `xclip -o -selection clipboard` as another program pasting would,
/// giving up after ten seconds.
fn paste_with_xclip() -> String {
    let mut child = Process::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("xclip did not answer within 10 seconds");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "xclip failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn has_xclip() -> bool {
    Process::new("xclip").arg("-version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok()
}

/// Copies through the desktop's own clipboard and pastes with another
/// program. It needs an X display and `xclip`; CI runs it under Xvfb.
#[test]
fn copy_summary_reaches_the_system_clipboard() {
    if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
        println!("skipped: no X display (DISPLAY is not set)");
        return;
    }
    if !has_xclip() {
        println!("skipped: xclip is not installed");
        return;
    }
    let mut harness = open("older-boy-sclerosing-cholangitis.ron");
    harness.state_mut().set_clipboard(Box::new(SystemClipboard::default()));
    harness.get_by_label(&copy_summary(Lang::En)).click();
    harness.run();
    assert_eq!(last_message(&harness), (summary_copied(Lang::En), false));
    // The app still runs, so its clipboard is still being served.
    assert_eq!(paste_with_xclip(), harness.state().summary_text());
}
