//! The family's side: what matters to them (rated, never scored), the steps
//! towards a decision, questions for the team and which way they lean.

use super::{Ctx, headings};
use crate::model::discussion::{FamilyDiscussion, Importance, Leaning};
use crate::model::text::{Block, Choice, Paragraph, RatingRow, Ratings, Section, SectionId};

/// The values exercise: each "what matters" statement, keyed by its id, with
/// the family's rating in the scale's words.
pub(super) fn what_matters(answers: &FamilyDiscussion, cx: &Ctx<'_>) -> Section {
    let ratings = Ratings {
        scale: Importance::ALL.iter().map(|i| i.label().to_owned()).collect(),
        rows: cx
            .text
            .values
            .iter()
            .map(|v| RatingRow {
                key: v.id.clone(),
                statement: Paragraph::from(v.text.as_str()),
                answer: answers.importance(&v.id).map(|i| i.label().to_owned()),
            })
            .collect(),
    };
    Section::new(SectionId::WhatMatters, headings::WHAT_MATTERS)
        .with(Block::Paragraph(Paragraph::from(
            "How much does each of these matter to your family? There are no right or wrong answers. \
             This aid does not add up your answers, and it does not choose for you.",
        )))
        .with(Block::Ratings(ratings))
}

/// Steps, prompt questions with the family's own, and (before a
/// transplant) which way they lean.
pub(super) fn steps(answers: &FamilyDiscussion, cx: &Ctx<'_>, transplanted: bool) -> Section {
    let mut section = Section::new(SectionId::Steps, headings::STEPS);
    if !transplanted {
        section.blocks.push(Block::Steps(
            [
                "Learn about the options.",
                "Think about what matters most to your family.",
                "Write down your questions.",
                "Decide together with the transplant team.",
            ]
            .into_iter()
            .map(Paragraph::from)
            .collect(),
        ));
        section.blocks.push(Block::Paragraph(cx.said("shared-decision")));
    }
    section.blocks.push(Block::Paragraph(Paragraph::new().strong(headings::QUESTIONS)));
    let prompts = if transplanted { &cx.text.questions_after } else { &cx.text.questions };
    section.blocks.push(Block::Questions {
        prompts: prompts.iter().map(|q| Paragraph::from(q.as_str())).collect(),
        own: answers.questions.iter().map(|q| Paragraph::from(q.as_str())).collect(),
    });
    if !transplanted {
        section.blocks.push(Block::Paragraph(Paragraph::new().strong(headings::LEANING)));
        section.blocks.push(Block::Choice(Choice {
            options: Leaning::ALL.iter().map(|l| l.label().to_owned()).collect(),
            chosen: answers.leaning.map(|l| l.label().to_owned()),
        }));
        section.blocks.push(Block::Paragraph(Paragraph::from(
            "You can change your mind at any time, and talk about it again with the team.",
        )));
    }
    section
}
