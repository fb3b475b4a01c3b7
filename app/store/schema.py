"""The audit file's SQLite schema: one table per entity type, and the migration registry.

Layout of an entity table: ``id TEXT PRIMARY KEY``, a few real columns (the fields others filter
or sort on, and every field of the high-volume tables), and ``data``: a JSON object holding all
other fields. Model fields added later land in ``data`` with no schema change.

Foreign keys exist only for ownership (a record belongs to its stream, a photo to its finding):
``ON DELETE CASCADE`` and ``DEFERRABLE INITIALLY DEFERRED``, so one transaction may delete a
stream and re-insert it with its records in any order (undo). Soft references between objects
(a finding's stream, an option's savings) are not constrained: ``AuditFile.check`` reports
dangling ones instead of blocking an edit.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from app.core import model

# "RECP" in ASCII: lets the app tell its files from any other SQLite database by their header.
APPLICATION_ID = 0x52454350

# Migration registry: MIGRATIONS[i] turns a version i+1 file into version i+2, inside the
# caller's transaction. The current schema version follows from its length.
Migration = Callable[[sqlite3.Connection], None]


# Team work (app/store/teamwork.py): a change log written in the same transaction as every edit,
# the hand-outs made from this file (or the one this copy was made by) with the content hash of
# every object at that moment: what a 3-way merge compares both sides against.
TEAM_DDL = (
    "CREATE TABLE IF NOT EXISTS changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
    "at TEXT NOT NULL, author TEXT NOT NULL DEFAULT '', tbl TEXT NOT NULL, id TEXT NOT NULL, "
    "op TEXT NOT NULL, hash TEXT, source TEXT)",
    "CREATE INDEX IF NOT EXISTS changes_object ON changes(tbl, id)",
    "CREATE TABLE IF NOT EXISTS handouts (id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS handout_base (handout TEXT NOT NULL, tbl TEXT NOT NULL, "
    "id TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (handout, tbl, id)) WITHOUT ROWID",
)


def create_team_tables(conn: sqlite3.Connection) -> None:
    """The change log and hand-out tables, and the audit's identity shared by its copies."""
    import uuid

    for sql in TEAM_DDL:
        conn.execute(sql)
    conn.execute(
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('audit_uid', ?)", (uuid.uuid4().hex,)
    )


def english_texts(conn: sqlite3.Connection) -> None:
    """v2 -> v3: English beside the Vietnamese for the audit title, team roles,
    organisations and departments, photo captions, options' rejection and override reasons and the
    enterprise's sector name. They live in
    ``data`` and an older row reads them as empty (the codec's defaults), so no row is
    rewritten (the team merge's stored hashes stay valid). The version is raised so that an
    app of v2, which would drop those keys when it rewrites a row, opens such a file read-only.
    """


def disposal_route(conn: sqlite3.Connection) -> None:
    """v3 -> v4: a stream's current disposal route (industrial symbiosis, the Offers and needs
    screen). In ``data``, read as empty from an older row, so no row is rewritten; the version
    is raised so that an app of v3, which would drop the key when it rewrites a stream, opens
    such a file read-only."""


MIGRATIONS: list[Migration] = [
    create_team_tables,  # v1 -> v2: team work
    english_texts,  # v2 -> v3: English fields of user text printed in reports
    disposal_route,  # v3 -> v4: ResourceStream.disposal_route
]


def schema_version(migrations: list[Migration] | None = None) -> int:
    return len(MIGRATIONS if migrations is None else migrations) + 1


SCHEMA_VERSION = schema_version()


@dataclass(frozen=True)
class Column:
    """A model field kept in a real column of its table (the others live in ``data``)."""

    field: str
    sql: str  # type and constraints


@dataclass(frozen=True)
class TableSpec:
    """How one entity type is stored: its table, real columns, order and blob handling."""

    cls: type
    table: str
    columns: tuple[Column, ...] = ()
    order_by: str = "rowid"
    # Blob columns not read by load() (photos' full JPEG); kept when an update passes None.
    lazy_blobs: tuple[str, ...] = ()
    keep_when_none: tuple[str, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.columns)


def _fk(parent: str) -> str:
    return f"REFERENCES {parent}(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED"


POSITION = Column("position", "INTEGER NOT NULL DEFAULT 0")

# Order matters only for reading (attribute of the Audit aggregate follows).
TABLES: tuple[TableSpec, ...] = (
    TableSpec(model.TeamMember, "team", (POSITION,), "position, rowid"),
    TableSpec(model.Product, "products", (POSITION,), "position, rowid"),
    TableSpec(
        model.ProductionRecord,
        "production",
        (
            Column("product_id", f"TEXT NOT NULL {_fk('products')}"),
            Column("period", "TEXT NOT NULL"),
            Column("quantity", "REAL"),
        ),
    ),
    TableSpec(model.ProcessStep, "steps", (POSITION,), "position, rowid"),
    TableSpec(
        model.StepFlow,
        "flows",
        (Column("step_id", f"TEXT NOT NULL {_fk('steps')}"), Column("stream_id", "TEXT"), POSITION),
        "position, rowid",
    ),
    TableSpec(
        model.ResourceStream,
        "streams",
        (Column("kind", "TEXT NOT NULL"), POSITION),
        "position, rowid",
    ),
    TableSpec(
        model.PeriodRecord,
        "records",
        (
            Column("stream_id", f"TEXT NOT NULL {_fk('streams')}"),
            Column("period", "TEXT NOT NULL"),
            Column("quantity", "REAL"),
            Column("cost_vnd", "INTEGER"),
            Column("note", "TEXT NOT NULL DEFAULT ''"),
        ),
    ),
    TableSpec(
        model.Finding,
        "findings",
        (Column("step_id", "TEXT"), Column("stream_id", "TEXT"), POSITION),
        "position, rowid",
    ),
    TableSpec(
        model.Photo,
        "photos",
        (
            Column("finding_id", f"TEXT NOT NULL {_fk('findings')}"),
            POSITION,
            Column("jpeg", "BLOB"),
            Column("thumbnail", "BLOB"),
        ),
        "position, rowid",
        lazy_blobs=("jpeg",),
        keep_when_none=("jpeg", "thumbnail"),
    ),
    TableSpec(model.Option, "options", (POSITION,), "position, rowid"),
    TableSpec(model.ReferenceOverride, "overrides", (Column("key", "TEXT NOT NULL"),)),
)

SPEC_OF: dict[type, TableSpec] = {spec.cls: spec for spec in TABLES}

AUDIT_ATTR = model.AUDIT_LISTS  # entity type -> Audit list


def owned_children() -> tuple[tuple[type, str, type], ...]:
    """(child type, parent-id field, parent type) of every ``ON DELETE CASCADE`` column: the
    children the database deletes with their parent, read from the schema above so the undo
    of a delete (``app.ui.context``) restores exactly those."""
    by_table = {spec.table: spec.cls for spec in TABLES}
    out = []
    for spec in TABLES:
        for column in spec.columns:
            found = _CASCADE.search(column.sql)
            if found:
                out.append((spec.cls, column.field, by_table[found.group(1)]))
    return tuple(out)


_CASCADE = re.compile(r"REFERENCES (\w+)\(id\) ON DELETE CASCADE")

INDEXES = (
    "CREATE INDEX records_stream ON records(stream_id, period)",
    "CREATE INDEX production_product ON production(product_id, period)",
    "CREATE INDEX flows_step ON flows(step_id)",
    "CREATE INDEX photos_finding ON photos(finding_id)",
)


def table_ddl(spec: TableSpec) -> str:
    cols = ["id TEXT PRIMARY KEY NOT NULL"]
    cols += [f"{c.field} {c.sql}" for c in spec.columns]
    cols.append("data TEXT NOT NULL DEFAULT '{}'")
    return f"CREATE TABLE {spec.table} (\n  " + ",\n  ".join(cols) + "\n)"


def create_schema(conn: sqlite3.Connection) -> None:
    """Create every table of the current version in an empty database (caller's transaction)."""
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
    conn.execute(
        "CREATE TABLE audit_info (one INTEGER PRIMARY KEY CHECK (one = 1), data TEXT NOT NULL)"
    )
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
    for spec in TABLES:
        conn.execute(table_ddl(spec))
    for sql in INDEXES:
        conn.execute(sql)
    create_team_tables(conn)


EXPECTED_TABLES = frozenset(
    {"meta", "audit_info", "settings", "changes", "handouts", "handout_base"}
    | {s.table for s in TABLES}
)
