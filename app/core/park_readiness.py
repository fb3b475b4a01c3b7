"""Eco-enterprise readiness per industrial park (Decree 35/2022/NĐ-CP art. 37 cl. 2 point c):
the table a park's management board needs.

Per park: the enterprises audited, how many of them have RECP results (the per-audit rule of the
criterion evaluated by ``readiness.PARK_RULE``, i.e. ``AuditReadiness.has_recp_results``: it is
not worked out again here), their share against the criterion's ``park_share`` read from the
checklist file (20 % in the shipped file), the industrial-symbiosis links (implemented symbiosis
options) and each firm's status per criterion.

The denominator is the enterprises AUDITED in the portfolio: the app does not know how many
enterprises the park has, so the share is of the audited firms only (``NOTE_KEY`` says so in
every output).

The firms come from portfolio summaries (``firm_from_summary``: ``AuditSummary.readiness``,
``recp_results``, ``symbiosis_links``, computed by ``app.core.portfolio.summarize``) or from full
per-audit evaluations (``firm_from_readiness``, the ``readiness --park`` command). A summary made
before readiness was summed up (a hub row published by an older app) is counted as audited, its
readiness unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.readiness import (
    PARK_RULE,
    AuditReadiness,
    Checklist,
    Status,
    overall_status,
    shipped_checklist,
)

NOTE_KEY = "park_readiness.note"  # the denominator is the audited enterprises


@dataclass(frozen=True)
class FirmReadiness:
    """One audited enterprise as the park table shows it."""

    audit_id: str
    enterprise: str  # "" when anonymised
    park: str
    recp_results: bool | None  # None: its summary holds no readiness (older app)
    statuses: Mapping[str, Status] = field(default_factory=dict)  # criterion id -> status
    symbiosis_links: int = 0
    links: tuple[str, ...] = ()  # the links' names, when known (not in a summary)
    file: str = ""

    def status(self, criterion_id: str) -> Status:
        return self.statuses.get(criterion_id, Status.UNKNOWN)

    def overall(self, criterion_ids: Iterable[str]) -> Status:
        return overall_status(self.status(c) for c in criterion_ids)


@dataclass(frozen=True)
class ParkReadiness:
    park: str  # "" when the audits record none
    firms: tuple[FirmReadiness, ...]
    criteria: tuple[str, ...]  # criterion ids, in the checklist's order
    with_recp_results: int
    unknown: int  # firms whose readiness is not known
    share: float  # with_recp_results / firms audited (0 when none)
    required_share: float
    symbiosis_links: int

    @property
    def audited(self) -> int:
        return len(self.firms)

    @property
    def share_met(self) -> bool:
        """At least the required share (20 % is met by 20 %; 7/35 is 20 % despite floats)."""
        return bool(self.firms) and self.share >= self.required_share - 1e-9


def required_park_share(checklist: Checklist | None = None) -> float:
    """The ``park_share`` of the criterion evaluated by the park rule (0.20 in the shipped file);
    else the first criterion's that has one; 0 when none has."""
    checklist = checklist or shipped_checklist()
    for c in checklist.criteria:
        if c.rule is PARK_RULE and c.park_share is not None:
            return c.park_share
    return next((c.park_share for c in checklist.criteria if c.park_share is not None), 0.0)


def _status(value: Any) -> Status:
    try:
        return Status(value)
    except ValueError:
        return Status.UNKNOWN


def firm_from_summary(summary: Any) -> FirmReadiness:
    """A portfolio ``AuditSummary`` as a firm of the park table."""
    return FirmReadiness(
        audit_id=summary.audit_id,
        enterprise=summary.enterprise,
        park=summary.park,
        recp_results=summary.recp_results,
        statuses={str(k): _status(v) for k, v in (summary.readiness or {}).items()},
        symbiosis_links=summary.symbiosis_links,
    )


def firm_from_readiness(readiness: AuditReadiness, audit_id: str = "") -> FirmReadiness:
    """A full per-audit evaluation as a firm of the park table."""
    return FirmReadiness(
        audit_id=audit_id or readiness.file,
        enterprise=readiness.enterprise,
        park=readiness.industrial_park,
        recp_results=readiness.has_recp_results,
        statuses={r.criterion.id: r.status for r in readiness.results},
        symbiosis_links=len(readiness.symbiosis_links),
        links=readiness.symbiosis_links,
        file=readiness.file,
    )


def park_readiness(
    firms: Iterable[FirmReadiness], park: str | None = None, checklist: Checklist | None = None
) -> ParkReadiness:
    """One park's table from its firms (``park`` None: the first park the firms record)."""
    checklist = checklist or shipped_checklist()
    items = tuple(firms)
    with_results = sum(1 for f in items if f.recp_results)
    return ParkReadiness(
        park=park if park is not None else next((f.park for f in items if f.park), ""),
        firms=items,
        criteria=tuple(c.id for c in checklist.criteria),
        with_recp_results=with_results,
        unknown=sum(1 for f in items if f.recp_results is None),
        share=with_results / len(items) if items else 0.0,
        required_share=required_park_share(checklist),
        symbiosis_links=sum(f.symbiosis_links for f in items),
    )


def by_park(summaries: Iterable[Any], checklist: Checklist | None = None) -> list[ParkReadiness]:
    """One table per park of the portfolio's summaries, sorted by park; audits that record no
    park are their own group, last."""
    checklist = checklist or shipped_checklist()
    groups: dict[str, list[FirmReadiness]] = {}
    for s in summaries:
        groups.setdefault(s.park or "", []).append(firm_from_summary(s))
    ordered = sorted(groups, key=lambda k: (k == "", k))
    return [park_readiness(groups[k], k, checklist) for k in ordered]


# ---------------------------------------------------------------------------------------------
# As data (CLI --json)


def park_as_dict(park: ParkReadiness) -> dict[str, Any]:
    return {
        "park": park.park,
        "firms": park.audited,
        "with_recp_results": park.with_recp_results,
        "readiness_unknown": park.unknown,
        "share": park.share,
        "required_share": park.required_share,
        "share_met": park.share_met,
        "symbiosis_links": park.symbiosis_links,
        "enterprises": [
            {
                "audit_id": f.audit_id,
                "enterprise": f.enterprise,
                "recp_results": f.recp_results,
                "symbiosis_links": f.symbiosis_links,
                "criteria": {c: f.status(c).value for c in park.criteria},
                "overall": f.overall(park.criteria).value,
            }
            for f in park.firms
        ],
    }


def parks_as_dict(parks: Iterable[ParkReadiness], lang: str = "vi") -> dict[str, Any]:
    """Every park's table, with the note on the denominator in ``lang``."""
    from app.core.messages import text

    items = list(parks)
    return {
        "denominator": "audited_enterprises",
        "note": text(NOTE_KEY, lang),
        "parks": [park_as_dict(p) for p in items],
    }
