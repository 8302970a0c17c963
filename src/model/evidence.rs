//! Published cohort evidence: the types of `assets/cohorts/*.ron`, loading and
//! checking them, and matching findings to a patient.
//!
//! Nothing here computes a number: every value comes from a cohort file and
//! every cohort file names its publication, so the UI can show the source of
//! anything it draws. Loading checks what a typo in an asset could break
//! (duplicate ids, percentages outside 0–100, series out of order) so that a
//! bad asset fails a test rather than misleading a clinician.

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::l10n::{self, Arg, Lang};
use super::patient::{Condition, Conditioning, CryptoPcr, Hsct, Patient, StemCellSource};
use super::text::{Paragraph, Quantity, SourceRef, Unit};

pub mod changelog;
pub mod local;
pub mod relevance;
pub mod value;
pub mod words;

use relevance::About;
pub use value::{TimePoint, Value, ValueKind};

/// Published numbers are written by the text model's one formatter; the
/// name stays here, where most of its callers look for it.
pub use super::text::format::trim_number;

/// One publication and what the app takes from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cohort {
    /// Stable identifier, e.g. `"japan-2015"`; findings are referred to as
    /// `cohort-id/finding-id`.
    pub id: String,
    /// Short name used in legends and sentences, e.g. "Japan 2015".
    pub label: String,
    /// Full citation.
    pub citation: String,
    /// DOI, where the evidence notes give one.
    #[serde(default)]
    pub doi: Option<String>,
    /// `PubMed` identifier, where given.
    #[serde(default)]
    pub pmid: Option<String>,
    /// Study design and setting in a few words.
    pub design: String,
    /// Number of patients in the publication, if it reports one.
    #[serde(default)]
    pub patients: Option<u32>,
    /// Calendar period covered, in the publication's words.
    #[serde(default)]
    pub era: Option<String>,
    /// Statistical method and time origin in the publication's terms.
    pub method: String,
    /// The clock the publication's survival figures run on.
    pub time_origin: TimeOrigin,
    /// What the publication found.
    pub findings: Vec<Finding>,
    /// Multi-point series that may be drawn on the age axis.
    #[serde(default)]
    pub series: Vec<Series>,
    /// Set for evidence a user added by hand from a paper the app does not
    /// ship; embedded cohorts never have it, so every rendering can mark
    /// local additions and keep them apart from the published set.
    #[serde(default)]
    pub added: Option<LocalAddition>,
}

/// Who added a cohort by hand, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalAddition {
    /// The name the user gave in the preferences (or the system user name).
    pub by: String,
    /// The date it was added, `YYYY-MM-DD`.
    pub on: String,
}

impl LocalAddition {
    /// "added locally by A. Clinician on 2026-11-25".
    pub fn describe(&self) -> String {
        l10n::en(
            "evidence-added-locally",
            &[("by", Arg::Text(self.by.clone())), ("on", Arg::Text(self.on.clone()))],
        )
    }
}

/// Where a cohort's survival clock starts; different origins must not be
/// read off one axis without saying so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeOrigin {
    /// Age (time since birth).
    Age,
    /// Years since HSCT.
    SinceHsct,
    /// Years since diagnosis, or since transplantation for transplanted patients.
    SinceDiagnosisOrHsct,
    /// The publication reports no survival curve.
    NotApplicable,
}

impl TimeOrigin {
    /// A few words for a table column.
    pub fn short(self) -> String {
        let id = match self {
            Self::Age => "origin-short-age",
            Self::SinceHsct => "origin-short-since-hsct",
            Self::SinceDiagnosisOrHsct => "origin-short-since-diagnosis-or-hsct",
            Self::NotApplicable => "origin-short-not-applicable",
        };
        l10n::en(id, &[])
    }

    /// Words for hover text and the evidence panel.
    pub fn describe(self) -> String {
        let id = match self {
            Self::Age => "origin-age",
            Self::SinceHsct => "origin-since-hsct",
            Self::SinceDiagnosisOrHsct => "origin-since-diagnosis-or-hsct",
            Self::NotApplicable => "origin-not-applicable",
        };
        l10n::en(id, &[])
    }
}

/// What a finding is about, for grouping in the evidence panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Topic {
    /// Age at HSCT and time to HSCT.
    Timing,
    /// Survival with versus without HSCT.
    HsctVersusNone,
    /// Outcomes after HSCT.
    HsctOutcome,
    /// Deaths and harms of transplant.
    Harms,
    /// Risk factors for worse outcome.
    RiskFactor,
    /// Donor and conditioning.
    Donor,
    /// Course without transplant.
    NaturalHistory,
    /// Who was studied.
    Cohort,
    /// Background statements that are not the cohort's own results.
    Background,
}

impl Topic {
    /// Heading shown in the evidence panel.
    pub fn heading(self) -> String {
        let id = match self {
            Self::Timing => "topic-timing",
            Self::HsctVersusNone => "topic-hsct-versus-none",
            Self::HsctOutcome => "topic-hsct-outcome",
            Self::Harms => "topic-harms",
            Self::RiskFactor => "topic-risk-factor",
            Self::Donor => "topic-donor",
            Self::NaturalHistory => "topic-natural-history",
            Self::Cohort => "topic-cohort",
            Self::Background => "topic-background",
        };
        l10n::en(id, &[])
    }
}

/// What was measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measure {
    /// Overall survival.
    OverallSurvival,
    /// Event-free survival.
    EventFreeSurvival,
    /// Disease-free survival.
    DiseaseFreeSurvival,
    /// Cumulative incidence of a condition.
    CumulativeIncidence,
    /// Proportion of patients (a plain percentage of a group).
    Proportion,
}

impl Measure {
    /// Short abbreviation for legends.
    pub fn short(self) -> String {
        let id = match self {
            Self::OverallSurvival => "measure-short-os",
            Self::EventFreeSurvival => "measure-short-efs",
            Self::DiseaseFreeSurvival => "measure-short-dfs",
            Self::CumulativeIncidence => "measure-short-cumulative-incidence",
            Self::Proportion => "measure-short-proportion",
        };
        l10n::en(id, &[])
    }
}

/// A group of patients a finding reports on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Who they are, e.g. "HSCT at ≤5 years".
    pub label: String,
    /// How many.
    pub n: u32,
    /// This group is part of the one before it ("176 patients, 67 of whom
    /// received HCT"), so the two are not compared as "176 vs 67".
    #[serde(default)]
    pub part_of_previous: bool,
}

/// The age at HSCT a finding speaks about.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum AgeGroup {
    /// Age at HSCT of `years` or younger, i.e. before the next birthday.
    AtMostYears(u32),
    /// Younger than `years`.
    UnderYears(u32),
}

impl AgeGroup {
    /// First month of age (in whole months) outside the group.
    pub fn end_months(self) -> i32 {
        let years = match self {
            Self::AtMostYears(y) => y.saturating_add(1),
            Self::UnderYears(y) => y,
        };
        i32::try_from(years).unwrap_or(i32::MAX / 12 - 1) * 12
    }

    /// "≤5-year", "<10-year", as in "the ≤5-year window".
    pub fn adjective(self) -> String {
        match self {
            Self::AtMostYears(y) => {
                l10n::en("age-group-at-most-adjective", &[("years", Arg::Text(y.to_string()))])
            }
            Self::UnderYears(y) => {
                l10n::en("age-group-under-adjective", &[("years", Arg::Text(y.to_string()))])
            }
        }
    }

    /// "≤5 years", "<10 years".
    pub fn describe(self) -> String {
        match self {
            Self::AtMostYears(y) => l10n::en("age-group-at-most", &[("years", Arg::Text(y.to_string()))]),
            Self::UnderYears(y) => l10n::en("age-group-under", &[("years", Arg::Text(y.to_string()))]),
        }
    }
}

/// A patient characteristic that makes a finding relevant to him.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Trigger {
    /// He has this condition.
    Condition(Condition),
    /// He has any organ damage (liver, bile ducts or lungs).
    AnyOrganDamage,
    /// He is (or was at HSCT) at least this many years old.
    AgeAtLeastYears(u32),
    /// The finding compares donor types, so it concerns every boy: the
    /// reason names his own donor situation (a boy with only a mismatched
    /// donor must see the matched-donor finding too).
    Donor,
    /// His age at diagnosis is known and he is not yet transplanted, so the
    /// time since diagnosis matters.
    TimeSinceDiagnosis,
    /// The finding is about patients *without* this condition: it concerns
    /// a boy without it, and never a boy with it (cure in 72 % of patients
    /// without hepatic disease says nothing of a boy who has it).
    WithoutCondition(Condition),
    /// He has been transplanted (chimerism, deaths after HSCT).
    Transplanted,
    /// The finding compares conditioning regimens; the reason names his plan.
    Conditioning,
    /// The finding compares stem cell sources; the reason names his plan.
    StemCellSource,
    /// The finding compares patients by Cryptosporidium PCR before HSCT.
    CryptoPcr,
}

/// One published result or statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Identifier unique within the cohort.
    pub id: String,
    /// What it is about.
    pub topic: Topic,
    /// The finding in plain words, faithful to the publication.
    pub statement: String,
    /// The same in a few words, for the status line (the full statement is
    /// a hover or a click away).
    #[serde(default)]
    pub short: Option<String>,
    /// Where in the publication ("abstract", "abstract keywords").
    pub locator: String,
    /// Groups and their sizes.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// What was measured, if the finding is a measurement.
    #[serde(default)]
    pub measure: Option<Measure>,
    /// The published value.
    #[serde(default)]
    pub value: Option<Value>,
    /// When the value applies.
    #[serde(default)]
    pub time: Option<TimePoint>,
    /// The calendar period the value holds for, when narrower than the
    /// cohort's ("HCT 1996–2005"), so values of different eras are never
    /// read as one.
    #[serde(default)]
    pub era: Option<String>,
    /// Which patients a value describes, so a plot draws each arm in its
    /// own style.
    #[serde(default)]
    pub arm: Option<Arm>,
    /// The age at HSCT the finding is about, if any.
    #[serde(default)]
    pub age_group: Option<AgeGroup>,
    /// Patient characteristics that make this finding relevant.
    #[serde(default)]
    pub matches: Vec<Trigger>,
    /// Findings that answer the same question share a key, so the panel can
    /// put disagreeing studies side by side.
    #[serde(default)]
    pub question: Option<String>,
    /// How the value must not be read (immortal-time bias, a tail estimate
    /// with unknown numbers at risk), shown wherever the finding is.
    #[serde(default)]
    pub caveat: Option<String>,
    /// What part of his situation the finding speaks to, where its topic
    /// alone would mislead (see [`relevance::about`]).
    #[serde(default)]
    pub about: Option<About>,
    /// "HSCT within 2 years of diagnosis": the years the finding counts
    /// from diagnosis, so the status can place him on that clock.
    #[serde(default)]
    pub within_years_of_diagnosis: Option<u32>,
    /// `cohort-id/finding-id` of another cohort's finding this one comments
    /// on in its authors' words (a published reading of another study's
    /// bias), shown on that finding's card beside its caveat.
    #[serde(default)]
    pub comments_on: Option<String>,
}

impl Finding {
    /// "n = 14 vs 15", "n = 130", or "n = 176 (67 received HCT)" for a
    /// group that is part of the one before; empty when no group is reported.
    pub fn n_text(&self) -> String {
        let mut out = String::new();
        for g in &self.groups {
            if out.is_empty() {
                out = l10n::en("evidence-n", &[("n", Arg::Text(g.n.to_string()))]);
            } else if g.part_of_previous {
                let args = [("n", Arg::Text(g.n.to_string())), ("group", Arg::Text(g.label.clone()))];
                out.push_str(&l10n::en("evidence-n-part", &args));
            } else {
                out.push_str(&l10n::en("evidence-n-versus", &[("n", Arg::Text(g.n.to_string()))]));
            }
        }
        out
    }
}

/// Which patients of a cohort a value describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Arm {
    /// Every patient of the cohort.
    All,
    /// Patients who received HSCT.
    WithHsct,
    /// Patients who did not.
    WithoutHsct,
}

/// How a line between published points was made; shown in its legend entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineMethod {
    /// Straight segments joining published points; not a fitted curve.
    JoinedPublishedPoints,
    /// Kaplan–Meier curve digitized from a published figure.
    DigitizedKm,
    /// Kaplan–Meier of records reconstructed from a published figure.
    Reconstructed,
}

impl LineMethod {
    /// Words for legend and hover.
    pub fn describe(self) -> String {
        let id = match self {
            Self::JoinedPublishedPoints => "line-joined-points",
            Self::DigitizedKm => "line-digitized-km",
            Self::Reconstructed => "line-reconstructed",
        };
        l10n::en(id, &[])
    }
}

/// A multi-point series on the age axis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Identifier unique within the cohort.
    pub id: String,
    /// Legend label.
    pub label: String,
    /// What was measured.
    pub measure: Measure,
    /// Who the series describes.
    pub population: String,
    /// Patients the series describes, when the publication gives it.
    #[serde(default)]
    pub n: Option<u32>,
    /// All patients the publication studied, when the series is a subset
    /// whose own number is not given.
    #[serde(default)]
    pub studied_in_all: Option<u32>,
    /// Short source for the legend when it differs from the cohort's label
    /// (a series from the earlier meeting abstract of a later paper).
    #[serde(default)]
    pub source_label: Option<String>,
    /// Where in the publication.
    pub locator: String,
    /// Caveat to show with the series.
    #[serde(default)]
    pub caveat: Option<String>,
    /// How the line between points was made.
    pub method: LineMethod,
    /// Published (age in years, percent) points, in increasing age.
    pub points: Vec<(f64, f64)>,
}

impl Series {
    /// "not given (53 boys studied in all)", "40", for hover text.
    pub fn n_words(&self) -> String {
        match (self.n, self.studied_in_all) {
            (Some(n), _) => n.to_string(),
            (None, Some(all)) => l10n::en("series-n-not-given-of", &[("all", Arg::Text(all.to_string()))]),
            (None, None) => l10n::en("series-n-not-given", &[]),
        }
    }

    /// The source named in the legend.
    pub fn source_label<'a>(&'a self, cohort: &'a Cohort) -> &'a str {
        self.source_label.as_deref().unwrap_or(&cohort.label)
    }
}

/// Why a cohort file was rejected.
#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    /// The RON did not parse.
    #[error("{file}: {source}")]
    Parse {
        /// File name.
        file: String,
        /// The parser's message with line and column (boxed: it is large
        /// and errors are rare).
        source: Box<ron::error::SpannedError>,
    },
    /// Parsed, but a value is impossible.
    #[error("{file}: {message}")]
    Invalid {
        /// File name.
        file: String,
        /// What is wrong.
        message: String,
    },
}

/// Every cohort the app knows, with a version that identifies the set.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// The cohorts, in the order they were loaded.
    pub cohorts: Vec<Cohort>,
    /// Short fingerprint of the cohort texts, recorded in saved files so a
    /// reader knows which evidence a record was seen against.
    pub version: String,
}

/// The cohort files compiled into the binary, so the app runs with no files.
pub const EMBEDDED: [(&str, &str); 17] = [
    ("japan-2015.ron", include_str!("../../assets/cohorts/japan-2015.ron")),
    ("ebmt-2019.ron", include_str!("../../assets/cohorts/ebmt-2019.ron")),
    ("international-2017.ron", include_str!("../../assets/cohorts/international-2017.ron")),
    ("europe-2004.ron", include_str!("../../assets/cohorts/europe-2004.ron")),
    ("newcastle-2001.ron", include_str!("../../assets/cohorts/newcastle-2001.ron")),
    ("liver-1997.ron", include_str!("../../assets/cohorts/liver-1997.ron")),
    ("europe-1997.ron", include_str!("../../assets/cohorts/europe-1997.ron")),
    ("us-registry-2003.ron", include_str!("../../assets/cohorts/us-registry-2003.ron")),
    ("usidnet-2016.ron", include_str!("../../assets/cohorts/usidnet-2016.ron")),
    ("lasid-2014.ron", include_str!("../../assets/cohorts/lasid-2014.ron")),
    ("japan-registry-2007.ron", include_str!("../../assets/cohorts/japan-registry-2007.ron")),
    ("japan-centre-2004.ron", include_str!("../../assets/cohorts/japan-centre-2004.ron")),
    ("riyadh-2015.ron", include_str!("../../assets/cohorts/riyadh-2015.ron")),
    ("antalya-2020.ron", include_str!("../../assets/cohorts/antalya-2020.ron")),
    ("lasid-2025.ron", include_str!("../../assets/cohorts/lasid-2025.ron")),
    ("chongqing-2022.ron", include_str!("../../assets/cohorts/chongqing-2022.ron")),
    ("crypto-pcr-2003.ron", include_str!("../../assets/cohorts/crypto-pcr-2003.ron")),
];

/// Identifier of the finding that defines the timing window (Japan 2015).
pub const WINDOW_FINDING: (&str, &str) = ("japan-2015", "hsct-at-5-or-younger");
/// Identifier of the finding on older recipients (EBMT 2019, under 10 years).
pub const OLDER_FINDING: (&str, &str) = ("ebmt-2019", "younger-than-10");
/// Identifier of the five-year overall survival after HSCT (EBMT 2019).
pub const POST_HSCT_OS_FINDING: (&str, &str) = ("ebmt-2019", "os-5y");
/// Identifier of the ten-year lower bound of survival after HSCT
/// (International 2017, "greater than 80 %").
pub const POST_HSCT_BOUND_FINDING: (&str, &str) = ("international-2017", "os-10y-after-hct");
/// Identifier of where deaths after HSCT fell (International 2017: most
/// within the first year).
pub const DEATHS_AFTER_HSCT_FINDING: (&str, &str) = ("international-2017", "deaths-first-year");

impl Evidence {
    /// The embedded evidence set. A broken asset is a build defect caught by
    /// the tests; the app shows the error instead of panicking if it ever
    /// happens.
    pub fn embedded() -> Result<Self, EvidenceError> {
        Self::from_sources(EMBEDDED.iter().map(|(name, text)| (*name, *text)))
    }

    /// Parses and checks cohort texts given as (file name, contents).
    pub fn from_sources<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, EvidenceError> {
        let mut cohorts = Vec::new();
        let mut hash = Fingerprint::default();
        for (file, text) in sources {
            hash.write(file.as_bytes());
            hash.write(text.as_bytes());
            let cohort: Cohort = ron::from_str(text)
                .map_err(|source| EvidenceError::Parse { file: file.to_owned(), source: Box::new(source) })?;
            check_cohort(&cohort)
                .map_err(|message| EvidenceError::Invalid { file: file.to_owned(), message })?;
            if cohorts.iter().any(|c: &Cohort| c.id == cohort.id) {
                return Err(EvidenceError::Invalid {
                    file: file.to_owned(),
                    message: l10n::en("evidence-cohort-twice", &[("id", Arg::Text(cohort.id.clone()))]),
                });
            }
            cohorts.push(cohort);
        }
        Ok(Self { cohorts, version: format!("evidence-{}", hash.hex()) })
    }

    /// The evidence with cohorts a user added by hand after the embedded
    /// ones. Each must be marked as added locally and pass the checks the
    /// embedded cohorts pass, with an id no other cohort uses; the version
    /// then names the local additions too, so a saved record says the
    /// clinician saw them.
    ///
    /// # Errors
    /// [`EvidenceError::Invalid`] naming the first cohort that fails, by id.
    pub fn with_local(mut self, local: Vec<Cohort>) -> Result<Self, EvidenceError> {
        if local.is_empty() {
            return Ok(self);
        }
        let mut hash = Fingerprint::default();
        for cohort in local {
            let invalid = |message: String| EvidenceError::Invalid { file: cohort.id.clone(), message };
            Self::check_local(&cohort).map_err(invalid)?;
            if self.cohorts.iter().any(|c| c.id == cohort.id) {
                return Err(invalid(l10n::en(
                    "evidence-cohort-twice",
                    &[("id", Arg::Text(cohort.id.clone()))],
                )));
            }
            hash.write(ron::to_string(&cohort).unwrap_or_default().as_bytes());
            self.cohorts.push(cohort);
        }
        self.version = format!("{}+local-{}", self.version, hash.hex());
        Ok(self)
    }

    /// The checks a hand-added cohort must pass before it joins the evidence.
    ///
    /// # Errors
    /// What is wrong, in words.
    pub fn check_local(cohort: &Cohort) -> Result<(), String> {
        if cohort.added.is_none() {
            return Err(l10n::en("evidence-local-needs-who", &[]));
        }
        if cohort.citation.trim().is_empty() {
            return Err(l10n::en("evidence-local-needs-citation", &[]));
        }
        check_cohort(cohort)
    }

    /// The cohorts shipped with the app.
    pub fn embedded_cohorts(&self) -> impl Iterator<Item = &Cohort> {
        self.cohorts.iter().filter(|c| c.added.is_none())
    }

    /// The cohorts a user added by hand, after the embedded ones.
    pub fn local_cohorts(&self) -> impl Iterator<Item = &Cohort> {
        self.cohorts.iter().filter(|c| c.added.is_some())
    }

    /// Looks up a finding by cohort and finding id.
    pub fn finding(&self, (cohort, finding): (&str, &str)) -> Option<(&Cohort, &Finding)> {
        let c = self.cohorts.iter().find(|c| c.id == cohort)?;
        Some((c, c.findings.iter().find(|f| f.id == finding)?))
    }

    /// Every finding with its cohort.
    pub fn findings(&self) -> impl Iterator<Item = (&Cohort, &Finding)> {
        self.cohorts.iter().flat_map(|c| c.findings.iter().map(move |f| (c, f)))
    }

    /// The findings about his situation, each with why, in the order a
    /// clinician reads them (risk factors first; within a group, those
    /// naming his own condition first, then by [`Self::findings`]). Background on the condition is never among
    /// them, and without an age nothing that needs his age is.
    pub fn match_findings(&self, patient: &Patient) -> Vec<FindingMatch> {
        let mut out: Vec<(u8, FindingMatch)> = self
            .findings()
            .filter_map(|(c, f)| {
                let about = relevance::about(f);
                if about == About::Background || (about.needs_age() && patient.age_months().is_none()) {
                    return None;
                }
                let why = reasons(f, patient);
                (!why.is_empty()).then(|| {
                    let m = FindingMatch { source: words::finding_source(c, f), reasons: why, about };
                    (relevance::specificity(f, patient), m)
                })
            })
            .collect();
        out.sort_by_key(|(specific, m)| (m.about, *specific));
        out.into_iter().map(|(_, m)| m).collect()
    }

    /// The findings that comment on `finding` of `cohort` in their authors'
    /// words (International 2017's reading of Japan 2015).
    pub fn comments_on<'a>(
        &'a self,
        cohort: &'a Cohort,
        finding: &'a Finding,
    ) -> impl Iterator<Item = (&'a Cohort, &'a Finding)> + 'a {
        let target = format!("{}/{}", cohort.id, finding.id);
        self.findings().filter(move |(_, f)| f.comments_on.as_deref() == Some(target.as_str()))
    }
}

/// A published finding that concerns the patient, and why. Renderers find a
/// finding's match by its ids, never by its position in a list, so a finding
/// added by hand is matched like any other.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingMatch {
    /// The finding, with its citation (which names who added a local
    /// finding and when).
    pub source: SourceRef,
    /// Why it concerns him; never empty.
    pub reasons: Vec<Paragraph>,
    /// What part of his situation it speaks to; never background.
    pub about: About,
}

impl FindingMatch {
    /// Whether this is the match of `finding` in `cohort`.
    pub fn is_for(&self, cohort: &Cohort, finding: &Finding) -> bool {
        self.source.cohort == cohort.id && self.source.finding.as_deref() == Some(finding.id.as_str())
    }

    /// The match of `finding` in `cohort`, if it concerns him.
    pub fn find<'a>(matches: &'a [Self], cohort: &Cohort, finding: &Finding) -> Option<&'a Self> {
        matches.iter().find(|m| m.is_for(cohort, finding))
    }

    /// The cohort and finding this match is about, as `evidence` holds them.
    pub fn finding<'e>(&self, evidence: &'e Evidence) -> Option<(&'e Cohort, &'e Finding)> {
        evidence.finding((self.source.cohort.as_str(), self.source.finding.as_deref()?))
    }
}

/// Why one finding concerns this patient, in words ("he has sclerosing
/// cholangitis"); empty if it does not.
pub fn reasons(finding: &Finding, patient: &Patient) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    // A finding about patients without a condition says nothing of a boy
    // who has it.
    let without: Vec<Condition> = finding
        .matches
        .iter()
        .filter_map(|t| match t {
            Trigger::WithoutCondition(c) => Some(*c),
            _ => None,
        })
        .collect();
    if without.iter().any(|c| patient.conditions.get(*c)) {
        return out;
    }
    if !without.is_empty() {
        let names: Vec<String> = without.iter().map(|c| c.label().to_lowercase()).collect();
        let conditions = names.join(&l10n::en("reason-or", &[]));
        out.push(l10n::en("reason-without", &[("conditions", Arg::Text(conditions))]).into());
    }
    let months = |m: i32| Arg::Num(Quantity::patient(f64::from(m), Unit::Months));
    let sentence = |id: &str, args: &[(&str, Arg)]| l10n::paragraph(Lang::En, id, args);
    let age = patient.age_months();
    // For a transplanted boy the age that matters is his age at HSCT.
    let (relevant_age, when) = match patient.hsct {
        Hsct::Done { .. } => (patient.hsct_age_months(), "hsct"),
        Hsct::None | Hsct::Planned { .. } => (age, "now"),
    };
    let when = ("when", Arg::Text(when.to_owned()));
    if let (Some(group), Some(a)) = (finding.age_group, relevant_age)
        && a < group.end_months()
    {
        out.push(sentence("reason-age-group", &[when.clone(), ("age", months(a))]));
    }
    for trigger in &finding.matches {
        match *trigger {
            Trigger::Condition(c) if patient.conditions.get(c) => {
                out.push(sentence("reason-has", &[("condition", Arg::Text(c.label().to_lowercase()))]));
            }
            Trigger::AnyOrganDamage => {
                let damage: Vec<String> = patient
                    .conditions
                    .present()
                    .filter(|c| c.is_organ_damage())
                    .map(|c| c.label().to_lowercase())
                    .collect();
                if !damage.is_empty() {
                    let conditions = Arg::Text(damage.join(", "));
                    out.push(sentence("reason-organ-damage", &[("conditions", conditions)]));
                }
            }
            Trigger::AgeAtLeastYears(y) => {
                let limit = i32::try_from(y).unwrap_or(i32::MAX / 12) * 12;
                if let Some(a) = relevant_age.filter(|a| *a >= limit) {
                    out.push(sentence("reason-age-at-least", &[("age", months(a)), when.clone()]));
                }
            }
            Trigger::Donor => out.push(donor_reason(patient.donor).into()),
            Trigger::TimeSinceDiagnosis => {
                let dx = patient.age_at_diagnosis.and_then(super::patient::YearsMonths::total_months);
                if let (Some(dx), Some(age), Hsct::None | Hsct::Planned { .. }) = (dx, age, patient.hsct)
                    && age >= dx
                {
                    out.push(sentence("reason-diagnosed", &[("time", months(age - dx))]));
                }
            }
            Trigger::Transplanted => {
                if let (Some(at), Some(age)) = (patient.hsct_age_months(), age) {
                    out.push(sentence("reason-transplanted", &[("time", months(age - at))]));
                }
            }
            Trigger::Conditioning => {
                out.extend(conditioning_reason(patient.conditioning).map(Paragraph::from));
            }
            Trigger::StemCellSource => {
                out.extend(stem_cell_reason(patient.stem_cell_source).map(Paragraph::from));
            }
            Trigger::CryptoPcr => {
                if let Some(why) = crypto_pcr_reason(patient) {
                    out.push(why.into());
                }
            }
            Trigger::Condition(_) | Trigger::WithoutCondition(_) => {}
        }
    }
    out.dedup();
    out
}

/// His donor situation, as a reason a donor-type finding concerns him.
pub fn donor_reason(donor: super::patient::Donor) -> String {
    use super::patient::Donor;
    let id = match donor {
        Donor::MatchedSibling => "reason-donor-sibling",
        Donor::MatchedUnrelated => "reason-donor-unrelated",
        Donor::MismatchedOrHaplo => "reason-donor-mismatched",
        Donor::NoneYet => "reason-donor-none",
    };
    l10n::en(id, &[])
}

/// His planned conditioning, as a reason a finding comparing regimens
/// concerns him; nothing while it is not decided, so the finding is not
/// flagged for every boy.
fn conditioning_reason(plan: Conditioning) -> Option<String> {
    let id = match plan {
        Conditioning::Myeloablative => "reason-conditioning-myeloablative",
        Conditioning::ReducedIntensity => "reason-conditioning-reduced",
        Conditioning::NotDecided => return None,
    };
    Some(l10n::en(id, &[]))
}

/// His planned stem cell source, as a reason a finding comparing sources
/// concerns him; nothing while it is not decided.
fn stem_cell_reason(source: StemCellSource) -> Option<String> {
    let id = match source {
        StemCellSource::BoneMarrow => "reason-source-marrow",
        StemCellSource::PeripheralBlood => "reason-source-peripheral",
        StemCellSource::CordBlood => "reason-source-cord",
        StemCellSource::NotDecided => return None,
    };
    Some(l10n::en(id, &[]))
}

/// His Cryptosporidium PCR before HSCT; an untested boy already
/// transplanted can no longer be tested before it, so the finding no
/// longer concerns him.
fn crypto_pcr_reason(patient: &Patient) -> Option<String> {
    let id = match (patient.crypto_pcr, patient.hsct) {
        (CryptoPcr::Positive, _) => "reason-pcr-positive",
        (CryptoPcr::Negative, _) => "reason-pcr-negative",
        (CryptoPcr::NotTested, Hsct::Done { .. }) => return None,
        (CryptoPcr::NotTested, Hsct::None | Hsct::Planned { .. }) => "reason-pcr-none",
    };
    Some(l10n::en(id, &[]))
}

fn check_cohort(c: &Cohort) -> Result<(), String> {
    let percent_ok = |p: f64| (0.0..=100.0).contains(&p);
    for (i, f) in c.findings.iter().enumerate() {
        if c.findings[..i].iter().any(|g| g.id == f.id) {
            return Err(l10n::en("evidence-finding-twice", &[("id", Arg::Text(f.id.clone()))]));
        }
        if let Some(problem) = f.value.and_then(Value::problem) {
            let args = [("id", Arg::Text(f.id.clone())), ("problem", Arg::Text(problem))];
            return Err(l10n::en("evidence-finding-problem", &args));
        }
        if f.value == Some(Value::Median) && f.time.is_none() {
            return Err(l10n::en("evidence-median-no-time", &[("id", Arg::Text(f.id.clone()))]));
        }
        if f.statement.trim().is_empty() || f.locator.trim().is_empty() {
            return Err(l10n::en("evidence-finding-needs-statement", &[("id", Arg::Text(f.id.clone()))]));
        }
    }
    for s in &c.series {
        if s.points.is_empty() {
            return Err(l10n::en("evidence-series-no-points", &[("id", Arg::Text(s.id.clone()))]));
        }
        if s.points.iter().any(|&(x, y)| !x.is_finite() || x < 0.0 || !percent_ok(y)) {
            return Err(l10n::en("evidence-series-outside", &[("id", Arg::Text(s.id.clone()))]));
        }
        if s.points.windows(2).any(|w| matches!(w, [a, b] if a.0 >= b.0)) {
            return Err(l10n::en("evidence-series-order", &[("id", Arg::Text(s.id.clone()))]));
        }
    }
    Ok(())
}

/// The evidence set's fingerprint: SHA-256, the hash the patient files'
/// conflict check already trusts, cut to the 16 hex digits a saved record
/// has always shown. Each part is written with its length, so moving bytes
/// between a file name and its text changes the fingerprint.
#[derive(Default)]
struct Fingerprint(Sha256);

impl Fingerprint {
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(u64::try_from(bytes.len()).unwrap_or(u64::MAX).to_le_bytes());
        self.0.update(bytes);
    }

    fn hex(self) -> String {
        let digest: [u8; 32] = self.0.finalize().into();
        digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
    }
}

#[cfg(test)]
pub(crate) mod tests;
