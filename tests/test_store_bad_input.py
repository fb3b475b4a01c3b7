"""Bad audit files: each refused (or opened read-only) with a catalogue message, CLI exit 1,
and the file and its folder byte-for-byte as they were (no -wal/-shm/lock/backup litter)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app import cli
from app.core.errors import UserError
from app.core.messages import render
from app.store import schema
from app.store.auditfile import AuditFile
from tests.sample_store import sample_audit

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def only_store_commands(monkeypatch):
    """The real dispatcher, with only this area's commands (others' may be mid-work)."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("info", "check"))


def main(argv: list[str]) -> int:
    return cli.main(argv)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its content hash."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def make_audit(path: Path) -> Path:
    AuditFile.create(path, sample_audit(streams=3, findings=3, options=3)).close()
    return path


def truncated(tmp: Path) -> Path:
    path = make_audit(tmp / "cut.recp")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def zeroed(tmp: Path) -> Path:
    path = make_audit(tmp / "zero.recp")
    path.write_bytes(bytes(path.stat().st_size))
    return path


def scrambled(tmp: Path) -> Path:
    """Header intact, pages in the middle overwritten (a bad sector, a failed copy)."""
    path = make_audit(tmp / "scrambled.recp")
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 : page * 6] = os.urandom(page * 4)
    path.write_bytes(bytes(data))
    return path


def not_sqlite(tmp: Path) -> Path:
    path = tmp / "notes.recp"
    path.write_text("Biên bản khảo sát, không phải tệp đánh giá\n", encoding="utf-8")
    return path


def empty(tmp: Path) -> Path:
    path = tmp / "empty.recp"
    path.write_bytes(b"")
    return path


def other_sqlite(tmp: Path) -> Path:
    path = tmp / "contacts.recp"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.execute("INSERT INTO people VALUES ('An')")
    conn.commit()
    conn.close()
    return path


def other_sqlite_in_wal(tmp: Path) -> Path:
    path = other_sqlite(tmp)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    return path


def recp_id_without_tables(tmp: Path) -> Path:
    path = tmp / "hollow.recp"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    return path


def missing(tmp: Path) -> Path:
    return tmp / "nowhere.recp"


def directory(tmp: Path) -> Path:
    path = tmp / "folder.recp"
    path.mkdir()
    return path


REFUSED = [
    (missing, "store.not_found"),
    (directory, "store.is_directory"),
    (not_sqlite, "store.not_sqlite"),
    (empty, "store.empty"),
    (truncated, "store.damaged"),
    (zeroed, "store.damaged"),
    (scrambled, "store.damaged"),
    (other_sqlite, "store.not_audit"),
    (other_sqlite_in_wal, "store.not_audit"),
    (recp_id_without_tables, "store.damaged"),
]


@pytest.mark.parametrize("make, key", REFUSED, ids=[m.__name__ for m, _ in REFUSED])
def test_bad_file_is_refused_and_left_unchanged(tmp_path, make, key, capsys):
    path = make(tmp_path)
    before = snapshot(tmp_path)
    with pytest.raises(UserError) as exc:
        AuditFile.open(path)
    assert exc.value.problem.key == key
    assert exc.value.problem.location.file == str(path)
    for lang in ("vi", "en"):
        message = render(exc.value.problem, lang)
        assert str(path) in message and key not in message
    for command in ("info", "check"):
        capsys.readouterr()
        assert main(["--lang", "en", command, str(path)]) == 1
        out = capsys.readouterr()
        assert out.err.strip() == render(exc.value.problem, "en")
        assert "Traceback" not in out.err
    assert snapshot(tmp_path) == before


def test_vietnamese_message_for_a_damaged_file(tmp_path, capsys):
    path = zeroed(tmp_path)
    assert main(["--lang", "vi", "check", str(path)]) == 1
    assert "bị hỏng" in capsys.readouterr().err


def _newer(tmp: Path) -> Path:
    path = make_audit(tmp / "future.recp")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 1}")
    conn.close()
    return path


def test_newer_schema_opens_read_only_and_is_never_written(tmp_path, capsys):
    path = _newer(tmp_path)
    before = snapshot(tmp_path)
    with AuditFile.open(path) as af:
        assert af.read_only
        assert af.read_only_reason.key == "store.readonly.newer_version"
        assert af.load().streams
        with pytest.raises(UserError) as exc:
            af.set_setting("x", 1)
        assert exc.value.problem.key == "store.read_only"
    assert main(["--lang", "en", "check", str(path)]) == 1
    assert "newer version" in capsys.readouterr().out
    assert main(["--lang", "en", "info", str(path)]) == 0  # reading still works
    assert "newer version" in capsys.readouterr().err
    assert snapshot(tmp_path) == before


def test_read_only_file_opens_read_only_and_is_never_written(tmp_path, capsys):
    path = make_audit(tmp_path / "ro.recp")
    path.chmod(0o444)
    before = snapshot(tmp_path)
    try:
        with AuditFile.open(path) as af:
            assert af.read_only_reason.key == "store.readonly.no_permission"
            audit = af.load()
            with pytest.raises(UserError) as exc:
                af.put(audit.products[0])
            assert "read-only" in render(exc.value.problem, "en")
        assert main(["--lang", "en", "check", str(path)]) == 1
        assert "no permission to write" in capsys.readouterr().out
        assert snapshot(tmp_path) == before
    finally:
        path.chmod(0o644)


def test_unwritable_folder_opens_read_only(tmp_path, monkeypatch):
    path = make_audit(tmp_path / "a.recp")
    before = snapshot(tmp_path)

    def no_lock(self):
        raise PermissionError(13, "read-only file system")

    monkeypatch.setattr("app.store.lock.FileLock.acquire", no_lock)
    with AuditFile.open(path) as af:
        assert af.read_only_reason.key == "store.readonly.folder"
    # (Only the lock is simulated: the folder stays writable, so SQLite's side files may appear.)
    assert snapshot(tmp_path)["a.recp"] == before["a.recp"]


def test_second_open_in_the_same_process_is_read_only(tmp_path):
    path = make_audit(tmp_path / "a.recp")
    with AuditFile.open(path) as first:
        with AuditFile.open(path) as second:
            assert second.read_only
            assert second.read_only_reason.params["pid"] == os.getpid()
            first.put(sample_audit(streams=1).products[0])
            assert len(second.load().products) == 2  # sees the writer's commits
    with AuditFile.open(path) as third:  # lock released on close
        assert not third.read_only


HOLDER = textwrap.dedent(
    """
    import sys
    from app.store.auditfile import AuditFile
    af = AuditFile.open(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.read()
    af.close()
    """
)


def test_audit_open_in_another_process_opens_read_only(tmp_path, capsys):
    path = make_audit(tmp_path / "shared.recp")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        main_file = hashlib.sha256(path.read_bytes()).hexdigest()
        with AuditFile.open(path) as af:
            assert af.read_only
            reason = af.read_only_reason
            assert reason.key == "store.readonly.locked"
            assert reason.params["pid"] == holder.pid
            assert af.load().streams
        assert main(["--lang", "en", "check", str(path)]) == 1
        assert f"process {holder.pid}" in capsys.readouterr().out
        assert main(["--lang", "vi", "info", str(path)]) == 0
        assert "đang được mở ở nơi khác" in capsys.readouterr().err
        assert hashlib.sha256(path.read_bytes()).hexdigest() == main_file
    finally:
        holder.communicate("", timeout=10)
    with AuditFile.open(path) as af:  # the holder closed: writable again
        assert not af.read_only
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared.recp", "shared.recp-backups"]


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    path = make_audit(tmp_path / "a.recp")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "ready"
    holder.kill()
    holder.wait()
    with AuditFile.open(path) as af:
        assert not af.read_only
