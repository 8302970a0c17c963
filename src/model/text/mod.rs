//! What the app says, as data: one [`Doc`] of sections, paragraphs and
//! tables whose numbers carry their sources. The status line, the screen's
//! evidence text, the plot's text alternative, the plain-text summary for
//! the clinical record and the PDF all render the same `Doc`, so they cannot
//! disagree, and a test can check every number against the evidence.
//!
//! Numbers are never baked into strings: a [`Run::Number`] holds a
//! [`Quantity`] with its [`Basis`] (published, calculated from a published
//! value, the patient's own data, a centre's cohort data, or a rule of
//! inheritance), and [`format::quantity`] is the only formatter. A calculated
//! number is always written with what it was calculated from.
//!
//! This module is the leaf of the model: it imports none of the modules that
//! build documents (evidence, figure, family, discussion), so any of them can
//! build a `Doc` and any renderer can draw one. Pictures it cannot hold (a
//! figure panel, the inheritance diagram) are named by an opaque
//! [`FigureId`] with their text alternative; the picture of 100 boys and the
//! family's ratings are described by plain data.

pub mod format;
pub mod plain;

/// Sections of text in reading order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Doc {
    /// The sections.
    pub sections: Vec<Section>,
}

impl Doc {
    /// The section with this id, if present.
    pub fn section(&self, id: SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Every run in the document, for checks (sources, fonts, numbers).
    pub fn runs(&self) -> impl Iterator<Item = &Run> {
        self.sections.iter().flat_map(|s| s.blocks.iter().flat_map(Block::runs))
    }
}

/// What a section is, so renderers and tests can find it without relying on
/// its heading's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SectionId {
    /// Where he stands on the timing evidence, and his risk factors.
    Status,
    /// The patient's recorded details.
    Patient,
    /// Published values that concern him, with n, clock and group.
    Values,
    /// Findings that answer the same question differently.
    StudiesDisagree,
    /// Published findings that name a characteristic recorded for him.
    MatchedFindings,
    /// What is new in the evidence since the file was last saved.
    NewEvidence,
    /// The evidence on age at HSCT.
    TimingEvidence,
    /// The text alternative of one figure panel.
    Figure(FigureId),
    /// A centre's or a digitized cohort's curves.
    Curves,
    /// Citations.
    Sources,
    /// The disclaimer.
    Disclaimer,
    /// Family view: the decision, the options and where he is.
    Choice,
    /// Family view, for a transplanted boy: life after his transplant.
    LifeAfterTransplant,
    /// Family view: the options side by side on the same rows.
    Options,
    /// Family view: what his own record means for the choice.
    HisSituation,
    /// Family view: pictures of 100 boys.
    Pictures,
    /// Family view: the condition and its care in plain words.
    AboutTheCondition,
    /// Family view: what matters to the family (the values exercise).
    WhatMatters,
    /// Family view: steps towards the decision and questions to ask.
    Steps,
    /// Family view: how the condition is inherited.
    Inheritance,
    /// Who made the aid, its evidence and its limits.
    AboutThisAid,
}

/// A heading and its blocks.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// What the section is.
    pub id: SectionId,
    /// Its heading.
    pub heading: String,
    /// Its content.
    pub blocks: Vec<Block>,
}

impl Section {
    /// A section with no blocks yet.
    pub fn new(id: SectionId, heading: impl Into<String>) -> Self {
        Self { id, heading: heading.into(), blocks: Vec::new() }
    }

    /// Adds a block.
    #[must_use]
    pub fn with(mut self, block: Block) -> Self {
        self.blocks.push(block);
        self
    }
}

/// Semantic blocks: no layout, no colour.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Running text.
    Paragraph(Paragraph),
    /// A statement with the source it rests on (a bullet on paper, a card on
    /// screen), with why it concerns this patient if it does.
    Item {
        /// The statement.
        text: Paragraph,
        /// Where it comes from.
        source: Option<SourceRef>,
        /// Why it concerns this patient (empty: it does not).
        concerns: Vec<Paragraph>,
    },
    /// Rows of cells.
    Table(Table),
    /// A picture the text model cannot hold (a figure panel, a diagram),
    /// drawn by a renderer that knows `id` and given as `text` by any other,
    /// so nothing is lost where it cannot be drawn.
    Figure {
        /// Which picture.
        id: FigureId,
        /// What it shows, in words, in reading order.
        text: Vec<Paragraph>,
    },
    /// Small print.
    Note(Paragraph),
    /// A picture of 100 boys with its question, clock and who was counted.
    IconArray(IconArray),
    /// Statements each answered on one scale, shown back as answered (never
    /// scored).
    Ratings(Ratings),
    /// One question's options, with the answer if one was given.
    Choice(Choice),
    /// Questions for the team: prompts, then the family's own.
    Questions {
        /// Suggested questions.
        prompts: Vec<Paragraph>,
        /// The family's own questions, as they wrote them.
        own: Vec<Paragraph>,
    },
    /// Steps in order; renderers number them.
    Steps(Vec<Paragraph>),
}

impl Block {
    /// Every run in the block.
    pub fn runs(&self) -> Box<dyn Iterator<Item = &Run> + '_> {
        match self {
            Self::Paragraph(p) | Self::Note(p) => Box::new(p.0.iter()),
            Self::Item { text, concerns, .. } => {
                Box::new(text.0.iter().chain(concerns.iter().flat_map(|p| p.0.iter())))
            }
            Self::Table(t) => Box::new(
                t.header
                    .iter()
                    .flat_map(|p| p.0.iter())
                    .chain(t.rows.iter().flatten().flat_map(|p| p.0.iter())),
            ),
            Self::Figure { text, .. } => Box::new(text.iter().flat_map(|p| p.0.iter())),
            Self::Choice(_) => Box::new(std::iter::empty()),
            Self::IconArray(a) => Box::new(a.paragraphs().flat_map(|p| p.0.iter())),
            Self::Ratings(r) => Box::new(r.rows.iter().flat_map(|row| row.statement.0.iter())),
            Self::Questions { prompts, own } => Box::new(prompts.iter().chain(own).flat_map(|p| p.0.iter())),
            Self::Steps(steps) => Box::new(steps.iter().flat_map(|p| p.0.iter())),
        }
    }
}

/// Names a picture that lives outside the text model (a figure panel, the
/// inheritance diagram); the module that draws it defines its ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FigureId(pub &'static str);

/// One published outcome shown as 100 boys: the counts and the words a
/// renderer needs, so the screen, the paper and the text agree.
#[derive(Clone, Debug, PartialEq)]
pub struct IconArray {
    /// `cohort-id/finding-id` of the finding it shows.
    pub finding: String,
    /// Short heading: "After a transplant", "Without a transplant".
    pub heading: String,
    /// The question the picture answers, with its time frame.
    pub question: Paragraph,
    /// How many icons are drawn (100, so options compare by count).
    pub total: u32,
    /// Filled icons: the published percentage rounded to whole boys.
    pub filled: u32,
    /// What a filled icon means, with the count.
    pub filled_label: Paragraph,
    /// What an empty icon means, with the count.
    pub empty_label: Paragraph,
    /// Where the clock starts ("Counted from birth.").
    pub clock: Paragraph,
    /// Who was counted, how many, and the source.
    pub who: Paragraph,
    /// Uncertainty and how the number must not be read.
    pub notes: Vec<Paragraph>,
}

impl IconArray {
    /// Every paragraph, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        [&self.question, &self.filled_label, &self.empty_label, &self.clock, &self.who]
            .into_iter()
            .chain(&self.notes)
    }

    /// The picture in words, for screen readers, in the family's language.
    pub fn described(&self, lang: crate::model::l10n::Lang) -> String {
        use crate::model::l10n;
        let total = l10n::Arg::Count(i64::from(self.total));
        let mut s = l10n::text(lang, "icons-described", &[("total", total)]);
        for p in self.paragraphs() {
            s.push(' ');
            s.push_str(&l10n::plain(p, lang));
        }
        s.trim_end().to_owned()
    }
}

/// Statements answered on one scale ("Not important" … "Very important").
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Ratings {
    /// The answers a statement can have, in the order they are offered.
    pub scale: Vec<String>,
    /// The statements with their answers.
    pub rows: Vec<RatingRow>,
}

/// One statement and its answer.
#[derive(Clone, Debug, PartialEq)]
pub struct RatingRow {
    /// Stable id of the statement, under which the answer is kept.
    pub key: String,
    /// The statement.
    pub statement: Paragraph,
    /// The answer given: one of the scale's words, or none yet.
    pub answer: Option<String>,
}

/// A question's options, with the one chosen.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Choice {
    /// The options, in the order they are offered.
    pub options: Vec<String>,
    /// The option chosen, if any (one of `options`).
    pub chosen: Option<String>,
}

/// A table; the first column usually names the row.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    /// Column headings.
    pub header: Vec<Paragraph>,
    /// Rows, each with one cell per column.
    pub rows: Vec<Vec<Paragraph>>,
}

/// Text made of runs.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Paragraph(pub Vec<Run>);

impl Paragraph {
    /// An empty paragraph, to build with the methods below.
    pub fn new() -> Self {
        Self::default()
    }

    /// Plain text.
    #[must_use]
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.0.push(Run::Text(text.into()));
        self
    }

    /// Emphasised text.
    #[must_use]
    pub fn strong(mut self, text: impl Into<String>) -> Self {
        self.0.push(Run::Strong(text.into()));
        self
    }

    /// A number.
    #[must_use]
    pub fn num(mut self, quantity: Quantity) -> Self {
        self.0.push(Run::Number(quantity));
        self
    }

    /// A published statement quoted as the cohort file gives it.
    #[must_use]
    pub fn quote(mut self, text: impl Into<String>, source: SourceRef) -> Self {
        self.0.push(Run::Quote { text: text.into(), source });
        self
    }

    /// A citation in brackets.
    #[must_use]
    pub fn cite(mut self, source: SourceRef) -> Self {
        self.0.push(Run::Cite(source));
        self
    }

    /// Appends another paragraph's runs.
    #[must_use]
    pub fn then(mut self, other: Self) -> Self {
        self.0.extend(other.0);
        self
    }

    /// Whether it has no runs.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The paragraph as plain text (every renderer's words).
    pub fn plain(&self) -> String {
        self.0.iter().map(format::run).collect()
    }
}

impl From<&str> for Paragraph {
    fn from(text: &str) -> Self {
        Self::new().text(text)
    }
}

impl From<String> for Paragraph {
    fn from(text: String) -> Self {
        Self::new().text(text)
    }
}

/// One piece of a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub enum Run {
    /// Words; never a number (numbers are [`Run::Number`]), except digits
    /// inside a name such as CD40LG.
    Text(String),
    /// Emphasised words.
    Strong(String),
    /// A number, written by [`format::quantity`].
    Number(Quantity),
    /// A data file's own statement, verbatim: a cohort finding (its numbers
    /// are checked against the publication by the evidence tests) or a
    /// family statement (its numbers are checked against the evidence notes
    /// by the family tests).
    Quote {
        /// The statement.
        text: String,
        /// The finding it is.
        source: SourceRef,
    },
    /// "(Japan 2015, abstract)".
    Cite(SourceRef),
}

/// Where a statement or number comes from, resolved when the text is built
/// so renderers need nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SourceRef {
    /// Cohort id, e.g. `japan-2015`; for a centre's data, its label.
    pub cohort: String,
    /// Finding or series id within the cohort, if the reference is that
    /// precise.
    pub finding: Option<String>,
    /// Short words for the citation: "Japan 2015, abstract", or for a local
    /// addition "Smith 2024, table 2; added locally by A. Jones on 2026-11-02".
    pub label: String,
}

/// A number and what it rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The value in `unit`.
    pub value: f64,
    /// How to write it.
    pub unit: Unit,
    /// Written with "about": a rounded natural frequency, say.
    pub approximate: bool,
    /// What it rests on.
    pub basis: Basis,
}

impl Quantity {
    /// A value as the source published it.
    pub fn published(value: f64, unit: Unit, source: SourceRef) -> Self {
        Self { value, unit, approximate: false, basis: Basis::Published(source) }
    }

    /// A number calculated from a published one; `how` says from what, in
    /// words ("100 minus 78, rounded from 78.2 %").
    pub fn calculated(value: f64, unit: Unit, source: SourceRef, how: impl Into<String>) -> Self {
        Self { value, unit, approximate: false, basis: Basis::Calculated { source, how: how.into() } }
    }

    /// A number given by a rule rather than a study (X-linked inheritance:
    /// 1 in 2).
    pub fn rule(value: f64, unit: Unit) -> Self {
        Self { value, unit, approximate: false, basis: Basis::Rule }
    }

    /// A number from the patient's own record (his age, months remaining).
    pub fn patient(value: f64, unit: Unit) -> Self {
        Self { value, unit, approximate: false, basis: Basis::Patient }
    }

    /// A number computed from a centre's or a digitized cohort's data.
    pub fn cohort_data(value: f64, unit: Unit, cohort: impl Into<String>) -> Self {
        Self { value, unit, approximate: false, basis: Basis::CohortData(cohort.into()) }
    }

    /// Marked "about".
    #[must_use]
    pub fn about(mut self) -> Self {
        self.approximate = true;
        self
    }
}

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// "78.2 %".
    Percent,
    /// A duration or age in years: "5 years", "1 year".
    Years,
    /// A whole number of months written as years and months: "3 years 4 months".
    Months,
    /// A count of people or events: "130".
    Count,
    /// "hazard ratio 4.9".
    HazardRatio,
    /// "P = .0231".
    PValue,
    /// A calendar year: "2000".
    CalendarYear,
}

/// What a number rests on.
#[derive(Clone, Debug, PartialEq)]
pub enum Basis {
    /// Published as shown.
    Published(SourceRef),
    /// Calculated from a published value; written with `how`.
    Calculated {
        /// The published value it comes from.
        source: SourceRef,
        /// From what and how, in words.
        how: String,
    },
    /// From the patient's record.
    Patient,
    /// From a centre's or digitized cohort's data (named).
    CohortData(String),
    /// A rule, not a study result (X-linked inheritance: 1 in 2).
    Rule,
}

#[cfg(test)]
pub(crate) mod samples;
#[cfg(test)]
mod tests;
