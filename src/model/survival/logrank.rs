//! Log-rank test comparing two or more survival curves.
//!
//! Matches lifelines `multivariate_logrank_test` (and `logrank_test`, which
//! is its two-group case): at every distinct event time the observed events
//! of each group are compared with those expected if all groups shared one
//! hazard, with the hypergeometric covariance
//! `V_jk = Σ d (n - d) / (n - 1) · n_j / n · (δ_jk − n_k / n)`.
//! The statistic `U = Z' V⁻ Z` uses the first `k − 1` groups and a
//! Moore–Penrose pseudo-inverse as lifelines does, and is referred to a
//! chi-square distribution with `k − 1` degrees of freedom.

use serde::{Deserialize, Serialize};

use super::km::{KaplanMeier, KmOptions};
use super::special::chi2_sf;
use super::{Record, SurvivalError};

/// Result of a log-rank test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogRank {
    /// Chi-square statistic.
    pub statistic: f64,
    /// Number of groups minus one.
    pub degrees_of_freedom: usize,
    /// Upper-tail chi-square probability of the statistic.
    pub p_value: f64,
    /// Observed events per group, in input order, so the UI can show which
    /// arm did worse than expected.
    pub observed: Vec<f64>,
    /// Expected events per group under equal hazards.
    pub expected: Vec<f64>,
}

/// Log-rank test from fitted curves, one per group.
///
/// Works from the fits' event tables, so a UI that already drew the curves
/// does not refit them.
///
/// # Errors
/// [`SurvivalError::TooFewGroups`] for fewer than two groups.
pub fn logrank_test(groups: &[&KaplanMeier]) -> Result<LogRank, SurvivalError> {
    let k = groups.len();
    if k < 2 {
        return Err(SurvivalError::TooFewGroups(k));
    }
    let m = k - 1;
    let observed: Vec<f64> = groups.iter().map(|g| g.total_events() as f64).collect();

    // Only times with an event add anything; censor-only times add zeros.
    let mut event_times: Vec<f64> = groups
        .iter()
        .flat_map(|g| g.times().iter().zip(g.events()).filter(|&(_, d)| d > 0).map(|(&t, _)| t))
        .collect();
    event_times.sort_unstable_by(f64::total_cmp);
    event_times.dedup();

    let mut expected = vec![0.0; k];
    // Covariance of the first k - 1 groups, row-major.
    let mut cov = vec![0.0; m * m];
    for t in event_times {
        let (n_j, d_j): (Vec<f64>, Vec<f64>) = groups
            .iter()
            .map(|g| {
                let (n, d) = g.at_risk_and_events_at(t);
                (n as f64, d as f64)
            })
            .unzip();
        let n: f64 = n_j.iter().sum();
        let d: f64 = d_j.iter().sum();
        // lifelines replaces the undefined (n - d) / (n - 1) at n = 1 by 1;
        // the covariance terms vanish there anyway.
        let ratio = if n > 1.0 { (n - d) / (n - 1.0) } else { 1.0 };
        for (e, nj) in expected.iter_mut().zip(&n_j) {
            *e += nj * d / n;
        }
        for (j, (row, nj)) in cov.chunks_exact_mut(m).zip(&n_j).enumerate() {
            for (l, (c, nl)) in row.iter_mut().zip(&n_j).enumerate() {
                let delta = if j == l { 1.0 } else { 0.0 };
                *c += d * ratio * nj / n * (delta - nl / n);
            }
        }
    }

    let z: Vec<f64> = observed.iter().zip(&expected).take(m).map(|(o, e)| o - e).collect();
    let pinv = pseudo_inverse(&cov, m);
    let mut statistic = 0.0;
    for (j, zj) in z.iter().enumerate() {
        for (l, zl) in z.iter().enumerate() {
            statistic += zj * pinv.get(j * m + l).copied().unwrap_or(0.0) * zl;
        }
    }
    let p_value = chi2_sf(statistic, m as f64);
    Ok(LogRank { statistic, degrees_of_freedom: m, p_value, observed, expected })
}

/// Log-rank test straight from per-group records.
///
/// # Errors
/// As [`logrank_test`], plus the fitting errors of [`KaplanMeier::fit`].
pub fn logrank_test_records(groups: &[&[Record]]) -> Result<LogRank, SurvivalError> {
    let fits =
        groups.iter().map(|g| KaplanMeier::fit(g, KmOptions::default())).collect::<Result<Vec<_>, _>>()?;
    let refs: Vec<&KaplanMeier> = fits.iter().collect();
    logrank_test(&refs)
}

/// Moore–Penrose pseudo-inverse of a symmetric `m × m` matrix (row-major)
/// via cyclic Jacobi eigen-decomposition, with numpy's default cut-off
/// (`1e-15 × largest |eigenvalue|`). The covariance is singular when a group
/// has nobody at risk at any event time; the pseudo-inverse then gives the
/// same statistic as lifelines instead of failing.
fn pseudo_inverse(a: &[f64], m: usize) -> Vec<f64> {
    let mut s = a.to_vec();
    let mut v = vec![0.0; m * m];
    for i in 0..m {
        if let Some(x) = v.get_mut(i * m + i) {
            *x = 1.0;
        }
    }
    let at = |s: &[f64], i: usize, j: usize| s.get(i * m + j).copied().unwrap_or(0.0);
    for _sweep in 0..100 {
        let mut off = 0.0;
        for i in 0..m {
            for j in 0..m {
                if i != j {
                    off += at(&s, i, j).powi(2);
                }
            }
        }
        if off < 1e-30 {
            break;
        }
        for p in 0..m {
            for q in (p + 1)..m {
                let apq = at(&s, p, q);
                if apq == 0.0 {
                    continue;
                }
                let theta = (at(&s, q, q) - at(&s, p, p)) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let sn = t * c;
                // Rotate rows/columns p and q of s, and columns of v.
                for r in 0..m {
                    let srp = at(&s, r, p);
                    let srq = at(&s, r, q);
                    set(&mut s, m, r, p, c * srp - sn * srq);
                    set(&mut s, m, r, q, sn * srp + c * srq);
                }
                for r in 0..m {
                    let spr = at(&s, p, r);
                    let sqr = at(&s, q, r);
                    set(&mut s, m, p, r, c * spr - sn * sqr);
                    set(&mut s, m, q, r, sn * spr + c * sqr);
                }
                for r in 0..m {
                    let vrp = at(&v, r, p);
                    let vrq = at(&v, r, q);
                    set(&mut v, m, r, p, c * vrp - sn * vrq);
                    set(&mut v, m, r, q, sn * vrp + c * vrq);
                }
            }
        }
    }
    let eig: Vec<f64> = (0..m).map(|i| at(&s, i, i)).collect();
    let max = eig.iter().fold(0.0f64, |acc, e| acc.max(e.abs()));
    let cutoff = 1e-15 * max;
    let mut out = vec![0.0; m * m];
    for (e_idx, &e) in eig.iter().enumerate() {
        if e.abs() <= cutoff || e == 0.0 {
            continue;
        }
        let inv = 1.0 / e;
        for i in 0..m {
            for j in 0..m {
                let add = at(&v, i, e_idx) * inv * at(&v, j, e_idx);
                if let Some(o) = out.get_mut(i * m + j) {
                    *o += add;
                }
            }
        }
    }
    out
}

fn set(s: &mut [f64], m: usize, i: usize, j: usize, value: f64) {
    if let Some(x) = s.get_mut(i * m + j) {
        *x = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Fixture {
        lifelines_version: String,
        cases: Vec<Case>,
    }

    #[derive(Deserialize)]
    struct Case {
        name: String,
        groups: Vec<(Vec<f64>, Vec<bool>)>,
        statistic: f64,
        p_value: f64,
        degrees_of_freedom: usize,
    }

    fn to_records(times: &[f64], events: &[bool]) -> Vec<Record> {
        times.iter().zip(events).map(|(&time, &event)| Record { time, event }).collect()
    }

    #[test]
    fn matches_lifelines_multivariate_logrank_test() {
        let f: Fixture =
            ron::from_str(include_str!("../../../tests/fixtures/survival/logrank_cases.ron")).unwrap();
        assert_eq!(f.lifelines_version, "0.30.3");
        for c in &f.cases {
            let recs: Vec<Vec<Record>> = c.groups.iter().map(|(t, e)| to_records(t, e)).collect();
            let slices: Vec<&[Record]> = recs.iter().map(Vec::as_slice).collect();
            let r = logrank_test_records(&slices).unwrap();
            assert_eq!(r.degrees_of_freedom, c.degrees_of_freedom, "{}", c.name);
            assert!(
                (r.statistic - c.statistic).abs() <= 1e-6 * c.statistic.max(1.0),
                "{}: statistic {} vs {}",
                c.name,
                r.statistic,
                c.statistic
            );
            assert!(
                (r.p_value - c.p_value).abs() <= 1e-6 * c.p_value.clamp(1e-300, 1.0)
                    || (r.p_value - c.p_value).abs() <= 1e-12,
                "{}: p {} vs {}",
                c.name,
                r.p_value,
                c.p_value
            );
            let total_o: f64 = r.observed.iter().sum();
            let total_e: f64 = r.expected.iter().sum();
            assert!((total_o - total_e).abs() < 1e-8, "{}: O and E totals differ", c.name);
        }
    }

    #[test]
    fn order_of_groups_does_not_change_the_statistic() {
        let a = to_records(&[1.0, 2.0, 3.0, 4.0, 6.0], &[true, true, false, true, true]);
        let b = to_records(&[2.0, 5.0, 7.0, 8.0], &[true, true, true, false]);
        let c = to_records(&[1.5, 2.0, 9.0], &[true, false, true]);
        let r1 = logrank_test_records(&[&a, &b, &c]).unwrap();
        let r2 = logrank_test_records(&[&c, &a, &b]).unwrap();
        assert!((r1.statistic - r2.statistic).abs() < 1e-10);
    }

    #[test]
    fn a_group_without_events_at_risk_is_handled() {
        // Group b is only at risk after every event: its covariance row is
        // zero and the pseudo-inverse drops it.
        let a = to_records(&[1.0, 2.0, 3.0], &[true, true, true]);
        let b = to_records(&[10.0, 11.0], &[false, false]);
        let c = to_records(&[1.0, 2.5, 3.0], &[true, true, false]);
        let r = logrank_test_records(&[&a, &b, &c]).unwrap();
        assert!(r.statistic.is_finite());
        assert!((0.0..=1.0).contains(&r.p_value));
    }

    #[test]
    fn needs_two_groups() {
        let a = to_records(&[1.0], &[true]);
        assert_eq!(logrank_test_records(&[&a]), Err(SurvivalError::TooFewGroups(1)));
    }

    #[test]
    fn pseudo_inverse_inverts_a_regular_matrix() {
        let a = [4.0, 1.0, 0.5, 1.0, 3.0, 0.2, 0.5, 0.2, 2.0];
        let p = pseudo_inverse(&a, 3);
        for i in 0..3 {
            for j in 0..3 {
                let mut s = 0.0;
                for k in 0..3 {
                    s += a[i * 3 + k] * p[k * 3 + j];
                }
                let want = if i == j { 1.0 } else { 0.0 };
                assert!((s - want).abs() < 1e-12);
            }
        }
    }
}
