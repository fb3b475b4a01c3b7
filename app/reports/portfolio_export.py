"""The programme portfolio as a PDF (reportlab) and an Excel workbook (openpyxl).

Both show what the CLI and the window show (``app.reports.portfolio_tables``): the totals, the
enterprises, every breakdown and the CP techniques, in Vietnamese or English. The confidential
variant names no enterprise: no name, tax code, audit title, file path or source address.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import Any

from app.core import portfolio as pf
from app.core.messages import text
from app.reports import fonts, landscape_pdf
from app.reports import park_readiness_tables as prt
from app.reports import portfolio_tables as pt
from app.reports.safe_write import write_atomically

ACCENT_HEX = "1F5F8B"


def _header_lines(
    source: str, lang: str, confidential: bool, today: date | None = None
) -> list[str]:
    from app.reports import fmt

    lines = [text("portfolio.export.generated", lang, day=fmt.day(today or date.today(), lang))]
    if confidential:
        lines.append(text("portfolio.export.confidential_note", lang))
    else:
        lines.append(text("portfolio.export.source", lang, source=source))
    return lines


def _skipped_lines(portfolio: Any, lang: str, confidential: bool) -> list[str]:
    from app.core.messages import render

    out = []
    for e in portfolio.skipped:
        if confidential:
            out.append(
                text(e.problem.key, lang, **{**e.problem.params, "detail": "–", "path": "–"})
            )
        else:
            out.append(render(e.problem, lang))
    return out


def _readiness_tables(
    summaries: Sequence[pf.AuditSummary], lang: str, confidential: bool
) -> tuple[pt.Table, pt.Table, list[str]]:
    """The eco-enterprise readiness per park and per firm (``app.core.park_readiness``), and
    the lines on firms of unknown readiness."""
    from app.core import park_readiness as prd

    parks = prd.by_park(summaries)
    return (
        prt.park_table(parks, lang),
        prt.firm_table(parks, lang, confidential),
        prt.unknown_lines(parks, lang),
    )


# ---------------------------------------------------------------------------------------------
# PDF


def write_portfolio_pdf(
    portfolio: Any, lang: str, target: str | os.PathLike, confidential: bool = False
) -> None:
    write_atomically(target, lambda tmp: _build_pdf(portfolio, lang, tmp, confidential))


def _bar_chart(tables: Sequence[pt.Table], lang: str, width: float) -> Any:
    """Options found and implemented per park (the programme's headline chart)."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    by_park = next(t for t in tables if t.columns[0] == "key")
    labels = [r[0] for r in by_park.values][:12]
    found = [r[2] for r in by_park.values][:12]
    done = [r[4] for r in by_park.values][:12]
    d = Drawing(width, 190)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 40, width - 200, 130
    chart.data = [found or [0], done or [0]]
    chart.categoryAxis.categoryNames = labels or [""]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#" + ACCENT_HEX)
    chart.bars[1].fillColor = colors.HexColor("#7FB77E")
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 150, 150
    legend.fontName = fonts.REGULAR
    legend.fontSize = 8
    legend.colorNamePairs = [
        (colors.HexColor("#" + ACCENT_HEX), text("portfolio.col.found", lang)),
        (colors.HexColor("#7FB77E"), text("portfolio.col.implemented", lang)),
    ]
    d.add(legend)
    return d


def _build_pdf(portfolio: Any, lang: str, path: str, confidential: bool) -> None:

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        CondPageBreak,
        KeepTogether,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    fonts.register()
    base = ParagraphStyle("b", fontName=fonts.REGULAR, fontSize=9, leading=12)
    cell = ParagraphStyle("c", parent=base, fontSize=7, leading=8.5)
    cell_r = ParagraphStyle("cr", parent=cell, alignment=2)
    head = ParagraphStyle("h", parent=cell, fontName=fonts.BOLD, textColor=colors.white)
    head_r = ParagraphStyle("hr", parent=head, alignment=2)
    h1 = ParagraphStyle(
        "h1", parent=base, fontName=fonts.BOLD, fontSize=16, leading=20, spaceAfter=6
    )
    h1.textColor = colors.HexColor("#" + ACCENT_HEX)
    h2 = ParagraphStyle(
        "h2",
        parent=base,
        fontName=fonts.BOLD,
        fontSize=11,
        leading=14,
        spaceBefore=8,
        spaceAfter=4,
        keepWithNext=1,
    )

    def p(s: str, style: ParagraphStyle = base) -> Paragraph:
        # what the style's font lacks ("≥" in bold Noto Sans) is drawn in the fallback font
        return Paragraph(fonts.markup(s, style.fontName), style)

    summaries = portfolio.summaries
    tables = pt.all_tables(summaries, lang, confidential, files=len(portfolio.entries))
    title = text(
        "portfolio.export.title_confidential" if confidential else "portfolio.export.title", lang
    )
    story: list[Any] = [p(title, h1)]
    story += [p(line) for line in _header_lines(portfolio.source, lang, confidential)]
    story += [Spacer(1, 4 * mm), p(text("portfolio.totals", lang), h2)]
    t = pf.totals(summaries)
    story += [p(line) for line in pt.totals_lines(t, lang)]
    if t.savings:
        story.append(p(text("portfolio.total.resources", lang)))
        story += [p("• " + line) for line in pt.resource_lines(t, lang)]
    page_w = landscape(A4)[0] - 30 * mm
    if summaries:
        story += [
            p(text("portfolio.export.chart_park", lang), h2),
            _bar_chart(tables[1:], lang, page_w),
        ]

    def table_flow(
        table: pt.Table, widths: Sequence[float] | None = None, numeric_ids: Any = pt.NUMERIC
    ) -> Table:
        numeric = [c in numeric_ids for c in table.columns]
        rows = [[p(h, head_r if n else head) for h, n in zip(table.headers, numeric, strict=True)]]
        rows += [
            [p(c, cell_r if n else cell) for c, n in zip(r, numeric, strict=True)]
            for r in table.rows
        ]
        flow = Table(rows, colWidths=widths, repeatRows=1)
        flow.setStyle(
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
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        return flow

    ent = tables[0]
    weights = [2.8, 1.5, 1.3, 2.2, 1.2, 1.3, 0.9, 1.2, 1.45, 1.25, 1.45, 1.45, 1.45]
    widths = [page_w * w / sum(weights) for w in weights]
    story += [
        p(ent.title, h2),
        table_flow(ent, widths) if ent.rows else p(text("portfolio.none", lang)),
    ]
    for table in tables[1:]:
        n = len(table.columns)
        widths = [page_w * 0.3] + [page_w * 0.7 / (n - 1)] * (n - 1)
        story.append(KeepTogether([p(table.title, h2), table_flow(table, widths)]))
    if summaries:
        park_table, firm_table, unknown = _readiness_tables(summaries, lang, confidential)
        n = len(park_table.columns)
        widths = [page_w * 0.3] + [page_w * 0.7 / (n - 1)] * (n - 1)
        story.append(
            KeepTogether([p(park_table.title, h2), table_flow(park_table, widths, prt.NUMERIC)])
        )
        story += [Spacer(1, 2 * mm), p(prt.note(lang))]
        story += [p(line) for line in unknown]
        # A long firm table splits across pages: its heading must not wait for a whole page.
        firm_head = ParagraphStyle("h2f", parent=h2, keepWithNext=0)
        story += [CondPageBreak(40 * mm), p(firm_table.title, firm_head)]
        weights = [1.6, 3.0, 1.0, 1.0] + [1.1] * (len(firm_table.columns) - 4)
        widths = [page_w * w / sum(weights) for w in weights]
        story.append(table_flow(firm_table, widths, prt.NUMERIC))
    skipped = _skipped_lines(portfolio, lang, confidential)
    if skipped:
        heading = p(text("portfolio.skipped", lang, n=len(skipped)), h2)
        story.append(KeepTogether([heading, *(p("• " + line) for line in skipped[:8])]))
        story += [p("• " + line) for line in skipped[8:]]

    landscape_pdf.build(
        path,
        story,
        title=title,
        page_label=lambda n: text("portfolio.export.page", lang, n=n),
        margin_mm=15,
        bottom_mm=14,
        footer_mm=8,
    )


# ---------------------------------------------------------------------------------------------
# XLSX


def write_portfolio_xlsx(
    portfolio: Any, lang: str, target: str | os.PathLike, confidential: bool = False
) -> None:
    write_atomically(target, lambda tmp: _build_xlsx(portfolio, lang, tmp, confidential))


def _build_xlsx(portfolio: Any, lang: str, path: str, confidential: bool) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    summaries = portfolio.summaries
    tables = pt.all_tables(summaries, lang, confidential, files=len(portfolio.entries))
    title = text(
        "portfolio.export.title_confidential" if confidential else "portfolio.export.title", lang
    )
    wb = Workbook()
    ws = wb.active
    ws.title = text("portfolio.sheet.totals", lang)[:31]
    bold = Font(bold=True)
    head_font = Font(bold=True, color="FFFFFF")
    head_fill = PatternFill("solid", fgColor=ACCENT_HEX)
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14, color=ACCENT_HEX)
    for line in _header_lines(portfolio.source, lang, confidential):
        ws.append([line])
    ws.append([])
    ws.append([text("portfolio.totals", lang)])
    ws.cell(ws.max_row, 1).font = bold
    t = pf.totals(summaries)
    for line in pt.totals_lines(t, lang):
        ws.append([line])
    if t.savings:
        ws.append([text("portfolio.total.resources", lang)])
        done = {(s.kind, s.unit): s.quantity for s in t.implemented_savings}
        ws.append(
            [
                text("portfolio.col.resource", lang),
                text("portfolio.col.unit", lang),
                text("portfolio.col.saving_qty", lang),
                text("portfolio.col.implemented_qty", lang),
            ]
        )
        for c in range(1, 5):
            ws.cell(ws.max_row, c).font = bold
        for s in t.savings:
            ws.append(
                [
                    text(f"indicators.kind.{s.kind}", lang),
                    s.unit,
                    s.quantity,
                    done.get((s.kind, s.unit), 0.0),
                ]
            )
    skipped = _skipped_lines(portfolio, lang, confidential)
    if skipped:
        ws.append([])
        ws.append([text("portfolio.skipped", lang, n=len(skipped))])
        ws.cell(ws.max_row, 1).font = bold
        for line in skipped:
            ws.append([line])
    ws.column_dimensions["A"].width = 60

    def sheet(name: str, table: pt.Table) -> None:
        sh = wb.create_sheet(name[:31])
        sh.append(list(table.headers))
        for c in range(1, len(table.headers) + 1):
            cell = sh.cell(1, c)
            cell.font, cell.fill = head_font, head_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.values:
            sh.append(list(row))
        for i, col in enumerate(table.columns, start=1):
            letter = get_column_letter(i)
            sh.column_dimensions[letter].width = 34 if i == 1 else 16
            fmt_code = {"investment": "#,##0.0", "saving": "#,##0.0", "co2e": "#,##0.0"}.get(
                col, "#,##0" if col in pt.NUMERIC else None
            )
            if col == "date":
                fmt_code = "dd/mm/yyyy" if lang == "vi" else "d mmm yyyy"
            if fmt_code:
                for r in range(2, sh.max_row + 1):
                    sh.cell(r, i).number_format = fmt_code
        sh.freeze_panes = "B2"

    sheet(text("portfolio.sheet.enterprises", lang), tables[0])
    for table, dim in zip(tables[1:-1], pt.BREAKDOWNS, strict=True):
        sheet(text(f"portfolio.sheet.{dim}", lang), table)
    sheet(text("portfolio.sheet.technique", lang), tables[-1])
    if summaries:
        _readiness_sheet(wb, summaries, lang, confidential, head_font, head_fill)
    wb.properties.title = title
    wb.properties.creator = "RECP Audit"
    wb.save(path)


def _readiness_sheet(
    wb: Any,
    summaries: Sequence[pf.AuditSummary],
    lang: str,
    confidential: bool,
    head_font: Any,
    head_fill: Any,
) -> None:
    """One sheet: the per-park table, the note on the denominator, then each firm's criteria."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    parks, firms, unknown = _readiness_tables(summaries, lang, confidential)
    sh = wb.create_sheet(text("park_readiness.sheet", lang)[:31])
    for table in (parks, firms):
        sh.append([table.title])
        sh.cell(sh.max_row, 1).font = Font(bold=True)
        sh.append(list(table.headers))
        for c in range(1, len(table.headers) + 1):
            cell = sh.cell(sh.max_row, c)
            cell.font, cell.fill = head_font, head_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.values:
            sh.append(list(row))
            if table is parks:
                sh.cell(sh.max_row, 4).number_format = "0.0%"
        if table is parks:
            sh.append([prt.note(lang)])
            for line in unknown:
                sh.append([line])
        sh.append([])
    for i in range(1, len(firms.columns) + 1):
        sh.column_dimensions[get_column_letter(i)].width = 30 if i <= 2 else 16
