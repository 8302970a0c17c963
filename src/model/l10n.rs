//! Translations: the family's words in English, Japanese or Spanish, from
//! Fluent message files (`assets/locales/{en,ja,es}/*.ftl`, compiled in).
//!
//! English is the source. A message missing from a translation falls back
//! to English, so a late addition shows in English rather than as a gap; a
//! test checks that every message exists in every shipped language. Plurals
//! follow each language's rules (Fluent selects by CLDR plural category),
//! and numbers are written the language's way (a decimal comma in Spanish).
//!
//! A message may hold numbers and citations that must stay what the
//! [`crate::model::text`] model says they are (a [`Quantity`] with its basis
//! and source): [`paragraph`] puts each one in as its own run, so a
//! translated sentence keeps every number's source and clock. `<b>…</b>`
//! marks emphasised words.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock, PoisonError};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

use super::text::{Basis, Paragraph, Quantity, Run, SourceRef, Unit, format};

/// A shipped language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the source.
    #[default]
    En,
    /// Japanese.
    Ja,
    /// Spanish.
    Es,
}

/// Who checked a translation: until a native-speaking clinician has, the
/// family pages and About say so.
pub const REVIEWED_BY: Option<&str> = None;

impl Lang {
    /// Every shipped language, English first.
    pub const ALL: [Self; 3] = [Self::En, Self::Ja, Self::Es];

    /// The language's tag: "en", "ja", "es".
    pub const fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Ja => "ja",
            Self::Es => "es",
        }
    }

    /// The language's name in itself, for the language menu.
    pub const fn name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Ja => "日本語",
            Self::Es => "Español",
        }
    }

    /// The shipped language that best serves a requested tag ("es-MX" is
    /// Spanish, `ja_JP` Japanese).
    ///
    /// # Errors
    /// [`UnknownLanguage`] when the tag is not a language tag or no shipped
    /// language matches it.
    pub fn negotiate(tag: &str) -> Result<Self, UnknownLanguage> {
        let unknown = || UnknownLanguage(tag.to_owned());
        let requested: LanguageIdentifier = tag.replace('_', "-").parse().map_err(|_| unknown())?;
        let available: Vec<LanguageIdentifier> =
            Self::ALL.iter().filter_map(|l| l.code().parse().ok()).collect();
        let chosen = fluent_langneg::negotiate_languages(
            &[requested],
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Filtering,
        );
        let code = chosen.first().map(|l| l.language.as_str().to_owned()).ok_or_else(unknown)?;
        Self::ALL.into_iter().find(|l| l.code() == code).ok_or_else(unknown)
    }
}

impl std::str::FromStr for Lang {
    type Err = UnknownLanguage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::negotiate(s)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language tag no shipped language serves.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown language “{0}”: the family pages are in en (English), ja (Japanese) and es (Spanish)")]
pub struct UnknownLanguage(pub String);

/// The message files of each language, in the order they are added.
const FILES: [(Lang, &[(&str, &str)]); 3] = [
    (
        Lang::En,
        &[
            ("family.ftl", include_str!("../../assets/locales/en/family.ftl")),
            ("handout.ftl", include_str!("../../assets/locales/en/handout.ftl")),
            ("menus.ftl", include_str!("../../assets/locales/en/menus.ftl")),
            ("messages.ftl", include_str!("../../assets/locales/en/messages.ftl")),
            ("status.ftl", include_str!("../../assets/locales/en/status.ftl")),
            ("evidence.ftl", include_str!("../../assets/locales/en/evidence.ftl")),
            ("summary.ftl", include_str!("../../assets/locales/en/summary.ftl")),
            ("report.ftl", include_str!("../../assets/locales/en/report.ftl")),
            ("window.ftl", include_str!("../../assets/locales/en/window.ftl")),
        ],
    ),
    (
        Lang::Ja,
        &[
            ("family.ftl", include_str!("../../assets/locales/ja/family.ftl")),
            ("handout.ftl", include_str!("../../assets/locales/ja/handout.ftl")),
            ("menus.ftl", include_str!("../../assets/locales/ja/menus.ftl")),
            ("messages.ftl", include_str!("../../assets/locales/ja/messages.ftl")),
            ("units.ftl", include_str!("../../assets/locales/ja/units.ftl")),
            ("statements.ftl", include_str!("../../assets/locales/ja/statements.ftl")),
        ],
    ),
    (
        Lang::Es,
        &[
            ("family.ftl", include_str!("../../assets/locales/es/family.ftl")),
            ("handout.ftl", include_str!("../../assets/locales/es/handout.ftl")),
            ("menus.ftl", include_str!("../../assets/locales/es/menus.ftl")),
            ("messages.ftl", include_str!("../../assets/locales/es/messages.ftl")),
            ("units.ftl", include_str!("../../assets/locales/es/units.ftl")),
            ("statements.ftl", include_str!("../../assets/locales/es/statements.ftl")),
        ],
    ),
];

/// English files the translations need not have: the clinician's view (its
/// status line, evidence cards, panels, summary and report) is in English,
/// the language its clinical wording was checked in, until a translation is
/// reviewed by a native-speaking clinician. Its words still come from message
/// files, so a translation is a new file, not a change of code. The family
/// pages, menus and messages are translated.
pub const ENGLISH_ONLY: [&str; 5] = ["status.ftl", "evidence.ftl", "summary.ftl", "report.ftl", "window.ftl"];

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language, built once. A file that does not parse keeps
/// the messages it could read (the tests fail on any error).
fn bundles() -> &'static [(Lang, Bundle)] {
    static BUNDLES: OnceLock<Vec<(Lang, Bundle)>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        FILES
            .iter()
            .map(|(lang, files)| {
                let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
                let mut bundle = Bundle::new_concurrent(vec![id]);
                // No Unicode isolation marks around placeables: the fonts
                // have no glyph for them and the text is never mixed-direction.
                bundle.set_use_isolating(false);
                for (_, source) in *files {
                    let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
                    // A duplicate keeps the first; the tests forbid them.
                    let _ = bundle.add_resource(resource);
                }
                (*lang, bundle)
            })
            .collect()
    })
}

fn bundle(lang: Lang) -> Option<&'static Bundle> {
    bundles().iter().find(|(l, _)| *l == lang).map(|(_, b)| b)
}

/// Whether `lang`'s own files have the message (no fallback).
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).is_some_and(|b| b.has_message(id))
}

/// An argument of a message.
#[derive(Clone, Debug)]
pub enum Arg {
    /// Words put in as they are.
    Text(String),
    /// A whole number that also selects a plural form; written as digits.
    Count(i64),
    /// A number with its basis: its own run in a [`paragraph`], written in
    /// the language's way in a string.
    Num(Quantity),
    /// A citation: its own run in a [`paragraph`].
    Cite(SourceRef),
}

/// Marks where a run goes in a formatted message: private-use characters
/// no message contains.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The message in `lang` (English if it lacks one) as a string; numbers
/// and citations are written out.
pub fn text(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    format_message(lang, id, args, false)
}

/// The clinician's words (an [`ENGLISH_ONLY`] message) as a string.
pub fn en(id: &str, args: &[(&str, Arg)]) -> String {
    text(Lang::En, id, args)
}

/// The message in `lang` with every argument words already written: file
/// names, the system's errors, numbers as the clinical formatter wrote them
/// (never formatted by the message file).
pub fn text_words<S: AsRef<str>>(lang: Lang, id: &str, args: &[(&str, S)]) -> String {
    let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, Arg::Text(v.as_ref().to_owned()))).collect();
    text(lang, id, &args)
}

/// [`text_words`] in the clinician's English.
pub fn en_words<S: AsRef<str>>(id: &str, args: &[(&str, S)]) -> String {
    text_words(Lang::En, id, args)
}

/// An English message without arguments, read once and kept for the life
/// of the program: labels that the patient file's record and the family
/// pages compare and keep as text borrow it.
pub fn en_kept(id: &'static str) -> &'static str {
    static KEPT: OnceLock<Mutex<HashMap<&'static str, &'static str>>> = OnceLock::new();
    let mut kept = KEPT.get_or_init(Mutex::default).lock().unwrap_or_else(PoisonError::into_inner);
    kept.entry(id).or_insert_with(|| Box::leak(en(id, &[]).into_boxed_str()))
}

/// The message in `lang` (English if it lacks one) as a paragraph: numbers
/// and citations stay their own runs, `<b>…</b>` becomes emphasis.
pub fn paragraph(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Paragraph {
    let formatted = format_message(lang, id, args, true);
    let mut p = Paragraph::new();
    let mut strong = false;
    for (i, part) in formatted.split(OPEN).enumerate() {
        let rest = if i == 0 {
            part
        } else {
            let Some((index, rest)) = part.split_once(CLOSE) else { continue };
            match index.parse::<usize>().ok().and_then(|k| args.get(k)) {
                Some((_, Arg::Num(q))) => p = p.num(q.clone()),
                Some((_, Arg::Cite(s))) => p = p.cite(s.clone()),
                _ => {}
            }
            rest
        };
        for (j, words) in rest.split("<b>").enumerate() {
            if j > 0 {
                strong = true;
            }
            for (k, piece) in words.split("</b>").enumerate() {
                if k > 0 {
                    strong = false;
                }
                if !piece.is_empty() {
                    p = if strong { p.strong(piece) } else { p.text(piece) };
                }
            }
        }
    }
    p
}

fn format_message(lang: Lang, id: &str, args: &[(&str, Arg)], runs: bool) -> String {
    let found = [lang, Lang::En]
        .into_iter()
        .filter_map(bundle)
        .find_map(|b| b.get_message(id).and_then(|m| m.value()).map(|pattern| (b, pattern)));
    let Some((bundle, pattern)) = found else { return format!("[missing text: {id}]") };
    let mut fluent = FluentArgs::new();
    for (k, (name, arg)) in args.iter().enumerate() {
        let value = match arg {
            Arg::Text(t) => FluentValue::from(t.clone()),
            Arg::Count(n) => FluentValue::from(*n),
            Arg::Num(_) | Arg::Cite(_) if runs => FluentValue::from(format!("{OPEN}{k}{CLOSE}")),
            Arg::Num(q) => FluentValue::from(quantity(q, lang)),
            Arg::Cite(s) => FluentValue::from(format!("({})", s.label)),
        };
        fluent.set(*name, value);
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fluent), &mut errors).into_owned()
}

/// A number as text in `lang`; a calculated number says what it was
/// calculated from. English is [`format::quantity`], the clinician's words.
pub fn quantity(q: &Quantity, lang: Lang) -> String {
    if lang == Lang::En {
        return format::quantity(q);
    }
    let shown = decimal(q.value, lang);
    let value = match q.unit {
        Unit::Percent => text(lang, "unit-percent", &[("shown", Arg::Text(shown))]),
        Unit::Years => text(lang, "unit-years", &[("n", plural_of(q.value)), ("shown", Arg::Text(shown))]),
        Unit::Months => months(round(q.value), lang),
        Unit::Count | Unit::CalendarYear => decimal(q.value.round(), lang),
        Unit::HazardRatio => text(lang, "unit-hazard-ratio", &[("shown", Arg::Text(shown))]),
        Unit::PValue => format!("P = {}", format::p_value(q.value)),
    };
    let value = if q.approximate { text(lang, "unit-about", &[("value", Arg::Text(value))]) } else { value };
    match &q.basis {
        Basis::Calculated { how, .. } => {
            text(lang, "unit-calculated", &[("value", Arg::Text(value)), ("how", Arg::Text(how.clone()))])
        }
        _ => value,
    }
}

/// A run as plain text in `lang`.
pub fn run(r: &Run, lang: Lang) -> String {
    match r {
        Run::Number(q) => quantity(q, lang),
        other => format::run(other),
    }
}

/// A paragraph as plain text in `lang`.
pub fn plain(p: &Paragraph, lang: Lang) -> String {
    p.0.iter().map(|r| run(r, lang)).collect()
}

/// A whole number of months as years and months.
fn months(total: i64, lang: Lang) -> String {
    let (years, months) = (total / 12, total % 12);
    let y = || text(lang, "unit-whole-years", &[("n", Arg::Count(years))]);
    let m = || text(lang, "unit-months", &[("n", Arg::Count(months))]);
    match (years, months) {
        (0, _) => m(),
        (_, 0) => y(),
        _ => text(lang, "unit-years-months", &[("years", Arg::Text(y())), ("months", Arg::Text(m()))]),
    }
}

/// The plural selector for a decimal: a whole number selects by its value,
/// any other by "other" (1.5 años).
fn plural_of(x: f64) -> Arg {
    if x.fract() == 0.0 { Arg::Count(round(x)) } else { Arg::Text(String::new()) }
}

fn round(x: f64) -> i64 {
    #[expect(clippy::cast_possible_truncation, reason = "counts, ages and percentages are small")]
    let n = x.round() as i64;
    n
}

/// A number without trailing zeros, with the language's decimal mark.
fn decimal(x: f64, lang: Lang) -> String {
    let s = format::trim_number(x);
    if lang == Lang::Es { s.replace('.', ",") } else { s }
}

#[cfg(test)]
mod tests;
