"""The audit's portfolio summary, kept in its own file so a folder of audits reads one row each.

A portfolio needs of each audit only its summary (``app.core.portfolio.summarize``). Computing
it reads the options, streams and records and works out the finance of every option: about
eight times the bare read of the file's rows. So the summary is stored in ``meta`` by whoever
writes the file (``AuditFile.create``, and a writing session when it closes), stamped with what
it was computed from:

- the file's ``modified`` stamp, which every write transaction changes (``AuditFile._write``):
  an edit after the summary, by this or any other version of the app, makes it stale;
- the schema version, this app's version and the summary's format: a migrated file or another
  app version (other rules, other reference data) computes it again.

A stale, missing or unreadable summary is never used: the portfolio computes the summary from
the audit as before. Whatever changes rows without ``_write`` (a hand-out's copy) drops it.
The status (in progress / completed) depends on today's date, so it is worked out on reading.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import date

from app import __version__
from app.core import model
from app.core.portfolio import (
    AuditSummary,
    status_on,
    summarize,
    summary_as_dict,
    summary_from_dict,
)

SUMMARY_KEY = "portfolio_summary"
STAMP_KEY = "portfolio_summary_of"
FORMAT = 2  # bump when AuditSummary or summarize changes meaning (2: eco-enterprise readiness)
# What a summary needs of an audit besides its header (the rest is never read).
SUMMARY_TYPES = (model.Option, model.ResourceStream, model.PeriodRecord, model.ReferenceOverride)


def stamp(version: int, modified: str) -> str:
    return f"{FORMAT}|{__version__}|{version}|{modified}"


def store(conn: sqlite3.Connection, audit: model.Audit, version: int, modified: str) -> None:
    """Write ``audit``'s summary into ``meta`` (inside the caller's transaction).

    An audit the finance rules cannot sum up yet (a half-typed baseline) gets none: that is
    the portfolio's to report when it reads the file, not a reason to refuse a save."""
    try:
        answers = readiness_answers(conn)
        data = summary_as_dict(summarize(audit, modified=modified, readiness_answers=answers))
    except Exception:  # noqa: BLE001 - any rule's complaint: no summary, the file is fine
        drop(conn)
        return
    conn.executemany(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [
            (SUMMARY_KEY, json.dumps(data, ensure_ascii=False)),
            (STAMP_KEY, stamp(version, modified)),
        ],
    )


def readiness_answers(conn: sqlite3.Connection) -> object:
    """The auditor's eco-enterprise answers stored in the file (``readiness.ANSWERS_SETTING``),
    as ``summarize`` takes them; None when there are none."""
    from app.core.readiness import ANSWERS_SETTING

    row = conn.execute("SELECT value FROM settings WHERE key = ?", (ANSWERS_SETTING,)).fetchone()
    return json.loads(row[0]) if row else None


def drop(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM meta WHERE key IN (?, ?)", (SUMMARY_KEY, STAMP_KEY))


def stored(meta: dict[str, str], version: int, today: date | None = None) -> AuditSummary | None:
    """The summary kept in the file, if it is current; else None (compute it)."""
    raw = meta.get(SUMMARY_KEY)
    if raw is None or meta.get(STAMP_KEY) != stamp(version, meta.get("modified", "")):
        return None
    if len(raw) > 1_000_000:  # a summary is a few kB: anything else is not ours
        return None
    try:
        summary = summary_from_dict(json.loads(raw))
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # damaged: the audit's own rows decide
    return dataclasses.replace(summary, status=status_on(summary.end_date, today))
