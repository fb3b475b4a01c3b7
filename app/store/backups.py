"""Rotating backups of an audit file in ``NAME.recp-backups/`` beside it.

A copy is consistent even while the file is in WAL mode with pages not yet checkpointed: on a
connection that may write, the WAL is checkpointed and the file's bytes are copied by the kernel
while that connection holds the write lock (SQLite's documented way to copy a database: no
writer, no WAL content the file lacks); otherwise (a read-only connection, a checkpoint another
reader holds back) SQLite's online backup API copies it page by page, about three times slower
on an audit of large photos. A backup is skipped when the newest one already holds the
same state (same ``modified`` stamp): reopening an unchanged audit five times must not push the
real older backups out of the rotation.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

KEEP = 5


def backup_dir(path: Path) -> Path:
    return path.with_name(path.name + "-backups")


def _tag(modified: str) -> str:
    return re.sub(r"[^0-9]", "", modified)[:20] or "0"


def list_backups(path: Path) -> list[Path]:
    """Backups of ``path``, oldest first (their names sort by time)."""
    folder = backup_dir(path)
    # os.listdir, not Path.glob: every open looks at the newest backup, and glob costs ~50 us.
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    prefix, suffix = f"{path.stem}-", ".recp"
    return [
        folder / name
        for name in sorted(names)
        if name.startswith(prefix)
        and name.endswith(suffix)
        and len(name) >= len(prefix) + len(suffix)
    ]


def copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the database behind ``conn`` at ``target``, all or nothing: written
    beside it, fsynced, then renamed over it (a power cut leaves the old target or none)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        copied = _copy_file_locked(conn, partial)
        dest = sqlite3.connect(partial)
        try:
            # The copy is written once and fsynced once below; no journal needed while writing.
            dest.execute("PRAGMA synchronous=OFF")
            if not copied:
                dest.execute("PRAGMA journal_mode=OFF")
                conn.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")  # a backup is one plain file
        finally:
            dest.close()
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)


def _copy_file_locked(conn: sqlite3.Connection, partial: Path) -> bool:
    """Copy the file behind ``conn`` byte for byte while ``conn`` holds the write lock, when the
    file then holds the whole database: WAL mode, every WAL frame checkpointed into the file and
    no commit since (``data_version`` unchanged). False (nothing copied) when that cannot be
    had: a read-only or query-only connection, a transaction open, another journal mode, a
    reader holding the checkpoint back, another connection writing, an in-memory database, a file the system will not let
    be read while SQLite locks it."""
    if conn.in_transaction or conn.execute("PRAGMA query_only").fetchone()[0]:
        return False
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        return False
    files = {name: file for _, name, file in conn.execute("PRAGMA database_list")}
    if not files.get("main"):
        return False
    source = Path(files["main"])
    before = conn.execute("PRAGMA data_version").fetchone()[0]
    busy, frames, done = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    if busy or frames != done:
        return False
    # No one commits while the bytes are copied; a writer at work (a worker thread's commit) is
    # not waited for: the backup API reads a snapshot beside it instead.
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    try:
        if conn.execute("PRAGMA data_version").fetchone()[0] != before:
            return False  # a commit slipped in after the checkpoint: its pages are in the WAL
        size = conn.execute("PRAGMA page_count").fetchone()[0]
        size *= conn.execute("PRAGMA page_size").fetchone()[0]
        try:
            shutil.copyfile(source, partial)  # the kernel copies (sendfile / fcopyfile)
        except OSError:
            # Windows refuses to read a byte range SQLite holds locked (past 1 GB): page by page.
            partial.unlink(missing_ok=True)
            return False
        if os.path.getsize(partial) > size:  # pages past the database's end: not part of it
            os.truncate(partial, size)
    finally:
        conn.execute("ROLLBACK")
    return True


def make_backup(
    conn: sqlite3.Connection, path: Path, modified: str, keep: int = KEEP, force: bool = False
) -> Path | None:
    """Copy the database behind ``conn`` into the backup folder; keep the newest ``keep``.

    Returns the new backup's path, or None when the newest backup already has this state.
    """
    tag = _tag(modified)
    existing = list_backups(path)
    if existing and not force and existing[-1].stem.endswith("-" + tag):
        return None
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}-{tag}.recp"
    copy_database(conn, target)
    for old in list_backups(path)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return target
