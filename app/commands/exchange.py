"""``python -m app exchange postgresql://… --park NAME [--neighbours P2,P3] [--json]``: a park's
exchange board on the programme hub: what each enterprise published of its offers and needs
(only what it agreed to share; ``exchange-export AUDIT postgresql://…`` publishes), and the
matcher's proposals among them; with ``--neighbours``, the boards of the parks named too, their
firms matched with the park's. Reading never writes to the hub.
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
    p.add_argument(
        "--neighbours",
        default=None,
        metavar=text("cli.matches.neighbours_metavar", lang),
        help=text("cli.exchange.neighbours", lang),
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


def as_text(
    parties: list[Any], park: str, where: str, lang: str, neighbours: list[str] | None = None
) -> str:
    lines = [text("exchange.board.title", lang, park=park, where=where, count=len(parties))]
    if neighbours:
        lines.append(text("exchange.board.neighbours", lang, parks=", ".join(neighbours)))
    if not parties:
        lines.append(text("exchange.board.empty", lang))
    for party in parties:
        lines.append("")
        place = ", ".join(filter(None, (party.park if neighbours else "", party.province)))
        head = party.key + (f" ({place})" if place else "")
        lines.append(head)
        for side, items in (("offer", party.offers()), ("need", party.needs())):
            lines.append("  " + text(f"exchange.preview.heading.{side}", lang, count=len(items)))
            lines += [_item_line(i, lang) for i in items]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from app.commands.matches import as_dict as matches_dict
    from app.commands.matches import as_text as matches_text
    from app.commands.matches import park_list
    from app.core.errors import UserError
    from app.core.symbiosis.matcher import match
    from app.reports.symbiosis_export import MatchReport
    from app.store import hub
    from app.store.portfolio_source import is_hub_address

    lang = args.lang
    if not is_hub_address(args.hub):
        raise UserError.of("hub.not_an_address", to=hub.display_address(args.hub))
    park = args.park.strip()
    neighbours = [n for n in park_list(args.neighbours) if hub.park_key(n) != hub.park_key(park)]
    parties, problems = hub.read_board(args.hub, [park, *neighbours])
    for problem in problems:
        print(render(problem, lang), file=sys.stderr)
    where = hub.display_address(args.hub)
    # the board's matches: the park's firms with each other and with the neighbours named
    report = MatchReport(
        matches=match(parties, park=park, neighbours=neighbours or False),
        park=park,
        neighbours=neighbours,
        source=where,
        parties=len(parties),
    )
    if args.json:
        data = {
            "park": park,
            "neighbours": neighbours,
            "hub": where,
            "parties": [party_as_dict(p) for p in parties],
            **{k: v for k, v in matches_dict(report, lang).items() if k not in _SAID},
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(as_text(parties, park, where, lang, neighbours))
        if parties:
            print()
            print(matches_text(report, lang))
    return 0


_SAID = frozenset({"source", "park", "neighbours", "parties", "notes", "skipped"})
