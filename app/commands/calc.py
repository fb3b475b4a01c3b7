"""``python -m app calc NAME --input key=value ... [--json]`` and ``calc --list``: run a savings
calculator (app/core/calculators) headless, in the chosen language."""

from __future__ import annotations

import argparse
import json
import sys

from app.commands import add_lang_option
from app.core.errors import Location, UserError
from app.core.messages import DEFAULT_LANGUAGE, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "calc", help=text("cli.calc.help", lang), description=text("cli.calc.description", lang)
    )
    p.add_argument("name", nargs="?", help=text("cli.calc.name", lang))
    p.add_argument(
        "--input",
        "-i",
        action="append",
        default=[],
        metavar=text("cli.calc.metavar", lang),
        help=text("cli.calc.input", lang),
    )
    p.add_argument("--list", action="store_true", help=text("cli.calc.list", lang))
    p.add_argument("--json", action="store_true", help=text("cli.json.help", lang))
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def parse_pairs(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UserError.of("cli.calc.bad_pair", Location(entity="calculator"), pair=pair)
        values[key.strip()] = value.strip()
    return values


def run(args: argparse.Namespace) -> int:
    from app.core import calculators

    lang = args.lang or DEFAULT_LANGUAGE
    if args.list or not args.name:
        rows = [
            {"id": c.id, "name": c.name(lang), "source": c.source}
            for c in calculators.REGISTRY.values()
        ]
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            width = max(len(r["id"]) for r in rows)
            for r in rows:
                print(f"{r['id']:<{width}}  {r['name']}")
        return 0
    calc = calculators.get(args.name)
    values = parse_pairs(args.input)
    result = calc.run(values)
    if args.json:
        doc = {
            "id": calc.id,
            "name": calc.name(lang),
            "inputs": values,
            "outputs": {
                k: {"value": float(v.magnitude), "unit": f"{v.units:~}"} for k, v in result.items()
            },
            "source": calc.source,
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0
    from app.core.model import CalculationRun
    from app.reports.calculations import describe

    # The same wording and number marks as the report's option detail (one home).
    shown = describe(CalculationRun(calc.id, values), lang)
    print(shown.title)
    for line in shown.outputs:
        print(f"  {line}")
    print(f"{text('cli.calc.source', lang)}: {shown.source}", file=sys.stdout)
    return 0
