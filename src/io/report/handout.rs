//! The family handout: the family [`Doc`] on at most four A4 pages — the
//! choice, what his own health means, the options side by side, the
//! pictures of 100 boys, the family's ratings, questions and leaning, the
//! inheritance page, short sources and "About this aid". No P values and no
//! survival-statistics terms (the family text has none); the clinician's
//! note is never printed.

use std::path::Path;
use std::time::SystemTime;

use crate::io::patient_file::{PatientDocument, utc_timestamp};
use crate::model::Inputs;
use crate::model::discussion::FamilyDiscussion;
use crate::model::evidence::Evidence;
use crate::model::family::{
    IconStyle, about_section_in, evidence_date, family_doc_in, sources_section_in, with_centre_contact,
};
use crate::model::figure::CurveOptions;
use crate::model::l10n::{self, Arg, Lang};
use crate::model::patient::Hsct;
use crate::model::text::{Block, Doc, Paragraph, Run, SectionId};

use super::flow::Flow;
use super::pdf::{CONTENT_W, Font, INK, Weight};
use super::rich::FAMILY_FINE;
use super::{ReportError, family, footers, write_atomically};

/// Sections of the family text the handout prints, in order; the longer
/// "More about XHIM" text stays on screen.
const SECTIONS: [SectionId; 10] = [
    SectionId::Choice,
    SectionId::LifeAfterTransplant,
    SectionId::HisSituation,
    SectionId::Options,
    SectionId::Pictures,
    SectionId::WhatMatters,
    SectionId::Steps,
    SectionId::Inheritance,
    SectionId::Sources,
    SectionId::AboutThisAid,
];

/// The most pages a handout takes: a family can read it at one sitting.
const PAGES: usize = 4;
/// The most pages for a transplanted boy, whose handout has no choice to
/// set out.
const PAGES_AFTER: usize = 2;

/// What the user chose for the handout.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HandoutOptions {
    /// People or abstract icons in the icon arrays.
    pub icon_style: IconStyle,
    /// The time printed as "made on"; `None` means now. Tests fix it.
    pub generated_at: Option<SystemTime>,
    /// The clinic named on the first page (site configuration).
    pub clinic_name: Option<String>,
    /// The family's language; `None`: the one kept in the patient file,
    /// else English.
    pub lang: Option<Lang>,
    /// Whom the family can call (site configuration), with the support
    /// organisations.
    pub centre_contact: Option<String>,
}

/// Builds the handout and writes it to `path` atomically.
///
/// # Errors
/// A [`ReportError`] naming the file and the step that failed.
pub fn write_handout(
    path: &Path,
    evidence: &Evidence,
    doc: &PatientDocument,
    answers: &FamilyDiscussion,
    options: &HandoutOptions,
) -> Result<(), ReportError> {
    let bytes = handout_pdf(evidence, doc, answers, options).map_err(|e| match e {
        ReportError::Build { message, .. } => ReportError::Build { path: Some(path.to_path_buf()), message },
        other => other,
    })?;
    write_atomically(path, &bytes)
}

/// The handout as PDF bytes, with the family's answers (from this
/// consultation, whether or not they are kept in the file).
///
/// # Errors
/// [`ReportError::Build`] when the bundled font cannot be read.
pub fn handout_pdf(
    evidence: &Evidence,
    doc: &PatientDocument,
    answers: &FamilyDiscussion,
    options: &HandoutOptions,
) -> Result<Vec<u8>, ReportError> {
    let mut font = Font::bundled().map_err(|message| ReportError::Build { path: None, message })?;
    let patient = &doc.patient;
    let lang = options.lang.or(patient.family_language).unwrap_or_default();
    font.lang = lang;
    let valid = patient.validate().is_empty();
    let inputs = Inputs {
        evidence,
        cohorts: &[],
        patient: valid.then_some(patient),
        options: CurveOptions::default(),
    };
    // Only what is printed, so the sources list names only what it cites.
    let mut text =
        with_centre_contact(family_doc_in(&inputs, answers, lang), options.centre_contact.as_deref(), lang);
    text.sections.retain(|s| {
        SECTIONS.contains(&s.id) && !matches!(s.id, SectionId::Sources | SectionId::AboutThisAid)
    });
    let sources = sources_section_in(evidence, Some(&text), lang);
    text.sections.push(sources);
    // What the aid is for is the handout's opening; when its statements were
    // checked, how it is kept up to date and where to report an error are
    // for the team (the app's About and the clinician's report keep them,
    // with the full list of sources and their dates). The handout keeps to
    // what a family needs to judge it, and the evidence's date.
    let mut about = about_section_in(evidence, lang);
    let maintenance = ["about-for-label", "about-evidence-label", "about-updates-label", "about-error-label"]
        .map(|k| l10n::text(lang, k, &[]));
    about.blocks.retain(|b| {
        !matches!(b, Block::Item { text, .. }
            if text.0.first().is_some_and(|r| matches!(r, Run::Strong(s) if maintenance.iter().any(|m| s.starts_with(m.as_str())))))
    });
    text.sections.push(about);
    let made = utc_timestamp(options.generated_at.unwrap_or_else(SystemTime::now));
    let transplanted = valid && matches!(patient.hsct, Hsct::Done { .. });
    let pages = if transplanted { PAGES_AFTER } else { PAGES };
    let lay_out = |font: Font, tight: bool| {
        let mut flow = Flow::new(font);
        flow.tight = tight;
        title(&mut flow, &made, transplanted, lang);
        if let Some(clinic) = &options.clinic_name {
            flow.small(&l10n::text(lang, "handout-from", &[("clinic", Arg::Text(clinic.clone()))]), 0.0);
        }
        layout(&mut flow, &text, options.icon_style);
        flow
    };
    let mut flow = lay_out(font, false);
    if flow.canvas.page_count() > pages {
        // A family with every finding and many answers, in a language
        // longer than English: the same text and type, closer together.
        let mut font = Font::bundled().map_err(|message| ReportError::Build { path: None, message })?;
        font.lang = lang;
        flow = lay_out(font, true);
    }
    footers(&mut flow, lang);
    if !flow.canvas.missing.is_empty() {
        log::warn!("handout: characters missing from the font: {:?}", flow.canvas.missing);
    }
    let creator = format!("xhim-aid {}", env!("CARGO_PKG_VERSION"));
    flow.canvas
        .finish(&l10n::text(lang, "handout-doc-title", &[]), &creator)
        .map_err(|message| ReportError::Build { path: None, message })
}

fn title(flow: &mut Flow, made: &str, transplanted: bool, lang: Lang) {
    let heading = if transplanted { "handout-title-after" } else { "handout-title-before" };
    flow.paragraph_at(&l10n::text(lang, heading, &[]), 16.0, 0.0, CONTENT_W, (Weight::Bold, INK));
    flow.gap(2.0);
    let date = made.split('T').next().unwrap_or(made);
    let intro = l10n::text(
        lang,
        "handout-intro",
        &[
            ("date", Arg::Text(date.to_owned())),
            ("version", Arg::Text(env!("CARGO_PKG_VERSION").to_owned())),
            ("evidence", Arg::Text(evidence_date(lang))),
        ],
    );
    flow.small(&intro, 0.0);
}

/// The printed sections, in order. A section starts on a new page only
/// where it would otherwise break right after its heading.
fn layout(flow: &mut Flow, text: &Doc, style: IconStyle) {
    for id in SECTIONS {
        if let Some(section) = text.section(id) {
            if id == SectionId::Sources {
                // Every source the handout cites, by the name it is cited
                // by, in type a parent can read; the full references are in
                // the app and the clinician's report.
                flow.subheading(&section.heading);
                let names: Vec<String> = section
                    .blocks
                    .iter()
                    .filter_map(|b| match b {
                        Block::Note(p) => p.0.iter().find_map(|r| match r {
                            Run::Strong(label) => Some(label.trim_end_matches([':', ' ']).to_owned()),
                            _ => None,
                        }),
                        _ => None,
                    })
                    .collect();
                let lang = flow.font().lang;
                let list = Paragraph::new().text(format!("{}. ", names.join("; "))).text(l10n::text(
                    lang,
                    "sources-full",
                    &[],
                ));
                flow.rich(&list, FAMILY_FINE, 0.0, CONTENT_W);
                continue;
            }
            if id == SectionId::AboutThisAid {
                // About the aid, like the sources, is reference matter: one
                // paragraph in the tables' type under a small heading.
                flow.subheading(&section.heading);
                let mut about = Paragraph::new();
                for block in &section.blocks {
                    if let Block::Item { text, .. } | Block::Paragraph(text) | Block::Note(text) = block {
                        // A line without an end mark (the evidence's date)
                        // gets one, so it does not run into the next.
                        let ended = text.plain().trim_end().ends_with(['.', '。', ')', '）']);
                        let end = match (ended, flow.font().lang) {
                            (true, _) => " ",
                            (false, Lang::Ja) => "。",
                            (false, _) => ". ",
                        };
                        about = about.then(text.clone()).text(end);
                    }
                }
                flow.rich(&about, FAMILY_FINE, 0.0, CONTENT_W);
                continue;
            }
            family::section(flow, section, style);
        }
    }
}
