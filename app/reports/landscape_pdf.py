"""A landscape A4 document with the title and page number in its footer: the programme-level
exports (portfolio, symbiosis matches) are built on it; the audit report has its own layout."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.reports import fonts


def build(
    path: str,
    story: list,
    *,
    title: str,
    page_label: Callable[[int], str],
    margin_mm: float,
    bottom_mm: float,
    footer_mm: float,
) -> None:
    """Write ``story`` at ``path``: side margins ``margin_mm``, the footer ``footer_mm`` above the
    page's lower edge with ``title`` on the left and ``page_label(page)`` on the right."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 7)
        canvas.drawString(margin_mm * mm, footer_mm * mm, fonts.printable(title))
        canvas.drawRightString(
            landscape(A4)[0] - margin_mm * mm, footer_mm * mm, page_label(doc.page)
        )
        canvas.restoreState()

    doc = SimpleDocTemplate(
        path,
        pagesize=landscape(A4),
        leftMargin=margin_mm * mm,
        rightMargin=margin_mm * mm,
        topMargin=12 * mm,
        bottomMargin=bottom_mm * mm,
        title=title,
        author="RECP Audit",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
