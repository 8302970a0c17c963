//! The family's side: what matters to them (rated, never scored), the steps
//! towards a decision, questions for the team and which way they lean.

use super::Ctx;
use super::choice::leaning_label;
use crate::model::discussion::{FamilyDiscussion, Importance, Leaning};
use crate::model::l10n::{self, Lang};
use crate::model::text::{Block, Choice, Paragraph, RatingRow, Ratings, Section, SectionId};

/// The values exercise: each "what matters" statement, keyed by its id, with
/// the family's rating in the scale's words.
pub(super) fn what_matters(answers: &FamilyDiscussion, cx: &Ctx<'_>) -> Section {
    let ratings = Ratings {
        scale: Importance::ALL.iter().map(|i| importance_label(*i, cx.lang)).collect(),
        rows: cx
            .text
            .values
            .iter()
            .map(|v| RatingRow {
                key: v.id.clone(),
                statement: Paragraph::from(cx.text.value_in(v, cx.lang)),
                answer: answers.importance(&v.id).map(|i| importance_label(i, cx.lang)),
            })
            .collect(),
    };
    Section::new(SectionId::WhatMatters, cx.t("heading-what-matters"))
        .with(Block::Paragraph(cx.p("what-matters-intro", &[])))
        .with(Block::Ratings(ratings))
}

/// A rating's words in `lang`.
pub fn importance_label(importance: Importance, lang: Lang) -> String {
    let key = match importance {
        Importance::NotImportant => "importance-not",
        Importance::Somewhat => "importance-somewhat",
        Importance::Very => "importance-very",
    };
    l10n::text(lang, key, &[])
}

/// Steps, prompt questions with the family's own, and (before a
/// transplant) which way they lean.
pub(super) fn steps(answers: &FamilyDiscussion, cx: &Ctx<'_>, transplanted: bool) -> Section {
    let mut section = Section::new(SectionId::Steps, cx.t("heading-steps"));
    if !transplanted {
        section.blocks.push(Block::Steps(
            ["step-learn", "step-think", "step-questions", "step-decide"]
                .into_iter()
                .map(|k| cx.p(k, &[]))
                .collect(),
        ));
        section.blocks.push(Block::Paragraph(cx.said("shared-decision")));
    }
    section.blocks.push(Block::Paragraph(Paragraph::new().strong(cx.t("heading-questions"))));
    section.blocks.push(Block::Questions {
        prompts: cx.text.questions_in(transplanted, cx.lang).into_iter().map(Paragraph::from).collect(),
        own: answers.questions.iter().map(|q| Paragraph::from(q.as_str())).collect(),
    });
    if !transplanted {
        section.blocks.push(Block::Paragraph(Paragraph::new().strong(cx.t("heading-leaning"))));
        section.blocks.push(Block::Choice(Choice {
            options: Leaning::ALL.iter().map(|l| leaning_label(*l, cx.lang)).collect(),
            chosen: answers.leaning.map(|l| leaning_label(l, cx.lang)),
        }));
        section.blocks.push(Block::Paragraph(cx.p("change-mind", &[])));
    }
    section
}
