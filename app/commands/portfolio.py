"""``python -m app portfolio SOURCE [--json] [--confidential]``: a programme's audits added up.

SOURCE is a folder of ``.recp`` files (read strictly read-only, ``app.store.portfolio_folder``)
or a programme hub's ``postgresql://`` address (``app.store.hub``): both print the same report.
A bad file never stops the report: it is listed with the reason.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.commands import add_lang_option
from app.core.messages import DEFAULT_LANGUAGE, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "portfolio",
        help=text("cli.portfolio.help", lang),
        description=text("cli.portfolio.description", lang),
    )
    p.add_argument(
        "source",
        metavar=text("cli.portfolio.metavar", lang),
        help=text("cli.portfolio.source", lang),
    )
    p.add_argument("--json", action="store_true", help=text("cli.json.help", lang))
    p.add_argument(
        "--confidential", action="store_true", help=text("cli.portfolio.confidential", lang)
    )
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def portfolio_dict(portfolio: Any, lang: str, confidential: bool = False) -> dict[str, Any]:
    """Everything the report shows, JSON-able."""
    from app.core import portfolio as pf
    from app.core.messages import render

    def entry(e: Any) -> dict[str, Any]:
        s = pf.anonymise(e.summary) if confidential else e.summary
        data = pf.summary_as_dict(s)
        if not confidential:
            data["path"] = str(e.path)
            data["duplicate_of"] = str(e.duplicate_of) if e.duplicate_of else None
        data["counted"] = e.counted
        data["notes"] = [{"key": n.key, "message": render(n, lang)} for n in e.notes]
        return data

    def skipped(e: Any) -> dict[str, Any]:
        if confidential:  # a file's name may name its enterprise
            return {"key": e.problem.key, "message": render(_without_place(e.problem), lang)}
        return {"path": str(e.path), "key": e.problem.key, "message": render(e.problem, lang)}

    from app.core import park_readiness as prd

    counted = portfolio.summaries
    parks = prd.by_park([pf.anonymise(s) for s in counted] if confidential else counted)
    return {
        "source": None if confidential else portfolio.source,
        "confidential": confidential,
        "files": len(portfolio.entries),
        "audits": [entry(e) for e in portfolio.entries if e.summary is not None],
        "skipped": [skipped(e) for e in portfolio.skipped],
        **pf.rollup_as_dict(portfolio.summaries),
        "park_readiness": prd.parks_as_dict(parks, lang),
    }


def format_text(portfolio: Any, lang: str, confidential: bool = False) -> list[str]:
    from app.core import portfolio as pf
    from app.core.messages import render
    from app.reports import portfolio_tables as pt

    summaries = portfolio.summaries
    lines = [text("portfolio.title", lang, source=portfolio.source), ""]
    if not summaries:
        lines.append(text("portfolio.none", lang))
    else:
        tables = pt.all_tables(summaries, lang, confidential, files=len(portfolio.entries))
        lines.append(tables[0].title)
        lines += pt.plain(tables[0])
        lines += ["", text("portfolio.totals", lang)]
        t = pf.totals(summaries)
        lines += ["  " + line for line in pt.totals_lines(t, lang)]
        if t.savings:
            lines.append("  " + text("portfolio.total.resources", lang))
            lines += ["    " + line for line in pt.resource_lines(t, lang)]
        for table in tables[1:]:
            lines += ["", table.title, *pt.plain(table)]
        statuses = pf.by_option_status(summaries)
        lines += ["", text("portfolio.by.option_status", lang)]
        lines += [f"  {text(f'options.status.{k}', lang)}: {n}" for k, n in statuses.items()]
        lines += ["", *park_readiness_lines(summaries, lang, confidential)]
    skipped = portfolio.skipped
    if skipped:
        lines += ["", text("portfolio.skipped", lang, n=len(skipped))]
        for e in skipped:
            # A file's name may name its enterprise: the confidential report gives only reasons.
            reason = e.problem if not confidential else _without_place(e.problem)
            lines.append("  " + render(reason, lang))
    notes: list[str] = []
    for e in portfolio.entries:
        if confidential:
            break
        notes += [render(n, lang) for n in e.notes]
        if e.duplicate_of is not None:
            reason = text("portfolio.duplicate", lang, path=e.duplicate_of)
            notes.append(text("portfolio.file_line", lang, path=e.path, reason=reason))
    if notes:
        lines += ["", text("portfolio.notes", lang), *("  " + n for n in notes)]
    return lines


def park_readiness_lines(summaries: Any, lang: str, confidential: bool = False) -> list[str]:
    """The per-park eco-enterprise table, each firm's criteria and the note on the denominator."""
    from app.core import park_readiness as prd
    from app.reports import park_readiness_tables as prt
    from app.reports import portfolio_tables as pt

    parks = prd.by_park(summaries)
    table = prt.park_table(parks, lang)
    out = [table.title, *pt.plain(table, numeric=prt.NUMERIC)]
    out += ["  " + line for line in prt.unknown_lines(parks, lang)]
    firms = prt.firm_table(parks, lang, confidential)
    out += ["", firms.title, *pt.plain(firms, numeric=prt.NUMERIC), "", "  " + prt.note(lang)]
    return out


def _without_place(problem: Any) -> Any:
    import dataclasses

    from app.core.errors import Location

    return dataclasses.replace(
        problem, location=Location(), params={**problem.params, "detail": "–", "path": "–"}
    )


def run(args: argparse.Namespace) -> int:
    from app.store.portfolio_source import read_source

    portfolio = read_source(args.source)
    if args.json:
        json.dump(
            portfolio_dict(portfolio, args.lang, args.confidential),
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
        return 0
    print("\n".join(format_text(portfolio, args.lang, args.confidential)))
    return 0
