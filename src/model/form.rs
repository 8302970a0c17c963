//! The patient form as typed: every field's text, valid or not.
//!
//! Numbers and dates are kept as the text the clinician typed so a
//! half-typed or mistyped value is shown with a message instead of being
//! clamped away, and so a recovery copy can put the form back exactly as it
//! was, invalid fields included. [`PatientForm::to_patient`] turns the text
//! into a [`Patient`] or a list of field messages.

use serde::{Deserialize, Serialize};

use crate::model::date::Date;
use crate::model::discussion::FamilyDiscussion;
use crate::model::l10n::{self, Arg, Lang};
use crate::model::patient::{
    AgeSource, Conditioning, Conditions, CryptoPcr, Donor, Field, Hsct, MAX_AGE_YEARS, Patient, PlannedHsct,
    StemCellSource, YearsMonths,
};

/// How the current age is entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgeMode {
    /// Years and months.
    Entered,
    /// Date of birth and "as of" date.
    Dates,
}

/// Transplant status choice in the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HsctChoice {
    /// Not transplanted, none planned.
    None,
    /// Planned.
    Planned,
    /// Done at an age.
    Done,
}

/// How a planned transplant's time is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanMode {
    /// Not set yet.
    NotSet,
    /// At an age.
    Age,
    /// On a date.
    Date,
}

/// The form's editing state: what a recovery copy keeps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatientForm {
    /// Entered or from dates.
    pub age_mode: AgeMode,
    /// Age, whole years.
    pub years: String,
    /// Age, months past the birthday.
    pub months: String,
    /// Date of birth, YYYY-MM-DD.
    pub born: String,
    /// "As of" date, YYYY-MM-DD.
    pub as_of: String,
    /// Age at diagnosis known.
    pub diagnosis_known: bool,
    /// Age at diagnosis, years.
    pub dx_years: String,
    /// Age at diagnosis, months.
    pub dx_months: String,
    /// Transplant status.
    pub hsct: HsctChoice,
    /// Age at HSCT, years.
    pub hsct_years: String,
    /// Age at HSCT, months.
    pub hsct_months: String,
    /// How the planned HSCT is timed.
    pub plan_mode: PlanMode,
    /// Planned age, years.
    pub plan_years: String,
    /// Planned age, months.
    pub plan_months: String,
    /// Planned date, YYYY-MM-DD.
    pub plan_date: String,
    /// Conditions.
    pub conditions: Conditions,
    /// Donor.
    pub donor: Donor,
    /// Planned conditioning.
    pub conditioning: Conditioning,
    /// Planned stem cell source.
    pub stem_cell_source: StemCellSource,
    /// Cryptosporidium PCR before HSCT.
    pub crypto_pcr: CryptoPcr,
    /// Note.
    pub note: String,
    /// Kept as it is: the family view edits it, not this form.
    pub discussion: Option<FamilyDiscussion>,
    /// Kept as it is: the family view chooses it.
    pub family_language: Option<Lang>,
}

impl PatientForm {
    /// The form showing a patient.
    pub fn from_patient(p: &Patient) -> Self {
        let Patient {
            age,
            age_at_diagnosis,
            hsct,
            conditions,
            donor,
            conditioning,
            stem_cell_source,
            crypto_pcr,
            note,
            discussion,
            family_language,
        } = p;
        let (age_mode, years, months, born, as_of) = match age {
            AgeSource::Entered(ym) => {
                (AgeMode::Entered, ym.years.to_string(), ym.months.to_string(), String::new(), String::new())
            }
            AgeSource::Dates { born, as_of } => {
                (AgeMode::Dates, String::new(), String::new(), born.to_string(), as_of.to_string())
            }
            AgeSource::NotGiven => {
                (AgeMode::Entered, String::new(), String::new(), String::new(), String::new())
            }
        };
        let (hsct, hsct_years, hsct_months) = match hsct {
            Hsct::None => (HsctChoice::None, String::new(), String::new()),
            Hsct::Planned { .. } => (HsctChoice::Planned, String::new(), String::new()),
            Hsct::Done { at } => (HsctChoice::Done, at.years.to_string(), at.months.to_string()),
        };
        let (plan_mode, plan_years, plan_months, plan_date) = match hsct_plan(p.hsct) {
            None => (PlanMode::NotSet, String::new(), String::new(), String::new()),
            Some(PlannedHsct::Age(ym)) => {
                (PlanMode::Age, ym.years.to_string(), ym.months.to_string(), String::new())
            }
            Some(PlannedHsct::Date(d)) => (PlanMode::Date, String::new(), String::new(), d.to_string()),
        };
        Self {
            age_mode,
            years,
            months,
            born,
            as_of,
            diagnosis_known: age_at_diagnosis.is_some(),
            dx_years: age_at_diagnosis.map(|d| d.years.to_string()).unwrap_or_default(),
            dx_months: age_at_diagnosis.map(|d| d.months.to_string()).unwrap_or_default(),
            hsct,
            hsct_years,
            hsct_months,
            plan_mode,
            plan_years,
            plan_months,
            plan_date,
            conditions: *conditions,
            donor: *donor,
            conditioning: *conditioning,
            stem_cell_source: *stem_cell_source,
            crypto_pcr: *crypto_pcr,
            note: note.clone(),
            discussion: discussion.clone(),
            family_language: *family_language,
        }
    }

    /// Whether no current age has been typed (in the mode shown).
    pub fn age_is_blank(&self) -> bool {
        match self.age_mode {
            AgeMode::Entered => self.years.trim().is_empty() && self.months.trim().is_empty(),
            AgeMode::Dates => self.born.trim().is_empty() && self.as_of.trim().is_empty(),
        }
    }

    /// The patient the form describes, or what is wrong with each field.
    /// Both parse errors and [`Patient::validate`] problems are returned, so
    /// the form shows one list.
    pub fn to_patient(&self) -> Result<Patient, Vec<(Field, String)>> {
        let mut errors = Vec::new();
        let age = match self.age_mode {
            // Nothing typed yet is "no age", not a wrong one: the form asks
            // for it without an error and nothing is placed.
            _ if self.age_is_blank() => Some(AgeSource::NotGiven),
            AgeMode::Entered => {
                years_months(&self.years, &self.months, Field::Age, &what("form-what-age"), &mut errors)
                    .map(AgeSource::Entered)
            }
            AgeMode::Dates => {
                let born = date(&self.born, &what("form-what-born"), &mut errors);
                let as_of = date(&self.as_of, &what("form-what-as-of"), &mut errors);
                born.zip(as_of).map(|(born, as_of)| AgeSource::Dates { born, as_of })
            }
        };
        let age_at_diagnosis = if self.diagnosis_known {
            years_months(
                &self.dx_years,
                &self.dx_months,
                Field::AgeAtDiagnosis,
                &what("form-what-diagnosis"),
                &mut errors,
            )
            .map(Some)
        } else {
            Some(None)
        };
        let hsct = match self.hsct {
            HsctChoice::None => Some(Hsct::None),
            HsctChoice::Planned => match self.plan_mode {
                PlanMode::NotSet => Some(Hsct::Planned { at: None }),
                PlanMode::Age => years_months(
                    &self.plan_years,
                    &self.plan_months,
                    Field::HsctPlan,
                    &what("form-what-planned-age"),
                    &mut errors,
                )
                .map(|ym| Hsct::Planned { at: Some(PlannedHsct::Age(ym)) }),
                PlanMode::Date => Date::parse(&self.plan_date)
                    .map_err(|e| {
                        errors.push((Field::HsctPlan, bad_date(&what("form-what-planned-date"), &e)));
                    })
                    .ok()
                    .map(|d| Hsct::Planned { at: Some(PlannedHsct::Date(d)) }),
            },
            HsctChoice::Done => years_months(
                &self.hsct_years,
                &self.hsct_months,
                Field::HsctAge,
                &what("form-what-hsct-age"),
                &mut errors,
            )
            .map(|at| Hsct::Done { at }),
        };
        let (Some(age), Some(age_at_diagnosis), Some(hsct)) = (age, age_at_diagnosis, hsct) else {
            return Err(errors);
        };
        let patient = Patient {
            age,
            age_at_diagnosis,
            hsct,
            conditions: self.conditions,
            donor: self.donor,
            conditioning: self.conditioning,
            stem_cell_source: self.stem_cell_source,
            crypto_pcr: self.crypto_pcr,
            note: self.note.clone(),
            discussion: self.discussion.clone(),
            family_language: self.family_language,
        };
        let problems = patient.validate();
        if problems.is_empty() {
            Ok(patient)
        } else {
            Err(problems.into_iter().map(|p| (p.field, p.message)).collect())
        }
    }
}

fn hsct_plan(hsct: Hsct) -> Option<PlannedHsct> {
    match hsct {
        Hsct::Planned { at } => at,
        Hsct::None | Hsct::Done { .. } => None,
    }
}

fn whole_number(text: &str, what: &str, errors: &mut Vec<(Field, String)>, field: Field) -> Option<i32> {
    let t = text.trim();
    if t.is_empty() {
        errors.push((field, l10n::en("form-enter-a-number", &[("what", words(what))])));
        return None;
    }
    match t.parse::<i32>() {
        Ok(n) => Some(n),
        Err(e) => {
            let message = match e.kind() {
                std::num::IntErrorKind::PosOverflow => l10n::en(
                    "form-far-above",
                    &[("what", words(what)), ("typed", words(t)), ("max", words(&MAX_AGE_YEARS.to_string()))],
                ),
                std::num::IntErrorKind::NegOverflow => l10n::en("form-negative", &[("what", words(what))]),
                _ => l10n::en("form-not-whole", &[("what", words(what)), ("typed", words(t))]),
            };
            errors.push((field, message));
            None
        }
    }
}

fn years_months(
    years: &str,
    months: &str,
    field: Field,
    what: &str,
    errors: &mut Vec<(Field, String)>,
) -> Option<YearsMonths> {
    let y = whole_number(years, &l10n::en("form-what-years", &[("what", words(what))]), errors, field);
    // An empty months box means "0 months": clinicians often give whole years.
    let m = if months.trim().is_empty() {
        Some(0)
    } else {
        whole_number(months, &l10n::en("form-what-months", &[("what", words(what))]), errors, field)
    };
    Some(YearsMonths { years: y?, months: m? })
}

fn date(text: &str, what: &str, errors: &mut Vec<(Field, String)>) -> Option<Date> {
    Date::parse(text).map_err(|e| errors.push((Field::Age, bad_date(what, &e)))).ok()
}

/// What a field is called in its messages.
fn what(id: &str) -> String {
    l10n::en(id, &[])
}

fn words(s: &str) -> Arg {
    Arg::Text(s.to_owned())
}

fn bad_date(what: &str, error: &impl std::fmt::Display) -> String {
    l10n::en("form-bad-date", &[("what", words(what)), ("error", words(&error.to_string()))])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> PatientForm {
        PatientForm::from_patient(&Patient::default())
    }

    #[test]
    fn round_trips_every_field() {
        let p = Patient {
            age: AgeSource::Dates {
                born: Date::parse("2019-01-02").unwrap(),
                as_of: Date::parse("2024-06-30").unwrap(),
            },
            age_at_diagnosis: Some(YearsMonths { years: 1, months: 3 }),
            hsct: Hsct::Done { at: YearsMonths { years: 4, months: 0 } },
            conditions: Conditions { lung_damage: true, neutropenia: true, ..Conditions::default() },
            donor: Donor::MatchedUnrelated,
            conditioning: Conditioning::Myeloablative,
            stem_cell_source: StemCellSource::BoneMarrow,
            crypto_pcr: CryptoPcr::Negative,
            note: "PJP at 8 months".to_owned(),
            discussion: Some(FamilyDiscussion::default()),
            family_language: Some(Lang::Ja),
        };
        assert_eq!(PatientForm::from_patient(&p).to_patient(), Ok(p.clone()));
        let planned = Patient {
            hsct: Hsct::Planned { at: Some(PlannedHsct::Date(Date::parse("2024-09-01").unwrap())) },
            ..p
        };
        assert_eq!(PatientForm::from_patient(&planned).to_patient(), Ok(planned));
    }

    #[test]
    fn planned_age_is_checked_against_his_age() {
        let mut f = form();
        f.years = "5".to_owned();
        f.hsct = HsctChoice::Planned;
        f.plan_mode = PlanMode::Age;
        f.plan_years = "5".to_owned();
        f.plan_months = "8".to_owned();
        assert_eq!(f.to_patient().unwrap().planned_hsct_age_months(), Some(68));
        f.plan_years = "4".to_owned();
        let errors = f.to_patient().unwrap_err();
        assert_eq!(errors[0].0, Field::HsctPlan);
        assert!(errors[0].1.contains("before his current age"), "{errors:?}");
        f.plan_mode = PlanMode::Date;
        f.plan_date = "2027-01-15".to_owned();
        let errors = f.to_patient().unwrap_err();
        assert!(errors[0].1.contains("needs his date of birth"), "{errors:?}");
        f.plan_date = "soon".to_owned();
        assert!(f.to_patient().unwrap_err()[0].1.starts_with("Planned date:"));
    }

    #[test]
    fn text_errors_name_the_field() {
        let mut f = form();
        f.years = "three".to_owned();
        let errors = f.to_patient().unwrap_err();
        assert_eq!(errors, vec![(Field::Age, "Age (years): “three” is not a whole number.".to_owned())]);

        f.years = String::new();
        f.months = "4".to_owned();
        assert!(f.to_patient().unwrap_err()[0].1.contains("enter a number"));

        f.years = "12345678901234567890".to_owned();
        assert_eq!(
            f.to_patient().unwrap_err(),
            vec![(
                Field::Age,
                "Age (years): 12345678901234567890 is far above anything this aid accepts (ages up to 80 \
                 years)."
                    .to_owned()
            )]
        );

        f.years = "3".to_owned();
        f.months = String::new();
        assert_eq!(f.to_patient().unwrap().age_months(), Some(36));

        f.age_mode = AgeMode::Dates;
        f.born = "2020-02-30".to_owned();
        f.as_of = "2024-01-01".to_owned();
        assert!(f.to_patient().unwrap_err()[0].1.starts_with("Date of birth:"));
    }

    #[test]
    fn a_blank_age_is_no_age_not_a_newborn() {
        let f = form();
        assert!(f.age_is_blank());
        let p = f.to_patient().unwrap();
        assert_eq!(p.age, AgeSource::NotGiven);
        assert_eq!(p.age_months(), None);
        let mut dates = form();
        dates.age_mode = AgeMode::Dates;
        assert_eq!(dates.to_patient().unwrap().age, AgeSource::NotGiven);
        dates.born = "2020-01-01".to_owned();
        assert!(dates.to_patient().unwrap_err()[0].1.starts_with("“As of” date:"));
    }

    #[test]
    fn the_form_as_typed_survives_a_round_trip_through_text() {
        let mut f = form();
        f.years = "4x".to_owned();
        f.note = "half a sentence, \"quoted\"\nand a second line".to_owned();
        let text = ron::ser::to_string(&f).unwrap();
        assert_eq!(ron::from_str::<PatientForm>(&text).unwrap(), f);
    }

    #[test]
    fn every_field_message_is_in_the_english_files() {
        let mut messages = Vec::new();
        for typed in ["", "x", "-99999999999", "99999999999"] {
            let mut f = form();
            f.years = typed.to_owned();
            f.months = typed.to_owned();
            f.diagnosis_known = true;
            f.dx_years = typed.to_owned();
            f.hsct = HsctChoice::Done;
            f.hsct_years = typed.to_owned();
            messages.extend(f.to_patient().unwrap_err());
            f.hsct = HsctChoice::Planned;
            f.plan_mode = PlanMode::Age;
            f.plan_years = typed.to_owned();
            messages.extend(f.to_patient().unwrap_err());
            f.plan_mode = PlanMode::Date;
            f.plan_date = typed.to_owned();
            f.age_mode = AgeMode::Dates;
            f.born = "x".to_owned();
            f.as_of = "x".to_owned();
            messages.extend(f.to_patient().unwrap_err());
        }
        assert!(messages.len() > 20, "{messages:?}");
        for (_, m) in &messages {
            assert!(!m.contains("[missing text:") && !m.is_empty(), "{m}");
        }
    }

    #[test]
    fn validation_problems_come_through() {
        let mut f = form();
        f.years = "-2".to_owned();
        assert!(f.to_patient().unwrap_err()[0].1.contains("negative"));
    }
}
