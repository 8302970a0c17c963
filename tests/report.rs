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
use xhim_aid::io::report::{ReportError, ReportOptions, report_pdf, write_report};
use xhim_aid::model::evidence::Evidence;
use xhim_aid::model::family::IconStyle;
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

fn load(path: &Path) -> PatientDocument {
    patient_file::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).document
}

#[test]
fn every_example_report_has_age_citation_and_disclaimer() {
    let evidence = Evidence::embedded().unwrap();
    for path in examples() {
        let doc = load(&path);
        let bytes = report_pdf(&evidence, &doc, &options()).unwrap();
        let pages = page_texts(&bytes);
        let all = pages.join(" ");
        let age = describe_months(doc.patient.age_months().unwrap());
        assert!(all.contains(&age), "{}: no “{age}”", path.display());
        assert!(all.contains("Mitsui-Sekinaka K"), "{}", path.display());
        assert!(all.contains("J Allergy Clin Immunol 2015;136(4):1018-24"), "{}", path.display());
        assert!(all.contains("Japan 2015"), "{}", path.display());
        assert!(all.contains("2026-11-25T12:34:56Z"), "{}", path.display());
        assert!(all.contains(&evidence.version), "{}", path.display());
        for (i, page) in pages.iter().enumerate() {
            assert!(page.contains(xhim_aid::DISCLAIMER), "{} page {}: {page}", path.display(), i + 1);
            assert!(page.contains(&format!("Page {} of {}", i + 1, pages.len())), "{}", path.display());
        }
        // The note is left out unless asked for, and the page says so.
        assert!(all.contains("notes may hold identifying text"), "{}", path.display());
        let first_words: String = doc.patient.note.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        assert!(!all.contains(&first_words), "{}: the note leaked", path.display());
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
    let bytes = report_pdf(&evidence, &load(&path), &options()).unwrap();
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
    let all = page_texts(&report_pdf(&evidence, &doc, &opts).unwrap()).join(" ");
    assert!(all.contains("CD40LG variant confirmed"), "{all}");
}

#[test]
fn the_pdf_embeds_its_font_with_a_unicode_map() {
    let evidence = Evidence::embedded().unwrap();
    let path = examples().into_iter().next().unwrap();
    let bytes = report_pdf(&evidence, &load(&path), &options()).unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let mut font_file = false;
    let mut to_unicode = false;
    for object in pdf.objects.values() {
        if let Ok(dict) = object.as_dict() {
            font_file |= dict.has(b"FontFile2");
            to_unicode |= dict.has(b"ToUnicode");
        }
    }
    assert!(font_file && to_unicode);
    // Identical input gives identical bytes.
    assert_eq!(bytes, report_pdf(&evidence, &load(&path), &options()).unwrap());
}

#[test]
fn writes_atomically_and_refuses_a_missing_folder() {
    let evidence = Evidence::embedded().unwrap();
    let doc = load(&examples()[0]);
    let dir = tempfile::tempdir().unwrap();

    let target = dir.path().join("report.pdf");
    write_report(&target, &evidence, &doc, &options()).unwrap();
    assert!(std::fs::read(&target).unwrap().starts_with(b"%PDF-"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["report.pdf"]);

    let missing = dir.path().join("no-such-folder").join("report.pdf");
    let err = write_report(&missing, &evidence, &doc, &options()).unwrap_err();
    assert!(matches!(err, ReportError::MissingFolder { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("report.pdf") && message.contains("does not exist"), "{message}");
    assert!(!dir.path().join("no-such-folder").exists());
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["report.pdf"]);
}
