//! The fonts compiled into the program, shared by the window and the PDFs so
//! both show the same letters on every machine, whatever fonts the system has.
//!
//! Ubuntu Light (the text face egui ships) sets Latin, Greek and Cyrillic.
//! Subsets of Noto fonts follow it as fallbacks, so a family's own words in
//! Japanese, Chinese, Korean, Arabic or Hebrew show as their letters instead
//! of boxes or question marks: what each covers is in
//! `assets/fonts/make-subsets.py`, which made them, and their licence (SIL
//! Open Font License 1.1) is `assets/fonts/OFL.txt`.
//!
//! Coverage, plainly: Japanese (kana and the 6,355 kanji of JIS X 0208
//! levels 1 and 2); Korean for the 2,350 common Hangul syllables of KS X
//! 1001; Chinese for the 6,763 simplified characters of GB 2312 and the
//! traditional ones Japanese shares, in Japanese glyph forms (rarer
//! traditional characters show as a box); Arabic and Hebrew as their
//! letters. Both the window and the PDFs set Arabic and Hebrew as they are
//! written, right to left with Arabic letters joined: egui shapes the
//! window's text itself, and the PDF writer shapes right-to-left runs with
//! the same shaper and these fonts' own layout tables (see
//! `io::report::pdf`).

/// One embedded font.
#[derive(Clone, Copy, Debug)]
pub struct EmbeddedFont {
    /// Its name: egui's key for it and the PDF's base font name.
    pub name: &'static str,
    /// The TrueType file.
    pub bytes: &'static [u8],
}

/// The main text face (the same bytes egui's default fonts use).
pub const TEXT: EmbeddedFont =
    EmbeddedFont { name: "Ubuntu-Light", bytes: epaint_default_fonts::UBUNTU_LIGHT };

/// The fallbacks, in the order a missing letter is looked for.
pub const FALLBACKS: [EmbeddedFont; 3] = [
    EmbeddedFont {
        name: "NotoSansCJKjp-Subset",
        bytes: include_bytes!("../assets/fonts/NotoSansCJKjp-Subset.ttf"),
    },
    EmbeddedFont {
        name: "NotoSansArabic-Subset",
        bytes: include_bytes!("../assets/fonts/NotoSansArabic-Subset.ttf"),
    },
    EmbeddedFont {
        name: "NotoSansHebrew-Subset",
        bytes: include_bytes!("../assets/fonts/NotoSansHebrew-Subset.ttf"),
    },
];
