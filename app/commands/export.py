"""``python -m app export PATH --lang vi|en --format pdf|xlsx --variant full|summary|confidential
--out FILE``: the audit report, headless."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands import add_path_argument
from app.core.errors import Location, UserError, os_reason
from app.core.messages import DEFAULT_LANGUAGE, LANGUAGES, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "export",
        help=text("cli.export.help", lang),
        description=text("cli.export.description", lang),
    )
    add_path_argument(p, lang)
    p.add_argument(
        "--format",
        dest="fmt",
        choices=("pdf", "xlsx"),
        default=None,
        help=text("cli.export.format", lang),
    )
    p.add_argument(
        "--variant",
        choices=("full", "summary", "confidential"),
        default="full",
        help=text("cli.export.variant", lang),
    )
    # Also accepted after the command; SUPPRESS keeps a --lang given before it.
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=text("cli.export.lang", lang),
    )
    p.add_argument(
        "--logo", metavar=text("cli.metavar.logo", lang), help=text("cli.export.logo", lang)
    )
    p.add_argument(
        "--out",
        required=True,
        metavar=text("cli.metavar.out", lang),
        help=text("cli.export.out", lang),
    )
    p.set_defaults(run=run)


def _target(out: Path, fmt: str | None) -> tuple[Path, str]:
    """The file to write and its format. No extension: the format's is added; an extension
    that is neither .pdf nor .xlsx, or that contradicts ``--format``, is refused (a PDF saved
    as report.docx only confuses whoever opens it)."""
    suffix = out.suffix.lower()
    if not suffix:
        fmt = fmt or "pdf"
        return out.with_name(out.name + "." + fmt), fmt
    if suffix not in (".pdf", ".xlsx"):
        raise UserError.of("report.error.out_extension", Location(file=str(out)), suffix=suffix)
    if fmt is not None and suffix != "." + fmt:
        raise UserError.of(
            "report.error.out_format", Location(file=str(out)), suffix=suffix, fmt=fmt
        )
    return out, suffix[1:]


def run(args: argparse.Namespace) -> int:
    from app.core.messages import text
    from app.core.options import WEIGHTS_SETTING
    from app.reports.export import export_report
    from app.store.auditfile import AuditFile

    lang = args.lang
    folder = Path(args.out) if Path(args.out).is_dir() else None
    out, fmt = _target(Path(args.out), args.fmt) if folder is None else (folder, args.fmt or "pdf")
    logo = None
    if args.logo:
        try:
            logo = Path(args.logo).read_bytes()
        except OSError as exc:
            raise UserError.of(
                "report.error.logo", Location(file=args.logo), detail=os_reason(exc)
            ) from exc
    from app.core import readiness

    with AuditFile.open(args.path, read_only=True, backup=False) as af:
        audit = af.load()
        if folder is not None:  # the name the Reports screen proposes
            from app.reports.export import default_file_name

            out = folder / default_file_name(audit, args.variant, lang, fmt)
        answers = readiness.answers_from_setting(af.get_setting(readiness.ANSWERS_SETTING))
        written = export_report(
            audit,
            out,
            lang=lang,
            fmt=fmt,
            variant=args.variant,
            photo_loader=af.photo_jpeg,
            logo=logo,
            readiness_answers=answers,
            weights=af.get_setting(WEIGHTS_SETTING),  # the decision page's order
        )
    print(text("report.written", args.lang, path=str(written)))
    return 0
