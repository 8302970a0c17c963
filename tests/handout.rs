//! The family handout for every example, the 7-year-old with sclerosing
//! cholangitis and a haploidentical donor, and a boy with every condition:
//! at most four pages, the choice, the options on the same rows, his own
//! risk factors, the family's ratings, questions and leaning, inheritance,
//! sources and "About this aid"; no P value, no survival-statistics term
//! and never the clinician's note.

// The allowance for tests covers `#[test]` functions only, not their helpers.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on any unexpected result")]

use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use xhim_aid::io::patient_file::{self, PatientDocument};
use xhim_aid::io::report::{HandoutOptions, handout_pdf, write_handout};
use xhim_aid::model::discussion::{FamilyDiscussion, Importance, Leaning};
use xhim_aid::model::evidence::Evidence;
use xhim_aid::model::family::{ROWS, headings};
use xhim_aid::model::l10n::Lang;
use xhim_aid::model::patient::{Conditions, Donor, Hsct, Patient, PlannedHsct, YearsMonths};

fn files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("assets/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    paths.push(root.join("tests/fixtures/family/boy-7-sclerosing-cholangitis-haplo.ron"));
    paths
}

fn load(path: &Path) -> PatientDocument {
    patient_file::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).document
}

fn options() -> HandoutOptions {
    HandoutOptions {
        generated_at: Some(UNIX_EPOCH + Duration::from_secs(1_795_610_096)),
        ..HandoutOptions::default()
    }
}

/// Text of each page, white space folded.
fn pages(bytes: &[u8]) -> Vec<String> {
    let pdf = lopdf::Document::load_mem(bytes).unwrap();
    let numbers: Vec<u32> = pdf.get_pages().keys().copied().collect();
    numbers
        .iter()
        .map(|n| pdf.extract_text(&[*n]).unwrap().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// A boy with every condition, no donor yet, a planned date and a family
/// with many answers: the longest handout.
fn everything() -> (PatientDocument, FamilyDiscussion) {
    let mut doc = load(&files()[1]);
    doc.patient = Patient {
        conditions: Conditions {
            liver_disease: true,
            sclerosing_cholangitis: true,
            lung_damage: true,
            cryptosporidium: true,
            pneumocystis: true,
            other_infections: true,
            neutropenia: true,
        },
        donor: Donor::NoneYet,
        hsct: Hsct::Planned { at: Some(PlannedHsct::Age(YearsMonths { years: 9, months: 6 })) },
        ..doc.patient
    };
    let mut answers = FamilyDiscussion::default();
    for (id, level) in [("early-risk", Importance::Very), ("act-young", Importance::Somewhat)] {
        answers.set_importance(id, Some(level));
    }
    answers.leaning = Some(Leaning::CareNowTransplantLater);
    answers.questions =
        (1..=5).map(|i| format!("Our own question number {i}, about his care and his school?")).collect();
    (doc, answers)
}

fn check(name: &str, doc: &PatientDocument, answers: &FamilyDiscussion) -> String {
    let evidence = Evidence::embedded().unwrap();
    let bytes = handout_pdf(&evidence, doc, answers, &options()).unwrap();
    let pages = pages(&bytes);
    assert!(pages.len() <= 4, "{name}: {} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(xhim_aid::DISCLAIMER), "{name} page {}", i + 1);
        assert!(page.contains(&format!("Page {} of {}", i + 1, pages.len())), "{name}");
    }
    let all = pages.join(" ");
    for banned in [
        "P =",
        "hazard ratio",
        "event-free",
        "disease-free",
        "confidence interval",
        "Kaplan",
        "overall survival",
    ] {
        assert!(!all.to_lowercase().contains(&banned.to_lowercase()), "{name}: “{banned}”");
    }
    assert!(!all.to_lowercase().contains("should"), "{name}");
    let note: String = doc.patient.note.split_whitespace().take(5).collect::<Vec<_>>().join(" ");
    assert!(!all.contains(&note), "{name}: the note leaked");
    for heading in [
        headings::SITUATION_AFTER,
        headings::PICTURES,
        headings::STEPS,
        headings::INHERITANCE,
        headings::SOURCES,
        headings::ABOUT,
    ] {
        if heading != headings::SITUATION_AFTER || matches!(doc.patient.hsct, Hsct::Done { .. }) {
            assert!(all.contains(heading), "{name}: no “{heading}”");
        }
    }
    assert!(all.contains("It has not yet been tested with families."), "{name}");
    // The evidence is named by its date on family pages, never its hash.
    assert!(all.contains("evidence of December 2026"), "{name}");
    assert!(!all.contains(&evidence.version), "{name}");
    all
}

#[test]
fn every_handout_fits_four_pages_and_says_what_the_family_needs() {
    for path in files() {
        let doc = load(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let all = check(&name, &doc, &FamilyDiscussion::default());
        if matches!(doc.patient.hsct, Hsct::Done { .. }) {
            assert!(all.contains(headings::LIFE_AFTER), "{name}");
            assert!(!all.contains(headings::OPTIONS), "{name}");
            continue;
        }
        for text in [headings::CHOICE, headings::OPTIONS, headings::WHAT_MATTERS, headings::LEANING] {
            assert!(all.contains(text), "{name}: no “{text}”");
        }
        for row in ROWS {
            assert!(all.contains(row), "{name}: no row “{row}”");
        }
        for option in [
            "A: a transplant soon",
            "B: current care now, a transplant later",
            "C: current care without a transplant",
        ] {
            assert!(all.contains(option), "{name}: {option}");
        }
        assert!(all.contains("Acting while he is young."), "{name}");
        assert!(all.contains("Your own questions:"), "{name}");
    }
}

#[test]
fn the_sclerosing_cholangitis_boy_reads_his_own_risk_factor() {
    let path = files().pop().unwrap();
    let all = check("SC boy", &load(&path), &FamilyDiscussion::default());
    assert!(all.contains("sclerosing cholangitis was the biggest risk factor for a transplant."), "{all}");
    assert!(all.contains("His only donor is not a full match"));
}

#[test]
fn the_familys_answers_are_printed() {
    let (doc, answers) = everything();
    let all = check("everything", &doc, &answers);
    assert!(all.contains("Avoiding the early dangers of a transplant, such as serious infection. Your answer: Very important"), "{all}");
    assert!(all.contains("Acting while he is young. Your answer: Somewhat important"));
    assert!(all.contains("B: current care now, a transplant later (your answer)"));
    assert!(all.contains("Our own question number 5, about his care and his school?"));
    assert!(all.contains("Your own questions so far:"));
}

#[test]
fn the_handout_is_written_atomically() {
    let evidence = Evidence::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("handout.pdf");
    write_handout(&target, &evidence, &load(&files()[0]), &FamilyDiscussion::default(), &options()).unwrap();
    assert!(std::fs::read(&target).unwrap().starts_with(b"%PDF-"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["handout.pdf"]);
}

#[test]
fn the_command_line_writes_the_handout() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("h.pdf");
    let file = files().pop().unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_xhim-aid"))
        .args(["report", file.to_str().unwrap(), "--family", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(String::from_utf8_lossy(&run.stdout).contains("family handout written"));
    let all = pages(&std::fs::read(&out).unwrap()).join(" ");
    assert!(all.contains(headings::CHOICE));
    assert!(!all.contains("P ="));
}

#[test]
fn a_family_question_in_japanese_prints_as_written() {
    let evidence = Evidence::embedded().unwrap();
    let doc = load(&files()[0]);
    let question = "移植のあと、学校には いつから 行けますか？";
    let answers = FamilyDiscussion { questions: vec![question.to_owned()], ..FamilyDiscussion::default() };
    let bytes = handout_pdf(&evidence, &doc, &answers, &options()).unwrap();
    let all = pages(&bytes).join(" ");
    assert!(all.contains(question), "{all}");
    assert!(bytes.len() < 150_000, "{} bytes", bytes.len());
}

/// A family's question in Hebrew (and one in Arabic) reads right to left:
/// a reader that takes glyphs left to right extracts each word turned
/// round (each glyph names its letters in drawing order, so a viewer that
/// turns right-to-left runs round gets the words as written), and never in
/// the order it is stored, which would mean drawn left to right.
#[test]
fn a_family_question_in_hebrew_or_arabic_prints_right_to_left() {
    let evidence = Evidence::embedded().unwrap();
    let doc = load(&files()[0]);
    let hebrew = "מתי הוא יוכל לחזור לגן אחרי ההשתלה?";
    let arabic = "متى يستطيع العودة إلى المدرسة؟";
    let answers = FamilyDiscussion {
        questions: vec![hebrew.to_owned(), arabic.to_owned()],
        ..FamilyDiscussion::default()
    };
    let all = pages(&handout_pdf(&evidence, &doc, &answers, &options()).unwrap()).join(" ");
    for word in hebrew.split(' ').chain(arabic.split(' ')) {
        let word = word.trim_end_matches(['?', '؟']);
        let drawn: String = word.chars().rev().collect();
        assert!(all.contains(&drawn), "{word} in {all}");
        assert!(!all.contains(word), "{word} drawn left to right in {all}");
    }
}

/// The handout in Japanese and in Spanish, for every example and the
/// 7-year-old with sclerosing cholangitis: at most four pages (two for a
/// transplanted boy), in the family's language with the translators' note,
/// numbers with their sources, and the family's own question as written.
#[test]
fn the_handout_in_japanese_and_spanish() {
    let evidence = Evidence::embedded().unwrap();
    let answers = FamilyDiscussion {
        questions: vec!["移植のあと、学校には いつから 行けますか？".to_owned()],
        ..FamilyDiscussion::default()
    };
    for lang in [Lang::Ja, Lang::Es] {
        for path in files() {
            let doc = load(&path);
            let options = HandoutOptions { lang: Some(lang), ..options() };
            let bytes = handout_pdf(&evidence, &doc, &answers, &options).unwrap();
            let text = pages(&bytes);
            let name = format!("{lang} {}", path.display());
            let most = if matches!(doc.patient.hsct, Hsct::Done { .. }) { 2 } else { 4 };
            assert!(text.len() <= most, "{name}: {} pages", text.len());
            let all = text.join(" ");
            let (title, translated, source) = match lang {
                Lang::Ja => {
                    ("造血幹細胞移植", "日本語を 母語と する 医師の 確認は まだ 受けて いません", "EBMT 2019")
                }
                _ => ("trasplante de células madre", "aún no lo ha revisado un médico nativo", "EBMT 2019"),
            };
            for needle in [title, translated, source, answers.questions[0].as_str()] {
                assert!(all.contains(needle), "{name}: no “{needle}” in {all}");
            }
            assert!(!all.contains("[missing"), "{name}");
            assert!(!all.contains("The choice you are facing"), "{name}: English left");
        }
    }
    // The patient file's language is the default.
    let mut doc = load(&files()[0]);
    doc.patient.family_language = Some(Lang::Es);
    let all = pages(&handout_pdf(&evidence, &doc, &answers, &options()).unwrap()).join(" ");
    assert!(all.contains("Sobre esta ayuda"), "{all}");
}

/// A family with five questions of its own and its answers, for the boy of
/// 9 with sclerosing cholangitis: four pages in every language (in Spanish
/// only with the space between blocks halved; the type keeps its size).
#[test]
fn a_family_with_many_answers_still_gets_four_pages_in_every_language() {
    let evidence = Evidence::embedded().unwrap();
    let path = files().into_iter().find(|p| p.to_string_lossy().contains("sclerosing")).unwrap();
    let doc = load(&path);
    let (_, answers) = everything();
    for lang in Lang::ALL {
        let options = HandoutOptions { lang: Some(lang), ..options() };
        let text = pages(&handout_pdf(&evidence, &doc, &answers, &options).unwrap());
        assert!(text.len() <= 4, "{lang}: {} pages", text.len());
        let all = text.join(" ");
        assert!(all.contains("Our own question number 5"), "{lang}");
        assert!(!all.contains("[missing"), "{lang}");
    }
}
