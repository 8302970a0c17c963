//! A small PDF canvas: A4 pages, one embedded TrueType font with a
//! `ToUnicode` map (so text is selectable and extractable), wrapped
//! paragraphs that flow onto new pages, and the vector shapes the figures
//! need.
//!
//! The font is Ubuntu Light from `epaint_default_fonts` (the bytes egui
//! already ships; Ubuntu Font Licence 1.0), embedded whole as a CID-keyed
//! TrueType font (`Identity-H`), so the output is the same on every machine.

use std::collections::BTreeMap;
use std::io::Write as _;

use pdf_writer::types::{CidFontType, FontFlags, LineCapStyle, SystemInfo, TextRenderingMode, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish as _, Name, Pdf, Rect, Ref, Str, TextStr};
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider as _};

/// A4 width in points.
pub(super) const PAGE_W: f32 = 595.28;
/// A4 height in points.
pub(super) const PAGE_H: f32 = 841.89;
/// Left and right margin.
pub(super) const MARGIN_X: f32 = 54.0;
/// Top margin.
pub(super) const MARGIN_TOP: f32 = 54.0;
/// Bottom margin; the footer sits inside it.
pub(super) const MARGIN_BOTTOM: f32 = 62.0;
/// Width of the text column.
pub(super) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// Body text size.
pub(super) const BODY: f32 = 9.5;
/// Small print (sources, notes).
pub(super) const SMALL: f32 = 8.0;

const FONT_NAME: &[u8] = b"Ubuntu-Light";
const FONT_RESOURCE: Name<'static> = Name(b"F1");

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

/// The embedded font and its metrics.
pub(super) struct Font {
    bytes: &'static [u8],
    charmap: skrifa::charmap::Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    upem: f32,
    ascent: f32,
    descent: f32,
    cap_height: f32,
    bbox: [f32; 4],
}

impl Font {
    /// Parses the bundled font.
    pub(super) fn bundled() -> Result<Self, String> {
        let bytes = epaint_default_fonts::UBUNTU_LIGHT;
        let font = FontRef::new(bytes).map_err(|e| format!("the bundled font could not be read: {e}"))?;
        let m = font.metrics(Size::unscaled(), LocationRef::default());
        let upem = f32::from(m.units_per_em);
        let bbox = m.bounds.map_or([0.0, -250.0, 1000.0, 1000.0], |b| [b.x_min, b.y_min, b.x_max, b.y_max]);
        Ok(Self {
            bytes,
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            upem,
            ascent: m.ascent,
            descent: m.descent,
            cap_height: m.cap_height.unwrap_or(m.ascent * 0.7),
            bbox,
        })
    }

    /// Glyph id and advance (in 1/1000 em) for a character; `None` if the
    /// font lacks it.
    fn glyph(&self, ch: char) -> Option<(u16, f32)> {
        let gid = self.charmap.map(ch)?;
        let id = u16::try_from(gid.to_u32()).ok()?;
        let advance = self.metrics.advance_width(gid).unwrap_or(0.0);
        Some((id, advance * 1000.0 / self.upem))
    }

    /// The glyph for `ch`, or for a plain stand-in when the font lacks it.
    fn glyph_or_fallback(&self, ch: char) -> (u16, f32, char) {
        if let Some((g, w)) = self.glyph(ch) {
            return (g, w, ch);
        }
        let stand_in = match ch {
            '\u{2192}' => '>',
            '\u{2011}' => '-',
            '\u{00a0}' | '\t' => ' ',
            _ => '?',
        };
        self.glyph(stand_in).map_or((0, 500.0, ch), |(g, w)| (g, w, stand_in))
    }

    /// Width of `text` at `size` points.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph_or_fallback(c).1).sum::<f32>() * size / 1000.0
    }

    /// Whether every character of `text` is in the font.
    pub(super) fn covers(&self, text: &str) -> bool {
        text.chars().all(|c| c.is_control() || self.glyph(c).is_some())
    }
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

/// Pages being drawn, plus the glyphs used (for widths and `ToUnicode`).
pub(super) struct Canvas {
    pub(super) font: Font,
    pages: Vec<Content>,
    used: BTreeMap<u16, (char, f32)>,
    /// Characters that were missing from the font (drawn as a stand-in).
    pub(super) missing: Vec<char>,
}

impl Canvas {
    pub(super) fn new(font: Font) -> Self {
        Self { font, pages: Vec::new(), used: BTreeMap::new(), missing: Vec::new() }
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
    pub(super) fn finish(self, title: &str, creator: &str) -> Vec<u8> {
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
        let type0 = alloc();
        let cid = alloc();
        let descriptor = alloc();
        let file = alloc();
        let cmap = alloc();
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
            page.resources().fonts().pair(FONT_RESOURCE, type0);
            page.finish();
            let data = deflate(&content.finish());
            pdf.stream(*content_id, &data).filter(Filter::FlateDecode);
        }

        let system_info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
        pdf.type0_font(type0)
            .base_font(Name(FONT_NAME))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap);
        let mut cid_font = pdf.cid_font(cid);
        cid_font
            .subtype(CidFontType::Type2)
            .base_font(Name(FONT_NAME))
            .system_info(system_info)
            .font_descriptor(descriptor)
            .default_width(500.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        {
            let mut widths = cid_font.widths();
            for (gid, (_, w)) in &used {
                widths.consecutive(*gid, [*w]);
            }
        }
        cid_font.finish();

        let scale = 1000.0 / font.upem;
        let [x0, y0, x1, y1] = font.bbox;
        pdf.font_descriptor(descriptor)
            .name(Name(FONT_NAME))
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(x0 * scale, y0 * scale, x1 * scale, y1 * scale))
            .italic_angle(0.0)
            .ascent(font.ascent * scale)
            .descent(font.descent * scale)
            .cap_height(font.cap_height * scale)
            .stem_v(70.0)
            .font_file2(file);

        let mut unicode = UnicodeCmap::new(Name(b"Xhim-UTF16"), system_info);
        for (gid, (ch, _)) in &used {
            unicode.pair(*gid, *ch);
        }
        let unicode = unicode.finish();
        pdf.cmap(cmap, &unicode);

        let compressed = deflate(font.bytes);
        pdf.stream(file, &compressed)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), i32::try_from(font.bytes.len()).unwrap_or(i32::MAX));

        pdf.finish()
    }
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
    used: &'a mut BTreeMap<u16, (char, f32)>,
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

    /// Shows runs of text one after the other in one text object.
    fn show(&mut self, matrix: [f32; 6], size: f32, runs: &[(&str, Weight, Rgb)]) {
        let encoded: Vec<Vec<u8>> = runs.iter().map(|(text, ..)| self.encode(text)).collect();
        let c = &mut *self.content;
        c.save_state();
        c.begin_text();
        c.set_font(FONT_RESOURCE, size);
        c.set_text_matrix(matrix);
        let mut bold = false;
        for ((_, weight, colour), bytes) in runs.iter().zip(&encoded) {
            c.set_fill_rgb(colour.0, colour.1, colour.2);
            if *weight == Weight::Bold {
                c.set_stroke_rgb(colour.0, colour.1, colour.2);
                c.set_line_width(size * 0.035);
                c.set_text_rendering_mode(TextRenderingMode::FillStroke);
            } else if bold {
                c.set_text_rendering_mode(TextRenderingMode::Fill);
            }
            bold = *weight == Weight::Bold;
            c.show(Str(bytes));
        }
        c.end_text();
        c.restore_state();
    }

    /// Glyph ids of `text`, noting the glyphs used and any characters the
    /// font lacks.
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut encoded = Vec::with_capacity(text.len() * 2);
        for ch in text.chars() {
            let (gid, width, drawn) = self.font.glyph_or_fallback(ch);
            if drawn != ch && !self.missing.contains(&ch) {
                self.missing.push(ch);
            }
            self.used.entry(gid).or_insert((drawn, width));
            encoded.extend_from_slice(&gid.to_be_bytes());
        }
        encoded
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
