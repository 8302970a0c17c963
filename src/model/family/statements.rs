//! The family view's plain statements about the condition, current care,
//! transplant, donors and newer treatments, with their sources: data in
//! `assets/family/statements.ron`, embedded at build time, so the words can
//! be reviewed and corrected without touching code.
//!
//! Each statement restates one item of the evidence notes' section 10 in
//! plain words. They carry no survival figures (those come from the cohort
//! files), and the only numbers they may hold are the few section 10 gives;
//! the tests check both, and that every source they name is listed.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::evidence::Evidence;
use crate::model::l10n::{self, Lang};
use crate::model::text::{Paragraph, Run, SourceRef};

/// The embedded statement file.
const FAMILY_TEXT: &str = include_str!("../../../assets/family/statements.ron");

/// The `cohort` of a [`SourceRef`] that points at a family statement (its
/// `finding` is the statement id).
pub const FAMILY_SOURCE: &str = "family-statements";

/// Shown after a statement about immune conditions or transplants in
/// general rather than XHIM.
pub const GENERAL_MARK: &str = " (This is true in general, not only for XHIM.)";

/// The whole statement file.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyText {
    /// When the statements were last checked against their sources
    /// (`YYYY-MM-DD`).
    pub reviewed: String,
    /// Every source a statement may name.
    pub sources: Vec<Source>,
    /// The statements.
    pub statements: Vec<Statement>,
    /// The "what matters" prompts of the values exercise.
    pub values: Vec<ValuePrompt>,
    /// Questions a family may ask before deciding.
    pub questions: Vec<String>,
    /// Questions a family may ask after a transplant.
    pub questions_after: Vec<String>,
}

/// One source, by the short name statements use.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// "`GeneReviews` 2025".
    pub short: String,
    /// The full reference; absent when `cohort` names it.
    #[serde(default)]
    pub full: Option<String>,
    /// Its version or date, as far as known ("version of 4 December 2025",
    /// "web page, undated").
    #[serde(default)]
    pub date: Option<String>,
    /// A cohort file that is the same publication ("ebmt-2019"): shown
    /// under the cohort's label, with its citation.
    #[serde(default)]
    pub cohort: Option<String>,
}

/// One plain statement.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Stable id the builders ask for.
    pub id: String,
    /// The item of the evidence notes' section 10 it restates.
    pub item: u32,
    /// Short names of its sources (empty: a gap we found, said as ours).
    pub sources: Vec<String>,
    /// About immune conditions or transplants in general, not XHIM.
    #[serde(default)]
    pub general: bool,
    /// The words.
    pub text: String,
}

/// One "what matters" prompt.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValuePrompt {
    /// Stable id, saved with the family's rating.
    pub id: String,
    /// Which way the consideration tends, for the balance check only: the
    /// aid never scores the answers.
    pub favours: Favours,
    /// The words.
    pub text: String,
}

/// The side of the decision a consideration tends to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Favours {
    /// Towards a transplant (soon).
    Transplant,
    /// Towards waiting or current care.
    Waiting,
}

impl FamilyText {
    /// Parses and checks the embedded file once; a broken file is a build
    /// defect the tests catch, reported as a message rather than a panic.
    pub fn embedded() -> Result<&'static Self, &'static str> {
        static TEXT: OnceLock<Result<FamilyText, String>> = OnceLock::new();
        TEXT.get_or_init(|| Self::parse(FAMILY_TEXT)).as_ref().map_err(String::as_str)
    }

    /// Parses and checks a statement file.
    pub fn parse(text: &str) -> Result<Self, String> {
        let parsed: Self = ron::from_str(text).map_err(|e| format!("family statements: {e}"))?;
        parsed.check()?;
        Ok(parsed)
    }

    fn check(&self) -> Result<(), String> {
        for (i, s) in self.statements.iter().enumerate() {
            if self.statements[..i].iter().any(|o| o.id == s.id) {
                return Err(format!("family statements: id “{}” is used twice", s.id));
            }
            if let Some(name) = s.sources.iter().find(|n| self.source(n).is_none()) {
                return Err(format!("family statements: “{}” names “{name}”, which is not listed", s.id));
            }
        }
        for (i, v) in self.values.iter().enumerate() {
            if self.values[..i].iter().any(|o| o.id == v.id) {
                return Err(format!("family statements: value “{}” is used twice", v.id));
            }
        }
        Ok(())
    }

    /// The statement with this id.
    pub fn statement(&self, id: &str) -> Option<&Statement> {
        self.statements.iter().find(|s| s.id == id)
    }

    /// The source with this short name.
    pub fn source(&self, short: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.short == short)
    }

    /// How a source is named to a family: a cohort's own label where the
    /// source is a cohort the app ships ("EBMT 2019"), else its short name.
    pub fn source_label<'a>(&'a self, evidence: &'a Evidence, short: &'a str) -> &'a str {
        self.source(short)
            .and_then(|s| s.cohort.as_deref())
            .and_then(|id| evidence.cohorts.iter().find(|c| c.id == id))
            .map_or(short, |c| c.label.as_str())
    }

    /// The statement as a paragraph: its words, "in general" where it is
    /// general, and its sources. A missing id shows as a visible gap, which
    /// the tests forbid.
    pub fn said(&self, evidence: &Evidence, id: &str) -> Paragraph {
        let Some(s) = self.statement(id) else {
            log::error!("family statements: no statement “{id}”");
            return Paragraph::new().text(format!("[missing statement: {id}]"));
        };
        let source = self.source_ref(evidence, s);
        let mut p = Paragraph(vec![Run::Quote { text: s.text.clone(), source: source.clone() }]);
        if s.general {
            p = p.text(GENERAL_MARK);
        }
        if !s.sources.is_empty() {
            p = p.text(" ").cite(source);
        }
        p
    }

    /// The statement in `lang`: the translation of its words (English where
    /// a translation lacks it), with the same sources.
    pub fn said_in(&self, evidence: &Evidence, id: &str, lang: Lang) -> Paragraph {
        let english = self.said(evidence, id);
        if lang == Lang::En {
            return english;
        }
        let key = format!("st-{id}");
        let runs = english
            .0
            .into_iter()
            .map(|run| match run {
                Run::Quote { source, .. } if l10n::has(lang, &key) => {
                    Run::Quote { text: l10n::text(lang, &key, &[]), source }
                }
                Run::Text(t) if t == GENERAL_MARK => Run::Text(l10n::text(lang, "general-mark", &[])),
                other => other,
            })
            .collect();
        Paragraph(runs)
    }

    /// A "what matters" prompt in `lang`.
    pub fn value_in(&self, value: &ValuePrompt, lang: Lang) -> String {
        translated(lang, &format!("value-{}", value.id), &value.text)
    }

    /// The prompt questions in `lang`, before or after a transplant.
    pub fn questions_in(&self, after: bool, lang: Lang) -> Vec<String> {
        let (list, prefix) =
            if after { (&self.questions_after, "question-after") } else { (&self.questions, "question") };
        list.iter().enumerate().map(|(i, q)| translated(lang, &format!("{prefix}-{}", i + 1), q)).collect()
    }

    /// The reference to a statement: its id, with its sources as the label.
    pub fn source_ref(&self, evidence: &Evidence, s: &Statement) -> SourceRef {
        let names: Vec<&str> = s.sources.iter().map(|n| self.source_label(evidence, n)).collect();
        SourceRef { cohort: FAMILY_SOURCE.to_owned(), finding: Some(s.id.clone()), label: names.join("; ") }
    }
}

/// The translation of `english` under `key`, or `english` itself.
fn translated(lang: Lang, key: &str, english: &str) -> String {
    if lang != Lang::En && l10n::has(lang, key) { l10n::text(lang, key, &[]) } else { english.to_owned() }
}
