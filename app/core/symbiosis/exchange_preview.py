"""The exchange file in plain words, shown before it is written: every value the file holds, and
what it holds back.

It is rendered from the file's content itself (``ExchangeExport.content``), never from the
audit, so what the enterprise reads is what leaves the plant: a value absent from the content
cannot appear here, and every value in it does.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.core.messages import _MONTHS_EN, text
from app.core.parsing import format_number
from app.core.symbiosis.classes import ClassList, shipped_classes
from app.core.symbiosis.exchange import FIELDS, ExchangeExport


def format_day(iso: str, lang: str) -> str:
    day = date.fromisoformat(iso)
    if lang == "vi":
        return day.strftime("%d/%m/%Y")
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def month_names(months: list[int], lang: str) -> str:
    if lang == "vi":
        return ", ".join(str(m) for m in months)
    return ", ".join(_MONTHS_EN[m - 1] for m in months)


def number(value: float, lang: str) -> str:
    return format_number(value, lang, 6)


def _item_line(n: int, item: dict[str, Any], lang: str, classes: ClassList) -> str:
    code = item["class"]
    cls = classes.get(code)
    head = f"{code} — {cls.name(lang)}" if cls is not None else code
    unit = item["unit"]
    parts = [
        text(
            "exchange.preview.hazardous" if item["hazardous"] else "exchange.preview.not_hazardous",
            lang,
        ),
        text("exchange.preview.unit", lang, unit=unit),
    ]
    if "quantity_per_year" in item:
        parts.append(
            text(
                "exchange.preview.quantity",
                lang,
                quantity=number(item["quantity_per_year"], lang),
                unit=unit,
            )
        )
    elif "quantity_band" in item:
        low, high = item["quantity_band"]
        parts.append(
            text(
                "exchange.preview.band",
                lang,
                low=number(low, lang),
                high=number(high, lang),
                unit=unit,
            )
        )
    else:
        parts.append(text("exchange.preview.no_quantity", lang))
    if "months" in item:
        months = item["months"]
        parts.append(
            text("exchange.preview.months", lang, months=month_names(months, lang))
            if months
            else text("exchange.preview.no_months", lang)
        )
    if "notes" in item:
        notes = item["notes"]
        parts.append(
            text("exchange.preview.notes", lang, notes=notes)
            if notes
            else text("exchange.preview.no_notes", lang)
        )
    if "cost_per_year_vnd" in item:
        cost = item["cost_per_year_vnd"]
        if cost is None:
            parts.append(text("exchange.preview.no_cost", lang))
        else:
            key = "exchange.preview.revenue" if cost < 0 else "exchange.preview.cost"
            parts.append(text(key, lang, vnd=format_number(abs(cost), lang, 0)))
    if "hazardous_permit" in item:
        key = (
            "exchange.preview.permit" if item["hazardous_permit"] else "exchange.preview.no_permit"
        )
        parts.append(text(key, lang))
    return f"  {n}. {head}: " + "; ".join(parts) + "."


def preview(export: ExchangeExport, lang: str, classes: ClassList | None = None) -> str:
    """What the file shares and what it does not, as sentences in ``lang`` (vi or en)."""
    classes = classes if classes is not None else shipped_classes()
    content = export.content
    shared = set(content.get("shared", []))
    lines = [text("exchange.preview.intro", lang)]
    lines.append(
        "- "
        + text(
            "exchange.preview.format",
            lang,
            format=content["format"],
            version=content["version"],
            written=format_day(content["written"], lang),
        )
    )
    lines.append("- " + text("exchange.preview.identity", lang, id=content["enterprise_id"]))
    place_key = "exchange.preview.place" if content.get("province") else "exchange.preview.park"
    lines.append(
        "- " + text(place_key, lang, park=content["park"], province=content.get("province", ""))
    )
    if "location" in content:
        loc = content["location"]
        lines.append(
            "- "
            + text(
                "exchange.preview.location",
                lang,
                latitude=number(loc["latitude"], lang),
                longitude=number(loc["longitude"], lang),
            )
        )
    items = content.get("items", [])
    for side in ("offer", "need"):
        of_side = [i for i in items if i["side"] == side]
        lines.append("- " + text(f"exchange.preview.heading.{side}", lang, count=len(of_side)))
        if not of_side:
            lines.append("  " + text(f"exchange.preview.empty.{side}", lang))
        lines += [_item_line(n, i, lang, classes) for n, i in enumerate(of_side, 1)]
    lines.append("")
    lines.append(text("exchange.preview.withheld", lang))
    lines.append("- " + text("exchange.preview.never", lang))
    for name in FIELDS:
        if name not in shared:
            lines.append("- " + text(f"exchange.preview.not.{name}", lang))
    if export.no_location:
        lines.append("- " + text("exchange.preview.no_location", lang))
    if export.confidential_left_out:
        lines.append(
            "- " + text("exchange.preview.confidential", lang, count=export.confidential_left_out)
        )
    return "\n".join(lines)
