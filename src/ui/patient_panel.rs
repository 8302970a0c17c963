//! The patient form: text fields for ages and dates, checkboxes for
//! conditions, donor and note, with validation messages under each field.
//!
//! The form's text lives in [`crate::model::form`]; this module only draws
//! it.

use egui::{RichText, Ui};

pub use crate::model::form::{AgeMode, HsctChoice, PatientForm, PlanMode};
use crate::model::patient::{
    Condition, Conditioning, CryptoPcr, Donor, Field, MAX_NOTE_CHARS, StemCellSource,
};
use crate::ui::theme;

/// Accessible names of the form's inputs; tests query these.
pub mod labels {
    /// Age, years.
    pub const AGE_YEARS: &str = "Age (years)";
    /// Age, months.
    pub const AGE_MONTHS: &str = "Age (months)";
    /// Date of birth.
    pub const BORN: &str = "Date of birth (YYYY-MM-DD)";
    /// As-of date.
    pub const AS_OF: &str = "As of (YYYY-MM-DD)";
    /// Diagnosis known.
    pub const DX_KNOWN: &str = "Age at diagnosis known";
    /// Diagnosis years.
    pub const DX_YEARS: &str = "Age at diagnosis (years)";
    /// Diagnosis months.
    pub const DX_MONTHS: &str = "Age at diagnosis (months)";
    /// HSCT years.
    pub const HSCT_YEARS: &str = "Age at HSCT (years)";
    /// HSCT months.
    pub const HSCT_MONTHS: &str = "Age at HSCT (months)";
    /// Planned HSCT: no time set.
    pub const PLAN_NOT_SET: &str = "No date yet";
    /// Planned HSCT: at an age.
    pub const PLAN_AGE: &str = "At age";
    /// Planned HSCT: on a date.
    pub const PLAN_DATE: &str = "On date";
    /// Planned age, years.
    pub const PLAN_YEARS: &str = "Planned age at HSCT (years)";
    /// Planned age, months.
    pub const PLAN_MONTHS: &str = "Planned age at HSCT (months)";
    /// Planned date.
    pub const PLAN_DATE_FIELD: &str = "Planned HSCT date (YYYY-MM-DD)";
    /// Donor.
    pub const DONOR: &str = "Donor";
    /// Planned conditioning.
    pub const CONDITIONING: &str = "Planned conditioning";
    /// Planned stem cell source.
    pub const STEM_CELL_SOURCE: &str = "Stem cell source";
    /// Cryptosporidium PCR before HSCT.
    pub const CRYPTO_PCR: &str = "Cryptosporidium PCR before HSCT";
    /// Note.
    pub const NOTE: &str = "Note";
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

    ui.heading("Patient");
    ui.add_space(4.0);
    ui.label(RichText::new("Current age").strong());
    ui.horizontal(|ui| {
        changed |= ui.radio_value(age_mode, AgeMode::Entered, "Years and months").changed();
        changed |= ui.radio_value(age_mode, AgeMode::Dates, "From dates").changed();
    });
    match age_mode {
        AgeMode::Entered => {
            ui.horizontal(|ui| {
                changed |= number_field(ui, years, labels::AGE_YEARS, "years");
                changed |= number_field(ui, months, labels::AGE_MONTHS, "months");
            });
        }
        AgeMode::Dates => {
            changed |= text_row(ui, born, labels::BORN);
            changed |= text_row(ui, as_of, labels::AS_OF);
        }
    }
    show_errors(ui, Field::Age);

    ui.add_space(6.0);
    changed |= ui.checkbox(diagnosis_known, labels::DX_KNOWN).changed();
    if *diagnosis_known {
        ui.horizontal(|ui| {
            changed |= number_field(ui, dx_years, labels::DX_YEARS, "years");
            changed |= number_field(ui, dx_months, labels::DX_MONTHS, "months");
        });
    }
    show_errors(ui, Field::AgeAtDiagnosis);

    ui.add_space(6.0);
    ui.label(RichText::new("HSCT").strong());
    ui.horizontal_wrapped(|ui| {
        changed |= ui.radio_value(hsct, HsctChoice::None, "None").changed();
        changed |= ui.radio_value(hsct, HsctChoice::Planned, "Planned").changed();
        changed |= ui.radio_value(hsct, HsctChoice::Done, "Done").changed();
    });
    if *hsct == HsctChoice::Done {
        ui.horizontal(|ui| {
            changed |= number_field(ui, hsct_years, labels::HSCT_YEARS, "years");
            changed |= number_field(ui, hsct_months, labels::HSCT_MONTHS, "months");
        });
    }
    show_errors(ui, Field::HsctAge);
    if *hsct == HsctChoice::Planned {
        ui.horizontal_wrapped(|ui| {
            changed |= ui.radio_value(plan_mode, PlanMode::NotSet, labels::PLAN_NOT_SET).changed();
            changed |= ui.radio_value(plan_mode, PlanMode::Age, labels::PLAN_AGE).changed();
            changed |= ui.radio_value(plan_mode, PlanMode::Date, labels::PLAN_DATE).changed();
        });
        match plan_mode {
            PlanMode::NotSet => {}
            PlanMode::Age => {
                ui.horizontal(|ui| {
                    changed |= number_field(ui, plan_years, labels::PLAN_YEARS, "years");
                    changed |= number_field(ui, plan_months, labels::PLAN_MONTHS, "months");
                });
            }
            PlanMode::Date => changed |= text_row(ui, plan_date, labels::PLAN_DATE_FIELD),
        }
    }
    show_errors(ui, Field::HsctPlan);

    ui.add_space(6.0);
    ui.label(RichText::new("Organ damage and infections").strong());
    for c in Condition::ALL {
        changed |= ui.checkbox(conditions.get_mut(c), c.label()).changed();
    }

    ui.add_space(6.0);
    changed |= choice(ui, labels::DONOR, donor, &Donor::ALL, Donor::label);
    changed |= choice(ui, labels::CONDITIONING, conditioning, &Conditioning::ALL, Conditioning::label);
    changed |=
        choice(ui, labels::STEM_CELL_SOURCE, stem_cell_source, &StemCellSource::ALL, StemCellSource::label);
    changed |= choice(ui, labels::CRYPTO_PCR, crypto_pcr, &CryptoPcr::ALL, CryptoPcr::label);

    if show_note {
        ui.add_space(6.0);
        let label = ui.label(labels::NOTE);
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

fn number_field(ui: &mut Ui, value: &mut String, accessible: &str, unit: &str) -> bool {
    // An empty months box means 0 months; an empty years box means no age
    // yet, so it shows no "0" that could read as a newborn.
    let hint = if unit == "months" { "0" } else { "" };
    let edit = egui::TextEdit::singleline(value).desired_width(36.0).hint_text(hint);
    // The visible unit is short; the accessible name says which number it is.
    let changed = ui.add(edit).accessible_name(accessible).changed();
    ui.label(unit);
    changed
}

fn text_row(ui: &mut Ui, value: &mut String, accessible: &str) -> bool {
    ui.horizontal(|ui| {
        let label = ui.label(accessible);
        ui.add(egui::TextEdit::singleline(value).desired_width(100.0)).labelled_by(label.id).changed()
    })
    .inner
}
