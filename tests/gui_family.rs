//! The family consultation as a counselor runs it (the choice, the options,
//! his own risk factors, the values exercise, questions, keeping the answers,
//! the handout, About this aid), and keyboard and zoom
//! access for everyone.

mod common;

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use xhim_aid::app::StartOptions;
use xhim_aid::app::ViewMode;
use xhim_aid::app::family_details;
use xhim_aid::command::Command;
use xhim_aid::io::dialogs::{DialogOutcome, ScriptedDialogs};
use xhim_aid::model::discussion::{Importance, Leaning};
use xhim_aid::model::family::{OPTIONS, ROWS, headings};
use xhim_aid::model::l10n::Lang;
use xhim_aid::ui::family_ui::{
    add_question, export_button, inheritance_button, keep_answers, question_field, rating_name,
};
use xhim_aid::ui::menu::{ABOUT_ITEM, FAMILY_VIEW};
use xhim_aid::ui::patient_panel::labels;

fn example(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples").join(name)
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/family").join(name)
}

/// The app showing `file` in the family view.
fn family(file: std::path::PathBuf) -> egui_kittest::Harness<'static, xhim_aid::App> {
    let mut harness = common::harness_with(StartOptions { open: Some(file), ..StartOptions::default() });
    harness.get_by_label(FAMILY_VIEW).click();
    harness.run();
    harness
}

/// Steps the app until `done` holds (a background save or export).
fn wait_for(
    harness: &mut egui_kittest::Harness<'static, xhim_aid::App>,
    done: impl Fn(&xhim_aid::App) -> bool,
) {
    common::settle_until(harness, 0, done);
}

#[test]
fn the_family_view_opens_with_the_choice_and_the_options_on_equal_rows() {
    let harness = family(example("young-boy-in-window.ron"));
    assert_eq!(harness.state().prefs().view, ViewMode::Family, "remembered in preferences");
    harness.get_by_label(headings::CHOICE);
    harness.get_by_label_contains("The decision: whether and when he has a stem cell transplant (HSCT).");
    for (_, words) in OPTIONS {
        harness.get_by_label_contains(words);
    }
    harness.get_by_label_contains("You do not have to decide today.");
    // One column per option, the same rows for each.
    harness.get_by_label(headings::OPTIONS);
    for leaning in [Leaning::TransplantSoon, Leaning::CareNowTransplantLater, Leaning::CareWithoutTransplant]
    {
        assert!(harness.query_all_by_label(leaning.label()).count() >= 1, "{}", leaning.label());
    }
    for row in ROWS {
        harness.get_by_label(row);
    }
    harness.get_by_label_contains("Studies do not all agree.");
    // Harms stand beside benefits, and no P value or directive appears.
    harness.get_by_label_contains("graft-versus-host disease (the donor's cells attack his body)");
    assert!(harness.query_by_label_contains("P = ").is_none());
    assert!(harness.query_by_label_contains("should").is_none());
    assert!(harness.query_by_label_contains("event-free").is_none());
}

#[test]
fn pictures_say_their_question_and_stand_one_under_the_other() {
    // Tall enough that the whole view is on screen and every picture has a place.
    let mut harness =
        egui_kittest::Harness::builder().with_size(egui::vec2(1400.0, 9000.0)).build_eframe(|cc| {
            let open = Some(example("young-boy-in-window.ron"));
            xhim_aid::App::new(cc, StartOptions { open, ..StartOptions::default() })
        });
    harness.run();
    harness.state_mut().push(Command::SetView(ViewMode::Family));
    harness.run();
    let arrays: Vec<egui::Rect> =
        harness.get_all_by_label_contains("Picture of 100 boys.").map(|n| n.rect()).collect();
    assert_eq!(arrays.len(), 2);
    assert!(arrays[1].min.y >= arrays[0].max.y, "side by side: {arrays:?}");
    harness.get_by_label_contains(
        "Picture of 100 boys. Of 100 boys who had a transplant, at any age, how many were alive 5 years later?",
    );
    // Said beside each picture, and in its description for screen readers.
    for clock in ["Counted from the day of the transplant.", "Counted from birth."] {
        assert_eq!(harness.get_all_by_label_contains(clock).count(), 2, "{clock}");
    }
    harness.get_by_label("Squares").click();
    harness.run();
    assert_eq!(harness.state().prefs().icons, xhim_aid::model::family::IconStyle::Abstract);
    harness.get_by_role_and_label(Role::Button, &inheritance_button(Lang::En)).click();
    harness.run();
    assert!(harness.query_all_by_label_contains("Each son has a 1 in 2 chance").count() >= 1);
    assert!(harness.get_all_by_label("Son: has the condition").count() >= 1);
}

#[test]
fn a_boy_with_sclerosing_cholangitis_sees_his_own_risk_factor_and_donor() {
    let harness = family(fixture("boy-7-sclerosing-cholangitis-haplo.ron"));
    harness.get_by_label_contains("He has sclerosing cholangitis");
    harness.get_by_label_contains("sclerosing cholangitis was the biggest risk factor for a transplant.");
    harness.get_by_label_contains("His only donor is not a full match");
    harness.get_by_label_contains("He is past his 6th birthday and younger than 10.");
}

#[test]
fn the_family_rates_asks_and_leans_without_touching_the_file() {
    let mut harness = family(example("young-boy-in-window.ron"));
    let statement = "Acting while he is young.";
    harness.get_by_label(&rating_name(statement, Importance::Very)).click_accesskit();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, &question_field(Lang::En)).focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, &question_field(Lang::En))
        .type_text("Can his sister be tested?");
    harness.run();
    harness.get_by_label(&add_question(Lang::En)).click_accesskit();
    harness.run();
    harness.get_by_label(Leaning::NotSure.label()).click_accesskit();
    harness.run();
    let answers = &harness.state().consultation().answers;
    assert_eq!(answers.importance("act-young"), Some(Importance::Very));
    assert_eq!(answers.questions, ["Can his sister be tested?"]);
    assert_eq!(answers.leaning, Some(Leaning::NotSure));
    harness.get_by_label("Can his sister be tested?");
    // Off by default: the answers stay in this session, the file is untouched.
    assert!(!harness.state().consultation().keep);
    assert!(!harness.state().is_dirty());
    assert_eq!(harness.state().patient().discussion, None);
    // Choosing the chosen answer again clears it.
    harness.get_by_label(&rating_name(statement, Importance::Very)).click_accesskit();
    harness.run();
    assert_eq!(harness.state().consultation().answers.importance("act-young"), None);
}

#[test]
fn answers_are_kept_in_the_file_only_when_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("boy.ron");
    std::fs::copy(example("young-boy-in-window.ron"), &file).unwrap();
    let mut harness = family(file.clone());
    harness
        .get_by_label(&rating_name(
            "Avoiding weeks in hospital and time apart as a family.",
            Importance::Somewhat,
        ))
        .click_accesskit();
    harness.run();
    assert!(!harness.state().is_dirty());
    harness.get_by_label(&keep_answers(Lang::En)).click();
    harness.run();
    assert!(harness.state().is_dirty(), "keeping the answers changes the file");
    harness.state_mut().push(Command::Save);
    wait_for(&mut harness, |app| !app.is_dirty());
    let saved = xhim_aid::io::patient_file::load(&file).unwrap().document;
    let kept = saved.patient.discussion.as_ref().unwrap();
    assert_eq!(kept.importance("time-apart"), Some(Importance::Somewhat));
    assert_eq!(saved.record.changes.last().unwrap().field, "Family discussion");
    // Reopened, the answers come back with "keep" on.
    harness.state_mut().push(Command::New);
    harness.run();
    assert_eq!(harness.state().consultation().answers, Default::default());
    harness.state_mut().push(Command::OpenPath(file.clone()));
    common::settle(&mut harness);
    assert!(harness.state().consultation().keep);
    assert_eq!(harness.state().consultation().answers.importance("time-apart"), Some(Importance::Somewhat));
    // Turning "keep" off takes them out of the file at the next save.
    harness.get_by_label(&keep_answers(Lang::En)).click();
    harness.run();
    assert!(harness.state().is_dirty());
    assert_eq!(harness.state().patient().discussion, None);
}

#[test]
fn the_clinicians_note_is_not_shown_in_the_family_view() {
    let mut harness = family(example("young-boy-in-window.ron"));
    let note = "CD40LG variant confirmed";
    assert!(harness.query_by_label_contains(note).is_none());
    // Opening the folded clinician details shows the form, still without the note.
    harness.get_by_label(&family_details(Lang::En)).click();
    harness.run();
    harness.get_by_label(&labels::age_years());
    assert!(harness.query_by_label_contains(note).is_none());
    assert!(harness.query_by_label(&labels::note()).is_none());
    harness.state_mut().push(Command::SetView(ViewMode::Clinician));
    harness.run();
    let shown =
        harness.query_all_by_label(&labels::note()).any(|n| n.value().is_some_and(|v| v.contains(note)));
    assert!(shown, "the clinician view shows it");
}

#[test]
fn a_transplanted_boys_family_reads_about_life_after_transplant() {
    let harness = family(example("post-hsct-follow-up.ron"));
    harness.get_by_label(headings::LIFE_AFTER);
    assert!(harness.query_by_label(headings::CHOICE).is_none());
    assert!(harness.query_by_label(headings::OPTIONS).is_none());
    assert_eq!(harness.get_all_by_label_contains("Picture of 100 boys.").count(), 1);
}

#[test]
fn handout_is_exported_in_two_clicks() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("handout.pdf");
    let mut harness = family(example("older-boy-sclerosing-cholangitis.ron"));
    let mut dialogs = ScriptedDialogs::default();
    dialogs.answers.push_back(DialogOutcome::Picked(out.clone()));
    harness.state_mut().set_dialogs(Box::new(dialogs));
    harness.get_by_label(&rating_name("Acting while he is young.", Importance::Very)).click_accesskit();
    harness.run();
    harness.get_by_label(&export_button(Lang::En)).click(); // click 1; the dialog's Save is click 2
    let target = out.clone();
    wait_for(&mut harness, move |_| target.exists());
    let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{e}: {:?}", harness.state().notifications()));
    assert!(bytes.starts_with(b"%PDF-"));
    harness.get_by_label_contains("Handout written to");
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    assert!(pdf.get_pages().len() <= 4);
    let text = pdf.extract_text(&pdf.get_pages().keys().copied().collect::<Vec<_>>()).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Acting while he is young. Your answer: Very important"), "{text}");
}

#[test]
fn about_this_aid_opens_from_the_help_menu() {
    let mut harness = common::harness();
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label_contains(ABOUT_ITEM).click();
    harness.run();
    harness.get_by_label_contains("It has not yet been tested with families.");
    harness.get_by_label_contains("It had no funding.");
    harness.get_by_label_contains("Evidence version: 2026-12 (2026-12-07)");
    harness.get_by_label_contains("Evidence fingerprint (SHA-256 of the cohort files): evidence-");
    harness.get_by_label_contains("GeneReviews 2025:");
}

/// Accessible names of every patient input, in form order.
fn inputs() -> Vec<String> {
    let mut names: Vec<String> = ["Years and months", "From dates"].map(str::to_owned).to_vec();
    names.extend([labels::age_years(), labels::age_months(), labels::dx_known()]);
    names.extend(["None", "Planned", "Done", "Liver disease", "Neutropenia"].map(str::to_owned));
    names.extend([labels::donor(), labels::conditioning(), labels::stem_cell_source(), labels::crypto_pcr()]);
    names
}

#[test]
fn keyboard_alone_reaches_every_patient_input() {
    let mut harness = common::harness();
    // Show the conditional fields too.
    harness.get_by_label(&labels::dx_known()).click();
    harness.run();
    let mut reached = std::collections::BTreeSet::new();
    let mut all = inputs();
    all.extend([labels::dx_years(), labels::dx_months(), labels::note()]);
    for _ in 0..120 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        for label in &all {
            if harness.query_all_by_label(label).any(|n| n.is_focused()) {
                reached.insert(label.clone());
            }
        }
    }
    let missing: Vec<_> = all.iter().filter(|l| !reached.contains(*l)).collect();
    assert!(missing.is_empty(), "not reachable by Tab: {missing:?}");
}

#[test]
fn every_input_has_an_accessible_name() {
    let harness = common::harness();
    for label in inputs() {
        assert!(harness.query_all_by_label(&label).count() >= 1, "no input named {label}");
    }
    for c in xhim_aid::model::patient::Condition::ALL {
        harness.get_by_label(c.label());
    }
}

#[test]
fn layout_survives_double_zoom() {
    let mut harness =
        egui_kittest::Harness::builder().with_size(egui::vec2(1400.0, 900.0)).build_eframe(|cc| {
            cc.egui_ctx.set_zoom_factor(2.0);
            xhim_aid::App::new(cc, StartOptions::default())
        });
    harness.run();
    // Still usable at 200 %: the status line and the inputs are there and work.
    harness.get_by_label(&xhim_aid::model::status::enter_an_age());
    harness.get_by_label(&labels::age_years()).click();
    harness.run();
    harness.get_by_label(&labels::age_years()).type_text("7");
    harness.run();
    harness.get_by_label_contains("Past the ≤5-year window");
    harness.state_mut().push(Command::SetView(ViewMode::Family));
    harness.run();
    harness.get_by_label_contains("Out of 100 boys");
}

#[test]
fn theme_choice_is_kept() {
    let mut harness = common::harness();
    harness.state_mut().push(Command::SetTheme(xhim_aid::app::ThemeChoice::Light));
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    harness.state_mut().push(Command::SetTheme(xhim_aid::app::ThemeChoice::Dark));
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
    assert_eq!(harness.state().prefs().theme, xhim_aid::app::ThemeChoice::Dark);
}

/// The family pages in the family's language: chosen in the view, kept in
/// the patient file as an edit, with the family's own question field and
/// the inheritance explainer in it too; the counselor's controls at the top
/// follow the menus' own language.
#[test]
fn the_family_pages_speak_the_familys_language() {
    let mut harness = family(fixture("boy-7-sclerosing-cholangitis-haplo.ron"));
    harness.get_by_label("Language of the family pages").click();
    harness.run();
    harness.get_by_label("日本語").click();
    common::settle(&mut harness);
    assert_eq!(harness.state().family_lang(), Lang::Ja);
    harness.get_by_label("いま 考えている こと");
    harness.get_by_label_contains("お子さんには 硬化性胆管炎");
    harness.get_by_role_and_label(Role::TextInput, &question_field(Lang::Ja));
    assert_eq!(question_field(Lang::Ja), "ご家族の 質問");
    harness.get_by_label(&export_button(Lang::En));
    harness.get_by_label(FAMILY_VIEW);
    // The explainer's window is titled in Japanese, beside the page's own
    // heading of that name.
    let headed =
        |h: &egui_kittest::Harness<'_, xhim_aid::App>| h.query_all_by_label("XHIMの 遺伝の しかた").count();
    let before = headed(&harness);
    harness.get_by_role_and_label(Role::Button, &inheritance_button(Lang::En)).click();
    common::settle(&mut harness);
    assert!(headed(&harness) > before);
    // The menus' own language, chosen in the View menu, also sets the
    // counselor's controls; the family pages keep theirs.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::RadioButton, "Español").click();
    common::settle(&mut harness);
    harness.get_by_label("Archivo");
    harness.get_by_label("Vista para la familia");
    harness.get_by_label("Exportar folleto (PDF)…");
    harness.get_by_label("いま 考えている こと");
}

/// `--lang ja` on the command line sets the window's menus and the family
/// pages to Japanese for that run.
#[test]
fn the_command_lines_language_sets_the_menus_and_the_family_pages() {
    let options = StartOptions {
        display: xhim_aid::cli::Display { family: Some(true), lang: Some(Lang::Ja), ..Default::default() },
        ..StartOptions::default()
    };
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| xhim_aid::App::new(cc, options));
    harness.run();
    assert_eq!(harness.state().prefs().menu_lang, Lang::Ja);
    assert_eq!(harness.state().prefs().family_lang, Lang::Ja);
    harness.get_by_label("ファイル");
    harness.get_by_label("表示");
}
