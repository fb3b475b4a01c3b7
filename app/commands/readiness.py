"""``python -m app readiness AUDIT [--json]`` and ``readiness --park DIR [--json]``: eco-enterprise
readiness (Decree 35/2022/NĐ-CP art. 37 cl. 2) of one audit, or of every ``.recp`` of a folder.

The rules are ``app.core.readiness``'s; the folder's files are opened read-only (never migrated,
never written); a file that is not an audit is skipped with a message on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.commands import add_lang_option
from app.core.errors import Location, UserError
from app.core.messages import DEFAULT_LANGUAGE, render, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "readiness",
        help=text("cli.readiness.help", lang),
        description=text("cli.readiness.description", lang),
    )
    p.add_argument(
        "path", nargs="?", metavar=text("cli.metavar.path", lang), help=text("cli.path.help", lang)
    )
    p.add_argument(
        "--park",
        metavar=text("cli.metavar.folder", lang),
        help=text("cli.readiness.park.help", lang),
    )
    p.add_argument("--json", action="store_true", help=text("cli.json.help", lang))
    p.add_argument(
        "--annex",
        metavar=text("cli.metavar.out", lang),
        help=text("cli.readiness.annex.help", lang),
    )
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def _read(path: str | Path) -> tuple[Any, Any]:
    """(readiness, enterprise) of the audit file at ``path``, opened read-only."""
    from app.core import readiness
    from app.store.auditfile import AuditFile

    with AuditFile.open(path, read_only=True, backup=False) as af:
        audit = af.load()
        answers = readiness.answers_from_setting(af.get_setting(readiness.ANSWERS_SETTING))
    return readiness.evaluate(audit, answers, file=str(path)), audit.info.enterprise


def read_audit_readiness(path: str | Path) -> Any:
    """The readiness of the audit file at ``path``, opened read-only (``AuditFile.open``'s read
    path: never migrated nor written; it holds the lock only while reading, to remove the
    SQLite side files its read made, and reads without it when someone else has the file open)."""
    return _read(path)[0]


def run(args: argparse.Namespace) -> int:
    from app.core import readiness

    lang = args.lang
    if args.park:
        return _run_park(Path(args.park), args.json, lang)
    if not args.path:
        raise UserError.of("cli.readiness.need_audit_or_park")
    result, enterprise = _read(args.path)
    if args.annex:
        return _write_annex(result, enterprise, Path(args.annex), lang)
    if args.json:
        print(json.dumps(readiness.readiness_as_dict(result, lang), ensure_ascii=False, indent=2))
    else:
        print(as_text(result, lang))
    return 0


def _write_annex(result: Any, enterprise: Any, out: Path, lang: str) -> int:
    from app.reports.readiness_annex import FORMATS, write_annex

    suffix = out.suffix.lower()
    if suffix[1:] not in FORMATS:
        raise UserError.of("readiness.annex.bad_suffix", Location(file=str(out)), suffix=suffix)
    written = write_annex(result, enterprise, out, suffix[1:])
    print(text("readiness.annex.written", lang, path=str(written)))
    return 0


def _run_park(folder: Path, as_json: bool, lang: str) -> int:
    from app.core import park_readiness as prd
    from app.core import readiness

    if not folder.is_dir():
        raise UserError.of("cli.readiness.not_a_folder", Location(file=str(folder)), path=folder)
    files = sorted(p for p in folder.iterdir() if p.suffix == ".recp" and p.is_file())
    if not files:
        raise UserError.of("cli.readiness.no_files", path=folder)
    results = []
    for path in files:
        try:
            results.append(read_audit_readiness(path))
        except UserError as exc:  # one bad file does not hide the park's others
            print(
                text(
                    "cli.readiness.skipped", lang, path=path.name, reason=render(exc.problem, lang)
                ),
                file=sys.stderr,
            )
    park = prd.park_readiness(prd.firm_from_readiness(r) for r in results)
    if as_json:
        data = {
            **prd.park_as_dict(park),
            "note": text(prd.NOTE_KEY, lang),
            "links": [{"enterprise": f.enterprise, "link": n} for f in park.firms for n in f.links],
            "readiness": [readiness.readiness_as_dict(r, lang) for r in results],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(park_text(park, lang))
    return 0


def _status(status: Any, lang: str) -> str:
    return text(f"readiness.status.{status.value}", lang)


def as_text(result: Any, lang: str) -> str:
    from app.core import readiness

    lines = [
        f"{text('readiness.title', lang)}: {result.enterprise}",
        text("readiness.overall", lang, status=_status(result.overall, lang)),
        "",
    ]
    for r in result.results:
        source = text(f"readiness.source.{r.source or 'none'}", lang)
        lines.append(f"[{r.criterion.id}] {_status(r.status, lang)} ({source})")
        lines.append(f"    {r.criterion.legal_ref(lang)}")
        lines.append(f"    {r.criterion.text(lang)}")
        for e in r.evidence:
            lines.append(f"    - {readiness.evidence_text(e, lang)}")
        if r.auditor_evidence:
            lines.append(f"    - {text('readiness.auditor_note', lang, text=r.auditor_evidence)}")
    lines += [
        "",
        text("readiness.source_line", lang, source=readiness.shipped_checklist().source(lang)),
    ]
    return "\n".join(lines)


def park_text(park: Any, lang: str) -> str:
    """One park's table as text (``readiness --park`` and ``portfolio``)."""
    from app.core import readiness
    from app.core.park_readiness import NOTE_KEY

    pct = readiness.percent_text
    verdict = _status(readiness.Status.MET if park.share_met else readiness.Status.NOT_MET, lang)
    lines = [
        text(
            "readiness.park.title",
            lang,
            park=park.park or text("readiness.park.no_park", lang),
            count=park.audited,
        ),
        text(
            "readiness.park.share",
            lang,
            with_results=park.with_recp_results,
            count=park.audited,
            share=pct(park.share, lang),
            required=pct(park.required_share, lang),
            verdict=verdict,
        ),
        text("readiness.park.links", lang, count=park.symbiosis_links),
    ]
    lines += [f"    - {f.enterprise}: {n}" for f in park.firms for n in f.links]
    if park.unknown:
        lines.append(text("park_readiness.unknown", lang, count=park.unknown))
    lines.append("")
    lines.append("\t".join([text("readiness.col.criterion", lang), *park.criteria, "∑"]))
    for firm in park.firms:
        name = firm.enterprise or (Path(firm.file).name if firm.file else "")
        name = name or text("portfolio.anonymous", lang, id=firm.audit_id[:8].upper())
        cells = [_status(firm.status(c), lang) for c in park.criteria]
        lines.append("\t".join([name, *cells, _status(firm.overall(park.criteria), lang)]))
    lines += ["", text(NOTE_KEY, lang)]
    return "\n".join(lines)
