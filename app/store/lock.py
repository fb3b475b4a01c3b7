"""An advisory lock on an audit file, so a second window or process opens it read-only.

The lock is ``PATH.lock`` holding who took it (pid, host, user, time), locked with
``fcntl.flock`` (``msvcrt.locking`` on Windows) on an open handle: when the holder crashes or is
killed, the operating system drops the lock with the process, so no stale lock ever blocks the
auditor. Two opens in the same process conflict as well (flock locks belong to the open file
description), which is what a second window needs.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from datetime import datetime
from pathlib import Path

if sys.platform == "win32":  # also run on Linux by tests/test_lock_windows.py (a stand-in)
    import msvcrt

    _WIN_OFFSET = 1 << 20  # lock a byte past the owner text so others can still read it

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, _WIN_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, _WIN_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class FileLock:
    """``acquire()`` returns False when another process or window holds the lock."""

    def __init__(self, path: Path):
        self.path = lock_path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock without waiting. Raises OSError when the lock file cannot be made."""
        for _ in range(5):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                os.close(fd)
                return False
            # The holder we raced with may have unlinked the file between our open and lock:
            # then we hold a lock on a ghost; retry on the file now at the path.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if not same:
                _unlock(fd)
                os.close(fd)
                continue
            owner = {
                "pid": os.getpid(),
                "host": _host(),
                "user": _user(),
                "since": datetime.now().astimezone().isoformat(timespec="seconds"),
            }
            # Write, then cut to length: truncating a fresh file to zero first makes ext4 flush
            # it to disk on close (its replace-by-truncate heuristic), costing milliseconds.
            data = json.dumps(owner).encode()
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, data)
            if os.fstat(fd).st_size > len(data):
                os.ftruncate(fd, len(data))
            self._fd = fd
            return True
        return False

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            # Unlink while still holding the lock, so nobody locks a file about to vanish
            # without noticing (acquire() re-checks the inode).
            self.path.unlink(missing_ok=True)
        except OSError:
            pass
        _unlock(fd)
        os.close(fd)

    def owner(self) -> dict:
        """Who holds the lock, as written by the holder (empty when unreadable)."""
        try:
            return json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return {}


# socket and pwd are imported only when needed: importing them costs milliseconds on the
# GUI's start-up path, and the environment and os.uname() answer first in the common case.


@functools.cache  # a few system calls per open otherwise; neither changes while the app runs
def _host() -> str:
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


@functools.cache
def _user() -> str:
    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):  # getpass.getuser's own order
        if os.environ.get(var):
            return os.environ[var]
    try:
        import pwd  # what getpass.getuser asks next, without getpass's own imports (termios)

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError, AttributeError):  # Windows; a uid with no name (sandboxes)
        return ""
