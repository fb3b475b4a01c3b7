"""``python -m app demo PATH [--force]``: write the demo audit (a textile dyehouse) to PATH."""

from __future__ import annotations

import argparse

from app.commands import add_lang_option, add_path_argument
from app.core.messages import DEFAULT_LANGUAGE, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "demo",
        help=text("cli.demo.help", lang),
        description=text("cli.demo.description", lang),
    )
    add_path_argument(p, lang, "cli.demo.path")
    p.add_argument("--force", action="store_true", help=text("cli.demo.force", lang))
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core.messages import text
    from app.store.demo_file import write_demo_file

    path = write_demo_file(args.path, replace=args.force)
    print(text("demo.written", args.lang, path=str(path)))
    return 0
