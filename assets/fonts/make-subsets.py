#!/usr/bin/env python3
"""Makes the fonts in this folder from Debian's Noto packages.

    apt-get install fonts-noto-cjk fonts-noto-core && pip install fonttools
    python3 assets/fonts/make-subsets.py

The whole Noto Sans CJK collection is about 19 MB, too much to compile into
the program, so the CJK font here is a subset of its Japanese face: every
character of JIS X 0208 (kana, both levels of kanji, the symbols and
punctuation Japanese text uses, Greek and Cyrillic) and of GB 2312 (common
simplified Chinese), the common traditional Chinese characters of Big5
level 1 (all but 481 are already among the kanji), the common Hangul
syllables of KS X 1001, CJK and full-width punctuation, arrows, and every
character of the shipped translations. Rarer characters (Big5 level 2, the
CJK extension blocks) are left out: they would add some 6,000 glyphs. Its outlines are converted from
cubic (CFF) to quadratic (TrueType) curves, so every embedded font is the
same kind and the PDF writer embeds them all one way. Arabic and Hebrew are
Noto Sans Arabic and Noto Sans Hebrew, trimmed to their own letters with
every layout table kept (GSUB and GPOS: joining forms, ligatures, mark
positions), which the PDF writer shapes right-to-left text with. All are
under the SIL Open Font License 1.1 (OFL.txt); the subset keeps the font's
name table, so the licence notice travels with it.
"""

import pathlib
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_JAPANESE_FACE = 0
ARABIC = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"
HEBREW = "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf"


def jis_x_0208():
    """Every character of JIS X 0208, enumerated through EUC-JP."""
    chars = set()
    for row in range(0xA1, 0xFF):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes([row, cell]).decode("euc_jp"))
            except UnicodeDecodeError:
                pass
    return chars


def gb_2312():
    """Every character of GB 2312 (the 6,763 common simplified Chinese ones)."""
    chars = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def big5_level_1():
    """The 5,401 common traditional Chinese characters of Big5 (A440-C67E)."""
    chars = set()
    for row in range(0xA4, 0xC7):
        for cell in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                chars.add(bytes([row, cell]).decode("big5"))
            except UnicodeDecodeError:
                pass
    return {c for c in chars if "\u4e00" <= c <= "\u9fff"}


def ks_x_1001_hangul():
    """The 2,350 Hangul syllables of KS X 1001 and its compatibility jamo."""
    chars = set()
    for row in list(range(0xB0, 0xC9)) + [0xA4]:
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes([row, cell]).decode("euc_kr"))
            except UnicodeDecodeError:
                pass
    return chars


def translations():
    """Every character the shipped translations use."""
    chars = set()
    for path in (ROOT / "assets" / "locales").rglob("*.ftl"):
        chars.update(path.read_text(encoding="utf-8"))
    return chars


def ranges(*spans):
    return {chr(c) for lo, hi in spans for c in range(lo, hi + 1)}


def subset_font(font, chars, layout_features):
    options = subset.Options()
    options.layout_features = layout_features
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars if not c.isspace() or c == " "])
    subsetter.subset(font)
    return font


def cff_to_truetype(font):
    """Replaces the CFF outlines with quadratic TrueType ones."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["maxp"] = newTable("maxp")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(order)
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcBBoxes = True
    return font


def main():
    cjk_chars = (
        jis_x_0208()
        | gb_2312()
        | big5_level_1()
        | ks_x_1001_hangul()
        | ranges((0x20, 0x7E), (0x3000, 0x303F), (0x3040, 0x30FF), (0xFF00, 0xFFEF), (0x2190, 0x21FF),
                 (0x2010, 0x2027), (0x2030, 0x205E), (0x2200, 0x22FF), (0x25A0, 0x25FF), (0x2460, 0x24FF))
        | translations()
    )
    cjk = TTCollection(CJK).fonts[CJK_JAPANESE_FACE]
    subset_font(cjk, cjk_chars, [])
    cff_to_truetype(cjk)
    out = HERE / "NotoSansCJKjp-Subset.ttf"
    cjk.save(out)
    print(out.name, out.stat().st_size, "bytes", len(cjk.getGlyphOrder()), "glyphs")

    for source, name, spans in (
        (ARABIC, "NotoSansArabic-Subset.ttf", ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
        (HEBREW, "NotoSansHebrew-Subset.ttf", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))),
    ):
        font = TTFont(source)
        # Every layout feature stays in, for shaping; the presentation forms
        # too, for text that arrives already shaped.
        subset_font(font, ranges(*spans) | {" "}, ["*"])
        out = HERE / name
        font.save(out)
        print(out.name, out.stat().st_size, "bytes", len(font.getGlyphOrder()), "glyphs")


if __name__ == "__main__":
    sys.exit(main())
