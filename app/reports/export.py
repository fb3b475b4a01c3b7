"""One entry point for every export (CLI, Reports screen, benchmark): snapshot, then write.

The file appears at ``target`` only when complete (``safe_write``); a cancelled or failed export
leaves whatever was there before untouched.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from app.core.errors import Location, UserError
from app.core.model import Audit
from app.reports.safe_write import write_atomically
from app.reports.snapshot import PhotoLoader, ReportSnapshot, build_snapshot

FORMATS = ("pdf", "xlsx")


def write_report(
    snap: ReportSnapshot,
    target: str | os.PathLike,
    lang: str,
    fmt: str,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Write an already built snapshot as PDF or XLSX to ``target``, atomically.

    A failure of the writer is a ``UserError`` (one translated line), never a traceback: a
    layout the page cannot hold is ``report.error.layout``.
    """
    if fmt == "pdf":
        from app.reports.pdf import write_pdf

        return _guarded(target, lambda tmp: write_pdf(snap, lang, tmp, progress))
    if fmt == "xlsx":
        from app.reports.xlsx import write_xlsx

        return _guarded(target, lambda tmp: write_xlsx(snap, lang, tmp))
    raise ValueError(fmt)


def _guarded(target: str | os.PathLike, write: Callable[[str], None]) -> Path:
    from reportlab.platypus.doctemplate import LayoutError

    try:
        return write_atomically(target, write)
    except LayoutError as exc:
        detail = str(exc).split(" with cell", 1)[0].split("\n", 1)[0][:120]
        raise UserError.of(
            "report.error.layout", Location(file=str(target)), detail=detail
        ) from exc


def export_report(
    audit: Audit,
    target: str | os.PathLike,
    *,
    lang: str = "vi",
    fmt: str = "pdf",
    variant: str = "full",
    photo_loader: PhotoLoader | None = None,
    logo: bytes | None = None,
    progress: Callable[[float], None] | None = None,
    readiness_answers: Mapping[str, Any] | None = None,
    weights=None,
) -> Path:
    """Build the snapshot of ``audit`` and write the report; returns the written path.

    ``readiness_answers``: the auditor's eco-enterprise answers (see ``build_snapshot``);
    ``weights``: the file's stored option weights (the decision page's order)."""
    snap = build_snapshot(
        audit,
        variant,
        photo_loader=photo_loader,
        logo=logo,
        readiness_answers=readiness_answers,
        weights=weights,
    )
    return write_report(snap, target, lang, fmt, progress)
