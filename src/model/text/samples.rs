//! One block of every kind, with the words each renderer must show for it:
//! the plain text, the PDF and the screen are each tested against these, so
//! no renderer can drop a kind of block unnoticed.

use super::{
    Block, Choice, FigureId, IconArray, Paragraph, Quantity, RatingRow, Ratings, SourceRef, Table, Unit,
};

fn source() -> SourceRef {
    SourceRef { cohort: "smith-2024".into(), finding: Some("os".into()), label: "Smith 2024, table 2".into() }
}

/// Every kind of block in turn, each with the words its renderers show.
pub(crate) fn every_block() -> Vec<(Block, Vec<&'static str>)> {
    let mut out = Vec::new();
    let mut next = Some(Block::Paragraph(
        Paragraph::new()
            .text("Overall survival was ")
            .num(Quantity::published(78.2, Unit::Percent, source()))
            .text(" at five years."),
    ));
    while let Some(block) = next {
        next = after(&block);
        let shown = shown(&block);
        out.push((block, shown));
    }
    out
}

/// The block that follows `block` in the walk. The match is exhaustive, so
/// a new kind of block fails to compile until the walk reaches it.
fn after(block: &Block) -> Option<Block> {
    Some(match block {
        Block::Paragraph(_) => Block::Item {
            text: "A finding about liver disease.".into(),
            source: Some(source()),
            concerns: vec!["He has liver disease.".into()],
        },
        Block::Item { .. } => Block::Table(Table {
            header: vec!["Group".into(), "Five years".into()],
            rows: vec![vec!["Centre".into(), "40 %".into()]],
        }),
        Block::Table(_) => Block::Figure {
            id: FigureId("test-figure"),
            text: vec!["The curve falls to 40 % by age 30.".into()],
        },
        Block::Figure { .. } => Block::Note("Small print about the era.".into()),
        Block::Note(_) => Block::IconArray(IconArray {
            finding: "smith-2024/os".into(),
            heading: "After a transplant".into(),
            question: "Of 100 boys, how many were alive?".into(),
            total: 100,
            filled: 78,
            filled_label: "78 were alive.".into(),
            empty_label: "22 had died.".into(),
            clock: "Counted from the day of the transplant.".into(),
            who: "Who was counted: 130 boys.".into(),
            notes: vec!["Not a forecast for him.".into()],
        }),
        Block::IconArray(_) => Block::Ratings(Ratings {
            scale: vec!["Not important".into(), "Somewhat important".into(), "Very important".into()],
            rows: vec![
                RatingRow {
                    key: "act-young".into(),
                    statement: "Acting while he is young.".into(),
                    answer: Some("Very important".into()),
                },
                RatingRow {
                    key: "school".into(),
                    statement: "Keeping his school year.".into(),
                    answer: None,
                },
            ],
        }),
        Block::Ratings(_) => Block::Choice(Choice {
            options: vec!["A: a transplant soon".into(), "B: a transplant later".into()],
            chosen: Some("B: a transplant later".into()),
        }),
        Block::Choice(_) => Block::Questions {
            prompts: vec!["Who will be his donor?".into()],
            own: vec!["Can his sister be tested?".into()],
        },
        Block::Questions { .. } => {
            Block::Steps(vec!["Learn about the options.".into(), "Decide together.".into()])
        }
        Block::Steps(_) => return None,
    })
}

/// The words every renderer must show for a block of the walk.
fn shown(block: &Block) -> Vec<&'static str> {
    match block {
        Block::Paragraph(_) => vec!["Overall survival was 78.2 % at five years."],
        Block::Item { .. } => {
            vec!["A finding about liver disease.", "He has liver disease.", "Smith 2024, table 2"]
        }
        Block::Table(_) => vec!["Group", "Five years", "Centre", "40 %"],
        Block::Figure { .. } => vec!["The curve falls to 40 % by age 30."],
        Block::Note(_) => vec!["Small print about the era."],
        Block::IconArray(_) => vec![
            "After a transplant",
            "Of 100 boys, how many were alive?",
            "78 were alive.",
            "22 had died.",
            "Counted from the day of the transplant.",
            "Who was counted: 130 boys.",
            "Not a forecast for him.",
        ],
        Block::Ratings(_) => vec!["Acting while he is young.", "Very important", "Keeping his school year."],
        Block::Choice(_) => vec!["A: a transplant soon", "B: a transplant later"],
        Block::Questions { .. } => vec!["Who will be his donor?", "Can his sister be tested?"],
        Block::Steps(_) => vec!["Learn about the options.", "Decide together."],
    }
}

#[test]
fn the_walk_meets_every_kind_once() {
    let blocks = every_block();
    let kinds: std::collections::HashSet<_> = blocks.iter().map(|(b, _)| std::mem::discriminant(b)).collect();
    assert_eq!(kinds.len(), blocks.len());
}

#[test]
fn plain_text_shows_every_block() {
    for (block, words) in every_block() {
        let doc = super::Doc {
            sections: vec![super::Section::new(super::SectionId::Status, "Heading").with(block.clone())],
        };
        let text = super::plain::plain_text(&doc, 10_000);
        for w in words {
            assert!(text.contains(w), "{block:?}: “{w}” not in\n{text}");
        }
    }
}
