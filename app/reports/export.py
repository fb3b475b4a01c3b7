"""One entry point for every export (CLI, Reports screen, benchmark): snapshot, then write.

The file appears at ``target`` only when complete (``safe_write``); a cancelled or failed export
leaves whatever was there before untouched.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from app.core.errors import Location, UserError
from app.core.folding import without_marks
from app.core.model import Audit
from app.reports.safe_write import write_atomically
from app.reports.snapshot import PhotoLoader, ReportSnapshot, build_snapshot

FORMATS = ("pdf", "xlsx")
VARIANTS = ("full", "summary", "confidential")

# Legal-form words that make every enterprise's name start alike (folded, lower case).
_LEGAL_FORMS = {"cong", "ty", "tnhh", "co", "phan", "cp", "mtv", "mot", "thanh", "vien", "jsc"}
_LEGAL_FORMS |= {"ltd", "company", "limited", "corporation", "corp", "inc", "llc", "the"}
_NAME_CHARS = 40


def short_name(text: str) -> str:
    """A name part safe in a Windows file name: marks folded, legal-form words at the start
    dropped, words joined by "-" ("Công ty TNHH Dệt nhuộm Phúc Hưng" -> "Det-nhuom-Phuc-Hung")."""
    words = re.findall(r"[A-Za-z0-9]+", without_marks(text))
    while len(words) > 1 and words[0].lower() in _LEGAL_FORMS:
        words.pop(0)
    name = ""
    for word in words:
        if name and len(name) + 1 + len(word) > _NAME_CHARS:
            break
        name = f"{name}-{word}" if name else word[:_NAME_CHARS]
    return name


def default_file_name(audit: Audit, variant: str, lang: str, fmt: str) -> str:
    """The proposed export name: "RECP_<enterprise>_<variant>_<lang>.<fmt>".

    The confidential variant never carries the enterprise (nor the audit title, which often
    names it): "RECP_confidential_vi.pdf"."""
    parts = ["RECP"]
    if variant != "confidential":
        info = audit.info
        name = short_name(info.enterprise.name) or short_name(info.title)
        if name:
            parts.append(name)
    parts += [variant, lang]
    return "_".join(parts) + "." + fmt


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
