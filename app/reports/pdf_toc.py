"""The report's contents page in a single build.

A contents page needs page numbers that only the laid-out document knows; reportlab's
``TableOfContents`` gets them by building the whole report twice. Here the headings' texts are
known before the build (they are in the story), so the page draws them, their dot leaders and
their links at once, and only the page numbers go into a PDF form XObject that is referenced
on the page and filled in at the end of the build, when every heading has found its page (a
PDF may use a form before defining it). One build instead of two.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from app.reports import fonts

FORM = "contentsPageNumbers"
LEVELS = (  # (font, size, leading, indent) of H1 and H2 entries
    (fonts.BOLD, 10.5, 21.0, 0.0),
    (fonts.REGULAR, 9.5, 17.0, 14.0),
)
NUMBER_ROOM = 22.0  # points kept right of the dot leaders for the page number


@dataclass
class Entry:
    level: int
    text: str
    key: str  # the heading's bookmark (h1, h2, ... in story order)
    y: float = 0.0  # baseline on the contents page, once drawn
    page: int | None = None


def headings(story: Iterable) -> list[tuple[int, str]]:
    """(level, text) of the H1 and H2 paragraphs of a story, in order, KeepTogethers opened."""
    out: list[tuple[int, str]] = []
    for f in story:
        if isinstance(f, KeepTogether):
            out += headings(f._content)
        elif isinstance(f, Paragraph) and f.style.name in ("H1", "H2"):
            out.append((0 if f.style.name == "H1" else 1, f.getPlainText()))
    return out


class ContentsPage(Flowable):
    """The list of headings with dot leaders, each a link to its heading; page numbers come
    from ``FORM``, which ``fill_numbers`` defines at the end of the build."""

    def __init__(self):
        super().__init__()
        self.entries: list[Entry] = []

    def set_headings(self, items: list[tuple[int, str]]) -> None:
        self.entries = [Entry(lv, t, f"h{i}") for i, (lv, t) in enumerate(items, 1)]

    def _scale(self, avail_height: float) -> float:
        """Leading factor that fits every entry on the page (1 unless there are very many)."""
        need = sum(LEVELS[e.level][2] for e in self.entries)
        return min(1.0, avail_height / need) if need else 1.0

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        k = self._scale(avail_height)
        self.height = sum(LEVELS[e.level][2] * k for e in self.entries)
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        k = self._scale(self.height)
        y = self.height
        right = self.width - NUMBER_ROOM
        for e in self.entries:
            font, size, leading, indent = LEVELS[e.level]
            y -= leading * k
            e.y = y + (leading * k - size) / 2
            text = _fit(e.text, font, size, right - indent - 20)
            shown_font, text = fonts.font_for(text, font)  # the fallback where Noto lacks glyphs
            canv.setFont(shown_font, size)
            canv.drawString(indent, e.y, text)
            canv.setFont(font, size)
            start = indent + stringWidth(text, shown_font, size) + 6
            dots = " ".join("." * max(0, int((right - start) / stringWidth(". ", font, size))))
            canv.drawRightString(right, e.y, dots)
            canv.linkRect("", e.key, (indent, e.y - 2, self.width, e.y + size), relative=1)
        canv.doForm(FORM)


def fill_numbers(canv, page: ContentsPage, pages: dict[str, int]) -> None:
    """Define ``FORM``: each entry's page number, right-aligned at its line (the form is drawn
    in the contents page's own coordinates)."""
    canv.beginForm(FORM)
    for e in page.entries:
        font, size, _, _ = LEVELS[e.level]
        canv.setFont(font, size)
        canv.drawRightString(page.width, e.y, str(pages.get(e.key, "")))
    canv.endForm()


def _fit(text: str, font: str, size: float, width: float) -> str:
    from app.reports.vector_axes import fit

    return fit(text, font, size, width)
