"""Every character the PDF draws has a glyph in the font it is drawn in (issue 18: "⚠", arrows,
emoji, Hebrew and Arabic vanished silently). The scan records every string reportlab encodes
with an embedded TrueType font, so it covers paragraphs, table cells, charts, headers and the
contents page alike."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont

from app.reports import fonts
from app.reports.pdf import write_pdf
from app.reports.snapshot import build_snapshot
from tests.sample_report import build_audit

TYPED = "Nhiệt thải → thu hồi ⚠ pH ≤ 9 ✓ 😀 🧪 שלום مرحبا ★"


@pytest.fixture
def drawn(monkeypatch):
    """(font name, text) of every string encoded while a PDF is written."""
    seen: list[tuple[str, str]] = []
    original = TTFont.splitString

    def spy(self, text, doc, encoding="utf-8"):
        seen.append((self.fontName, text if isinstance(text, str) else text.decode(encoding)))
        return original(self, text, doc, encoding)

    monkeypatch.setattr(TTFont, "splitString", spy)
    return seen


def typed_everywhere():
    a = build_audit()
    a.info.title = "Đánh giá ⚠ " + TYPED
    a.info.enterprise.name = "Công ty → " + TYPED
    a.findings[0].title = TYPED
    a.findings[0].note = TYPED
    a.options[0].title_vi = TYPED
    a.options[0].title_en = TYPED
    a.options[1].description_en = TYPED
    a.steps[0].name_vi = "Nấu ⚠ " + TYPED
    a.streams[0].name_vi = "Điện → " + TYPED
    a.team[0].name = TYPED
    return a


def missing(drawn) -> list[tuple[str, str]]:
    return [
        (font, ch)
        for font, text in drawn
        for ch in text
        if ord(ch) >= 32 and ord(ch) not in fonts.glyphs(font)
    ]


@pytest.mark.parametrize(
    ("lang", "variant"), [("vi", "full"), ("en", "full"), ("en", "summary"), ("vi", "confidential")]
)
def test_every_drawn_character_has_a_glyph(drawn, lang, variant):
    a = typed_everywhere()
    buf = io.BytesIO()
    write_pdf(build_snapshot(a, variant), lang, buf)
    assert drawn, "the spy saw nothing: the scan would prove nothing"
    assert missing(drawn) == []


def test_the_demo_report_draws_only_characters_its_fonts_have(drawn):
    """The plain demo (the imbalance flag ⚠ of the balances table included)."""
    buf = io.BytesIO()
    write_pdf(build_snapshot(build_audit(), "full"), "vi", buf)
    assert missing(drawn) == []


def test_symbols_are_kept_and_drawn_in_the_fallback_font(drawn):
    a = typed_everywhere()
    buf = io.BytesIO()
    write_pdf(build_snapshot(a, "full"), "vi", buf)
    fallback = "".join(t for f, t in drawn if f in (fonts.FALLBACK, fonts.FALLBACK_BOLD))
    for ch in "→⚠≤✓😀ש":
        assert ch in fallback, ch
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(buf.getvalue())).pages)
    assert "→" in text and "⚠" in text
    fonts_in_pdf = {
        str(f.get_object()["/BaseFont"])
        for page in PdfReader(io.BytesIO(buf.getvalue())).pages
        for f in (page["/Resources"].get("/Font") or {}).values()
    }
    assert any("DejaVuSans" in name for name in fonts_in_pdf)


def test_a_character_no_font_has_is_written_as_its_code_point():
    # U+E000 is a private-use code point: neither Noto Sans nor DejaVu Sans draws it
    assert fonts.printable("a\ue000b") == "a[U+E000]b"
    assert "[U+E000]" in re.sub(r"<[^>]+>", "", fonts.markup("x\ue000 →"))
