"""Eco-enterprise readiness per park as translated tables (``app.core.park_readiness``): one
source for the CLI, the Portfolio window's tab, the PDF and the workbook.

Two tables: one row per park (firms audited, with RECP results, share, the required share met,
symbiosis links) and one row per firm (its park, RECP results, links, each criterion's status,
overall). ``confidential=True`` names no enterprise (as ``portfolio_tables``). The note on the
denominator (the audited firms, not the park's total) goes with them: ``note``.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core import park_readiness as prd
from app.core.messages import text
from app.core.readiness import Status, percent_text
from app.reports import fmt
from app.reports.portfolio_tables import Table

PARK_COLUMNS = ("park", "firms", "with_results", "share", "share_met", "links")
# Columns holding numbers (right-aligned).
NUMERIC = frozenset({"firms", "with_results", "share", "links"})


def park_label(park: str, lang: str) -> str:
    return park or text("readiness.park.no_park", lang)


def firm_label(firm: prd.FirmReadiness, lang: str, confidential: bool = False) -> str:
    if firm.enterprise and not confidential:
        return firm.enterprise
    return text("portfolio.anonymous", lang, id=firm.audit_id[:8].upper())


def status_text(status: Status, lang: str) -> str:
    return text(f"readiness.status.{status.value}", lang)


def _required(parks: Sequence[prd.ParkReadiness]) -> float:
    return parks[0].required_share if parks else prd.required_park_share()


def park_table(parks: Sequence[prd.ParkReadiness], lang: str) -> Table:
    required = percent_text(_required(parks), lang)
    headers = tuple(text(f"park_readiness.col.{c}", lang, required=required) for c in PARK_COLUMNS)
    rows, values = [], []
    for p in parks:
        met = status_text(Status.MET if p.share_met else Status.NOT_MET, lang)
        label = park_label(p.park, lang)
        rows.append(
            (
                label,
                fmt.number(p.audited, lang),
                fmt.number(p.with_recp_results, lang),
                percent_text(p.share, lang),
                met,
                fmt.number(p.symbiosis_links, lang),
            )
        )
        values.append((label, p.audited, p.with_recp_results, p.share, met, p.symbiosis_links))
    return Table(
        text("park_readiness.title", lang),
        PARK_COLUMNS,
        headers,
        tuple(rows),
        tuple(values),
    )


def _recp(value: bool | None, lang: str) -> str:
    if value is None:
        return status_text(Status.UNKNOWN, lang)
    return text("park_readiness.yes" if value else "park_readiness.no", lang)


def firm_table(parks: Sequence[prd.ParkReadiness], lang: str, confidential: bool = False) -> Table:
    """One row per firm, by park then enterprise; a column per criterion of the checklist."""
    criteria = parks[0].criteria if parks else ()
    columns = ("park", "enterprise", "recp_results", "links", *criteria, "overall")
    headers = (
        text("park_readiness.col.park", lang),
        text("park_readiness.col.enterprise", lang),
        text("park_readiness.col.recp_results", lang),
        text("park_readiness.col.links", lang),
        *(text("park_readiness.col.criterion", lang, id=c) for c in criteria),
        text("park_readiness.col.overall", lang),
    )
    rows, values = [], []
    for p in parks:
        for f in sorted(p.firms, key=lambda f: (firm_label(f, lang, confidential), f.audit_id)):
            head = (
                park_label(p.park, lang),
                firm_label(f, lang, confidential),
                _recp(f.recp_results, lang),
            )
            statuses = tuple(status_text(f.status(c), lang) for c in criteria)
            overall = status_text(f.overall(criteria), lang)
            rows.append((*head, fmt.number(f.symbiosis_links, lang), *statuses, overall))
            values.append((*head, f.symbiosis_links, *statuses, overall))
    return Table(
        text("park_readiness.firms_title", lang),
        columns,
        headers,
        tuple(rows),
        tuple(values),
    )


def note(lang: str) -> str:
    return text(prd.NOTE_KEY, lang)


def unknown_lines(parks: Sequence[prd.ParkReadiness], lang: str) -> list[str]:
    """A line per park with firms of unknown readiness (summaries from an older app)."""
    return [
        f"{park_label(p.park, lang)}: {text('park_readiness.unknown', lang, count=p.unknown)}"
        for p in parks
        if p.unknown
    ]
