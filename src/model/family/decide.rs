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
        // Who leads the decision, who else is part of it, and whether the
        // family is ready (the SURE test), as the Ottawa aids ask.
        section.blocks.push(Block::Paragraph(Paragraph::new().strong(cx.t("role-heading"))));
        section.blocks.push(Block::Steps(["role-1", "role-2", "role-3"].map(|k| cx.p(k, &[])).to_vec()));
        section.blocks.push(Block::Paragraph(cx.p("role-after", &[])));
        section.blocks.push(Block::Paragraph(Paragraph::new().strong(cx.t("others-heading"))));
        section.blocks.push(Block::Paragraph(cx.p("others", &[])));
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
        section.blocks.push(Block::Paragraph(Paragraph::new().strong(cx.t("sure-heading"))));
        section
            .blocks
            .push(Block::Steps(["sure-1", "sure-2", "sure-3", "sure-4"].map(|k| cx.p(k, &[])).to_vec()));
        section.blocks.push(Block::Paragraph(cx.p("sure-after", &[])));
    }
    section.blocks.push(Block::Paragraph(Paragraph::new().strong(cx.t("support-heading"))));
    // Names and addresses: one list, in bold, never counted as prose.
    let places = ["support-intro", "support-idf", "support-higm", "support-uk"].map(|k| cx.t(k));
    section.blocks.push(Block::Paragraph(Paragraph::new().strong(places.join(" "))));
    section
}
