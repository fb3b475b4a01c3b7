"""The portfolio's tables as translated text: one source for the CLI, the window, the PDF and
the workbook, so all four show the same columns, labels and figures.

``confidential=True`` names no enterprise: the enterprise column shows a neutral label made from
the audit's id, and no title or tax code appears anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.core import portfolio as pf
from app.core.messages import text
from app.reports import fmt

ENTERPRISE_COLUMNS = (
    "enterprise",
    "park",
    "province",
    "sector",
    "date",
    "status",
    "found",
    "screened",
    "implemented",
    "verified",
    "investment",
    "saving",
    "co2e",
)
FIGURE_COLUMNS = (
    "audits",
    "found",
    "screened",
    "implemented",
    "verified",
    "investment",
    "saving",
    "co2e",
)
# Columns holding numbers (right-aligned in every output).
NUMERIC = frozenset(FIGURE_COLUMNS)
BREAKDOWNS = ("park", "province", "sector", "status", "year")


@dataclass(frozen=True)
class Table:
    """Headers, rows of display text, and the raw values (for a workbook's number cells)."""

    title: str
    columns: tuple[str, ...]  # column ids
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    values: tuple[tuple[Any, ...], ...]


def enterprise_label(summary: pf.AuditSummary, lang: str, confidential: bool = False) -> str:
    if summary.enterprise and not confidential:
        return summary.enterprise
    return text("portfolio.anonymous", lang, id=summary.audit_id[:8].upper())


def group_label(dimension: str, key: Any, lang: str) -> str:
    if key is None or key == "":
        return text("portfolio.unset", lang)
    if dimension == "status":
        return text(f"portfolio.status.{key}", lang)
    return str(key)


def _headers(columns: Sequence[str], lang: str) -> tuple[str, ...]:
    return tuple(text(f"portfolio.col.{c}", lang) for c in columns)


def _figures(t: Any, lang: str) -> tuple[list[str], list[Any]]:
    """The figure columns of a summary or ``Totals`` (without "audits")."""
    raw = [
        t.options_found,
        t.options_screened,
        t.options_implemented,
        t.options_verified,
        t.investment_vnd / 1e6,
        t.annual_saving_vnd / 1e6,
        t.avoided_co2e_t,
    ]
    shown = [fmt.number(v, lang) for v in raw[:4]]
    shown += [fmt.number(raw[4], lang, 1), fmt.number(raw[5], lang, 1), fmt.tco2e(raw[6], lang)]
    return shown, raw


def enterprise_table(
    summaries: Sequence[pf.AuditSummary],
    lang: str,
    confidential: bool = False,
    files: int | None = None,
) -> Table:
    """One row per audit, sorted by park then enterprise."""
    ordered = sorted(
        summaries,
        key=lambda s: (s.park or "\uffff", enterprise_label(s, lang, confidential), s.audit_id),
    )
    rows, values = [], []
    for s in ordered:
        name = enterprise_label(s, lang, confidential)
        sector = " ".join(filter(None, (s.sector_vsic, s.sector_name)))
        head = [name, s.park, s.province, sector, fmt.day(s.audit_date, lang)]
        head.append(text(f"portfolio.status.{s.status}", lang))
        shown, raw = _figures(s, lang)
        rows.append(tuple(head + shown))
        values.append(tuple(head[:4] + [s.audit_date, head[5]] + raw))
    return Table(
        text(
            "portfolio.enterprises",
            lang,
            audits=len(summaries),
            files=len(summaries) if files is None else files,
        ),
        ENTERPRISE_COLUMNS,
        _headers(ENTERPRISE_COLUMNS, lang),
        tuple(rows),
        tuple(values),
    )


def breakdown_table(summaries: Sequence[pf.AuditSummary], dimension: str, lang: str) -> Table:
    return rows_table(pf.breakdown(summaries, dimension), dimension, lang)


def rows_table(groups: Sequence[tuple[Any, pf.Totals]], dimension: str, lang: str) -> Table:
    """A breakdown (from ``pf.breakdown`` or a hub's SQL view) as a table."""
    columns = ("key", *FIGURE_COLUMNS)
    rows, values = [], []
    for key, t in groups:
        label = group_label(dimension, key, lang)
        shown, raw = _figures(t, lang)
        rows.append((label, fmt.number(t.audits, lang), *shown))
        values.append((label, t.audits, *raw))
    return Table(
        text(f"portfolio.by.{dimension}", lang),
        columns,
        _headers(columns, lang),
        tuple(rows),
        tuple(values),
    )


def technique_table(summaries: Sequence[pf.AuditSummary], lang: str) -> Table:
    columns = ("technique", "found", "implemented")
    rows, values = [], []
    for r in pf.by_technique(summaries):
        label = text(f"options.category.{r.category}", lang)
        rows.append((label, fmt.number(r.found, lang), fmt.number(r.implemented, lang)))
        values.append((label, r.found, r.implemented))
    return Table(
        text("portfolio.by.technique", lang),
        columns,
        _headers(columns, lang),
        tuple(rows),
        tuple(values),
    )


def totals_lines(t: pf.Totals, lang: str) -> list[str]:
    """The programme's totals, one translated line each (resource lines indented by the caller)."""
    ratio = fmt.percent(t.verified_ratio, lang, 0) if t.verified_ratio is not None else fmt.DASH
    lines = [
        text("portfolio.total.audits", lang, n=fmt.number(t.audits, lang)),
        text(
            "portfolio.total.options",
            lang,
            found=fmt.number(t.options_found, lang),
            screened=fmt.number(t.options_screened, lang),
            implemented=fmt.number(t.options_implemented, lang),
            verified=fmt.number(t.options_verified, lang),
            rejected=fmt.number(t.options_rejected, lang),
            symbiosis=fmt.number(t.symbiosis_options, lang),
        ),
        text(
            "portfolio.total.investment",
            lang,
            vnd=fmt.money(t.investment_vnd, lang),
            implemented=fmt.money(t.implemented_investment_vnd, lang),
        ),
        text(
            "portfolio.total.saving",
            lang,
            vnd=fmt.money(t.annual_saving_vnd, lang),
            implemented=fmt.money(t.implemented_saving_vnd, lang),
        ),
        text(
            "portfolio.total.co2e",
            lang,
            t=fmt.tco2e(t.avoided_co2e_t, lang),
            implemented=fmt.tco2e(t.implemented_co2e_t, lang),
        ),
        text(
            "portfolio.total.verified",
            lang,
            verified=fmt.money(t.verified_saving_vnd, lang),
            estimated=fmt.money(t.verified_estimated_saving_vnd, lang),
            ratio=ratio,
        ),
    ]
    return lines


def _quantity(value: float, lang: str) -> str:
    return "0" if value == 0 else fmt.smart(value, lang)


def resource_lines(t: pf.Totals, lang: str) -> list[str]:
    """Annual saving per physical resource (each kind in its own unit)."""
    done = {(s.kind, s.unit): s.quantity for s in t.implemented_savings}
    return [
        text(
            "portfolio.total.resource_line",
            lang,
            kind=text(f"indicators.kind.{s.kind}", lang),
            quantity=_quantity(s.quantity, lang),
            unit=s.unit,
            implemented=_quantity(done.get((s.kind, s.unit), 0.0), lang),
        )
        for s in t.savings
    ]


def all_tables(
    summaries: Sequence[pf.AuditSummary],
    lang: str,
    confidential: bool = False,
    files: int | None = None,
) -> list[Table]:
    """Enterprises, then every breakdown, then CP techniques."""
    return [
        enterprise_table(summaries, lang, confidential, files),
        *(breakdown_table(summaries, d, lang) for d in BREAKDOWNS),
        technique_table(summaries, lang),
    ]


def plain(table: Table, indent: str = "  ", numeric: frozenset[str] = NUMERIC) -> list[str]:
    """A table as aligned monospace lines (the ``numeric`` columns right-aligned)."""
    widths = [len(h) for h in table.headers]
    for row in table.rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if col in numeric else c.ljust(w)
            for c, w, col in zip(cells, widths, table.columns, strict=True)
        ]
        return (indent + "  ".join(parts)).rstrip()

    return [line(table.headers), indent + "  ".join("-" * w for w in widths)] + [
        line(r) for r in table.rows
    ]
