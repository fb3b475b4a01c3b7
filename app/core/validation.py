"""Validation of the baseline data: streams, period records, products, production, process-step
flows and reference overrides.

Each validator returns a list of ``Problem``s, every one with a message key and a location
(entity, entity id, field), so the GUI can mark the cell and the import can name the row. Errors
are data that can't be right (negative consumption, a unit that does not fit the stream, a
malformed period); warnings are data the figures will treat in a way the user should know (a
period outside the baseline is not counted; a reference value falls back to an earlier year).
Options are validated by ``app.core.options.validate_option``.
"""

from __future__ import annotations

import re
from collections import Counter

from app.core import units
from app.core.errors import Level, Location, Problem
from app.core.model import (
    Audit,
    PeriodRecord,
    Product,
    ProductionRecord,
    ReferenceOverride,
    ResourceStream,
    StepFlow,
    StreamKind,
)
from app.core.quality import OUTLIER_KEYS, check_audit
from app.core.reference import Resolver, table

PERIOD_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

# Kinds whose price or cost may be negative: waste or scrap that is sold brings money in.
REVENUE_KINDS = frozenset({StreamKind.SOLID_WASTE, StreamKind.HAZARDOUS_WASTE})


def _names(obj: ResourceStream | Product) -> dict[str, str]:
    """An object's name in both languages, for a message shown in either."""
    return {"vi": obj.name_vi, "en": obj.name_en or obj.name_vi}


def _loc(entity: str, entity_id: str, fld: str) -> Location:
    return Location(entity=entity, entity_id=entity_id, field=fld)


def validate_stream(stream: ResourceStream) -> list[Problem]:
    """Unit fits the kind; fuels name a known fuel code; negative prices only for sold waste."""
    out: list[Problem] = []
    unit_problem = units.unit_fits_kind(stream.unit, stream.kind, _loc("stream", stream.id, "unit"))
    if unit_problem:
        out.append(unit_problem)
    if stream.kind == StreamKind.FUEL and units.dimension(stream.unit) != units.ENERGY:
        if not stream.fuel_code:
            out.append(
                Problem(
                    "validation.fuel_code_missing",
                    _loc("stream", stream.id, "fuel_code"),
                    {"stream": _names(stream)},
                    Level.WARNING,
                )
            )
        elif f"ncv.{stream.fuel_code}" not in table():
            out.append(
                Problem(
                    "validation.unknown_fuel_code",
                    _loc("stream", stream.id, "fuel_code"),
                    {"code": stream.fuel_code},
                )
            )
    price = stream.unit_price_vnd
    if price is not None and price < 0 and stream.kind not in REVENUE_KINDS:
        out.append(
            Problem(
                "validation.negative_price",
                _loc("stream", stream.id, "unit_price_vnd"),
                {"price": price},
            )
        )
    return out


def _period_problems(entity: str, rec_id: str, period: str, baseline: list[str]) -> list[Problem]:
    if not PERIOD_RE.match(period or ""):
        return [
            Problem("validation.bad_period", _loc(entity, rec_id, "period"), {"period": period})
        ]
    if baseline and period not in baseline:
        return [
            Problem(
                "validation.period_outside_baseline",
                _loc(entity, rec_id, "period"),
                {"period": period, "first": baseline[0], "last": baseline[-1]},
                Level.WARNING,
            )
        ]
    return []


def _negative_quantity(entity: str, record: PeriodRecord | ProductionRecord) -> list[Problem]:
    if record.quantity >= 0:
        return []
    return [
        Problem(
            "validation.negative_quantity",
            _loc(entity, record.id, "quantity"),
            {"quantity": record.quantity},
        )
    ]


def validate_record(
    record: PeriodRecord, stream: ResourceStream | None, baseline: list[str] | None = None
) -> list[Problem]:
    """A stream's quantity in one period: not negative, a valid period inside the baseline."""
    out: list[Problem] = []
    if stream is None:
        out.append(
            Problem(
                "validation.unknown_stream",
                _loc("record", record.id, "stream_id"),
                {"stream": record.stream_id},
            )
        )
    out += _period_problems("record", record.id, record.period, baseline or [])
    out += _negative_quantity("record", record)
    revenue = stream is not None and stream.kind in REVENUE_KINDS
    if record.cost_vnd is not None and record.cost_vnd < 0 and not revenue:
        out.append(
            Problem(
                "validation.negative_cost",
                _loc("record", record.id, "cost_vnd"),
                {"cost": record.cost_vnd},
            )
        )
    return out


def validate_production(
    record: ProductionRecord, product: Product | None, baseline: list[str] | None = None
) -> list[Problem]:
    out: list[Problem] = []
    if product is None:
        out.append(
            Problem(
                "validation.unknown_product",
                _loc("production", record.id, "product_id"),
                {"product": record.product_id},
            )
        )
    out += _period_problems("production", record.id, record.period, baseline or [])
    out += _negative_quantity("production", record)
    return out


def validate_product(product: Product, audit: Audit) -> list[Problem]:
    """A product without output in the baseline has no specific consumption: say so early."""
    baseline = set(audit.baseline_periods())
    total = sum(
        r.quantity
        for r in audit.production
        if r.product_id == product.id and (not baseline or r.period in baseline)
    )
    if total <= 0:
        return [
            Problem(
                "validation.zero_output",
                _loc("product", product.id, "output"),
                {"product": _names(product)},
                Level.WARNING,
            )
        ]
    return []


def validate_flow(flow: StepFlow) -> list[Problem]:
    out: list[Problem] = []
    if flow.quantity is not None and flow.quantity < 0:
        out.append(
            Problem(
                "validation.negative_quantity",
                _loc("flow", flow.id, "quantity"),
                {"quantity": flow.quantity},
            )
        )
    if flow.unit and not units.is_known(flow.unit):
        out.append(
            Problem(
                "validation.flow_unit_unknown",
                _loc("flow", flow.id, "unit"),
                {"name": {"vi": flow.name, "en": flow.name_en or flow.name}, "unit": flow.unit},
                Level.WARNING,
            )
        )
    return out


def validate_override(override: ReferenceOverride) -> list[Problem]:
    out: list[Problem] = []
    if not override.reason.strip():
        out.append(
            Problem(
                "validation.override_without_reason",
                _loc("override", override.id, "reason"),
                {"key": override.key},
            )
        )
    if override.key not in table():
        out.append(
            Problem(
                "reference.missing",
                _loc("override", override.id, "key"),
                {"key": override.key},
                Level.WARNING,
            )
        )
    return out


def validate_audit(audit: Audit) -> list[Problem]:
    """Every problem of the baseline data, errors and warnings, in a stable order."""
    baseline = audit.baseline_periods()
    out: list[Problem] = []
    if not audit.info.baseline_start:
        out.append(
            Problem(
                "validation.no_baseline",
                _loc("audit", audit.info.id, "baseline_start"),
                {},
                Level.WARNING,
            )
        )
    elif not PERIOD_RE.match(audit.info.baseline_start):
        out += _period_problems("audit", audit.info.id, audit.info.baseline_start, [])
    if not 0 <= audit.info.discount_rate <= 1:
        out.append(
            Problem(
                "validation.bad_rate",
                _loc("audit", audit.info.id, "discount_rate"),
                {"value": audit.info.discount_rate},
            )
        )
    streams = {s.id: s for s in audit.streams}
    for s in audit.streams:
        out += validate_stream(s)
    for r in audit.records:
        out += validate_record(r, streams.get(r.stream_id), baseline)
    out += duplicate_months(audit)
    products = {p.id: p for p in audit.products}
    for rec in audit.production:
        out += validate_production(rec, products.get(rec.product_id), baseline)
    for p in audit.products:
        out += validate_product(p, audit)
    for f in audit.flows:
        out += validate_flow(f)
    for o in audit.overrides:
        out += validate_override(o)
    out += dangling_references(audit)
    # reference values the figures will need, for the audit's year (fallbacks are warned about)
    if any(s.kind == StreamKind.ELECTRICITY for s in audit.streams):
        ref = Resolver(audit)
        ref.get("grid_ef", by_year=True)
        out += ref.problems
    return out


def duplicate_months(audit: Audit) -> list[Problem]:
    """A warning on every record after the first of its stream and month (the one key and
    place for a duplicate month)."""
    names = {s.id: _names(s) for s in audit.streams}
    seen: Counter = Counter()
    out: list[Problem] = []
    for r in audit.records:
        seen[(r.stream_id, r.period)] += 1
        if seen[(r.stream_id, r.period)] == 2:
            out.append(
                Problem(
                    "validation.duplicate_period",
                    _loc("record", r.id, "period"),
                    {"stream": names.get(r.stream_id, r.stream_id), "period": r.period},
                    Level.WARNING,
                )
            )
    return out


def dangling_references(audit: Audit) -> list[Problem]:
    """Warnings for ids that point at nothing (a finding naming a deleted stream...)."""
    out: list[Problem] = []
    ids = {
        "stream": {s.id for s in audit.streams},
        "step": {s.id for s in audit.steps},
        "finding": {f.id for f in audit.findings},
    }

    def ref(entity: str, entity_id: str, fld: str, target: str, value: str | None) -> None:
        if value and value not in ids[target]:
            out.append(
                Problem(
                    "validation.dangling_ref",
                    _loc(entity, entity_id, fld),
                    {"target": target, "ref": value},
                    Level.WARNING,
                )
            )

    for s in audit.streams:
        ref("stream", s.id, "step_id", "step", s.step_id)
    for f in audit.flows:
        ref("flow", f.id, "stream_id", "stream", f.stream_id)
    for finding in audit.findings:
        ref("finding", finding.id, "step_id", "step", finding.step_id)
        ref("finding", finding.id, "stream_id", "stream", finding.stream_id)
    for o in audit.options:
        ref("option", o.id, "step_id", "step", o.step_id)
        for fid in o.finding_ids:
            ref("option", o.id, "finding_ids", "finding", fid)
        for saving in o.savings:
            ref("option", o.id, "savings", "stream", saving.stream_id)
    return out


def check_consistency(audit: Audit) -> list[Problem]:
    """What ``python -m app check`` reports beside the file's integrity: dangling references,
    malformed periods, duplicate months, negative quantities and outlier months, all as warnings the auditor
    can fix in the app. The same rules as ``validate_audit``, which also says how the figures
    will treat the data (periods outside the baseline, reference fallbacks)."""
    out = dangling_references(audit)
    for r in audit.records:
        out += _as_warnings(_period_problems("record", r.id, r.period, []))
        out += _as_warnings(_negative_quantity("record", r))
    out += duplicate_months(audit)
    for p in audit.production:
        out += _as_warnings(_period_problems("production", p.id, p.period, []))
    return out + outlier_months(audit)


def outlier_months(audit: Audit) -> list[Problem]:
    """The months whose figure is far off the stream's other months or the same month last
    year (``app.core.quality``, the rule the Baselines screen colours): a typo to look at."""
    return [p for p in check_audit(audit).problems if p.key in OUTLIER_KEYS]


def _as_warnings(problems: list[Problem]) -> list[Problem]:
    return [Problem(p.key, p.location, p.params, Level.WARNING) for p in problems]
