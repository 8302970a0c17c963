//! The printable report: one PDF with the patient summary, where he stands,
//! the picture's panels (one clock each), the published values that concern
//! him, the evidence on timing, the findings that match him, where studies
//! disagree, any cohort curves, the family pages and every citation. The
//! disclaimer and page numbers are on every page.
//!
//! Everything shown comes from [`crate::model`]: the text is the clinical
//! summary [`Doc`] and the plot is the
//! [`Figure`](crate::model::figure::Figure) the screen draws; this module
//! only lays them out. Text is real text in an embedded font with a
//! `ToUnicode` map, so it can be selected, searched and read aloud. The file
//! goes through the app's atomic writer (temporary file in the same folder,
//! flushed, renamed into place), so a failed export never leaves half a PDF
//! behind, and a new PDF is readable by its owner only: it holds patient
//! data.

mod doc_pdf;
mod family;
mod figures;
mod flow;
mod handout;
mod panels;
mod pdf;
mod rich;

pub use handout::{HandoutOptions, handout_pdf, write_handout};

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::io::patient_file::{PatientDocument, SaveError, SaveStep, utc_timestamp, write_replacing};
use crate::model::Inputs;
use crate::model::cohort::FittedCohort;
use crate::model::discussion::FamilyDiscussion;
use crate::model::evidence::Evidence;
use crate::model::family::{IconStyle, about_section, family_doc};
use crate::model::figure::{CurveOptions, figure};
use crate::model::l10n::{self, Arg, Lang};
use crate::model::patient::Patient;
use crate::model::summary::clinical_summary;
use crate::model::text::{Doc, Paragraph, SectionId};

use self::flow::Flow;
use self::pdf::{Align, CONTENT_W, Font, INK, MARGIN_X, MUTED, PAGE_W, SMALL, Weight};

/// What the report is about: the evidence, the cohorts shown, the patient
/// file and how curves are drawn (the same inputs the screen uses).
#[derive(Clone, Copy, Debug)]
pub struct ReportSource<'a> {
    /// The evidence.
    pub evidence: &'a Evidence,
    /// A centre's or digitized cohorts shown as curves.
    pub cohorts: &'a [FittedCohort],
    /// The patient file (its record is summarised too).
    pub document: &'a PatientDocument,
    /// How curves are drawn.
    pub curves: CurveOptions,
}

impl ReportSource<'_> {
    /// The model's inputs; an invalid record is reported without his
    /// markers, as the screen shows it.
    fn inputs(&self) -> Inputs<'_> {
        let patient = &self.document.patient;
        Inputs {
            evidence: self.evidence,
            cohorts: self.cohorts,
            patient: patient.validate().is_empty().then_some(patient),
            options: self.curves,
        }
    }
}

/// What the user chose for this report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Print the free-text note. Off by default: notes may hold identifying
    /// text, and the report says that it was left out.
    pub include_note: bool,
    /// People or abstract icons in the icon arrays.
    pub icon_style: IconStyle,
    /// The time printed as "generated"; `None` means now. Tests fix it.
    pub generated_at: Option<SystemTime>,
    /// The clinic named on the first page (site configuration).
    pub clinic_name: Option<String>,
}

/// Why a report was not written. Messages name the file and the problem,
/// never patient data.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The PDF could not be put together (the bundled font is unreadable,
    /// a build defect).
    #[error("{}", self.message(Lang::En))]
    Build {
        /// The report file, when known.
        path: Option<PathBuf>,
        /// What went wrong.
        message: String,
    },
    /// The folder to write into does not exist.
    #[error("{}", self.message(Lang::En))]
    MissingFolder {
        /// The report file.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// A file-system step failed; the target is unchanged (after a
    /// [`SaveStep::SyncFolder`] failure the new PDF is in place but might
    /// not survive a power cut).
    #[error("{}", self.message(Lang::En))]
    Write {
        /// The report file.
        path: PathBuf,
        /// The step that failed.
        step: SaveStep,
        /// The operating system's error.
        source: io::Error,
    },
}

impl ReportError {
    /// The problem in `lang`, for the window's messages; [`std::fmt::Display`]
    /// is the English, for the command line and logs. The system's words stay
    /// as it gave them.
    pub fn message(&self, lang: Lang) -> String {
        let text = |s: String| Arg::Text(s);
        match self {
            Self::Build { path, message } => l10n::text(
                lang,
                "error-report-build",
                &[
                    ("file", text(path.as_ref().map_or(String::new(), |p| format!("{}: ", p.display())))),
                    ("message", text(message.clone())),
                ],
            ),
            Self::MissingFolder { path, folder } => l10n::text(
                lang,
                "error-report-folder",
                &[("file", text(path.display().to_string())), ("folder", text(folder.display().to_string()))],
            ),
            Self::Write { path, step, source } => l10n::text(
                lang,
                "error-report-write",
                &[
                    ("file", text(path.display().to_string())),
                    ("step", text(step.message(lang))),
                    ("error", text(source.to_string())),
                ],
            ),
        }
    }
}

/// Builds the report and writes it to `path` atomically (temporary file in
/// the same folder, flushed, then renamed over `path`).
pub fn write_report(
    path: &Path,
    source: &ReportSource<'_>,
    options: &ReportOptions,
) -> Result<(), ReportError> {
    let bytes = report_pdf(source, options).map_err(|e| match e {
        ReportError::Build { message, .. } => ReportError::Build { path: Some(path.to_path_buf()), message },
        other => other,
    })?;
    write_atomically(path, &bytes)
}

/// The report as PDF bytes (what [`write_report`] writes).
pub fn report_pdf(source: &ReportSource<'_>, options: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    let font = Font::bundled().map_err(|message| ReportError::Build { path: None, message })?;
    let mut flow = Flow::new(font);
    let generated = utc_timestamp(options.generated_at.unwrap_or_else(SystemTime::now));
    layout(&mut flow, source, options, &generated);
    footers(&mut flow, Lang::En);
    if !flow.canvas.missing.is_empty() {
        log::warn!("report: characters missing from the font: {:?}", flow.canvas.missing);
    }
    let creator = format!("xhim-aid {}", env!("CARGO_PKG_VERSION"));
    flow.canvas
        .finish(&l10n::en("report-document-title", &[]), &creator)
        .map_err(|message| ReportError::Build { path: None, message })
}

/// Every piece of text the report prints for this patient that comes from
/// the model, for checking the font covers it.
pub fn report_texts(source: &ReportSource<'_>) -> Vec<String> {
    let inputs = source.inputs();
    let fig = figure(&inputs);
    let doc = clinical_summary(&inputs, &fig);
    let mut out: Vec<String> = doc.runs().map(crate::model::text::format::run).collect();
    for panel in &fig.panels {
        out.push(panel.title.clone());
        out.extend(panel.spans.iter().flat_map(|s| [s.label.clone(), s.title.clone()]));
        out.extend(panel.markers.iter().map(|m| m.label.clone()));
        out.extend(
            panel.series.iter().flat_map(|s| std::iter::once(s.label.clone()).chain(s.direct_labels.clone())),
        );
        out.extend(panel.notes.iter().chain(&panel.curve_notes).map(Paragraph::plain));
    }
    let patient = &source.document.patient;
    let family = family_doc(&inputs, patient.discussion.as_ref().unwrap_or(&FamilyDiscussion::default()));
    out.extend(family.sections.iter().map(|s| s.heading.clone()));
    out.extend(family.runs().map(crate::model::text::format::run));
    let about = about_section(source.evidence);
    out.push(about.heading.clone());
    out.extend(
        about.blocks.iter().flat_map(crate::model::text::Block::runs).map(crate::model::text::format::run),
    );
    out.push(crate::DISCLAIMER.to_owned());
    out
}

/// Whether the bundled font has a glyph for every character in `text`.
pub fn font_covers(text: &str) -> bool {
    Font::bundled().is_ok_and(|f| f.covers(text))
}

fn layout(flow: &mut Flow, source: &ReportSource<'_>, options: &ReportOptions, generated: &str) {
    let inputs = source.inputs();
    let fig = figure(&inputs);
    let mut doc = clinical_summary(&inputs, &fig);
    let recorded = source.document.record.saves.last().map(|s| s.evidence_version.as_str());
    crate::model::evidence::changelog::insert_new_since(
        &mut doc,
        source.evidence,
        &source.document.patient,
        recorded,
    );
    title(flow, source.evidence, source.document, generated);
    if let Some(clinic) = &options.clinic_name {
        flow.small(&l10n::en("report-prepared-at", &[("clinic", Arg::Text(clinic.clone()))]), 0.0);
    }
    patient_section(flow, &doc, &source.document.patient, options);
    for id in [SectionId::Status, SectionId::NewEvidence] {
        if let Some(s) = doc.section(id) {
            doc_pdf::section(flow, s);
        }
    }
    flow.heading(&l10n::en("report-picture-heading", &[]));
    flow.small(&l10n::en("report-picture-clocks", &[]), 0.0);
    panels::figure(flow, &fig);
    for id in [
        SectionId::Values,
        SectionId::TimingEvidence,
        SectionId::MatchedFindings,
        SectionId::StudiesDisagree,
        SectionId::Curves,
    ] {
        if let Some(s) = doc.section(id) {
            doc_pdf::section(flow, s);
        }
    }
    family_pages(flow, &inputs, &source.document.patient, options.icon_style);
    if let Some(s) = doc.section(SectionId::Sources) {
        doc_pdf::section(flow, s);
    }
    about_this_aid(flow, source.evidence);
}

fn title(flow: &mut Flow, evidence: &Evidence, doc: &PatientDocument, generated: &str) {
    flow.paragraph_at(&l10n::en("report-title", &[]), 18.0, 0.0, CONTENT_W, (Weight::Bold, INK));
    flow.gap(2.0);
    flow.small(
        &l10n::en(
            "report-generated",
            &[
                ("generated", Arg::Text(generated.to_owned())),
                ("version", Arg::Text(env!("CARGO_PKG_VERSION").to_owned())),
                ("evidence", Arg::Text(crate::model::evidence::changelog::record_label(evidence))),
            ],
        ),
        0.0,
    );
    let saved = doc.record.saves.last().map_or_else(
        || l10n::en("report-not-saved", &[]),
        |s| {
            l10n::en(
                "report-last-saved",
                &[
                    ("by", Arg::Text(s.saved_by.to_string())),
                    ("at", Arg::Text(s.saved_at.to_string())),
                    ("version", Arg::Text(s.app_version.to_string())),
                    ("evidence", Arg::Text(s.evidence_version.to_string())),
                    ("n", Arg::Count(i64::try_from(doc.record.changes.len()).unwrap_or(i64::MAX))),
                ],
            )
        },
    );
    flow.small(&saved, 0.0);
    flow.small(&l10n::en("report-how-to-read", &[]), 0.0);
}

/// His details (the note only when chosen) and any problems with the record.
fn patient_section(flow: &mut Flow, doc: &Doc, patient: &Patient, options: &ReportOptions) {
    let Some(section) = doc.section(SectionId::Patient) else { return };
    flow.heading(&section.heading);
    doc_pdf::blocks(flow, section);
    let note = if options.include_note {
        if patient.note.trim().is_empty() {
            l10n::en("report-note-none", &[])
        } else {
            // A note in Arabic or Hebrew starts its own line, so it reads
            // right to left from the right edge as its writer set it.
            let id =
                if pdf::starts_right_to_left(&patient.note) { "report-note-own-line" } else { "report-note" };
            l10n::en(id, &[("note", Arg::Text(patient.note.clone()))])
        }
    } else {
        l10n::en("report-note-left-out", &[])
    };
    flow.paragraph(&note);
    let problems = patient.validate();
    if !problems.is_empty() {
        let text: Vec<String> = problems.into_iter().map(|p| p.message).collect();
        let problems = text.join(&l10n::en("report-problems-separator", &[]));
        flow.paragraph(&l10n::en("report-problems", &[("problems", Arg::Text(problems))]));
    }
}

/// The family pages: the family text as the family sees it (the choice,
/// his own situation, the options side by side, the pictures of 100 boys
/// and inheritance), so the clinician knows what the family was shown.
fn family_pages(flow: &mut Flow, inputs: &Inputs<'_>, patient: &Patient, style: IconStyle) {
    let text = family_doc(inputs, patient.discussion.as_ref().unwrap_or(&FamilyDiscussion::default()));
    flow.new_page();
    flow.heading(&l10n::en("report-family-heading", &[]));
    flow.small(&l10n::en("report-family-intro", &[]), 0.0);
    for id in [
        SectionId::Choice,
        SectionId::LifeAfterTransplant,
        SectionId::HisSituation,
        SectionId::Options,
        SectionId::Pictures,
        SectionId::Inheritance,
    ] {
        if let Some(section) = text.section(id) {
            family::section(flow, section, style);
        }
    }
}

/// "About this aid": who made it, funding, evidence, updates, errors and
/// limits, as in the Help menu and the family handout.
fn about_this_aid(flow: &mut Flow, evidence: &Evidence) {
    family::section(flow, &about_section(evidence), IconStyle::default());
}

fn footers(flow: &mut Flow, lang: Lang) {
    let total = flow.canvas.page_count();
    let disclaimer =
        if lang == Lang::En { crate::DISCLAIMER.to_owned() } else { l10n::text(lang, "disclaimer", &[]) };
    let count = |n: usize| Arg::Count(i64::try_from(n).unwrap_or(i64::MAX));
    for i in 0..total {
        let Some(mut c) = flow.canvas.select_page(i) else { continue };
        let y = 34.0;
        c.line((MARGIN_X, y + 11.0), (PAGE_W - MARGIN_X, y + 11.0), 0.5, MUTED, &[]);
        c.text(MARGIN_X, y, SMALL, &disclaimer, (Weight::Regular, INK, Align::Left));
        let id = if lang == Lang::En { "report-page-of" } else { "page-of" };
        let page = l10n::text(lang, id, &[("page", count(i + 1)), ("total", count(total))]);
        c.text(PAGE_W - MARGIN_X, y, SMALL, &page, (Weight::Regular, MUTED, Align::Right));
    }
}

/// Writes `bytes` to `path` through the atomic writer, keeping no `.bak`
/// (the report can be made again), after checking the folder exists so the
/// message can say so.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ReportError> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.file_name().is_some() && !folder.is_dir() {
        return Err(ReportError::MissingFolder { path: path.to_path_buf(), folder: folder.to_path_buf() });
    }
    write_replacing(path, bytes).map_err(|SaveError { step, path, source }| ReportError::Write {
        path,
        step,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::patient::{AgeSource, YearsMonths};

    fn young() -> PatientDocument {
        PatientDocument::new(Patient {
            age: AgeSource::Entered(YearsMonths { years: 3, months: 4 }),
            ..Patient::default()
        })
    }

    fn source<'a>(e: &'a Evidence, doc: &'a PatientDocument) -> ReportSource<'a> {
        ReportSource { evidence: e, cohorts: &[], document: doc, curves: CurveOptions::default() }
    }

    #[test]
    fn the_font_covers_every_text_the_report_prints() {
        let e = Evidence::embedded().unwrap();
        let doc = young();
        for text in report_texts(&source(&e, &doc)) {
            assert!(font_covers(&text), "{text}");
        }
        assert!(font_covers("≤ – · é ‘ ’ “ ” ×"));
    }

    /// Every character of every translation is in the embedded fonts, so
    /// no family page prints a stand-in.
    #[test]
    fn the_fonts_cover_every_translation() {
        let font = Font::bundled().unwrap();
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales");
        for lang in std::fs::read_dir(folder).unwrap() {
            for file in std::fs::read_dir(lang.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                let text = std::fs::read_to_string(&path).unwrap();
                let missing: String = text.chars().filter(|c| !font.covers(&c.to_string())).collect();
                assert!(missing.is_empty(), "{}: {missing}", path.display());
            }
        }
    }

    #[test]
    fn produces_a_pdf() {
        let e = Evidence::embedded().unwrap();
        let doc = young();
        let bytes = report_pdf(&source(&e, &doc), &ReportOptions::default()).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(bytes.len() > 10_000);
    }

    #[test]
    fn an_invalid_record_still_gives_a_report_naming_its_problems() {
        let e = Evidence::embedded().unwrap();
        let doc = PatientDocument::new(Patient {
            age: AgeSource::Entered(YearsMonths { years: 3, months: 14 }),
            note: "x ".repeat(3000),
            ..Patient::default()
        });
        let options = ReportOptions { include_note: true, ..ReportOptions::default() };
        let bytes = report_pdf(&source(&e, &doc), &options).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
    }

    /// Every message the report prints is in the English files: a young boy
    /// and an invalid record, with and without the note.
    #[test]
    fn every_message_the_report_uses_is_in_the_english_files() {
        let e = Evidence::embedded().unwrap();
        let invalid = PatientDocument::new(Patient {
            age: AgeSource::Entered(YearsMonths { years: 3, months: 14 }),
            ..Patient::default()
        });
        for doc in [young(), invalid] {
            for include_note in [false, true] {
                let options = ReportOptions {
                    include_note,
                    clinic_name: Some("A clinic".into()),
                    ..ReportOptions::default()
                };
                let bytes = report_pdf(&source(&e, &doc), &options).unwrap();
                let pdf = lopdf::Document::load_mem(&bytes).unwrap();
                let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
                let text = pdf.extract_text(&pages).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(!text.contains("[missing text:"), "{text}");
                assert!(text.contains("Prepared at A clinic."), "{text}");
            }
        }
    }

    /// The text of a PDF, white space folded, and whether any text is drawn
    /// bold (filled and stroked).
    fn printed(flow: Flow) -> (String, bool) {
        let bytes = flow.canvas.finish("test", "test").unwrap();
        let pdf = lopdf::Document::load_mem(&bytes).unwrap();
        let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
        let text = pdf.extract_text(&pages).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
        let bold = pdf.get_pages().values().any(|id| {
            let content = lopdf::content::Content::decode(&pdf.get_page_content(*id)).unwrap();
            content
                .operations
                .iter()
                .any(|op| op.operator == "Tr" && op.operands.first().and_then(|o| o.as_i64().ok()) == Some(2))
        });
        (text, bold)
    }

    #[test]
    fn every_kind_of_block_is_printed_on_clinician_and_family_pages() {
        let blocks = crate::model::text::samples::every_block();
        let mut section = crate::model::text::Section::new(SectionId::Status, "Every block");
        section.blocks = blocks.iter().map(|(b, _)| b.clone()).collect();
        for family_pages in [false, true] {
            let mut flow = Flow::new(Font::bundled().unwrap());
            if family_pages {
                family::section(&mut flow, &section, IconStyle::default());
            } else {
                doc_pdf::section(&mut flow, &section);
            }
            let (text, _) = printed(flow);
            for (block, words) in &blocks {
                for w in words {
                    assert!(text.contains(w), "family pages {family_pages}: {block:?}: “{w}” not in {text}");
                }
            }
        }
    }

    #[test]
    fn numbers_are_bold_on_clinician_pages_as_on_screen() {
        let number = Paragraph::new()
            .text("He is ")
            .num(crate::model::text::Quantity::patient(40.0, crate::model::text::Unit::Months))
            .text(" old.");
        let section = crate::model::text::Section::new(SectionId::Status, "Where he stands")
            .with(crate::model::text::Block::Paragraph(number));
        let mut flow = Flow::new(Font::bundled().unwrap());
        doc_pdf::blocks(&mut flow, &section);
        let (text, bold) = printed(flow);
        assert!(text.contains("He is 3 years 4 months old."), "{text}");
        assert!(bold);
        let plain = crate::model::text::Section::new(SectionId::Status, "")
            .with(crate::model::text::Block::Paragraph("No number here.".into()));
        let mut flow = Flow::new(Font::bundled().unwrap());
        doc_pdf::blocks(&mut flow, &plain);
        assert!(!printed(flow).1);
    }

    #[test]
    fn a_path_without_a_file_name_is_refused() {
        let err = write_atomically(Path::new("/"), b"x").unwrap_err();
        assert!(matches!(err, ReportError::Write { step: SaveStep::CreateTemp, .. }), "{err}");
    }
}
