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
//! 5,401 common traditional ones of Big5 level 1, in Japanese glyph forms
//! (rarer traditional characters, Big5 level 2 and the CJK extensions,
//! show as a box); Arabic and Hebrew as their letters. Both the window and
//! the PDFs set Arabic and Hebrew as they are written, right to left with
//! Arabic letters joined: egui shapes the window's text itself, and the PDF
//! writer shapes right-to-left runs with the same shaper and these fonts'
//! own layout tables (see `io::report::pdf`).

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

#[cfg(test)]
mod tests {
    use skrifa::{FontRef, MetadataProvider as _};

    use super::*;

    /// Whether one of the fonts has a glyph for every letter of `text`.
    fn covered(text: &str) -> Result<(), char> {
        let fonts: Vec<FontRef<'_>> =
            std::iter::once(TEXT).chain(FALLBACKS).filter_map(|f| FontRef::new(f.bytes).ok()).collect();
        assert_eq!(fonts.len(), 1 + FALLBACKS.len(), "every embedded font parses");
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            if !fonts.iter().any(|f| f.charmap().map(c).is_some()) {
                return Err(c);
            }
        }
        Ok(())
    }

    /// A family's or a clinician's words in each script the fonts promise:
    /// Japanese, simplified and traditional Chinese (a Taipei or Hong Kong
    /// family's question), Korean, Arabic and Hebrew.
    #[test]
    fn every_promised_script_has_its_letters() {
        for text in [
            "移植のあと、学校には いつから 行けますか？",
            "医生说这个孩子需要移植吗？",
            "醫師說這個孩子需要移植嗎？我們應該怎麼準備？",
            "移植後多久可以回學校？請問醫院的費用與保險。",
            "이식 후에 언제 학교에 갈 수 있나요?",
            "ملاحظة الطبيب",
            "הערה של הרופא",
        ] {
            assert_eq!(covered(text), Ok(()), "{text}");
        }
        // What is left out, plainly: a rare character of Big5 level 2.
        assert_eq!(covered("䶵"), Err('䶵'));
    }
}
