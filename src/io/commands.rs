//! The subcommands that run without a window, as the command line parsed
//! them ([`Task`]): each prints what it did and exits 0, or prints one
//! message naming the file and the problem and exits 1, having written
//! nothing.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory as _;

use crate::cli::{Cli, CohortBuild, CohortTask, EXIT_BAD_INPUT, EXIT_OK, Report, Task};
use crate::io::{cohort_file, digitize_cli, file_name, patient_file, text};
use crate::model::clock::Clock;

/// Runs a subcommand; what it prints goes to stdout, its error to stderr.
pub fn run(task: Task) -> ExitCode {
    match task {
        Task::Validate { files } => {
            let (lines, all_valid) = patient_file::validate_paths(&files);
            for line in lines {
                println!("{line}");
            }
            ExitCode::from(if all_valid { EXIT_OK } else { EXIT_BAD_INPUT })
        }
        Task::Report(args) => finish(report(&args)),
        Task::Summary { patient, cohorts } => {
            finish(text::summary_of_file(&patient, &cohorts, text::SUMMARY_WIDTH))
        }
        Task::Cohort(CohortTask::Build(build)) => finish(cohort_build(&build).map(|m| m + "\n")),
        Task::Cohort(CohortTask::Digitize(args)) => finish(digitize_cli::run(&args).map(|m| m + "\n")),
        Task::GenerateAssets { dir } => finish(generate_assets(&dir)),
    }
}

/// The site configuration (system file, then the user's); what cannot be
/// read is said on stderr and left out.
pub fn site_config() -> crate::io::config::Config {
    let (config, problems) = crate::io::config::Config::load();
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

fn report(args: &Report) -> Result<String, String> {
    use crate::io::report::{HandoutOptions, ReportOptions, ReportSource, write_handout, write_report};
    let Report { patient, out, include_note, family, icons, lang } = args;
    let doc = match patient_file::load(patient) {
        Ok(loaded) => loaded.document,
        Err(e) => return Err(format!("could not open {e}")),
    };
    let evidence = crate::model::evidence::Evidence::embedded().map_err(|e| e.to_string())?;
    if *family {
        // The answers kept in the file, if the counselor chose to keep them.
        let answers = doc.patient.discussion.clone().unwrap_or_default();
        let config = site_config();
        let options = HandoutOptions {
            icon_style: *icons,
            generated_at: None,
            clinic_name: config.clinic_name,
            lang: *lang,
            centre_contact: config.family_contact,
        };
        write_handout(out, &evidence, &doc, &answers, &options).map_err(|e| e.to_string())?;
        return Ok(format!("{}: family handout written\n", out.display()));
    }
    let options = ReportOptions {
        include_note: *include_note,
        icon_style: *icons,
        generated_at: None,
        clinic_name: site_config().clinic_name,
    };
    let source = ReportSource {
        evidence: &evidence,
        cohorts: &[],
        document: &doc,
        curves: crate::model::figure::CurveOptions::default(),
    };
    write_report(out, &source, &options).map_err(|e| e.to_string())?;
    Ok(format!("{}: report written\n", out.display()))
}

/// Reads the inputs, builds the cohort in memory and only then writes it,
/// so a bad input never leaves a file behind.
fn cohort_build(build: &CohortBuild) -> Result<String, String> {
    let read =
        |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: cannot be read: {e}", p.display()));
    let stem = |p: &Path| p.file_stem().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let output = &build.output;
    let cohort = match build {
        CohortBuild { records: Some(file), time: Some(time), event: Some(event), group, .. } => {
            let label = output.label.clone().unwrap_or_else(|| stem(file));
            cohort_file::from_records(
                &read(file)?,
                &file_name(file),
                (time, event, group.as_deref()),
                &label,
                output.origin.unwrap_or(Clock::Age),
                output.unit,
            )
        }
        CohortBuild { records: None, digitized: Some(curve), at_risk: Some(at_risk), events, .. } => {
            let label = output.label.clone().unwrap_or_else(|| stem(curve));
            let (curve_text, risk_text) = (read(curve)?, read(at_risk)?);
            let input = cohort_file::DigitizedInput {
                curve: (&file_name(curve), &curve_text),
                at_risk: (&file_name(at_risk), &risk_text),
                total_events: *events,
            };
            let origin =
                output.origin.ok_or("--origin is required with --digitized: age, hsct or diagnosis")?;
            cohort_file::from_digitized(input, &label, origin, output.unit)
        }
        // The command line rules these out; a caller building the struct
        // by hand gets the same words.
        _ => {
            return Err("cohort build needs either --records FILE.csv --time COL --event COL, \
                        or --digitized CURVE.csv --at-risk AT_RISK.csv"
                .to_owned());
        }
    }
    .map_err(|e| e.to_string())?;
    cohort_file::save(&output.out, &cohort).map_err(|e| e.to_string())?;
    let records: usize = cohort.groups.iter().map(|g| g.records.len()).sum();
    let mut message = format!(
        "{}: cohort “{}”, {} group(s), {records} records",
        output.out.display(),
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

/// The shells whose completions the package installs.
const SHELLS: [clap_complete::Shell; 3] =
    [clap_complete::Shell::Bash, clap_complete::Shell::Zsh, clap_complete::Shell::Fish];

/// Writes `DIR/man/*.1` (the program's page and one per subcommand, as git
/// has them) and `DIR/completions/` (`xhim-aid.bash`, `_xhim-aid`,
/// `xhim-aid.fish`) from the same definition that parses the command line,
/// so a package never ships help that disagrees with the program.
///
/// # Errors
/// The folder or file that could not be written, and why.
pub fn generate_assets(dir: &Path) -> Result<String, String> {
    let folder = |name: &str| -> Result<PathBuf, String> {
        let path = dir.join(name);
        std::fs::create_dir_all(&path).map_err(|e| format!("{}: cannot be created: {e}", path.display()))?;
        Ok(path)
    };
    let (man, completions) = (folder("man")?, folder("completions")?);
    let cannot_write = |e: std::io::Error| format!("{}: cannot be written: {e}", dir.display());
    clap_mangen::generate_to(Cli::command(), &man).map_err(cannot_write)?;
    let mut written = Vec::new();
    for shell in SHELLS {
        let mut cmd = Cli::command();
        let path =
            clap_complete::generate_to(shell, &mut cmd, "xhim-aid", &completions).map_err(cannot_write)?;
        written.push(path.display().to_string());
    }
    Ok(format!("{}: man pages\n{}\n", man.display(), written.join("\n")))
}
