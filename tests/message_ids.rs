//! Every message the code asks for by name exists in English, the source
//! language: a mistyped id would otherwise show "[missing text: …]" to a
//! user, and only on the screen or page that uses it.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

use std::collections::BTreeSet;
use std::path::Path;

use xhim_aid::model::l10n::{self, Lang};

/// The string literals of a Rust source that are not egui ids or texture
/// names, in order (escapes left as they are; message ids have none).
fn literals(source: &str) -> Vec<&str> {
    const ID_MAKERS: [&str; 8] = [
        "Grid::new(",
        "id_salt(",
        "Panel::left(",
        "Panel::right(",
        "Panel::top(",
        "Panel::bottom(",
        "Id::new(",
        "load_texture(",
    ];
    all_literals(source)
        .into_iter()
        .filter(|(start, _)| {
            // The code before the opening quote, over any line break.
            let before = source[..start.saturating_sub(1)].trim_end();
            !ID_MAKERS.iter().any(|m| before.ends_with(m))
        })
        .map(|(_, l)| l)
        .collect()
}

/// Every string literal with the byte where its text starts.
fn all_literals(source: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            // A line comment: skip to its end.
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            // A char literal such as '"' is not the start of a string.
            b'\'' if bytes.get(i + 2) == Some(&b'\'') => i += 2,
            b'\'' if bytes.get(i + 1) == Some(&b'\\') && bytes.get(i + 3) == Some(&b'\'') => i += 3,
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if let Some(text) = source.get(start..i.min(source.len())) {
                    out.push((start, text));
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The first word of every English message id ("menu" of "menu-file").
fn namespaces() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales/en");
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && !id.starts_with([' ', '#', '.', '*', '['])
                && let Some((first, _)) = id.split_once('-')
            {
                out.insert(first.to_owned());
            }
        }
    }
    out
}

/// Ids that name data, not messages: cohorts, findings and family
/// statements in the asset files ("japan-2015", "condition-what").
fn data_ids() -> BTreeSet<String> {
    let mut files = Vec::new();
    ron_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("assets"), &mut files);
    let mut out = BTreeSet::new();
    for path in files {
        let text = std::fs::read_to_string(path).unwrap();
        out.extend(
            all_literals(&text)
                .into_iter()
                .map(|(_, l)| l)
                .filter(|l| looks_like_an_id(l))
                .map(str::to_owned),
        );
    }
    out
}

fn ron_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ron_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}

/// Literals shaped like message ids that are something else: widget ids,
/// a file name, a source's key, an evidence version in a test sample.
const NOT_MESSAGES: [&str; 5] =
    ["family-section", "at-risk-agreement", "family-handout", "family-statements", "age-at-hct"];

fn looks_like_an_id(s: &str) -> bool {
    !NOT_MESSAGES.contains(&s)
        && !s.starts_with("evidence-e")
        && !s.is_empty()
        && s.contains('-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn every_message_the_code_names_exists_in_english() {
    let namespaces = namespaces();
    let data = data_ids();
    assert!(namespaces.len() > 10, "{namespaces:?}");
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut missing = Vec::new();
    let mut checked = 0;
    for path in files
        .into_iter()
        .filter(|p| !p.ends_with("tests.rs") && !p.components().any(|c| c.as_os_str() == "tests"))
    {
        let source = std::fs::read_to_string(&path).unwrap();
        for literal in literals(&source) {
            let namespace = literal.split('-').next().unwrap_or_default();
            if looks_like_an_id(literal) && namespaces.contains(namespace) && !data.contains(literal) {
                checked += 1;
                if !l10n::has(Lang::En, literal) {
                    missing.push(format!("{}: {literal}", path.display()));
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} message ids found in the code");
    assert!(missing.is_empty(), "no English message for:\n{}", missing.join("\n"));
}
