//! "About this aid" (who made it, funding, the evidence and its dates, how
//! it is kept up to date, how to report an error, its limits) and the list
//! of sources with their dates. Shown from the Help menu and printed in both
//! PDFs.

use std::collections::BTreeSet;

use super::headings;
use super::statements::{FAMILY_SOURCE, FamilyText};
use crate::model::evidence::Evidence;
use crate::model::evidence::changelog::{self, Changelog};
use crate::model::text::{Basis, Block, Doc, Paragraph, Run, Section, SectionId};

/// The "About this aid" section.
pub fn about_section(evidence: &Evidence) -> Section {
    let reviewed =
        FamilyText::embedded().map_or_else(|_| "an unknown date".to_owned(), |t| t.reviewed.clone());
    let item = |label: &str, text: Paragraph| Block::Item {
        text: Paragraph::new().strong(format!("{label}: ")).then(text),
        source: None,
        concerns: Vec::new(),
    };
    Section::new(SectionId::AboutThisAid, headings::ABOUT)
        .with(item(
            "What it is for",
            Paragraph::from(
                "It helps a family and their care team talk about a stem cell transplant for a boy with XHIM. \
                 It shows what studies found. It does not tell you what to do.",
            ),
        ))
        .with(item(
            "Who made it",
            Paragraph::from(
                "The xhim-aid project wrote it from the published sources listed here. It had no funding. Its \
                 authors have no conflicts of interest.",
            ),
        ))
        .with(item(
            "The evidence",
            Paragraph::new()
                .text(format!("The plain statements were last checked against their sources on {reviewed}. "))
                .text("The list of sources gives the date of each one."),
        ))
        .with(Block::Note(Paragraph::new().strong(format!("Evidence version: {}", evidence_date(evidence)))))
        .with(item(
            "Keeping it up to date",
            Paragraph::from(
                "Before each new version, the sources are checked again and new studies are added. Tests check \
                 every number against the published value. Each saved file and each handout records the \
                 evidence version it used.",
            ),
        ))
        .with(item(
            "If you find an error",
            Paragraph::from(
                "Please tell the team who gave you this aid, or report it on the project's issue tracker.",
            ),
        ))
        .with(item(
            "Its limits",
            Paragraph::from(
                "It has not yet been tested with families. There is no guideline written just for XHIM. The \
                 studies are small and look back at boys treated years ago, so results for one boy may be \
                 different. Some statements are about transplants in general, and they say so.",
            ),
        ))
}

/// "2026-12 (7 December 2026)": the dated version and its day, never the
/// fingerprint, which means nothing to a family.
fn evidence_date(evidence: &Evidence) -> String {
    match Changelog::shipped().and_then(Changelog::current) {
        Some(v) => format!("{} ({})", v.version, v.date),
        None => changelog::version_words(evidence),
    }
}

/// Sources with their dates: those cited in `doc`, or every source when
/// `doc` is `None` (the Help window).
pub fn sources_section(evidence: &Evidence, doc: Option<&Doc>) -> Section {
    let mut section = Section::new(SectionId::Sources, headings::SOURCES);
    let text = FamilyText::embedded().ok();
    let (cohorts, statements) = match doc {
        Some(doc) => cited(doc),
        None => (
            evidence.cohorts.iter().map(|c| c.id.clone()).collect(),
            text.map(|t| t.statements.iter().map(|s| s.id.clone()).collect()).unwrap_or_default(),
        ),
    };
    let mut shorts: BTreeSet<&str> = BTreeSet::new();
    let mut cohort_ids: BTreeSet<String> = cohorts;
    if let Some(t) = text {
        for s in t.statements.iter().filter(|s| statements.contains(&s.id)) {
            for name in &s.sources {
                match t.source(name).and_then(|src| src.cohort.clone()) {
                    Some(id) => {
                        cohort_ids.insert(id);
                    }
                    None => {
                        shorts.insert(name.as_str());
                    }
                }
            }
        }
    }
    for c in evidence.cohorts.iter().filter(|c| cohort_ids.contains(&c.id)) {
        section
            .blocks
            .push(Block::Note(Paragraph::new().strong(format!("{}: ", c.label)).text(c.citation.clone())));
    }
    if let Some(t) = text {
        for source in t.sources.iter().filter(|s| shorts.contains(s.short.as_str())) {
            let mut p = Paragraph::new().strong(format!("{}: ", source.short));
            if let Some(full) = &source.full {
                p = p.text(format!("{full} "));
            }
            if let Some(date) = &source.date {
                p = p.text(format!("({date})."));
            }
            section.blocks.push(Block::Note(p));
        }
    }
    section
}

/// The cohorts and family statements a document cites.
fn cited(doc: &Doc) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut cohorts = BTreeSet::new();
    let mut statements = BTreeSet::new();
    for run in doc.runs() {
        let source = match run {
            Run::Cite(s) | Run::Quote { source: s, .. } => Some(s),
            Run::Number(q) => match &q.basis {
                Basis::Published(s) | Basis::Calculated { source: s, .. } => Some(s),
                _ => None,
            },
            Run::Text(_) | Run::Strong(_) => None,
        };
        match source {
            Some(s) if s.cohort == FAMILY_SOURCE => {
                statements.extend(s.finding.clone());
            }
            Some(s) => {
                cohorts.insert(s.cohort.clone());
            }
            None => {}
        }
    }
    (cohorts, statements)
}
