"""``python -m app untranslated AUDIT [--json] [--variant full|summary|confidential]``: what the
English report would print in Vietnamese, one line per item, and where to edit it.

The list is ``app.core.untranslated``'s, the same table the report's marks come from. Exit 0
whether or not something is untranslated (it is a to-do list, not a check).
"""

from __future__ import annotations

import argparse
import json
import sys

from app.commands import add_lang_option, add_path_argument
from app.core.messages import DEFAULT_LANGUAGE, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    from app.core.untranslated import VARIANTS

    p = subparsers.add_parser(
        "untranslated",
        help=text("cli.untranslated.help", lang),
        description=text("cli.untranslated.description", lang),
    )
    add_path_argument(p, lang)
    p.add_argument("--json", action="store_true", help=text("cli.json.help", lang))
    p.add_argument(
        "--variant",
        choices=VARIANTS,
        default="full",
        help=text("cli.untranslated.variant.help", lang),
    )
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core.untranslated import describe, untranslated
    from app.store.auditfile import AuditFile

    with AuditFile.open(args.path, read_only=True, backup=False) as af:
        audit = af.load()
    items = untranslated(audit, args.variant)
    lang = args.lang
    rows = [(item, describe(item, audit, lang)) for item in items]
    if args.json:
        out = [
            {
                "kind": item.kind,
                "id": item.id,
                "code": item.code,
                "fields": list(item.fields),
                "text": item.text,
                "screen": item.screen,
                "kind_label": shown["kind"],
                "name": shown["name"],
                "fields_label": shown["fields"],
                "where": shown["where"],
            }
            for item, shown in rows
        ]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    variant = text(f"untranslated.variant.{args.variant}", lang)
    if not rows:
        print(text("untranslated.none", lang, variant=variant))
        return 0
    print(text("untranslated.count", lang, count=len(rows), variant=variant))
    for _, shown in rows:
        print(f"{shown['where']} | {shown['kind']} | {shown['name']} | {shown['fields']}")
    return 0
