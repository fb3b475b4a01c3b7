"""Team work on one audit: hand out a copy to a teammate, merge their copy back in.

Mechanism: the app's own row identities (every object has a uuid4-hex ``id`` made in core) plus
a change log (table ``changes``) that ``AuditFile.apply`` writes in the same transaction as each
edit (table, id, op, author, time). A hand-out records, in both files, the content hash of every
object it handed out (``handout_base``): the merge's common ancestor. For each object changed on
either side since the hand-out (the logs say which; objects missing against the base are found
by id), the three hashes base / mine / theirs decide: changed on one side -> take that side;
changed on both -> a conflict, shown field by field; deleted on one side and edited on the other
-> a conflict too, never applied silently. After a merge the base moves to what was merged, so
merging the same copy again changes nothing.

Why not SQLite's session extension (through APSW): it needs a new dependency and an SQLite
built with sessions; its changesets carry no author, and a changeset applied to a file that
changed meanwhile only reports row-level conflicts, with no notion of a partial hand-out. The
app already has stable ids and one edit path, so a log and per-object hashes cost a few lines.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from app.core.errors import Location, UserError
from app.store import backups, schema, stored_summary
from app.store.auditfile import AuditFile, PendingBackup, _now

INFO = "audit_info"  # the audit's header: one row, id "1"
# A child table and the column naming its owner: a child whose owner is gone cannot come in.
PARENT = {
    "production": ("product_id", "products"),
    "flows": ("step_id", "steps"),
    "records": ("stream_id", "streams"),
    "photos": ("finding_id", "findings"),
}
TABLE_NAMES = (INFO, *(s.table for s in schema.TABLES))
_SPEC = {s.table: s for s in schema.TABLES}
_LABEL_FIELDS = ("title", "title_vi", "name_vi", "name", "area", "period", "caption", "key", "kind")


def table_label(table: str, lang: str) -> str:
    """The kind of object a merge line is about, as a user calls it (CLI and review dialog)."""
    from app.core.messages import text

    key = f"team.table.{table}"
    label = text(key, lang)
    return table if label == key else label  # a table of a newer version of the app


def _columns(table: str) -> tuple[str, ...]:
    if table == INFO:
        return ("data",)
    return ("id", *_SPEC[table].column_names, "data")


def _select(table: str) -> str:
    if table == INFO:
        return "SELECT '1', data FROM audit_info"
    return f"SELECT {', '.join(_columns(table))} FROM {table}"


def row_hash(row: Iterable[Any]) -> str:
    """A content hash of one stored row (every column, blobs included).

    The non-blob values go in as the ``repr`` of their tuple (quotes and types make it
    unambiguous), blobs after it with their length: two or three updates per row.
    """
    h = hashlib.blake2b(digest_size=16)
    plain, blobs = [], []
    for value in row:
        if isinstance(value, (bytes, memoryview)):
            plain.append(len(value))
            blobs.append(value)
        else:
            plain.append(value)
    h.update(repr(tuple(plain)).encode())
    for blob in blobs:
        h.update(blob)
    return h.hexdigest()


def _rows(conn: sqlite3.Connection, table: str, ids: Iterable[str] | None = None) -> dict:
    """id -> row tuple (id first) of ``table``, all rows or only ``ids``."""
    if table == INFO:
        return {r[0]: r for r in conn.execute(_select(table))}
    if ids is None:
        return {r[0]: r for r in conn.execute(_select(table))}
    ids = list(ids)
    out = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        sql = f"{_select(table)} WHERE id IN ({','.join('?' * len(chunk))})"
        out.update({r[0]: r for r in conn.execute(sql, chunk)})
    return out


def _ids(conn: sqlite3.Connection, table: str) -> set[str]:
    if table == INFO:
        return {"1"} if conn.execute("SELECT 1 FROM audit_info").fetchone() else set()
    return set(map(itemgetter(0), conn.execute(f"SELECT id FROM {table}")))


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _has_team_tables(conn: sqlite3.Connection) -> bool:
    return bool(
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='handouts'"
        ).fetchone()
    )


# ---------------------------------------------------------------------------------------------
# hand out


@dataclass
class Handout:
    id: str
    path: Path
    counts: dict[str, int]


def _out_of_scope(
    conn: sqlite3.Connection,
    areas: list[str] | None,
    steps: list[str] | None,
    streams: list[str] | None,
) -> None:
    """Delete from the copy what the hand-out leaves out (owned rows go by cascade)."""
    if areas is not None:
        wanted_areas = {a.strip().casefold() for a in areas}
        rows = conn.execute("SELECT id, data FROM findings").fetchall()
        from app.core import model
        from app.core.templates import area_label, load_templates

        templates = load_templates()
        gone = []
        for i, d in rows:
            data = json.loads(d)
            finding = model.Finding(
                str(data.get("area", "")), template_id=data.get("template_id", "")
            )
            # The stored area id, or its name in either language, as the auditor sees it.
            names = {finding.area, area_label(templates, finding, "vi")}
            names.add(area_label(templates, finding, "en"))
            if not {n.casefold() for n in names if n} & wanted_areas:
                gone.append((i,))
        conn.executemany("DELETE FROM findings WHERE id = ?", gone)
    for table, wanted in (("steps", steps), ("streams", streams)):
        if wanted is None:
            continue
        keep = {w.strip().casefold() for w in wanted}
        gone_rows: list[tuple[str]] = []
        for row in conn.execute(f"SELECT id, data FROM {table}").fetchall():
            data = json.loads(row[1])
            names = {row[0], str(data.get("name_vi", "")), str(data.get("name_en", ""))}
            if not {n.casefold() for n in names} & keep:
                gone_rows.append((row[0],))
        conn.executemany(f"DELETE FROM {table} WHERE id = ?", gone_rows)


def hand_out(
    af: AuditFile,
    out: str | os.PathLike,
    *,
    areas: list[str] | None = None,
    steps: list[str] | None = None,
    streams: list[str] | None = None,
    to: str = "",
) -> Handout:
    """Write a copy of ``af`` at ``out`` for a teammate and record the hand-out in both files.

    ``areas`` / ``steps`` / ``streams``: hand out only those walkthrough areas, process steps
    (id or name) or streams (id or name); the rest of that kind stays at home. Everything else
    (header, team, products, options, ...) goes along.
    """
    out = Path(out)
    loc = Location(file=str(out))
    if af.read_only:
        raise UserError.of("store.read_only", Location(file=str(af.path)), reason="")
    if out.exists():
        raise UserError.of("store.exists", loc, path=str(out))
    if not out.parent.is_dir():
        raise UserError.of("store.folder_missing", loc, path=str(out.parent))
    conn = af._conn
    handout_id = uuid.uuid4().hex
    temp = out.with_name(f".{out.name}.{os.getpid()}.handout")
    try:
        af.wait_for_backup()
        conn.execute("VACUUM INTO ?", (str(temp),))
        seq = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0]
        copy = sqlite3.connect(temp, isolation_level=None)
        try:
            copy.execute("PRAGMA foreign_keys=ON")
            copy.execute("BEGIN")
            _out_of_scope(copy, areas, steps, streams)
            copy.execute("DELETE FROM changes")
            copy.execute("DELETE FROM handouts")
            copy.execute("DELETE FROM handout_base")
            stored_summary.drop(copy)  # it summed up the whole audit, not this part
            base = [
                (handout_id, table, rid, row_hash(row))
                for table in TABLE_NAMES
                for rid, row in _rows(copy, table).items()
            ]
            counts: dict[str, int] = {}
            for _, table, _, _ in base:
                counts[table] = counts.get(table, 0) + 1
            record = {
                "created": _now(),
                "author": af.author,
                "to": to,
                "areas": areas,
                "steps": steps,
                "streams": streams,
            }
            copy.executemany("INSERT INTO handout_base VALUES (?, ?, ?, ?)", base)
            copy.execute(
                "INSERT INTO handouts VALUES (?, ?)",
                (handout_id, json.dumps({**record, "seq": 0}, ensure_ascii=False)),
            )
            copy.execute(
                "INSERT INTO meta(key, value) VALUES ('handout_id', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (handout_id,),
            )
            copy.execute("COMMIT")
            copy.execute("VACUUM")  # what was left out no longer takes room
            copy.execute("PRAGMA journal_mode=WAL")
        finally:
            copy.close()
        with open(temp, "rb+") as fh:
            os.fsync(fh.fileno())
        try:
            os.link(temp, out)
        except FileExistsError:
            raise UserError.of("store.exists", loc, path=str(out)) from None
        except OSError:
            os.replace(temp, out)

        def record_here(c: sqlite3.Connection) -> None:
            c.executemany("INSERT INTO handout_base VALUES (?, ?, ?, ?)", base)
            c.execute(
                "INSERT INTO handouts VALUES (?, ?)",
                (handout_id, json.dumps({**record, "seq": seq}, ensure_ascii=False)),
            )

        af._write(record_here)
    except sqlite3.Error as exc:
        raise UserError.of("store.write_failed", loc, detail=str(exc)) from exc
    except OSError as exc:
        raise UserError.of("store.write_failed", loc, detail=str(exc)) from exc
    finally:
        for leftover in (temp, Path(f"{temp}-journal"), Path(f"{temp}-wal")):
            leftover.unlink(missing_ok=True)
    return Handout(handout_id, out, counts)


# ---------------------------------------------------------------------------------------------
# merge


@dataclass
class FieldDiff:
    name: str
    mine: Any
    theirs: Any


@dataclass
class Change:
    """One object the merge takes from the teammate's copy."""

    table: str
    id: str
    action: str  # insert | update | delete
    label: str
    reason: str = ""  # why it was set aside (skipped): owner_deleted | damaged_photo


@dataclass
class Conflict:
    """An object changed on both sides since the hand-out (or deleted on one, edited on the
    other); the auditor chooses, per field, whose value stays."""

    table: str
    id: str
    kind: str  # edit_edit | deleted_mine | deleted_theirs
    label: str
    fields: list[FieldDiff] = field(default_factory=list)


@dataclass
class MergePlan:
    mine: Path
    theirs: Path
    handout_id: str
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    skipped: list[Change] = field(default_factory=list)  # owner deleted on this side
    # internals for apply: rows of both sides and the theirs hash of every object considered
    _theirs_rows: dict[tuple[str, str], tuple | None] = field(default_factory=dict, repr=False)
    _mine_rows: dict[tuple[str, str], tuple | None] = field(default_factory=dict, repr=False)
    _new_base: dict[tuple[str, str], str | None] = field(default_factory=dict, repr=False)
    _authors: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)
    # The backup apply_merge needs, started while the plan is made (plan_merge(backup=True)).
    _backup: Any = field(default=None, repr=False, compare=False)

    @property
    def empty(self) -> bool:
        return not (self.changes or self.conflicts)

    def as_dict(self) -> dict[str, Any]:
        def show(v: Any) -> Any:
            return f"<{len(v)} bytes>" if isinstance(v, (bytes, memoryview)) else v

        return {
            "mine": str(self.mine),
            "theirs": str(self.theirs),
            "handout": self.handout_id,
            "changes": [c.__dict__ for c in self.changes],
            "conflicts": [
                {
                    "table": c.table,
                    "id": c.id,
                    "kind": c.kind,
                    "label": c.label,
                    "fields": [
                        {"name": f.name, "mine": show(f.mine), "theirs": show(f.theirs)}
                        for f in c.fields
                    ],
                }
                for c in self.conflicts
            ],
            "skipped": [c.__dict__ for c in self.skipped],
        }


def row_fields(table: str, row: tuple | None) -> dict[str, Any]:
    """A stored row as field -> value (real columns and the JSON ``data`` merged)."""
    if row is None:
        return {}
    cols = _columns(table)
    values = dict(zip(cols, row, strict=False))
    data = json.loads(values.pop("data") or "{}")
    values.pop("id", None)
    return {**data, **values}


def _label(table: str, row: tuple | None) -> str:
    fields = row_fields(table, row)
    if table == INFO:
        return str(fields.get("title") or "")
    for name in _LABEL_FIELDS:
        if fields.get(name):
            return str(fields[name])
    return ""


def _field_diffs(table: str, mine: tuple | None, theirs: tuple | None) -> list[FieldDiff]:
    a, b = row_fields(table, mine), row_fields(table, theirs)
    names = list(a) + [n for n in b if n not in a]
    return [FieldDiff(n, a.get(n), b.get(n)) for n in names if a.get(n) != b.get(n)]


def open_copy(path: str | os.PathLike, scratch: Path) -> AuditFile:
    """The teammate's copy, read-only and never changed: a copy from an older schema version is
    migrated in a scratch copy, not in place; one open for editing in another window is refused
    (it is still changing)."""
    path = Path(path)
    probe = AuditFile.open(path, read_only=True, backup=False)
    reason = probe.read_only_reason
    if reason is not None and reason.key == "store.readonly.locked":
        probe.close()
        raise UserError.of("team.copy_locked", Location(file=str(path)), **reason.params)
    if reason is not None and reason.key == "store.readonly.newer_version":
        probe.close()
        raise UserError.of("team.copy_newer", Location(file=str(path)), **reason.params)
    if probe.schema_version == schema.SCHEMA_VERSION:
        return probe
    target = scratch / "copy.recp"
    try:
        dest = sqlite3.connect(target)
        try:
            probe._conn.backup(dest)
        finally:
            dest.close()
    finally:
        probe.close()
    migrated = AuditFile.open(target, backup=False)  # migrates the scratch copy only
    migrated.close()
    return AuditFile.open(target, read_only=True, backup=False)


def plan_merge(
    mine: AuditFile,
    theirs_path: str | os.PathLike,
    *,
    backup: bool = False,
    keep_backups: int = backups.KEEP,
) -> MergePlan:
    """What merging the copy at ``theirs_path`` into ``mine`` would do; changes nothing.

    ``backup=True`` (when the merge is meant to be applied) starts the backup ``apply_merge``
    makes first, in a thread on its own read-only connection, so that the copy of the whole
    file and the planning overlap; ``apply_merge`` waits for it (and makes it again if it failed
    or the file changed meanwhile). A plan for review only writes nothing, not even a backup.
    """
    theirs_path = Path(theirs_path)
    loc = Location(file=str(theirs_path))
    try:
        if theirs_path.resolve() == mine.path.resolve():
            raise UserError.of("team.same_file", loc)
    except OSError:
        pass
    pending = None
    if backup and not mine.read_only:
        mine.wait_for_backup()
        modified = mine.meta().get("modified", "")
        pending = PendingBackup(mine.path, modified, keep_backups, writer=True)
    try:
        with tempfile.TemporaryDirectory(prefix="recp-merge-") as scratch:
            theirs = open_copy(theirs_path, Path(scratch))
            try:
                plan = _plan(mine, theirs, theirs_path)
            finally:
                theirs.close()
    except BaseException:
        if pending is not None:
            pending.join()  # never leave a thread copying the file
        raise
    plan._backup = pending
    return plan


def _plan(mine: AuditFile, theirs: AuditFile, theirs_path: Path) -> MergePlan:
    loc = Location(file=str(theirs_path))
    mc, tc = mine._conn, theirs._conn
    if _meta(mc, "audit_uid") != _meta(tc, "audit_uid"):
        raise UserError.of("team.unrelated", loc)
    # The hand-out both files share: the copy's, or (merging the original into a copy) mine's.
    handout_id = _meta(tc, "handout_id") or _meta(mc, "handout_id")
    known = {r[0]: json.loads(r[1]) for r in mc.execute("SELECT id, data FROM handouts")}
    their_known = {r[0]: json.loads(r[1]) for r in tc.execute("SELECT id, data FROM handouts")}
    if handout_id is None or (handout_id not in known and handout_id not in their_known):
        raise UserError.of("team.no_handout", loc)
    base_conn = mc if handout_id in known else tc
    mine_seq = known.get(handout_id, {}).get("seq", 0)
    their_seq = their_known.get(handout_id, {}).get("seq", 0)
    mine_log: dict[str, set[str]] = {}
    for t, i in mc.execute("SELECT tbl, id FROM changes WHERE seq > ?", (mine_seq,)):
        mine_log.setdefault(t, set()).add(i)
    their_log: dict[str, set[str]] = {}
    authors: dict[tuple[str, str], str] = {}
    for t, i, a in tc.execute(
        "SELECT tbl, id, author FROM changes WHERE seq > ? ORDER BY seq", (their_seq,)
    ):
        their_log.setdefault(t, set()).add(i)
        authors[(t, i)] = a
    plan = MergePlan(mine.path, theirs_path, handout_id, _authors=authors)
    for table in TABLE_NAMES:
        # id -> hash of what was handed out (or last merged); its keys are a set of ids.
        base = dict(
            base_conn.execute(
                "SELECT id, hash FROM handout_base WHERE handout = ? AND tbl = ?",
                (handout_id, table),
            )
        )
        base_ids = base.keys()
        mine_ids, their_ids = _ids(mc, table), _ids(tc, table)
        m_logged, t_logged = mine_log.get(table, set()), their_log.get(table, set())
        candidates = m_logged | t_logged
        candidates |= (base_ids - mine_ids) | (base_ids - their_ids) | (their_ids - base_ids)
        if not candidates:
            continue
        # An object a side's log does not name is, on that side, as handed out (its base hash):
        # only what a log names, or the base lacks, is read and hashed. A migration rewriting
        # rows is then not mistaken for an edit. The teammate's side first: where it is as
        # handed out there is nothing to take, whatever happened here, so this side's rows
        # are read only where the teammate's moved (the auditor's own edits cost nothing).
        t_rows = _rows(tc, table, candidates & their_ids & (t_logged | (their_ids - base_ids)))
        moved: dict[str, str | None] = {}  # id -> the teammate's hash, where it is not the base
        for rid in candidates:
            b = base.get(rid)
            if rid not in their_ids:
                t = None
            else:
                t_row = t_rows.get(rid)
                t = row_hash(t_row) if t_row is not None else b
            if t != b:
                moved[rid] = t
        if not moved:
            continue
        m_rows = _rows(mc, table, moved.keys() & mine_ids & (m_logged | (mine_ids - base_ids)))
        need_mine: list[str] = []
        for rid in sorted(moved):
            key = (table, rid)
            b, t = base.get(rid), moved[rid]
            m_row = m_rows.get(rid)
            if rid not in mine_ids:
                m = None
            else:
                m = row_hash(m_row) if m_row is not None else b
            plan._new_base[key] = t  # both sides agree, or the teammate's side is taken
            if m == t:
                continue  # the same change on both sides: nothing to take
            plan._theirs_rows[key], plan._mine_rows[key] = t_rows.get(rid), m_row
            if m == b:  # only the teammate changed it
                action = "delete" if t is None else ("insert" if m is None else "update")
                plan.changes.append(Change(table, rid, action, ""))
            else:
                kind = "deleted_mine" if m is None else ("deleted_theirs" if t is None else "")
                plan.conflicts.append(Conflict(table, rid, kind or "edit_edit", ""))
            # This side's row, when not read above, names a deletion and shows a conflict.
            if m_row is None and m is not None and (t is None or m != b):
                need_mine.append(rid)
        for rid, row in _rows(mc, table, need_mine).items():
            plan._mine_rows[(table, rid)] = row
    items: list[Change | Conflict] = [*plan.changes, *plan.conflicts]
    for item in items:
        key = (item.table, item.id)
        t_row, m_row = plan._theirs_rows[key], plan._mine_rows[key]
        item.label = _label(item.table, t_row or m_row)
        if isinstance(item, Conflict):
            item.fields = _field_diffs(item.table, m_row, t_row)
    _skip_orphans(plan, mc)
    _skip_damaged_photos(plan)
    return plan


def jpeg_looks_whole(data: bytes | None) -> bool:
    """A structural check of a stored JPEG (start and end markers): decoding 300 photos for a
    merge would cost seconds; a truncated or overwritten blob fails this."""
    if data is None:
        return True  # no full image stored (only a thumbnail): nothing to damage
    data = bytes(data)
    return data[:2] == b"\xff\xd8" and data.rstrip(b"\x00")[-2:] == b"\xff\xd9"


def _skip_damaged_photos(plan: MergePlan) -> None:
    """An incoming photo whose JPEG is damaged stays out (listed); the rest still merges."""
    for change in list(plan.changes):
        if change.table != "photos" or change.action == "delete":
            continue
        fields = row_fields("photos", plan._theirs_rows[("photos", change.id)])
        thumb = fields.get("thumbnail")
        thumb_ok = thumb is None or bytes(thumb[:2]) == b"\xff\xd8"
        if not (jpeg_looks_whole(fields.get("jpeg")) and thumb_ok):
            plan.changes.remove(change)
            change.reason = "damaged_photo"
            plan.skipped.append(change)
            plan._new_base.pop(("photos", change.id), None)


def _skip_orphans(plan: MergePlan, mc: sqlite3.Connection) -> None:
    """An incoming child whose owner is deleted here (and not coming in) is set aside, shown."""
    incoming = {(c.table, c.id) for c in plan.changes if c.action != "delete"}
    for change in list(plan.changes):
        if change.action != "insert" or change.table not in PARENT:
            continue
        column, parent = PARENT[change.table]
        owner = row_fields(change.table, plan._theirs_rows[(change.table, change.id)])[column]
        here = mc.execute(f"SELECT 1 FROM {parent} WHERE id = ?", (owner,)).fetchone()
        if here is None and (parent, owner) not in incoming:
            plan.changes.remove(change)
            change.reason = "owner_deleted"
            plan.skipped.append(change)
            plan._new_base.pop((change.table, change.id), None)


Choice = str  # "mine" | "theirs"


def resolved_rows(
    plan: MergePlan,
    resolutions: dict[tuple[str, str], Choice | dict[str, Choice]] | None = None,
    prefer: Choice | None = None,
) -> list[tuple[str, str, tuple | None]]:
    """(table, id, row or None to delete) for every object the merge writes, conflicts
    resolved by ``resolutions`` (whole object or per field) else ``prefer``; raises
    ``team.unresolved`` listing the conflicts left."""
    resolutions = resolutions or {}
    out: list[tuple[str, str, tuple | None]] = [
        (c.table, c.id, plan._theirs_rows[(c.table, c.id)]) for c in plan.changes
    ]
    left = []
    for c in plan.conflicts:
        key = (c.table, c.id)
        choice = resolutions.get(key, prefer)
        if choice is None:
            left.append(c)
            continue
        mine_row, theirs_row = plan._mine_rows[key], plan._theirs_rows[key]
        if isinstance(choice, dict):
            if mine_row is None or theirs_row is None:  # deletion vs edit: no field mix
                sides = set(choice.values())
                choice = "theirs" if sides == {"theirs"} else "mine"
            else:
                merged = row_fields(c.table, mine_row)
                theirs_fields = row_fields(c.table, theirs_row)
                for name, side in choice.items():
                    if side == "theirs":
                        merged[name] = theirs_fields.get(name)
                out.append((c.table, c.id, _row_of(c.table, c.id, merged)))
                continue
        if choice == "theirs":
            out.append((c.table, c.id, theirs_row))
    if left:
        listing = "; ".join(f"{c.table} {c.label or c.id[:8]} ({c.kind})" for c in left)
        raise UserError.of("team.unresolved", Location(file=str(plan.theirs)), conflicts=listing)
    return out


def _row_of(table: str, rid: str, fields: dict[str, Any]) -> tuple:
    if table == INFO:
        return ("1", json.dumps(fields, ensure_ascii=False, separators=(",", ":")))
    cols = _SPEC[table].column_names
    rest = {k: v for k, v in fields.items() if k not in cols}
    data = json.dumps(rest, ensure_ascii=False, separators=(",", ":")) if rest else "{}"
    return (rid, *(fields.get(c) for c in cols), data)


def apply_merge(
    af: AuditFile,
    plan: MergePlan,
    resolutions: dict[tuple[str, str], Choice | dict[str, Choice]] | None = None,
    prefer: Choice | None = None,
    *,
    keep_backups: int = backups.KEEP,
) -> list[tuple[str, str, tuple | None]]:
    """Apply ``plan`` to ``af`` in one transaction, after a backup; returns what was written.

    The hand-out's base moves to what the teammate's copy holds for every object considered,
    so the same copy merged again changes nothing.
    """
    writes = resolved_rows(plan, resolutions, prefer)
    if af.read_only:
        raise UserError.of("store.read_only", Location(file=str(af.path)), reason="")
    af.wait_for_backup()
    modified = af.meta().get("modified", "")
    try:
        if plan._backup is not None:  # started with the plan: wait for it (retried if it failed)
            plan._backup.ensure(af._conn)
            plan._backup = None
        # Skipped when the newest backup already holds this state (the one made on open, or
        # with the plan); made here when the file changed since.
        backups.make_backup(af._conn, af.path, modified, keep=keep_backups)
    except (sqlite3.Error, OSError) as exc:
        loc = Location(file=str(af.path))
        raise UserError.of("store.write_failed", loc, detail=str(exc)) from exc
    at = datetime.now(UTC).isoformat(timespec="microseconds")

    def work(conn: sqlite3.Connection) -> None:
        log: list[tuple[str, str, str, str, str | None]] = []
        # One statement per table and kind, many rows each; deletes first.
        deletes: dict[str, list[tuple[str]]] = {}
        puts: dict[str, list[tuple]] = {}
        for table, rid, row in sorted(writes, key=lambda w: w[2] is not None):
            if row is None:
                if table != INFO:
                    deletes.setdefault(table, []).append((rid,))
                log.append((at, table, rid, "delete", None))
                continue
            puts.setdefault(table, []).append(row[1:] if table == INFO else row)
            known_hash = plan._new_base.get((table, rid))
            theirs_row = plan._theirs_rows.get((table, rid))
            log.append((at, table, rid, "put", known_hash if row is theirs_row else row_hash(row)))
        for table, ids in deletes.items():
            conn.executemany(f"DELETE FROM {table} WHERE id = ?", ids)
        for table, rows in puts.items():
            if table == INFO:
                conn.executemany(
                    "INSERT INTO audit_info(one, data) VALUES (1, ?) "
                    "ON CONFLICT(one) DO UPDATE SET data = excluded.data",
                    rows,
                )
                continue
            cols = _columns(table)
            sets = ", ".join(f"{c} = excluded.{c}" for c in cols[1:])
            conn.executemany(
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                f"({', '.join('?' * len(cols))}) ON CONFLICT(id) DO UPDATE SET {sets}",
                rows,
            )
        conn.executemany(
            "INSERT INTO changes(at, author, tbl, id, op, hash, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (a, plan._authors.get((t, i)) or af.author, t, i, op, h, plan.handout_id)
                for a, t, i, op, h in log
            ],
        )
        move_base(conn, plan)

    af._write(work)
    return writes


def move_base(conn: sqlite3.Connection, plan: MergePlan) -> None:
    """The hand-out's base becomes what the teammate's copy holds for every object considered
    (caller's transaction): the same copy merged again then changes nothing."""
    known = conn.execute("SELECT 1 FROM handouts WHERE id = ?", (plan.handout_id,)).fetchone()
    if known is None:  # merging into a copy of another hand-out: remember this one's base
        conn.execute(
            "INSERT INTO handouts VALUES (?, ?)",
            (plan.handout_id, json.dumps({"created": _now(), "seq": 0, "merged_only": True})),
        )
    set_base(conn, plan.handout_id, plan._new_base)


def attribute(conn: sqlite3.Connection, plan: MergePlan, since_seq: int) -> None:
    """Log entries written after ``since_seq`` for the merged objects name the teammate who
    made each change (from their copy's log) and the hand-out they came from."""
    rows = conn.execute("SELECT seq, tbl, id FROM changes WHERE seq > ?", (since_seq,)).fetchall()
    conn.executemany(
        "UPDATE changes SET author = COALESCE(?, author), source = ? WHERE seq = ?",
        [(plan._authors.get((t, i)) or None, plan.handout_id, seq) for seq, t, i in rows],
    )


def last_seq(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0])


def base_of(conn: sqlite3.Connection, plan: MergePlan) -> dict[tuple[str, str], str | None]:
    """The current base hashes of the objects ``plan`` would move (to undo a merge)."""
    out: dict[tuple[str, str], str | None] = {}
    for table, rid in plan._new_base:
        row = conn.execute(
            "SELECT hash FROM handout_base WHERE handout = ? AND tbl = ? AND id = ?",
            (plan.handout_id, table, rid),
        ).fetchone()
        out[(table, rid)] = row[0] if row else None
    return out


def set_base(conn: sqlite3.Connection, handout: str, hashes: dict) -> None:
    conn.executemany(
        "DELETE FROM handout_base WHERE handout = ? AND tbl = ? AND id = ?",
        [(handout, table, rid) for (table, rid), h in hashes.items() if h is None],
    )
    conn.executemany(
        "INSERT INTO handout_base VALUES (?, ?, ?, ?) "
        "ON CONFLICT DO UPDATE SET hash = excluded.hash",
        [(handout, table, rid, h) for (table, rid), h in hashes.items() if h is not None],
    )


def as_objects(
    plan: MergePlan, writes: list[tuple[str, str, tuple | None]]
) -> tuple[list[Any], list[Any], Any]:
    """The writes as core objects (put, delete, new header or None): for the GUI, which applies
    a merge through its one edit path as one undoable step."""
    from app.core import model
    from app.store import codec

    put: list[Any] = []
    delete: list[Any] = []
    info = None
    for table, rid, row in writes:
        if table == INFO:
            if row is not None:
                info = codec.decode(model.AuditInfo, json.loads(row[1]))
            continue
        spec = _SPEC[table]
        source = row if row is not None else plan._mine_rows.get((table, rid))
        if source is None:
            continue
        [obj] = codec.rows_decoder(spec.cls, spec.column_names)([source])
        (put if row is not None else delete).append(obj)
    return put, delete, info


def copy_rows_plain(mine: sqlite3.Connection, theirs: Path, keys: list[tuple[str, str]]) -> None:
    """Reference for the benchmark: copy the given rows from ``theirs`` with plain SQL."""
    mine.execute("ATTACH DATABASE ? AS theirs", (str(theirs),))
    try:
        mine.execute("BEGIN")
        by_table: dict[str, list[str]] = {}
        for t, i in keys:
            by_table.setdefault(t, []).append(i)
        for t, ids in by_table.items():
            mine.executemany(
                f"INSERT OR REPLACE INTO main.{t} SELECT * FROM theirs.{t} WHERE id = ?",
                [(i,) for i in ids],
            )
        mine.execute("COMMIT")
    finally:
        mine.execute("DETACH DATABASE theirs")
