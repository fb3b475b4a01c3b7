"""Rotating backups of an audit file in ``NAME.recp-backups/`` beside it.

Made with SQLite's online backup API, so a copy is consistent even while the file is in WAL
mode with pages not yet checkpointed. A backup is skipped when the newest one already holds the
same state (same ``modified`` stamp): reopening an unchanged audit five times must not push the
real older backups out of the rotation.
"""

from __future__ import annotations

import os
import re
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
    dest = sqlite3.connect(partial)
    try:
        # The copy is written once and fsynced once below; no journal needed while writing it.
        dest.execute("PRAGMA journal_mode=OFF")
        dest.execute("PRAGMA synchronous=OFF")
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        dest.close()
        partial.unlink(missing_ok=True)
        raise
    dest.close()
    with open(partial, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, target)


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
