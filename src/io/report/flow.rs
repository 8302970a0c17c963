//! Top-to-bottom flow of a report: a cursor that moves down the page,
//! wraps paragraphs and starts a new page when the next block does not fit.

use super::pdf::{
    Align, BODY, CONTENT_W, Canvas, Canvas1, Font, INK, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, PAGE_H,
    Rgb, SMALL, Weight, wrap,
};

/// Line height as a multiple of the font size.
const LEADING: f32 = 1.32;

/// The flow: the canvas and the top of the free space on the current page.
pub(super) struct Flow {
    pub(super) canvas: Canvas,
    /// Top of the free space, in PDF coordinates (from the page bottom).
    pub(super) y: f32,
}

impl Flow {
    pub(super) fn new(font: Font) -> Self {
        let mut canvas = Canvas::new(font);
        canvas.add_page();
        Self { canvas, y: PAGE_H - MARGIN_TOP }
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
        self.y -= height;
    }

    /// Height of a wrapped paragraph.
    pub(super) fn measure(&self, text: &str, size: f32, width: f32) -> f32 {
        line_count(wrap(self.font(), text, size, width).len()) * size * LEADING
    }

    /// A wrapped paragraph at `indent` from the left margin, `width` wide;
    /// lines flow onto the next page when needed.
    pub(super) fn paragraph_at(
        &mut self,
        text: &str,
        size: f32,
        indent: f32,
        width: f32,
        style: (Weight, Rgb),
    ) {
        let lines = wrap(self.font(), text, size, width);
        let line_h = size * LEADING;
        for line in lines {
            self.need(line_h);
            self.y -= line_h;
            let baseline = self.y + line_h - size;
            self.draw().text(MARGIN_X + indent, baseline, size, &line, (style.0, style.1, Align::Left));
        }
    }

    /// A full-width body paragraph.
    pub(super) fn paragraph(&mut self, text: &str) {
        self.paragraph_at(text, BODY, 0.0, CONTENT_W, (Weight::Regular, INK));
        self.gap(3.0);
    }

    /// Small grey print (sources, notes), indented by `indent`.
    pub(super) fn small(&mut self, text: &str, indent: f32) {
        self.paragraph_at(text, SMALL, indent, CONTENT_W - indent, (Weight::Regular, MUTED));
        self.gap(2.0);
    }

    /// A bullet point with an optional small source line under it; kept on
    /// one page when it fits.
    pub(super) fn bullet(&mut self, text: &str, source: Option<&str>) {
        let indent = 11.0;
        let width = CONTENT_W - indent;
        let mut height = self.measure(text, BODY, width);
        if let Some(s) = source {
            height += self.measure(s, SMALL, width);
        }
        if height < 200.0 {
            self.need(height + 2.0);
        }
        let line_h = BODY * LEADING;
        self.need(line_h);
        let baseline = self.y - BODY;
        self.draw().text(MARGIN_X + 2.0, baseline, BODY, "•", (Weight::Regular, MUTED, Align::Left));
        self.paragraph_at(text, BODY, indent, width, (Weight::Regular, INK));
        if let Some(s) = source {
            self.paragraph_at(s, SMALL, indent, width, (Weight::Regular, MUTED));
        }
        self.gap(4.0);
    }

    /// A section heading with a rule under it; never left alone at the
    /// bottom of a page.
    pub(super) fn heading(&mut self, text: &str) {
        let size = 13.0;
        self.gap(8.0);
        self.need(size * 2.0 + 60.0);
        self.y -= size * 1.2;
        let baseline = self.y + 2.0;
        self.draw().text(MARGIN_X, baseline, size, text, (Weight::Bold, INK, Align::Left));
        self.y -= 5.0;
        let y = self.y;
        self.draw().line((MARGIN_X, y), (MARGIN_X + CONTENT_W, y), 0.6, MUTED, &[]);
        self.y -= 7.0;
    }

    /// A smaller heading inside a section.
    pub(super) fn subheading(&mut self, text: &str) {
        let size = 10.5;
        self.gap(4.0);
        self.need(size * 1.4 + 40.0);
        self.paragraph_at(text, size, 0.0, CONTENT_W, (Weight::Bold, INK));
        self.gap(3.0);
    }
}

fn line_count(n: usize) -> f32 {
    #[expect(clippy::cast_precision_loss, reason = "a paragraph has few lines")]
    let n = n as f32;
    n
}
