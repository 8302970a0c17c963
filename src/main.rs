//! Command line, then the window. Everything else lives in the library.

use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use xhim_aid::app::{ScreenshotRequest, StartOptions};
use xhim_aid::cli::{self, EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, Invocation};

/// The environment variable that sets what the app logs to stderr
/// (`error`, `warn`, `info`, `debug`, `trace`, or `env_logger` filters such
/// as `xhim_aid=debug`); by default the app's warnings and every error. Messages name files
/// and problems, never patient details, so a log can be sent to support.
const LOG_VARIABLE: &str = "XHIM_AID_LOG";

fn main() -> ExitCode {
    xhim_aid::io::data_dir::private_by_default();
    // By default the app's own warnings, and only errors from the libraries
    // under it (the graphics stack warns about every driver it probes).
    env_logger::Builder::new()
        .filter_level(log::LevelFilter::Error)
        .filter_module("xhim_aid", log::LevelFilter::Warn)
        .parse_env(env_logger::Env::new().filter(LOG_VARIABLE))
        .init();
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let invocation = match cli::parse(args.clone()) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("xhim-aid: {e}\n\n{}", cli::usage_for(&args));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match invocation {
        Invocation::Help(usage) => {
            println!("{usage}");
            ExitCode::from(EXIT_OK)
        }
        Invocation::Version => {
            println!("xhim-aid {}", env!("CARGO_PKG_VERSION"));
            ExitCode::from(EXIT_OK)
        }
        Invocation::Validate { files } => {
            let (lines, all_valid) = xhim_aid::io::patient_file::validate_paths(&files);
            for line in lines {
                println!("{line}");
            }
            ExitCode::from(if all_valid { EXIT_OK } else { EXIT_BAD_INPUT })
        }
        Invocation::Report { patient, out, include_note, abstract_icons, family } => {
            finish(report(&patient, &out, include_note, abstract_icons, family).map(|()| {
                format!("{}: {} written\n", out.display(), if family { "family handout" } else { "report" })
            }))
        }
        Invocation::Summary { patient, cohorts } => {
            finish(xhim_aid::io::text::summary_of_file(&patient, &cohorts, xhim_aid::io::text::SUMMARY_WIDTH))
        }
        Invocation::CohortBuild(build) => finish(cohort_build(&build).map(|m| m + "\n")),
        Invocation::CohortDigitize(args) => finish(xhim_aid::io::digitize_cli::run(&args).map(|m| m + "\n")),
        Invocation::Gui { patient, cohorts, display, data_dir } => {
            let config = site_config();
            let data_dir =
                data_dir.or_else(|| config.data_dir.clone()).or_else(xhim_aid::io::data_dir::platform);
            // Logout, shutdown and Ctrl+C keep a recovery copy and release
            // the lock; without the handlers the app runs as before.
            let termination = xhim_aid::io::signals::Termination::watch()
                .map_err(|e| eprintln!("xhim-aid: termination signals will not be caught: {e}"))
                .ok();
            xhim_aid::io::data_dir::guard_preferences();
            let options = StartOptions {
                open: patient,
                cohorts,
                display,
                data_dir,
                lock_files: true,
                termination: termination.clone(),
                config,
                ..StartOptions::default()
            };
            let code = run_window(&options);
            match termination.map(|t| t.received()).filter(|s| *s != 0) {
                // The status the signal would have given.
                Some(signal) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(EXIT_BAD_INPUT)),
                None => code,
            }
        }
        Invocation::Screenshot { out, patient, cohorts, display, data_dir } => {
            let outcome = Arc::new(Mutex::new(None));
            let request = ScreenshotRequest { out, outcome: Arc::clone(&outcome) };
            let screenshot = Some(request);
            let options = StartOptions {
                open: patient,
                cohorts,
                display,
                screenshot,
                data_dir,
                ..StartOptions::default()
            };
            let code = run_window(&options);
            match outcome.lock().ok().and_then(|mut o| o.take()) {
                Some(Ok(())) => code,
                Some(Err(e)) => {
                    eprintln!("xhim-aid: {e}");
                    ExitCode::from(EXIT_BAD_INPUT)
                }
                None => {
                    eprintln!("xhim-aid: the window closed before the screenshot was taken");
                    ExitCode::from(EXIT_BAD_INPUT)
                }
            }
        }
    }
}

/// The site configuration (system file, then the user's); what cannot be
/// read is said on stderr and left out.
fn site_config() -> xhim_aid::io::config::Config {
    let (config, problems) = xhim_aid::io::config::Config::load();
    for problem in problems {
        eprintln!("xhim-aid: {problem}");
    }
    config
}

/// Prints a subcommand's output and exits 0, or its error and exits 1.
fn finish(result: Result<String, String>) -> ExitCode {
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::from(EXIT_OK)
        }
        Err(e) => {
            eprintln!("xhim-aid: {e}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

fn report(
    patient: &std::path::Path,
    out: &std::path::Path,
    include_note: bool,
    abstract_icons: bool,
    family: bool,
) -> Result<(), String> {
    use xhim_aid::io::report::{HandoutOptions, ReportOptions, ReportSource, write_handout, write_report};
    use xhim_aid::model::family::IconStyle;
    let doc = match xhim_aid::io::patient_file::load(patient) {
        Ok(loaded) => loaded.document,
        Err(e) => return Err(format!("could not open {e}")),
    };
    let evidence = xhim_aid::model::evidence::Evidence::embedded().map_err(|e| e.to_string())?;
    let icon_style = if abstract_icons { IconStyle::Abstract } else { IconStyle::Person };
    if family {
        // The answers kept in the file, if the counselor chose to keep them.
        let answers = doc.patient.discussion.clone().unwrap_or_default();
        let options =
            HandoutOptions { icon_style, generated_at: None, clinic_name: site_config().clinic_name };
        return write_handout(out, &evidence, &doc, &answers, &options).map_err(|e| e.to_string());
    }
    let options = ReportOptions {
        include_note,
        icon_style,
        generated_at: None,
        clinic_name: site_config().clinic_name,
    };
    let source = ReportSource {
        evidence: &evidence,
        cohorts: &[],
        document: &doc,
        curves: xhim_aid::model::figure::CurveOptions::default(),
    };
    write_report(out, &source, &options).map_err(|e| e.to_string())
}

/// Reads the inputs, builds the cohort in memory and only then writes it,
/// so a bad input never leaves a file behind.
fn cohort_build(build: &cli::CohortBuild) -> Result<String, String> {
    use xhim_aid::io::cohort_file::{self, DigitizedInput};
    let read = |p: &std::path::Path| {
        std::fs::read_to_string(p).map_err(|e| format!("{}: cannot be read: {e}", p.display()))
    };
    let name = xhim_aid::io::file_name;
    let stem =
        |p: &std::path::Path| p.file_stem().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let cohort = match &build.source {
        cli::CohortSource::Records { file, time, event, group } => {
            let label = build.label.clone().unwrap_or_else(|| stem(file));
            cohort_file::from_records(
                &read(file)?,
                &name(file),
                (time, event, group.as_deref()),
                &label,
                build.origin,
                build.unit,
            )
        }
        cli::CohortSource::Digitized { curve, at_risk, events } => {
            let label = build.label.clone().unwrap_or_else(|| stem(curve));
            let (curve_text, risk_text) = (read(curve)?, read(at_risk)?);
            let input = DigitizedInput {
                curve: (&name(curve), &curve_text),
                at_risk: (&name(at_risk), &risk_text),
                total_events: *events,
            };
            cohort_file::from_digitized(input, &label, build.origin, build.unit)
        }
    }
    .map_err(|e| e.to_string())?;
    cohort_file::save(&build.out, &cohort).map_err(|e| e.to_string())?;
    let records: usize = cohort.groups.iter().map(|g| g.records.len()).sum();
    let mut message = format!(
        "{}: cohort “{}”, {} group(s), {records} records",
        build.out.display(),
        cohort.label,
        cohort.groups.len()
    );
    if let Some(report) = cohort.provenance.reconstructions.first().map(|r| &r.report) {
        message.push_str(&format!(
            "; reconstruction RMSE {:.4}, max error {:.4}",
            report.rmse, report.max_abs_error
        ));
        for a in &report.at_risk {
            message.push_str(&format!(
                "\n  at risk at {}: published {}, reconstructed {}",
                a.time, a.published, a.reconstructed
            ));
        }
    }
    Ok(message)
}

/// A screenshot run neither reads nor writes the remembered window geometry,
/// so smoke tests are repeatable and leave a user's setup alone.
fn native_options(renderer: eframe::Renderer, screenshot: bool) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("xhim-aid")
        .with_app_id(xhim_aid::APP_ID)
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([900.0, 600.0]);
    if let Some(icon) = xhim_aid::ui::icon::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    eframe::NativeOptions { persist_window: !screenshot, viewport, renderer, ..Default::default() }
}

/// Starts the window with wgpu, and again with glow if wgpu cannot start
/// (no Vulkan or GL driver for it): eframe does not fall back by itself.
fn run_window(options: &StartOptions) -> ExitCode {
    let start = |renderer| {
        let options = options.clone();
        eframe::run_native(
            xhim_aid::APP_ID,
            native_options(renderer, options.screenshot.is_some()),
            Box::new(move |cc| Ok(Box::new(xhim_aid::App::new(cc, options)))),
        )
    };
    match start(eframe::Renderer::Wgpu) {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(wgpu_error) => {
            eprintln!("xhim-aid: wgpu renderer unavailable ({wgpu_error}); trying the OpenGL renderer");
            match start(eframe::Renderer::Glow) {
                Ok(()) => ExitCode::from(EXIT_OK),
                Err(e) => {
                    eprintln!("xhim-aid: could not open a window: {e}");
                    ExitCode::from(EXIT_BAD_INPUT)
                }
            }
        }
    }
}
