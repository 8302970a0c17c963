//! X-linked inheritance for the explainer: the rule of inheritance of a
//! variant on the X chromosome, not a cohort result, so its "1 in 2" is a
//! [`Basis::Rule`](crate::model::text::Basis::Rule) number.

use crate::model::text::{Block, FigureId, Paragraph, Quantity, Unit};

/// The inheritance diagram in a [`Block::Figure`]: the family view and the
/// PDF draw [`inheritance`] where they find it, other renderers give its
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

/// "1 in 2", as a rule of inheritance.
fn one_in_two() -> Paragraph {
    Paragraph::new().num(Quantity::rule(1.0, Unit::Count)).text(" in ").num(Quantity::rule(2.0, Unit::Count))
}

/// The X-linked recessive pattern of CD40LG.
pub fn inheritance() -> Inheritance {
    use Child::{Daughter, Son};
    use ChildStatus::{Affected, Carrier, Unaffected};
    Inheritance {
        summary: Paragraph::from(
            "The gene is on the X chromosome. Boys have one X, so one changed copy causes the condition. \
             Girls have two, so they are most often carriers who stay well.",
        ),
        cases: vec![
            InheritanceCase {
                parent: "A mother who is a carrier".to_owned(),
                parents: (Unaffected, Carrier),
                children: [(Son, Affected), (Son, Unaffected), (Daughter, Carrier), (Daughter, Unaffected)],
                sentences: vec![
                    Paragraph::new()
                        .text("Each son has a ")
                        .then(one_in_two())
                        .text(" chance of having the condition."),
                    Paragraph::new()
                        .text("Each daughter has a ")
                        .then(one_in_two())
                        .text(" chance of being a carrier."),
                ],
            },
            InheritanceCase {
                parent: "A father who has the condition".to_owned(),
                parents: (Affected, Unaffected),
                children: [(Son, Unaffected), (Son, Unaffected), (Daughter, Carrier), (Daughter, Carrier)],
                sentences: vec![
                    Paragraph::from("All his daughters are carriers."),
                    Paragraph::from("None of his sons has the condition."),
                ],
            },
        ],
        key: Paragraph::from(
            "Squares are males and circles are females. Filled: has the condition. Dot: carrier. Empty: neither.",
        ),
        note: Paragraph::from(
            "The genetics team can talk with you about carrier tests and options in a pregnancy.",
        ),
    }
}
