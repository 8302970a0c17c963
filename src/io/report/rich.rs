//! The one paragraph layouter of the report and the handout. A
//! [`Paragraph`]'s runs keep on paper the look they have on screen: bold
//! words and numbers, muted citations. Lines break between words (a word
//! wider than the line between its characters, and always at a newline),
//! and each line is one text object, so its words are selected, searched
//! and read aloud in order even where the look changes inside it.

use crate::model::l10n::{self, Lang};
use crate::model::text::{Paragraph, Run};

use super::pdf::{BODY, Font, INK, MUTED, Rgb, SMALL, Segment, Weight, starts_right_to_left};

/// How a paragraph is set: size, line height and the colour of its words
/// (citations are always muted).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Look {
    /// Font size (points).
    pub(super) size: f32,
    /// Line height as a multiple of the size.
    pub(super) leading: f32,
    /// Colour of words other than citations.
    pub(super) colour: Rgb,
}

impl Look {
    /// The same look at another size.
    pub(super) const fn sized(self, size: f32) -> Self {
        Self { size, ..self }
    }

    /// Height of one line (points).
    pub(super) fn line_height(self) -> f32 {
        self.size * self.leading
    }
}

/// Clinician pages: body text.
pub(super) const CLINICAL: Look = Look { size: BODY, leading: 1.32, colour: INK };
/// Clinician pages: small print (sources, notes).
pub(super) const CLINICAL_SMALL: Look = Look { size: SMALL, leading: 1.32, colour: MUTED };
/// Family pages: body text.
pub(super) const FAMILY: Look = Look { size: 11.0, leading: 1.1, colour: INK };
/// Family pages: small print (cell text, notes, sources).
pub(super) const FAMILY_FINE: Look = Look { size: 10.0, leading: 1.07, colour: INK };

/// One line of a laid-out paragraph.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Line {
    /// Its runs of one look each, in the order they were written.
    pub(super) segments: Vec<Segment>,
    /// Whether its paragraph reads right to left (its first strong letter
    /// is Arabic or Hebrew): its runs are drawn right to left and the line
    /// is set against the right edge.
    pub(super) rtl: bool,
}

/// One word with its look; `glued` words follow the previous one with no
/// space ("78.2 %" then ",").
struct Word {
    text: String,
    weight: Weight,
    colour: Rgb,
    glued: bool,
}

/// What a paragraph is made of, in order.
enum Piece {
    Word(Word),
    /// A newline in the text.
    Break,
}

fn pieces(p: &Paragraph, colour: Rgb, lang: Lang) -> Vec<Piece> {
    let mut out = Vec::new();
    // Whether the text so far ends inside a word, so the next run's first
    // word continues it.
    let mut open = false;
    for run in &p.0 {
        let (weight, colour) = match run {
            Run::Strong(_) | Run::Number(_) => (Weight::Bold, colour),
            Run::Cite(_) => (Weight::Regular, MUTED),
            Run::Text(_) | Run::Quote { .. } => (Weight::Regular, colour),
        };
        let text = l10n::run(run, lang);
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                out.push(Piece::Break);
                open = false;
            }
            let mut glued = open && !part.starts_with(' ');
            for w in part.split(' ').filter(|w| !w.is_empty()) {
                out.push(Piece::Word(Word { text: w.to_owned(), weight, colour, glued }));
                glued = false;
            }
            if !part.is_empty() {
                open = !part.ends_with(' ');
            }
        }
    }
    out
}

/// The paragraph in lines no wider than `width` where the words allow.
/// Each part between newlines reads in the direction of its first strong
/// letter, as the bidirectional algorithm takes a paragraph's.
pub(super) fn lines(font: &Font, p: &Paragraph, look: Look, width: f32) -> Vec<Line> {
    let size = look.size;
    let space = font.width(" ", size);
    let mut out: Vec<(Vec<Word>, bool)> = Vec::new();
    // Whether the part being set reads right to left, known at its first word.
    let mut rtl: Option<bool> = None;
    let mut line: Vec<Word> = Vec::new();
    let mut x = 0.0;
    let mut ends_with_break = false;
    for piece in pieces(p, look.colour, font.lang) {
        let w = match piece {
            Piece::Break => {
                out.push((std::mem::take(&mut line), rtl.take().unwrap_or(false)));
                x = 0.0;
                ends_with_break = true;
                continue;
            }
            Piece::Word(w) => w,
        };
        ends_with_break = false;
        if rtl.is_none() && w.text.chars().any(char::is_alphabetic) {
            rtl = Some(starts_right_to_left(&w.text));
        }
        let wide = font.width(&w.text, size);
        let gap = if line.is_empty() || w.glued { 0.0 } else { space };
        let may_break = !w.glued || breaks_before(&w.text);
        if !line.is_empty() && may_break && x + gap + wide > width {
            out.push((std::mem::take(&mut line), rtl.unwrap_or(false)));
            x = 0.0;
        }
        if line.is_empty() && wide > width {
            // Too long for any line: broken between characters.
            let mut piece = String::new();
            for ch in w.text.chars() {
                let mut next = piece.clone();
                next.push(ch);
                if font.width(&next, size) > width && !piece.is_empty() {
                    out.push((vec![Word { text: std::mem::take(&mut piece), ..w }], rtl.unwrap_or(false)));
                    piece.push(ch);
                } else {
                    piece = next;
                }
            }
            x = font.width(&piece, size);
            line.push(Word { text: piece, ..w });
            continue;
        }
        x += if line.is_empty() { wide } else { gap + wide };
        line.push(w);
    }
    if !line.is_empty() || ends_with_break {
        out.push((line, rtl.unwrap_or(false)));
    }
    out.into_iter().map(|(words, rtl)| Line { segments: segments(words), rtl }).collect()
}

/// Whether a line may break before `word` where it follows the previous
/// one with no space: Japanese and Chinese break between characters, except
/// before closing punctuation.
fn breaks_before(word: &str) -> bool {
    word.chars().next().is_some_and(|c| {
        let cjk = matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}');
        cjk && !matches!(c, 'ー' | 'ゃ' | 'ゅ' | 'ょ' | 'っ')
    })
}

/// Words of one line joined into runs of one look each.
fn segments(words: Vec<Word>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for (i, w) in words.into_iter().enumerate() {
        if i > 0
            && !w.glued
            && let Some(last) = out.last_mut()
        {
            last.text.push(' ');
        }
        match out.last_mut() {
            Some(last) if last.weight == w.weight && last.colour == w.colour => last.text.push_str(&w.text),
            _ => out.push(Segment { text: w.text, weight: w.weight, colour: w.colour }),
        }
    }
    out
}

/// Height of the paragraph when laid out `width` wide.
pub(super) fn measure(font: &Font, p: &Paragraph, look: Look, width: f32) -> f32 {
    count(lines(font, p, look, width).len()) * look.line_height()
}

/// Plain text in lines no wider than `width` (labels inside drawings).
pub(super) fn wrap(font: &Font, text: &str, size: f32, width: f32) -> Vec<String> {
    let look = Look { size, leading: 1.0, colour: INK };
    lines(font, &Paragraph::from(text), look, width)
        .into_iter()
        .map(|line| line.segments.into_iter().map(|s| s.text).collect())
        .collect()
}

/// A paragraph of one look: `text` in bold or regular.
pub(super) fn styled(text: &str, weight: Weight) -> Paragraph {
    match weight {
        Weight::Bold => Paragraph::new().strong(text),
        Weight::Regular => Paragraph::from(text),
    }
}

pub(super) fn count(n: usize) -> f32 {
    #[expect(clippy::cast_precision_loss, reason = "a paragraph has few lines")]
    let n = n as f32;
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::{Quantity, SourceRef, Unit};

    fn font() -> Font {
        Font::bundled().unwrap()
    }

    fn src() -> SourceRef {
        SourceRef { cohort: "c".into(), finding: None, label: "Japan 2015, abstract".into() }
    }

    #[test]
    fn numbers_and_bold_words_keep_their_weight_and_citations_are_muted() {
        let p = Paragraph::new()
            .text("Survival was ")
            .num(Quantity::published(78.2, Unit::Percent, src()))
            .text(", see ")
            .cite(src());
        let lines = lines(&font(), &p, CLINICAL, 1000.0);
        assert_eq!(lines.len(), 1);
        let looks: Vec<(&str, Weight, Rgb)> =
            lines[0].segments.iter().map(|s| (s.text.as_str(), s.weight, s.colour)).collect();
        assert_eq!(
            looks,
            [
                ("Survival was ", Weight::Regular, INK),
                ("78.2 %", Weight::Bold, INK),
                (", see ", Weight::Regular, INK),
                ("(Japan 2015, abstract)", Weight::Regular, MUTED),
            ]
        );
    }

    #[test]
    fn lines_break_between_words_at_newlines_and_inside_overlong_words() {
        let f = font();
        let width = f.width("one two", 10.0) + 0.5;
        let text = |p: &Paragraph| -> Vec<String> {
            lines(&f, p, CLINICAL.sized(10.0), width)
                .into_iter()
                .map(|l| l.segments.into_iter().map(|s| s.text).collect())
                .collect()
        };
        assert_eq!(text(&"one two three".into()), ["one two", "three"]);
        assert_eq!(text(&"one\n\ntwo".into()), ["one", "", "two"]);
        let long = "x".repeat(40);
        let broken = text(&Paragraph::from(long.as_str()));
        assert!(broken.len() > 1 && broken.concat() == long, "{broken:?}");
        assert!(text(&Paragraph::new()).is_empty());
        // A word glued to a number never starts a line of its own.
        let p = Paragraph::new().text("one two ").num(Quantity::patient(3.0, Unit::Years)).text(".");
        assert_eq!(text(&p).last().map(String::as_str), Some("3 years."));
    }

    #[test]
    fn each_paragraph_reads_in_the_direction_of_its_first_letter() {
        let f = font();
        let direction = |text: &str| -> Vec<bool> {
            lines(&f, &Paragraph::from(text), CLINICAL, 1000.0).iter().map(|l| l.rtl).collect()
        };
        assert_eq!(direction("– שאלה של המשפחה"), [true]);
        assert_eq!(direction("Note: ملاحظة"), [false]);
        assert_eq!(direction("Note:\nملاحظة الطبيب\nHSCT"), [false, true, false]);
    }

    #[test]
    fn plain_labels_wrap_within_their_width() {
        let f = font();
        let text = "Numbers at risk (events, censored so far)";
        let width = f.width("Numbers at risk", 8.0) + 0.1;
        let lines = wrap(&f, text, 8.0, width);
        assert_eq!(lines.first().map(String::as_str), Some("Numbers at risk"));
        assert!(lines.iter().all(|l| f.width(l, 8.0) <= width), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }
}
