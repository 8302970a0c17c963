//! The PDF report for every example patient: it parses, its text can be
//! extracted (so it is real text with a `ToUnicode` map, not outlines), and
//! it carries the patient's age, the Japan 2015 citation and the disclaimer
//! on every page. Writing into a missing folder fails clearly and leaves
//! nothing behind.

// The allowance for tests covers `#[test]` functions only, not their helpers.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on any unexpected result")]

use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use xhim_aid::io::patient_file::{self, PatientDocument};
use xhim_aid::io::report::{ReportError, ReportOptions, ReportSource, report_pdf, write_report};
use xhim_aid::model::cohort::FittedCohort;
use xhim_aid::model::evidence::Evidence;
use xhim_aid::model::family::IconStyle;
use xhim_aid::model::figure::CurveOptions;
use xhim_aid::model::patient::describe_months;

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 3, "{paths:?}");
    paths
}

fn options() -> ReportOptions {
    ReportOptions {
        generated_at: Some(UNIX_EPOCH + Duration::from_secs(1_795_610_096)),
        ..ReportOptions::default()
    }
}

/// Text of each page, with runs of white space folded to one space so a
/// phrase wrapped across lines is still found.
fn page_texts(bytes: &[u8]) -> Vec<String> {
    let pdf = lopdf::Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    assert!(!pages.is_empty());
    pages
        .iter()
        .map(|n| {
            let text = pdf.extract_text(&[*n]).unwrap();
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

fn source<'a>(
    evidence: &'a Evidence,
    doc: &'a PatientDocument,
    cohorts: &'a [FittedCohort],
) -> ReportSource<'a> {
    ReportSource { evidence, cohorts, document: doc, curves: CurveOptions::default() }
}

fn pdf(evidence: &Evidence, doc: &PatientDocument, options: &ReportOptions) -> Vec<u8> {
    report_pdf(&source(evidence, doc, &[]), options).unwrap()
}

fn load(path: &Path) -> PatientDocument {
    patient_file::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).document
}

#[test]
fn a_file_saved_under_older_evidence_says_in_the_report_what_is_new_for_him() {
    let evidence = Evidence::embedded().unwrap();
    let mut doc = load(&examples()[0]);
    for save in &mut doc.record.saves {
        save.evidence_version = "evidence-0123456789abcdef".to_owned();
    }
    let all = page_texts(&pdf(&evidence, &doc, &options())).join(" ");
    assert!(all.contains("New in the evidence since this file was saved"), "{all}");
    assert!(all.contains("last saved under evidence evidence-0123456789abcdef"), "{all}");
}

#[test]
fn every_example_report_has_age_citation_and_disclaimer() {
    let evidence = Evidence::embedded().unwrap();
    for path in examples() {
        let doc = load(&path);
        let bytes = pdf(&evidence, &doc, &options());
        let pages = page_texts(&bytes);
        let all = pages.join(" ");
        let age = describe_months(doc.patient.age_months().unwrap());
        assert!(all.contains(&age), "{}: no “{age}”", path.display());
        assert!(all.contains("Mitsui-Sekinaka K"), "{}", path.display());
        assert!(all.contains("J Allergy Clin Immunol 2015;136(4):1018-24"), "{}", path.display());
        assert!(all.contains("Japan 2015"), "{}", path.display());
        assert!(all.contains("2026-11-25T12:34:56Z"), "{}", path.display());
        assert!(all.contains(&evidence.version), "{}", path.display());
        // Saved under the current evidence: nothing is new for him.
        assert!(!all.contains("New in the evidence since this file was saved"), "{}", path.display());
        for (i, page) in pages.iter().enumerate() {
            assert!(page.contains(xhim_aid::DISCLAIMER), "{} page {}: {page}", path.display(), i + 1);
            assert!(page.contains(&format!("Page {} of {}", i + 1, pages.len())), "{}", path.display());
        }
        // The note is left out unless asked for, and the page says so.
        assert!(all.contains("notes may hold identifying text"), "{}", path.display());
        let first_words: String = doc.patient.note.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        assert!(!all.contains(&first_words), "{}: the note leaked", path.display());
        // What is published and what is calculated is said, never "every
        // number is published"; post-HSCT values say for which ages.
        assert!(!all.contains("Every number in this report is a published value"), "{}", path.display());
        assert!(all.contains("A number marked “calculated” is derived"), "{}", path.display());
        assert!(all.contains("all ages at HSCT"), "{}", path.display());
        assert!(all.contains("Survival after HSCT"), "{}", path.display());
        // Plain-language family text is there, with no directive.
        assert!(all.contains("Of 100 boys who had a transplant"), "{}", path.display());
        assert!(!all.to_lowercase().contains("should"), "{}", path.display());
        assert!(!all.to_lowercase().contains("transplant now"), "{}", path.display());
    }
}

#[test]
fn sclerosing_cholangitis_is_matched_with_its_source() {
    let evidence = Evidence::embedded().unwrap();
    let path = examples().into_iter().find(|p| p.to_string_lossy().contains("sclerosing")).unwrap();
    let bytes = pdf(&evidence, &load(&path), &options());
    let all = page_texts(&bytes).join(" ");
    assert!(all.contains("He has sclerosing cholangitis."), "{all}");
    assert!(all.contains("sclerosing cholangitis was the most important risk factor"));
}

#[test]
fn the_note_is_printed_when_chosen() {
    let evidence = Evidence::embedded().unwrap();
    let path = examples().into_iter().find(|p| p.to_string_lossy().contains("young")).unwrap();
    let doc = load(&path);
    let opts = ReportOptions { include_note: true, icon_style: IconStyle::Abstract, ..options() };
    let all = page_texts(&pdf(&evidence, &doc, &opts)).join(" ");
    assert!(all.contains("CD40LG variant confirmed"), "{all}");
}

/// A right-to-left word as a PDF reader that reads glyphs left to right
/// extracts it: each glyph names its letters in the order they are drawn,
/// so a viewer that turns right-to-left runs round gets the word as written.
fn as_drawn(word: &str) -> String {
    word.chars().rev().collect()
}

#[test]
fn a_note_in_any_script_prints_as_written_from_small_font_subsets() {
    let evidence = Evidence::embedded().unwrap();
    let path = examples().into_iter().find(|p| p.to_string_lossy().contains("young")).unwrap();
    let mut doc = load(&path);
    let words = ["ملاحظة الطبيب", "הערה של הרופא", "医生的记录", "의사 메모", "→ ≥ 3"];
    doc.patient.note = words.join(" / ");
    let opts = ReportOptions { include_note: true, ..options() };
    let bytes = pdf(&evidence, &doc, &opts);
    let all = page_texts(&bytes).join(" ");
    for w in words {
        for word in w.split(' ') {
            assert!(all.contains(word) || all.contains(&as_drawn(word)), "{word} in {all}");
        }
    }
    // Subsets, not whole fonts: the 3.5 MB CJK font adds a few kilobytes.
    assert!(bytes.len() < 150_000, "{} bytes", bytes.len());
}

/// An Arabic clinician's note is set right to left, joined: every word is
/// there drawn from the right, none in the order it is stored (which
/// would mean drawn left to right). The family's questions are printed in
/// the handout (`tests/handout.rs`).
#[test]
fn an_arabic_note_prints_right_to_left() {
    let evidence = Evidence::embedded().unwrap();
    let path = examples().into_iter().find(|p| p.to_string_lossy().contains("young")).unwrap();
    let mut doc = load(&path);
    let note = "ملاحظة الطبيب: ناقشنا زرع الخلايا الجذعية مع الأسرة";
    doc.patient.note = note.to_owned();
    let opts = ReportOptions { include_note: true, ..options() };
    let all = page_texts(&pdf(&evidence, &doc, &opts)).join(" ");
    for word in note.split(' ').map(|w| w.trim_end_matches(':')) {
        assert!(all.contains(&as_drawn(word)), "{word} in {all}");
        assert!(!all.contains(word), "{word} drawn left to right in {all}");
    }
}

#[test]
fn the_pdf_embeds_its_font_with_a_unicode_map() {
    let evidence = Evidence::embedded().unwrap();
    let path = examples().into_iter().next().unwrap();
    let bytes = pdf(&evidence, &load(&path), &options());
    let parsed = lopdf::Document::load_mem(&bytes).unwrap();
    let mut font_file = false;
    let mut to_unicode = false;
    for object in parsed.objects.values() {
        if let Ok(dict) = object.as_dict() {
            font_file |= dict.has(b"FontFile2");
            to_unicode |= dict.has(b"ToUnicode");
        }
    }
    assert!(font_file && to_unicode);
    // Identical input gives identical bytes.
    assert_eq!(bytes, pdf(&evidence, &load(&path), &options()));
}

#[test]
fn writes_atomically_and_refuses_a_missing_folder() {
    let evidence = Evidence::embedded().unwrap();
    let doc = load(&examples()[0]);
    let dir = tempfile::tempdir().unwrap();

    let target = dir.path().join("report.pdf");
    write_report(&target, &source(&evidence, &doc, &[]), &options()).unwrap();
    assert!(std::fs::read(&target).unwrap().starts_with(b"%PDF-"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["report.pdf"]);

    let missing = dir.path().join("no-such-folder").join("report.pdf");
    let err = write_report(&missing, &source(&evidence, &doc, &[]), &options()).unwrap_err();
    assert!(matches!(err, ReportError::MissingFolder { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("report.pdf") && message.contains("does not exist"), "{message}");
    assert!(!dir.path().join("no-such-folder").exists());
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["report.pdf"]);
}

#[test]
fn a_centres_cohort_is_drawn_and_tabulated_in_the_report() {
    let evidence = Evidence::embedded().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/records.csv");
    let csv = std::fs::read_to_string(fixture).unwrap();
    let cohort = xhim_aid::io::cohort_file::from_records(
        &csv,
        "records.csv",
        ("follow_up_years", "died", None),
        "Centre A",
        xhim_aid::model::clock::Clock::Age,
        xhim_aid::model::cohort::TimeUnit::Years,
    )
    .unwrap();
    let cohorts = [FittedCohort::new(cohort).unwrap()];
    let doc = load(&examples()[1]);
    let bytes = report_pdf(&source(&evidence, &doc, &cohorts), &options()).unwrap();
    let all = page_texts(&bytes).join(" ");
    assert!(all.contains("Centre A (n = 60)"), "{all}");
    assert!(all.contains("Numbers at risk (events, censored so far)"), "{all}");
    assert!(all.contains("Kaplan–Meier of patient records from records.csv"), "{all}");
}

#[test]
fn the_clinic_named_in_the_site_configuration_is_on_the_first_page() {
    let evidence = Evidence::embedded().unwrap();
    let doc = load(&examples()[0]);
    let named = ReportOptions { clinic_name: Some("Ward 3, Example Hospital".to_owned()), ..options() };
    let pages = page_texts(&pdf(&evidence, &doc, &named));
    assert!(pages[0].contains("Prepared at Ward 3, Example Hospital."), "{}", pages[0]);
    let unnamed = page_texts(&pdf(&evidence, &doc, &options()));
    assert!(!unnamed.iter().any(|p| p.contains("Prepared at")));
}

#[test]
fn the_report_keeps_the_authors_words_and_draws_every_clock() {
    let evidence = Evidence::embedded().unwrap();
    let path = examples().into_iter().find(|p| p.ends_with("post-hsct-follow-up.ron")).unwrap();
    let all = page_texts(&pdf(&evidence, &load(&path), &options())).join(" ");
    for words in [
        "Survival since diagnosis",
        "Median survival 25 y from diagnosis, all patients (International 2017, n = 176)",
        "> 80 %",
        "OS greater than 80 % at 10 y after HSCT, all ages at HSCT",
        "approximately 80 %",
        "close to 90 %",
        "alive at the close of the survey: a crude proportion",
        "He is past the first year after HSCT.",
        "Hayward 1996",
    ] {
        assert!(all.contains(words), "no “{words}”");
    }
    assert!(!all.contains("Hayward 1997"), "one year for the Hayward series everywhere");
}
