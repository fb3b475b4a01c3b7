"""``AuditFile.check``'s findings: database integrity, then the audit's own consistency.

Integrity problems (damaged pages, broken foreign keys) are errors: the file needs its backup.
Consistency problems (a finding pointing at a deleted stream, two records for one month) are
warnings the auditor can fix in the app.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from app.core import model
from app.core.errors import Level, Location, Problem

PERIOD_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def check_database(conn: sqlite3.Connection, path: Path) -> list[Problem]:
    loc = Location(file=str(path))
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        return [Problem("store.damaged", loc, {"detail": " ".join(str(exc).split())})]
    if result != ["ok"]:
        detail = " ".join("; ".join(map(str, result)).split())  # one line, as messages are
        return [Problem("store.damaged", loc, {"detail": detail[:300]})]
    problems = []
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        child_id = conn.execute(f"SELECT id FROM {table} WHERE rowid = ?", (rowid,)).fetchone()
        problems.append(
            Problem(
                "store.orphan",
                Location(file=str(path), entity=table, entity_id=child_id[0] if child_id else ""),
                {"table": table, "parent": parent},
            )
        )
    return problems


def check_audit(audit: model.Audit, path: Path) -> list[Problem]:
    """Dangling references, malformed periods, duplicate months, negative quantities."""
    problems: list[Problem] = []
    file = str(path)

    def warn(key: str, entity: str, entity_id: str, field: str = "", **params) -> None:
        loc = Location(file=file, entity=entity, entity_id=entity_id, field=field)
        problems.append(Problem(key, loc, params, Level.WARNING))

    ids = {
        "stream": {s.id for s in audit.streams},
        "step": {s.id for s in audit.steps},
        "finding": {f.id for f in audit.findings},
        "product": {p.id for p in audit.products},
    }

    def ref(entity: str, entity_id: str, field: str, target: str, value: str | None) -> None:
        if value and value not in ids[target]:
            warn("store.dangling_ref", entity, entity_id, field, target=target, ref=value)

    for s in audit.streams:
        ref("stream", s.id, "step_id", "step", s.step_id)
    for f in audit.flows:
        ref("flow", f.id, "stream_id", "stream", f.stream_id)
    for f in audit.findings:
        ref("finding", f.id, "step_id", "step", f.step_id)
        ref("finding", f.id, "stream_id", "stream", f.stream_id)
    for o in audit.options:
        ref("option", o.id, "step_id", "step", o.step_id)
        for fid in o.finding_ids:
            ref("option", o.id, "finding_ids", "finding", fid)
        for saving in o.savings:
            ref("option", o.id, "savings", "stream", saving.stream_id)

    seen: set[tuple[str, str]] = set()
    for r in audit.records:
        if not PERIOD_RE.match(r.period):
            warn("store.bad_period", "record", r.id, "period", period=r.period)
        key = (r.stream_id, r.period)
        if key in seen:
            stream = next((s for s in audit.streams if s.id == r.stream_id), None)
            name = stream.name_vi if stream else r.stream_id
            warn("store.duplicate_record", "record", r.id, "period", stream=name, period=r.period)
        seen.add(key)
        if r.quantity is not None and r.quantity < 0:
            warn("store.negative_quantity", "record", r.id, "quantity", value=r.quantity)
    for p in audit.production:
        if not PERIOD_RE.match(p.period):
            warn("store.bad_period", "production", p.id, "period", period=p.period)
    return problems
