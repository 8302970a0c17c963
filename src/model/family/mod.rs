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

pub use about::{about_section, about_section_in, evidence_date, sources_section, sources_section_in};
pub use arrays::{
    BLOCK, BLOCK_GAP, GRID_COLUMNS, ICON_TOTAL, IconCell, IconStyle, NO_HSCT_OS_FINDING, grid_extent,
    grid_positions, icon_arrays, icon_arrays_in, whole_boys,
};
pub use choice::{OPTIONS, ROWS, leaning_label};
pub use decide::importance_label;
pub use inheritance::{Child, ChildStatus, INHERITANCE_FIGURE, Inheritance, InheritanceCase, inheritance_in};

use self::statements::FamilyText;
use super::Inputs;
use super::discussion::FamilyDiscussion;
use super::evidence::{DEATHS_AFTER_HSCT_FINDING, Evidence, words};
use super::l10n::{self, Arg, Lang};
use super::patient::Patient;
use super::text::{self, Block, Doc, Paragraph, Section, SectionId};

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
    lang: Lang,
}

impl Ctx<'_> {
    /// A family statement with its sources.
    fn said(&self, id: &str) -> Paragraph {
        self.text.said_in(self.evidence, id, self.lang)
    }

    /// A message as a paragraph, its numbers and citations as runs.
    fn p(&self, id: &str, args: &[(&str, Arg)]) -> Paragraph {
        l10n::paragraph(self.lang, id, args)
    }

    /// A message as words.
    fn t(&self, id: &str) -> String {
        l10n::text(self.lang, id, &[])
    }
}

/// The family decision aid for the patient in `inputs`, with the family's
/// answers so far (ratings, questions, leaning) shown back to them.
pub fn family_doc(inputs: &Inputs<'_>, answers: &FamilyDiscussion) -> Doc {
    family_doc_in(inputs, answers, Lang::En)
}

/// The family decision aid in the family's language.
pub fn family_doc_in(inputs: &Inputs<'_>, answers: &FamilyDiscussion, lang: Lang) -> Doc {
    let text = match FamilyText::embedded() {
        Ok(t) => t,
        Err(e) => {
            let heading = l10n::text(lang, "heading-choice", &[]);
            let message = l10n::text(lang, "text-not-loaded", &[("error", Arg::Text(e.to_owned()))]);
            return Doc {
                sections: vec![
                    Section::new(SectionId::Choice, heading).with(Block::Paragraph(message.into())),
                ],
            };
        }
    };
    let cx = Ctx { evidence: inputs.evidence, text, patient: inputs.patient, lang };
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
    sections.push(pictures(&cx, transplanted));
    if !transplanted {
        sections.push(decide::what_matters(answers, &cx));
    }
    sections.push(decide::steps(answers, &cx, transplanted));
    sections.push(choice::about_the_condition(&cx));
    sections.push(
        Section::new(SectionId::Inheritance, cx.t("heading-inheritance")).with(inheritance_in(lang).block()),
    );
    let mut doc = Doc { sections };
    let sources = sources_section_in(inputs.evidence, Some(&doc), lang);
    doc.sections.push(sources);
    doc.sections.push(about_section_in(inputs.evidence, lang));
    doc
}

/// The family pages with the centre's own contact (site configuration)
/// among the places to find support.
#[must_use]
pub fn with_centre_contact(mut doc: Doc, contact: Option<&str>, lang: Lang) -> Doc {
    if let (Some(contact), Some(steps)) =
        (contact, doc.sections.iter_mut().find(|s| s.id == SectionId::Steps))
    {
        let line = l10n::paragraph(lang, "support-centre", &[("contact", Arg::Text(contact.to_owned()))]);
        steps.blocks.push(Block::Paragraph(line));
    }
    doc
}

/// The icon arrays, each under its own heading, one under the other.
fn pictures(cx: &Ctx<'_>, transplanted: bool) -> Section {
    let intro = if transplanted { "pictures-after" } else { "pictures-before" };
    let mut section =
        Section::new(SectionId::Pictures, cx.t("heading-pictures")).with(Block::Paragraph(cx.p(intro, &[])));
    for array in icon_arrays_in(cx.evidence, transplanted, cx.lang) {
        section.blocks.push(Block::IconArray(array));
    }
    if transplanted
        && let Some(p) = cx.patient
        && let Some(since) = p.hsct_age_months().and_then(|_| crate::model::figure::years_since_hsct(p))
    {
        // Where he is on the picture's clock, and when most deaths came.
        #[expect(clippy::cast_possible_truncation, reason = "ages are at most 80 years")]
        let months = (since * 12.0).round() as i32;
        let months = text::Quantity::patient(f64::from(months), text::Unit::Months);
        // Said once, here beside the picture: the second study's count of
        // deaths in the first year, and which side of it he is.
        let where_he_is = match cx.evidence.finding(DEATHS_AFTER_HSCT_FINDING) {
            Some((c, f)) => cx.p(
                if since < 1.0 { "after-where-within" } else { "after-where-past" },
                &[("since", Arg::Num(months)), ("cite", Arg::Cite(words::finding_source(c, f)))],
            ),
            None => cx.p("after-where", &[("since", Arg::Num(months))]),
        };
        section.blocks.push(Block::Paragraph(where_he_is));
    }
    section
}
