"""The Windows branch of the audit-file lock (``msvcrt.locking``), run here against a stand-in.

The stand-in gives ``msvcrt.locking`` Windows' semantics with Linux open-file-description locks:
a byte range locked through one handle refuses every other handle, in this process too, and a
non-blocking lock that cannot be had raises OSError. It checks our use of it: the locked byte
lies past the owner text (so a second window can still read who holds the file), the lock is
per handle, and releasing lets the next opener in.
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
import struct
import sys
import types

import pytest

pytestmark = pytest.mark.skipif(
    not hasattr(fcntl, "F_OFD_SETLK"), reason="needs Linux open-file-description locks"
)

LK_UNLCK, LK_LOCK, LK_NBLCK = 0, 1, 2


def _fake_msvcrt() -> types.ModuleType:
    fake = types.ModuleType("msvcrt")
    fake.LK_UNLCK, fake.LK_LOCK, fake.LK_NBLCK = LK_UNLCK, LK_LOCK, LK_NBLCK
    fake.calls = []

    def locking(fd: int, mode: int, nbytes: int) -> None:
        start = os.lseek(fd, 0, os.SEEK_CUR)  # msvcrt locks from the file position
        fake.calls.append((mode, start, nbytes))
        kind = fcntl.F_UNLCK if mode == LK_UNLCK else fcntl.F_WRLCK
        # struct flock: l_type, l_whence, l_start, l_len, l_pid (0 for OFD locks)
        fcntl.fcntl(fd, fcntl.F_OFD_SETLK, struct.pack("hhqqi4x", kind, 0, start, nbytes, 0))

    fake.locking = locking
    return fake


@pytest.fixture
def win_lock(monkeypatch):
    """A private copy of app/store/lock.py loaded as on Windows (sys.platform win32, msvcrt the
    stand-in); the real module, which the store uses, is left as it is."""
    import app.store.lock as real

    fake = _fake_msvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(sys, "platform", "win32")
    spec = importlib.util.spec_from_file_location("lock_as_on_windows", real.__file__)
    win = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(win)
    monkeypatch.undo()  # the copy keeps its Windows functions; the process is itself again
    return win, fake


def test_windows_branch_is_the_one_loaded(win_lock):
    win, fake = win_lock
    assert "msvcrt" in win._try_lock.__code__.co_names  # not fcntl.flock
    assert win.msvcrt is fake and not hasattr(win, "fcntl")


def test_second_handle_is_refused_and_can_read_the_owner(win_lock, tmp_path):
    win, fake = win_lock
    audit = tmp_path / "a.recp"
    first, second = win.FileLock(audit), win.FileLock(audit)
    assert first.acquire()
    assert not second.acquire()  # same process, other handle: refused, as on Windows
    owner = second.owner()  # the owner text is outside the locked byte
    assert owner["pid"] == os.getpid() and owner["user"]
    # every lock call was one byte far past the owner text
    assert all(n == 1 and start == win._WIN_OFFSET for _, start, n in fake.calls)
    assert win._WIN_OFFSET > len(win.lock_path(audit).read_bytes())
    first.release()
    assert second.acquire()  # released: the next opener gets it
    assert (LK_UNLCK, win._WIN_OFFSET, 1) in fake.calls
    second.release()
    assert not second.held


def test_a_lock_left_by_a_closed_handle_does_not_block(win_lock, tmp_path):
    win, _ = win_lock
    audit = tmp_path / "b.recp"
    holder = win.FileLock(audit)
    assert holder.acquire()
    os.close(holder._fd)  # what the OS does when the holding process dies
    holder._fd = None
    assert win.FileLock(audit).acquire()
