//! The decision aid's model: everything that can be computed without a
//! window. Nothing under `model` imports egui.

pub mod clock;
pub mod clocks;
pub mod cohort;
pub mod date;
pub mod digitize;
pub mod discussion;
pub mod evidence;
pub mod family;
pub mod figure;
pub mod form;
pub mod l10n;
pub mod patient;
pub mod status;
pub mod summary;
pub mod survival;
pub mod text;
pub mod timing;

/// Everything the model's builders read for one patient: the figure, the
/// status line, the clinical summary and the family text are all built from
/// the same inputs, so they cannot disagree.
#[derive(Clone, Copy, Debug)]
pub struct Inputs<'a> {
    /// The evidence (embedded, plus any local additions).
    pub evidence: &'a evidence::Evidence,
    /// A centre's own and digitized cohorts that are shown.
    pub cohorts: &'a [cohort::FittedCohort],
    /// The patient, or `None` while the form does not describe a valid one.
    pub patient: Option<&'a patient::Patient>,
    /// How curves are drawn.
    pub options: figure::CurveOptions,
}
