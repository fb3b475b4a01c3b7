"""``python -m app merge AUDIT OTHER [--json] [--apply [--prefer mine|theirs]]``: merge a
teammate's copy. A dry run by default: what would come in, and the conflicts; ``--apply``
writes it in one transaction after a backup, refused while conflicts remain unless
``--prefer`` says whose value wins."""

from __future__ import annotations

import argparse
import json
import sys

from app.commands import add_lang_option, add_path_argument
from app.commands.handout import add_author_option, author_of
from app.core.messages import DEFAULT_LANGUAGE, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "merge", help=text("cli.merge.help", lang), description=text("cli.merge.description", lang)
    )
    add_path_argument(p, lang)
    p.add_argument(
        "other", metavar=text("cli.metavar.copy", lang), help=text("cli.merge.other", lang)
    )
    p.add_argument("--json", action="store_true", help=text("cli.json.help", lang))
    p.add_argument("--apply", action="store_true", help=text("cli.merge.apply", lang))
    p.add_argument(
        "--prefer", choices=("mine", "theirs"), default=None, help=text("cli.merge.prefer", lang)
    )
    add_author_option(p, lang)
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core.messages import render
    from app.store.auditfile import AuditFile
    from app.store.teamwork import apply_merge, plan_merge

    lang = args.lang
    with AuditFile.open(args.path, read_only=not args.apply) as af:
        if args.apply and af.read_only:
            reason = render(af.read_only_reason, lang) if af.read_only_reason else ""
            print(text("store.read_only", lang, reason=reason), file=sys.stderr)
            return 1
        af.author = author_of(args)
        plan = plan_merge(af, args.other, backup=args.apply)
        if args.apply:
            apply_merge(af, plan, prefer=args.prefer)
    if args.json:
        data = plan.as_dict()
        data["applied"] = bool(args.apply)
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        print()
        return 0
    for line in format_plan(plan, lang):
        print(line)
    if args.apply:
        print(text("team.applied", lang, n=len(plan.changes) + len(plan.conflicts)))
    return 0


def format_plan(plan, lang: str) -> list[str]:
    from app.store.teamwork import table_label

    lines = [text("team.plan_title", lang, n=len(plan.changes), c=len(plan.conflicts))]
    if plan.empty and not plan.skipped:
        lines.append("  " + text("team.nothing", lang))
    for c in plan.changes:
        lines.append(
            f"  {text('team.action.' + c.action, lang)}: {table_label(c.table, lang)} {c.label or c.id[:8]}"
        )
    for c in plan.conflicts:
        lines.append(
            f"  {text('team.kind.' + c.kind, lang)}: {table_label(c.table, lang)} {c.label or c.id[:8]}"
        )
        for f in c.fields:
            lines.append(f"      {f.name}: {_short(f.mine, lang)} | {_short(f.theirs, lang)}")
    for c in plan.skipped:
        lines.append(
            f"  {text('team.skipped.' + c.reason, lang)}: {table_label(c.table, lang)} {c.label or c.id[:8]}"
        )
    return lines


def _short(value, lang: str = DEFAULT_LANGUAGE) -> str:
    if isinstance(value, (bytes, memoryview)):
        return f"<{len(value)} B>"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from app.reports.fmt import smart

        return smart(value, lang)  # 22.100 in Vietnamese, 22,100 in English
    s = "—" if value is None else str(value)
    return s if len(s) <= 40 else s[:39] + "…"
