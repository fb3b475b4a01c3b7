"""The matcher's proposals as a PDF (reportlab) and an Excel workbook (openpyxl), vi or en.

Both show what ``python -m app matches`` prints: one row a proposal (giver, offer, taker, need,
quantity, months, distance, waste and CO2e avoided, score) with its reasons in words, the totals,
the score rule, and the files that were not read. Written through ``safe_write`` so a failure
never leaves half a file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.core.messages import text
from app.core.symbiosis import match_text as mx
from app.core.symbiosis.matcher import Match
from app.reports import fonts, landscape_pdf
from app.reports.safe_write import write_atomically

ACCENT_HEX = "1F5F8B"
COLUMNS = (
    "rank",
    "giver",
    "offer",
    "taker",
    "need",
    "quantity",
    "unit",
    "months",
    "km",
    "waste",
    "co2e",
    "score",
    "reasons",
)
NUMERIC = frozenset({"rank", "quantity", "km", "waste", "co2e", "score"})


@dataclass
class MatchReport:
    """What an export shows: the proposals and where they came from."""

    matches: Sequence[Match]
    park: str | None
    neighbours: bool | Sequence[str]  # True: the same province; or the parks named
    source: str
    parties: int
    notes: list[str] = field(default_factory=list)  # already in the report's language
    skipped: list[str] = field(default_factory=list)
    day: date | None = None


def title(report: MatchReport, lang: str) -> str:
    park = report.park or text("symbiosis.match.all_parks", lang)
    line = text("symbiosis.match.title", lang, park=park)
    if report.neighbours is True:
        line += f" ({text('symbiosis.match.with_neighbours', lang)})"
    elif report.neighbours:
        parks = ", ".join(report.neighbours)
        line += f" ({text('symbiosis.match.with_named_neighbours', lang, parks=parks)})"
    return line


def header_lines(report: MatchReport, lang: str) -> list[str]:
    from app.reports import fmt

    return [
        text(
            "symbiosis.match.generated",
            lang,
            day=fmt.day(report.day or date.today(), lang),
            source=report.source,
        ),
        text("symbiosis.match.count", lang, count=len(report.matches), parties=report.parties),
        mx.totals_line(report.matches, lang),
        text("symbiosis.match.caveat", lang),
    ]


def headers(lang: str) -> list[str]:
    return [text(f"symbiosis.match.col.{c}", lang) for c in COLUMNS]


def row_values(m: Match, rank: int, lang: str) -> list[Any]:
    """One proposal's cells as values (numbers stay numbers for the workbook)."""
    return [
        rank,
        m.giver.label,
        mx.class_name(m.offer.code, lang),
        m.taker.label,
        mx.class_name(m.need.code, lang),
        m.quantity,
        m.unit,
        mx.months_text(m.months, lang) if m.months else "",
        m.distance_km,
        m.waste_avoided_t,
        m.co2e_avoided_t,
        m.score,
        "\n".join(mx.reasons_text(m, lang, mx.IN_COLUMNS)),
    ]


# ---------------------------------------------------------------------------------------------
# PDF


def write_matches_pdf(report: MatchReport, lang: str, target: str | os.PathLike) -> None:
    write_atomically(target, lambda tmp: _build_pdf(report, lang, tmp))


def cell_text(value: Any, column: str, lang: str) -> str:
    from app.reports import fmt

    if value is None:
        return text("symbiosis.match.not_estimated", lang) if column == "co2e" else fmt.DASH
    if column == "rank":
        return str(value)
    if column in ("km", "score"):
        return fmt.number(value, lang, 1)
    if column in NUMERIC:
        return fmt.smart(value, lang)
    return str(value)


def _build_pdf(report: MatchReport, lang: str, path: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    fonts.register()
    base = ParagraphStyle("b", fontName=fonts.REGULAR, fontSize=9, leading=12)
    cell = ParagraphStyle("c", parent=base, fontSize=7, leading=8.5)
    cell_r = ParagraphStyle("cr", parent=cell, alignment=2)
    head = ParagraphStyle("h", parent=cell, fontName=fonts.BOLD, textColor=colors.white)
    h1 = ParagraphStyle("h1", parent=base, fontName=fonts.BOLD, fontSize=15, leading=19)
    h1.textColor = colors.HexColor("#" + ACCENT_HEX)
    h1.spaceAfter = 6
    small = ParagraphStyle("s", parent=base, fontSize=7.5, leading=9.5)

    def p(s: str, style: ParagraphStyle = base) -> Paragraph:
        return Paragraph(fonts.markup(s, style.fontName), style)

    heading = title(report, lang)
    story: list[Any] = [p(heading, h1)]
    story += [p(line) for line in header_lines(report, lang)]
    story.append(Spacer(1, 3 * mm))
    page_w = landscape(A4)[0] - 24 * mm
    if report.matches:
        rows: list[list[Any]] = [[p(h, head) for h in headers(lang)]]
        for rank, m in enumerate(report.matches, start=1):
            values = row_values(m, rank, lang)
            line = []
            for column, value in zip(COLUMNS, values, strict=True):
                if column == "reasons":
                    markup = "<br/>".join(fonts.markup(r) for r in value.split("\n"))
                    line.append(Paragraph(markup, cell))
                else:
                    style = cell_r if column in NUMERIC else cell
                    line.append(p(cell_text(value, column, lang), style))
            rows.append(line)
        weights = [0.35, 1.5, 1.9, 1.5, 1.9, 0.9, 0.55, 0.8, 0.5, 0.85, 0.9, 0.55, 4.2]
        table = Table(rows, colWidths=[page_w * w / sum(weights) for w in weights], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#" + ACCENT_HEX)),
                    (
                        "ROWBACKGROUNDS",
                        (0, 1),
                        (-1, -1),
                        [colors.white, colors.HexColor("#EEF3F7")],
                    ),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#B0BEC5")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        story.append(table)
    else:
        story.append(p(text("symbiosis.match.none", lang)))
    story += [Spacer(1, 3 * mm), p(text("symbiosis.match.score_rule", lang), small)]
    for note in report.notes:
        story.append(p("• " + note, small))
    if report.skipped:
        story.append(p(text("symbiosis.match.skipped", lang, n=len(report.skipped)), small))
        story += [p("• " + why, small) for why in report.skipped]

    landscape_pdf.build(
        path,
        story,
        title=heading,
        page_label=lambda n: text("symbiosis.match.page", lang, n=n),
        margin_mm=12,
        bottom_mm=13,
        footer_mm=7,
    )


# ---------------------------------------------------------------------------------------------
# XLSX


def write_matches_xlsx(report: MatchReport, lang: str, target: str | os.PathLike) -> None:
    write_atomically(target, lambda tmp: _build_xlsx(report, lang, tmp))


def _build_xlsx(report: MatchReport, lang: str, path: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    heading = title(report, lang)
    wb = Workbook()
    ws = wb.active
    ws.title = text("symbiosis.match.sheet", lang)[:31]
    ws.append([heading])
    ws["A1"].font = Font(bold=True, size=14, color=ACCENT_HEX)
    for line in header_lines(report, lang):
        ws.append([line])
    ws.append([])
    first = ws.max_row + 1
    ws.append(headers(lang))
    for c in range(1, len(COLUMNS) + 1):
        cell = ws.cell(first, c)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=ACCENT_HEX)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for rank, m in enumerate(report.matches, start=1):
        ws.append(row_values(m, rank, lang))
        ws.cell(ws.max_row, len(COLUMNS)).alignment = Alignment(wrap_text=True, vertical="top")
    if not report.matches:
        ws.append([text("symbiosis.match.none", lang)])
    widths = {"giver": 28, "offer": 34, "taker": 28, "need": 34, "reasons": 80, "months": 14}
    formats = {"quantity": "#,##0.0", "km": "0.0", "waste": "#,##0.0", "co2e": "#,##0.0"}
    for i, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = widths.get(column, 11)
        if column in formats:
            for r in range(first + 1, ws.max_row + 1):
                ws.cell(r, i).number_format = formats[column]
    ws.freeze_panes = ws.cell(first + 1, 2)
    ws.append([])
    ws.append([text("symbiosis.match.score_rule", lang)])
    for line in report.notes:
        ws.append([line])
    if report.skipped:
        ws.append([text("symbiosis.match.skipped", lang, n=len(report.skipped))])
        for line in report.skipped:
            ws.append([line])
    wb.properties.title = heading
    wb.properties.creator = "RECP Audit"
    wb.save(path)
