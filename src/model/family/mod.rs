//! The family decision aid as one [`Doc`]: the choice and its options on
//! equal rows, what his own record means, pictures of 100 boys, what matters
//! to the family, steps and questions, the condition in plain words,
//! inheritance, sources and "About this aid". The family view, the handout
//! and the family pages of the clinician report all render it.
//!
//! Plain statements come from `assets/family/statements.ron`
//! ([`statements`]); every number comes from a cohort finding as a
//! [`Quantity`](crate::model::text::Quantity) with its source, and a count
//! derived from a published percentage says it is calculated and from what.
//! Sentences describe what studies found and never tell the family what to
//! do; the family's ratings are shown back to them, never scored.

mod about;
mod arrays;
mod choice;
mod decide;
mod inheritance;
mod situation;
pub mod statements;

#[cfg(test)]
mod readability;
#[cfg(test)]
mod tests;

pub use about::{about_section, sources_section};
pub use arrays::{
    BLOCK, BLOCK_GAP, GRID_COLUMNS, ICON_TOTAL, IconCell, IconStyle, NO_HSCT_OS_FINDING, grid_extent,
    grid_positions, icon_arrays, whole_boys,
};
pub use choice::{OPTIONS, ROWS};
pub use inheritance::{Child, ChildStatus, INHERITANCE_FIGURE, Inheritance, InheritanceCase, inheritance};

use self::statements::FamilyText;
use super::Inputs;
use super::discussion::FamilyDiscussion;
use super::evidence::Evidence;
use super::patient::Patient;
use super::text::{Block, Doc, Paragraph, Section, SectionId};

/// Section headings, named once for every renderer and for tests.
pub mod headings {
    /// The opening section before a transplant.
    pub const CHOICE: &str = "The choice you are facing";
    /// The opening section after a transplant.
    pub const LIFE_AFTER: &str = "Life after his transplant";
    /// What his record means, before a transplant.
    pub const SITUATION: &str = "What his own health means for the choice";
    /// What his record means, after a transplant.
    pub const SITUATION_AFTER: &str = "His own health";
    /// The options table.
    pub const OPTIONS: &str = "The options side by side";
    /// The icon arrays.
    pub const PICTURES: &str = "Out of 100 boys";
    /// The values exercise.
    pub const WHAT_MATTERS: &str = "What matters to your family";
    /// Steps and questions.
    pub const STEPS: &str = "Steps and questions";
    /// The prompt questions.
    pub const QUESTIONS: &str = "Questions to ask the team";
    /// Which way the family leans.
    pub const LEANING: &str = "Which way are you leaning now?";
    /// The condition in plain words.
    pub const CONDITION: &str = "More about XHIM and its care";
    /// Inheritance.
    pub const INHERITANCE: &str = "How XHIM is inherited";
    /// Sources with dates.
    pub const SOURCES: &str = "Sources";
    /// About this aid.
    pub const ABOUT: &str = "About this aid";
}

/// What the section builders share.
struct Ctx<'a> {
    evidence: &'a Evidence,
    text: &'a FamilyText,
    patient: Option<&'a Patient>,
}

impl Ctx<'_> {
    /// A family statement with its sources.
    fn said(&self, id: &str) -> Paragraph {
        self.text.said(self.evidence, id)
    }
}

/// The family decision aid for the patient in `inputs`, with the family's
/// answers so far (ratings, questions, leaning) shown back to them.
pub fn family_doc(inputs: &Inputs<'_>, answers: &FamilyDiscussion) -> Doc {
    let text = match FamilyText::embedded() {
        Ok(t) => t,
        Err(e) => {
            return Doc {
                sections: vec![
                    Section::new(SectionId::Choice, headings::CHOICE)
                        .with(Block::Paragraph(format!("The family text could not be loaded: {e}").into())),
                ],
            };
        }
    };
    let cx = Ctx { evidence: inputs.evidence, text, patient: inputs.patient };
    let transplanted = choice::transplanted(&cx);
    let mut sections = Vec::new();
    if transplanted {
        sections.push(choice::life_after(&cx));
    } else {
        sections.push(choice::choice(&cx));
    }
    sections.push(situation::his_situation(&cx, transplanted));
    if !transplanted {
        sections.push(choice::options(&cx));
    }
    sections.push(pictures(inputs.evidence, transplanted));
    if !transplanted {
        sections.push(decide::what_matters(answers, &cx));
    }
    sections.push(decide::steps(answers, &cx, transplanted));
    sections.push(choice::about_the_condition(&cx));
    sections.push(Section::new(SectionId::Inheritance, headings::INHERITANCE).with(inheritance().block()));
    let mut doc = Doc { sections };
    let sources = sources_section(inputs.evidence, Some(&doc));
    doc.sections.push(sources);
    doc.sections.push(about_section(inputs.evidence));
    doc
}

/// The icon arrays, each under its own heading, one under the other.
fn pictures(evidence: &Evidence, transplanted: bool) -> Section {
    let mut section = Section::new(SectionId::Pictures, headings::PICTURES).with(Block::Paragraph(
        Paragraph::from(if transplanted {
            "The picture shows 100 boys. It answers one question. It counts from the day of the transplant."
        } else {
            "Each picture shows 100 boys. Each answers its own question, from its own study, counted from its \
             own starting point. So the pictures cannot be compared icon by icon."
        }),
    ));
    for array in icon_arrays(evidence, transplanted) {
        section.blocks.push(Block::IconArray(array));
    }
    section
}
