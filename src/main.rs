//! Command line, then the window. Everything else lives in the library.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use xhim_aid::app::{ScreenshotRequest, StartOptions};
use xhim_aid::cli::{self, EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, Window};

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
    match cli::parse(std::env::args_os()) {
        Ok(cli::Cli { task: Some(task), .. }) => xhim_aid::io::commands::run(task),
        Ok(cli::Cli { task: None, mut window }) => match window.screenshot.take() {
            Some(out) => screenshot(out, window),
            None => open(window),
        },
        // Help and --version arrive here too, for stdout and exit 0.
        Err(e) => {
            // Nothing more can be said if stderr or stdout is gone.
            e.print().ok();
            ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { EXIT_OK })
        }
    }
}

/// The window, until the user closes it or a termination signal arrives.
fn open(window: Window) -> ExitCode {
    let Window { patient, cohorts, display, data_dir, screenshot: _ } = window;
    let config = xhim_aid::io::commands::site_config();
    let data_dir = data_dir.or_else(|| config.data_dir.clone()).or_else(xhim_aid::io::data_dir::platform);
    // Logout, shutdown and Ctrl+C keep a recovery copy and release the
    // lock; without the handlers the app runs as before.
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

/// The window rendered once to a PNG at `out`: exit 1, with the reason, if a file
/// given fails to open or the picture is not written.
fn screenshot(out: PathBuf, window: Window) -> ExitCode {
    let Window { patient, cohorts, display, data_dir, screenshot: _ } = window;
    let outcome = Arc::new(Mutex::new(None));
    let request = ScreenshotRequest { out, outcome: Arc::clone(&outcome) };
    let options = StartOptions {
        open: patient,
        cohorts,
        display,
        screenshot: Some(request),
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
