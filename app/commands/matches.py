"""``python -m app matches SOURCE [--park NAME] [--neighbours [P2,P3]] [--json] [--pdf OUT]
[--xlsx OUT]``: proposed industrial-symbiosis exchanges between the firms of a park; with
``--neighbours`` alone, also with the parks of the same province, or with the parks named.

SOURCE is a folder of audits, read read-only; the participants come from
``app.store.symbiosis_source.gather_parties`` (where exchange files will join), the proposals
from ``app.core.symbiosis.matcher``. No proposal is not an error: it is said so.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.commands import add_lang_option
from app.core.messages import DEFAULT_LANGUAGE, render, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "matches",
        help=text("cli.matches.help", lang),
        description=text("cli.matches.description", lang),
    )
    p.add_argument(
        "source", metavar=text("cli.portfolio.metavar", lang), help=text("cli.matches.source", lang)
    )
    p.add_argument("--park", default=None, help=text("cli.matches.park", lang))
    p.add_argument(
        "--neighbours",
        nargs="?",
        const=True,
        default=False,
        metavar=text("cli.matches.neighbours_metavar", lang),
        help=text("cli.matches.neighbours", lang),
    )
    p.add_argument("--json", action="store_true", help=text("cli.json.help", lang))
    p.add_argument(
        "--pdf",
        default=None,
        metavar=text("cli.metavar.out", lang),
        help=text("cli.matches.pdf", lang),
    )
    p.add_argument(
        "--xlsx",
        default=None,
        metavar=text("cli.metavar.out", lang),
        help=text("cli.matches.xlsx", lang),
    )
    p.add_argument(
        "--to-options",
        type=int,
        default=None,
        metavar=text("cli.matches.metavar.rank", lang),
        help=text("cli.matches.to_options", lang),
    )
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def park_list(value: str | None) -> list[str]:
    """``"KCN B, KCN C"`` -> ``["KCN B", "KCN C"]`` (blanks dropped)."""
    return [name.strip() for name in (value or "").split(",") if name.strip()]


def neighbours_of(value: bool | str) -> bool | list[str]:
    """``--neighbours`` as the matcher takes it: True (the same province), False, or the parks
    named."""
    return value if isinstance(value, bool) else park_list(value) or False


def build_report(args: argparse.Namespace) -> Any:
    """The parties of ``args.source`` matched for ``args.park``, as an export's report."""
    from app.core.symbiosis.matcher import match
    from app.reports.symbiosis_export import MatchReport
    from app.store.symbiosis_source import gather_parties

    neighbours = neighbours_of(args.neighbours)
    named = args.park and not isinstance(neighbours, bool)
    # a hub's board is read for the park and the parks named only
    gathered = gather_parties(args.source, [args.park, *neighbours] if named else None)
    matches = match(gathered.parties, park=args.park, neighbours=neighbours)
    return gathered, MatchReport(
        matches=matches,
        park=args.park,
        neighbours=neighbours,
        source=gathered.source,
        parties=len(gathered.parties),
        notes=[render(n, args.lang) for n in gathered.notes],
        skipped=[render(s, args.lang) for s in gathered.skipped],
    )


def as_dict(report: Any, lang: str) -> dict[str, Any]:
    from app.core.symbiosis.match_text import match_as_dict, totals

    waste, co2e = totals(report.matches)
    return {
        "source": report.source,
        "park": report.park,
        "neighbours": report.neighbours,
        "parties": report.parties,
        "matches": [match_as_dict(m, i, lang) for i, m in enumerate(report.matches, start=1)],
        "waste_avoided_t_per_year": waste,
        "co2e_avoided_t_per_year": co2e,
        "notes": report.notes,
        "skipped": report.skipped,
    }


def as_text(report: Any, lang: str) -> str:
    from app.core.symbiosis import match_text as mx
    from app.reports.symbiosis_export import title

    lines = [title(report, lang)]
    lines.append(
        text("symbiosis.match.count", lang, count=len(report.matches), parties=report.parties)
    )
    if not report.matches:
        lines.append(text("symbiosis.match.none", lang))
    for rank, m in enumerate(report.matches, start=1):
        lines += ["", mx.headline(m, rank, lang)]
        lines += [f"    {r}" for r in mx.reasons_text(m, lang)]
    if report.matches:
        lines += ["", mx.totals_line(report.matches, lang)]
        lines.append(text("symbiosis.match.score_rule", lang))
    if report.notes:
        lines.append("")
        lines += report.notes
    if report.skipped:
        lines += ["", text("symbiosis.match.skipped", lang, n=len(report.skipped))]
        lines += [f"  {s}" for s in report.skipped]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    gathered, report = build_report(args)
    if args.to_options is not None and not 1 <= args.to_options <= len(report.matches):
        from app.core.errors import UserError

        raise UserError.of(
            "symbiosis.option.no_rank", rank=args.to_options, count=len(report.matches)
        )
    if args.pdf:
        from app.reports.symbiosis_export import write_matches_pdf

        write_matches_pdf(report, lang, args.pdf)
    if args.xlsx:
        from app.reports.symbiosis_export import write_matches_xlsx

        write_matches_xlsx(report, lang, args.xlsx)
    if args.json:
        json.dump(as_dict(report, lang), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(as_text(report, lang))
    if args.to_options is not None:
        _to_options(args.to_options, report.matches, gathered.paths, lang)
    return 0


def _to_options(rank: int, matches: Any, paths: Any, lang: str) -> None:
    """Proposal ``rank`` (1-based, as printed) as an option in both audits."""
    from app.commands.handout import author_of
    from app.store.symbiosis_options import add_match_options

    m = matches[rank - 1]
    written = add_match_options(m, paths, author_of(argparse.Namespace(author=None)))
    for option, key in zip(written, (m.giver.key, m.taker.key), strict=True):
        title = option.title_en if lang == "en" else option.title_vi
        print(text("symbiosis.option.added", lang, code=option.code, path=paths[key], title=title))
