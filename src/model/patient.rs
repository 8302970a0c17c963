//! The patient record a clinician enters, and its validation.
//!
//! The record keeps what was entered (including impossible values read from a
//! file) so that validation can name each problem next to its field instead
//! of silently clamping it. Everything downstream asks for
//! [`Patient::age_months`] and friends, which are `None` while the record is
//! invalid.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::discussion::FamilyDiscussion;
use super::l10n::{self, Lang};

/// Oldest age the app accepts; the cohorts follow patients to about 40 years.
pub const MAX_AGE_YEARS: i32 = 80;

/// Longest free-text note kept in a record (characters).
pub const MAX_NOTE_CHARS: usize = 10_000;

/// An age in whole years plus months, as clinicians write it ("3 y 4 m").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearsMonths {
    /// Whole years, 0–80.
    pub years: i32,
    /// Months past the last birthday, 0–11.
    pub months: i32,
}

impl YearsMonths {
    /// An age from whole months (non-negative input expected).
    pub fn from_months(total: i32) -> Self {
        Self { years: total.div_euclid(12), months: total.rem_euclid(12) }
    }

    /// Total months, or `None` when either part is out of range.
    pub fn total_months(self) -> Option<i32> {
        let ok = (0..=MAX_AGE_YEARS).contains(&self.years) && (0..=11).contains(&self.months);
        let total = self.years * 12 + self.months;
        (ok && total <= MAX_AGE_YEARS * 12).then_some(total)
    }

    /// Age in (fractional) years for placing on the plot's age axis.
    pub fn as_years(self) -> f64 {
        f64::from(self.years) + f64::from(self.months) / 12.0
    }

    fn problem(self, field: Field, what: &str) -> Option<Problem> {
        let id = if self.years < 0 || self.months < 0 {
            "invalid-negative"
        } else if self.months > 11 {
            "invalid-months"
        } else if self.years > MAX_AGE_YEARS || self.years * 12 + self.months > MAX_AGE_YEARS * 12 {
            "invalid-too-old"
        } else {
            return None;
        };
        let message = l10n::en_words(id, &[("what", what.to_owned()), ("max", MAX_AGE_YEARS.to_string())]);
        Some(Problem { field, message })
    }
}

impl std::fmt::Display for YearsMonths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&describe_months(self.years * 12 + self.months))
    }
}

/// Ages are written by the text model's one formatter; the name stays
/// here, beside the ages it writes.
pub use super::text::format::describe_months;

/// How the current age is known: entered directly, from dates, or not yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgeSource {
    /// No age entered yet (a new patient): nothing is placed for him until
    /// one is, rather than placing him as a newborn.
    NotGiven,
    /// Age entered as years and months.
    Entered(YearsMonths),
    /// Date of birth and the date the assessment refers to.
    Dates {
        /// Date of birth.
        born: Date,
        /// The date the record describes ("as of"), usually the visit date.
        as_of: Date,
    },
}

/// Transplant status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hsct {
    /// No transplant done or planned.
    #[default]
    None,
    /// A transplant is being planned.
    Planned {
        /// When, if a date or age has been set.
        #[serde(default)]
        at: Option<PlannedHsct>,
    },
    /// Transplanted at the given age.
    Done {
        /// Age at HSCT, 0–80 years and not after the current age.
        at: YearsMonths,
    },
}

/// When a planned transplant is to happen: an age, or a calendar date
/// (which needs his date of birth to become an age).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlannedHsct {
    /// At this age (0–80 years, not before his current age).
    Age(YearsMonths),
    /// On this date (not before the "as of" date).
    Date(Date),
}

/// Organ damage and infections that published cohorts name as risk factors.
/// Each flag is "present now or in the history".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Conditions {
    /// Liver disease of any kind (abnormal liver tests, histology or imaging).
    pub liver_disease: bool,
    /// Sclerosing cholangitis (a form of liver disease; EBMT's main risk factor).
    pub sclerosing_cholangitis: bool,
    /// Chronic lung damage or bronchiectasis.
    pub lung_damage: bool,
    /// Cryptosporidium infection.
    pub cryptosporidium: bool,
    /// Pneumocystis jirovecii pneumonia.
    pub pneumocystis: bool,
    /// Other persistent or recurrent infections.
    pub other_infections: bool,
    /// Neutropenia.
    pub neutropenia: bool,
}

/// One condition flag, so evidence can refer to conditions by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Condition {
    /// See [`Conditions::liver_disease`].
    LiverDisease,
    /// See [`Conditions::sclerosing_cholangitis`].
    SclerosingCholangitis,
    /// See [`Conditions::lung_damage`].
    LungDamage,
    /// See [`Conditions::cryptosporidium`].
    Cryptosporidium,
    /// See [`Conditions::pneumocystis`].
    Pneumocystis,
    /// See [`Conditions::other_infections`].
    OtherInfections,
    /// See [`Conditions::neutropenia`].
    Neutropenia,
}

impl Condition {
    /// Every condition, in the order the form shows them.
    pub const ALL: [Self; 7] = [
        Self::LiverDisease,
        Self::SclerosingCholangitis,
        Self::LungDamage,
        Self::Cryptosporidium,
        Self::Pneumocystis,
        Self::OtherInfections,
        Self::Neutropenia,
    ];

    /// The label shown on the form (also the accessible name tests query).
    pub fn label(self) -> &'static str {
        l10n::en_kept(match self {
            Self::LiverDisease => "label-condition-liver-disease",
            Self::SclerosingCholangitis => "label-condition-sclerosing-cholangitis",
            Self::LungDamage => "label-condition-lung-damage",
            Self::Cryptosporidium => "label-condition-cryptosporidium",
            Self::Pneumocystis => "label-condition-pneumocystis",
            Self::OtherInfections => "label-condition-other-infections",
            Self::Neutropenia => "label-condition-neutropenia",
        })
    }

    /// Whether this is organ damage (as opposed to an infection or cytopenia).
    pub fn is_organ_damage(self) -> bool {
        matches!(self, Self::LiverDisease | Self::SclerosingCholangitis | Self::LungDamage)
    }
}

impl Conditions {
    /// The flag for one condition.
    pub fn get(&self, c: Condition) -> bool {
        *self.field(c)
    }

    /// Mutable access for the form's checkboxes.
    pub fn get_mut(&mut self, c: Condition) -> &mut bool {
        match c {
            Condition::LiverDisease => &mut self.liver_disease,
            Condition::SclerosingCholangitis => &mut self.sclerosing_cholangitis,
            Condition::LungDamage => &mut self.lung_damage,
            Condition::Cryptosporidium => &mut self.cryptosporidium,
            Condition::Pneumocystis => &mut self.pneumocystis,
            Condition::OtherInfections => &mut self.other_infections,
            Condition::Neutropenia => &mut self.neutropenia,
        }
    }

    fn field(&self, c: Condition) -> &bool {
        match c {
            Condition::LiverDisease => &self.liver_disease,
            Condition::SclerosingCholangitis => &self.sclerosing_cholangitis,
            Condition::LungDamage => &self.lung_damage,
            Condition::Cryptosporidium => &self.cryptosporidium,
            Condition::Pneumocystis => &self.pneumocystis,
            Condition::OtherInfections => &self.other_infections,
            Condition::Neutropenia => &self.neutropenia,
        }
    }

    /// The conditions present, in form order.
    pub fn present(&self) -> impl Iterator<Item = Condition> + '_ {
        Condition::ALL.into_iter().filter(|c| self.get(*c))
    }
}

/// Donor availability as known at the time of the record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Donor {
    /// No donor identified yet.
    #[default]
    NoneYet,
    /// HLA-matched sibling donor.
    MatchedSibling,
    /// HLA-matched unrelated donor.
    MatchedUnrelated,
    /// Mismatched or haploidentical donor.
    MismatchedOrHaplo,
}

impl Donor {
    /// Every option, in the order the form lists them.
    pub const ALL: [Self; 4] =
        [Self::NoneYet, Self::MatchedSibling, Self::MatchedUnrelated, Self::MismatchedOrHaplo];

    /// Text shown in the form.
    pub fn label(self) -> &'static str {
        l10n::en_kept(match self {
            Self::NoneYet => "label-donor-none-yet",
            Self::MatchedSibling => "label-donor-matched-sibling",
            Self::MatchedUnrelated => "label-donor-matched-unrelated",
            Self::MismatchedOrHaplo => "label-donor-mismatched-or-haplo",
        })
    }
}

/// The conditioning planned for HSCT, which EBMT 2019 compares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Conditioning {
    /// Not decided yet.
    #[default]
    NotDecided,
    /// Myeloablative conditioning.
    Myeloablative,
    /// Reduced-intensity conditioning.
    ReducedIntensity,
}

impl Conditioning {
    /// Every option, in the order the form lists them.
    pub const ALL: [Self; 3] = [Self::NotDecided, Self::Myeloablative, Self::ReducedIntensity];

    /// Text shown in the form.
    pub fn label(self) -> &'static str {
        l10n::en_kept(match self {
            Self::NotDecided => "label-conditioning-not-decided",
            Self::Myeloablative => "label-conditioning-myeloablative",
            Self::ReducedIntensity => "label-conditioning-reduced-intensity",
        })
    }
}

/// The stem cell source planned for HSCT, which EBMT 2019 compares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StemCellSource {
    /// Not decided yet.
    #[default]
    NotDecided,
    /// Bone marrow.
    BoneMarrow,
    /// Peripheral blood stem cells.
    PeripheralBlood,
    /// Umbilical cord blood.
    CordBlood,
}

impl StemCellSource {
    /// Every option, in the order the form lists them.
    pub const ALL: [Self; 4] = [Self::NotDecided, Self::BoneMarrow, Self::PeripheralBlood, Self::CordBlood];

    /// Text shown in the form.
    pub fn label(self) -> &'static str {
        l10n::en_kept(match self {
            Self::NotDecided => "label-source-not-decided",
            Self::BoneMarrow => "label-source-bone-marrow",
            Self::PeripheralBlood => "label-source-peripheral-blood",
            Self::CordBlood => "label-source-cord-blood",
        })
    }
}

/// A Cryptosporidium PCR before HSCT: a positive test came before
/// post-transplant cholangiopathy in the 2003 PCR study.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CryptoPcr {
    /// No PCR done (or not recorded).
    #[default]
    NotTested,
    /// Positive.
    Positive,
    /// Negative.
    Negative,
}

impl CryptoPcr {
    /// Every option, in the order the form lists them.
    pub const ALL: [Self; 3] = [Self::NotTested, Self::Positive, Self::Negative];

    /// Text shown in the form.
    pub fn label(self) -> &'static str {
        l10n::en_kept(match self {
            Self::NotTested => "label-pcr-not-tested",
            Self::Positive => "label-pcr-positive",
            Self::Negative => "label-pcr-negative",
        })
    }
}

/// One patient: what the clinician entered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    /// Current age (0–80 years), entered or from dates.
    pub age: AgeSource,
    /// Age at diagnosis (0–80 years, not after the current age), if known.
    #[serde(default)]
    pub age_at_diagnosis: Option<YearsMonths>,
    /// Transplant status.
    #[serde(default)]
    pub hsct: Hsct,
    /// Organ damage and infections.
    #[serde(default)]
    pub conditions: Conditions,
    /// Donor availability.
    #[serde(default)]
    pub donor: Donor,
    /// Planned conditioning for HSCT.
    #[serde(default)]
    pub conditioning: Conditioning,
    /// Planned stem cell source.
    #[serde(default)]
    pub stem_cell_source: StemCellSource,
    /// Cryptosporidium PCR before HSCT.
    #[serde(default)]
    pub crypto_pcr: CryptoPcr,
    /// Free-text note, at most [`MAX_NOTE_CHARS`] characters.
    #[serde(default)]
    pub note: String,
    /// The family's ratings, leaning and questions, kept only when the
    /// counselor chooses to save them.
    #[serde(default)]
    pub discussion: Option<FamilyDiscussion>,
    /// The language of the family pages (view and handout), once chosen;
    /// absent in files written before it was kept, and then English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_language: Option<Lang>,
}

impl Default for Patient {
    /// A new patient: no age, nothing known yet.
    fn default() -> Self {
        Self {
            age: AgeSource::NotGiven,
            age_at_diagnosis: None,
            hsct: Hsct::None,
            conditions: Conditions::default(),
            donor: Donor::NoneYet,
            conditioning: Conditioning::NotDecided,
            stem_cell_source: StemCellSource::NotDecided,
            crypto_pcr: CryptoPcr::NotTested,
            note: String::new(),
            discussion: None,
            family_language: None,
        }
    }
}

/// The form field a validation problem belongs to, so the UI can show the
/// message next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// Current age (entered, or derived from dates).
    Age,
    /// Age at diagnosis.
    AgeAtDiagnosis,
    /// Age at HSCT.
    HsctAge,
    /// Planned HSCT age or date.
    HsctPlan,
    /// The note.
    Note,
    /// The family's ratings and questions.
    Discussion,
}

/// One validation message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where it belongs.
    pub field: Field,
    /// What is wrong, in words a clinician understands.
    pub message: String,
}

impl Patient {
    /// Current age in whole months, if the age is valid.
    pub fn age_months(&self) -> Option<i32> {
        match self.age {
            AgeSource::NotGiven => None,
            AgeSource::Entered(ym) => ym.total_months(),
            AgeSource::Dates { born, as_of } => {
                let m = born.whole_months_until(as_of);
                (0..=MAX_AGE_YEARS * 12).contains(&m).then_some(m)
            }
        }
    }

    /// Age at HSCT in whole months, if transplanted and valid.
    pub fn hsct_age_months(&self) -> Option<i32> {
        match self.hsct {
            Hsct::Done { at } => at.total_months(),
            Hsct::None | Hsct::Planned { .. } => None,
        }
    }

    /// Age in whole months at the planned HSCT, when planned with a valid
    /// age or a date that his date of birth turns into an age.
    pub fn planned_hsct_age_months(&self) -> Option<i32> {
        match self.hsct {
            Hsct::Planned { at: Some(PlannedHsct::Age(ym)) } => ym.total_months(),
            Hsct::Planned { at: Some(PlannedHsct::Date(date)) } => match self.age {
                AgeSource::Dates { born, .. } => {
                    let m = born.whole_months_until(date);
                    (0..=MAX_AGE_YEARS * 12).contains(&m).then_some(m)
                }
                AgeSource::Entered(_) | AgeSource::NotGiven => None,
            },
            _ => None,
        }
    }

    /// Every problem with the record; empty when it can be placed on the
    /// evidence.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        match self.age {
            AgeSource::NotGiven => {}
            AgeSource::Entered(ym) => {
                problems.extend(ym.problem(Field::Age, &l10n::en("form-what-age", &[])));
            }
            AgeSource::Dates { born, as_of } => {
                let m = born.whole_months_until(as_of);
                if m < 0 {
                    problems.push(Problem {
                        field: Field::Age,
                        message: l10n::en_words(
                            "invalid-born-after",
                            &[("born", born.to_string()), ("as-of", as_of.to_string())],
                        ),
                    });
                } else if m > MAX_AGE_YEARS * 12 {
                    problems.push(Problem {
                        field: Field::Age,
                        message: l10n::en_words(
                            "invalid-too-old",
                            &[("what", l10n::en("form-what-age", &[])), ("max", MAX_AGE_YEARS.to_string())],
                        ),
                    });
                }
            }
        }
        let age = self.age_months();
        if let Some(dx) = self.age_at_diagnosis {
            if let Some(p) = dx.problem(Field::AgeAtDiagnosis, &l10n::en("form-what-diagnosis", &[])) {
                problems.push(p);
            } else if let (Some(dx), Some(age)) = (dx.total_months(), age)
                && dx > age
            {
                problems.push(Problem {
                    field: Field::AgeAtDiagnosis,
                    message: l10n::en("invalid-diagnosis-after-age", &[]),
                });
            }
        }
        if let Hsct::Done { at } = self.hsct {
            if let Some(p) = at.problem(Field::HsctAge, &l10n::en("form-what-hsct-age", &[])) {
                problems.push(p);
            } else if let Some(h) = at.total_months() {
                if age.is_some_and(|age| h > age) {
                    problems.push(Problem {
                        field: Field::HsctAge,
                        message: l10n::en("invalid-hsct-after-age", &[]),
                    });
                }
                if self.age_at_diagnosis.and_then(YearsMonths::total_months).is_some_and(|dx| h < dx) {
                    problems.push(Problem {
                        field: Field::HsctAge,
                        message: l10n::en("invalid-hsct-before-diagnosis", &[]),
                    });
                }
            }
        }
        problems.extend(self.plan_problems(age));
        let chars = self.note.chars().count();
        if chars > MAX_NOTE_CHARS {
            problems.push(Problem {
                field: Field::Note,
                message: l10n::en_words(
                    "invalid-note-long",
                    &[("chars", chars.to_string()), ("max", MAX_NOTE_CHARS.to_string())],
                ),
            });
        }
        if let Some(d) = &self.discussion {
            problems.extend(
                d.problems().into_iter().map(|message| Problem { field: Field::Discussion, message }),
            );
        }
        problems
    }

    /// A planned age must not be in the past; a planned date needs his date
    /// of birth (with an entered age there is no calendar to place it on).
    fn plan_problems(&self, age: Option<i32>) -> Option<Problem> {
        let problem = |message: String| Some(Problem { field: Field::HsctPlan, message });
        match (self.hsct, self.age) {
            (Hsct::Planned { at: Some(PlannedHsct::Age(ym)) }, _) => {
                if let Some(p) = ym.problem(Field::HsctPlan, &l10n::en("form-what-planned-age", &[])) {
                    return Some(p);
                }
                match (ym.total_months(), age) {
                    (Some(plan), Some(age)) if plan < age => {
                        problem(l10n::en("invalid-plan-before-age", &[]))
                    }
                    _ => None,
                }
            }
            (
                Hsct::Planned { at: Some(PlannedHsct::Date(_)) },
                AgeSource::Entered(_) | AgeSource::NotGiven,
            ) => problem(l10n::en("invalid-plan-date-needs-birth", &[])),
            (Hsct::Planned { at: Some(PlannedHsct::Date(date)) }, AgeSource::Dates { born, as_of }) => {
                if date < as_of {
                    problem(l10n::en_words(
                        "invalid-plan-before-as-of",
                        &[("date", date.to_string()), ("as-of", as_of.to_string())],
                    ))
                } else if born.whole_months_until(date) > MAX_AGE_YEARS * 12 {
                    problem(l10n::en_words("invalid-plan-too-late", &[("date", date.to_string())]))
                } else {
                    None
                }
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entered(years: i32, months: i32) -> Patient {
        Patient { age: AgeSource::Entered(YearsMonths { years, months }), ..Patient::default() }
    }

    fn fields(p: &Patient) -> Vec<Field> {
        p.validate().into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn valid_patient_has_no_problems() {
        let mut p = entered(3, 4);
        p.age_at_diagnosis = Some(YearsMonths { years: 1, months: 0 });
        p.hsct = Hsct::Done { at: YearsMonths { years: 2, months: 6 } };
        assert!(p.validate().is_empty());
        assert_eq!(p.age_months(), Some(40));
        assert_eq!(p.hsct_age_months(), Some(30));
    }

    #[test]
    fn negative_and_out_of_range_ages_are_named() {
        let p = entered(-1, 0);
        let problems = p.validate();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, Field::Age);
        assert!(problems[0].message.contains("negative"), "{}", problems[0].message);
        assert_eq!(p.age_months(), None);

        assert!(entered(3, 12).validate()[0].message.contains("0–11"));
        assert!(entered(81, 0).validate()[0].message.contains("80"));
        assert!(entered(80, 1).validate()[0].message.contains("80"));
        assert!(entered(80, 0).validate().is_empty());
        assert!(entered(0, 0).validate().is_empty());
    }

    #[test]
    fn diagnosis_and_hsct_must_not_be_after_current_age() {
        let mut p = entered(4, 0);
        p.age_at_diagnosis = Some(YearsMonths { years: 5, months: 0 });
        assert_eq!(fields(&p), vec![Field::AgeAtDiagnosis]);

        p.age_at_diagnosis = Some(YearsMonths { years: 2, months: 0 });
        p.hsct = Hsct::Done { at: YearsMonths { years: 4, months: 1 } };
        assert_eq!(fields(&p), vec![Field::HsctAge]);

        p.hsct = Hsct::Done { at: YearsMonths { years: 1, months: 0 } };
        let problems = p.validate();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("before the age at diagnosis"));

        p.hsct = Hsct::Done { at: YearsMonths { years: -2, months: 0 } };
        assert!(p.validate()[0].message.contains("Age at HSCT cannot be negative"));
    }

    #[test]
    fn age_from_dates() {
        let p = Patient {
            age: AgeSource::Dates {
                born: Date::parse("2020-01-20").unwrap(),
                as_of: Date::parse("2023-05-19").unwrap(),
            },
            ..Patient::default()
        };
        assert_eq!(p.age_months(), Some(39));
        assert!(p.validate().is_empty());

        let backwards = Patient {
            age: AgeSource::Dates {
                born: Date::parse("2023-05-19").unwrap(),
                as_of: Date::parse("2020-01-20").unwrap(),
            },
            ..Patient::default()
        };
        assert_eq!(backwards.age_months(), None);
        assert!(backwards.validate()[0].message.contains("after the “as of” date"));
    }

    #[test]
    fn long_note_is_rejected() {
        let mut p = entered(1, 0);
        p.note = "x".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(fields(&p), vec![Field::Note]);
    }

    #[test]
    fn describes_ages_in_words() {
        assert_eq!(describe_months(0), "0 months");
        assert_eq!(describe_months(1), "1 month");
        assert_eq!(describe_months(12), "1 year");
        assert_eq!(describe_months(40), "3 years 4 months");
        assert_eq!(YearsMonths { years: 5, months: 11 }.to_string(), "5 years 11 months");
    }

    #[test]
    fn condition_flags_map_one_to_one() {
        let mut c = Conditions::default();
        for cond in Condition::ALL {
            assert!(!c.get(cond));
            *c.get_mut(cond) = true;
            assert!(c.get(cond));
        }
        assert_eq!(c.present().count(), Condition::ALL.len());
    }
}
