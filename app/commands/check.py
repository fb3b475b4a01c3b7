"""``python -m app check PATH``: integrity and consistency checks; exit 1 when any problem.

The file is opened read-only: checking never changes it. A file this app could not edit
(open elsewhere, no write permission, newer version) is itself reported as a problem.
"""

from __future__ import annotations

import argparse

from app.commands import add_lang_option, add_path_argument
from app.core.messages import DEFAULT_LANGUAGE, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "check",
        help=text("cli.check.help", lang),
        description=text("cli.check.description", lang),
    )
    add_path_argument(p, lang)
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core.messages import render, text
    from app.core.problem_names import Namer
    from app.store.auditfile import AuditFile

    lang = args.lang
    with AuditFile.open(args.path, read_only=True, backup=False) as af:
        problems = af.check()
        reason = af.read_only_reason
        say = render
        if problems and not any(p.key.startswith("store.damaged") for p in problems):
            # objects named as the screens name them, not by id (a damaged file has rows
            # that cannot be loaded: its problems keep their plain form)
            say = Namer(af.load()).render
    if reason is not None and reason.key != "store.readonly.requested":
        problems.insert(0, reason)
    if not problems:
        print(text("check.ok", lang, path=args.path))
        return 0
    for p in problems:
        print(f"{text(f'check.level.{p.level.value}', lang)}: {say(p, lang)}")
    print(text("check.summary", lang, count=len(problems), path=args.path))
    return 1
