//! The dated evidence version ("2026-12") and what changed in each
//! (`assets/evidence/changelog.ron`). A date tells a user and a reopened
//! file what evidence they saw, where the fingerprint only tells that it
//! differs; a file saved under an older version (or before versions were
//! dated) can then say what is new since that concerns him.

use std::sync::LazyLock;

use serde::Deserialize;

use super::Evidence;
use crate::model::l10n::{self, Arg, Lang};
use crate::model::patient::Patient;
use crate::model::text::{Block, Doc, Paragraph, Section, SectionId};

/// The changelog compiled into the binary.
pub const EMBEDDED: &str = include_str!("../../../assets/evidence/changelog.ron");

/// Every evidence version, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Changelog {
    /// Newest first.
    pub versions: Vec<EvidenceVersion>,
}

/// One dated version of the shipped evidence.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceVersion {
    /// The month the evidence was read, `YYYY-MM`.
    pub version: String,
    /// The day it was fixed, `YYYY-MM-DD`.
    pub date: String,
    /// What it adds or changes.
    pub entries: Vec<Entry>,
}

/// One change, naming the cohort files it adds or changes.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// What changed, in a sentence.
    pub text: String,
    /// Ids of the cohorts it adds or changes.
    pub cohorts: Vec<String>,
}

static SHIPPED: LazyLock<Result<Changelog, String>> = LazyLock::new(|| Changelog::parse(EMBEDDED));

impl Changelog {
    /// Parses and checks a changelog: versions `YYYY-MM`, newest first,
    /// each with a `YYYY-MM-DD` date in its month.
    ///
    /// # Errors
    /// What is wrong, naming the version.
    pub fn parse(text: &str) -> Result<Self, String> {
        let log: Self = ron::from_str(text)
            .map_err(|e| l10n::en("changelog-unreadable", &[("error", Arg::Text(e.to_string()))]))?;
        let month = |s: &str| {
            s.len() == 7
                && s.as_bytes().get(4) == Some(&b'-')
                && s.chars().filter(char::is_ascii_digit).count() == 6
        };
        for (i, v) in log.versions.iter().enumerate() {
            if !month(&v.version) || !v.date.starts_with(&v.version) || v.date.len() != 10 {
                return Err(l10n::en("changelog-bad-version", &[("version", Arg::Text(v.version.clone()))]));
            }
            if log.versions.get(i + 1).is_some_and(|older| older.version >= v.version) {
                return Err(l10n::en("changelog-not-newer", &[("version", Arg::Text(v.version.clone()))]));
            }
        }
        Ok(log)
    }

    /// The changelog shipped with the app; `None` only if the asset is
    /// broken, which a test rules out.
    pub fn shipped() -> Option<&'static Self> {
        SHIPPED.as_ref().ok()
    }

    /// The newest version.
    pub fn current(&self) -> Option<&EvidenceVersion> {
        self.versions.first()
    }

    /// The entries of every version newer than `recorded` (a save's
    /// evidence version, as [`record_label`] wrote it), newest first; all
    /// of them when it names no dated version (saved before versions were
    /// dated, or never).
    pub fn since(&self, recorded: Option<&str>) -> Vec<(&EvidenceVersion, &Entry)> {
        let saved =
            recorded.and_then(|r| self.versions.iter().find(|v| dated(r) == Some(v.version.as_str())));
        self.versions
            .iter()
            .filter(|v| saved.is_none_or(|s| v.version > s.version))
            .flat_map(|v| v.entries.iter().map(move |e| (v, e)))
            .collect()
    }
}

/// The dated version a recorded evidence version starts with ("2026-12"
/// of "2026-12 (evidence-…)"), if any.
pub fn dated(recorded: &str) -> Option<&str> {
    let head = recorded.split(' ').next()?;
    (head.len() == 7 && head.as_bytes().get(4) == Some(&b'-')).then_some(head)
}

/// "2026-12", or the fingerprint when no dated version is shipped: what
/// family pages show.
pub fn version_words(evidence: &Evidence) -> String {
    Changelog::shipped()
        .and_then(Changelog::current)
        .map_or_else(|| evidence.version.clone(), |v| v.version.clone())
}

/// "2026-12 (evidence-e914…)": the dated version with the fingerprint of
/// the set actually loaded, as saves, summaries and reports record it.
pub fn record_label(evidence: &Evidence) -> String {
    match Changelog::shipped().and_then(Changelog::current) {
        Some(v) => l10n::en(
            "changelog-record",
            &[
                ("version", Arg::Text(v.version.clone())),
                ("fingerprint", Arg::Text(evidence.version.clone())),
            ],
        ),
        None => evidence.version.clone(),
    }
}

/// The changes since `recorded` whose cohorts have a finding about his
/// situation, newest first.
pub fn new_for_him<'a>(
    log: &'a Changelog,
    evidence: &Evidence,
    patient: &Patient,
    recorded: Option<&str>,
) -> Vec<(&'a EvidenceVersion, &'a Entry)> {
    let matches = evidence.match_findings(patient);
    log.since(recorded)
        .into_iter()
        .filter(|(_, e)| matches.iter().any(|m| e.cohorts.contains(&m.source.cohort)))
        .collect()
}

/// "New in the evidence since this file was saved", or `None` when the file
/// was saved under the current version or nothing new concerns him.
/// `recorded` is the evidence version of the file's last save (`None`:
/// never saved, or saved before versions were dated).
pub fn new_since_section(evidence: &Evidence, patient: &Patient, recorded: Option<&str>) -> Option<Section> {
    let (current, new) = new_since(evidence, patient, recorded)?;
    let saved = recorded.map_or_else(
        || l10n::en("changelog-saved-unversioned", &[]),
        |r| l10n::en("changelog-saved-under", &[("version", Arg::Text(r.to_owned()))]),
    );
    let intro = l10n::en(
        "changelog-new-intro",
        &[
            ("saved", Arg::Text(saved)),
            ("version", Arg::Text(current.version.clone())),
            ("date", Arg::Text(current.date.clone())),
        ],
    );
    let mut section = Section::new(SectionId::NewEvidence, l10n::en("changelog-new-heading", &[]))
        .with(Block::Paragraph(Paragraph::from(intro)));
    for (v, e) in new {
        let args = [("version", Arg::Text(v.version.clone())), ("text", Arg::Text(e.text.clone()))];
        section.blocks.push(Block::Item {
            text: l10n::paragraph(Lang::En, "changelog-entry", &args),
            source: None,
            concerns: Vec::new(),
        });
    }
    Some(section)
}

/// The current version and what is new for him since `recorded`; `None`
/// when the file was saved under the current version or nothing new
/// concerns him.
fn new_since(
    evidence: &Evidence,
    patient: &Patient,
    recorded: Option<&str>,
) -> Option<(&'static EvidenceVersion, Vec<(&'static EvidenceVersion, &'static Entry)>)> {
    let log = Changelog::shipped()?;
    let current = log.current()?;
    if recorded.and_then(dated) == Some(current.version.as_str()) {
        return None;
    }
    let new = new_for_him(log, evidence, patient, recorded);
    (!new.is_empty()).then_some((current, new))
}

/// Puts [`new_since_section`] right after the status, where a clinician
/// reopening the file reads first.
pub fn insert_new_since(doc: &mut Doc, evidence: &Evidence, patient: &Patient, recorded: Option<&str>) {
    if let Some(section) = new_since_section(evidence, patient, recorded) {
        let at = doc.sections.iter().position(|s| s.id == SectionId::Status).map_or(0, |i| i + 1);
        doc.sections.insert(at, section);
    }
}

/// The same in a few lines, for the notice shown on opening the file, in
/// the window's language `lang`: each change by its first words (the
/// change log's own English), the whole of it in the summary and the
/// report.
pub fn new_since_notice(
    evidence: &Evidence,
    patient: &Patient,
    recorded: Option<&str>,
    lang: Lang,
) -> Option<String> {
    let (current, new) = new_since(evidence, patient, recorded)?;
    let saved = recorded.map_or_else(
        || l10n::text(lang, "notice-saved-unversioned", &[]),
        |r| l10n::text(lang, "notice-saved-under", &[("version", Arg::Text(r.to_owned()))]),
    );
    let heads: Vec<String> = new
        .into_iter()
        .map(|(v, e)| {
            let head = e.text.split([':', ';']).next().unwrap_or(&e.text);
            l10n::en(
                "changelog-entry-head",
                &[("version", Arg::Text(v.version.clone())), ("head", Arg::Text(head.to_owned()))],
            )
        })
        .collect();
    Some(l10n::text(
        lang,
        "notice-new-evidence",
        &[
            ("saved", Arg::Text(saved)),
            ("version", Arg::Text(current.version.clone())),
            ("date", Arg::Text(current.date.clone())),
            ("heads", Arg::Text(heads.join("; "))),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::patient::{AgeSource, Hsct, YearsMonths};

    /// The cohort files the section 11 update adds, which the changelog
    /// names ahead of them.
    const SECTION_11_COHORTS: [&str; 8] = [
        "lasid-2014",
        "japan-registry-2007",
        "japan-centre-2004",
        "riyadh-2015",
        "antalya-2020",
        "lasid-2025",
        "chongqing-2022",
        "crypto-pcr-2003",
    ];

    fn at(years: i32) -> Patient {
        Patient { age: AgeSource::Entered(YearsMonths { years, months: 0 }), ..Patient::default() }
    }

    #[test]
    fn the_shipped_changelog_is_dated_2026_12_and_names_real_cohorts() {
        let log = Changelog::shipped().unwrap();
        let current = log.current().unwrap();
        assert_eq!((current.version.as_str(), current.date.as_str()), ("2026-12", "2026-12-07"));
        let e = Evidence::embedded().unwrap();
        for v in &log.versions {
            for entry in &v.entries {
                assert!(!entry.cohorts.is_empty(), "{}", entry.text);
                for id in &entry.cohorts {
                    assert!(
                        e.cohorts.iter().any(|c| &c.id == id) || SECTION_11_COHORTS.contains(&id.as_str()),
                        "{id} is not a cohort"
                    );
                }
            }
        }
    }

    #[test]
    fn broken_changelogs_are_refused() {
        let v = |version: &str, date: &str| {
            format!("EvidenceVersion(version: \"{version}\", date: \"{date}\", entries: [])")
        };
        let log = |vs: &[String]| format!("Changelog(versions: [{}])", vs.join(", "));
        assert!(Changelog::parse(&log(&[v("2026-12", "2026-12-07"), v("2026-06", "2026-06-01")])).is_ok());
        assert!(Changelog::parse(&log(&[v("2026-06", "2026-06-01"), v("2026-12", "2026-12-07")])).is_err());
        assert!(Changelog::parse(&log(&[v("Dec 2026", "2026-12-07")])).is_err());
        assert!(Changelog::parse(&log(&[v("2026-12", "2026-11-07")])).is_err());
    }

    #[test]
    fn versions_are_recorded_with_their_date_and_fingerprint() {
        let e = Evidence::embedded().unwrap();
        assert_eq!(version_words(&e), "2026-12");
        assert_eq!(record_label(&e), format!("2026-12 ({})", e.version));
        assert_eq!(dated(&record_label(&e)), Some("2026-12"));
        assert_eq!(dated("evidence-e8cd0123abcd4567"), None);
    }

    #[test]
    fn a_file_saved_before_the_dated_version_hears_what_is_new_that_concerns_him() {
        let e = Evidence::embedded().unwrap();
        let mut liver = at(7);
        liver.conditions.liver_disease = true;
        let s = new_since_section(&e, &liver, Some("evidence-e8cd0123abcd4567")).unwrap();
        let text: Vec<String> = s
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) | Block::Item { text: p, .. } => Some(p.plain()),
                _ => None,
            })
            .collect();
        assert!(text[0].starts_with("This file was last saved under evidence evidence-e8cd0123abcd4567; the evidence is now version 2026-12 (2026-12-07)."), "{text:?}");
        assert!(
            text.iter().any(|t| t.starts_with("2026-12: International 2017 read in full text")),
            "{text:?}"
        );
        // Nothing about cohorts with no finding about him.
        assert!(!text.iter().any(|t| t.contains("US registry 2003")), "{text:?}");
        // Saved under the current version: nothing is new.
        assert!(new_since_section(&e, &liver, Some(&record_label(&e))).is_none());
        // A transplanted boy hears of EBMT's matching changes.
        let mut done = at(10);
        done.hsct = Hsct::Done { at: YearsMonths { years: 7, months: 9 } };
        let notice = new_since_notice(&e, &done, None, Lang::En).unwrap();
        assert!(notice.starts_with("This file was last saved with no evidence version"), "{notice}");
        assert!(notice.contains("2026-12: Findings sorted into those about a boy's situation"), "{notice}");
        assert!(notice.ends_with("The summary and the report give each in full."), "{notice}");
        // In the window's language; the change log's entries keep their words.
        let ja = new_since_notice(&e, &done, None, Lang::Ja).unwrap();
        assert!(ja.starts_with("この ファイルは 根拠の 版を 記録せずに 保存されました。"), "{ja}");
        assert!(ja.contains("2026-12: Findings sorted into those about a boy's situation"), "{ja}");
        let es = new_since_notice(&e, &done, None, Lang::Es).unwrap();
        assert!(es.ends_with("El resumen y el informe dan cada uno completo."), "{es}");
    }
}
