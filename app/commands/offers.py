"""``python -m app offers PATH [--json]``: what an enterprise could give to and take from its
neighbours (industrial symbiosis), derived from the audit's classified streams.

The rules are ``app.core.symbiosis.offers``'s; the audit is opened read-only. An audit with no
classified stream says so (and how to classify one); it is not an error.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.commands import add_lang_option, add_path_argument
from app.core.messages import DEFAULT_LANGUAGE, render, text
from app.core.parsing import format_number


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "offers",
        help=text("cli.offers.help", lang),
        description=text("cli.offers.description", lang),
    )
    add_path_argument(p, lang)
    p.add_argument("--json", action="store_true", help=text("cli.json.help", lang))
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def read_offers(path: str) -> Any:
    """The offers and needs of the audit file at ``path``, opened read-only."""
    from app.core.symbiosis.offers import offers_and_needs
    from app.store.auditfile import AuditFile

    with AuditFile.open(path, read_only=True, backup=False) as af:
        audit = af.load()
    return offers_and_needs(audit, file=str(path))


def run(args: argparse.Namespace) -> int:
    from app.core.symbiosis.offers import offers_as_dict

    lang = args.lang
    result = read_offers(args.path)
    for problem in result.problems:
        print(render(problem, lang), file=sys.stderr)
    if args.json:
        print(json.dumps(offers_as_dict(result, lang), ensure_ascii=False, indent=2))
    else:
        print(as_text(result, lang))
    return 0


def _quantity(item: Any, lang: str) -> str:
    if item.quantity_per_year is None:
        return text("symbiosis.offers.no_records", lang)
    line = text(
        "symbiosis.offers.per_year",
        lang,
        quantity=format_number(item.quantity_per_year, lang, 2),
        unit=item.unit,
    )
    if item.annualised:
        line += " " + text("symbiosis.offers.annualised", lang, months=item.months_counted)
    return line


def _months(item: Any, lang: str) -> str:
    months = item.calendar_months
    if not months:
        return ""
    if len(months) == 12:
        return text("symbiosis.offers.all_year", lang)
    return text("symbiosis.offers.months", lang, months=", ".join(str(m) for m in months))


def _cost(item: Any, lang: str) -> str:
    if item.cost_per_year_vnd is None:
        return ""
    key = "symbiosis.offers.revenue" if item.cost_per_year_vnd < 0 else "symbiosis.offers.cost"
    if item.side.value == "need" and item.cost_per_year_vnd >= 0:
        key = "symbiosis.offers.purchase"
    line = text(key, lang, vnd=format_number(abs(item.cost_per_year_vnd), lang, 0))
    if not item.cost_complete:
        line += " " + text("symbiosis.offers.cost_incomplete", lang)
    return line


def _item_lines(item: Any, lang: str) -> list[str]:
    cls = item.resource_class
    lines = [f"  {cls.label(lang)}"]
    lines.append("    " + text("symbiosis.offers.stream", lang, name=item.stream_name(lang)))
    details = [_quantity(item, lang), _months(item, lang)]
    lines.append("    " + "; ".join(d for d in details if d))
    cost = _cost(item, lang)
    if cost:
        lines.append("    " + cost)
    if item.disposal_route:
        lines.append("    " + text("symbiosis.offers.route", lang, route=item.disposal_route))
    marks = []
    if item.hazardous:
        marks.append(text("symbiosis.offers.hazardous", lang, mark=cls.mark or "-"))
    if not cls.checked:
        marks.append(text("symbiosis.offers.unchecked", lang))
    if item.confidential:
        marks.append(text("symbiosis.offers.confidential", lang))
    if marks:
        lines.append("    " + "; ".join(marks))
    return lines


def as_text(result: Any, lang: str) -> str:
    where = ", ".join(p for p in (result.industrial_park, result.province) if p)
    title = text("symbiosis.offers.title", lang, enterprise=result.enterprise or "-")
    lines = [f"{title} ({where})" if where else title]
    if result.is_empty:
        key = (
            "symbiosis.offers.none_valid"
            if result.classified_streams
            else "symbiosis.offers.none_classified"
        )
        lines.append(text(key, lang, streams=result.streams))
        return "\n".join(lines)
    for side, items in (("offers", result.offers), ("needs", result.needs)):
        lines.append("")
        lines.append(text(f"symbiosis.offers.heading.{side}", lang, count=len(items)))
        if not items:
            lines.append("  " + text(f"symbiosis.offers.empty.{side}", lang))
        for item in items:
            lines.extend(_item_lines(item, lang))
    lines.append("")
    lines.append(
        text(
            "symbiosis.offers.classified",
            lang,
            classified=result.classified_streams,
            streams=result.streams,
        )
    )
    lines.append(text("symbiosis.offers.source", lang, source=result.class_source.get(lang, "")))
    return "\n".join(lines)
