"""The report's fonts, registered with reportlab, and the rule for characters they lack.

Noto Sans (SIL OFL, see resources/fonts/OFL.txt) is the report's face: the built-in PDF fonts
have no Vietnamese glyphs, and a registered TrueType font is embedded as a subset, so every
reader shows the diacritics. Noto Sans has no arrows, ⚠, ≤/≥, emoji, Hebrew or Arabic; DejaVu
Sans (Bitstream Vera licence with public-domain changes, resources/fonts/LICENSE_DEJAVU.txt,
the copy matplotlib ships) has them and is the fallback: a run of such characters is drawn in
it (``markup`` for paragraphs, ``font_for`` for one-font strings such as chart labels). A
character neither font has is written as its code point, ``[U+1F9EA]``, never a blank.
Reportlab draws Arabic letters unjoined and left to right (it does no shaping): legible, not
typeset.
"""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape

from app.paths import data_path

FAMILY = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"
BOLD_ITALIC = "NotoSans-BoldItalic"
REGULAR = "NotoSans-Regular"
FALLBACK = "DejaVuSans"
FALLBACK_BOLD = "DejaVuSans-Bold"
MAIN = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)


@lru_cache(maxsize=1)
def register() -> str:
    """Register the family and its fallback once per process; returns the family name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = data_path("resources", "fonts")
    for name in (*MAIN, FALLBACK, FALLBACK_BOLD):
        pdfmetrics.registerFont(TTFont(name, str(folder / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return FAMILY


@lru_cache(maxsize=8)
def glyphs(font: str) -> frozenset[int]:
    """The code points ``font`` (a registered name) has a glyph for."""
    from reportlab.pdfbase import pdfmetrics

    register()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


ASCII = frozenset(range(32, 127))


def fallback_of(font: str) -> str:
    return FALLBACK_BOLD if "Bold" in font else FALLBACK


# Noto Sans lacks these; when the fallback lacks a character too, these stand in before the
# code point does.
_MISSING = {"→": "->", "←": "<-", "⇒": "=>", "↔": "<->", "≤": "<=", "≥": ">=", "≈": "~"}
_CONTROL = {9: " ", 10: "\n", 13: ""}


def _stand_in(ch: str) -> str:
    return _MISSING.get(ch) or f"[U+{ord(ch):04X}]"


def _runs(text: str, font: str) -> list[tuple[str, str]]:
    """``text`` as (font, piece) runs: the main font where it has the glyph, else the
    fallback, else a stand-in in the main font."""
    main, back = glyphs(font), glyphs(fallback_of(font))
    out: list[tuple[str, str]] = []
    for ch in text:
        cp = ord(ch)
        if cp < 32:
            use, piece = font, _CONTROL.get(cp, "")
        elif cp in main:
            use, piece = font, ch
        elif cp in back:
            use, piece = fallback_of(font), ch
        else:
            use, piece = font, _stand_in(ch)
        if out and out[-1][0] == use:
            out[-1] = (use, out[-1][1] + piece)
        else:
            out.append((use, piece))
    return out


@lru_cache(maxsize=4096)  # a report asks of the same labels and units thousands of times
def lacks(text: str, font: str = REGULAR) -> bool:
    """True when ``font`` has no glyph for some character of ``text``."""
    if text.isascii() and ASCII <= glyphs(font):  # most strings: no per-character test
        return False
    missing = set(map(ord, text)) - glyphs(font)
    return any(cp >= 32 for cp in missing)


def markup(text: str, font: str = REGULAR) -> str:
    """``text`` escaped for a Paragraph in ``font``, the characters it lacks in the fallback."""
    if not lacks(text, font):
        return escape(text)
    return "".join(
        escape(piece) if use == font else f'<font name="{use}">{escape(piece)}</font>'
        for use, piece in _runs(text, font)
    )


def font_for(text: str, font: str = REGULAR) -> tuple[str, str]:
    """(font, text) for a string drawn in one font (chart labels, page header): ``font`` when
    it has every glyph, else the fallback when that has them, else ``font`` with stand-ins."""
    if not lacks(text, font):
        return font, text
    back = fallback_of(font)
    if not lacks(text, back):
        return back, text
    return font, printable(text, font)


def printable(text: str, font: str = REGULAR) -> str:
    """``text`` with each character ``font`` lacks replaced by a stand-in it has."""
    if not lacks(text, font):
        return text
    have = glyphs(font)
    return "".join(ch if ord(ch) in have or ord(ch) < 32 else _stand_in(ch) for ch in text)


def fix_drawing(node) -> None:
    """Give every String of a reportlab Drawing (or Group) the font that has its glyphs
    (``font_for``): one pass over a finished chart, whatever code drew it."""
    from reportlab.graphics.shapes import String

    for child in getattr(node, "contents", ()):
        if isinstance(child, String):
            child.fontName, child.text = font_for(child.text, child.fontName)
        else:
            fix_drawing(child)
