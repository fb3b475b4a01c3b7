"""Damaged rows: stored values a flipped bit or another tool left unreadable.

A file can pass SQLite's own checks and still hold a row this app cannot use: text that is not
UTF-8, a ``data`` value that is not a JSON object (or is nested thousands of levels deep, or is
huge), a number column holding text, an infinite quantity. ``column_problems`` finds the
column-type damage with one SQL query per table (cheap, run on every load);
``damaged_rows`` looks at every row in Python and is run by ``check`` and when a load fails,
to say which table and row are damaged instead of a traceback.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from app.core.errors import Location, Problem
from app.store import schema

MAX_JSON_DEPTH = 64  # the model nests a few levels; anything deeper is damage
MAX_JSON_CHARS = 8_000_000  # one row's data; a photo's JPEG lives in a blob column, not here
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)

# Larger than any real month's quantity or VND cost: a flipped exponent bit (1e200, infinity)
# that number formatting and money rounding cannot handle.
MAX_ABS_NUMBER = 1e15
_NUMERIC = {"REAL": ("real", "integer"), "INTEGER": ("integer",)}


def _columns(spec: schema.TableSpec) -> list[tuple[str, tuple[str, ...], bool]]:
    """(column, allowed SQLite types, nullable) for each real column of ``spec``, id and data."""
    out: list[tuple[str, tuple[str, ...], bool]] = [("id", ("text",), False)]
    for c in spec.columns:
        kind = c.sql.split()[0].upper()
        nullable = "NOT NULL" not in c.sql.upper()
        allowed = _NUMERIC.get(kind, ("blob",) if kind == "BLOB" else ("text",))
        if c.field == "position":  # only orders rows: load lets SQLite order a text position
            allowed = (*allowed, "real", "text")
        out.append((c.field, allowed, nullable))
    out.append(("data", ("text",), False))
    return out


def _column_sql(spec: schema.TableSpec) -> str:
    conds = []
    for name, allowed, nullable in _columns(spec):
        types = ", ".join(f"'{t}'" for t in (*allowed, *(("null",) if nullable else ())))
        conds.append(f"typeof({name}) NOT IN ({types})")
        if allowed[0] in ("real", "integer"):
            conds.append(f"abs({name}) > {MAX_ABS_NUMBER:.0f}")
    conds.append(f"length(CAST(data AS BLOB)) > {MAX_JSON_CHARS}")
    return f"SELECT rowid, CAST(id AS BLOB) FROM {spec.table} WHERE " + " OR ".join(conds)


def _row_id(raw: bytes | None) -> str:
    return (raw or b"").decode("utf-8", "replace")


def column_problems(conn: sqlite3.Connection, spec: schema.TableSpec, path: Path) -> list[Problem]:
    """Rows of ``spec``'s table whose real columns hold the wrong type of value."""
    return [
        _problem(path, spec.table, _row_id(raw), "type")
        for _rowid, raw in conn.execute(_column_sql(spec)).fetchmany(20)
    ]


def json_depth(text: str) -> int:
    """How deeply ``text`` (JSON) nests, counted without recursion or parsing."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return min(text.count("[") + text.count("{"), MAX_JSON_DEPTH)
    depth = deepest = 0
    for ch in _STRINGS.sub("", text):
        if ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif ch in "]}":
            depth -= 1
    return deepest


def data_problem(raw: bytes | None) -> str:
    """What is wrong with one stored ``data`` value ("" when nothing)."""
    if raw is None:
        return "json"
    if len(raw) > MAX_JSON_CHARS:
        return "size"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "utf8"
    if json_depth(text) > MAX_JSON_DEPTH:
        return "depth"
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return "json"
    return "" if isinstance(value, dict) else "json"


def damaged_rows(conn: sqlite3.Connection, path: Path, limit: int = 50) -> list[Problem]:
    """Every row (up to ``limit``) of every table that this app cannot read, with its table and
    id: unreadable text, a ``data`` that is not a sound JSON object, a column of the wrong type."""
    problems: list[Problem] = []
    for spec in schema.TABLES:
        try:
            problems += column_problems(conn, spec, path)
            text_columns = [c.field for c in spec.columns if c.sql.split()[0].upper() == "TEXT"]
            cols = "".join(f", CAST({c} AS BLOB)" for c in text_columns)
            for raw_id, raw, *texts in conn.execute(
                f"SELECT CAST(id AS BLOB), CAST(data AS BLOB){cols} FROM {spec.table}"
            ):
                what = data_problem(raw)
                if not what and not _utf8(raw_id, *texts):
                    what = "utf8"
                if what:
                    problems.append(_problem(path, spec.table, _row_id(raw_id), what))
                if len(problems) >= limit:
                    return problems
        except sqlite3.DatabaseError as exc:
            problems.append(_problem(path, spec.table, "", "sqlite", " ".join(str(exc).split())))
    for table, key in (("audit_info", "one"), ("meta", "key"), ("settings", "key")):
        value = "data" if table == "audit_info" else "value"
        try:
            for raw_key, raw in conn.execute(
                f"SELECT CAST({key} AS BLOB), CAST({value} AS BLOB) FROM {table}"
            ):
                if table == "meta":
                    what = "" if _utf8(raw_key, raw) else "utf8"
                else:
                    what = data_problem(raw) if table == "audit_info" else _setting_problem(raw)
                if what:
                    problems.append(_problem(path, table, _row_id(raw_key), what))
        except sqlite3.DatabaseError as exc:
            problems.append(_problem(path, table, "", "sqlite", " ".join(str(exc).split())))
    return problems[:limit]


def _setting_problem(raw: bytes | None) -> str:
    what = data_problem(raw)
    return "" if what == "json" and raw is not None and _json_any(raw) else what


def _json_any(raw: bytes) -> bool:
    try:
        json.loads(raw.decode("utf-8"))
        return True
    except (ValueError, RecursionError):
        return False


def _utf8(*values: bytes | None) -> bool:
    try:
        for v in values:
            if v is not None:
                v.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _problem(path: Path, table: str, row: str, what: str, detail: str = "") -> Problem:
    return Problem(
        f"store.damaged_row.{what}",
        Location(file=str(path), entity=table, entity_id=row[:80]),
        {"table": table, "row": row[:80] or "?", "what": what, "detail": detail},
    )
