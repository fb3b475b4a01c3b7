"""Operating-system failures are explained in the message's language, not the system's English."""

from __future__ import annotations

import errno
import io
import tempfile

import pytest

from app.core.errors import UserError, os_reason
from app.core.messages import catalogue, render, text
from app.reports.safe_write import write_atomically


@pytest.mark.parametrize("name", ["EACCES", "ENOSPC", "EROFS", "EIO"])
def test_known_reasons_are_translated(name):
    exc = OSError(getattr(errno, name), "system text")
    for lang in ("vi", "en"):
        shown = text("store.write_failed", lang, detail=os_reason(exc))
        assert catalogue()[f"os.{name}"][lang] in shown
        assert "system text" not in shown and "os:" not in shown


def test_unknown_reason_keeps_the_system_text():
    exc = OSError(errno.ENOEXEC, "Exec format error")
    assert os_reason(exc) == "Exec format error"
    assert "Exec format error" in text("store.read_failed", "vi", detail=os_reason(exc))


def test_a_full_disk_while_exporting_says_so_in_vietnamese(tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", full)
    with pytest.raises(UserError) as info:
        write_atomically(tmp_path / "r.pdf", lambda tmp: io.BytesIO())
    vi = render(info.value.problem, "vi")
    assert "ổ đĩa đã đầy" in vi and "No space" not in vi
    assert "the disk is full" in render(info.value.problem, "en")
    assert not list(tmp_path.iterdir())  # nothing half-written
