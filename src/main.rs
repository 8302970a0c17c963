//! Command line, then the window. Everything else lives in the library.

use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use xhim_aid::app::{ScreenshotRequest, StartOptions};
use xhim_aid::cli::{self, EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, Invocation};

fn main() -> ExitCode {
    let invocation = match cli::parse(std::env::args_os().skip(1)) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("xhim-aid: {e}\n\n{}", cli::USAGE);
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match invocation {
        Invocation::Help => {
            println!("{}", cli::USAGE);
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
        Invocation::Gui { patient } => run_window(&StartOptions { open: patient, screenshot: None }),
        Invocation::Screenshot { out, patient } => {
            let outcome = Arc::new(Mutex::new(None));
            let request = ScreenshotRequest { out, outcome: Arc::clone(&outcome) };
            let code = run_window(&StartOptions { open: patient, screenshot: Some(request) });
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

fn native_options(renderer: eframe::Renderer) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("xhim-aid")
            .with_app_id(xhim_aid::APP_ID)
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([900.0, 600.0]),
        renderer,
        ..Default::default()
    }
}

/// Starts the window with wgpu, and again with glow if wgpu cannot start
/// (no Vulkan or GL driver for it): eframe does not fall back by itself.
fn run_window(options: &StartOptions) -> ExitCode {
    let start = |renderer| {
        let options = options.clone();
        eframe::run_native(
            xhim_aid::APP_ID,
            native_options(renderer),
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
