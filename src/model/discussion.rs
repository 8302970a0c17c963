//! What a family said in a consultation, kept in the patient file only when
//! the counselor chooses to: how much each consideration matters to them,
//! which way they are leaning, and their own questions. The aid never scores
//! these or turns them into a recommendation.

use serde::{Deserialize, Serialize};

use super::l10n::{self, Arg};

/// Most questions kept; a consultation's list is short.
pub const MAX_QUESTIONS: usize = 30;
/// Longest question kept (characters).
pub const MAX_QUESTION_CHARS: usize = 500;

/// The family's side of the decision.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FamilyDiscussion {
    /// How much each "what matters" statement matters to them; statements
    /// not rated are absent.
    pub ratings: Vec<Rating>,
    /// Which option they lean towards, if they said.
    pub leaning: Option<Leaning>,
    /// Their own questions for the transplant team.
    pub questions: Vec<String>,
}

/// One rated statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// The statement's stable id (the family view defines the statements).
    pub statement: String,
    /// How much it matters.
    pub importance: Importance,
}

/// The three-point scale of the values exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Importance {
    /// Not important to us.
    NotImportant,
    /// Somewhat important.
    Somewhat,
    /// Very important.
    Very,
}

impl Importance {
    /// Every level, in the order the scale shows them.
    pub const ALL: [Self; 3] = [Self::NotImportant, Self::Somewhat, Self::Very];

    /// Words on the scale, in English: the record the patient file keeps.
    pub fn label(self) -> &'static str {
        l10n::en_kept(match self {
            Self::NotImportant => "importance-not",
            Self::Somewhat => "importance-somewhat",
            Self::Very => "importance-very",
        })
    }
}

/// The options of the decision, as the family view names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Leaning {
    /// A: a transplant soon, with the donor there is.
    TransplantSoon,
    /// B: current care now, a transplant later.
    CareNowTransplantLater,
    /// C: current care without a transplant.
    CareWithoutTransplant,
    /// Not sure yet.
    NotSure,
}

impl Leaning {
    /// Every answer, in the order the question lists them.
    pub const ALL: [Self; 4] =
        [Self::TransplantSoon, Self::CareNowTransplantLater, Self::CareWithoutTransplant, Self::NotSure];

    /// Words for the choice, in English: the record the patient file keeps.
    pub fn label(self) -> &'static str {
        l10n::en_kept(match self {
            Self::TransplantSoon => "leaning-a",
            Self::CareNowTransplantLater => "leaning-b",
            Self::CareWithoutTransplant => "leaning-c",
            Self::NotSure => "leaning-unsure",
        })
    }
}

impl FamilyDiscussion {
    /// What is wrong with it, in words; empty when it can be saved.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (i, r) in self.ratings.iter().enumerate() {
            if r.statement.trim().is_empty() {
                out.push(l10n::en("discussion-rating-unnamed", &[]));
            } else if self.ratings[..i].iter().any(|o| o.statement == r.statement) {
                out.push(l10n::en(
                    "discussion-rated-twice",
                    &[("statement", Arg::Text(r.statement.clone()))],
                ));
            }
        }
        if self.questions.len() > MAX_QUESTIONS {
            let args = [
                ("count", Arg::Text(self.questions.len().to_string())),
                ("max", Arg::Text(MAX_QUESTIONS.to_string())),
            ];
            out.push(l10n::en("discussion-too-many-questions", &args));
        }
        if self.questions.iter().any(|q| q.chars().count() > MAX_QUESTION_CHARS) {
            let args = [("max", Arg::Text(MAX_QUESTION_CHARS.to_string()))];
            out.push(l10n::en("discussion-question-too-long", &args));
        }
        out
    }

    /// The rating of one statement, if given.
    pub fn importance(&self, statement: &str) -> Option<Importance> {
        self.ratings.iter().find(|r| r.statement == statement).map(|r| r.importance)
    }

    /// Sets or clears the rating of one statement.
    pub fn set_importance(&mut self, statement: &str, importance: Option<Importance>) {
        self.ratings.retain(|r| r.statement != statement);
        if let Some(importance) = importance {
            self.ratings.push(Rating { statement: statement.to_owned(), importance });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_are_set_replaced_and_cleared() {
        let mut d = FamilyDiscussion::default();
        d.set_importance("early-risk", Some(Importance::Very));
        d.set_importance("early-risk", Some(Importance::Somewhat));
        assert_eq!(d.importance("early-risk"), Some(Importance::Somewhat));
        assert_eq!(d.ratings.len(), 1);
        d.set_importance("early-risk", None);
        assert_eq!(d.importance("early-risk"), None);
        assert!(d.problems().is_empty());
    }

    #[test]
    fn problems_are_named() {
        let d = FamilyDiscussion {
            ratings: vec![
                Rating { statement: "a".into(), importance: Importance::Very },
                Rating { statement: "a".into(), importance: Importance::Somewhat },
            ],
            leaning: Some(Leaning::NotSure),
            questions: vec!["x".repeat(MAX_QUESTION_CHARS + 1)],
        };
        let p = d.problems();
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].contains("rated twice"));
    }
}
