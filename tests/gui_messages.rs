//! The window's messages in the menu language: a save, a damaged file and
//! the unsaved-edits question in Japanese, and every message the code asks
//! for is in the English message file (the translation tests then hold
//! every translation to it).

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

mod common;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use xhim_aid::App;
use xhim_aid::app::StartOptions;
use xhim_aid::command::Command;
use xhim_aid::model::l10n::{self, Arg, Lang};

fn copy_example(dir: &Path, name: &str) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples").join(name);
    let to = dir.join(name);
    std::fs::copy(from, &to).unwrap();
    to
}

fn command(harness: &mut Harness<'_, App>, c: Command) {
    harness.state_mut().push(c);
    common::settle(harness);
}

fn japanese(path: &Path) -> Harness<'static, App> {
    let mut harness =
        common::harness_with(StartOptions { open: Some(path.to_path_buf()), ..StartOptions::default() });
    command(&mut harness, Command::SetMenuLanguage(Lang::Ja));
    harness
}

fn last_message(harness: &Harness<'_, App>) -> (String, bool) {
    let n = harness.state().notifications().last().unwrap();
    (n.text.clone(), n.is_error)
}

#[test]
fn a_save_says_saved_in_the_menu_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_example(dir.path(), "young-boy-in-window.ron");
    let mut harness = japanese(&path);
    harness.get_by_label("Neutropenia").click();
    harness.run();
    command(&mut harness, Command::Save);
    common::settle_until(&mut harness, 0, |app| !app.is_dirty());

    let folder = dir.path().display().to_string();
    let expected = format!("young-boy-in-window.ron を {folder} に 保存しました。");
    assert_eq!(last_message(&harness), (expected.clone(), false));
    harness.get_by_label(&expected);
    // Each notification's button is in the menu language too.
    let shown = harness.state().notifications().len();
    assert_eq!(harness.get_all_by_label("閉じる").count(), shown);
}

#[test]
fn a_damaged_file_is_named_in_a_japanese_error() {
    let dir = tempfile::tempdir().unwrap();
    let good = copy_example(dir.path(), "older-boy-sclerosing-cholangitis.ron");
    let bad = dir.path().join("damaged.ron");
    let text = std::fs::read_to_string(&good).unwrap();
    std::fs::write(&bad, &text[..text.len() / 2]).unwrap();
    let mut harness = japanese(&good);

    command(&mut harness, Command::OpenPath(bad.clone()));
    let (note, is_error) = last_message(&harness);
    assert!(is_error);
    assert!(note.starts_with("開けませんでした：damaged.ron：") && note.contains(" 行目、"), "{note}");
    assert!(note.ends_with("いまの 患者は 変わりません。"), "{note}");
    harness.get_by_label_contains("開けませんでした：damaged.ron");
    assert_eq!(harness.state().path(), Some(good.as_path()), "the patient stays");

    let empty = dir.path().join("empty.ron");
    std::fs::write(&empty, "").unwrap();
    command(&mut harness, Command::OpenPath(empty));
    assert_eq!(
        last_message(&harness),
        ("開けませんでした：empty.ron：ファイルが 空です。いまの 患者は 変わりません。".to_owned(), true)
    );
}

#[test]
fn the_unsaved_edits_question_is_in_the_menu_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_example(dir.path(), "young-boy-in-window.ron");
    let mut harness = japanese(&path);
    harness.get_by_label("Neutropenia").click();
    harness.run();

    command(&mut harness, Command::New);
    harness.get_by_label("保存して いない 変更");
    harness.get_by_label(
        "young-boy-in-window.ron には 保存して いない 変更が あります。新しい 患者を 始める 前に 保存しますか？",
    );
    harness.get_by_label("キャンセル").click();
    harness.run();
    assert!(harness.state().is_dirty());

    command(&mut harness, Command::New);
    harness.get_by_label("変更を 捨てる").click();
    harness.run();
    assert!(!harness.state().is_dirty());
    assert_eq!(harness.state().path(), None);
}

/// The English message file has every message the window's code asks for,
/// and no message the code never asks for.
#[test]
fn every_message_the_window_uses_is_in_english() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources: Vec<PathBuf> = [
        "src/app.rs",
        "src/ui/file_ui.rs",
        "src/ui/conflict_ui.rs",
        "src/ui/status.rs",
        "src/io/dialogs.rs",
        "src/io/patient_file/error.rs",
        "src/io/patient_file/guard.rs",
        "src/io/patient_file/lock.rs",
        "src/io/patient_file/mod.rs",
        "src/io/clipboard.rs",
        "src/io/report/mod.rs",
        "src/io/library.rs",
        "src/model/evidence/changelog.rs",
        "src/io/config.rs",
        "src/ui/file_ui.rs",
    ]
    .iter()
    .map(|p| root.join(p))
    .collect();
    for folder in ["src/app", "src/app/library"] {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                sources.push(path);
            }
        }
    }
    let prefixes = ["msg-", "dialog-", "error-", "step-", "lock-", "notice-", "prefs-"];
    let mut used: Vec<String> = Vec::new();
    for path in &sources {
        let code = std::fs::read_to_string(path).unwrap();
        for quoted in code.split('"').skip(1).step_by(2) {
            let is_id = prefixes.iter().any(|p| quoted.starts_with(p))
                && quoted.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if is_id {
                used.push(quoted.to_owned());
            }
        }
    }
    // Made from the export's kind: "msg-{what}-busy", "msg-{what}-invalid".
    for what in ["report", "handout"] {
        used.extend(["busy", "invalid"].map(|k| format!("msg-{what}-{k}")));
    }
    for id in &used {
        assert!(l10n::has(Lang::En, id), "{id} is not in en/messages.ftl");
    }
    let file = std::fs::read_to_string(root.join("assets/locales/en/messages.ftl")).unwrap();
    for line in file.lines() {
        let Some((id, _)) = line.split_once(" = ") else { continue };
        if !id.starts_with(' ') && !id.starts_with('#') {
            assert!(used.iter().any(|u| u == id), "{id} is in en/messages.ftl but never used");
        }
    }
}

/// Each message with sample words reads without a gap in every language.
#[test]
fn every_message_reads_with_sample_words() {
    let file = include_str!("../assets/locales/en/messages.ftl");
    // Every variable the file names, as sample words; `n` as a count.
    let mut names: Vec<&str> = file
        .split('$')
        .skip(1)
        .map(|rest| rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).next().unwrap_or(""))
        .filter(|name| *name != "n")
        .collect();
    names.sort_unstable();
    names.dedup();
    let mut args: Vec<(&str, Arg)> = names.iter().map(|n| (*n, Arg::Text(format!("<{n}>")))).collect();
    args.push(("n", Arg::Count(2)));
    args.push(("log", Arg::Text("start".to_owned())));
    for line in file.lines() {
        let Some((id, _)) = line.split_once(" = ") else { continue };
        if id.starts_with(' ') || id.starts_with('#') {
            continue;
        }
        for lang in Lang::ALL {
            let text = l10n::text(lang, id, &args);
            assert!(!text.contains("[missing text:") && !text.contains('{'), "{lang}/{id}: {text}");
        }
    }
}

/// A report, handout or library write that fails says so in the menu
/// language, naming the file, with the system's own words kept; the English
/// (the command line's) is unchanged.
#[test]
fn report_and_library_errors_speak_the_menu_language() {
    use xhim_aid::io::library::LibraryError;
    use xhim_aid::io::report::ReportError;
    let missing =
        ReportError::MissingFolder { path: "/no/such/handout.pdf".into(), folder: "/no/such".into() };
    assert_eq!(missing.to_string(), "/no/such/handout.pdf: the folder “/no/such” does not exist");
    assert_eq!(missing.message(Lang::Ja), "/no/such/handout.pdf：フォルダ「/no/such」が ありません");
    assert!(missing.message(Lang::Es).contains("la carpeta «/no/such» no existe"));
    let moved = LibraryError::Move {
        file: "japan.ron".into(),
        to_trash: true,
        source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied"),
    };
    assert_eq!(moved.to_string(), "japan.ron: could not be moved to the trash: permission denied");
    assert_eq!(moved.message(Lang::Ja), "japan.ron：ごみ箱に 移せませんでした：permission denied");
}

/// The window's footer says what the aid is in the menu language; in
/// English, word for word what the reports print.
#[test]
fn the_footer_speaks_the_menu_language() {
    assert_eq!(l10n::text(Lang::En, "disclaimer", &[]), xhim_aid::DISCLAIMER);
    let mut harness = common::harness_with(StartOptions::default());
    command(&mut harness, Command::SetMenuLanguage(Lang::Es));
    harness
        .get_by_label("Apoyo a la decisión basado en estudios publicados; no sustituye el juicio clínico.");
}

/// File → Preferences… opens in the menu language, its field named in it.
#[test]
fn preferences_open_in_the_menu_language() {
    let mut harness = common::harness_with(StartOptions::default());
    command(&mut harness, Command::SetMenuLanguage(Lang::Ja));
    harness.get_by_label("ファイル").click();
    harness.run();
    harness.get_by_label_contains("設定…").click();
    common::settle(&mut harness);
    harness.get_by_label("設定");
    harness.get_by_role_and_label(
        egui::accesskit::Role::TextInput,
        "あなたの 名前（保存の たびに 記録されます）",
    );
    harness.get_by_label("最近 開いた ファイルを おぼえる");
}
