"""``python -m app exchange postgresql://… --park NAME [--json]``: a park's exchange board on the
programme hub: what each enterprise published of its offers and needs (only what it agreed to
share; ``exchange-export AUDIT postgresql://…`` publishes). Reading never writes to the hub.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.commands import add_lang_option
from app.core.messages import DEFAULT_LANGUAGE, render, text
from app.core.parsing import format_number


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "exchange",
        help=text("cli.exchange.help", lang),
        description=text("cli.exchange.description", lang),
    )
    p.add_argument(
        "hub", metavar=text("cli.publish.metavar", lang), help=text("cli.exchange.hub", lang)
    )
    p.add_argument(
        "--park",
        required=True,
        metavar=text("cli.exchange.park_metavar", lang),
        help=text("cli.exchange.park", lang),
    )
    p.add_argument("--json", action="store_true", help=text("cli.json.help", lang))
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def item_as_dict(item: Any) -> dict[str, Any]:
    return {
        "side": item.side.value,
        "class": item.code,
        "unit": item.unit,
        "hazardous": item.hazardous,
        "quantity_per_year": item.quantity_per_year,
        "quantity_band": list(item.quantity_band) if item.quantity_band else None,
        "months": list(item.months),
        "notes": item.notes,
        "cost_per_year_vnd": item.cost_per_year_vnd,
        "hazardous_permit": item.hazardous_permit,
    }


def party_as_dict(party: Any) -> dict[str, Any]:
    return {
        "enterprise_id": party.key,
        "park": party.park,
        "province": party.province,
        "location": list(party.location) if party.location else None,
        "offers": [item_as_dict(i) for i in party.offers()],
        "needs": [item_as_dict(i) for i in party.needs()],
    }


def _item_line(item: Any, lang: str) -> str:
    from app.core.symbiosis.classes import lookup
    from app.core.symbiosis.exchange_preview import month_names

    cls = lookup(item.code)
    parts = [cls.label(lang) if cls else item.code]
    n = lambda v: format_number(v, lang, 6)  # noqa: E731
    if item.quantity_per_year is not None:
        parts.append(
            text(
                "exchange.preview.quantity",
                lang,
                quantity=n(item.quantity_per_year),
                unit=item.unit,
            )
        )
    elif item.quantity_band is not None:
        low, high = item.quantity_band
        parts.append(text("exchange.board.band", lang, low=n(low), high=n(high), unit=item.unit))
    if item.months:
        parts.append(
            text("exchange.preview.months", lang, months=month_names(list(item.months), lang))
        )
    if item.hazardous:
        parts.append(text("exchange.preview.hazardous", lang))
    if item.hazardous_permit:
        parts.append(text("exchange.preview.permit", lang))
    if item.cost_per_year_vnd is not None:
        key = "exchange.preview.revenue" if item.cost_per_year_vnd < 0 else "exchange.preview.cost"
        parts.append(text(key, lang, vnd=format_number(abs(item.cost_per_year_vnd), lang, 0)))
    if item.notes:
        parts.append(text("exchange.preview.notes", lang, notes=item.notes))
    return "    " + "; ".join(parts)


def as_text(parties: list[Any], park: str, where: str, lang: str) -> str:
    lines = [text("exchange.board.title", lang, park=park, where=where, count=len(parties))]
    if not parties:
        lines.append(text("exchange.board.empty", lang))
    for party in parties:
        lines.append("")
        head = party.key + (f" ({party.province})" if party.province else "")
        lines.append(head)
        for side, items in (("offer", party.offers()), ("need", party.needs())):
            lines.append("  " + text(f"exchange.preview.heading.{side}", lang, count=len(items)))
            lines += [_item_line(i, lang) for i in items]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from app.core.errors import UserError
    from app.store import hub
    from app.store.portfolio_source import is_hub_address

    lang = args.lang
    if not is_hub_address(args.hub):
        raise UserError.of("hub.not_an_address", to=hub.display_address(args.hub))
    parties, problems = hub.read_board(args.hub, args.park)
    for problem in problems:
        print(render(problem, lang), file=sys.stderr)
    where = hub.display_address(args.hub)
    if args.json:
        data = {
            "park": args.park.strip(),
            "hub": where,
            "parties": [party_as_dict(p) for p in parties],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(as_text(parties, args.park.strip(), where, lang))
    return 0
