"""``python -m app import PATH FILE [--mapping MAP] [--json] [--dry-run] [--save-mapping NAME]``.

Validates FILE (XLSX or CSV) against the audit with the column mapping MAP (a JSON file, or the
name of a mapping saved in the audit), prints the validation report in the chosen language, and
imports only when there is no error: all figures in one transaction, or nothing. Without
--mapping the header row is guessed and columns are matched to streams by name. Exit 1 when
anything is wrong, so a script can stop.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.commands import add_lang_option, add_path_argument
from app.core.messages import DEFAULT_LANGUAGE, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "import",
        help=text("cli.import.help", lang),
        description=text("cli.import.description", lang),
    )
    add_path_argument(p, lang)
    p.add_argument(
        "file", metavar=text("cli.metavar.file", lang), help=text("cli.import.file", lang)
    )
    add_lang_option(p, lang)
    p.add_argument(
        "--mapping",
        default="",
        metavar=text("cli.metavar.mapping", lang),
        help=text("cli.import.mapping", lang),
    )
    p.add_argument("--json", action="store_true", help=text("cli.import.json", lang))
    p.add_argument("--dry-run", action="store_true", help=text("cli.import.dry_run", lang))
    p.add_argument(
        "--save-mapping",
        metavar=text("cli.metavar.name", lang),
        help=text("cli.import.save_mapping", lang),
    )
    p.set_defaults(run=run)


def _problem_dict(problem, lang: str) -> dict:
    from dataclasses import asdict

    from app.core.messages import render

    return {
        "key": problem.key,
        "level": problem.level.value,
        "location": {k: v for k, v in asdict(problem.location).items() if v not in ("", None)},
        "params": problem.params,
        "message": render(problem, lang),
    }


def run(args: argparse.Namespace) -> int:
    from app.core.errors import UserError
    from app.core.messages import render, text
    from app.store.auditfile import AuditFile
    from app.store.importer import (
        Mapping,
        commit,
        guess_mapping,
        save_mapping,
        saved_mappings,
        validate,
    )

    lang = args.lang
    with AuditFile.open(args.path, read_only=args.dry_run, backup=not args.dry_run) as af:
        if not args.mapping:
            mapping = guess_mapping(args.file, af.load())
        elif Path(args.mapping).is_file():
            mapping = Mapping.load(args.mapping)
        elif args.mapping in (saved := saved_mappings(af)):
            mapping = saved[args.mapping]
        else:
            raise UserError.of("import.not_found", path=args.mapping)
        if af.read_only and not args.dry_run:
            raise UserError.of("import.read_only")
        result = validate(args.file, mapping, af.load())
        written = 0
        if result.ok and not args.dry_run:
            written = commit(af, result)
            if args.save_mapping:
                save_mapping(af, args.save_mapping, mapping)
    summary = text("import.summary", lang, **result.summary_params())
    if result.ok and args.dry_run:
        outcome = text("import.dry_run", lang)
    elif result.ok:
        outcome = text("import.done", lang, records=written, path=args.path)
    else:
        outcome = text("import.nothing_imported", lang)
    listed = len(result.problems)
    hidden = result.error_count + result.warning_count - listed
    if args.json:
        report = {
            "ok": result.ok,
            "imported": written,
            "dry_run": args.dry_run,
            "file": result.file,
            "sheet": result.sheet,
            **result.summary_params(),
            "problems": [_problem_dict(p, lang) for p in result.problems],
            "problems_not_listed": hidden,
            "summary": summary,
            "outcome": outcome,
        }
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for p in result.problems:
            print(f"{text(f'check.level.{p.level.value}', lang)}: {render(p, lang)}")
        if hidden:
            print(text("import.too_many_problems", lang, count=hidden))
        print(summary)
        print(outcome, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1
