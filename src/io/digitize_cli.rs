//! `xhim-aid cohort digitize`: the digitizer without a window. Traces one
//! curve by colour on a figure image, reconstructs it with the published
//! numbers at risk, and writes a cohort file only when every step worked.

use crate::cli::CohortDigitize;
use crate::io::{cohort_file, figure_image, file_name};
use crate::model::cohort::{ImportedCohort, Publication};
use crate::model::digitize::{
    Calibration, CurveInput, FigureInfo, Rgb, SurvivalScale, TraceOptions, cohort_from_curves,
    reconstruct_curve, trace,
};
use crate::model::survival::parse_at_risk_csv;

/// How far past the traced end (in pixels) the at-risk table may reach: the
/// trace ends at the last pixel of the line.
pub const END_SLACK_PX: f64 = 2.0;

/// Runs the command; `Ok` holds the lines to print.
///
/// # Errors
/// One message naming what is wrong; nothing has been written.
pub fn run(args: &CohortDigitize) -> Result<String, String> {
    let origin = args.output.origin.ok_or("--origin is required: age, hsct or diagnosis")?;
    let colour = Rgb::parse(&args.trace).map_err(|e| format!("--trace: {e}"))?;
    let scale = SurvivalScale::of_values(&args.y_axis.map(|p| p.value));
    let calibration = Calibration::new(args.x_axis, args.y_axis, scale).map_err(|e| e.to_string())?;
    let raster = figure_image::load(&args.figure).map_err(|e| e.to_string())?;
    let mut options = TraceOptions::new(colour);
    if let Some(tolerance) = args.tolerance {
        options.tolerance = tolerance;
    }
    let image_file = file_name(&args.figure);
    let traced = trace(&raster, &calibration, &options).map_err(|e| format!("{image_file}: {e}"))?;
    let risk_file = file_name(&args.at_risk);
    let risk_text =
        std::fs::read_to_string(&args.at_risk).map_err(|e| format!("{risk_file}: cannot be read: {e}"))?;
    let at_risk = parse_at_risk_csv(&risk_text).map_err(|e| format!("{risk_file}: {e}"))?;
    let output = &args.output;
    let label = output.label.clone().unwrap_or_else(|| {
        args.figure.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned())
    });
    let input = CurveInput { name: None, points: traced.points, at_risk, total_events: args.events };
    let curve = reconstruct_curve(&input, END_SLACK_PX * calibration.time.value_per_pixel())
        .map_err(|e| format!("{image_file}: {e}"))?;
    let publication = args.citation.as_ref().map(|citation| Publication {
        citation: citation.trim().to_owned(),
        doi: None,
        pmid: None,
        figure: args.panel.clone(),
        population: None,
    });
    let info = FigureInfo { label, origin, unit: output.unit, image_file, publication, added: None };
    let cohort = cohort_from_curves(info, vec![curve]).map_err(|e| e.to_string())?;
    cohort_file::save(&output.out, &cohort).map_err(|e| e.to_string())?;
    Ok(summary(&output.out, &cohort))
}

fn summary(out: &std::path::Path, cohort: &ImportedCohort) -> String {
    let mut lines =
        vec![format!("{}: cohort “{}”, {} records", out.display(), cohort.label, cohort.record_count())];
    for r in &cohort.provenance.reconstructions {
        lines.push(format!(
            "reconstruction RMSE {:.4}, max error {:.4}; {} traced points; {} events",
            r.report.rmse,
            r.report.max_abs_error,
            r.points.len(),
            r.report.events
        ));
        for a in &r.report.at_risk {
            lines.push(format!(
                "  at risk at {}: published {}, reconstructed {}",
                a.time, a.published, a.reconstructed
            ));
        }
    }
    lines.join("\n")
}
