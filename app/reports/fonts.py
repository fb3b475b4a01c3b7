"""Noto Sans (SIL OFL, see resources/fonts/OFL.txt) registered with reportlab.

The built-in PDF fonts have no Vietnamese glyphs; a registered TrueType font is embedded as a
subset, so every reader shows the diacritics.
"""

from __future__ import annotations

from functools import lru_cache

from app.paths import data_path

FAMILY = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"
BOLD_ITALIC = "NotoSans-BoldItalic"
REGULAR = "NotoSans-Regular"


@lru_cache(maxsize=1)
def register() -> str:
    """Register the family once per process; returns the family name for styles."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = data_path("resources", "fonts")
    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(folder / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return FAMILY


# Symbols people type in names and notes that Noto Sans has no glyph for (a PDF would show a
# blank): written with characters it has.
_MISSING = str.maketrans(
    {"→": "->", "←": "<-", "⇒": "=>", "↔": "<->", "≤": "<=", "≥": ">=", "≈": "~", "≠": "!="}
)


def printable(text: str) -> str:
    """``text`` with the symbols the embedded font lacks replaced by ones it has."""
    return text.translate(_MISSING)
