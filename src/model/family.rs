//! The family-consultation view: the evidence in plain words, as natural
//! frequencies ("about 78 of every 100 boys") and icon arrays, with the
//! time frame, reference group and source named in every sentence.
//!
//! Every number is read from the cohort findings through
//! [`Evidence::finding`]; nothing here states a figure of its own. The only
//! exception is the inheritance pattern (1 in 2), which is the rule of
//! X-linked recessive inheritance, not a cohort result. Sentences describe
//! what studies found and never tell the family what to do.

use serde::{Deserialize, Serialize};

use super::evidence::{
    AgeGroup, Cohort, Evidence, Finding, Measure, OLDER_FINDING, POST_HSCT_OS_FINDING, TimePoint, Value,
    WINDOW_FINDING, trim_number,
};
use super::patient::{Patient, describe_months};
use super::timing::{TimingEvidence, WindowStatus};

/// Every icon array has the same denominator, so options compare by count.
pub const ICON_TOTAL: u32 = 100;
/// Icons per row (and rows per array).
pub const GRID_COLUMNS: u32 = 10;
/// Icons are drawn in blocks of this many rows and columns, with a gap
/// between blocks, so a reader can count in fives.
pub const BLOCK: u32 = 5;
/// The gap between blocks, as a fraction of one cell.
pub const BLOCK_GAP: f32 = 0.5;

/// Natural history without HSCT: overall survival to age 40 (Japan 2015).
pub const NO_HSCT_OS_FINDING: (&str, &str) = ("japan-2015", "os-40-no-hsct");
/// Event-free survival 5 years after HSCT (EBMT 2019).
pub const POST_HSCT_EFS_FINDING: (&str, &str) = ("ebmt-2019", "efs-5y");
/// Disease-free survival 5 years after HSCT (EBMT 2019).
pub const POST_HSCT_DFS_FINDING: (&str, &str) = ("ebmt-2019", "dfs-5y");
/// When and why deaths after HSCT happened (EBMT 2019).
pub const POST_HSCT_DEATHS_FINDING: (&str, &str) = ("ebmt-2019", "deaths");
/// Deaths from infection after HSCT in the earlier European survey.
pub const INFECTION_DEATHS_FINDING: (&str, &str) = ("europe-2004", "infection-deaths");
/// No overall survival difference with versus without HCT (International 2017).
pub const NO_DIFFERENCE_FINDING: (&str, &str) = ("international-2017", "os-hct-vs-none");
/// The Japan 2015 authors' conclusion on timing.
pub const CONCLUSION_FINDING: (&str, &str) = ("japan-2015", "conclusion");
/// The cohort holding the liver-disease-by-age series.
pub const LIVER_SERIES: (&str, &str) = ("liver-1997", "liver-disease-by-age");

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

/// A published percentage as a count of 100 boys.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NaturalFrequency {
    /// Whole boys of 100 (the percentage rounded).
    pub count: u32,
    /// The published percentage, kept beside the count.
    pub percent: f64,
    /// Rounding changed the number, so words say "about".
    pub approximate: bool,
}

impl NaturalFrequency {
    /// Rounds a published percentage (0–100) to whole boys of 100.
    pub fn from_percent(percent: f64) -> Self {
        let clamped = percent.clamp(0.0, 100.0);
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to 0–100 just above"
        )]
        let count = clamped.round() as u32;
        Self { count, percent, approximate: (f64::from(count) - percent).abs() > 1e-9 }
    }

    /// "about 28" or "10".
    pub fn words(self) -> String {
        if self.approximate { format!("about {}", self.count) } else { self.count.to_string() }
    }

    /// "28.2 %".
    pub fn percent_text(self) -> String {
        format!("{} %", trim_number(self.percent))
    }
}

/// One sentence for the family with the source it rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The sentence(s) in plain words.
    pub text: String,
    /// Short source: cohort label and where in the publication.
    pub source: String,
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
/// block from the top left; the UI and the report draw from this.
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

/// One published outcome shown as 100 icons.
#[derive(Clone, Debug, PartialEq)]
pub struct IconArray {
    /// `cohort-id/finding-id` of the finding it shows.
    pub finding: String,
    /// Heading, e.g. "After a transplant: alive 5 years later".
    pub title: String,
    /// Always [`ICON_TOTAL`].
    pub total: u32,
    /// Filled icons: the published percentage rounded to whole boys.
    pub filled: u32,
    /// The published percentage, shown beside the icons.
    pub percent: f64,
    /// Whether the rounding changed the number.
    pub approximate: bool,
    /// What a filled icon means ("alive 5 years after transplant").
    pub filled_label: String,
    /// What an empty icon means ("died within 5 years after transplant").
    pub empty_label: String,
    /// The time frame in words ("from birth to age 40").
    pub time_frame: String,
    /// Source label, e.g. "EBMT 2019".
    pub source: String,
    /// Patients the figure is based on, if published.
    pub n: Option<u32>,
    /// One-sentence caption with the natural frequency and percentage.
    pub caption: String,
    /// The uncertainty in words (no invented intervals).
    pub uncertainty: String,
}

impl IconArray {
    /// The cells to draw.
    pub fn cells(&self) -> Vec<IconCell> {
        grid_positions(self.filled)
    }
}

/// Who a child in the inheritance picture is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Child {
    /// A son.
    Son,
    /// A daughter.
    Daughter,
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InheritanceCase {
    /// "A mother who is a carrier".
    pub parent: String,
    /// Four illustrative children (two sons, two daughters) showing the
    /// chances: each pair is one "1 in 2".
    pub children: [(Child, ChildStatus); 4],
    /// The facts in words.
    pub sentences: Vec<String>,
}

/// X-linked inheritance, for the explainer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inheritance {
    /// One sentence on what X-linked means.
    pub summary: String,
    /// Carrier mother, then affected father.
    pub cases: Vec<InheritanceCase>,
    /// Where testing is discussed.
    pub note: String,
}

/// The X-linked recessive pattern of CD40LG (not a cohort result: the rule
/// of inheritance of a variant on the X chromosome).
pub fn inheritance() -> Inheritance {
    use self::Child::{Daughter, Son};
    use ChildStatus::{Affected, Carrier, Unaffected};
    Inheritance {
        summary: "The condition is X-linked: the CD40LG gene is on the X chromosome. Boys have one X \
                  chromosome, so one changed copy causes the condition; girls have two, so they are \
                  usually carriers without the condition."
            .to_owned(),
        cases: vec![
            InheritanceCase {
                parent: "A mother who is a carrier".to_owned(),
                children: [(Son, Affected), (Son, Unaffected), (Daughter, Carrier), (Daughter, Unaffected)],
                sentences: vec![
                    "Each son has a 1 in 2 chance of having the condition.".to_owned(),
                    "Each daughter has a 1 in 2 chance of being a carrier.".to_owned(),
                ],
            },
            InheritanceCase {
                parent: "A father who has the condition".to_owned(),
                children: [(Son, Unaffected), (Son, Unaffected), (Daughter, Carrier), (Daughter, Carrier)],
                sentences: vec![
                    "All his daughters are carriers.".to_owned(),
                    "None of his sons has the condition.".to_owned(),
                ],
            },
        ],
        note: "Carrier testing and prenatal options are discussed with the genetics team.".to_owned(),
    }
}

/// Everything the family view shows for one patient.
#[derive(Clone, Debug, PartialEq)]
pub struct FamilyView {
    /// Where he is relative to the timing evidence, when his age is valid.
    pub where_he_is: Option<String>,
    /// Without a transplant.
    pub without_transplant: Vec<Statement>,
    /// After a transplant: what went well.
    pub after_transplant: Vec<Statement>,
    /// After a transplant: the risks.
    pub risks: Vec<Statement>,
    /// Age at transplant.
    pub timing: Vec<Statement>,
    /// Liver disease by age.
    pub liver: Option<Statement>,
    /// Icon arrays, all out of 100.
    pub icon_arrays: Vec<IconArray>,
    /// Why the pictures cannot be compared directly.
    pub comparability: String,
    /// X-linked inheritance.
    pub inheritance: Inheritance,
}

impl FamilyView {
    /// Every sentence in the view, for checks and for screen readers.
    pub fn texts(&self) -> Vec<&str> {
        let statements = self
            .without_transplant
            .iter()
            .chain(&self.after_transplant)
            .chain(&self.risks)
            .chain(&self.timing)
            .chain(&self.liver)
            .flat_map(|s| [s.text.as_str(), s.source.as_str()]);
        let arrays = self.icon_arrays.iter().flat_map(|a| {
            [
                a.title.as_str(),
                a.filled_label.as_str(),
                a.empty_label.as_str(),
                a.time_frame.as_str(),
                a.caption.as_str(),
                a.uncertainty.as_str(),
            ]
        });
        let inheritance = std::iter::once(self.inheritance.summary.as_str())
            .chain(self.inheritance.cases.iter().flat_map(|c| {
                std::iter::once(c.parent.as_str()).chain(c.sentences.iter().map(String::as_str))
            }))
            .chain(std::iter::once(self.inheritance.note.as_str()));
        self.where_he_is
            .as_deref()
            .into_iter()
            .chain(statements)
            .chain(arrays)
            .chain(std::iter::once(self.comparability.as_str()))
            .chain(inheritance)
            .collect()
    }
}

/// Builds the family view from the evidence; a finding missing from a
/// user's own evidence set is simply left out.
pub fn family_view(evidence: &Evidence, patient: &Patient) -> FamilyView {
    let timing = TimingEvidence::from_evidence(evidence);
    let where_he_is = timing.as_ref().and_then(|t| where_he_is(t, patient));

    let mut without_transplant = Vec::new();
    let no_hsct = evidence.finding(NO_HSCT_OS_FINDING);
    if let Some((c, f)) = no_hsct
        && let Some(text) = no_hsct_sentence(c, f)
    {
        without_transplant.push(Statement { text, source: source(c, f) });
    }

    let mut after_transplant = Vec::new();
    for id in [POST_HSCT_OS_FINDING, POST_HSCT_EFS_FINDING, POST_HSCT_DFS_FINDING] {
        if let Some((c, f)) = evidence.finding(id)
            && let Some(text) = after_hsct_sentence(c, f)
        {
            after_transplant.push(Statement { text, source: source(c, f) });
        }
    }

    let risks = risk_statements(evidence);
    let timing_statements = timing_statements(evidence);
    let liver = liver_statement(evidence);

    let mut icon_arrays = Vec::new();
    for id in [NO_HSCT_OS_FINDING, POST_HSCT_OS_FINDING, POST_HSCT_EFS_FINDING, POST_HSCT_DFS_FINDING] {
        if let Some((c, f)) = evidence.finding(id)
            && let Some(array) = icon_array(c, f)
        {
            icon_arrays.push(array);
        }
    }

    let comparability = comparability(evidence);
    FamilyView {
        where_he_is,
        without_transplant,
        after_transplant,
        risks,
        timing: timing_statements,
        liver,
        icon_arrays,
        comparability,
        inheritance: inheritance(),
    }
}

/// "Japan 2015, abstract".
fn source(c: &Cohort, f: &Finding) -> String {
    format!("{}, {}", c.label, f.locator)
}

fn percent_of(f: &Finding) -> Option<f64> {
    match f.value {
        Some(Value::Percent(p)) => Some(p),
        _ => None,
    }
}

fn first_n(f: &Finding) -> Option<u32> {
    f.groups.first().map(|g| g.n)
}

fn years(x: f64) -> String {
    trim_number(x)
}

/// "In the Japan 2015 study of 56 boys with this condition, 27 did not have a
/// transplant. About 28 of every 100 boys who did not have a transplant were
/// alive at age 40 (28.2 %)."
fn no_hsct_sentence(c: &Cohort, f: &Finding) -> Option<String> {
    let freq = NaturalFrequency::from_percent(percent_of(f)?);
    let Some(TimePoint::AtAge(age)) = f.time else { return None };
    let study = match c.patients {
        Some(n) => format!("In the {} study of {n} boys with this condition", c.label),
        None => format!("In the {} study", c.label),
    };
    let group = first_n(f).map_or(String::new(), |n| format!(", {n} did not have a transplant"));
    Some(format!(
        "{study}{group}. Of every 100 boys who did not have a transplant, {} were alive at age {} ({}). \
         This counts from birth.",
        freq.words(),
        years(age),
        freq.percent_text()
    ))
}

/// What a measure means after HSCT, as (filled, empty) category words for
/// `t` years after transplant.
fn after_hsct_labels(measure: Measure, t: &str) -> (String, String) {
    match measure {
        Measure::EventFreeSurvival => (
            format!("alive and event-free {t} years after transplant"),
            format!("died or had an event counted by the study within {t} years"),
        ),
        Measure::DiseaseFreeSurvival => (
            format!("alive and disease-free {t} years after transplant"),
            format!("died or not disease-free {t} years after transplant"),
        ),
        Measure::OverallSurvival | Measure::CumulativeIncidence | Measure::Proportion => {
            (format!("alive {t} years after transplant"), format!("died within {t} years after transplant"))
        }
    }
}

fn measure_name(measure: Measure) -> &'static str {
    match measure {
        Measure::OverallSurvival => "overall survival",
        Measure::EventFreeSurvival => "event-free survival",
        Measure::DiseaseFreeSurvival => "disease-free survival",
        Measure::CumulativeIncidence => "cumulative incidence",
        Measure::Proportion => "proportion",
    }
}

/// "In the EBMT 2019 study of 130 boys who had a transplant (transplants
/// 1993–2015), about 78 of every 100 were alive 5 years after transplant
/// (overall survival 78.2 %)."
fn after_hsct_sentence(c: &Cohort, f: &Finding) -> Option<String> {
    let freq = NaturalFrequency::from_percent(percent_of(f)?);
    let Some(TimePoint::AfterHsct(t)) = f.time else { return None };
    let measure = f.measure?;
    let (filled, _) = after_hsct_labels(measure, &years(t));
    let n = first_n(f).or(c.patients);
    let who = n
        .map_or_else(|| "boys who had a transplant".to_owned(), |n| format!("{n} boys who had a transplant"));
    let era = c.era.as_deref().map_or(String::new(), |e| format!(" ({e})"));
    Some(format!(
        "In the {} study of {who}{era}, {} of every 100 were {filled} ({} {}). \
         This is for all ages at transplant together.",
        c.label,
        freq.words(),
        measure_name(measure),
        freq.percent_text()
    ))
}

fn risk_statements(evidence: &Evidence) -> Vec<Statement> {
    let mut out = Vec::new();
    if let Some((c, f)) = evidence.finding(POST_HSCT_OS_FINDING)
        && let (Some(p), Some(TimePoint::AfterHsct(t))) = (percent_of(f), f.time)
    {
        let alive = NaturalFrequency::from_percent(p);
        let died = ICON_TOTAL.saturating_sub(alive.count);
        out.push(Statement {
            text: format!(
                "A transplant also carries risks. In the {} study, {} of every 100 boys were alive {} years \
                 after transplant ({}), so about {died} of every 100 had died within those {} years.",
                c.label,
                alive.words(),
                years(t),
                alive.percent_text(),
                years(t)
            ),
            source: source(c, f),
        });
    }
    if let Some((c, f)) = evidence.finding(POST_HSCT_DEATHS_FINDING) {
        out.push(Statement {
            text: format!(
                "In the {} study, the deaths after transplant happened mainly in the early period after \
                 the transplant, and most were caused by infections.",
                c.label
            ),
            source: source(c, f),
        });
    }
    if let Some((c, f)) = evidence.finding(INFECTION_DEATHS_FINDING) {
        let n = first_n(f).or(c.patients);
        let era = c.era.as_deref().map_or(String::new(), |e| format!(" ({e})"));
        let died = death_count(&f.statement);
        if let (Some(n), Some(died)) = (n, died) {
            out.push(Statement {
                text: format!(
                    "In an earlier European survey of {n} boys who had a transplant{era}, {died} died of \
                     infection-related complications ({}).",
                    c.label
                ),
                source: source(c, f),
            });
        }
    }
    out
}

/// The count that opens a statement such as "12 patients (32 %) died …",
/// so the number is read from the cohort file rather than typed here.
fn death_count(statement: &str) -> Option<u32> {
    statement.split_whitespace().next()?.parse().ok()
}

fn timing_statements(evidence: &Evidence) -> Vec<Statement> {
    let mut out = Vec::new();
    if let Some((c, f)) = evidence.finding(WINDOW_FINDING)
        && let Some(AgeGroup::AtMostYears(y)) = f.age_group
    {
        let ns: Vec<u32> = f.groups.iter().map(|g| g.n).collect();
        let (young, old) = match ns.as_slice() {
            [a, b, ..] => (format!(" ({a} boys)"), format!(" ({b} boys)")),
            _ => (String::new(), String::new()),
        };
        out.push(Statement {
            text: format!(
                "In the {} study, boys who had their transplant at age {y} or younger{young} did better \
                 than boys who had it when they were older{old}: more of them stayed free of serious \
                 problems and of the disease afterwards. These are small groups.",
                c.label
            ),
            source: source(c, f),
        });
    }
    if let Some((c, f)) = evidence.finding(CONCLUSION_FINDING) {
        let age = evidence.finding(WINDOW_FINDING).and_then(|(_, w)| w.age_group).map(|g| match g {
            AgeGroup::AtMostYears(y) => format!("age {y} or younger"),
            AgeGroup::UnderYears(y) => format!("younger than {y}"),
        });
        if let Some(age) = age {
            out.push(Statement {
                text: format!(
                    "The authors of the {} study concluded that {age} is the best time for a transplant, \
                     because lasting infections and serious organ damage were common in older boys.",
                    c.label
                ),
                source: source(c, f),
            });
        }
    }
    if let Some((c, f)) = evidence.finding(OLDER_FINDING)
        && let Some(AgeGroup::UnderYears(y)) = f.age_group
    {
        let n = first_n(f).or(c.patients).map_or(String::new(), |n| format!(" of {n} boys"));
        out.push(Statement {
            text: format!(
                "In the {} study{n}, results were better for children younger than {y} at transplant, and \
                 for transplants done more recently.",
                c.label
            ),
            source: source(c, f),
        });
    }
    if let Some((c, f)) = evidence.finding(NO_DIFFERENCE_FINDING) {
        let n = c.patients.map_or(String::new(), |n| format!(" of {n} boys"));
        out.push(Statement {
            text: format!(
                "Not all studies agree: a large international study{n} ({}) found no difference in overall \
                 survival between boys who had a transplant and boys who did not.",
                c.label
            ),
            source: source(c, f),
        });
    }
    out
}

fn liver_statement(evidence: &Evidence) -> Option<Statement> {
    let cohort = evidence.cohorts.iter().find(|c| c.id == LIVER_SERIES.0)?;
    let series = cohort.series.iter().find(|s| s.id == LIVER_SERIES.1)?;
    let parts: Vec<(String, String)> = series
        .points
        .iter()
        .map(|&(age, p)| {
            let f = NaturalFrequency::from_percent(p);
            (format!("{} by age {}", f.words(), years(age)), f.percent_text())
        })
        .collect();
    let counts = join_words(&parts.iter().map(|(w, _)| w.clone()).collect::<Vec<_>>());
    let percents = parts.iter().map(|(_, p)| p.as_str()).collect::<Vec<_>>().join(", ");
    let n = series.n.map_or(String::new(), |n| format!(" of {n} boys"));
    let caveat = series.caveat.as_deref().map_or(String::new(), |c| format!(" This was a {c}."));
    Some(Statement {
        text: format!(
            "Liver disease becomes more common as boys with this condition grow older. In a study{n} \
             ({}), of every 100 {}, {counts} had liver disease ({percents}).{caveat}",
            cohort.label, series.population
        ),
        source: format!("{}, {}", cohort.label, series.locator),
    })
}

/// "a, b and c".
fn join_words(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn icon_array(c: &Cohort, f: &Finding) -> Option<IconArray> {
    let freq = NaturalFrequency::from_percent(percent_of(f)?);
    let n = first_n(f).or(c.patients);
    let (title, filled_label, empty_label, time_frame) = match (f.time, f.measure) {
        (Some(TimePoint::AtAge(age)), _) => {
            let age = years(age);
            (
                format!("Without a transplant: alive at age {age}"),
                format!("alive at age {age}"),
                format!("died before age {age}"),
                format!("from birth to age {age}"),
            )
        }
        (Some(TimePoint::AfterHsct(t)), Some(measure)) => {
            let t = years(t);
            let (filled, empty) = after_hsct_labels(measure, &t);
            (
                format!("After a transplant: {filled}"),
                filled,
                empty,
                format!("the {t} years after transplant (any age at transplant)"),
            )
        }
        _ => return None,
    };
    let others = ICON_TOTAL.saturating_sub(freq.count);
    let caption = format!(
        "Of every 100 boys, {} were {filled_label} ({}) and {}{others} {empty_label} ({}).",
        freq.words(),
        freq.percent_text(),
        if freq.approximate { "about " } else { "" },
        c.label
    );
    let mut uncertainty = match n {
        Some(n) => format!("Based on {n} boys. "),
        None => "The number of boys is not given. ".to_owned(),
    };
    uncertainty.push_str(match n {
        Some(n) if n < 50 => "This is a small group, so the true figure could be noticeably higher or lower.",
        Some(_) => "Even in a group this size the true figure could be somewhat higher or lower.",
        None => "The true figure could be noticeably higher or lower.",
    });
    uncertainty.push_str(" The study's range of uncertainty (confidence interval) is not included here.");
    if let Some(era) = &c.era {
        uncertainty.push_str(&format!(" Care has changed since these transplants ({era})."));
    }
    Some(IconArray {
        finding: format!("{}/{}", c.id, f.id),
        title,
        total: ICON_TOTAL,
        filled: freq.count,
        percent: freq.percent,
        approximate: freq.approximate,
        filled_label,
        empty_label,
        time_frame,
        source: c.label.clone(),
        n,
        caption,
        uncertainty,
    })
}

fn comparability(evidence: &Evidence) -> String {
    let without = evidence.finding(NO_HSCT_OS_FINDING).and_then(|(c, f)| match f.time {
        Some(TimePoint::AtAge(a)) => Some(format!("survival from birth to age {} ({})", years(a), c.label)),
        _ => None,
    });
    let after = evidence.finding(POST_HSCT_OS_FINDING).and_then(|(c, f)| match f.time {
        Some(TimePoint::AfterHsct(t)) => {
            Some(format!("survival in the {} years after a transplant at any age ({})", years(t), c.label))
        }
        _ => None,
    });
    match (without, after) {
        (Some(without), Some(after)) => format!(
            "These pictures use different clocks and come from different studies: the no-transplant \
             picture shows {without}; the transplant pictures show {after}. They are not directly \
             comparable, so one cannot be read as better or worse than the other simply by counting icons."
        ),
        _ => "The pictures come from different studies and time frames; they are not directly comparable."
            .to_owned(),
    }
}

/// "He is 3 years 4 months old: 2 years 8 months before his 6th birthday."
fn where_he_is(t: &TimingEvidence<'_>, patient: &Patient) -> Option<String> {
    let window_years = t.window_end_months() / 12;
    let window_group = t.window.age_group.map(|g| match g {
        AgeGroup::AtMostYears(y) => format!("at age {y} or younger"),
        AgeGroup::UnderYears(y) => format!("younger than {y}"),
    })?;
    let why = format!(
        "His {window_years}th birthday matters because the {} study compared transplants {window_group} \
         with later ones.",
        t.window_source
    );
    let older_years = t.older.age_group.map(|g| g.end_months() / 12);
    let age = patient.age_months().map(describe_months);
    let text = match (t.status(patient), age) {
        (WindowStatus::Unknown, _) | (_, None) => return None,
        (WindowStatus::Inside { remaining_months }, Some(age)) => format!(
            "He is {age} old: {} before his {window_years}th birthday. {why}",
            describe_months(remaining_months)
        ),
        (WindowStatus::PastWindowUnderOlderLimit { remaining_months }, Some(age)) => format!(
            "He is {age} old: past his {window_years}th birthday, and {} before his {}th birthday. {why}",
            describe_months(remaining_months),
            older_years.unwrap_or_default()
        ),
        (WindowStatus::PastBoth, Some(age)) => format!(
            "He is {age} old: past his {window_years}th and {}th birthdays. {why}",
            older_years.unwrap_or_default()
        ),
        (WindowStatus::Transplanted { at_months }, Some(age)) => {
            let when = if at_months < t.window_end_months() { "before" } else { "after" };
            format!(
                "He is {age} old. He had his transplant at {}, {when} his {window_years}th birthday. {why}",
                describe_months(at_months)
            )
        }
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::patient::{AgeSource, Hsct, YearsMonths};

    fn at(years: i32, months: i32) -> Patient {
        Patient { age: AgeSource::Entered(YearsMonths { years, months }), ..Patient::default() }
    }

    fn view(p: &Patient) -> FamilyView {
        family_view(&Evidence::embedded().unwrap(), p)
    }

    fn published(id: (&str, &str)) -> f64 {
        let e = Evidence::embedded().unwrap();
        let (_, f) = e.finding(id).unwrap();
        percent_of(f).unwrap()
    }

    #[test]
    fn natural_frequencies_round_and_say_about() {
        let f = NaturalFrequency::from_percent(28.2);
        assert_eq!((f.count, f.approximate, f.words()), (28, true, "about 28".to_owned()));
        assert_eq!(f.percent_text(), "28.2 %");
        let f = NaturalFrequency::from_percent(10.0);
        assert_eq!((f.count, f.approximate, f.words()), (10, false, "10".to_owned()));
        assert_eq!(NaturalFrequency::from_percent(78.5).count, 79);
    }

    #[test]
    fn no_transplant_sentence_names_group_time_and_source() {
        let v = view(&at(3, 4));
        let s = &v.without_transplant[0];
        assert_eq!(
            s.text,
            "In the Japan 2015 study of 56 boys with this condition, 27 did not have a transplant. Of every \
             100 boys who did not have a transplant, about 28 were alive at age 40 (28.2 %). This counts \
             from birth."
        );
        assert_eq!(s.source, "Japan 2015, abstract");
    }

    #[test]
    fn after_transplant_sentences_carry_the_published_values() {
        let v = view(&at(3, 4));
        let texts: Vec<&str> = v.after_transplant.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts.len(), 3);
        assert!(
            texts[0].contains("EBMT 2019 study of 130 boys who had a transplant (transplants 1993–2015)")
        );
        assert!(
            texts[0].contains("about 78 of every 100 were alive 5 years after transplant"),
            "{}",
            texts[0]
        );
        assert!(texts[0].contains("overall survival 78.2 %"));
        assert!(
            texts[1].contains("about 58 of every 100") && texts[1].contains("event-free survival 58.1 %")
        );
        assert!(
            texts[2].contains("about 72 of every 100") && texts[2].contains("disease-free survival 72.3 %")
        );
    }

    #[test]
    fn icon_arrays_count_the_published_percentages() {
        let v = view(&at(3, 4));
        let ids: Vec<&str> = v.icon_arrays.iter().map(|a| a.finding.as_str()).collect();
        assert_eq!(
            ids,
            ["japan-2015/os-40-no-hsct", "ebmt-2019/os-5y", "ebmt-2019/efs-5y", "ebmt-2019/dfs-5y"]
        );
        for (array, id) in v.icon_arrays.iter().zip([
            NO_HSCT_OS_FINDING,
            POST_HSCT_OS_FINDING,
            POST_HSCT_EFS_FINDING,
            POST_HSCT_DFS_FINDING,
        ]) {
            let p = published(id);
            assert_eq!(array.total, 100);
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "test percentages")]
            let rounded = p.round() as u32;
            assert_eq!(array.filled, rounded, "{}", array.finding);
            assert!((array.percent - p).abs() < 1e-12);
            assert!(array.caption.contains(&format!("{} %", trim_number(p))), "{}", array.caption);
            assert!(array.caption.contains(&array.source));
            assert_eq!(array.cells().iter().filter(|c| c.filled).count(), array.filled as usize);
        }
        let os = &v.icon_arrays[1];
        assert_eq!(os.filled_label, "alive 5 years after transplant");
        assert_eq!(os.empty_label, "died within 5 years after transplant");
        assert_eq!(os.n, Some(130));
        let japan = &v.icon_arrays[0];
        assert_eq!(japan.time_frame, "from birth to age 40");
        assert!(
            japan.uncertainty.starts_with("Based on 27 boys. This is a small group"),
            "{}",
            japan.uncertainty
        );
        assert_eq!(
            japan.caption,
            "Of every 100 boys, about 28 were alive at age 40 (28.2 %) and about 72 died before age 40 (Japan 2015)."
        );
    }

    #[test]
    fn grid_is_row_major_with_filled_first_in_one_block() {
        let cells = grid_positions(28);
        assert_eq!(cells.len(), 100);
        assert!(cells.iter().take(28).all(|c| c.filled));
        assert!(cells.iter().skip(28).all(|c| !c.filled));
        assert_eq!((cells[0].row, cells[0].col), (0, 0));
        assert_eq!((cells[27].row, cells[27].col), (2, 7));
        assert_eq!((cells[99].row, cells[99].col), (9, 9));
        // Blocks of five: a gap after the fifth column and fifth row.
        assert_eq!(cells[4].offset(), (4.0, 0.0));
        assert_eq!(cells[5].offset(), (5.5, 0.0));
        assert_eq!(cells[55].offset(), (5.5, 5.5));
        assert_eq!(grid_positions(150).iter().filter(|c| c.filled).count(), 100);
    }

    #[test]
    fn time_frames_are_said_to_differ() {
        let v = view(&at(3, 4));
        assert!(
            v.comparability.contains("survival from birth to age 40 (Japan 2015)"),
            "{}",
            v.comparability
        );
        assert!(v.comparability.contains("5 years after a transplant at any age (EBMT 2019)"));
        assert!(v.comparability.contains("not directly comparable"));
    }

    #[test]
    fn risks_and_timing_are_in_plain_words() {
        let v = view(&at(3, 4));
        let risks: Vec<&str> = v.risks.iter().map(|s| s.text.as_str()).collect();
        assert!(risks.iter().any(|t| t.contains("mainly in the early period") && t.contains("infections")));
        assert!(risks[0].contains("about 22 of every 100 had died within those 5 years"), "{}", risks[0]);
        assert!(risks.iter().any(|t| t.contains("38 boys") && t.contains("12 died")), "{risks:?}");
        let timing = &v.timing[0].text;
        assert!(timing.contains("at age 5 or younger (14 boys)"), "{timing}");
        assert!(timing.contains("when they were older (15 boys)"), "{timing}");
        assert!(v.timing.iter().any(|s| s.text.contains("younger than 10")));
        assert!(v.timing.iter().any(|s| s.text.contains("Not all studies agree")));
    }

    #[test]
    fn liver_disease_by_age() {
        let v = view(&at(3, 4));
        let s = v.liver.unwrap();
        assert!(
            s.text.contains("10 by age 5, 26 by age 10 and 75 by age 20 had liver disease"),
            "{}",
            s.text
        );
        assert!(s.text.contains("(10 %, 26 %, 75 %)"));
        assert!(s.source.starts_with("Hayward 1997"));
    }

    #[test]
    fn where_he_is_in_words() {
        let v = view(&at(3, 4));
        let s = v.where_he_is.unwrap();
        assert!(
            s.starts_with("He is 3 years 4 months old: 2 years 8 months before his 6th birthday."),
            "{s}"
        );
        let s = view(&at(9, 0)).where_he_is.unwrap();
        assert!(s.starts_with("He is 9 years old: past his 6th birthday, and 1 year before his 10th"), "{s}");
        let s = view(&at(15, 0)).where_he_is.unwrap();
        assert!(s.starts_with("He is 15 years old: past his 6th and 10th birthdays."), "{s}");
        let mut p = at(12, 2);
        p.hsct = Hsct::Done { at: YearsMonths { years: 4, months: 6 } };
        let s = view(&p).where_he_is.unwrap();
        assert!(s.contains("transplant at 4 years 6 months, before his 6th birthday"), "{s}");
        assert_eq!(view(&at(-1, 0)).where_he_is, None);
    }

    #[test]
    fn inheritance_facts() {
        let i = inheritance();
        let mother = &i.cases[0];
        let affected_sons =
            mother.children.iter().filter(|c| **c == (Child::Son, ChildStatus::Affected)).count();
        let carrier_daughters =
            mother.children.iter().filter(|c| **c == (Child::Daughter, ChildStatus::Carrier)).count();
        assert_eq!((affected_sons, carrier_daughters), (1, 1));
        assert!(mother.sentences[0].contains("1 in 2"));
        let father = &i.cases[1];
        assert!(father.children.iter().all(|c| match c.0 {
            Child::Son => c.1 == ChildStatus::Unaffected,
            Child::Daughter => c.1 == ChildStatus::Carrier,
        }));
        assert_eq!(i.note, "Carrier testing and prenatal options are discussed with the genetics team.");
    }

    #[test]
    fn no_directives_or_p_values_in_family_text() {
        for months in (0..=40 * 12).step_by(7) {
            for hsct in [Hsct::None, Hsct::Planned { at: None }] {
                let mut p = at(months / 12, months % 12);
                p.hsct = hsct;
                for t in view(&p).texts() {
                    let lower = t.to_lowercase();
                    assert!(!lower.contains("should"), "{t}");
                    assert!(!lower.contains("transplant now"), "{t}");
                    assert!(!lower.contains("hsct now"), "{t}");
                    assert!(!t.contains("P =") && !t.contains("P ="), "{t}");
                    assert!(!lower.contains("p-value"), "{t}");
                }
            }
        }
    }

    #[test]
    fn icon_style_round_trips() {
        for style in IconStyle::ALL {
            let text = ron::to_string(&style).unwrap();
            assert_eq!(ron::from_str::<IconStyle>(&text).unwrap(), style);
        }
        assert_eq!(IconStyle::default(), IconStyle::Person);
    }
}
