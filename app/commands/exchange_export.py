"""``python -m app exchange-export AUDIT OUT.recpx.json [--share …] [--yes]``: the anonymised
exchange file of an audit (industrial symbiosis), with its CSV twin beside it.

With a ``postgresql://`` address instead of a file, the same content goes to the programme
hub's park exchange board (``app.store.hub.publish_exchange``).

The preview (``app.core.symbiosis.exchange_preview``) is printed first: every value the file
will hold and what it holds back. Nothing is written without ``--yes`` or a "yes" typed at the
question. ``--share`` records the enterprise's consent in the audit (field by field); without
it the consent stored in the audit applies (default: nothing sensitive). Both files are written
atomically; the consent (and the key of the anonymous id) is saved in the audit first, so the
id stays the same at the next export.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands import add_lang_option, add_path_argument
from app.core.messages import DEFAULT_LANGUAGE, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "exchange-export",
        help=text("cli.exchange-export.help", lang),
        description=text("cli.exchange-export.description", lang),
    )
    add_path_argument(p, lang)
    p.add_argument(
        "out",
        metavar=text("cli.exchange-export.metavar", lang),
        help=text("cli.exchange-export.out", lang),
    )
    p.add_argument(
        "--share",
        metavar=text("cli.exchange-export.share_metavar", lang),
        help=text("cli.exchange-export.share", lang),
    )
    p.add_argument("--yes", action="store_true", help=text("cli.exchange-export.yes", lang))
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def parse_share(value: str) -> list[str]:
    words = [w.strip().lower() for w in value.split(",") if w.strip()]
    return [] if words in ([], ["none"]) else words


def _confirmed(args: argparse.Namespace) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        return False
    answer = input(text("exchange.export.ask", args.lang)).strip().lower()
    return answer in ("y", "yes", "c", "có", "co")


def run(args: argparse.Namespace) -> int:
    from app.core.errors import UserError
    from app.core.symbiosis import exchange as ex
    from app.core.symbiosis.exchange_preview import preview
    from app.store.auditfile import AuditFile
    from app.store.portfolio_source import is_hub_address

    lang = args.lang
    to_hub = is_hub_address(args.out)
    out = Path(args.out)
    twin = ex.csv_path(out)
    audit_path = Path(args.path)
    for target in () if to_hub else (out, twin):
        if target.exists() and audit_path.exists() and target.resolve() == audit_path.resolve():
            raise UserError.of("exchange.export.same_path", path=str(target))
    with AuditFile.open(audit_path, backup=False) as af:
        audit = af.load()
        stored = audit.info.exchange_consent
        consent = stored
        if args.share is not None:
            consent = ex.consent_of(parse_share(args.share), stored)
        consent = ex.with_id_key(consent)
        export = ex.exchange_content(audit, consent)
        print(preview(export, lang))
        print()
        if not _confirmed(args):
            print(text("exchange.export.not_written", lang), file=sys.stderr)
            return 0
        if consent != stored:  # before the file: its id must be the one the audit keeps
            audit.info.exchange_consent = consent
            af.save_info(audit.info)
            fields = ", ".join(ex.shared_fields(consent)) or text(
                "exchange.export.consent_none", lang
            )
            print(text("exchange.export.consent_saved", lang, fields=fields))
    if to_hub:
        return _publish(args.out, export.content, lang)
    write_files(out, export.content)
    print(text("exchange.export.written", lang, json=str(out), csv=str(twin)))
    if not out.name.endswith(ex.SUFFIX):
        print(text("exchange.export.name_hint", lang, suffix=ex.SUFFIX))
    return 0


def write_files(out: str | Path, content: dict) -> Path:
    """The JSON file at ``out`` and its CSV twin beside it, each written atomically (a failure
    leaves no half-written file); the twin's path. Used by the Offers and needs screen too."""
    from app.core.symbiosis import exchange as ex
    from app.reports.safe_write import write_atomically

    out = Path(out)
    twin = ex.csv_path(out)
    body, table = ex.exchange_json(content), ex.exchange_csv(content)
    write_atomically(out, lambda tmp: Path(tmp).write_text(body, encoding="utf-8"))
    # utf-8-sig: a spreadsheet opened by double-click then reads the Vietnamese marks right
    write_atomically(twin, lambda tmp: Path(tmp).write_text(table, encoding="utf-8-sig"))
    return twin


def _publish(url: str, content: dict, lang: str) -> int:
    """The same content to the hub's park exchange board instead of a file."""
    from app.store import hub

    created = hub.publish_exchange(url, content)
    key = "exchange.board.published_new" if created else "exchange.board.published_update"
    print(
        text(
            key,
            lang,
            id=content["enterprise_id"],
            park=content["park"],
            where=hub.display_address(url),
        )
    )
    return 0
