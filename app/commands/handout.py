"""``python -m app handout AUDIT OUT [--areas ...] [--steps ...] [--streams ...]``: a copy of
the audit for a teammate, recorded in both files as the base a later merge compares against."""

from __future__ import annotations

import argparse
import os

from app.commands import add_lang_option, add_path_argument
from app.core.messages import DEFAULT_LANGUAGE, text


def add_author_option(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--author", default=None, help=text("cli.team.author", lang))


def author_of(args: argparse.Namespace) -> str:
    """--author, else RECP_AUTHOR, else the system's user name."""
    if args.author:
        return args.author
    from app.store.lock import _user

    return os.environ.get("RECP_AUTHOR") or _user()


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "handout",
        help=text("cli.handout.help", lang),
        description=text("cli.handout.description", lang),
    )
    add_path_argument(p, lang)
    p.add_argument(
        "out", metavar=text("cli.metavar.copy", lang), help=text("cli.handout.out", lang)
    )
    for name in ("areas", "steps", "streams"):
        p.add_argument(f"--{name}", nargs="+", default=None, help=text(f"cli.handout.{name}", lang))
    p.add_argument("--to", default="", help=text("cli.handout.to", lang))
    add_author_option(p, lang)
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.store.auditfile import AuditFile
    from app.store.teamwork import hand_out

    with AuditFile.open(args.path) as af:
        af.author = author_of(args)
        result = hand_out(
            af, args.out, areas=args.areas, steps=args.steps, streams=args.streams, to=args.to
        )
    counts = ", ".join(f"{k} {v}" for k, v in result.counts.items() if k != "audit_info")
    print(text("team.handout_done", args.lang, path=str(result.path), counts=counts))
    return 0
