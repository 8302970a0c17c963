//! The printable report: one PDF with the patient summary, where he stands
//! on the timing evidence, the survival picture, the evidence side by side,
//! the family pages (plain words, icon arrays, inheritance), the findings
//! that match him and every citation. The disclaimer and page numbers are on
//! every page.
//!
//! Everything shown comes from [`crate::model`]: the text is built by
//! [`TimingEvidence`], [`family_doc`] and [`Evidence::match_patient`], and
//! the plot from [`picture`]; this module only lays it out. Text is real
//! text in an embedded font with a `ToUnicode` map, so it can be selected,
//! searched and read aloud. The file is written to a temporary file in the
//! same folder and renamed into place, so a failed export never leaves half
//! a PDF behind.

mod family;
mod figures;
mod flow;
mod handout;
mod pdf;

pub use handout::{HandoutOptions, handout_pdf, write_handout};

use std::fs::{self, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use crate::io::patient_file::{PatientDocument, utc_timestamp};
use crate::model::Inputs;
use crate::model::discussion::FamilyDiscussion;
use crate::model::evidence::{Evidence, Topic};
use crate::model::family::{IconStyle, about_section, family_doc};
use crate::model::patient::{AgeSource, Hsct, Patient, describe_months};
use crate::model::picture::picture;
use crate::model::text::{SectionId, words};
use crate::model::timing::TimingEvidence;

use self::flow::Flow;
use self::pdf::{Align, CONTENT_W, Font, INK, MARGIN_X, MUTED, PAGE_W, SMALL, Weight};

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
}

/// The step of writing a report that failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteStep {
    /// Creating the temporary file beside the target.
    CreateTemp,
    /// Writing the PDF bytes.
    Write,
    /// Flushing them to the disk.
    Sync,
    /// Renaming the temporary file over the target.
    Replace,
}

impl std::fmt::Display for WriteStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::CreateTemp => "create a temporary file in its folder",
            Self::Write => "write the PDF",
            Self::Sync => "flush the PDF to the disk",
            Self::Replace => "put the finished PDF in place",
        })
    }
}

/// Why a report was not written. Messages name the file and the problem,
/// never patient data.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The PDF could not be put together (the bundled font is unreadable,
    /// a build defect).
    #[error("{}the report could not be built: {message}", file_prefix(path.as_deref()))]
    Build {
        /// The report file, when known.
        path: Option<PathBuf>,
        /// What went wrong.
        message: String,
    },
    /// The folder to write into does not exist.
    #[error("{}: the folder “{}” does not exist", path.display(), folder.display())]
    MissingFolder {
        /// The report file.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// A file-system step failed; the target is unchanged.
    #[error("{}: could not {step}: {source}", path.display())]
    Write {
        /// The report file.
        path: PathBuf,
        /// The step that failed.
        step: WriteStep,
        /// The operating system's error.
        source: io::Error,
    },
}

fn file_prefix(path: Option<&Path>) -> String {
    path.map_or(String::new(), |p| format!("{}: ", p.display()))
}

/// Builds the report and writes it to `path` atomically (temporary file in
/// the same folder, flushed, then renamed over `path`).
pub fn write_report(
    path: &Path,
    evidence: &Evidence,
    doc: &PatientDocument,
    options: &ReportOptions,
) -> Result<(), ReportError> {
    let bytes = report_pdf(evidence, doc, options).map_err(|e| match e {
        ReportError::Build { message, .. } => ReportError::Build { path: Some(path.to_path_buf()), message },
        other => other,
    })?;
    write_atomically(path, &bytes)
}

/// The report as PDF bytes (what [`write_report`] writes).
pub fn report_pdf(
    evidence: &Evidence,
    doc: &PatientDocument,
    options: &ReportOptions,
) -> Result<Vec<u8>, ReportError> {
    let font = Font::bundled().map_err(|message| ReportError::Build { path: None, message })?;
    let mut flow = Flow::new(font);
    let generated = utc_timestamp(options.generated_at.unwrap_or_else(SystemTime::now));
    layout(&mut flow, evidence, doc, options, &generated);
    footers(&mut flow);
    if !flow.canvas.missing.is_empty() {
        log::warn!("report: characters missing from the font: {:?}", flow.canvas.missing);
    }
    let creator = format!("xhim-aid {}", env!("CARGO_PKG_VERSION"));
    Ok(flow.canvas.finish("xhim-aid report: X-linked hyper-IgM syndrome", &creator))
}

/// Every piece of text the report prints for this patient that comes from
/// the model, for checking the font covers it.
pub fn report_texts(evidence: &Evidence, patient: &Patient) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(t) = TimingEvidence::from_evidence(evidence) {
        out.push(t.sentence(patient));
        out.push(t.window_label());
    }
    let pic = picture(evidence, patient);
    out.extend(pic.layers.iter().map(|l| l.name.clone()));
    out.extend(pic.notes.iter().cloned());
    let inputs = Inputs {
        evidence,
        cohorts: &[],
        patient: Some(patient),
        options: crate::model::figure::CurveOptions::default(),
    };
    let family = family_doc(&inputs, patient.discussion.as_ref().unwrap_or(&FamilyDiscussion::default()));
    out.extend(family.sections.iter().map(|s| s.heading.clone()));
    out.extend(family.runs().map(words::run));
    for c in &evidence.cohorts {
        out.push(c.citation.clone());
        out.extend(c.findings.iter().map(|f| f.statement.clone()));
    }
    out.push(crate::DISCLAIMER.to_owned());
    out
}

/// Whether the bundled font has a glyph for every character in `text`.
pub fn font_covers(text: &str) -> bool {
    Font::bundled().is_ok_and(|f| f.covers(text))
}

fn layout(
    flow: &mut Flow,
    evidence: &Evidence,
    doc: &PatientDocument,
    options: &ReportOptions,
    generated: &str,
) {
    let patient = &doc.patient;
    title(flow, evidence, doc, generated);
    patient_summary(flow, patient, options);

    flow.heading("Where he stands on the timing evidence");
    match TimingEvidence::from_evidence(evidence) {
        Some(t) => flow.paragraph(&t.sentence(patient)),
        None => flow.paragraph("The loaded evidence does not define a timing window, so none is shown."),
    }

    flow.heading("Survival picture");
    figures::survival_plot(flow, &picture(evidence, patient));

    timing_evidence(flow, evidence);
    family_pages(flow, evidence, patient, options.icon_style);
    matched_findings(flow, evidence, patient);
    citations(flow, evidence);
    about_this_aid(flow, evidence);
}

fn title(flow: &mut Flow, evidence: &Evidence, doc: &PatientDocument, generated: &str) {
    flow.paragraph_at(
        "X-linked hyper-IgM syndrome: evidence report",
        18.0,
        0.0,
        CONTENT_W,
        (Weight::Bold, INK),
    );
    flow.gap(2.0);
    flow.small(
        &format!(
            "Generated {generated} (UTC) · xhim-aid {} · evidence {}",
            env!("CARGO_PKG_VERSION"),
            evidence.version
        ),
        0.0,
    );
    let saved = doc.record.saves.last().map_or_else(
        || "This patient has not been saved to a file.".to_owned(),
        |s| {
            format!(
                "Last saved by {} at {} (xhim-aid {}, evidence {}); {} recorded changes.",
                s.saved_by,
                s.saved_at,
                s.app_version,
                s.evidence_version,
                doc.record.changes.len()
            )
        },
    );
    flow.small(&saved, 0.0);
    flow.small(
        "Numbers are published values, each named with its source. A number calculated from a published \
         one says so and how (for example, about 22 of 100 boys died: calculated as 100 minus 78.2 %). \
         Lines between points join published values and are not fitted curves.",
        0.0,
    );
}

fn patient_summary(flow: &mut Flow, patient: &Patient, options: &ReportOptions) {
    flow.heading("Patient");
    let age = match (patient.age, patient.age_months()) {
        (AgeSource::Entered(_), Some(m)) => format!("{} (as entered)", describe_months(m)),
        (AgeSource::Dates { as_of, .. }, Some(m)) => {
            format!("{} (from dates, as of {as_of}; the date of birth is not printed)", describe_months(m))
        }
        (_, None) => "not valid (see the problems below)".to_owned(),
    };
    let diagnosis = patient
        .age_at_diagnosis
        .and_then(crate::model::patient::YearsMonths::total_months)
        .map_or_else(|| "not recorded".to_owned(), describe_months);
    let hsct = match patient.hsct {
        Hsct::None => "none".to_owned(),
        Hsct::Planned { .. } => "planned".to_owned(),
        Hsct::Done { .. } => patient
            .hsct_age_months()
            .map_or_else(|| "done (age not valid)".to_owned(), |m| format!("done at {}", describe_months(m))),
    };
    let conditions: Vec<&str> =
        patient.conditions.present().map(crate::model::patient::Condition::label).collect();
    let conditions = if conditions.is_empty() { "none recorded".to_owned() } else { conditions.join("; ") };
    let note = if options.include_note {
        if patient.note.trim().is_empty() { "none".to_owned() } else { patient.note.clone() }
    } else {
        "not included (notes may hold identifying text; the note is printed only when chosen in the \
         report options)"
            .to_owned()
    };
    let rows = [
        ("Age", age),
        ("Age at diagnosis", diagnosis),
        ("HSCT", hsct),
        ("Conditions", conditions),
        ("Donor", patient.donor.label().to_owned()),
        ("Note", note),
    ];
    let key_w = 105.0;
    for (key, value) in rows {
        flow.need(12.0);
        let top = flow.y;
        flow.draw().text(MARGIN_X, top - pdf::BODY, pdf::BODY, key, (Weight::Bold, INK, Align::Left));
        flow.paragraph_at(&value, pdf::BODY, key_w, CONTENT_W - key_w, (Weight::Regular, INK));
        flow.gap(2.5);
    }
    let problems = patient.validate();
    if !problems.is_empty() {
        let text: Vec<String> = problems.into_iter().map(|p| p.message).collect();
        flow.paragraph(&format!("The record has problems: {}", text.join(" ")));
    }
}

fn timing_evidence(flow: &mut Flow, evidence: &Evidence) {
    flow.heading("Timing evidence");
    for (c, f) in evidence.findings().filter(|(_, f)| f.topic == Topic::Timing) {
        let n = f.n_text();
        let n = if n.is_empty() { String::new() } else { format!(" · {n}") };
        flow.bullet(&f.statement, Some(&format!("{}{n} · {} · {}", c.label, f.locator, c.citation)));
    }
    let mut questions: Vec<&str> = Vec::new();
    for (_, f) in evidence.findings() {
        if let Some(q) = f.question.as_deref()
            && !questions.contains(&q)
        {
            questions.push(q);
        }
    }
    if questions.is_empty() {
        return;
    }
    flow.subheading("Studies side by side (they do not all agree)");
    for q in questions {
        flow.paragraph_at(&question_title(q), pdf::BODY, 0.0, CONTENT_W, (Weight::Bold, MUTED));
        flow.gap(2.0);
        for (c, f) in evidence.findings().filter(|(_, f)| f.question.as_deref() == Some(q)) {
            let n = match (f.n_text(), c.patients) {
                (n, _) if !n.is_empty() => n,
                (_, Some(p)) => format!("n = {p}"),
                _ => "n not reported".to_owned(),
            };
            let era = c.era.as_deref().map_or(String::new(), |e| format!(" · {e}"));
            flow.bullet(
                &format!("{}: {}", c.label, f.statement),
                Some(&format!("{n}{era} · {} · method: {} · {}", c.design, c.method, f.locator)),
            );
        }
    }
}

/// Heading for a question key shared by findings ("age-at-hsct").
fn question_title(key: &str) -> String {
    match key {
        "age-at-hsct" => "Age at HSCT".to_owned(),
        "hsct-vs-none" => "Survival with versus without HSCT".to_owned(),
        other => {
            let mut s = other.replace('-', " ");
            if let Some(first) = s.get(..1) {
                let upper = first.to_uppercase();
                s.replace_range(..1, &upper);
            }
            s
        }
    }
}

/// The family pages: the family text as the family sees it (the choice,
/// his own situation, the options side by side, the pictures of 100 boys
/// and inheritance), so the clinician knows what the family was shown.
fn family_pages(flow: &mut Flow, evidence: &Evidence, patient: &Patient, style: IconStyle) {
    let valid = patient.validate().is_empty();
    let inputs = Inputs {
        evidence,
        cohorts: &[],
        patient: valid.then_some(patient),
        options: crate::model::figure::CurveOptions::default(),
    };
    let text = family_doc(&inputs, patient.discussion.as_ref().unwrap_or(&FamilyDiscussion::default()));
    flow.new_page();
    flow.heading("For the family: what the studies found, in plain words");
    flow.small(
        "These pages are what the family view shows. They describe what published studies found for groups \
         of boys. They cannot say what will happen to one boy, and they do not say what to do.",
        0.0,
    );
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

fn matched_findings(flow: &mut Flow, evidence: &Evidence, patient: &Patient) {
    flow.heading("Findings that concern this patient");
    let reasons = evidence.match_patient(patient);
    let mut any = false;
    for ((c, f), why) in evidence.findings().zip(&reasons) {
        if why.is_empty() {
            continue;
        }
        any = true;
        flow.bullet(
            &f.statement,
            Some(&format!("Why: {} Source: {}, {}.", why.join(" "), c.label, f.locator)),
        );
    }
    if !any {
        flow.paragraph("No published finding names a characteristic recorded for him.");
    }
}

fn citations(flow: &mut Flow, evidence: &Evidence) {
    flow.heading("Sources");
    for c in &evidence.cohorts {
        let mut ids = Vec::new();
        if let Some(doi) = &c.doi {
            ids.push(format!("doi:{doi}"));
        }
        if let Some(pmid) = &c.pmid {
            ids.push(format!("PMID {pmid}"));
        }
        let ids = if ids.is_empty() { String::new() } else { format!(" {}.", ids.join(" · ")) };
        flow.bullet(
            &format!("{}: {}{ids}", c.label, c.citation),
            Some(&format!("{} · {}", c.design, c.method)),
        );
    }
    flow.small(&format!("Evidence version {}.", evidence.version), 0.0);
}

fn footers(flow: &mut Flow) {
    let total = flow.canvas.page_count();
    for i in 0..total {
        let Some(mut c) = flow.canvas.select_page(i) else { continue };
        let y = 34.0;
        c.line((MARGIN_X, y + 11.0), (PAGE_W - MARGIN_X, y + 11.0), 0.5, MUTED, &[]);
        c.text(MARGIN_X, y, SMALL, crate::DISCLAIMER, (Weight::Regular, INK, Align::Left));
        c.text(
            PAGE_W - MARGIN_X,
            y,
            SMALL,
            &format!("Page {} of {total}", i + 1),
            (Weight::Regular, MUTED, Align::Right),
        );
    }
}

/// Makes temporary names unique within the process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to a temporary file beside `path`, flushes it and renames
/// it over `path`; on any error the temporary file is removed.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ReportError> {
    let fail = |step, source| ReportError::Write { path: path.to_path_buf(), step, source };
    let Some(name) = path.file_name() else {
        let source = io::Error::new(io::ErrorKind::InvalidInput, "the path does not name a file");
        return Err(fail(WriteStep::CreateTemp, source));
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(ReportError::MissingFolder { path: path.to_path_buf(), folder: folder.to_path_buf() });
    }
    let temp = folder.join(format!(
        ".{}.tmp-{}-{}",
        name.to_string_lossy(),
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(|e| fail(WriteStep::CreateTemp, e))?;
    let result = file
        .write_all(bytes)
        .map_err(|e| (WriteStep::Write, e))
        .and_then(|()| file.sync_all().map_err(|e| (WriteStep::Sync, e)))
        .and_then(|()| {
            drop(file);
            fs::rename(&temp, path).map_err(|e| (WriteStep::Replace, e))
        });
    result.map_err(|(step, e)| {
        if let Err(remove) = fs::remove_file(&temp)
            && remove.kind() != io::ErrorKind::NotFound
        {
            log::warn!("could not remove the temporary file {}: {remove}", temp.display());
        }
        fail(step, e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::patient::YearsMonths;

    fn young() -> PatientDocument {
        PatientDocument::new(Patient {
            age: AgeSource::Entered(YearsMonths { years: 3, months: 4 }),
            ..Patient::default()
        })
    }

    #[test]
    fn the_font_covers_every_text_the_report_prints() {
        let e = Evidence::embedded().unwrap();
        for text in report_texts(&e, &young().patient) {
            assert!(font_covers(&text), "{text}");
        }
        assert!(font_covers("≤ – · é ‘ ’ “ ” ×"));
    }

    #[test]
    fn produces_a_pdf() {
        let e = Evidence::embedded().unwrap();
        let bytes = report_pdf(&e, &young(), &ReportOptions::default()).unwrap();
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
        let bytes = report_pdf(&e, &doc, &options).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
    }

    #[test]
    fn question_titles() {
        assert_eq!(question_title("age-at-hsct"), "Age at HSCT");
        assert_eq!(question_title("donor-type"), "Donor type");
    }

    #[test]
    fn a_path_without_a_file_name_is_refused() {
        let err = write_atomically(Path::new("/"), b"x").unwrap_err();
        assert!(matches!(err, ReportError::Write { step: WriteStep::CreateTemp, .. }), "{err}");
    }
}
