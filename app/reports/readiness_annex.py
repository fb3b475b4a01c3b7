"""The eco-enterprise self-assessment annex: one PDF or XLSX, in Vietnamese (the language of the
dossier filed with the park's management board, Decree 35/2022/NĐ-CP art. 40 cl. 2), laid out
criterion by criterion with its result and evidence.

The rows are ``app.core.readiness.report_rows`` (the same as the reports' section); the file
appears only when complete (``safe_write``).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from app.core import readiness as rd
from app.core.messages import text
from app.reports import fmt, fonts
from app.reports.safe_write import write_atomically

ANNEX_LANG = "vi"
FORMATS = ("pdf", "xlsx")


def _t(key: str, **params: Any) -> str:
    return text(f"readiness.annex.{key}", ANNEX_LANG, **params)


def _identity(enterprise: Any) -> list[tuple[str, str]]:
    return [
        (_t("enterprise"), enterprise.name or fmt.DASH),
        (_t("tax_code"), enterprise.tax_code or fmt.DASH),
        (_t("park"), enterprise.industrial_park or fmt.DASH),
        (_t("address"), enterprise.address or fmt.DASH),
    ]


def write_annex(
    readiness: rd.AuditReadiness,
    enterprise: Any,
    target: str | os.PathLike,
    fmt_name: str = "pdf",
    today: date | None = None,
) -> Path:
    """Write the annex of ``readiness`` (``enterprise``: the audit's ``Enterprise``)."""
    today = today or date.today()
    if fmt_name == "pdf":
        return write_atomically(target, lambda tmp: _write_pdf(readiness, enterprise, tmp, today))
    if fmt_name == "xlsx":
        return write_atomically(target, lambda tmp: _write_xlsx(readiness, enterprise, tmp, today))
    raise ValueError(fmt_name)


def _write_pdf(readiness: rd.AuditReadiness, enterprise: Any, target: str, today: date) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

    from app.reports.pdf import _styles

    st = _styles()

    def p(value: str, style: str = "body") -> Paragraph:
        return Paragraph(escape(fonts.printable(value)).replace("\n", "<br/>"), st[style])

    story: list = [
        p(_t("title"), "H1"),
        p(_t("basis"), "note"),
        Spacer(1, 6),
    ]
    identity = Table(
        [[p(k, "cellb"), p(v, "cell")] for k, v in _identity(enterprise)],
        colWidths=[4.5 * cm, 12.5 * cm],
        hAlign="LEFT",
    )
    story += [identity, Spacer(1, 8)]
    overall = text(f"readiness.status.{readiness.overall.value}", ANNEX_LANG)
    story.append(p(text("readiness.overall", ANNEX_LANG, status=overall), "H2"))
    for row in rd.report_rows(readiness, ANNEX_LANG):
        block = [
            p(_t("criterion", id=row.criterion_id, ref=row.legal_ref), "H2"),
            p(row.criterion),
            p(_t("result", result=row.status_text), "H3"),
            p(_t("evidence"), "H3"),
            p("\n".join(f"• {e}" for e in row.evidence) or _t("no_evidence")),
        ]
        criterion = readiness.result(row.criterion_id)
        if criterion is not None:
            block.append(p(_t("expected", evidence=criterion.criterion.evidence_vi), "note"))
        story.append(KeepTogether(block))
    story += [
        Spacer(1, 14),
        p(_t("source", source=rd.shipped_checklist().source_vi), "note"),
        Spacer(1, 18),
        p(_t("place_date", date=fmt.day(today, ANNEX_LANG))),
        p(_t("signature"), "H3"),
    ]
    doc = SimpleDocTemplate(
        target,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=_t("title"),
        author="RECP Audit",
        subject=enterprise.name or "",
    )
    doc.build(story)


def _write_xlsx(readiness: rd.AuditReadiness, enterprise: Any, target: str, today: date) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from app.reports.xlsx import _text

    wb = Workbook()
    ws = wb.active
    ws.title = _t("sheet")[:31]
    ws.cell(1, 1, _t("title")).font = Font(bold=True, size=14)
    ws.cell(2, 1, _t("basis"))
    r = 4
    for key, value in _identity(enterprise):
        ws.cell(r, 1, key).font = Font(bold=True)
        _text(ws.cell(r, 2), value)
        r += 1
    overall = text(f"readiness.status.{readiness.overall.value}", ANNEX_LANG)
    ws.cell(r + 1, 1, text("readiness.overall", ANNEX_LANG, status=overall)).font = Font(bold=True)
    r += 3
    header = [
        text("readiness.col.criterion", ANNEX_LANG),
        text("readiness.col.legal_ref", ANNEX_LANG),
        text("readiness.col.status", ANNEX_LANG),
        text("readiness.col.evidence", ANNEX_LANG),
        _t("expected_col"),
    ]
    for col, label in enumerate(header, 1):
        ws.cell(r, col, label).font = Font(bold=True)
    ws.freeze_panes = ws.cell(r + 1, 1)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rd.report_rows(readiness, ANNEX_LANG):
        r += 1
        criterion = readiness.result(row.criterion_id)
        values = [
            f"{row.criterion_id}) {row.criterion}",
            row.legal_ref,
            row.status_text,
            "\n".join(f"• {e}" for e in row.evidence) or _t("no_evidence"),
            criterion.criterion.evidence_vi if criterion is not None else "",
        ]
        for col, value in enumerate(values, 1):
            _text(ws.cell(r, col), value)
            ws.cell(r, col).alignment = wrap
    _text(ws.cell(r + 2, 1), _t("source", source=rd.shipped_checklist().source_vi))
    _text(ws.cell(r + 3, 1), _t("place_date", date=fmt.day(today, ANNEX_LANG)))
    _text(ws.cell(r + 4, 1), _t("signature"))
    for letter, width in zip("ABCDE", (48, 30, 24, 70, 40), strict=True):
        ws.column_dimensions[letter].width = width
    wb.properties.title = _t("title")
    wb.properties.creator = "RECP Audit"
    wb.save(target)
