//! Which findings concern him, and in which order a clinician reads them.
//!
//! A finding that names one of his conditions is not necessarily about his
//! situation: "pneumonia in 81 %" names his infection but describes every
//! boy with the condition. Only findings about his situation (his risk
//! factors, his window, the time since his diagnosis, his donor and
//! conditioning, his transplant) are flagged; the rest is background on the
//! condition, shown but never marked as concerning him.

use serde::{Deserialize, Serialize};

use super::{Finding, Topic, Trigger};
use crate::model::l10n::{self, Arg};
use crate::model::patient::Patient;

/// What part of his situation a finding speaks to, in the order a clinician
/// reads them: risk factors first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum About {
    /// His own risk factors (organ damage, infections that worsened outcome).
    RiskFactor,
    /// His age against the timing window.
    Window,
    /// His time since diagnosis.
    SinceDiagnosis,
    /// His donor, conditioning and stem cell source.
    Donor,
    /// His transplant, once done.
    Transplant,
    /// The condition in general (prevalence, infections in general): shown,
    /// never flagged as concerning him.
    Background,
}

impl About {
    /// Heading for a group of findings that concern him.
    pub fn heading(self) -> String {
        let id = match self {
            Self::RiskFactor => "about-risk-factor",
            Self::Window => "about-window",
            Self::SinceDiagnosis => "about-since-diagnosis",
            Self::Donor => "about-donor",
            Self::Transplant => "about-transplant",
            Self::Background => "about-background",
        };
        l10n::en(id, &[])
    }

    /// Whether the finding can concern him only once his age is known: a
    /// boy with no age given is not placed on any clock.
    pub fn needs_age(self) -> bool {
        matches!(self, Self::Window | Self::SinceDiagnosis)
    }
}

/// What a finding is about: as its cohort file says, or else from its
/// topic.
pub fn about(finding: &Finding) -> About {
    finding.about.unwrap_or(match finding.topic {
        Topic::RiskFactor | Topic::Harms => About::RiskFactor,
        Topic::Timing if finding.within_years_of_diagnosis.is_some() => About::SinceDiagnosis,
        Topic::Timing => About::Window,
        Topic::Donor => About::Donor,
        Topic::HsctOutcome => About::Transplant,
        Topic::HsctVersusNone | Topic::NaturalHistory | Topic::Cohort | Topic::Background => {
            About::Background
        }
    })
}

/// How closely a finding names him, for the order within a group: a
/// finding naming one of his own conditions (0) before one about organ
/// damage in general (1), before the rest (2).
pub fn specificity(finding: &Finding, patient: &Patient) -> u8 {
    let names = |t: &Trigger| matches!(t, Trigger::Condition(c) if patient.conditions.get(*c));
    if finding.matches.iter().any(names) {
        0
    } else if finding.matches.contains(&Trigger::AnyOrganDamage) {
        1
    } else {
        2
    }
}

/// "1 finding", "2 findings": every count of findings is written here.
pub fn count_findings(n: usize) -> String {
    l10n::en("evidence-findings", &[("n", Arg::Count(i64::try_from(n).unwrap_or(i64::MAX)))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evidence::{Evidence, FindingMatch};
    use crate::model::patient::{AgeSource, CryptoPcr, Donor, Hsct, YearsMonths};
    use crate::model::text::Paragraph;

    fn at(years: i32, months: i32) -> Patient {
        Patient { age: AgeSource::Entered(YearsMonths { years, months }), ..Patient::default() }
    }

    fn ids(e: &Evidence, p: &Patient) -> Vec<String> {
        e.match_findings(p)
            .iter()
            .map(|m| format!("{}/{}", m.source.cohort, m.source.finding.as_deref().unwrap_or("")))
            .collect()
    }

    fn why(e: &Evidence, p: &Patient, cohort: &str, finding: &str) -> Vec<String> {
        let (c, f) = e.finding((cohort, finding)).unwrap();
        FindingMatch::find(&e.match_findings(p), c, f)
            .map_or_else(Vec::new, |m| m.reasons.iter().map(Paragraph::plain).collect())
    }

    #[test]
    fn a_boy_with_sclerosing_cholangitis_sees_his_situation_risk_factors_first_and_no_background() {
        let e = Evidence::embedded().unwrap();
        let mut p = at(7, 0);
        p.conditions.sclerosing_cholangitis = true;
        p.conditions.other_infections = true;
        p.conditions.pneumocystis = true;
        p.donor = Donor::MismatchedOrHaplo;
        let matches = e.match_findings(&p);
        let found = ids(&e, &p);
        for id in ["ebmt-2019/organ-damage", "international-2017/liver-disease", "ebmt-2019/donor"] {
            assert!(found.contains(&id.to_owned()), "{id} not in {found:?}");
        }
        // Prevalence and infections in general are background, never his.
        for id in ["us-registry-2003/infections", "japan-2015/infections", "usidnet-2016/infections"] {
            assert!(!found.contains(&id.to_owned()), "{id} in {found:?}");
        }
        // About patients *without* hepatic disease: not about him.
        assert!(!found.contains(&"europe-2004/cure-without-hepatic-disease".to_owned()), "{found:?}");
        assert!(matches.iter().all(|m| m.about != About::Background));
        assert!(matches.windows(2).all(|w| w[0].about <= w[1].about), "risk factors first");
        assert_eq!(matches.first().map(|m| m.about), Some(About::RiskFactor));
        // Within his risk factors, a finding naming his own condition first.
        assert_eq!(found.first().map(String::as_str), Some("ebmt-2019/organ-damage"));
        let mut lung = at(12, 0);
        lung.conditions.lung_damage = true;
        assert_eq!(ids(&e, &lung).first().map(String::as_str), Some("europe-2004/lung-damage"));
    }

    #[test]
    fn a_finding_about_boys_without_a_condition_follows_his_direction() {
        let e = Evidence::embedded().unwrap();
        let p = at(7, 0);
        assert_eq!(
            why(&e, &p, "europe-2004", "cure-without-hepatic-disease"),
            [
                "No liver disease or sclerosing cholangitis is recorded for him; this finding is about patients \
             without it."
            ]
        );
        let mut liver = at(7, 0);
        liver.conditions.liver_disease = true;
        assert!(why(&e, &liver, "europe-2004", "cure-without-hepatic-disease").is_empty());
    }

    #[test]
    fn a_transplanted_boy_sees_chimerism_and_early_deaths() {
        let e = Evidence::embedded().unwrap();
        let mut p = at(10, 0);
        p.hsct = Hsct::Done { at: YearsMonths { years: 7, months: 9 } };
        assert_eq!(why(&e, &p, "ebmt-2019", "chimerism"), ["He was transplanted 2 years 3 months ago."]);
        assert!(!why(&e, &p, "ebmt-2019", "deaths").is_empty());
        assert!(why(&e, &at(10, 0), "ebmt-2019", "chimerism").is_empty());
    }

    #[test]
    fn without_an_age_nothing_that_needs_his_age_concerns_him() {
        let e = Evidence::embedded().unwrap();
        let mut p = Patient::default();
        p.conditions.lung_damage = true;
        p.age_at_diagnosis = Some(YearsMonths { years: 0, months: 0 });
        let matches = e.match_findings(&p);
        assert!(matches.iter().all(|m| !m.about.needs_age()), "{:?}", ids(&e, &p));
        assert!(ids(&e, &p).contains(&"europe-2004/lung-damage".to_owned()));
        // With an age, Japan's conclusion on organ damage concerns him.
        let mut aged = p.clone();
        aged.age = AgeSource::Entered(YearsMonths { years: 7, months: 0 });
        assert!(ids(&e, &aged).contains(&"japan-2015/conclusion".to_owned()));
    }

    #[test]
    fn a_pcr_finding_names_his_test_result() {
        let mut e = Evidence::embedded().unwrap();
        let mut f = e.cohorts[0].findings[0].clone();
        f.id = "pcr-before-transplant".into();
        f.topic = Topic::RiskFactor;
        f.matches = vec![Trigger::CryptoPcr];
        e.cohorts[0].findings.push(f);
        let cohort = e.cohorts[0].id.clone();
        let mut p = at(3, 0);
        assert_eq!(
            why(&e, &p, &cohort, "pcr-before-transplant"),
            ["He has no Cryptosporidium PCR recorded; this finding compares PCR-positive and PCR-negative \
             patients before HSCT."]
        );
        p.crypto_pcr = CryptoPcr::Positive;
        assert_eq!(
            why(&e, &p, &cohort, "pcr-before-transplant"),
            ["His Cryptosporidium PCR before HSCT was positive."]
        );
        p.crypto_pcr = CryptoPcr::NotTested;
        p.hsct = Hsct::Done { at: YearsMonths { years: 2, months: 0 } };
        assert!(why(&e, &p, &cohort, "pcr-before-transplant").is_empty());
    }

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(count_findings(0), "0 findings");
        assert_eq!(count_findings(1), "1 finding");
        assert_eq!(count_findings(2), "2 findings");
    }

    #[test]
    fn risk_factors_are_read_first_and_background_last() {
        let mut all = [About::Background, About::Transplant, About::Window, About::RiskFactor];
        all.sort_unstable();
        assert_eq!(all, [About::RiskFactor, About::Window, About::Transplant, About::Background]);
        assert!(About::Window.needs_age() && !About::Donor.needs_age());
    }
}
