"""Write an export so that a failure never leaves a half-written file at the target path.

The content goes to a temporary file in the target's own folder (same file system, so the final
``os.replace`` is atomic), and only a complete file is renamed into place.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.core.errors import Location, UserError, os_reason


def write_atomically(target: str | os.PathLike, write: Callable[[str], None]) -> Path:
    """Call ``write(tmp_path)`` then move the finished file to ``target``.

    Raises ``UserError`` (key ``report.error.cannot_write``) when the folder is missing or not
    writable, or the target cannot be replaced; any temporary file is removed.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError.of("report.error.no_folder", Location(file=str(target)), folder=str(folder))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise UserError.of(
            "report.error.cannot_write", Location(file=str(target)), detail=os_reason(exc)
        ) from exc
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise UserError.of(
            "report.error.cannot_write", Location(file=str(target)), detail=os_reason(exc)
        ) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target
