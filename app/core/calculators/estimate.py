"""A calculator run inside an audit: prefill its inputs from the audit's own figures, turn its
outputs into an option's savings per stream, and keep the run with the option.

One home for "which audit figure answers which calculator input" (``prefill``) and for "which
stream an output saves" (``targets``). A run remembers what it added to each stream's saving
(``CalculationRun.savings``) so that re-running it after an edit, or removing it, changes the
option's savings by exactly its own part and keeps what the auditor typed or other runs added.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from app.core import units
from app.core.calculators.base import Calculator, Output
from app.core.indicators import stream_prices
from app.core.model import Audit, CalculationRun, Option, OptionSaving, ResourceStream, StreamKind
from app.core.options import baseline_quantities
from app.core.reference import Resolver

# Output.stream_kind -> the stream kinds it can save.
_KINDS: dict[str, tuple[StreamKind, ...]] = {
    "electricity": (StreamKind.ELECTRICITY,),
    "fuel": (StreamKind.FUEL,),
    "steam": (StreamKind.STEAM,),
    "water": (StreamKind.WATER,),
    "chemical": (StreamKind.CHEMICAL,),
    "material": (
        StreamKind.RAW_MATERIAL,
        StreamKind.AUXILIARY_MATERIAL,
        StreamKind.PACKAGING,
        StreamKind.CHEMICAL,
    ),
}

# A price input -> (the output kind whose stream's price answers it, the unit it is priced
# per; "" = per unit of the stream itself, as the calculator's label says).
_PRICES: dict[str, tuple[str, str]] = {
    "tariff": ("electricity", "kWh"),
    "fuel_price": ("fuel", "kg"),
    "steam_price": ("steam", "t"),
    "water_price": ("water", "m³"),
    "chem_price": ("chemical", "kg"),
    "price": ("material", ""),
}
# Per-stream-unit prices of these calculators (their labels say "VND/unit").
_PER_STREAM_UNIT = {("boiler_combustion", "fuel_price")}
# A quantity input answered by the target stream's baseline per year, in the stream's unit.
_BASELINES: dict[str, str] = {"quantity": "material", "fuel_use": "fuel"}
HOURS_PER_SHIFT = 8
MAX_HOURS = 8784


def saving_outputs(calc: Calculator) -> tuple[Output, ...]:
    """The outputs that are a physical saving of a stream."""
    return tuple(o for o in calc.outputs if o.stream_kind in _KINDS)


def targets(calc: Calculator, audit: Audit) -> dict[str, list[ResourceStream]]:
    """For each saving output, the audit's streams it can fill (in the audit's order)."""
    out: dict[str, list[ResourceStream]] = {}
    for spec in saving_outputs(calc):
        kinds = _KINDS[spec.stream_kind]
        candidates = [s for s in audit.streams if s.kind in kinds]
        out[spec.key] = [s for s in candidates if _fits(spec, s)]
    return out


def default_targets(
    calc: Calculator, audit: Audit, option: Option | None = None
) -> dict[str, ResourceStream]:
    """The stream each saving output goes to unless the auditor picks another: a stream the
    option already saves, else one of the option's process step, else the one that costs the
    most per year (money compares streams counted in different units)."""
    base = baseline_quantities(audit)
    prices = stream_prices(audit)
    saved = {s.stream_id for s in option.savings} if option else set()
    step = option.step_id if option else None

    def rank(s: ResourceStream) -> tuple[bool, bool, float]:
        cost = base.get(s.id, 0.0) * abs(prices.get(s.id) or 0.0)
        return (s.id in saved, step is not None and s.step_id == step, cost)

    return {key: max(streams, key=rank) for key, streams in targets(calc, audit).items() if streams}


def prefill(calc: Calculator, audit: Audit, chosen: Mapping[str, ResourceStream]) -> dict[str, str]:
    """Inputs the audit already answers, as text the calculator reads (plain numbers in the
    input's unit). Only what the audit knows: the rest keeps the calculator's defaults."""
    by_kind = {_kind_of(calc, key): stream for key, stream in chosen.items()}
    prices = stream_prices(audit)
    base = baseline_quantities(audit)
    ref = Resolver(audit)
    out: dict[str, str] = {}
    for spec in calc.inputs:
        value: float | None = None
        if spec.key == "hours":
            value = operating_hours(audit)
        elif spec.key in _PRICES:
            kind, per = _PRICES[spec.key]
            stream = by_kind.get(kind) or _first(audit, kind)
            if (calc.id, spec.key) in _PER_STREAM_UNIT:
                per = ""
            if stream is not None:
                value = _price_per(stream, prices.get(stream.id), per)
        elif spec.key in _BASELINES:
            stream = by_kind.get(_BASELINES[spec.key])
            if stream is not None:
                value = base.get(stream.id)
        elif spec.key == "grid_ef":
            value = ref.value("grid_ef")
        elif spec.key == "ncv":
            fuel = by_kind.get("fuel")
            if fuel is not None and fuel.fuel_code:
                value = _ncv_mj_per_kg(ref, fuel.fuel_code)
        if value is not None:
            out[spec.key] = _plain(value)
    return out


def _plain(value: float) -> str:
    """A number as the calculators read it: '.' decimal mark, no exponent, 6 significant."""
    text = f"{float(f'{value:.6g}'):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def operating_hours(audit: Audit) -> float | None:
    """Shifts a day × 8 h × operating days a year, when the enterprise gave both."""
    info = audit.info.enterprise
    if not info.shifts_per_day or not info.operating_days_per_year:
        return None
    return float(
        min(MAX_HOURS, info.shifts_per_day * HOURS_PER_SHIFT * info.operating_days_per_year)
    )


def savings_of(
    calc: Calculator, results: Mapping[str, Any], chosen: Mapping[str, ResourceStream]
) -> dict[str, float]:
    """Stream id -> saving per year in the stream's unit, from ``Calculator.run`` results.

    An output without a unit is in the stream's own unit (its input was the stream's figure).
    """
    out: dict[str, float] = {}
    for spec in saving_outputs(calc):
        stream = chosen.get(spec.key)
        if stream is None or spec.key not in results:
            continue
        value = results[spec.key]
        magnitude = float(getattr(value, "magnitude", value))
        if spec.unit:
            magnitude *= units.factor(_unit_symbol(spec.unit), stream.unit)
        out[stream.id] = out.get(stream.id, 0.0) + magnitude
    return out


def apply_run(option: Option, run: CalculationRun, index: int | None = None) -> Option:
    """A copy of ``option`` with ``run`` added (``index`` None) or put in place of run
    ``index``; the savings change by the difference of the run's own part."""
    runs = copy.deepcopy(option.calculations)
    old = runs[index].savings if index is not None else {}
    if index is None:
        runs.append(run)
    else:
        runs[index] = run
    return replace(option, calculations=runs, savings=_shift(option.savings, old, run.savings))


def remove_run(option: Option, index: int) -> Option:
    """A copy of ``option`` without run ``index`` and without what it added to the savings."""
    runs = copy.deepcopy(option.calculations)
    gone = runs.pop(index)
    return replace(option, calculations=runs, savings=_shift(option.savings, gone.savings, {}))


def _shift(
    savings: list[OptionSaving], remove: Mapping[str, float], add: Mapping[str, float]
) -> list[OptionSaving]:
    totals = {s.stream_id: s.quantity_per_year for s in savings}
    order = [s.stream_id for s in savings]
    for sid, qty in remove.items():
        if sid in totals:
            totals[sid] -= qty
    for sid, qty in add.items():
        if sid not in totals:
            order.append(sid)
            totals[sid] = 0.0
        totals[sid] += qty
    out = []
    for sid in order:
        qty = round(totals[sid], 9)
        # A stream left only by a removed run goes; one the auditor typed stays even at 0.
        if abs(qty) < 1e-9 and sid in remove and sid not in add:
            continue
        out.append(OptionSaving(sid, qty))
    return out


def _kind_of(calc: Calculator, output_key: str) -> str:
    for spec in calc.outputs:
        if spec.key == output_key:
            return spec.stream_kind
    return ""


def _first(audit: Audit, kind: str) -> ResourceStream | None:
    for stream in audit.streams:
        if stream.kind in _KINDS.get(kind, ()):
            return stream
    return None


def _fits(spec: Output, stream: ResourceStream) -> bool:
    """A stream can take an output whose unit converts to the stream's unit (or has no unit)."""
    if not spec.unit:
        return True
    try:
        units.factor(_unit_symbol(spec.unit), stream.unit)
    except Exception:  # UserError: unknown or incompatible unit
        return False
    return True


def _price_per(stream: ResourceStream, price: float | None, per: str) -> float | None:
    """The stream's price (VND per stream unit) per ``per`` ("" = per stream unit)."""
    if price is None:
        return None
    if not per:
        return price
    try:
        return price / units.factor(stream.unit, per)
    except Exception:  # the stream is counted in a unit that does not convert (e.g. L vs kg)
        return None


def _ncv_mj_per_kg(ref: Resolver, fuel_code: str) -> float | None:
    value = ref.get(f"ncv.{fuel_code}")
    if value is None or value.unit.replace(" ", "") not in ("GJ/t", "MJ/kg"):
        return None  # a gas in GJ/1000 m³, say: the calculators read MJ/kg
    return value.value  # 1 GJ/t = 1 MJ/kg


def _unit_symbol(pint_unit: str) -> str:
    """The audit's unit text for a calculator's pint unit (the audit reads "kWh", "m³"...)."""
    return _SYMBOLS.get(pint_unit, pint_unit)


_SYMBOLS = {
    "kilowatt_hour": "kWh",
    "meter ** 3": "m³",
    "tonne": "t",
    "kilogram": "kg",
    "gigajoule": "GJ",
}
