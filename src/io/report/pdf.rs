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

use std::collections::BTreeMap;
use std::io::Write as _;

use pdf_writer::types::{CidFontType, FontFlags, LineCapStyle, SystemInfo, TextRenderingMode, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish as _, Name, Pdf, Rect, Ref, Str, TextStr};
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider as _};
use subsetter::GlyphRemapper;

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

    /// Width of `text` at `size` points.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph_or_fallback(c).advance).sum::<f32>() * size / 1000.0
    }

    /// Whether every character of `text` is in one of the fonts.
    pub(super) fn covers(&self, text: &str) -> bool {
        text.chars().all(|c| c.is_control() || self.glyph(c).is_some())
    }
}

/// The glyphs of one face a document uses: their new ids in its subset
/// (which the page content uses as CIDs), with the character and advance
/// of each for the `ToUnicode` map and widths.
struct Used {
    remapper: GlyphRemapper,
    glyphs: BTreeMap<u16, (char, f32)>,
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
        self.glyphs.entry(cid).or_insert((glyph.drawn, glyph.advance));
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
    for (gid, (ch, _)) in &used.glyphs {
        unicode.pair(*gid, *ch);
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
    /// the line reads as one piece of text.
    pub(super) fn segments(&mut self, x: f32, y: f32, size: f32, segments: &[Segment]) {
        let runs: Vec<(&str, Weight, Rgb)> =
            segments.iter().map(|s| (s.text.as_str(), s.weight, s.colour)).collect();
        self.show([1.0, 0.0, 0.0, 1.0, x, y], size, &runs);
    }

    /// Draws text rotated a quarter turn anticlockwise, starting at (x, y).
    pub(super) fn text_up(&mut self, x: f32, y: f32, size: f32, text: &str, colour: Rgb) {
        self.text_matrix([0.0, 1.0, -1.0, 0.0, x, y], size, text, Weight::Regular, colour);
    }

    fn text_matrix(&mut self, matrix: [f32; 6], size: f32, text: &str, weight: Weight, colour: Rgb) {
        self.show(matrix, size, &[(text, weight, colour)]);
    }

    /// Shows runs of text one after the other in one text object; the font
    /// changes inside a run where a letter comes from a fallback.
    fn show(&mut self, matrix: [f32; 6], size: f32, runs: &[(&str, Weight, Rgb)]) {
        let encoded: Vec<Vec<(usize, Vec<u8>)>> = runs.iter().map(|(text, ..)| self.encode(text)).collect();
        let c = &mut *self.content;
        c.save_state();
        c.begin_text();
        c.set_text_matrix(matrix);
        let mut bold = false;
        let mut current = None;
        for ((_, weight, colour), pieces) in runs.iter().zip(&encoded) {
            c.set_fill_rgb(colour.0, colour.1, colour.2);
            if *weight == Weight::Bold {
                c.set_stroke_rgb(colour.0, colour.1, colour.2);
                c.set_line_width(size * 0.035);
                c.set_text_rendering_mode(TextRenderingMode::FillStroke);
            } else if bold {
                c.set_text_rendering_mode(TextRenderingMode::Fill);
            }
            bold = *weight == Weight::Bold;
            for (face, bytes) in pieces {
                if current != Some(*face) {
                    c.set_font(Name(&resource(*face)), size);
                    current = Some(*face);
                }
                c.show(Str(bytes));
            }
        }
        c.end_text();
        c.restore_state();
    }

    /// The CIDs of `text`, in pieces of one face each, noting the glyphs
    /// used and any characters no font has.
    fn encode(&mut self, text: &str) -> Vec<(usize, Vec<u8>)> {
        let mut pieces: Vec<(usize, Vec<u8>)> = Vec::new();
        for ch in text.chars() {
            let glyph = self.font.glyph_or_fallback(ch);
            if glyph.drawn != ch && !self.missing.contains(&ch) {
                self.missing.push(ch);
            }
            let Some(used) = self.used.get_mut(glyph.face) else { continue };
            let cid = used.cid(glyph);
            match pieces.last_mut() {
                Some((face, bytes)) if *face == glyph.face => bytes.extend_from_slice(&cid.to_be_bytes()),
                _ => pieces.push((glyph.face, cid.to_be_bytes().to_vec())),
            }
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
