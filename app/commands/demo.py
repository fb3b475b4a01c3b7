"""``python -m app demo PATH [--force]``: write the demo audit (a textile dyehouse) to PATH."""

from __future__ import annotations

import argparse

from app.commands import add_lang_option


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "demo",
        help="write the demo audit (textile dyeing plant) to a new audit file",
        description="Write the demo audit: a textile dyeing and finishing plant with a 12-month "
        "baseline, process steps, walkthrough findings and 20 options.",
    )
    p.add_argument("path", help="audit file to create (.recp)")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    add_lang_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core.messages import text
    from app.store.demo_file import write_demo_file

    path = write_demo_file(args.path, replace=args.force)
    print(text("demo.written", args.lang, path=str(path)))
    return 0
