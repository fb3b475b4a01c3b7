"""``python -m app publish AUDIT --to postgresql://…``: an audit's figures to a programme hub.

The audit file is read strictly read-only (as the portfolio reads it: never migrated or locked,
so it may be open in a window). Only ``publishable`` figures leave it: anonymised unless the
enterprise agreed to more. ``--init`` only creates or upgrades the hub's schema.
"""

from __future__ import annotations

import argparse

from app.commands import add_lang_option
from app.core.messages import DEFAULT_LANGUAGE, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "publish",
        help=text("cli.publish.help", lang),
        description=text("cli.publish.description", lang),
    )
    p.add_argument(
        "path", nargs="?", metavar=text("cli.metavar.path", lang), help=text("cli.path.help", lang)
    )
    p.add_argument(
        "--to",
        required=True,
        metavar=text("cli.publish.metavar", lang),
        help=text("cli.publish.to", lang),
    )
    p.add_argument("--init", action="store_true", help=text("cli.publish.init", lang))
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core import portfolio as pf
    from app.core.errors import UserError
    from app.store import hub
    from app.store.portfolio_folder import read_summary
    from app.store.portfolio_source import is_hub_address

    lang = args.lang
    if not is_hub_address(args.to):
        raise UserError.of("hub.not_an_address", to=hub.display_address(args.to))
    where = hub.display_address(args.to)
    if args.init or not args.path:
        version = hub.create_hub(args.to)
        print(text("hub.initialised", lang, where=where, version=version))
        return 0
    summary = pf.publishable(read_summary(args.path))
    created = hub.publish(args.to, summary)
    what = text("hub.what.anonymised" if summary.anonymised else "hub.what.full", lang)
    key = "hub.published_new" if created else "hub.published_update"
    print(text(key, lang, id=summary.audit_id, where=where, what=what))
    return 0
