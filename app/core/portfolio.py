"""A programme's portfolio: one summary record per audit, and pure roll-ups of many of them.

An ``AuditSummary`` holds the figures a programme adds up (the eco-industrial-park programme's
"90 enterprises, 663 RECP options, 217 implemented, 41 symbiosis options"): who and where, when,
how many options were found / screened / implemented / verified, what they cost and save in money
and in each physical resource, and the CO2e they avoid. It is computed by ``summarize`` from an
``Audit`` with the options log's own rules (``app.core.options.option_totals``, which takes every
money and carbon figure from ``app.core.finance``): nothing is re-derived here.

The roll-ups (``totals``, ``breakdown``, ``by_technique``, ``by_option_status``) take summaries
wherever they came from: a folder of audit files (``app.store.portfolio_folder``) or a programme
hub on PostgreSQL (``app.store.hub``), so both read the same.

Confidentiality: ``anonymise`` keeps the figures and the place (park, province, sector: the
programme's breakdowns need them) and drops the enterprise's name, tax code and the audit's title.
A summary is anonymised unless the enterprise agreed to more (``AuditInfo.publication_consent``).

Other features (industrial symbiosis, eco-enterprise) build on ``AuditSummary`` and the hub:
add fields with defaults at the end, never rename one (they are stored in the hub).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.core.model import (
    Audit,
    CPCategory,
    OptionStatus,
    PublicationConsent,
    StreamKind,
)

# An audit's status in the portfolio: its end date reached or not.
STATUS_IN_PROGRESS = "in_progress"
STATUS_COMPLETED = "completed"
AUDIT_STATUSES = (STATUS_IN_PROGRESS, STATUS_COMPLETED)

# What ``breakdown`` groups by: a summary's attribute.
DIMENSIONS = ("park", "province", "sector", "status", "year")


@dataclass(frozen=True)
class ResourceSaving:
    """Physical saving per year of one kind of resource in one unit (never kWh + m³)."""

    kind: str  # a StreamKind value
    unit: str
    quantity: float


@dataclass(frozen=True)
class AuditSummary:
    """What a programme adds up of one audit (see the module docstring)."""

    audit_id: str
    enterprise: str = ""  # empty when anonymised
    tax_code: str = ""
    title: str = ""
    park: str = ""
    province: str = ""
    sector_vsic: str = ""
    sector_name: str = ""
    audit_date: date | None = None  # the audit's start
    end_date: date | None = None
    status: str = STATUS_IN_PROGRESS
    consent: str = PublicationConsent.ANONYMISED.value
    anonymised: bool = True
    options_found: int = 0
    options_screened: int = 0  # with a screening decision
    options_implemented: int = 0  # implemented or verified (programme convention)
    options_verified: int = 0
    options_rejected: int = 0
    symbiosis_options: int = 0
    found_by_category: dict[str, int] = field(default_factory=dict)
    implemented_by_category: dict[str, int] = field(default_factory=dict)
    options_by_status: dict[str, int] = field(default_factory=dict)
    investment_vnd: int = 0  # options not rejected
    annual_saving_vnd: int = 0  # options not rejected, estimated, net, per year
    avoided_co2e_t: float = 0.0  # options not rejected, per year
    implemented_investment_vnd: int = 0  # actual investment where known
    implemented_saving_vnd: int = 0  # estimated, per year
    implemented_co2e_t: float = 0.0
    verified_saving_vnd: int = 0  # measured after implementation, per year
    verified_estimated_saving_vnd: int = 0  # what the verified options were estimated to save
    savings: tuple[ResourceSaving, ...] = ()  # options not rejected
    implemented_savings: tuple[ResourceSaving, ...] = ()
    modified: str = ""  # when the audit was last written (ISO), to keep the newest copy
    # Eco-enterprise readiness (``app.core.readiness.evaluate``; per park:
    # ``app.core.park_readiness``). ``recp_results`` None: not summed up (an older summary).
    readiness: dict[str, str] = field(default_factory=dict)  # criterion id -> Status value
    recp_results: bool | None = None  # the park criterion (c) met: RECP results
    symbiosis_links: int = 0  # implemented industrial-symbiosis options

    @property
    def year(self) -> int | None:
        return self.audit_date.year if self.audit_date else None

    @property
    def sector(self) -> str:
        return self.sector_vsic or self.sector_name


def audit_status(audit: Audit, today: date | None = None) -> str:
    """Completed once the audit's end date is reached, else in progress."""
    return status_on(audit.info.end_date, today)


def status_on(end: date | None, today: date | None = None) -> str:
    """The status of an audit ending on ``end``, as of ``today`` (default: today)."""
    if end is not None and end <= (today or date.today()):
        return STATUS_COMPLETED
    return STATUS_IN_PROGRESS


def _quantities(group: Any) -> tuple[ResourceSaving, ...]:
    return tuple(
        ResourceSaving(StreamKind(q.kind).value, q.unit, float(q.quantity))
        for q in group.quantities
    )


def summarize(
    audit: Audit,
    *,
    audit_id: str | None = None,
    modified: str = "",
    today: date | None = None,
    readiness_answers: Any = None,
) -> AuditSummary:
    """The summary of ``audit`` with everything the consent allows (see ``publishable``).

    ``audit_id``: the audit's stable identity when the caller knows better than ``info.id``
    (an old file without a stored id gets a derived one, ``app.store.portfolio_folder``).
    ``readiness_answers``: the auditor's eco-enterprise answers as stored in the audit's
    setting ``app.core.readiness.ANSWERS_SETTING`` (None: none given).
    """
    from app.core import readiness as rd
    from app.core.errors import UserError
    from app.core.options import is_rejected, option_finances, option_totals

    finances = option_finances(audit)
    totals = option_totals(audit, finances)
    verified = [o for o in audit.options if OptionStatus(o.status) == OptionStatus.VERIFIED]
    implemented_by_category = {c.value: 0 for c in CPCategory}
    for option in audit.options:
        if OptionStatus(option.status) in (OptionStatus.IMPLEMENTED, OptionStatus.VERIFIED):
            implemented_by_category[CPCategory(option.category).value] += 1
    info, ent = audit.info, audit.info.enterprise
    consent = PublicationConsent(info.publication_consent or PublicationConsent.ANONYMISED)
    try:
        ready: rd.AuditReadiness | None = rd.evaluate(
            audit, rd.answers_from_setting(readiness_answers)
        )
    except UserError:  # a broken checklist file: the readiness commands name it
        ready = None
    return AuditSummary(
        audit_id=audit_id or info.id,
        enterprise=ent.name,
        tax_code=ent.tax_code,
        title=info.title,
        park=ent.industrial_park,
        province=ent.province,
        sector_vsic=ent.sector_vsic,
        sector_name=ent.sector_name,
        audit_date=info.start_date,
        end_date=info.end_date,
        status=audit_status(audit, today),
        consent=consent.value,
        anonymised=False,
        options_found=totals.count,
        options_screened=sum(1 for o in audit.options if o.screening is not None),
        options_implemented=totals.implemented_count,
        options_verified=len(verified),
        options_rejected=totals.rejected_count,
        symbiosis_options=totals.symbiosis_count,
        found_by_category=dict(totals.by_category),
        implemented_by_category=implemented_by_category,
        options_by_status=dict(totals.by_status),
        investment_vnd=totals.proposed.investment_vnd,
        annual_saving_vnd=totals.proposed.annual_saving_vnd,
        avoided_co2e_t=totals.proposed.avoided_co2e_t,
        implemented_investment_vnd=totals.implemented.investment_vnd,
        implemented_saving_vnd=totals.implemented.annual_saving_vnd,
        implemented_co2e_t=totals.implemented.avoided_co2e_t,
        verified_saving_vnd=sum(o.verified_saving_vnd or 0 for o in verified),
        verified_estimated_saving_vnd=sum(
            int(round(finances[o.id].annual_net_saving_vnd or 0))
            for o in verified
            if not is_rejected(o)
        ),
        savings=_quantities(totals.proposed),
        implemented_savings=_quantities(totals.implemented),
        modified=modified,
        readiness={r.criterion.id: r.status.value for r in ready.results} if ready else {},
        recp_results=ready.has_recp_results if ready else None,
        symbiosis_links=len(ready.symbiosis_links) if ready else 0,
    )


def anonymise(summary: AuditSummary) -> AuditSummary:
    """The figures without the enterprise's identity (name, tax code, audit title)."""
    return dataclasses.replace(summary, enterprise="", tax_code="", title="", anonymised=True)


def publishable(summary: AuditSummary) -> AuditSummary:
    """What may leave the enterprise: everything with full consent, else ``anonymise``."""
    if summary.consent == PublicationConsent.FULL.value and not summary.anonymised:
        return summary
    return anonymise(summary)


# ---------------------------------------------------------------------------------------------
# As data (CLI --json, the hub)


def summary_as_dict(summary: AuditSummary) -> dict[str, Any]:
    """JSON-able data; ``summary_from_dict`` reads it back."""
    out = dataclasses.asdict(summary)
    for key in ("audit_date", "end_date"):
        out[key] = out[key].isoformat() if out[key] else None
    out["year"] = summary.year
    return out


def summary_from_dict(data: Mapping[str, Any]) -> AuditSummary:
    names = {f.name for f in dataclasses.fields(AuditSummary)}
    values = {k: v for k, v in data.items() if k in names}
    for key in ("audit_date", "end_date"):
        if isinstance(values.get(key), str):
            values[key] = date.fromisoformat(values[key])
    for key in ("savings", "implemented_savings"):
        values[key] = tuple(
            s if isinstance(s, ResourceSaving) else ResourceSaving(**s) for s in values.get(key, ())
        )
    return AuditSummary(**values)


# ---------------------------------------------------------------------------------------------
# Roll-ups


@dataclass(frozen=True)
class Totals:
    """Sums over a set of audits (the programme's figures)."""

    audits: int = 0
    options_found: int = 0
    options_screened: int = 0
    options_implemented: int = 0
    options_verified: int = 0
    options_rejected: int = 0
    symbiosis_options: int = 0
    investment_vnd: int = 0
    annual_saving_vnd: int = 0
    avoided_co2e_t: float = 0.0
    implemented_investment_vnd: int = 0
    implemented_saving_vnd: int = 0
    implemented_co2e_t: float = 0.0
    verified_saving_vnd: int = 0
    verified_estimated_saving_vnd: int = 0
    savings: tuple[ResourceSaving, ...] = ()
    implemented_savings: tuple[ResourceSaving, ...] = ()

    @property
    def verified_ratio(self) -> float | None:
        """Measured over estimated saving of the verified options (1.0 = as estimated)."""
        if not self.verified_estimated_saving_vnd:
            return None
        return self.verified_saving_vnd / self.verified_estimated_saving_vnd


_SUMMED = (
    "options_found",
    "options_screened",
    "options_implemented",
    "options_verified",
    "options_rejected",
    "symbiosis_options",
    "investment_vnd",
    "annual_saving_vnd",
    "avoided_co2e_t",
    "implemented_investment_vnd",
    "implemented_saving_vnd",
    "implemented_co2e_t",
    "verified_saving_vnd",
    "verified_estimated_saving_vnd",
)


def _add_savings(groups: Iterable[Iterable[ResourceSaving]]) -> tuple[ResourceSaving, ...]:
    sums: dict[tuple[str, str], float] = {}
    for group in groups:
        for s in group:
            sums[(s.kind, s.unit)] = sums.get((s.kind, s.unit), 0.0) + s.quantity
    order = {k.value: i for i, k in enumerate(StreamKind)}
    return tuple(
        ResourceSaving(k, u, q)
        for (k, u), q in sorted(sums.items(), key=lambda kv: (order.get(kv[0][0], 99), kv[0][1]))
    )


def sorted_savings(items: Iterable[ResourceSaving]) -> tuple[ResourceSaving, ...]:
    """Savings added up per (kind, unit), in the order of ``StreamKind``."""
    return _add_savings([items])


def totals(summaries: Iterable[AuditSummary]) -> Totals:
    """The programme's totals over ``summaries``."""
    items = list(summaries)
    values: dict[str, Any] = {name: sum(getattr(s, name) for s in items) for name in _SUMMED}
    return Totals(
        audits=len(items),
        savings=_add_savings(s.savings for s in items),
        implemented_savings=_add_savings(s.implemented_savings for s in items),
        **values,
    )


_KEYS: dict[str, Callable[[AuditSummary], Any]] = {
    "park": lambda s: s.park,
    "province": lambda s: s.province,
    "sector": lambda s: s.sector,
    "status": lambda s: s.status,
    "year": lambda s: s.year,
}


def breakdown(summaries: Iterable[AuditSummary], by: str) -> list[tuple[Any, Totals]]:
    """Totals per value of ``by`` (one of ``DIMENSIONS``), sorted; an unset value ("" or None)
    is its own group, last."""
    if by not in _KEYS:
        raise ValueError(f"unknown dimension {by!r}; one of {DIMENSIONS}")
    key = _KEYS[by]
    groups: dict[Any, list[AuditSummary]] = {}
    for s in summaries:
        groups.setdefault(key(s) or None, []).append(s)
    ordered = sorted(groups, key=lambda k: (k is None, str(k) if k is not None else ""))
    return [(k, totals(groups[k])) for k in ordered]


@dataclass(frozen=True)
class TechniqueRow:
    category: str  # a CPCategory value
    found: int
    implemented: int


def by_technique(summaries: Iterable[AuditSummary]) -> list[TechniqueRow]:
    """Options found and implemented per CP technique (all eight, 0 included)."""
    found = {c.value: 0 for c in CPCategory}
    done = dict(found)
    for s in summaries:
        for k, n in s.found_by_category.items():
            found[k] = found.get(k, 0) + n
        for k, n in s.implemented_by_category.items():
            done[k] = done.get(k, 0) + n
    return [TechniqueRow(k, found[k], done.get(k, 0)) for k in found]


def by_option_status(summaries: Iterable[AuditSummary]) -> dict[str, int]:
    """Options per status over all audits (every status, 0 included)."""
    out = {s.value: 0 for s in OptionStatus}
    for s in summaries:
        for k, n in s.options_by_status.items():
            out[k] = out.get(k, 0) + n
    return out


def totals_as_dict(t: Totals) -> dict[str, Any]:
    out = dataclasses.asdict(t)
    out["verified_ratio"] = t.verified_ratio
    return out


def rollup_as_dict(summaries: Iterable[AuditSummary]) -> dict[str, Any]:
    """Totals and every breakdown as JSON-able data."""
    items = list(summaries)
    return {
        "totals": totals_as_dict(totals(items)),
        "by": {
            dim: [{"key": k, **totals_as_dict(t)} for k, t in breakdown(items, dim)]
            for dim in DIMENSIONS
        },
        "by_technique": [dataclasses.asdict(r) for r in by_technique(items)],
        "by_option_status": by_option_status(items),
    }
