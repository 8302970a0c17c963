//! Icon arrays: one published percentage drawn as 100 boys. Every array
//! states the question it answers, the clock it counts on and who was
//! counted; the rounded count and its complement say they are calculated
//! and from what.

use serde::{Deserialize, Serialize};

use crate::model::evidence::words;
use crate::model::evidence::{Cohort, Evidence, Finding, POST_HSCT_OS_FINDING, TimePoint, Value};
use crate::model::text::{IconArray, Paragraph, Quantity, SourceRef, Unit, format};

/// Every icon array has the same denominator, so options compare by count.
pub const ICON_TOTAL: u32 = 100;
/// Icons per row (and rows per array).
pub const GRID_COLUMNS: u32 = 10;
/// Icons are drawn in blocks of this many rows and columns, with a gap
/// between blocks, so a reader can count in fives.
pub const BLOCK: u32 = 5;
/// The gap between blocks, as a fraction of one cell.
pub const BLOCK_GAP: f32 = 0.5;

/// Survival to age 40 without HSCT (Japan 2015).
pub const NO_HSCT_OS_FINDING: (&str, &str) = ("japan-2015", "os-40-no-hsct");

/// How the icons in an array are drawn; people icons upset some families,
/// so abstract shapes are offered too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IconStyle {
    /// A simple person figure.
    #[default]
    Person,
    /// A plain square.
    Abstract,
}

impl IconStyle {
    /// Both styles, in the order a chooser lists them.
    pub const ALL: [Self; 2] = [Self::Person, Self::Abstract];

    /// The chooser's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "People",
            Self::Abstract => "Squares",
        }
    }
}

/// One cell of a 10 × 10 icon array.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IconCell {
    /// Position in reading order, 0–99.
    pub index: u32,
    /// Row from the top, 0–9.
    pub row: u32,
    /// Column from the left, 0–9.
    pub col: u32,
    /// Whether this icon is in the filled (first-named) category.
    pub filled: bool,
}

impl IconCell {
    /// Top-left corner in cell units, including the gaps between 5 × 5
    /// blocks; multiply by the cell size to draw.
    pub fn offset(self) -> (f32, f32) {
        let along = |i: u32| {
            #[expect(clippy::cast_precision_loss, reason = "i is below 10")]
            let x = i as f32 + if i >= BLOCK { BLOCK_GAP } else { 0.0 };
            x
        };
        (along(self.col), along(self.row))
    }
}

/// Width and height of a drawn array, in cell units.
pub fn grid_extent() -> f32 {
    #[expect(clippy::cast_precision_loss, reason = "a small constant")]
    let n = GRID_COLUMNS as f32;
    n + BLOCK_GAP
}

/// The cells of an array, row-major, filled cells first so they form one
/// block from the top left; the screen and the PDF draw from this.
pub fn grid_positions(filled: u32) -> Vec<IconCell> {
    (0..ICON_TOTAL)
        .map(|index| IconCell {
            index,
            row: index / GRID_COLUMNS,
            col: index % GRID_COLUMNS,
            filled: index < filled.min(ICON_TOTAL),
        })
        .collect()
}

/// A published percentage as whole boys of 100.
pub fn whole_boys(percent: f64) -> u32 {
    let clamped = percent.clamp(0.0, 100.0);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0–100 just above"
    )]
    let count = clamped.round() as u32;
    count
}

/// The counts of a published percentage: "about 78" and "about 22", each
/// saying it is calculated and from what.
fn counts(percent: f64, src: &SourceRef) -> (u32, Quantity, Quantity) {
    let filled = whole_boys(percent);
    let p = format::quantity(&Quantity::published(percent, Unit::Percent, src.clone()));
    let mut rounded =
        Quantity::calculated(f64::from(filled), Unit::Count, src.clone(), format!("{p} as whole boys"));
    let mut rest = Quantity::calculated(
        f64::from(ICON_TOTAL - filled),
        Unit::Count,
        src.clone(),
        format!("100 minus {p}"),
    );
    if (f64::from(filled) - percent).abs() > 1e-9 {
        rounded = rounded.about();
        rest = rest.about();
    }
    (filled, rounded, rest)
}

fn percent(f: &Finding) -> Option<f64> {
    match f.value {
        Some(Value::Percent(p)) => Some(p),
        _ => None,
    }
}

/// The arrays for this boy: survival after a transplant (all ages at HSCT),
/// and, unless he is transplanted, survival without one. They count on
/// different clocks, so the screen and the handout show them one under the
/// other under their own headings, never side by side.
pub fn icon_arrays(evidence: &Evidence, transplanted: bool) -> Vec<IconArray> {
    let mut out = Vec::new();
    if let Some((c, f)) = evidence.finding(POST_HSCT_OS_FINDING)
        && let Some(a) = after_transplant(c, f)
    {
        out.push(a);
    }
    if !transplanted
        && let Some((c, f)) = evidence.finding(NO_HSCT_OS_FINDING)
        && let Some(a) = without_transplant(c, f)
    {
        out.push(a);
    }
    out
}

fn after_transplant(c: &Cohort, f: &Finding) -> Option<IconArray> {
    let Some(TimePoint::AfterHsct(years)) = f.time else { return None };
    let src = words::finding_source(c, f);
    let (filled, alive, died) = counts(percent(f)?, &src);
    let span = Quantity::published(years, Unit::Years, src.clone());
    let mut who = Paragraph::new().text("Who was counted: ");
    if let Some(n) = f.groups.first().map(|g| g.n).or(c.patients) {
        who = who.num(Quantity::published(f64::from(n), Unit::Count, src.clone())).text(" boys");
    } else {
        who = who.text("boys");
    }
    who = who.text(" with XHIM");
    if let Some(era) = &c.era {
        who = who.text(format!(" ({era})"));
    }
    who = who.text(", all ages at HSCT. ").cite(src.clone());
    Some(IconArray {
        finding: format!("{}/{}", c.id, f.id),
        heading: "After a transplant".to_owned(),
        question: Paragraph::new()
            .text("Of 100 boys who had a transplant, at any age, how many were alive ")
            .num(span.clone())
            .text(" later?"),
        total: ICON_TOTAL,
        filled,
        filled_label: Paragraph::new().num(alive).text(" were alive ").num(span.clone()).text(" later."),
        empty_label: Paragraph::new().num(died).text(" had died by then."),
        clock: Paragraph::from("Counted from the day of the transplant."),
        who,
        notes: vec![Paragraph::from(
            "This is what happened to a group of boys, not a forecast for him. The study did not give a \
             number for each age. Care has changed since then.",
        )],
    })
}

fn without_transplant(c: &Cohort, f: &Finding) -> Option<IconArray> {
    let Some(TimePoint::AtAge(age)) = f.time else { return None };
    let src = words::finding_source(c, f);
    let (filled, alive, died) = counts(percent(f)?, &src);
    let at = Quantity::published(age, Unit::Years, src.clone());
    let mut who = Paragraph::new().text("Who was counted: ");
    if let Some(n) = f.groups.first().map(|g| g.n) {
        who = who.num(Quantity::published(f64::from(n), Unit::Count, src.clone())).text(" boys without HSCT");
    } else {
        who = who.text("boys without HSCT");
    }
    if let Some(all) = c.patients {
        who = who
            .text(", in a study of ")
            .num(Quantity::published(f64::from(all), Unit::Count, src.clone()))
            .text(" boys");
    }
    who = who.text(" in Japan. ").cite(src.clone());
    let mut notes = vec![
        Paragraph::new()
            .text("We do not know how many were still followed at ")
            .num(at.clone())
            .text(". So this number is uncertain."),
    ];
    if f.groups.first().is_some_and(|g| g.n < 50) {
        notes.push(Paragraph::from("It is a small group. The true number could be quite different."));
    }
    Some(IconArray {
        finding: format!("{}/{}", c.id, f.id),
        heading: "Without a transplant".to_owned(),
        question: Paragraph::new()
            .text("Of 100 boys in Japan who did not have a transplant, how many were alive at ")
            .num(at.clone())
            .text(" of age?"),
        total: ICON_TOTAL,
        filled,
        filled_label: Paragraph::new().num(alive).text(" were alive at ").num(at.clone()).text(" of age."),
        empty_label: Paragraph::new().num(died).text(" had died before then."),
        clock: Paragraph::from("Counted from birth."),
        who,
        notes,
    })
}
