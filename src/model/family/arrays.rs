//! Icon arrays: one published percentage drawn as 100 boys. Every array
//! states the question it answers, the clock it counts on and who was
//! counted; the rounded count and its complement say they are calculated
//! and from what.

use serde::{Deserialize, Serialize};

use crate::model::evidence::words;
use crate::model::evidence::{Cohort, Evidence, Finding, POST_HSCT_OS_FINDING, TimePoint, Value};
use crate::model::l10n::{self, Arg, Lang};
use crate::model::text::{IconArray, Quantity, SourceRef, Unit};

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

    /// The chooser's label in `lang`.
    pub fn label_in(self, lang: Lang) -> String {
        let key = match self {
            Self::Person => "icons-person",
            Self::Abstract => "icons-abstract",
        };
        l10n::text(lang, key, &[])
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
fn counts(percent: f64, src: &SourceRef, lang: Lang) -> (u32, Quantity, Quantity) {
    let filled = whole_boys(percent);
    let p = l10n::quantity(&Quantity::published(percent, Unit::Percent, src.clone()), lang);
    let how = |id: &str| l10n::text(lang, id, &[("percent", Arg::Text(p.clone()))]);
    let mut rounded =
        Quantity::calculated(f64::from(filled), Unit::Count, src.clone(), how("calc-whole-boys"));
    let mut rest =
        Quantity::calculated(f64::from(ICON_TOTAL - filled), Unit::Count, src.clone(), how("calc-minus"));
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
    icon_arrays_in(evidence, transplanted, Lang::En)
}

/// The arrays in `lang`.
pub fn icon_arrays_in(evidence: &Evidence, transplanted: bool, lang: Lang) -> Vec<IconArray> {
    let mut out = Vec::new();
    if let Some((c, f)) = evidence.finding(POST_HSCT_OS_FINDING)
        && let Some(a) = after_transplant(c, f, lang)
    {
        out.push(a);
    }
    if !transplanted
        && let Some((c, f)) = evidence.finding(NO_HSCT_OS_FINDING)
        && let Some(a) = without_transplant(c, f, lang)
    {
        out.push(a);
    }
    out
}

fn after_transplant(c: &Cohort, f: &Finding, lang: Lang) -> Option<IconArray> {
    let Some(TimePoint::AfterHsct(years)) = f.time else { return None };
    let p = |id: &str, args: &[(&str, Arg)]| l10n::paragraph(lang, id, args);
    let src = words::finding_source(c, f);
    let (filled, alive, died) = counts(percent(f)?, &src, lang);
    let span = || Arg::Num(Quantity::published(years, Unit::Years, src.clone()));
    let mut who = p("array-who", &[]);
    if let Some(n) = f.groups.first().map(|g| g.n).or(c.patients) {
        let n = Arg::Num(Quantity::published(f64::from(n), Unit::Count, src.clone()));
        who = who.then(p("array-who-n", &[("n", n)]));
    } else {
        who = who.then(p("array-who-boys", &[]));
    }
    who = who.then(p("array-with-xhim", &[]));
    if let Some(era) = &c.era {
        who = who.then(p("array-era", &[("era", Arg::Text(era_words(era, lang)))]));
    }
    who = who.then(p("array-all-ages", &[("cite", Arg::Cite(src.clone()))]));
    Some(IconArray {
        finding: format!("{}/{}", c.id, f.id),
        heading: l10n::text(lang, "array-after-heading", &[]),
        question: p("array-after-question", &[("span", span())]),
        total: ICON_TOTAL,
        filled,
        filled_label: p("array-after-alive", &[("alive", Arg::Num(alive)), ("span", span())]),
        empty_label: p("array-after-died", &[("died", Arg::Num(died))]),
        clock: p("array-after-clock", &[]),
        who,
        notes: vec![p("array-after-note", &[])],
    })
}

fn without_transplant(c: &Cohort, f: &Finding, lang: Lang) -> Option<IconArray> {
    let Some(TimePoint::AtAge(age)) = f.time else { return None };
    let p = |id: &str, args: &[(&str, Arg)]| l10n::paragraph(lang, id, args);
    let src = words::finding_source(c, f);
    let (filled, alive, died) = counts(percent(f)?, &src, lang);
    let at = || Arg::Num(Quantity::published(age, Unit::Years, src.clone()));
    let count = |n: u32| Arg::Num(Quantity::published(f64::from(n), Unit::Count, src.clone()));
    let mut who = p("array-who", &[]);
    if let Some(n) = f.groups.first().map(|g| g.n) {
        who = who.then(p("array-who-n-without", &[("n", count(n))]));
    } else {
        who = who.then(p("array-who-without", &[]));
    }
    if let Some(all) = c.patients {
        who = who.then(p("array-in-study", &[("n", count(all))]));
    }
    who = who.then(p("array-in-japan", &[("cite", Arg::Cite(src.clone()))]));
    let mut notes = vec![p("array-followed", &[("age", at())])];
    if f.groups.first().is_some_and(|g| g.n < 50) {
        notes.push(p("array-small", &[]));
    }
    Some(IconArray {
        finding: format!("{}/{}", c.id, f.id),
        heading: l10n::text(lang, "array-without-heading", &[]),
        question: p("array-without-question", &[("age", at())]),
        total: ICON_TOTAL,
        filled,
        filled_label: p("array-without-alive", &[("alive", Arg::Num(alive)), ("age", at())]),
        empty_label: p("array-without-died", &[("died", Arg::Num(died))]),
        clock: p("array-without-clock", &[]),
        who,
        notes,
    })
}

/// A cohort's era ("transplants 1993–2015") in `lang`; an era of another
/// form is shown as the cohort file gives it.
fn era_words(era: &str, lang: Lang) -> String {
    let known = [("transplants ", "era-transplants"), ("diagnosed ", "era-diagnosed")];
    known
        .iter()
        .find_map(|(prefix, key)| {
            era.strip_prefix(prefix)
                .map(|years| l10n::text(lang, key, &[("years", Arg::Text(years.to_owned()))]))
        })
        .unwrap_or_else(|| era.to_owned())
}
