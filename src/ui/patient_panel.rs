//! The patient form: text fields for ages and dates, checkboxes for
//! conditions, donor and note, with validation messages under each field.
//!
//! The form's text lives in [`crate::model::form`]; this module only draws
//! it.

use egui::{RichText, Ui};

pub use crate::model::form::{AgeMode, HsctChoice, PatientForm, PlanMode};
use crate::model::l10n;
use crate::model::patient::{
    Condition, Conditioning, CryptoPcr, Donor, Field, MAX_NOTE_CHARS, StemCellSource,
};
use crate::ui::theme;

/// Accessible names of the form's inputs (from `window.ftl`); tests query
/// these.
pub mod labels {
    use crate::model::l10n;

    /// Age, years.
    pub fn age_years() -> String {
        l10n::en("patient-age-years", &[])
    }

    /// Age, months.
    pub fn age_months() -> String {
        l10n::en("patient-age-months", &[])
    }

    /// Date of birth.
    pub fn born() -> String {
        l10n::en("patient-born", &[])
    }

    /// As-of date.
    pub fn as_of() -> String {
        l10n::en("patient-as-of", &[])
    }

    /// Diagnosis known.
    pub fn dx_known() -> String {
        l10n::en("patient-dx-known", &[])
    }

    /// Diagnosis years.
    pub fn dx_years() -> String {
        l10n::en("patient-dx-years", &[])
    }

    /// Diagnosis months.
    pub fn dx_months() -> String {
        l10n::en("patient-dx-months", &[])
    }

    /// HSCT years.
    pub fn hsct_years() -> String {
        l10n::en("patient-hsct-years", &[])
    }

    /// HSCT months.
    pub fn hsct_months() -> String {
        l10n::en("patient-hsct-months", &[])
    }

    /// Planned HSCT: no time set.
    pub fn plan_not_set() -> String {
        l10n::en("patient-plan-not-set", &[])
    }

    /// Planned HSCT: at an age.
    pub fn plan_age() -> String {
        l10n::en("patient-plan-age", &[])
    }

    /// Planned HSCT: on a date.
    pub fn plan_date() -> String {
        l10n::en("patient-plan-date", &[])
    }

    /// Planned age, years.
    pub fn plan_years() -> String {
        l10n::en("patient-plan-years", &[])
    }

    /// Planned age, months.
    pub fn plan_months() -> String {
        l10n::en("patient-plan-months", &[])
    }

    /// Planned date.
    pub fn plan_date_field() -> String {
        l10n::en("patient-plan-date-field", &[])
    }

    /// Donor.
    pub fn donor() -> String {
        l10n::en("patient-donor", &[])
    }

    /// Planned conditioning.
    pub fn conditioning() -> String {
        l10n::en("patient-conditioning", &[])
    }

    /// Planned stem cell source.
    pub fn stem_cell_source() -> String {
        l10n::en("patient-stem-cell-source", &[])
    }

    /// Cryptosporidium PCR before HSCT.
    pub fn crypto_pcr() -> String {
        l10n::en("patient-crypto-pcr", &[])
    }

    /// Note.
    pub fn note() -> String {
        l10n::en("patient-note", &[])
    }

    /// Every name, for checking each is in the message files.
    pub fn all() -> Vec<String> {
        vec![
            age_years(),
            age_months(),
            born(),
            as_of(),
            dx_known(),
            dx_years(),
            dx_months(),
            hsct_years(),
            hsct_months(),
            plan_not_set(),
            plan_age(),
            plan_date(),
            plan_years(),
            plan_months(),
            plan_date_field(),
            donor(),
            conditioning(),
            stem_cell_source(),
            crypto_pcr(),
            note(),
        ]
    }
}

/// Draws the form; returns true when anything changed. The free-text note
/// is drawn only when `show_note` is set (never in the family view).
pub fn patient_panel_ui(
    ui: &mut Ui,
    form: &mut PatientForm,
    errors: &[(Field, String)],
    show_note: bool,
) -> bool {
    let PatientForm {
        age_mode,
        years,
        months,
        born,
        as_of,
        diagnosis_known,
        dx_years,
        dx_months,
        hsct,
        hsct_years,
        hsct_months,
        plan_mode,
        plan_years,
        plan_months,
        plan_date,
        conditions,
        donor,
        conditioning,
        stem_cell_source,
        crypto_pcr,
        note,
        discussion: _,
        family_language: _,
    } = form;
    let dark = ui.visuals().dark_mode;
    let mut changed = false;
    let show_errors = |ui: &mut Ui, field: Field| {
        for (_, message) in errors.iter().filter(|(f, _)| *f == field) {
            ui.label(RichText::new(message).color(theme::error_text(dark)));
        }
    };

    ui.heading(l10n::en("patient-heading", &[]));
    ui.add_space(4.0);
    ui.label(RichText::new(l10n::en("patient-current-age", &[])).strong());
    ui.horizontal(|ui| {
        changed |= ui.radio_value(age_mode, AgeMode::Entered, l10n::en("patient-age-entered", &[])).changed();
        changed |= ui.radio_value(age_mode, AgeMode::Dates, l10n::en("patient-age-dates", &[])).changed();
    });
    match age_mode {
        AgeMode::Entered => {
            ui.horizontal(|ui| {
                changed |= number_field(ui, years, &labels::age_years(), Unit::Years);
                changed |= number_field(ui, months, &labels::age_months(), Unit::Months);
            });
        }
        AgeMode::Dates => {
            changed |= text_row(ui, born, &labels::born());
            changed |= text_row(ui, as_of, &labels::as_of());
        }
    }
    show_errors(ui, Field::Age);

    ui.add_space(6.0);
    changed |= ui.checkbox(diagnosis_known, labels::dx_known()).changed();
    if *diagnosis_known {
        ui.horizontal(|ui| {
            changed |= number_field(ui, dx_years, &labels::dx_years(), Unit::Years);
            changed |= number_field(ui, dx_months, &labels::dx_months(), Unit::Months);
        });
    }
    show_errors(ui, Field::AgeAtDiagnosis);

    ui.add_space(6.0);
    ui.label(RichText::new(l10n::en("patient-hsct", &[])).strong());
    ui.horizontal_wrapped(|ui| {
        changed |= ui.radio_value(hsct, HsctChoice::None, l10n::en("patient-hsct-none", &[])).changed();
        changed |= ui.radio_value(hsct, HsctChoice::Planned, l10n::en("patient-hsct-planned", &[])).changed();
        changed |= ui.radio_value(hsct, HsctChoice::Done, l10n::en("patient-hsct-done", &[])).changed();
    });
    if *hsct == HsctChoice::Done {
        ui.horizontal(|ui| {
            changed |= number_field(ui, hsct_years, &labels::hsct_years(), Unit::Years);
            changed |= number_field(ui, hsct_months, &labels::hsct_months(), Unit::Months);
        });
    }
    show_errors(ui, Field::HsctAge);
    if *hsct == HsctChoice::Planned {
        ui.horizontal_wrapped(|ui| {
            changed |= ui.radio_value(plan_mode, PlanMode::NotSet, labels::plan_not_set()).changed();
            changed |= ui.radio_value(plan_mode, PlanMode::Age, labels::plan_age()).changed();
            changed |= ui.radio_value(plan_mode, PlanMode::Date, labels::plan_date()).changed();
        });
        match plan_mode {
            PlanMode::NotSet => {}
            PlanMode::Age => {
                ui.horizontal(|ui| {
                    changed |= number_field(ui, plan_years, &labels::plan_years(), Unit::Years);
                    changed |= number_field(ui, plan_months, &labels::plan_months(), Unit::Months);
                });
            }
            PlanMode::Date => changed |= text_row(ui, plan_date, &labels::plan_date_field()),
        }
    }
    show_errors(ui, Field::HsctPlan);

    ui.add_space(6.0);
    ui.label(RichText::new(l10n::en("patient-conditions", &[])).strong());
    for c in Condition::ALL {
        changed |= ui.checkbox(conditions.get_mut(c), c.label()).changed();
    }

    ui.add_space(6.0);
    changed |= choice(ui, &labels::donor(), donor, &Donor::ALL, Donor::label);
    changed |= choice(ui, &labels::conditioning(), conditioning, &Conditioning::ALL, Conditioning::label);
    changed |= choice(
        ui,
        &labels::stem_cell_source(),
        stem_cell_source,
        &StemCellSource::ALL,
        StemCellSource::label,
    );
    changed |= choice(ui, &labels::crypto_pcr(), crypto_pcr, &CryptoPcr::ALL, CryptoPcr::label);

    if show_note {
        ui.add_space(6.0);
        let label = ui.label(labels::note());
        changed |= ui
            .add(egui::TextEdit::multiline(note).desired_rows(3).char_limit(MAX_NOTE_CHARS + 1))
            .labelled_by(label.id)
            .changed();
        show_errors(ui, Field::Note);
    }
    changed
}

/// A choice with its label above it: beside a long answer ("Mismatched /
/// haploidentical") the narrow panel would break the label mid-word.
fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    value: &mut T,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> bool {
    let mut changed = false;
    let label_id = ui.label(label).id;
    egui::ComboBox::from_id_salt(label)
        .selected_text(name(*value))
        .width(ui.available_width().min(240.0))
        .show_ui(ui, |ui| {
            for &option in all {
                changed |= ui.selectable_value(value, option, name(option)).changed();
            }
        })
        .response
        .labelled_by(label_id);
    changed
}

/// The unit a number box shows beside it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Years,
    Months,
}

fn number_field(ui: &mut Ui, value: &mut String, accessible: &str, unit: Unit) -> bool {
    // An empty months box means 0 months; an empty years box means no age
    // yet, so it shows no "0" that could read as a newborn.
    let hint = if unit == Unit::Months { "0" } else { "" };
    let edit = egui::TextEdit::singleline(value).desired_width(36.0).hint_text(hint);
    // The visible unit is short; the accessible name says which number it is.
    let changed = ui.add(edit).accessible_name(accessible).changed();
    ui.label(l10n::en(if unit == Unit::Months { "patient-months" } else { "patient-years" }, &[]));
    changed
}

fn text_row(ui: &mut Ui, value: &mut String, accessible: &str) -> bool {
    ui.horizontal(|ui| {
        let label = ui.label(accessible);
        ui.add(egui::TextEdit::singleline(value).desired_width(100.0)).labelled_by(label.id).changed()
    })
    .inner
}

#[cfg(test)]
mod tests {
    use super::labels;

    #[test]
    fn every_input_name_is_in_the_english_files() {
        for name in labels::all() {
            assert!(!name.contains("[missing text:") && !name.is_empty(), "{name}");
        }
    }
}
