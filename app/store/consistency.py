"""The file's integrity for ``AuditFile.check``: damaged pages, broken foreign keys.

These are errors: the file needs its backup. The audit's own consistency (a finding pointing at
a deleted stream, two records for one month) is core's: ``validation.check_consistency``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.core.errors import Location, Problem


def check_database(conn: sqlite3.Connection, path: Path) -> list[Problem]:
    loc = Location(file=str(path))
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        return [Problem("store.damaged", loc, {"detail": str(exc)})]
    if result != ["ok"]:
        return [Problem("store.damaged", loc, {"detail": "; ".join(map(str, result))})]
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
