//! Kaplan–Meier curves of a centre's own or a digitized cohort, placed on
//! the panel of their clock: step curve, 95 % band, censor marks, the
//! sparse-data cut, numbers at risk at every whole year, medians and the
//! log-rank test, and the view conditional on being alive at his age (or
//! his years since HSCT).
//!
//! A cohort's time is its clock's time, so placing it only converts units;
//! nothing is shifted to "his age plus": a curve since HSCT describes boys
//! who were transplanted, drawn on the after-HSCT panel from 0.

use super::{Band, Hover, RiskTableRow, Role, Series, SeriesId, SeriesKind};
use crate::model::clock::Clock;
use crate::model::cohort::FittedCohort;
use crate::model::evidence::ValueKind;
use crate::model::l10n::{self, Arg, Lang};
use crate::model::survival::{KaplanMeier, PlotOptions, RiskRow, StepCurve, logrank_test, step_curve};
use crate::model::text::{Paragraph, Quantity, Unit};

/// Spacing of the risk table's columns (years): every whole year, so the
/// plot's ticks (1, 2, 5 or 10 years apart) always have a column.
pub const RISK_TABLE_STEP_YEARS: f64 = 1.0;

/// How curves are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurveOptions {
    /// Stop a curve where fewer than this many remain at risk (0: never).
    pub min_at_risk: usize,
    /// Show survival conditional on his being alive at his age (age
    /// curves) or his years since HSCT (post-HSCT curves).
    pub conditional: bool,
}

impl Default for CurveOptions {
    fn default() -> Self {
        Self { min_at_risk: PlotOptions::default().min_at_risk, conditional: false }
    }
}

/// The curves of one panel.
#[derive(Debug, Default)]
pub(super) struct Placed {
    pub series: Vec<Series>,
    pub rows: Vec<RiskTableRow>,
    pub notes: Vec<Paragraph>,
    /// Largest x drawn, years.
    pub x_max: f64,
}

/// Distinct looks an imported curve can have: `HUES` hues in solid lines,
/// then dashed, then dotted.
const IMPORTED_LOOKS: u8 = 18;
/// Hues of imported curves, before they repeat with a dash.
const HUES: u8 = 6;

/// Each group's role number, from its cohort's name and the group's name
/// rather than the order cohorts were loaded in, so a curve keeps its
/// colour after a restart and when other cohorts come or go. A number
/// already taken passes to the next free one (in an order fixed by the
/// names), so no two curves look alike while there are looks to go round.
fn imported_roles(cohorts: &[FittedCohort]) -> Vec<Vec<u8>> {
    // FNV-1a: the same on every run and every build, unlike std's hasher.
    let fnv = |text: &str| {
        text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    };
    let mut keys: Vec<(u64, String, usize, usize)> = Vec::new();
    for (i, fitted) in cohorts.iter().enumerate() {
        for (g, group) in fitted.cohort.groups.iter().enumerate() {
            let name = format!("{}\u{1f}{}", fitted.cohort.label, group.name.as_deref().unwrap_or(""));
            keys.push((fnv(&name), name, i, g));
        }
    }
    keys.sort();
    let mut taken = [false; IMPORTED_LOOKS as usize];
    let mut roles: Vec<Vec<u8>> = cohorts.iter().map(|f| vec![0; f.cohort.groups.len()]).collect();
    for (hash, _, i, g) in keys {
        // Solid lines first (the first HUES roles), dashes only once every
        // hue is taken.
        let start = u8::try_from(hash % u64::from(HUES)).unwrap_or(0);
        let free = (0..IMPORTED_LOOKS)
            .map(|k| (start + k % HUES) % HUES + HUES * (k / HUES))
            .find(|&r| taken.get(usize::from(r)).is_some_and(|t| !t))
            .unwrap_or(start);
        if let Some(t) = taken.get_mut(usize::from(free)) {
            *t = true;
        }
        if let Some(slot) = roles.get_mut(i).and_then(|r| r.get_mut(g)) {
            *slot = free;
        }
    }
    roles
}

/// Curves of every cohort on `clock`, in load order. `given_alive_at` is
/// the landmark for the conditional view, in years on that clock.
pub(super) fn curves_on(
    cohorts: &[FittedCohort],
    clock: Clock,
    options: CurveOptions,
    given_alive_at: Option<f64>,
    ticks: &[f64],
) -> Placed {
    let mut placed = Placed::default();
    // Roles are given over every group of every cohort, so a curve keeps its
    // colour whichever panel it is on.
    let roles = imported_roles(cohorts);
    for (fitted, roles) in cohorts.iter().zip(&roles) {
        let c = &fitted.cohort;
        if c.origin != clock {
            continue;
        }
        let scale = c.unit.to_years();
        for (index, ((group, fit), &role)) in c.groups.iter().zip(&fitted.fits).zip(roles).enumerate() {
            let role = Role::Imported(role);
            let n = group.records.len();
            let (cohort, n) = (Arg::Text(c.label.clone()), Arg::Text(n.to_string()));
            let name = match group.name.as_deref() {
                Some(g) => l10n::en(
                    "curve-name-group",
                    &[("cohort", cohort), ("group", Arg::Text(g.to_owned())), ("n", n)],
                ),
                None => l10n::en("curve-name", &[("cohort", cohort), ("n", n)]),
            };
            let curve = step_curve(fit, PlotOptions { min_at_risk: options.min_at_risk });
            let cut_at = curve.cut.map(|cut| cut.time * scale);
            if let Some(cut) = curve.cut {
                placed.notes.push(l10n::paragraph(
                    Lang::En,
                    "curve-cut",
                    &[
                        ("name", Arg::Text(name.clone())),
                        ("at", Arg::Num(Quantity::cohort_data(cut.time * scale, Unit::Years, &c.label))),
                        (
                            "min",
                            Arg::Num(Quantity::cohort_data(
                                to_f64(options.min_at_risk),
                                Unit::Count,
                                &c.label,
                            )),
                        ),
                        (
                            "left",
                            Arg::Num(Quantity::cohort_data(to_f64(cut.remaining), Unit::Count, &c.label)),
                        ),
                    ],
                ));
            }
            let mut series = place(&name, role, &curve, scale);
            let landmark = given_alive_at.filter(|x| *x >= 0.0);
            if let Some(x) = landmark {
                condition_on(&mut series, fit, x / scale, scale);
                series.label = l10n::en(
                    "curve-given-alive",
                    &[("name", Arg::Text(name.clone())), ("when", Arg::Text(landmark_words(clock, x)))],
                );
            }
            // Each curve says its own reconstruction error, not its cohort's worst.
            let provenance = c.provenance.describe_group(index);
            let about = l10n::en(
                "curve-about",
                &[("provenance", Arg::Text(provenance.clone())), ("clock", Arg::Text(clock.label()))],
            );
            series.kind =
                SeriesKind::KaplanMeier { provenance, cut_at_years: cut_at, given_alive_at_years: landmark };
            series.id = SeriesId::Imported { cohort: c.label.clone(), group: group.name.clone() };
            series.hover = Hover::Curve { about, clock, risk: risk_at_points(fit, &series.points, scale) };
            placed.x_max = placed.x_max.max(series.points.last().map_or(0.0, |p| p[0]));
            placed.notes.push(median_note(&name, &c.label, fit, scale));
            placed.rows.push(RiskTableRow {
                series: series.id.clone(),
                label: name,
                role,
                cells: risk_row(fit, ticks, scale),
            });
            placed.series.push(series);
        }
        if fitted.fits.len() >= 2 {
            let fits: Vec<&KaplanMeier> = fitted.fits.iter().collect();
            if let Ok(test) = logrank_test(&fits) {
                placed.notes.push(l10n::paragraph(
                    Lang::En,
                    "curve-logrank",
                    &[
                        ("cohort", Arg::Text(c.label.clone())),
                        (
                            "groups",
                            Arg::Num(Quantity::cohort_data(to_f64(fits.len()), Unit::Count, &c.label)),
                        ),
                        ("chi", Arg::Text(format!("{:.2}", test.statistic))),
                        ("df", Arg::Text(test.degrees_of_freedom.to_string())),
                        ("p", Arg::Num(Quantity::cohort_data(round4(test.p_value), Unit::PValue, &c.label))),
                    ],
                ));
            }
        }
    }
    placed
}

fn landmark_words(clock: Clock, x: f64) -> String {
    let x = [("x", Arg::Text(format!("{x:.1}")))];
    match clock {
        Clock::Age => l10n::en("curve-landmark-age", &[]),
        Clock::SinceHsct => l10n::en("curve-landmark-since-hsct", &x),
        Clock::SinceDiagnosis => l10n::en("curve-landmark-since-diagnosis", &x),
    }
}

#[expect(clippy::cast_precision_loss, reason = "counts of patients are far below 2^52")]
fn to_f64(n: usize) -> f64 {
    n as f64
}

fn round4(p: f64) -> f64 {
    (p * 10_000.0).round() / 10_000.0
}

/// "Centre (n = 40): median survival 6.2 years (95 % CI 4.1 to 9.0)".
fn median_note(name: &str, cohort: &str, fit: &KaplanMeier, scale: f64) -> Paragraph {
    let m = fit.median();
    let years = |t: Option<f64>| {
        t.map_or_else(
            || Arg::Text(l10n::en("curve-not-reached", &[])),
            |t| Arg::Num(Quantity::cohort_data(round1(t * scale), Unit::Years, cohort)),
        )
    };
    let name = ("name", Arg::Text(name.to_owned()));
    match m.estimate {
        None => l10n::paragraph(Lang::En, "curve-median-not-reached", &[name]),
        Some(_) => l10n::paragraph(
            Lang::En,
            "curve-median",
            &[name, ("median", years(m.estimate)), ("low", years(m.lower)), ("high", years(m.upper))],
        ),
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn place(name: &str, role: Role, curve: &StepCurve, scale: f64) -> Series {
    let pct = |p: f64| p * 100.0;
    Series {
        id: SeriesId::Imported { cohort: String::new(), group: None },
        label: name.to_owned(),
        kind: SeriesKind::PublishedValues { kind: ValueKind::Exact, word: String::new() },
        role,
        source: None,
        points: curve.x.iter().zip(&curve.y).map(|(x, y)| [x * scale, pct(*y)]).collect(),
        band: Some(Band {
            lower: curve.lower.iter().copied().map(pct).collect(),
            upper: curve.upper.iter().copied().map(pct).collect(),
        }),
        censor_marks: curve.censor_marks.iter().map(|(t, s)| [t * scale, pct(*s)]).collect(),
        hover: Hover::PerPoint(Vec::new()),
        direct_labels: Vec::new(),
    }
}

/// Rescales a placed curve to S(t)/S(landmark) from the landmark on, with
/// the engine's conditional interval at each vertex.
fn condition_on(series: &mut Series, fit: &KaplanMeier, landmark: f64, scale: f64) {
    let s_land = fit.survival_at(landmark);
    if s_land <= 0.0 {
        return;
    }
    let x0 = landmark * scale;
    let mut points = vec![[x0, 100.0]];
    let (mut lower, mut upper) = (vec![100.0], vec![100.0]);
    let (mut lo, mut hi) = (1.0, 1.0);
    for &[x, y] in series.points.iter().filter(|p| p[0] >= x0) {
        // A step's upper corner shows the value just before the drop at x,
        // so it keeps the interval of the previous vertex.
        let t = x / scale;
        let after_drop = (y / 100.0 - fit.survival_at(t)).abs() < 1e-12;
        if after_drop && let Ok(c) = fit.conditional_survival(landmark, t) {
            (lo, hi) = (c.lower, c.upper);
        }
        points.push([x, y / s_land]);
        lower.push(lo * 100.0);
        upper.push(hi * 100.0);
    }
    series.censor_marks =
        series.censor_marks.iter().filter(|c| c[0] >= x0).map(|c| [c[0], c[1] / s_land]).collect();
    series.points = points;
    series.band = Some(Band { lower, upper });
}

/// Numbers at risk at each drawn vertex, by one walk over the event table.
fn risk_at_points(fit: &KaplanMeier, points: &[[f64; 2]], scale: f64) -> Vec<RiskRow> {
    let n = fit.at_risk().next().unwrap_or(0);
    let mut table = fit.times().iter().zip(fit.events()).zip(fit.censored()).peekable();
    let (mut d, mut c) = (0, 0);
    points
        .iter()
        .map(|p| {
            let t = p[0] / scale;
            while let Some(((_, events), censored)) = table.next_if(|((time, _), _)| **time <= t) {
                d += events;
                c += censored;
            }
            RiskRow { at_risk: n.saturating_sub(d + c), events: d, censored: c }
        })
        .collect()
}

fn risk_row(fit: &KaplanMeier, ticks: &[f64], scale: f64) -> Vec<Option<RiskRow>> {
    let last = fit.times().last().copied().unwrap_or(0.0);
    ticks
        .iter()
        .map(|x| {
            let t = x / scale;
            (t >= 0.0 && t <= last).then(|| fit.risk_at(t))
        })
        .collect()
}
