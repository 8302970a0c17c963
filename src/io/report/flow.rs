//! Top-to-bottom flow of a report: a cursor that moves down the page,
//! sets paragraphs through the one layouter ([`super::rich`]) and starts a
//! new page when the next block does not fit.

use crate::model::text::Paragraph;

use super::pdf::{
    Align, CONTENT_W, Canvas, Canvas1, Font, INK, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, PAGE_H, Rgb,
    Weight,
};
use super::rich::{self, CLINICAL, CLINICAL_SMALL, Look, styled};

/// The flow: the canvas and the top of the free space on the current page.
pub(super) struct Flow {
    pub(super) canvas: Canvas,
    /// Top of the free space, in PDF coordinates (from the page bottom).
    pub(super) y: f32,
    /// Space between blocks and around headings halved: the type stays the
    /// same size, so a long handout keeps to its pages without smaller print.
    pub(super) tight: bool,
}

impl Flow {
    pub(super) fn new(font: Font) -> Self {
        let mut canvas = Canvas::new(font);
        canvas.add_page();
        Self { canvas, y: PAGE_H - MARGIN_TOP, tight: false }
    }

    pub(super) fn font(&self) -> &Font {
        &self.canvas.font
    }

    pub(super) fn draw(&mut self) -> Canvas1<'_> {
        self.canvas.draw()
    }

    /// Free height left on this page.
    pub(super) fn room(&self) -> f32 {
        self.y - MARGIN_BOTTOM
    }

    /// Starts a new page unless `height` still fits on this one.
    pub(super) fn need(&mut self, height: f32) {
        if self.room() < height {
            self.new_page();
        }
    }

    pub(super) fn new_page(&mut self) {
        self.canvas.add_page();
        self.y = PAGE_H - MARGIN_TOP;
    }

    /// Vertical space.
    pub(super) fn gap(&mut self, height: f32) {
        self.y -= if self.tight { height / 2.0 } else { height };
    }

    /// Height of a paragraph laid out `width` wide.
    pub(super) fn measure(&self, p: &Paragraph, look: Look, width: f32) -> f32 {
        rich::measure(self.font(), p, look, width)
    }

    /// A paragraph at `indent` from the left margin, `width` wide; lines
    /// flow onto the next page when needed. A right-to-left paragraph's
    /// lines are set against the right edge, where its reader starts.
    pub(super) fn rich(&mut self, p: &Paragraph, look: Look, indent: f32, width: f32) {
        let line_h = look.line_height();
        for line in rich::lines(self.font(), p, look, width) {
            self.need(line_h);
            self.y -= line_h;
            let baseline = self.y + line_h - look.size;
            let mut x = MARGIN_X + indent;
            if line.rtl {
                let used: f32 = line.segments.iter().map(|s| self.font().width(&s.text, look.size)).sum();
                x += (width - used).max(0.0);
            }
            self.draw().segments(x, baseline, look.size, &line.segments, line.rtl);
        }
    }

    /// A paragraph with its first line's top at `top`, without page breaks
    /// (table cells); the cursor stays where it was.
    pub(super) fn rich_at(&mut self, p: &Paragraph, look: Look, x: f32, top: f32, width: f32) {
        let saved = self.y;
        self.y = top;
        self.rich(p, look, x - MARGIN_X, width);
        self.y = saved;
    }

    /// Text in one weight and colour at `indent` from the left margin,
    /// `width` wide.
    pub(super) fn paragraph_at(
        &mut self,
        text: &str,
        size: f32,
        indent: f32,
        width: f32,
        style: (Weight, Rgb),
    ) {
        let look = Look { size, colour: style.1, ..CLINICAL };
        self.rich(&styled(text, style.0), look, indent, width);
    }

    /// A full-width body paragraph.
    pub(super) fn paragraph(&mut self, text: &str) {
        self.rich(&Paragraph::from(text), CLINICAL, 0.0, CONTENT_W);
        self.gap(3.0);
    }

    /// Small grey print (sources, notes), indented by `indent`.
    pub(super) fn small(&mut self, text: &str, indent: f32) {
        self.rich(&Paragraph::from(text), CLINICAL_SMALL, indent, CONTENT_W - indent);
        self.gap(2.0);
    }

    /// A bullet point with an optional small line under it (why it concerns
    /// him, its source); kept on one page when it fits.
    pub(super) fn bullet(&mut self, text: &Paragraph, under: Option<&Paragraph>) {
        let indent = 11.0;
        let width = CONTENT_W - indent;
        let mut height = self.measure(text, CLINICAL, width);
        if let Some(s) = under {
            height += self.measure(s, CLINICAL_SMALL, width);
        }
        if height < 200.0 {
            self.need(height + 2.0);
        }
        self.need(CLINICAL.line_height());
        let baseline = self.y - CLINICAL.size;
        self.draw().text(MARGIN_X + 2.0, baseline, CLINICAL.size, "•", (Weight::Regular, MUTED, Align::Left));
        self.rich(text, CLINICAL, indent, width);
        if let Some(s) = under {
            self.rich(s, CLINICAL_SMALL, indent, width);
        }
        self.gap(4.0);
    }

    /// A section heading with a rule under it; never left alone at the
    /// bottom of a page.
    pub(super) fn heading(&mut self, text: &str) {
        let size = 13.0;
        let (below_text, below_rule) = if self.tight { (3.0, 4.0) } else { (5.0, 7.0) };
        self.gap(6.0);
        self.need(size * 2.0 + 60.0);
        self.y -= size * 1.2;
        let baseline = self.y + 2.0;
        self.draw().text(MARGIN_X, baseline, size, text, (Weight::Bold, INK, Align::Left));
        self.y -= below_text;
        let y = self.y;
        self.draw().line((MARGIN_X, y), (MARGIN_X + CONTENT_W, y), 0.6, MUTED, &[]);
        self.y -= below_rule;
    }

    /// A smaller heading inside a section.
    pub(super) fn subheading(&mut self, text: &str) {
        let size = 10.5;
        self.gap(4.0);
        self.need(size * 1.4 + 24.0);
        self.paragraph_at(text, size, 0.0, CONTENT_W, (Weight::Bold, INK));
        self.gap(3.0);
    }
}
