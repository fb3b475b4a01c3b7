"""The matcher's proposals in words and as JSON-ready data, in Vietnamese or English.

One place turns a ``Reason`` (key + raw params) into a sentence: numbers as the language writes
them, class codes as their names, months as a list; the CLI, the PDF and the workbook all use it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.core.messages import text
from app.core.parsing import format_number
from app.core.symbiosis.classes import lookup
from app.core.symbiosis.matcher import Match, Reason

_CODE_PARAMS = frozenset({"code", "offer", "need"})
_QUANTITY_PARAMS = frozenset({"quantity", "offer", "need"})


def class_name(code: str, lang: str) -> str:
    cls = lookup(code)
    return cls.label(lang) if cls is not None else code


def number(value: float | None, lang: str) -> str:
    """Quantities to a sensible precision: 3 significant digits under 10, else whole numbers
    with one decimal under 100."""
    if value is None:
        return text("symbiosis.match.not_estimated", lang)
    decimals = 2 if abs(value) < 10 else 1 if abs(value) < 100 else 0
    return format_number(value, lang, decimals)


def months_text(months: Sequence[int], lang: str) -> str:
    if len(months) == 12:
        return text("symbiosis.match.all_months", lang)
    return ", ".join(str(m) for m in months)


def describe(reason: Reason, lang: str) -> str:
    """``reason`` as one sentence in ``lang``."""
    params: dict[str, Any] = {}
    quantity_reason = reason.key == "symbiosis.match.why.quantity"
    for name, value in reason.params.items():
        if quantity_reason and name in _QUANTITY_PARAMS:
            params[name] = number(value, lang)
        elif name in _CODE_PARAMS and isinstance(value, str):
            params[name] = class_name(value, lang)
        elif name == "share":
            params[name] = format_number(value * 100, lang, 0) + " %"
        elif name == "months":
            params[name] = months_text(value, lang)
        elif name in ("km", "max", "t", "ch4"):
            params[name] = format_number(value, lang, 1)
        elif name in ("doc", "mcf"):
            params[name] = format_number(value, lang, 2)
        elif name == "site":
            params[name] = text(f"symbiosis.match.landfill_site.{value}", lang)
        elif name == "kind":
            params[name] = text(f"symbiosis.match.ipcc_waste.{value}", lang)
        elif name == "fuel":
            params[name] = text(f"ref.fuel.{value}", lang)
        elif name == "efficiency":
            params[name] = format_number(value * 100, lang, 0) + " %"
        elif name == "factor":
            params[name] = format_number(value, lang, 4)
        elif name in ("giver", "taker", "park") and not value:
            params[name] = "–"
        else:
            params[name] = value
    return text(reason.key, lang, **params)


# What a table's own columns already say (the classes, a CO2e not estimated).
IN_COLUMNS = frozenset(
    {
        "symbiosis.match.why.same_class",
        "symbiosis.match.why.compatible",
        "symbiosis.match.why.co2e_not_estimated",
    }
)


def reasons_text(m: Match, lang: str, leave_out: frozenset[str] = frozenset()) -> list[str]:
    return [describe(r, lang) for r in m.reasons if r.key not in leave_out]


def match_as_dict(m: Match, rank: int, lang: str) -> dict[str, Any]:
    return {
        "rank": rank,
        "giver": {"key": m.giver.key, "label": m.giver.label, "park": m.giver.park},
        "taker": {"key": m.taker.key, "label": m.taker.label, "park": m.taker.park},
        "offer": {
            "class": m.offer.code,
            "class_name": class_name(m.offer.code, lang),
            "quantity_per_year": m.offer.quantity_per_year,
            "unit": m.offer.unit,
            "months": list(m.offer.months),
            "hazardous": m.offer.hazardous,
            "stream_id": m.offer.stream_id,
        },
        "need": {
            "class": m.need.code,
            "class_name": class_name(m.need.code, lang),
            "quantity_per_year": m.need.quantity_per_year,
            "unit": m.need.unit,
            "months": list(m.need.months),
            "hazardous_permit": m.need.hazardous_permit,
            "stream_id": m.need.stream_id,
        },
        "same_class": m.same_class,
        "same_park": m.same_park,
        "quantity_per_year": m.quantity,
        "unit": m.unit,
        "months": list(m.months),
        "distance_km": m.distance_km,
        "score": m.score,
        "score_parts": m.parts,
        "waste_avoided_t_per_year": m.waste_avoided_t,
        "co2e_avoided_t_per_year": m.co2e_avoided_t,
        "co2e_source": m.co2e_source,
        "reasons": [
            {"key": r.key, "params": r.params, "text": describe(r, lang)} for r in m.reasons
        ],
    }


def totals(matches: Sequence[Match]) -> tuple[float, float | None]:
    """Waste (t/year) and CO2e (t/year, None when no proposal has an estimate) over all."""
    waste = sum(m.waste_avoided_t or 0.0 for m in matches)
    known = [m.co2e_avoided_t for m in matches if m.co2e_avoided_t is not None]
    return waste, (sum(known) if known else None)


def totals_line(matches: Sequence[Match], lang: str) -> str:
    waste, co2e = totals(matches)
    co2e_text = (
        text("symbiosis.match.not_estimated", lang)
        if co2e is None
        else text("symbiosis.match.t_per_year", lang, t=format_number(co2e, lang, 1))
    )
    return text("symbiosis.match.totals", lang, waste=number(waste, lang), co2e=co2e_text)


def headline(m: Match, rank: int, lang: str) -> str:
    return text(
        "symbiosis.match.line",
        lang,
        rank=rank,
        giver=m.giver.label,
        taker=m.taker.label,
        offer=class_name(m.offer.code, lang),
        need=class_name(m.need.code, lang),
        score=format_number(m.score, lang, 1),
    )
