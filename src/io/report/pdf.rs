//! A small PDF canvas: A4 pages, the embedded fonts with a `ToUnicode` map
//! (so text is selectable and extractable), wrapped paragraphs that flow
//! onto new pages, and the vector shapes the figures need.
//!
//! The fonts are [`crate::fonts`]: Ubuntu Light for text, the Noto subsets
//! for any letter it lacks (a family's words in Japanese, a note in Arabic),
//! so the output is the same on every machine. Each is embedded as a
//! CID-keyed TrueType font (`Identity-H`) holding only the glyphs the
//! document uses: the CJK font is 3.5 MB, and compressing even the
//! 350 kB text font on every report was most of a report's time.
//!
//! Arabic and Hebrew are set as they are written. Each line is put in
//! visual order by the Unicode Bidirectional Algorithm after the paragraph
//! was broken into lines (a right-to-left run inside an English line reads
//! right to left; numbers inside it left to right), and right-to-left runs
//! are shaped by the rules of `HarfBuzz` (the harfrust port) with the fonts' own joining
//! forms, ligatures and mark positions. Everything else is drawn a letter
//! at a time: Latin, Greek, Cyrillic and CJK need no shaping, and a report
//! is mostly English, so only right-to-left runs pay for it.

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::io::Write as _;
use std::ops::Range;

use pdf_writer::types::{CidFontType, FontFlags, LineCapStyle, SystemInfo, TextRenderingMode, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish as _, Name, Pdf, Rect, Ref, Str, TextStr};
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider as _};
use subsetter::GlyphRemapper;
use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};

use crate::fonts::{EmbeddedFont, FALLBACKS, TEXT};
use crate::model::l10n::Lang;

/// A4 width in points.
pub(super) const PAGE_W: f32 = 595.28;
/// A4 height in points.
pub(super) const PAGE_H: f32 = 841.89;
/// Left and right margin.
pub(super) const MARGIN_X: f32 = 36.0;
/// Top margin.
pub(super) const MARGIN_TOP: f32 = 36.0;
/// Bottom margin; the footer sits inside it.
pub(super) const MARGIN_BOTTOM: f32 = 48.0;
/// Width of the text column.
pub(super) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// Body text size.
pub(super) const BODY: f32 = 9.5;
/// Small print (sources, notes).
pub(super) const SMALL: f32 = 8.0;

/// An RGB colour, 0–1 per channel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// From `0xRRGGBB`.
    pub(super) const fn hex(v: u32) -> Self {
        Self(channel(v, 16), channel(v, 8), channel(v, 0))
    }

    /// This colour mixed with white (`amount` 0 = unchanged, 1 = white).
    pub(super) fn tint(self, amount: f32) -> Self {
        let m = |c: f32| c + (1.0 - c) * amount;
        Self(m(self.0), m(self.1), m(self.2))
    }
}

#[expect(clippy::cast_precision_loss, reason = "8-bit channels")]
const fn channel(v: u32, shift: u32) -> f32 {
    ((v >> shift) & 0xff) as f32 / 255.0
}

/// Text colour.
pub(super) const INK: Rgb = Rgb(0.1, 0.1, 0.1);
/// Secondary text and axis labels.
pub(super) const MUTED: Rgb = Rgb(0.33, 0.33, 0.33);

/// One embedded font and its metrics.
struct Face {
    source: EmbeddedFont,
    font: FontRef<'static>,
    /// Its layout tables read for shaping, the first time a right-to-left
    /// run is drawn with it (most reports never need them).
    shaper: OnceCell<harfrust::ShaperData>,
    /// Shaping plans (the font's lookups chosen for a direction and
    /// script), made once: making one is most of the cost of shaping a word.
    plans: RefCell<Vec<(harfrust::Direction, harfrust::Script, harfrust::ShapePlan)>>,
    charmap: skrifa::charmap::Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    upem: f32,
    ascent: f32,
    descent: f32,
    cap_height: f32,
    bbox: [f32; 4],
}

impl Face {
    fn parse(source: EmbeddedFont) -> Result<Self, String> {
        let font = FontRef::new(source.bytes)
            .map_err(|e| format!("the bundled font {} could not be read: {e}", source.name))?;
        let m = font.metrics(Size::unscaled(), LocationRef::default());
        let upem = f32::from(m.units_per_em);
        let bbox = m.bounds.map_or([0.0, -250.0, 1000.0, 1000.0], |b| [b.x_min, b.y_min, b.x_max, b.y_max]);
        Ok(Self {
            source,
            font: font.clone(),
            shaper: OnceCell::new(),
            plans: RefCell::new(Vec::new()),
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            upem,
            ascent: m.ascent,
            descent: m.descent,
            cap_height: m.cap_height.unwrap_or(m.ascent * 0.7),
            bbox,
        })
    }

    /// Glyph id and advance (in 1/1000 em) for a character.
    fn glyph(&self, ch: char) -> Option<(u16, f32)> {
        let gid = self.charmap.map(ch)?;
        let id = u16::try_from(gid.to_u32()).ok()?;
        let advance = self.metrics.advance_width(gid).unwrap_or(0.0);
        Some((id, advance * 1000.0 / self.upem))
    }

    /// Font units to 1/1000 em.
    fn per_mille(&self, units: i32) -> f32 {
        #[expect(clippy::cast_precision_loss, reason = "glyph positions are far below 2^24 units")]
        let units = units as f32;
        units * 1000.0 / self.upem
    }

    /// The advance the font gives glyph `gid` (1/1000 em), which a PDF
    /// viewer moves by after drawing it.
    fn advance(&self, gid: u16) -> f32 {
        let advance = self.metrics.advance_width(skrifa::GlyphId::new(u32::from(gid))).unwrap_or(0.0);
        advance * 1000.0 / self.upem
    }

    /// `text` shaped with this face's joining forms, ligatures and mark
    /// positions, its glyphs in visual order (right to left reversed when
    /// `rtl`). Each cluster's first glyph carries the cluster's letters in
    /// the order they are drawn, so an extractor that reads glyphs left to
    /// right and turns right-to-left runs round gets the letters as written,
    /// a ligature's included.
    fn shape(&self, text: &str, rtl: bool) -> Vec<ShapedGlyph> {
        let data = self.shaper.get_or_init(|| harfrust::ShaperData::new(&self.font));
        let shaper = data.shaper(&self.font).build();
        let mut buffer = harfrust::UnicodeBuffer::new();
        // One cluster per letter where the font allows, so a mark keeps its
        // own letter in the `ToUnicode` map instead of its base's.
        buffer.set_cluster_level(harfrust::BufferClusterLevel::MonotoneCharacters);
        buffer.push_str(text);
        buffer.set_direction(if rtl {
            harfrust::Direction::RightToLeft
        } else {
            harfrust::Direction::LeftToRight
        });
        buffer.guess_segment_properties();
        let (direction, script) = (buffer.direction(), buffer.script());
        let mut plans = self.plans.borrow_mut();
        let known = plans.iter().position(|(d, s, _)| *d == direction && *s == script);
        let index = known.unwrap_or_else(|| {
            let plan =
                harfrust::ShapePlan::new(&shaper, direction, Some(script), buffer.language().as_ref(), &[]);
            plans.push((direction, script, plan));
            plans.len() - 1
        });
        let plan = plans.get(index).map(|(.., plan)| plan);
        let shaped = shaper.shape(buffer, harfrust::ShapeOptions::new().plan(plan));
        let mut starts: Vec<usize> = shaped.glyph_infos().iter().map(|g| g.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let mut labelled = vec![false; starts.len()];
        shaped
            .glyph_infos()
            .iter()
            .zip(shaped.glyph_positions())
            .map(|(info, pos)| {
                let start = info.cluster as usize;
                let index = starts.partition_point(|s| *s < start);
                let end = starts.get(index + 1).copied().unwrap_or(text.len());
                let first = labelled.get_mut(index).is_some_and(|seen| !std::mem::replace(seen, true));
                let letters = text.get(start..end).filter(|_| first).unwrap_or("");
                let text = if rtl { letters.chars().rev().collect() } else { letters.to_owned() };
                ShapedGlyph {
                    gid: u16::try_from(info.glyph_id).unwrap_or(0),
                    advance: self.per_mille(pos.x_advance),
                    x_offset: pos.x_offset,
                    y_offset: pos.y_offset,
                    text,
                }
            })
            .collect()
    }
}

/// One glyph of a shaped run.
#[derive(Clone, Debug)]
struct ShapedGlyph {
    gid: u16,
    /// How far the pen moves after it (1/1000 em), kerning and cursive
    /// joins included.
    advance: f32,
    /// Where it is drawn from the pen (font units), for marks above and
    /// below their letters.
    x_offset: i32,
    y_offset: i32,
    /// The letters it stands for in the `ToUnicode` map (empty for a
    /// cluster's later glyphs).
    text: String,
}

/// Whether `c` is a right-to-left letter (Hebrew, Arabic, Syriac, …) or
/// mark that makes a run right to left.
fn right_to_left(c: char) -> bool {
    c >= '\u{0590}'
        && matches!(
            unicode_bidi::bidi_class(c),
            BidiClass::R | BidiClass::AL | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI
        )
}

/// Whether `text` needs the bidirectional algorithm and shaping; most
/// report text does not and keeps the direct path.
pub(super) fn has_right_to_left(text: &str) -> bool {
    text.chars().any(right_to_left)
}

/// Whether a paragraph (or line) that starts with `text` reads right to
/// left: its first strong letter is, as the bidirectional algorithm
/// decides a paragraph's direction.
pub(super) fn starts_right_to_left(text: &str) -> bool {
    text.chars().find_map(|c| match unicode_bidi::bidi_class(c) {
        BidiClass::L => Some(false),
        BidiClass::R | BidiClass::AL => Some(true),
        _ => None,
    }) == Some(true)
}

/// Where a character is drawn from: the face (index into the font set),
/// its glyph id there, its advance, and the character it stands for.
#[derive(Clone, Copy, Debug)]
struct Glyph {
    face: usize,
    gid: u16,
    advance: f32,
    drawn: char,
}

/// The embedded fonts: the text face first, then the fallbacks.
pub(super) struct Font {
    faces: Vec<Face>,
    /// The language the document's numbers and labels are written in
    /// (the family's, in the handout).
    pub(super) lang: Lang,
}

impl Font {
    /// Parses the bundled fonts.
    pub(super) fn bundled() -> Result<Self, String> {
        let faces = std::iter::once(TEXT).chain(FALLBACKS).map(Face::parse).collect::<Result<_, _>>()?;
        Ok(Self { faces, lang: Lang::En })
    }

    /// The first face that has `ch`.
    fn glyph(&self, ch: char) -> Option<Glyph> {
        self.faces
            .iter()
            .enumerate()
            .find_map(|(face, f)| f.glyph(ch).map(|(gid, advance)| Glyph { face, gid, advance, drawn: ch }))
    }

    /// The glyph for `ch`, or for a plain stand-in when no font has it.
    fn glyph_or_fallback(&self, ch: char) -> Glyph {
        if let Some(g) = self.glyph(ch) {
            return g;
        }
        let stand_in = match ch {
            '\u{2011}' => '-',
            '\u{00a0}' | '\t' => ' ',
            _ => '?',
        };
        self.glyph(stand_in).unwrap_or(Glyph { face: 0, gid: 0, advance: 500.0, drawn: ch })
    }

    /// Width of `text` at `size` points: shaped where it holds
    /// right-to-left letters (joined Arabic is narrower than its isolated
    /// letters), one letter at a time elsewhere.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        let per_mille = if has_right_to_left(text) {
            self.by_face(text)
                .into_iter()
                .flat_map(|(face, range)| {
                    let shaped =
                        self.faces.get(face).zip(text.get(range)).map(|(f, part)| f.shape(part, true));
                    shaped.unwrap_or_default()
                })
                .map(|g| g.advance)
                .sum::<f32>()
        } else {
            text.chars().map(|c| self.glyph_or_fallback(c).advance).sum::<f32>()
        };
        per_mille * size / 1000.0
    }

    /// `text` split where the face that draws it changes, in logical order.
    fn by_face(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        let mut out: Vec<(usize, Range<usize>)> = Vec::new();
        for (i, ch) in text.char_indices() {
            let face = self.glyph_or_fallback(ch).face;
            let end = i + ch.len_utf8();
            match out.last_mut() {
                Some((f, range)) if *f == face => range.end = end,
                _ => out.push((face, i..end)),
            }
        }
        out
    }

    /// Whether every character of `text` is in one of the fonts.
    pub(super) fn covers(&self, text: &str) -> bool {
        text.chars().all(|c| c.is_control() || self.glyph(c).is_some())
    }
}

/// The glyphs of one face a document uses: their new ids in its subset
/// (which the page content uses as CIDs), with the letters and advance of
/// each for the `ToUnicode` map and widths.
struct Used {
    remapper: GlyphRemapper,
    glyphs: BTreeMap<u16, (String, f32)>,
}

impl Used {
    fn new() -> Self {
        // Glyph 0 (.notdef) keeps id 0, as the subsetter requires.
        let mut remapper = GlyphRemapper::new();
        remapper.remap(0);
        Self { remapper, glyphs: BTreeMap::new() }
    }

    /// The CID for a glyph, noting it as used.
    fn cid(&mut self, glyph: Glyph) -> u16 {
        let cid = self.remapper.remap(glyph.gid);
        self.glyphs.entry(cid).or_insert_with(|| (glyph.drawn.to_string(), glyph.advance));
        cid
    }

    /// The CID for a shaped glyph whose font advance is `advance`; the
    /// letters it first stood for name it in the `ToUnicode` map.
    fn shaped_cid(&mut self, glyph: &ShapedGlyph, advance: f32) -> u16 {
        let cid = self.remapper.remap(glyph.gid);
        let entry = self.glyphs.entry(cid).or_insert_with(|| (String::new(), advance));
        if entry.0.is_empty() {
            entry.0.clone_from(&glyph.text);
        }
        cid
    }
}

/// The resource name of face `index` on every page.
fn resource(index: usize) -> Vec<u8> {
    format!("F{}", index + 1).into_bytes()
}

/// Text weight: the font has one weight, so headings are drawn with a thin
/// outline added (fill and stroke), which stays real, selectable text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Weight {
    /// Ordinary text.
    Regular,
    /// Headings and labels.
    Bold,
}

/// Words drawn together in one look (a line may hold several).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Segment {
    /// The words, with the spaces between them.
    pub(super) text: String,
    /// Bold or regular.
    pub(super) weight: Weight,
    /// Their colour.
    pub(super) colour: Rgb,
}

/// Where a line of text is anchored horizontally.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Align {
    /// `x` is the left end.
    Left,
    /// `x` is the centre.
    Center,
    /// `x` is the right end.
    Right,
}

/// Pages being drawn, plus the glyphs used of each face (for the subsets,
/// widths and `ToUnicode`).
pub(super) struct Canvas {
    pub(super) font: Font,
    pages: Vec<Content>,
    used: Vec<Used>,
    /// Characters no font has (drawn as a stand-in).
    pub(super) missing: Vec<char>,
}

impl Canvas {
    pub(super) fn new(font: Font) -> Self {
        let used = font.faces.iter().map(|_| Used::new()).collect();
        Self { font, pages: Vec::new(), used, missing: Vec::new() }
    }

    /// Starts a new page; drawing goes to the last page.
    pub(super) fn add_page(&mut self) {
        self.pages.push(Content::new());
    }

    /// Number of pages so far.
    pub(super) fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn page(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.pages.push(Content::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Content of page `index` (for footers drawn after the flow).
    pub(super) fn select_page(&mut self, index: usize) -> Option<Canvas1<'_>> {
        let content = self.pages.get_mut(index)?;
        Some(Canvas1 { content, font: &self.font, used: &mut self.used, missing: &mut self.missing })
    }

    /// Drawing on the current page.
    pub(super) fn draw(&mut self) -> Canvas1<'_> {
        self.page();
        let last = self.pages.len() - 1;
        Canvas1 {
            content: &mut self.pages[last],
            font: &self.font,
            used: &mut self.used,
            missing: &mut self.missing,
        }
    }

    /// Writes the document.
    ///
    /// # Errors
    /// When a font cannot be subset (a defect in a bundled font).
    pub(super) fn finish(self, title: &str, creator: &str) -> Result<Vec<u8>, String> {
        let Self { font, pages, used, .. } = self;
        let mut pdf = Pdf::new();
        let mut next = 1;
        let mut alloc = || {
            let r = Ref::new(next);
            next += 1;
            r
        };
        let catalog = alloc();
        let tree = alloc();
        let info = alloc();
        // Only the faces the document draws with are embedded.
        let faces: Vec<(usize, Ref)> = used
            .iter()
            .enumerate()
            .filter(|(_, u)| !u.glyphs.is_empty())
            .map(|(index, _)| (index, alloc()))
            .collect();
        let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (alloc(), alloc())).collect();

        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(page_ids.iter().map(|(p, _)| *p))
            .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
        pdf.document_info(info).title(TextStr(title)).creator(TextStr(creator)).producer(TextStr(creator));

        for ((page_id, content_id), content) in page_ids.iter().zip(pages) {
            let mut page = pdf.page(*page_id);
            page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
            page.parent(tree);
            page.contents(*content_id);
            {
                let mut resources = page.resources();
                let mut fonts = resources.fonts();
                for (index, type0) in &faces {
                    fonts.pair(Name(&resource(*index)), *type0);
                }
            }
            page.finish();
            let data = deflate(&content.finish());
            pdf.stream(*content_id, &data).filter(Filter::FlateDecode);
        }

        for (index, type0) in faces {
            let (Some(face), Some(used)) = (font.faces.get(index), used.get(index)) else { continue };
            embed(&mut pdf, &mut alloc, type0, face, used)?;
        }
        Ok(pdf.finish())
    }
}

/// Writes one face as a Type 0 font whose descendant is a subset of it.
fn embed(
    pdf: &mut Pdf,
    alloc: &mut impl FnMut() -> Ref,
    type0: Ref,
    face: &Face,
    used: &Used,
) -> Result<(), String> {
    let (cid, descriptor, file, cmap) = (alloc(), alloc(), alloc(), alloc());
    let subset = subsetter::subset(face.source.bytes, 0, &used.remapper)
        .map_err(|e| format!("the bundled font {} could not be subset: {e}", face.source.name))?;
    // A subset's name starts with a tag of six capitals naming its glyphs
    // (PDF 32000-1, 9.6.4).
    let digest = <sha2::Sha256 as sha2::Digest>::digest(&subset);
    let tag: String = digest.iter().take(6).map(|b| char::from(b'A' + b % 26)).collect();
    let name = format!("{tag}+{}", face.source.name);
    let name = Name(name.as_bytes());

    let system_info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
    pdf.type0_font(type0)
        .base_font(name)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(CidFontType::Type2)
        .base_font(name)
        .system_info(system_info)
        .font_descriptor(descriptor)
        .default_width(500.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    {
        let mut widths = cid_font.widths();
        for (gid, (_, w)) in &used.glyphs {
            widths.consecutive(*gid, [*w]);
        }
    }
    cid_font.finish();

    let scale = 1000.0 / face.upem;
    let [x0, y0, x1, y1] = face.bbox;
    pdf.font_descriptor(descriptor)
        .name(name)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(x0 * scale, y0 * scale, x1 * scale, y1 * scale))
        .italic_angle(0.0)
        .ascent(face.ascent * scale)
        .descent(face.descent * scale)
        .cap_height(face.cap_height * scale)
        .stem_v(70.0)
        .font_file2(file);

    let mut unicode = UnicodeCmap::new(Name(b"Xhim-UTF16"), system_info);
    for (gid, (text, _)) in &used.glyphs {
        // A glyph a shaped cluster drew after its first stands for nothing.
        if !text.is_empty() {
            unicode.pair_with_multiple(*gid, text.chars());
        }
    }
    let unicode = unicode.finish();
    pdf.cmap(cmap, &unicode);

    let compressed = deflate(&subset);
    pdf.stream(file, &compressed)
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), i32::try_from(subset.len()).unwrap_or(i32::MAX));
    Ok(())
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    if encoder.write_all(bytes).is_err() {
        return Vec::new();
    }
    encoder.finish().unwrap_or_default()
}

/// Part of a line ready to draw with one face.
enum Drawn {
    /// One glyph per letter, each moving the pen by its font advance.
    Letters { face: usize, cids: Vec<u8> },
    /// A shaped run, each glyph placed where the shaper put it.
    Shaped { face: usize, glyphs: Vec<Placed> },
}

impl Drawn {
    fn face(&self) -> usize {
        match self {
            Self::Letters { face, .. } | Self::Shaped { face, .. } => *face,
        }
    }
}

/// A shaped glyph on the page (lengths in 1/1000 em).
struct Placed {
    cid: u16,
    /// The advance the embedded font's widths give it.
    font_advance: f32,
    /// The advance the shaper gave it.
    advance: f32,
    x_offset: f32,
    /// Vertical offset in font units (to group glyphs on one baseline).
    y_offset: i32,
    /// The same in 1/1000 em.
    rise: f32,
}

/// Shows shaped glyphs: each is shifted by its offset and the pen moved by
/// its shaped advance (a `TJ` adjustment where it differs from the font's
/// width), and marks above or below their letters are raised or lowered.
fn show_placed(c: &mut Content, size: f32, glyphs: &[Placed]) {
    let mut rest = glyphs;
    while let Some(first) = rest.first() {
        let same = rest.iter().take_while(|g| g.y_offset == first.y_offset).count();
        let (chunk, tail) = rest.split_at(same);
        if first.y_offset != 0 {
            c.set_rise(first.rise * size / 1000.0);
        }
        {
            let mut shown = c.show_positioned();
            let mut items = shown.items();
            for g in chunk {
                if g.x_offset.abs() > 1e-3 {
                    items.adjust(-g.x_offset);
                }
                items.show(Str(&g.cid.to_be_bytes()));
                let left = g.advance - g.x_offset - g.font_advance;
                if left.abs() > 1e-3 {
                    items.adjust(-left);
                }
            }
        }
        if first.y_offset != 0 {
            c.set_rise(0.0);
        }
        rest = tail;
    }
}

/// A line's runs cut where the bidirectional algorithm's levels change,
/// in drawing order: `run` indexes the runs, `range` is bytes of the line.
struct Visual {
    run: usize,
    range: Range<usize>,
    rtl: bool,
}

/// The visual order of one line (UAX #9, rules L1–L2), whose runs cover
/// `bounds` of `line`; `rtl` is the paragraph's direction (`None`: from
/// its first strong letter).
fn visual_order(line: &str, bounds: &[Range<usize>], rtl: Option<bool>) -> Vec<Visual> {
    let level = rtl.map(|rtl| if rtl { Level::rtl() } else { Level::ltr() });
    let info = ParagraphBidiInfo::new(line, level);
    let (levels, level_runs) = info.visual_runs(0..line.len());
    let mut out = Vec::new();
    for level_run in level_runs {
        let rtl = levels.get(level_run.start).is_some_and(Level::is_rtl);
        let mut parts: Vec<Visual> = bounds
            .iter()
            .enumerate()
            .filter_map(|(run, b)| {
                let range = b.start.max(level_run.start)..b.end.min(level_run.end);
                (range.start < range.end).then_some(Visual { run, range, rtl })
            })
            .collect();
        if rtl {
            parts.reverse();
        }
        out.extend(parts);
    }
    out
}

/// Drawing operations on one page.
pub(super) struct Canvas1<'a> {
    content: &'a mut Content,
    font: &'a Font,
    used: &'a mut [Used],
    missing: &'a mut Vec<char>,
}

impl Canvas1<'_> {
    /// Width of `text` at `size` points.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        self.font.width(text, size)
    }

    /// Draws one line of text with its baseline at `y`.
    pub(super) fn text(&mut self, x: f32, y: f32, size: f32, text: &str, style: (Weight, Rgb, Align)) {
        let (weight, colour, align) = style;
        let width = self.font.width(text, size);
        let x = match align {
            Align::Left => x,
            Align::Center => x - width / 2.0,
            Align::Right => x - width,
        };
        self.text_matrix([1.0, 0.0, 0.0, 1.0, x, y], size, text, weight, colour);
    }

    /// Draws one laid-out line whose look changes inside it (bold numbers,
    /// muted citations), as one text object with its baseline at `y`, so
    /// the line reads as one piece of text. `rtl` is its paragraph's
    /// direction, which orders its runs.
    pub(super) fn segments(&mut self, x: f32, y: f32, size: f32, segments: &[Segment], rtl: bool) {
        let runs: Vec<(&str, Weight, Rgb)> =
            segments.iter().map(|s| (s.text.as_str(), s.weight, s.colour)).collect();
        self.show([1.0, 0.0, 0.0, 1.0, x, y], size, &runs, Some(rtl));
    }

    /// Draws text rotated a quarter turn anticlockwise, starting at (x, y).
    pub(super) fn text_up(&mut self, x: f32, y: f32, size: f32, text: &str, colour: Rgb) {
        self.text_matrix([0.0, 1.0, -1.0, 0.0, x, y], size, text, Weight::Regular, colour);
    }

    fn text_matrix(&mut self, matrix: [f32; 6], size: f32, text: &str, weight: Weight, colour: Rgb) {
        self.show(matrix, size, &[(text, weight, colour)], None);
    }

    /// Shows runs of text in one text object, in visual order; the font
    /// changes inside a run where a letter comes from a fallback. `rtl` is
    /// the direction of the paragraph they belong to (`None`: from the
    /// first strong letter).
    fn show(&mut self, matrix: [f32; 6], size: f32, runs: &[(&str, Weight, Rgb)], rtl: Option<bool>) {
        let bidi = rtl == Some(true) || runs.iter().any(|(text, ..)| has_right_to_left(text));
        let pieces: Vec<(usize, Vec<Drawn>)> = if bidi {
            let line: String = runs.iter().map(|(text, ..)| *text).collect();
            let mut bounds = Vec::with_capacity(runs.len());
            let mut start = 0;
            for (text, ..) in runs {
                bounds.push(start..start + text.len());
                start += text.len();
            }
            visual_order(&line, &bounds, rtl)
                .into_iter()
                .map(|v| {
                    let text = line.get(v.range).unwrap_or("");
                    (v.run, if v.rtl { self.encode_shaped(text) } else { self.encode(text) })
                })
                .collect()
        } else {
            runs.iter().enumerate().map(|(i, (text, ..))| (i, self.encode(text))).collect()
        };
        let c = &mut *self.content;
        c.save_state();
        c.begin_text();
        c.set_text_matrix(matrix);
        let mut bold = false;
        let mut current = None;
        let mut look = None;
        for (run, drawn) in &pieces {
            let Some((_, weight, colour)) = runs.get(*run) else { continue };
            if look != Some(*run) {
                look = Some(*run);
                c.set_fill_rgb(colour.0, colour.1, colour.2);
                if *weight == Weight::Bold {
                    c.set_stroke_rgb(colour.0, colour.1, colour.2);
                    c.set_line_width(size * 0.035);
                    c.set_text_rendering_mode(TextRenderingMode::FillStroke);
                } else if bold {
                    c.set_text_rendering_mode(TextRenderingMode::Fill);
                }
                bold = *weight == Weight::Bold;
            }
            for piece in drawn {
                let face = piece.face();
                if current != Some(face) {
                    c.set_font(Name(&resource(face)), size);
                    current = Some(face);
                }
                match piece {
                    Drawn::Letters { cids, .. } => {
                        c.show(Str(cids));
                    }
                    Drawn::Shaped { glyphs, .. } => show_placed(c, size, glyphs),
                }
            }
        }
        c.end_text();
        c.restore_state();
    }

    /// The CIDs of `text`, in pieces of one face each, noting the glyphs
    /// used and any characters no font has.
    fn encode(&mut self, text: &str) -> Vec<Drawn> {
        let mut pieces: Vec<Drawn> = Vec::new();
        for ch in text.chars() {
            let glyph = self.font.glyph_or_fallback(ch);
            if glyph.drawn != ch && !self.missing.contains(&ch) {
                self.missing.push(ch);
            }
            let Some(used) = self.used.get_mut(glyph.face) else { continue };
            let cid = used.cid(glyph);
            match pieces.last_mut() {
                Some(Drawn::Letters { face, cids }) if *face == glyph.face => {
                    cids.extend_from_slice(&cid.to_be_bytes());
                }
                _ => pieces.push(Drawn::Letters { face: glyph.face, cids: cid.to_be_bytes().to_vec() }),
            }
        }
        pieces
    }

    /// A right-to-left run shaped, each face's part in visual order,
    /// noting the glyphs used and any characters no font has.
    fn encode_shaped(&mut self, text: &str) -> Vec<Drawn> {
        let font = self.font;
        for ch in text.chars() {
            if font.glyph(ch).is_none() && !ch.is_control() && !self.missing.contains(&ch) {
                self.missing.push(ch);
            }
        }
        let mut pieces = Vec::new();
        for (face, range) in font.by_face(text).into_iter().rev() {
            let (Some(f), Some(used), Some(part)) =
                (font.faces.get(face), self.used.get_mut(face), text.get(range))
            else {
                continue;
            };
            let glyphs = f
                .shape(part, true)
                .iter()
                .map(|g| {
                    let font_advance = f.advance(g.gid);
                    Placed {
                        cid: used.shaped_cid(g, font_advance),
                        font_advance,
                        advance: g.advance,
                        x_offset: f.per_mille(g.x_offset),
                        y_offset: g.y_offset,
                        rise: f.per_mille(g.y_offset),
                    }
                })
                .collect();
            pieces.push(Drawn::Shaped { face, glyphs });
        }
        pieces
    }

    /// A straight line.
    pub(super) fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32, colour: Rgb, dash: &[f32]) {
        let c = &mut *self.content;
        c.save_state();
        c.set_stroke_rgb(colour.0, colour.1, colour.2);
        c.set_line_width(width.max(0.0));
        c.set_line_cap(LineCapStyle::ButtCap);
        if !dash.is_empty() {
            c.set_dash_pattern(dash.iter().copied(), 0.0);
        }
        c.move_to(from.0, from.1);
        c.line_to(to.0, to.1);
        c.stroke();
        c.restore_state();
    }

    /// A polyline through `points`.
    pub(super) fn polyline(&mut self, points: &[(f32, f32)], width: f32, colour: Rgb, dash: &[f32]) {
        let Some((first, rest)) = points.split_first() else { return };
        let c = &mut *self.content;
        c.save_state();
        c.set_stroke_rgb(colour.0, colour.1, colour.2);
        c.set_line_width(width.max(0.0));
        if !dash.is_empty() {
            c.set_dash_pattern(dash.iter().copied(), 0.0);
        }
        c.move_to(first.0, first.1);
        for p in rest {
            c.line_to(p.0, p.1);
        }
        c.stroke();
        c.restore_state();
    }

    /// A rectangle (x, y bottom-left), filled and/or outlined.
    pub(super) fn rect(&mut self, r: [f32; 4], fill: Option<Rgb>, stroke: Option<(Rgb, f32, &[f32])>) {
        self.shape(fill, stroke, |c| {
            c.rect(r[0], r[1], r[2], r[3]);
        });
    }

    /// A closed polygon.
    pub(super) fn polygon(
        &mut self,
        points: &[(f32, f32)],
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32, &[f32])>,
    ) {
        let Some((first, rest)) = points.split_first() else { return };
        self.shape(fill, stroke, |c| {
            c.move_to(first.0, first.1);
            for p in rest {
                c.line_to(p.0, p.1);
            }
            c.close_path();
        });
    }

    /// A circle from four Bézier arcs.
    pub(super) fn circle(
        &mut self,
        centre: (f32, f32),
        r: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32, &[f32])>,
    ) {
        let (x, y) = centre;
        let k = 0.552_284_8 * r;
        self.shape(fill, stroke, |c| {
            c.move_to(x + r, y);
            c.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
            c.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
            c.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
            c.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
            c.close_path();
        });
    }

    fn shape(
        &mut self,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32, &[f32])>,
        path: impl FnOnce(&mut Content),
    ) {
        let c = &mut *self.content;
        c.save_state();
        if let Some(f) = fill {
            c.set_fill_rgb(f.0, f.1, f.2);
        }
        if let Some((s, w, dash)) = stroke {
            c.set_stroke_rgb(s.0, s.1, s.2);
            c.set_line_width(w.max(0.0));
            if !dash.is_empty() {
                c.set_dash_pattern(dash.iter().copied(), 0.0);
            }
        }
        path(c);
        match (fill.is_some(), stroke.is_some()) {
            (true, true) => c.fill_nonzero_and_stroke(),
            (true, false) => c.fill_nonzero(),
            (false, true) => c.stroke(),
            (false, false) => c.end_path(),
        };
        c.restore_state();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font() -> Font {
        Font::bundled().unwrap()
    }

    fn face(font: &Font, name: &str) -> usize {
        font.faces.iter().position(|f| f.source.name.contains(name)).unwrap()
    }

    #[test]
    fn arabic_is_joined_and_runs_right_to_left() {
        let f = font();
        let arabic = &f.faces[face(&f, "Arabic")];
        let word = "مرحبا";
        let shaped = arabic.shape(word, true);
        assert_eq!(shaped.len(), 5);
        // Visual order: the last letter is drawn first, on the left.
        let letters: String = shaped.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(letters, word.chars().rev().collect::<String>());
        // Joined forms (initial, medial, final), none the isolated letter.
        for (glyph, ch) in shaped.iter().zip(word.chars().rev()) {
            let isolated = arabic.glyph(ch).unwrap().0;
            assert_ne!(glyph.gid, isolated, "{ch} is drawn isolated");
        }
        // Joined letters are narrower than the isolated ones side by side.
        let isolated: f32 = word.chars().map(|c| arabic.glyph(c).unwrap().1).sum();
        assert!(f.width(word, 1000.0) < isolated, "{} ≥ {isolated}", f.width(word, 1000.0));
    }

    #[test]
    fn lam_alef_is_one_glyph_that_still_names_both_letters() {
        let f = font();
        let shaped = f.faces[face(&f, "Arabic")].shape("لا", true);
        assert_eq!(shaped.len(), 1);
        assert_eq!(shaped[0].text, "ال");
    }

    #[test]
    fn hebrew_runs_right_to_left() {
        let f = font();
        let hebrew = &f.faces[face(&f, "Hebrew")];
        let word = "שלום";
        let gids: Vec<u16> = hebrew.shape(word, true).iter().map(|g| g.gid).collect();
        let reversed: Vec<u16> = word.chars().rev().map(|c| hebrew.glyph(c).unwrap().0).collect();
        assert_eq!(gids, reversed);
    }

    #[test]
    fn brackets_in_a_right_to_left_run_are_mirrored() {
        let f = font();
        let text = &f.faces[0];
        let shaped: Vec<u16> = text.shape("(", true).iter().map(|g| g.gid).collect();
        assert_eq!(shaped, [text.glyph(')').unwrap().0]);
    }

    /// The pieces of a one-run line in drawing order, with their direction.
    fn order(line: &str, rtl: Option<bool>) -> Vec<(&str, bool)> {
        let whole = 0..line.len();
        visual_order(line, std::slice::from_ref(&whole), rtl)
            .into_iter()
            .map(|v| (&line[v.range], v.rtl))
            .collect()
    }

    #[test]
    fn a_right_to_left_run_in_an_english_line_is_reordered_and_its_numbers_are_not() {
        assert_eq!(
            order("Note: שלום 123 ok", Some(false)),
            [("Note: ", false), ("123", false), ("שלום ", true), (" ok", false)]
        );
        // A right-to-left paragraph puts its first word on the right.
        assert_eq!(order("שלום HSCT", Some(true)), [("HSCT", false), ("שלום ", true)]);
        assert_eq!(order("plain English", None), [("plain English", false)]);
        assert!(starts_right_to_left("– שלום") && !starts_right_to_left("12 Note: שלום"));
    }

    #[test]
    fn a_line_with_two_looks_keeps_each_look_on_its_own_letters() {
        let line = "abc דה";
        let bounds = [0..4, 4..line.len()];
        let runs: Vec<(usize, &str)> =
            visual_order(line, &bounds, Some(true)).into_iter().map(|v| (v.run, &line[v.range])).collect();
        assert_eq!(runs, [(1, "דה"), (0, " "), (0, "abc")]);
    }
}
