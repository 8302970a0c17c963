//! What the views show, derived from the patient, the evidence and the
//! cohorts: rebuilt only when one of them or a view option changes, so a
//! frame does no evidence work.

use crate::model::Inputs;
use crate::model::discussion::FamilyDiscussion;
use crate::model::evidence::FindingMatch;
use crate::model::family::{Inheritance, family_doc_in, inheritance_in};
use crate::model::figure::{Figure, figure};
use crate::model::l10n::Lang;
use crate::model::patient::{AgeSource, Patient, YearsMonths};
use crate::model::status::status;
use crate::model::text::{Doc, Section};
use crate::ui::figure_ui::PreparedFigure;

/// Views derived from the patient and evidence, recomputed only when the
/// patient, the cohorts or a view option change, so a frame does no
/// evidence work.
#[derive(Debug)]
pub(super) struct Derived {
    pub(super) figure: Figure,
    pub(super) prepared: PreparedFigure,
    /// The figure in words (its text alternative).
    pub(super) described: Vec<Section>,
    pub(super) status: Section,
    /// The family decision aid. The view binds the family's answers live
    /// (they are not part of it); the handout is built with them.
    pub(super) family: Doc,
    /// The inheritance explainer's window, in the family's language.
    pub(super) inheritance: Inheritance,
    /// The findings that concern him, each with why.
    pub(super) matches: Vec<FindingMatch>,
}

impl Derived {
    /// The views for `inputs`, the family's in `lang`.
    pub(super) fn new(inputs: &Inputs<'_>, lang: Lang) -> Self {
        // A form that does not parse is shown as "no valid age".
        let unplaced =
            Patient { age: AgeSource::Entered(YearsMonths { years: -1, months: 0 }), ..Patient::default() };
        let p = inputs.patient.unwrap_or(&unplaced);
        let figure = figure(inputs);
        Self {
            prepared: PreparedFigure::new(&figure),
            described: figure.describe(),
            figure,
            status: status(inputs),
            family: family_doc_in(inputs, &FamilyDiscussion::default(), lang),
            inheritance: inheritance_in(lang),
            matches: inputs.evidence.match_findings(p),
        }
    }
}
