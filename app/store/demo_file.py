"""The demo audit on disk: where it lives per user, and writing it without a half-written state.

The GUI opens ``ensure_demo_audit()`` when started without a file; ``python -m app demo PATH``
uses ``write_demo_file``. The file carries the setting ``demo_version`` so a new release with a
changed demo rebuilds the user's copy (an auditor playing with the demo loses those edits, which
is what a demo is for; real audits are never touched here).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.core.errors import Location, UserError, os_reason
from app.store.auditfile import AuditFile
from app.store.lock import FileLock

DEMO_FILE_NAME = "demo.recp"
DEMO_VERSION_SETTING = "demo_version"


def user_data_dir() -> Path:
    """The per-user folder for the app's own files: ``$RECP_DATA_DIR`` or the platform's."""
    env = os.environ.get("RECP_DATA_DIR")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / "RECP Audit"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "RECP Audit"
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / "recp-audit"


def demo_audit_path() -> Path:
    """Where the user's copy of the demo audit lives."""
    return user_data_dir() / DEMO_FILE_NAME


def demo_version_of(path: Path) -> int | None:
    """The demo version stored in ``path``; None when missing, unreadable or not a demo."""
    if not path.is_file():
        return None
    try:
        with AuditFile.open(path, read_only=True) as af:
            return af.get_setting(DEMO_VERSION_SETTING)
    except UserError:
        return None


def ensure_demo_audit() -> Path:
    """The demo audit's path, (re)building the file when missing, damaged or outdated.

    When another window has an outdated demo open, that copy is left alone and returned: the
    app opens it read-only rather than pulling the file from under the other window.
    """
    from app.core.demo import DEMO_VERSION

    path = demo_audit_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if demo_version_of(path) == DEMO_VERSION:
        return path
    try:
        return write_demo_file(path, replace=True)
    except UserError as exc:
        if exc.problem.key == "demo.in_use" and path.is_file():
            return path
        # Two windows starting at once both found no demo: the other one wrote it first.
        if demo_version_of(path) == DEMO_VERSION:
            return path
        raise


def write_demo_file(path: str | os.PathLike, *, replace: bool = False) -> Path:
    """Write the demo audit to ``path``; an existing file is replaced only when ``replace``.

    The file is built beside the target (with its ``demo_version`` setting) and moved into place
    in one step, so the target is either absent, the old file or the complete new one.
    """
    path = Path(path)
    loc = Location(file=str(path))
    if path.is_dir():
        raise UserError.of("demo.is_directory", loc, path=str(path))
    if not path.parent.is_dir():
        raise UserError.of("demo.folder_missing", loc, path=str(path.parent))
    exists = path.exists() or path.is_symlink()
    if exists and not replace:
        raise UserError.of("demo.exists", loc, path=str(path))
    lock = FileLock(path)
    if exists:
        # Never pull a file from under a window that has it open.
        try:
            got = lock.acquire()
        except OSError:
            got = False
        if not got:
            raise UserError.of("demo.in_use", loc, path=str(path))
    temp = path.with_name(f".{path.name}.{os.getpid()}.demo")
    try:
        temp.unlink(missing_ok=True)
        _build(temp)
        if exists:
            # SQLite would replay a stale -wal of the old file onto the new one: drop them
            # first (we hold the lock, so no instance of the app is using them).
            for side in (Path(f"{path}-wal"), Path(f"{path}-shm")):
                side.unlink(missing_ok=True)
            os.replace(temp, path)
        else:
            _link_new(temp, path, replace, loc)
    except OSError as exc:
        raise UserError.of("demo.write_failed", loc, detail=os_reason(exc)) from exc
    finally:
        temp.unlink(missing_ok=True)
        lock.release()
    return path


def _build(path: Path) -> None:
    from app.core.demo import DEMO_VERSION, build_demo_audit

    with AuditFile.create(path, build_demo_audit()) as af:
        af.set_setting(DEMO_VERSION_SETTING, DEMO_VERSION)


def _link_new(temp: Path, path: Path, replace: bool, loc: Location) -> None:
    """Move ``temp`` to ``path`` unless a file appeared there meanwhile (and may not be replaced)."""
    try:
        os.link(temp, path)  # atomic and never overwrites
    except FileExistsError:
        if not replace:
            raise UserError.of("demo.exists", loc, path=str(path)) from None
        # Another process wrote the demo a moment ago: theirs is as good as ours.
    except OSError:  # a file system without hard links
        if path.exists() and not replace:
            raise UserError.of("demo.exists", loc, path=str(path)) from None
        os.replace(temp, path)
