//! "About this aid" (who made it, funding, the evidence and its dates, how
//! it is kept up to date, how to report an error, its limits) and the list
//! of sources with their dates. Shown from the Help menu and printed in both
//! PDFs.

use std::collections::BTreeSet;

use super::statements::{FAMILY_SOURCE, FamilyText};
use crate::model::evidence::Evidence;
use crate::model::evidence::changelog::{self, Changelog};
use crate::model::l10n::{self, Arg, Lang, REVIEWED_BY};
use crate::model::text::{Basis, Block, Doc, Paragraph, Run, Section, SectionId};

/// The month of the evidence version in force (year, month), from its
/// changelog: family pages show it instead of the evidence's hash, since
/// a date means something to a family and a hash does not.
fn evidence_month() -> Option<(i64, i64)> {
    let version = Changelog::shipped().and_then(Changelog::current)?;
    let (year, month) = version.version.split_once('-')?;
    Some((year.parse().ok()?, month.parse().ok()?))
}

/// "December 2026", "2026年12月", "diciembre de 2026".
pub fn evidence_date(lang: Lang) -> String {
    match evidence_month() {
        Some((year, month)) => l10n::text(
            lang,
            "evidence-month",
            &[("year", Arg::Text(year.to_string())), ("month", Arg::Count(month))],
        ),
        None => l10n::text(lang, "about-unknown-date", &[]),
    }
}

/// The "About this aid" section, for the Help menu and the clinician's
/// report: English, with the dated evidence version and its day ("2026-12
/// (2026-12-07)"; the Help window adds the fingerprint).
pub fn about_section(evidence: &Evidence) -> Section {
    let version = match Changelog::shipped().and_then(Changelog::current) {
        Some(v) => format!("{} ({})", v.version, v.date),
        None => changelog::version_words(evidence),
    };
    about(Lang::En, version)
}

/// The "About this aid" section of the family pages, in `lang`: the
/// evidence named by its date, and who translated it.
pub fn about_section_in(_evidence: &Evidence, lang: Lang) -> Section {
    about(lang, evidence_date(lang))
}

fn about(lang: Lang, version: String) -> Section {
    let reviewed = FamilyText::embedded()
        .map_or_else(|_| l10n::text(lang, "about-unknown-date", &[]), |t| t.reviewed.clone());
    let p = |id: &str, args: &[(&str, Arg)]| l10n::paragraph(lang, id, args);
    let item = |label: &str, text: Paragraph| Block::Item {
        text: Paragraph::new().strong(format!("{}: ", l10n::text(lang, label, &[]))).then(text),
        source: None,
        concerns: Vec::new(),
    };
    let mut section = Section::new(SectionId::AboutThisAid, l10n::text(lang, "heading-about", &[]))
        .with(item("about-for-label", p("about-for", &[])))
        .with(item("about-who-label", p("about-who", &[])));
    // Until a native-speaking clinician has reviewed the translations, every
    // About says who translated them.
    let translation = match (lang, REVIEWED_BY) {
        (_, Some(who)) => p("about-translation-reviewed", &[("reviewer", Arg::Text(who.to_owned()))]),
        (Lang::En, None) => p("about-translations", &[]),
        (_, None) => p("about-translation", &[]),
    };
    section = section.with(item("about-translation-label", translation));
    section
        .with(item("about-evidence-label", p("about-evidence", &[("reviewed", Arg::Text(reviewed))])))
        .with(Block::Note(Paragraph::new().strong(l10n::text(
            lang,
            "about-version",
            &[("version", Arg::Text(version))],
        ))))
        .with(item("about-updates-label", p("about-updates", &[])))
        .with(item("about-error-label", p("about-error", &[])))
        .with(item("about-limits-label", p("about-limits", &[])))
}

/// Sources with their dates: those cited in `doc`, or every source when
/// `doc` is `None` (the Help window).
pub fn sources_section(evidence: &Evidence, doc: Option<&Doc>) -> Section {
    sources_section_in(evidence, doc, Lang::En)
}

/// The sources under a heading in `lang`; the references stay as
/// published.
pub fn sources_section_in(evidence: &Evidence, doc: Option<&Doc>, lang: Lang) -> Section {
    let mut section = Section::new(SectionId::Sources, l10n::text(lang, "heading-sources", &[]));
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
