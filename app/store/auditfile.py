"""``AuditFile``: one audit in one SQLite file (``.recp``).

Guarantees, and how:
- Every ``apply()`` is one committed transaction (``BEGIN IMMEDIATE`` … ``COMMIT``, WAL,
  ``synchronous=FULL``): a crash or power cut loses at most the edit in flight; a failing edit
  is rolled back whole.
- A file is checked before anything is written to it: header (SQLite, RECP application id,
  not truncated) and ``PRAGMA quick_check`` on a read-only connection. A damaged or foreign file
  is refused with a catalogue message and left byte-for-byte as it was.
- One writer: a lock beside the file (``app.store.lock``). A second opener, a file without
  write permission, or a file from a newer app version opens read-only, with the reason as a
  ``Problem`` in ``read_only_reason``.
- Reading never writes: a read-only session leaves the file, its -wal/-shm/-journal and its
  folder byte-for-byte as they were (``immutable=1`` when nobody can be writing; a private copy
  when a crash left a -wal or hot -journal to recover; ``mode=ro`` beside a live writer: see
  ``_Reader``). No backup, checkpoint or journal-mode change happens unless the session writes.
- Before a migration and on every open for writing, a rotating backup (``app.store.backups``).
  ``open(..., background_backup=True)`` (the GUI) makes the on-open backup in a thread with its
  own connection, so the window need not wait for it; every write (this handle's and its
  ``writer()``'s) waits for it first, so a backup of the state at open always exists before
  the file changes.

For the GUI's undo: ``apply`` upserts (never ``INSERT OR REPLACE``, which would cascade-delete
children), and foreign keys are deferred to the commit, so "delete a stream" and "re-insert the
stream with its records" each work in one call, in any order. Deleting a stream, product,
process step or finding deletes what it owns (records, production, flows, photos) in the file:
delete those explicitly too (or reload) so the in-memory audit matches. A ``Photo`` put with
``jpeg=None`` keeps the stored JPEG; to undo a photo's deletion, fetch ``photo_jpeg`` first.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import json
import operator
import os
import sqlite3
import stat
import struct
import threading
import urllib.parse
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.core import model
from app.core.errors import Level, Location, Problem, UserError, os_reason
from app.core.options import settle_workflow
from app.store import backups, codec, schema
from app.store.lock import FileLock

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class AuditFile:
    """An open audit file. Use ``create`` or ``open``; close it (or use ``with``)."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        lock: FileLock | None,
        read_only_reason: Problem | None,
        version: int,
    ):
        self.path = path
        self._conn = conn
        self._lock = lock
        self.read_only_reason = read_only_reason
        self.schema_version = version
        self._sidecars_before: set[Path] | None = None  # read-only: SQLite side files found
        self._pending_backup: PendingBackup | None = None  # background on-open backup
        self._reader: _Reader | None = None  # read-only: how the file is read without writing
        # Who makes the edits of this handle: written with each change in the change log
        # (the GUI sets it from the laptop's settings, the CLI from --author / RECP_AUTHOR).
        self.author: str = os.environ.get("RECP_AUTHOR", "")
        self._logs: bool | None = None  # the file has a change log (schema >= 2)

    # -- opening ------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @classmethod
    def create(cls, path: str | os.PathLike, audit: model.Audit | None = None) -> AuditFile:
        """Write a new audit file holding ``audit``; refuses a path that exists.

        The file is built under a temporary name and linked into place only when complete, so
        a crash while creating never leaves a half-written audit at ``path``.
        """
        path = Path(path)
        loc = Location(file=str(path))
        if path.exists() or path.is_symlink():
            raise UserError.of("store.exists", loc, path=str(path))
        if not path.parent.is_dir():
            raise UserError.of("store.folder_missing", loc, path=str(path.parent))
        audit = audit or model.Audit()
        temp = path.with_name(f".{path.name}.{os.getpid()}.creating")
        try:
            conn = sqlite3.connect(temp, isolation_level=None)
            try:
                conn.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
                conn.execute("BEGIN")
                schema.create_schema(conn)
                now = _now()
                conn.executemany(
                    "INSERT INTO meta(key, value) VALUES (?, ?)",
                    [
                        ("app_version_created", __version__),
                        ("app_version_written", __version__),
                        ("created", now),
                        ("modified", now),
                    ],
                )
                _write_info(conn, audit.info)
                for spec in schema.TABLES:
                    _upsert(conn, spec, getattr(audit, schema.AUDIT_ATTR[spec.cls]))
                from app.store import stored_summary  # not on the start-up path

                stored_summary.store(conn, audit, schema.SCHEMA_VERSION, now)
                conn.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION}")
                conn.execute("COMMIT")
                conn.execute("PRAGMA journal_mode=WAL")
            finally:
                conn.close()
            with open(temp, "rb+") as fh:
                os.fsync(fh.fileno())
            try:
                os.link(temp, path)  # fails if path appeared meanwhile: never overwrite
            except FileExistsError:
                raise UserError.of("store.exists", loc, path=str(path)) from None
            except OSError:  # a file system without hard links
                if path.exists():
                    raise UserError.of("store.exists", loc, path=str(path)) from None
                os.replace(temp, path)
        except sqlite3.Error as exc:
            raise UserError.of("store.write_failed", loc, detail=str(exc)) from exc
        except OSError as exc:
            raise UserError.of("store.write_failed", loc, detail=os_reason(exc)) from exc
        finally:
            for leftover in (temp, Path(f"{temp}-journal"), Path(f"{temp}-wal")):
                leftover.unlink(missing_ok=True)
        return cls.open(path, backup=False)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike,
        *,
        read_only: bool = False,
        migrations: list[schema.Migration] | None = None,
        backup: bool = True,
        keep_backups: int = backups.KEEP,
        background_backup: bool = False,
    ) -> AuditFile:
        """Open an existing audit file; raises ``UserError`` for anything that is not one.

        ``migrations`` replaces the registry (tests); the supported version follows from it.
        ``background_backup``: make the on-open backup in a thread; writes wait for it.
        """
        path = Path(path)
        migrations = schema.MIGRATIONS if migrations is None else migrations
        supported = schema.schema_version(migrations)
        st = _check_header(path)

        loc = Location(file=str(path))
        # The lock is taken even for reading: while we hold it no other instance of the app
        # uses the file, so SQLite side files our read-only connection made can be removed.
        taken = FileLock(path)
        reason: Problem | None = None
        try:
            got = taken.acquire()
        except OSError:  # read-only folder or file system: no lock file possible
            got, reason = False, Problem("store.readonly.folder", loc, level=Level.WARNING)
        lock: FileLock | None = taken
        if not got:
            if reason is None:
                reason = _locked_reason(taken, loc)
            lock = None
        if not _writable(path, st):
            reason = Problem("store.readonly.no_permission", loc, level=Level.WARNING)
        elif read_only and reason is None:
            reason = Problem("store.readonly.requested", loc, level=Level.WARNING)
        sidecars_before = _sidecars(path)
        wal = Path(f"{path}-wal")
        conn: sqlite3.Connection | None = None
        pending: PendingBackup | None = None
        reader: _Reader | None = None
        try:
            # For writing, ONE connection: read-write but query_only until verified, so a
            # damaged or foreign file is never written to (the read-only connection used before
            # cost a second connect and schema parse). A WAL still holding frames (a crash) is
            # verified read-only first: closing a read-write connection would checkpoint those
            # frames into a file we may then refuse.
            single = reason is None and not (wal in sidecars_before and wal.stat().st_size > 0)
            if single:
                conn = _connect_rw_query_only(path)
            elif reason is None:  # to write: a crash's WAL verified before it is checkpointed
                conn = _connect_ro(path)
            else:
                reader = _Reader.of(path, live_writer=_live_writer(lock, reason))
                conn = reader.connect()
            version, modified = _verify(conn, path)
            if version > supported:
                reason = Problem(
                    "store.readonly.newer_version",
                    loc,
                    {"found": version, "supported": supported},
                    Level.WARNING,
                )
                if single:  # read-only means a reading connection that cannot write
                    conn.close()
                    conn = None
                    reader = _Reader.of(path, live_writer=False)  # we hold the lock
                    conn = reader.connect()
            if reason is not None:
                af = cls(path, conn, lock=lock, read_only_reason=reason, version=version)
                af._sidecars_before = sidecars_before
                af._reader = reader
                return af
            if single:
                _make_writable(conn, path)
            else:
                conn.close()
                conn = None
                conn = _connect_rw(path)
            if backup or version < supported:
                if background_backup and version == supported:
                    pending = PendingBackup(path, modified, keep_backups)
                else:  # a migration needs its backup first
                    backups.make_backup(conn, path, modified, keep=keep_backups)
            if version < supported:
                _migrate(conn, path, version, migrations)
                version = supported
            af = cls(path, conn, lock=lock, read_only_reason=None, version=version)
            af._pending_backup = pending
            return af
        except BaseException:
            if pending is not None:
                pending.join()
            if conn is not None:
                conn.close()
            if reader is not None:
                reader.discard()
            if lock is not None:
                _remove_new_sidecars(path, sidecars_before)
                lock.release()
            raise

    # -- reading ------------------------------------------------------------------------------

    def load(self, only: Iterable[type] | None = None) -> model.Audit:
        """The whole audit as core objects (photos without their full JPEG).

        ``only``: the classes whose tables are read (the others stay empty), e.g. the portfolio
        reads options and streams and never photos or findings.
        """
        wanted = None if only is None else set(only)
        audit = model.Audit(info=self._read(self.load_info))
        # The one pause of the cyclic garbage collector: thousands of objects are made here,
        # none of them garbage, and without it the collector runs every 700 allocations, each
        # run walking the whole heap. Safe with worker threads: the switch is process-wide but
        # only postpones collections (reference counting still frees memory), and it is put
        # back as found, so it never stays off (two loads at once end with it on).
        collecting = gc.isenabled()
        gc.disable()
        try:
            lists = {
                spec.cls: self._read(functools.partial(self._load_table, spec))
                for spec in schema.TABLES
                if wanted is None or spec.cls in wanted
            }
        finally:
            if collecting:
                gc.enable()
        for cls, items in lists.items():
            setattr(audit, schema.AUDIT_ATTR[cls], items)
        return audit

    def _read(self, read: Callable[[], Any]) -> Any:
        """``read()``, its failure on a damaged value turned into a message naming the row."""
        try:
            return read()
        except UserError:
            raise
        # ValueError: a row's JSON or text is damaged (UnicodeDecodeError is one); RecursionError:
        # JSON nested too deeply; TypeError etc.: a value of the wrong shape.
        except (
            sqlite3.Error,
            ValueError,
            RecursionError,
            TypeError,
            KeyError,
            AttributeError,
        ) as exc:
            from app.store.rowcheck import damaged_rows

            try:
                damaged = damaged_rows(self._conn, self.path, limit=1)
            except sqlite3.Error:
                damaged = []
            if damaged:
                raise UserError(damaged[0]) from exc
            raise self._error("store.read_failed", exc) from exc

    def load_info(self) -> model.AuditInfo:
        row = self._conn.execute("SELECT data FROM audit_info WHERE one = 1").fetchone()
        data = json.loads(row[0]) if row else {}
        info = codec.decode(model.AuditInfo, data)
        if not data.get("id"):  # written before the id was stored: the same id every time
            from app.store.audit_id import derived_audit_id

            created = self._conn.execute("SELECT value FROM meta WHERE key = 'created'").fetchone()
            info.id = derived_audit_id(created[0] if created else "", data)
        return info

    def _load_table(self, spec: schema.TableSpec) -> list[Any]:
        from app.store.rowcheck import column_problems

        # A column holding the wrong type (text for a quantity) would reach core unnoticed.
        damaged = column_problems(self._conn, spec, self.path)
        if damaged:
            raise UserError(damaged[0])
        sql, names, key = _select_of(spec)
        # All rows at once, decoded by one generated function (one json.loads per table).
        rows = self._conn.execute(sql).fetchall()
        if not rows:  # no decoder needed: generating one costs ~1 ms at the first load
            return []
        objects = codec.rows_decoder(spec.cls, names)(rows)
        if key is not None:
            try:
                objects.sort(key=key)  # stable: rowid order among equal positions
            except TypeError:  # a position that is not a number: let SQLite order them
                rows = self._conn.execute(f"{sql[: -len('rowid')]}{spec.order_by}").fetchall()
                objects = codec.rows_decoder(spec.cls, names)(rows)
        return objects

    def photo_jpeg(self, photo_id: str) -> bytes:
        """The full JPEG of a photo (``load`` leaves ``Photo.jpeg`` None to save memory)."""
        row = self._conn.execute("SELECT jpeg FROM photos WHERE id = ?", (photo_id,)).fetchone()
        if row is None or row[0] is None:
            raise UserError.of(
                "store.photo_missing",
                Location(file=str(self.path), entity="photo", entity_id=photo_id),
            )
        return bytes(row[0])

    def get_setting(self, key: str, default: Any = None) -> Any:
        def read() -> Any:
            sql = "SELECT value FROM settings WHERE key = ?"
            row = self._conn.execute(sql, (key,)).fetchone()
            return default if row is None else json.loads(row[0])

        return self._read(read)

    def meta(self) -> dict[str, str]:
        """The file's own facts: app versions that created and last wrote it, times."""
        return self._read(lambda: _meta(self._conn))

    # -- writing ------------------------------------------------------------------------------

    def apply(
        self,
        put: Iterable[Any] = (),
        delete: Iterable[Any] = (),
        info: model.AuditInfo | None = None,
        settings: dict[str, Any] | None = None,
    ) -> None:
        """One committed transaction: delete by id, then insert-or-update by id, then ``info``,
        then the per-audit ``settings`` (key -> JSON-able value)."""
        # Status, screening and rejection reason agree on disk whatever path wrote the option
        # (app.core.options.settle_workflow: no reason under an option that is not rejected).
        put = [settle_workflow(e) if isinstance(e, model.Option) else e for e in put]
        delete = list(delete)
        for entity in put + delete:
            if type(entity) not in schema.SPEC_OF:
                raise TypeError(f"not a stored entity: {type(entity).__name__}")
        author = self.author
        log = self._has_log()

        def work(conn: sqlite3.Connection) -> None:
            self._apply(conn, put, delete, info, author, log)
            for key, value in (settings or {}).items():
                _write_setting(conn, key, value)

        self._write(work)

    def _has_log(self) -> bool:
        if self._logs is None:
            row = self._conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'changes'"
            ).fetchone()
            self._logs = row is not None
        return self._logs

    def writer(self) -> AuditFile:
        """A second handle on this file for ONE worker thread: open, use and close it there.

        Its ``apply`` is this file's ``apply`` on its own connection, so a slow synced commit
        (e.g. a 12 MP photo) does not block the GUI thread. It shares this handle's lock (same
        process; closing it leaves the lock alone); WAL keeps this handle's reads going
        meanwhile and concurrent writers queue on ``busy_timeout``. Read-only stays read-only.
        """
        if self.read_only:
            conn = self._reader.connect() if self._reader else _connect_ro(self.path)
        else:
            conn = _connect_rw(self.path)
        handle = AuditFile(
            self.path,
            conn,
            lock=None,
            read_only_reason=self.read_only_reason,
            version=self.schema_version,
        )
        handle._pending_backup = self._pending_backup  # its writes wait for it too
        handle.author = self.author
        return handle

    def put(self, *entities: Any) -> None:
        self.apply(put=entities)

    def delete(self, *entities: Any) -> None:
        self.apply(delete=entities)

    def save_info(self, info: model.AuditInfo) -> None:
        self.apply(info=info)

    def set_setting(self, key: str, value: Any) -> None:
        self._write(lambda conn: _write_setting(conn, key, value))

    @staticmethod
    def _apply(
        conn: sqlite3.Connection,
        put: list,
        delete: list,
        info,
        author: str = "",
        log: bool = False,
    ) -> None:
        by_type: dict[type, list] = {}
        for entity in delete:
            by_type.setdefault(type(entity), []).append((entity.id,))
        changes: list[tuple] = []
        at = _now() if log else ""
        for cls, ids in by_type.items():
            table = schema.SPEC_OF[cls].table
            conn.executemany(f"DELETE FROM {table} WHERE id = ?", ids)
            if log:
                changes += [(at, author, table, i, "delete") for (i,) in ids]
        grouped: dict[type, list] = {}
        for entity in put:
            grouped.setdefault(type(entity), []).append(entity)
        for cls, entities in grouped.items():
            spec = schema.SPEC_OF[cls]
            _upsert(conn, spec, entities)
            if log:
                changes += [(at, author, spec.table, e.id, "put") for e in entities]
        if info is not None:
            _write_info(conn, info)
            if log:
                changes.append((at, author, "audit_info", "1", "put"))
        if changes:
            # Same transaction as the edit: the log never disagrees with the file. The content
            # hash is not computed here (a photo put may keep its stored JPEG): the merge hashes
            # the rows themselves; the log says which objects changed, when and by whom.
            conn.executemany(
                "INSERT INTO changes(at, author, tbl, id, op) VALUES (?, ?, ?, ?, ?)", changes
            )

    def _write(self, work) -> None:
        if self.read_only:
            raise UserError(
                Problem(
                    "store.read_only",
                    Location(file=str(self.path)),
                    {"reason": _render_reason(self.read_only_reason)},
                )
            )
        conn = self._conn
        try:
            if self._pending_backup is not None:
                self._pending_backup.ensure(conn)
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("PRAGMA defer_foreign_keys=ON")  # parents and children in any order
                work(conn)
                conn.execute("UPDATE meta SET value = ? WHERE key = 'modified'", (_now(),))
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError) as exc:  # OSError: the backup before the first write
            raise self._error("store.write_failed", exc) from exc

    def wait_for_backup(self) -> None:
        """Return once the on-open backup (if any) is on disk; raises when none could be made."""
        if self._pending_backup is not None and not self.read_only:
            try:
                self._pending_backup.ensure(self._conn)
            except (sqlite3.Error, OSError) as exc:
                raise self._error("store.write_failed", exc) from exc

    # -- checking -----------------------------------------------------------------------------

    def check(self) -> list[Problem]:
        """Integrity (full ``integrity_check``), foreign keys, then the audit's consistency
        (``app.core.validation.check_consistency``), each located in this file."""
        from dataclasses import replace

        from app.core.validation import check_consistency
        from app.store.consistency import check_database
        from app.store.rowcheck import damaged_rows

        problems = check_database(self._conn, self.path)
        if any(p.key == "store.damaged" for p in problems):
            return problems
        damaged = damaged_rows(self._conn, self.path)
        if damaged:  # the rows that cannot be read: the audit cannot be checked further
            return problems + damaged
        return problems + [
            replace(p, location=replace(p.location, file=str(self.path)))
            for p in check_consistency(self.load())
        ]

    # -- copies -------------------------------------------------------------------------------

    def save_copy(self, target: str | os.PathLike) -> Path:
        """The audit as it is now, photos included, at ``target`` (File → Save a copy…).

        The open file is not touched and stays the one being edited. The copy is the same
        audit (same identity), as a copy made in a file manager would be: a portfolio counts
        the two once. Written beside ``target`` and renamed over it: all or nothing.
        """
        target = Path(target)
        loc = Location(file=str(target))
        if target.resolve() == Path(self.path).resolve():
            raise UserError.of("store.copy.same_file", loc)
        try:
            backups.copy_database(self._conn, target)
        except (OSError, sqlite3.Error) as exc:
            detail = os_reason(exc) if isinstance(exc, OSError) else str(exc)
            raise UserError.of("store.copy.failed", loc, detail=detail) from None
        return target

    # -- closing ------------------------------------------------------------------------------

    def close(self) -> None:
        if self._pending_backup is not None:
            self._pending_backup.join()  # never release the lock while it still copies
        if self._lock is not None and not self.read_only and self._conn is not None:
            self._refresh_summary()
        conn = self._conn
        self._conn = None  # type: ignore[assignment]  # closed: any later use fails loudly
        if conn is not None:
            conn.close()
        if self._reader is not None:
            self._reader.discard()
            self._reader = None
        if self._lock is not None:
            if self._sidecars_before is not None:
                _remove_new_sidecars(self.path, self._sidecars_before)
            self._lock.release()
            self._lock = None

    def _refresh_summary(self) -> None:
        """Store the portfolio summary when edits made it stale (``app.store.stored_summary``).

        Only the writing session's own handle does this, as it closes; the summary is optional,
        so any failure leaves the file as it is and the portfolio computes the summary."""
        from app.store import stored_summary  # not on the start-up path

        conn = self._conn
        try:
            meta = _meta(conn)
            modified = meta.get("modified", "")
            if meta.get(stored_summary.STAMP_KEY) == stored_summary.stamp(
                self.schema_version, modified
            ):
                return
            audit = self.load(only=stored_summary.SUMMARY_TYPES)
            if self._pending_backup is not None:
                self._pending_backup.ensure(conn)  # no write before the on-open backup
            conn.execute("BEGIN IMMEDIATE")
            try:
                if _meta(conn).get("modified", "") == modified:  # no other write meanwhile
                    stored_summary.store(conn, audit, self.schema_version, modified)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError, UserError, ValueError, TypeError, KeyError):
            pass

    def __enter__(self) -> AuditFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        # An unclosed file must not keep its lock past the object's life.
        try:
            self.close()
        except Exception:
            pass

    def _error(self, key: str, exc: BaseException) -> UserError:
        return UserError.of(key, Location(file=str(self.path)), detail=one_line([exc]))


# ---------------------------------------------------------------------------------------------
# helpers


class PendingBackup:
    """The on-open backup (or the merge's), made in a thread on its own connection.

    SQLite's backup API reads a consistent snapshot while the GUI reads on its connection (WAL).
    ``ensure`` is called before every write: it waits for the thread and, if the copy failed,
    makes it again on the caller's connection (the file is still in its opened state, since no
    write happened), raising when that fails too. So no edit reaches the file before a backup of
    the state at open exists.
    """

    def __init__(self, path: Path, modified: str, keep: int, *, writer: bool = False):
        """``writer``: copy on a connection that may take the write lock, so that the copy is
        the file's bytes copied by the kernel (``backups.copy_database``), not page by page;
        only for a file this session holds open for writing, whose writes wait for ``ensure``
        (the merge's backup)."""
        self.path, self.modified, self.keep, self.writer = path, modified, keep, writer
        self.error: BaseException | None = None
        self._done = False
        self._guard = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="recp-backup", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = _connect(self.path, "rw") if self.writer else _connect_ro(self.path)
            try:
                backups.make_backup(conn, self.path, self.modified, keep=self.keep)
            finally:
                conn.close()
        except BaseException as exc:  # handed to the first write, which retries
            self.error = exc

    def join(self) -> None:
        self._thread.join()

    def ensure(self, conn: sqlite3.Connection) -> None:
        self._thread.join()
        with self._guard:
            if self._done:
                return
            if self.error is not None:
                backups.make_backup(conn, self.path, self.modified, keep=self.keep)
                self.error = None
            self._done = True


def _live_writer(lock: FileLock | None, reason: Problem | None) -> bool:
    """True when another instance of the app may be writing the file as we read it."""
    return lock is None and reason is not None and reason.key == "store.readonly.locked"


class _Reader:
    """How a read-only session reads the file without changing a byte of it or its side files.

    - Nobody can be writing (we hold the lock, or the folder cannot hold one) and no side file
      holds content: ``immutable=1``. SQLite then takes no locks, makes no -wal/-shm and never
      looks at them: the file is read as the bytes it is.
    - Nobody can be writing but a -wal or -journal holds content (a crash left it; or someone
      else's): reading it through SQLite would rebuild the -shm index, and a hot journal can
      only be read by rolling it back. The file and that side file are copied into a private
      temporary folder and the copy is read (SQLite recovers the copy, never the original).
    - Another instance holds the lock and may be writing: ``mode=ro`` through the live -wal/-shm
      (the writer owns them; the file changes under us anyway).
    """

    def __init__(self, origin: Path, mode: str, folder: Path | None = None):
        self.origin, self.mode, self.folder = origin, mode, folder
        self.path = folder / origin.name if folder is not None else origin  # what SQLite reads

    @classmethod
    def of(cls, path: Path, *, live_writer: bool) -> _Reader:
        if live_writer:
            return cls(path, "ro")
        held = [
            Path(f"{path}{suffix}")
            for suffix in ("-wal", "-journal")
            if _size(Path(f"{path}{suffix}")) > 0
        ]
        if not held:
            return cls(path, "immutable")
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="recp-read-"))
        try:
            copy = folder / path.name
            shutil.copyfile(path, copy)
            for side in held:
                shutil.copyfile(side, folder / side.name)
        except OSError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise UserError.of(
                "store.read_failed", _file_location(path), detail=os_reason(exc)
            ) from exc
        return cls(path, "copy", folder)

    def connect(self) -> sqlite3.Connection:
        if self.mode == "copy":  # our own copy: SQLite may recover it (roll back, rebuild)
            return _connect_rw_query_only(self.path, origin=self.origin)
        return _connect_ro(self.path, immutable=self.mode == "immutable")

    def discard(self) -> None:
        if self.folder is not None:
            import shutil

            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


@functools.cache
def _select_of(
    spec: schema.TableSpec,
) -> tuple[str, tuple[str, ...], Callable[[Any], Any] | None]:
    """The query ``load`` reads a table with, the columns it names besides id and data, and
    the sort key ``load`` orders the objects with (None: the query orders them).

    "ORDER BY position, rowid" makes SQLite sort every row with its data text (~0.1 ms per
    load of the demo audit); reading in rowid order (the table's own order, no sort) and
    sorting the objects by position with Python's stable sort gives the same order for less.
    """
    names = tuple(n for n in spec.column_names if n not in spec.lazy_blobs)
    columns = ", ".join(("id", *names, "data"))
    select = f"SELECT {columns} FROM {spec.table} ORDER BY "
    *first, last = (part.strip() for part in spec.order_by.split(","))
    if first and last == "rowid" and set(first) <= set(names):
        return f"{select}rowid", names, operator.attrgetter(*first)
    return f"{select}{spec.order_by}", names, None


def _locked_reason(lock: FileLock, loc: Location) -> Problem:
    owner = lock.owner()
    params = {k: owner.get(k) or "?" for k in ("user", "host", "pid", "since")}
    return Problem("store.readonly.locked", loc, params, Level.WARNING)


def _writable(path: Path, st: os.stat_result) -> bool:
    """False for a file without write permission, or marked read-only (even for root)."""
    return bool(st.st_mode & 0o222) and os.access(path, os.W_OK)


def _sidecars(path: Path) -> set[Path]:
    return {Path(p) for p in (f"{path}-wal", f"{path}-shm") if os.path.exists(p)}


def _remove_new_sidecars(path: Path, before: set[Path]) -> None:
    """Remove the -wal/-shm a read-only connection created, when they hold nothing.

    SQLite makes them even for ``mode=ro`` but cannot delete them on close; the caller holds
    the lock, so no other instance of the app is using them.
    """
    wal = Path(f"{path}-wal")
    if wal not in before and wal.exists() and wal.stat().st_size > 0:
        return  # someone wrote meanwhile: leave SQLite's files alone
    for side in _sidecars(path) - before:
        side.unlink(missing_ok=True)


def _render_reason(reason: Problem | None) -> str:
    from app.core.messages import DEFAULT_LANGUAGE, text

    return text(reason.key, DEFAULT_LANGUAGE, **reason.params) if reason else ""


def _write_setting(conn: sqlite3.Connection, key: str, value: Any) -> None:
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )


def _write_info(conn: sqlite3.Connection, info: model.AuditInfo) -> None:
    conn.execute(
        "INSERT INTO audit_info(one, data) VALUES (1, ?) "
        "ON CONFLICT(one) DO UPDATE SET data = excluded.data",
        (codec.to_json(info),),
    )


def _upsert(conn: sqlite3.Connection, spec: schema.TableSpec, entities: list) -> None:
    if not entities:
        return
    cols = spec.column_names
    names = ["id", *cols, "data"]
    updates = []
    for name in names[1:]:
        if name in spec.keep_when_none:
            updates.append(f"{name} = COALESCE(excluded.{name}, {spec.table}.{name})")
        else:
            updates.append(f"{name} = excluded.{name}")
    sql = (
        f"INSERT INTO {spec.table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
        f"ON CONFLICT(id) DO UPDATE SET {', '.join(updates)}"
    )
    col_set = set(cols)
    rows = []
    for entity in entities:
        encoded = codec.encode(entity) if not spec.lazy_blobs else _encode_with_blobs(entity, spec)
        rest = {k: v for k, v in encoded.items() if k not in col_set and k != "id"}
        data = json.dumps(rest, ensure_ascii=False, separators=(",", ":")) if rest else "{}"
        rows.append((entity.id, *(encoded[c] for c in cols), data))
    conn.executemany(sql, rows)


def _encode_with_blobs(entity: Any, spec: schema.TableSpec) -> dict:
    """Like ``codec.encode`` but blob fields go to their columns as bytes, not through JSON."""
    encoded = {}
    for f in dataclasses.fields(entity):
        value = getattr(entity, f.name)
        encoded[f.name] = value if f.name in spec.keep_when_none else codec.encode(value)
    return encoded


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def _file_location(path: Path) -> Location:
    return Location(file=str(path))


def _check_header(path: Path) -> os.stat_result:
    """Refuse what is not an audit file from its path and first 100 bytes alone (no SQLite).

    Returns the file's ``stat``, reused by ``open`` (each system call is a measurable part of
    opening an audit).
    """
    loc = _file_location(path)
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise UserError.of("store.not_found", loc, path=str(path)) from None
    except PermissionError:
        raise UserError.of("store.no_read_permission", loc, path=str(path)) from None
    except OSError as exc:
        raise UserError.of("store.read_failed", loc, detail=os_reason(exc)) from exc
    if stat.S_ISDIR(st.st_mode):
        raise UserError.of("store.is_directory", loc, path=str(path))
    if not stat.S_ISREG(st.st_mode):
        raise UserError.of("store.not_a_file", loc, path=str(path))
    try:
        with open(path, "rb", buffering=0) as fh:
            header = fh.read(100)
    except PermissionError:
        raise UserError.of("store.no_read_permission", loc, path=str(path)) from None
    except OSError as exc:
        raise UserError.of("store.read_failed", loc, detail=os_reason(exc)) from exc
    size = st.st_size
    if size == 0:
        raise UserError.of("store.empty", loc)
    if not header.startswith(SQLITE_MAGIC):
        if not header.strip(b"\x00"):
            raise UserError.of("store.damaged", loc, detail="zeroed")
        raise UserError.of("store.not_sqlite", loc)
    if len(header) < 100:
        raise UserError.of("store.damaged", loc, detail="truncated header")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    app_id = struct.unpack(">I", header[68:72])[0]
    if app_id != schema.APPLICATION_ID:
        raise UserError.of("store.not_audit", loc)
    change_counter, pages, valid_for = (
        struct.unpack(">I", header[24:28])[0],
        *struct.unpack(">I", header[28:32]),
        struct.unpack(">I", header[92:96])[0],
    )
    if pages and valid_for == change_counter and size < pages * page_size:
        raise UserError.of("store.damaged", loc, detail="truncated")
    return st


def _uri(path: Path, mode: str, immutable: bool = False) -> str:
    uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode={mode}"
    return uri + "&immutable=1" if immutable else uri


def _connect(path: Path, mode: str, immutable: bool = False) -> sqlite3.Connection:
    # ``timeout`` sets SQLite's busy timeout directly: no PRAGMA round trip.
    return sqlite3.connect(
        _uri(path, mode, immutable),
        uri=True,
        isolation_level=None,
        timeout=BUSY_TIMEOUT_MS / 1000,
    )


def _connect_ro(path: Path, immutable: bool = False) -> sqlite3.Connection:
    try:
        conn = _connect(path, "ro", immutable)
        conn.execute("PRAGMA query_only=ON")
        return conn
    except sqlite3.Error as exc:
        raise UserError.of("store.damaged", _file_location(path), detail=str(exc)) from exc


def _connect_rw_query_only(path: Path, origin: Path | None = None) -> sqlite3.Connection:
    """A read-write connection that cannot write until ``_make_writable`` (after verifying).

    ``origin``: the audit file ``path`` is a private copy of (named in messages)."""
    try:
        conn = _connect(path, "rw")
        conn.execute("PRAGMA query_only=ON")
        return conn
    except sqlite3.Error as exc:
        raise UserError.of(
            "store.damaged", _file_location(origin or path), detail=str(exc)
        ) from exc


def _make_writable(conn: sqlite3.Connection, path: Path) -> None:
    try:
        conn.execute("PRAGMA query_only=OFF")
        _configure_rw(conn)
    except sqlite3.Error as exc:
        raise UserError.of("store.write_failed", _file_location(path), detail=str(exc)) from exc


def _configure_rw(conn: sqlite3.Connection) -> None:
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":  # a no-op write otherwise
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")  # a power cut must not lose a committed edit
    conn.execute("PRAGMA foreign_keys=ON")


def _connect_rw(path: Path) -> sqlite3.Connection:
    conn = _connect(path, "rw")
    _configure_rw(conn)
    return conn


def _verify(conn: sqlite3.Connection, path: Path) -> tuple[int, str]:
    """The file's schema version and modification stamp (the on-open backup's tag), after
    checking it is an undamaged audit file.

    Plain PRAGMA statements: folding them into one SELECT over pragma table-valued functions
    measured slower (each builds a virtual table).
    """
    loc = _file_location(path)
    try:
        result = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
        if result != ["ok"]:
            raise UserError.of("store.damaged", loc, detail=one_line(result))
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise UserError.of("store.damaged", loc, detail=one_line([exc])) from exc
    if app_id != schema.APPLICATION_ID:
        raise UserError.of("store.not_audit", loc)
    if version < 1 or not {"meta", "audit_info"} <= tables:
        raise UserError.of("store.damaged", loc, detail=f"schema version {version}")
    if version == schema.SCHEMA_VERSION and not schema.EXPECTED_TABLES <= tables:
        missing = sorted(schema.EXPECTED_TABLES - tables)
        raise UserError.of("store.missing_table", loc, table=", ".join(missing))
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'modified'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise UserError.of("store.damaged", loc, detail=str(exc)) from exc
    return version, (row[0] if row else "")


def one_line(parts: Iterable[Any], limit: int = 300) -> str:
    """SQLite's report (several lines, sometimes hundreds) as one short line for a message."""
    text = " ".join("; ".join(str(p) for p in parts).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _migrate(conn: sqlite3.Connection, path: Path, version: int, migrations: list) -> None:
    """Run every migration from ``version`` in one transaction: all or nothing."""
    target = schema.schema_version(migrations)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("PRAGMA defer_foreign_keys=ON")
        for step in range(version, target):
            migrations[step - 1](conn)
        conn.execute(f"PRAGMA user_version={target}")
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('app_version_written', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (__version__,),
        )
        conn.execute("COMMIT")
    except Exception as exc:
        conn.execute("ROLLBACK")
        raise UserError.of(
            "store.migration_failed",
            _file_location(path),
            found=version,
            target=target,
            detail=str(exc),
        ) from exc
