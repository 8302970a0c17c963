//! X-linked inheritance for the explainer: the rule of inheritance of a
//! variant on the X chromosome, not a cohort result, so its "1 in 2" is a
//! [`Basis::Rule`](crate::model::text::Basis::Rule) number.

use crate::model::l10n::{self, Arg, Lang};
use crate::model::text::{Block, FigureId, Paragraph, Quantity, Unit};

/// The inheritance diagram in a [`Block::Figure`]: the family view and the
/// PDF draw [`inheritance_in`] where they find it, other renderers give its
/// words.
pub const INHERITANCE_FIGURE: FigureId = FigureId("x-linked-inheritance");

/// Who a child in the inheritance picture is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Child {
    /// A son.
    Son,
    /// A daughter.
    Daughter,
}

impl Child {
    /// "Son", "Daughter".
    pub fn label(self) -> &'static str {
        match self {
            Self::Son => "Son",
            Self::Daughter => "Daughter",
        }
    }

    /// The label in `lang`.
    pub fn label_in(self, lang: Lang) -> String {
        let key = match self {
            Self::Son => "child-son",
            Self::Daughter => "child-daughter",
        };
        l10n::text(lang, key, &[])
    }
}

/// What a child inherits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChildStatus {
    /// Has the condition.
    Affected,
    /// Carries the variant without the condition.
    Carrier,
    /// Neither.
    Unaffected,
}

impl ChildStatus {
    /// Legend word.
    pub fn label(self) -> &'static str {
        match self {
            Self::Affected => "has the condition",
            Self::Carrier => "carrier",
            Self::Unaffected => "not affected, not a carrier",
        }
    }

    /// The legend word in `lang`.
    pub fn label_in(self, lang: Lang) -> String {
        let key = match self {
            Self::Affected => "status-affected",
            Self::Carrier => "status-carrier",
            Self::Unaffected => "status-unaffected",
        };
        l10n::text(lang, key, &[])
    }
}

/// One parent's situation and what it means for children.
#[derive(Clone, Debug, PartialEq)]
pub struct InheritanceCase {
    /// "A mother who is a carrier".
    pub parent: String,
    /// The father's and the mother's status, for the drawing.
    pub parents: (ChildStatus, ChildStatus),
    /// Four illustrative children (two sons, two daughters) showing the
    /// chances: each pair is one "1 in 2".
    pub children: [(Child, ChildStatus); 4],
    /// The facts in words.
    pub sentences: Vec<Paragraph>,
}

/// X-linked inheritance, for the explainer.
#[derive(Clone, Debug, PartialEq)]
pub struct Inheritance {
    /// What X-linked means.
    pub summary: Paragraph,
    /// Carrier mother, then affected father.
    pub cases: Vec<InheritanceCase>,
    /// The key to the symbols.
    pub key: Paragraph,
    /// Where testing is discussed.
    pub note: Paragraph,
}

impl Inheritance {
    /// Every paragraph, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        std::iter::once(&self.summary)
            .chain(self.cases.iter().flat_map(|c| &c.sentences))
            .chain([&self.key, &self.note])
    }

    /// The diagram as a document block: its id, and its words with each
    /// parent's situation named before what it means for the children.
    pub fn block(&self) -> Block {
        let mut text = vec![self.summary.clone()];
        for case in &self.cases {
            text.push(Paragraph::new().strong(case.parent.clone()));
            text.extend(case.sentences.iter().cloned());
        }
        text.extend([self.key.clone(), self.note.clone()]);
        Block::Figure { id: INHERITANCE_FIGURE, text }
    }
}

/// A sentence with "1 in 2" in it, as a rule of inheritance.
fn one_in_two(lang: Lang, id: &str) -> Paragraph {
    let rule = |n: f64| Arg::Num(Quantity::rule(n, Unit::Count));
    l10n::paragraph(lang, id, &[("one", rule(1.0)), ("two", rule(2.0))])
}

/// The X-linked recessive pattern of CD40LG, in `lang`.
pub fn inheritance_in(lang: Lang) -> Inheritance {
    use Child::{Daughter, Son};
    use ChildStatus::{Affected, Carrier, Unaffected};
    let p = |id: &str| l10n::paragraph(lang, id, &[]);
    let t = |id: &str| l10n::text(lang, id, &[]);
    Inheritance {
        summary: p("inherit-intro"),
        cases: vec![
            InheritanceCase {
                parent: t("parent-mother"),
                parents: (Unaffected, Carrier),
                children: [(Son, Affected), (Son, Unaffected), (Daughter, Carrier), (Daughter, Unaffected)],
                sentences: vec![one_in_two(lang, "mother-sons"), one_in_two(lang, "mother-daughters")],
            },
            InheritanceCase {
                parent: t("parent-father"),
                parents: (Affected, Unaffected),
                children: [(Son, Unaffected), (Son, Unaffected), (Daughter, Carrier), (Daughter, Carrier)],
                sentences: vec![p("father-daughters"), p("father-sons")],
            },
        ],
        key: p("inherit-key"),
        // Parents often blame themselves; the page says plainly that
        // nothing they did caused it.
        note: p("inherit-not-your-fault").text(" ").then(p("inherit-genetics")),
    }
}
