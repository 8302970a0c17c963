//! A centre's own cohort data, or records reconstructed from a published
//! figure, as the model holds them: records per group with their provenance,
//! and the Kaplan–Meier fit of each group. Reading and writing cohort files
//! is `io::cohort_file`'s job; this module never touches a file.

use serde::{Deserialize, Serialize};

use super::clock::Clock;
use super::evidence::LocalAddition;
use super::survival::{AtRiskPoint, CurvePoint, KaplanMeier, KmOptions, ReconstructionReport, Record};

/// The cohort-file format version this app writes (version 1 files are
/// read and migrated).
pub const COHORT_FILE_VERSION: u32 = 2;

/// The unit of the time column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeUnit {
    /// Years.
    Years,
    /// Months (drawn as years: divided by 12).
    Months,
}

impl TimeUnit {
    /// Every unit, in the order forms list them.
    pub const ALL: [Self; 2] = [Self::Years, Self::Months];

    /// Factor to years.
    pub fn to_years(self) -> f64 {
        match self {
            Self::Years => 1.0,
            Self::Months => 1.0 / 12.0,
        }
    }

    /// The command-line spelling.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "years" => Some(Self::Years),
            "months" => Some(Self::Months),
            _ => None,
        }
    }

    /// The word for forms and hover text.
    pub fn label(self) -> &'static str {
        match self {
            Self::Years => "years",
            Self::Months => "months",
        }
    }
}

/// The publication a cohort was taken from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// Full citation, as the user typed it.
    pub citation: String,
    /// DOI, if given.
    #[serde(default)]
    pub doi: Option<String>,
    /// `PubMed` identifier, if given.
    #[serde(default)]
    pub pmid: Option<String>,
    /// Figure and panel, e.g. "Figure 2A".
    #[serde(default)]
    pub figure: Option<String>,
    /// Who the figure describes, in the publication's words.
    #[serde(default)]
    pub population: Option<String>,
}

impl Publication {
    /// "Mitsui-Sekinaka 2015": the first author's surname and the first
    /// plausible year in the citation; the whole citation (shortened) when
    /// neither can be found, so a label never invents a year.
    pub fn short(&self) -> String {
        let citation = self.citation.trim();
        let year = citation
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<u32>().ok())
            .find(|y| (1900..=2100).contains(y));
        match (first_author(citation), year) {
            (Some(author), Some(year)) => format!("{author} {year}"),
            _ => shorten(citation, 40),
        }
    }
}

/// The surname of "Surname AB, Other C, …": the words before the first comma
/// or full stop, without the initials; `None` unless that is one to three words.
fn first_author(citation: &str) -> Option<String> {
    let head = citation.split([',', '.', ';']).next()?;
    let mut words: Vec<&str> = head.split_whitespace().collect();
    let initials = |w: &&str| w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase());
    if words.len() > 1 && words.last().is_some_and(initials) {
        words.pop();
    }
    (1..=3).contains(&words.len()).then(|| words.join(" "))
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max_chars - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// How the records were obtained.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Source {
    /// Individual patient records from a CSV file.
    Records {
        /// The CSV file's name.
        file: String,
        /// Column holding follow-up time.
        time_column: String,
        /// Column holding the 0/1 event indicator.
        event_column: String,
        /// Column holding group labels, if any.
        group_column: Option<String>,
    },
    /// Records reconstructed from a curve digitized in another tool and
    /// given as CSV files.
    DigitizedCsv {
        /// The digitized-curve CSV's name.
        curve_file: String,
        /// The numbers-at-risk CSV's name.
        at_risk_file: String,
    },
    /// Records reconstructed from curves traced on a figure image, in the
    /// app's digitizer or with `xhim-aid cohort digitize`.
    Figure {
        /// The image's file name.
        image_file: String,
    },
}

/// What one group's reconstruction was made from and how well it matches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurveReconstruction {
    /// The digitized points (time in the cohort's unit, survival 0–1), kept
    /// so the curve can be reconstructed again. Empty for files made before
    /// the points were kept (cohort-file version 1).
    pub points: Vec<CurvePoint>,
    /// The published numbers at risk.
    pub at_risk: Vec<AtRiskPoint>,
    /// Total events, if the publication reports it.
    pub total_events: Option<usize>,
    /// How well the reconstruction reproduces the figure.
    pub report: ReconstructionReport,
}

/// Where a cohort came from, who added it, and for reconstructions how
/// faithful they are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// How the records were obtained.
    pub source: Source,
    /// The publication, for curves taken from a paper.
    #[serde(default)]
    pub publication: Option<Publication>,
    /// Who added the cohort to this app, and when.
    #[serde(default)]
    pub added: Option<LocalAddition>,
    /// One per group, in the order of [`ImportedCohort::groups`], for
    /// reconstructed cohorts; empty for patient records.
    #[serde(default)]
    pub reconstructions: Vec<CurveReconstruction>,
}

impl Provenance {
    /// Provenance of patient records read from a CSV file.
    pub fn records(file: &str, time_column: &str, event_column: &str, group_column: Option<&str>) -> Self {
        Self {
            source: Source::Records {
                file: file.to_owned(),
                time_column: time_column.to_owned(),
                event_column: event_column.to_owned(),
                group_column: group_column.map(str::to_owned),
            },
            publication: None,
            added: None,
            reconstructions: Vec::new(),
        }
    }

    /// Whether the records were reconstructed from a published curve.
    pub fn is_reconstruction(&self) -> bool {
        !matches!(self.source, Source::Records { .. })
    }

    /// The worst reconstruction error of the cohort's curves, if it is a
    /// reconstruction.
    pub fn worst_rmse(&self) -> Option<f64> {
        self.reconstructions.iter().map(|r| r.report.rmse).reduce(f64::max)
    }

    /// One line for legends and hover text: "reconstructed from Figure 2A of
    /// Mitsui-Sekinaka 2015 (RMSE 0.006)", "Kaplan–Meier of patient records
    /// from centre.csv". For several curves the RMSE is the worst one.
    pub fn describe(&self) -> String {
        self.describe_with(self.worst_rmse())
    }

    /// As [`Self::describe`], with the RMSE of one group's curve.
    pub fn describe_group(&self, group: usize) -> String {
        self.describe_with(self.reconstructions.get(group).map(|r| r.report.rmse))
    }

    fn describe_with(&self, rmse: Option<f64>) -> String {
        let rmse = rmse.map_or_else(String::new, |r| format!(" (RMSE {r:.3})"));
        let from = match (&self.publication, &self.source) {
            (_, Source::Records { file, .. }) => {
                return format!("Kaplan–Meier of patient records from {file}");
            }
            (Some(p), _) => match &p.figure {
                Some(figure) => format!("{figure} of {}", p.short()),
                None => format!("a figure of {}", p.short()),
            },
            (None, Source::DigitizedCsv { curve_file, .. }) => format!("a digitized curve ({curve_file})"),
            (None, Source::Figure { image_file }) => image_file.clone(),
        };
        format!("reconstructed from {from}{rmse}")
    }

    /// A few words for a legend: "Mitsui-Sekinaka 2015, Figure 2A", or the
    /// source file's name when there is no publication.
    pub fn legend(&self) -> String {
        match (&self.publication, &self.source) {
            (Some(p), _) => match &p.figure {
                Some(figure) => format!("{}, {figure}", p.short()),
                None => p.short(),
            },
            (None, Source::Records { file, .. } | Source::DigitizedCsv { curve_file: file, .. }) => {
                file.clone()
            }
            (None, Source::Figure { image_file }) => image_file.clone(),
        }
    }

    /// The source file's name (CSV or image).
    pub fn file(&self) -> &str {
        match &self.source {
            Source::Records { file, .. } | Source::DigitizedCsv { curve_file: file, .. } => file,
            Source::Figure { image_file } => image_file,
        }
    }
}

/// One group's records.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CohortGroup {
    /// Group label, if the data had groups.
    pub name: Option<String>,
    /// The records, in the unit of [`ImportedCohort::unit`].
    pub records: Vec<Record>,
}

/// A cohort file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportedCohort {
    /// Format version.
    pub version: u32,
    /// Name shown in the legend.
    pub label: String,
    /// Where time starts.
    pub origin: Clock,
    /// Unit of the times.
    pub unit: TimeUnit,
    /// Where the data came from.
    pub provenance: Provenance,
    /// The records, per group.
    pub groups: Vec<CohortGroup>,
}

impl ImportedCohort {
    /// Legend text for one group: "Japan 2015 Fig. 2: HSCT", or the
    /// cohort's label when it has one unnamed group.
    pub fn series_label(&self, group: usize) -> String {
        match self.groups.get(group).and_then(|g| g.name.as_deref()) {
            Some(name) => format!("{}: {name}", self.label),
            None => self.label.clone(),
        }
    }

    /// Records in every group.
    pub fn record_count(&self) -> usize {
        self.groups.iter().map(|g| g.records.len()).sum()
    }
}

/// A cohort with one Kaplan–Meier fit per group.
#[derive(Clone, Debug)]
pub struct FittedCohort {
    /// The cohort as loaded.
    pub cohort: ImportedCohort,
    /// One fit per group, same order as `cohort.groups`.
    pub fits: Vec<KaplanMeier>,
}

impl FittedCohort {
    /// Fits every group.
    ///
    /// # Errors
    /// A message naming the group whose records cannot be fitted.
    pub fn new(cohort: ImportedCohort) -> Result<Self, String> {
        let fits = cohort
            .groups
            .iter()
            .map(|g| {
                KaplanMeier::fit(&g.records, KmOptions::default())
                    .map_err(|e| format!("{} {}: {e}", cohort.label, g.name.as_deref().unwrap_or("")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { cohort, fits })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(rmse: f64) -> ReconstructionReport {
        ReconstructionReport {
            rmse,
            max_abs_error: rmse * 2.0,
            at_risk: Vec::new(),
            events: 0,
            published_events: None,
        }
    }

    fn reconstruction(rmse: f64) -> CurveReconstruction {
        CurveReconstruction {
            points: Vec::new(),
            at_risk: Vec::new(),
            total_events: None,
            report: report(rmse),
        }
    }

    fn japan() -> Publication {
        Publication {
            citation: "Mitsui-Sekinaka K, Imai K, Sato H. Clinical features. J Allergy Clin Immunol \
                       2015;136(4):1018-24."
                .to_owned(),
            doi: None,
            pmid: None,
            figure: Some("Figure 2A".to_owned()),
            population: None,
        }
    }

    #[test]
    fn short_citation_is_first_author_and_year() {
        assert_eq!(japan().short(), "Mitsui-Sekinaka 2015");
        let p = Publication { citation: "de Vries E, Smith JA. Title. Blood 1999".to_owned(), ..japan() };
        assert_eq!(p.short(), "de Vries 1999");
        let p = Publication { citation: "An unpublished series from our centre".to_owned(), ..japan() };
        assert_eq!(p.short(), "An unpublished series from our centre", "no year is invented");
        let long = "x".repeat(60);
        assert_eq!(Publication { citation: long, ..japan() }.short().chars().count(), 40);
    }

    #[test]
    fn figure_provenance_names_figure_citation_and_error() {
        let p = Provenance {
            source: Source::Figure { image_file: "fig2.png".to_owned() },
            publication: Some(japan()),
            added: None,
            reconstructions: vec![reconstruction(0.006), reconstruction(0.0123)],
        };
        assert_eq!(p.describe(), "reconstructed from Figure 2A of Mitsui-Sekinaka 2015 (RMSE 0.012)");
        assert_eq!(p.describe_group(0), "reconstructed from Figure 2A of Mitsui-Sekinaka 2015 (RMSE 0.006)");
        assert_eq!(p.legend(), "Mitsui-Sekinaka 2015, Figure 2A");
        assert_eq!(p.file(), "fig2.png");
        assert!(p.is_reconstruction());
        let bare = Provenance { publication: None, ..p };
        assert_eq!(bare.describe_group(1), "reconstructed from fig2.png (RMSE 0.012)");
        assert_eq!(bare.legend(), "fig2.png");
    }

    #[test]
    fn records_and_csv_provenance_keep_their_words() {
        let r = Provenance::records("centre.csv", "t", "e", None);
        assert_eq!(r.describe(), "Kaplan–Meier of patient records from centre.csv");
        assert!(!r.is_reconstruction());
        assert_eq!(r.worst_rmse(), None);
        let csv = Provenance {
            source: Source::DigitizedCsv {
                curve_file: "km.csv".to_owned(),
                at_risk_file: "r.csv".to_owned(),
            },
            reconstructions: vec![reconstruction(0.0092)],
            ..r
        };
        assert_eq!(csv.describe(), "reconstructed from a digitized curve (km.csv) (RMSE 0.009)");
    }

    #[test]
    fn series_labels_name_the_group() {
        let cohort = ImportedCohort {
            version: COHORT_FILE_VERSION,
            label: "Japan 2015 Fig. 2A".to_owned(),
            origin: Clock::Age,
            unit: TimeUnit::Years,
            provenance: Provenance::records("c.csv", "t", "e", None),
            groups: vec![
                CohortGroup {
                    name: Some("HSCT".to_owned()),
                    records: vec![Record { time: 1.0, event: true }],
                },
                CohortGroup { name: None, records: vec![Record { time: 2.0, event: false }] },
            ],
        };
        assert_eq!(cohort.series_label(0), "Japan 2015 Fig. 2A: HSCT");
        assert_eq!(cohort.series_label(1), "Japan 2015 Fig. 2A");
        assert_eq!(cohort.record_count(), 2);
    }
}
