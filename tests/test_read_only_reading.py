"""Reading never writes: every reading command leaves the audit, its side files and its folder
byte-for-byte as they were, whatever state the file is in (pristine demo, a crash's WAL, a hot
rollback journal, a newer schema, read-only file and folder, another window editing it).

The hash covers every file in the folder (the audit, -wal, -shm, -journal, lock, backups), so a
backup tag, a checkpoint, a journal-mode change, a rebuilt -shm or a leftover lock all fail it.
Tests run as root, for whom chmod does not stop a write: the read-only cases therefore prove the
app does not try, not that the system refused.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app import cli
from app.store import schema
from app.store.auditfile import AuditFile
from app.store.demo_file import write_demo_file

ROOT = Path(__file__).resolve().parent.parent

READING = (
    ["info"],
    ["info", "--json"],
    ["check"],
    ["findings", "--json"],
    ["indicators"],
    ["options"],
)


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def demo_bytes(tmp_path_factory) -> bytes:
    return write_demo_file(tmp_path_factory.mktemp("demo") / "demo.recp").read_bytes()


def pristine(folder: Path, demo: bytes) -> Path:
    path = folder / "demo.recp"
    path.write_bytes(demo)
    return path


def crashed_wal(folder: Path, demo: bytes) -> Path:
    """The audit, its -wal holding committed frames and its -shm, as a killed writer left them."""
    live = folder / "live"
    live.mkdir()
    src = pristine(live, demo)
    conn = sqlite3.connect(src, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE audit_info SET data = json_set(data, '$.title', 'after the crash')")
    path = folder / "demo.recp"
    for suffix in ("", "-wal", "-shm"):
        shutil.copyfile(f"{src}{suffix}", f"{path}{suffix}")
    conn.close()
    shutil.rmtree(live)
    return path


def hot_journal(folder: Path, demo: bytes) -> Path:
    """A rollback-journal audit caught mid-transaction: pages already in the file, the
    originals in a hot -journal. Reading it means rolling back, which a reader must not do to
    the original."""
    live = folder / "live"
    live.mkdir()
    src = pristine(live, demo)
    conn = sqlite3.connect(src, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA cache_size=1")  # spill changed pages into the file before commit
    conn.execute("BEGIN")
    conn.execute("UPDATE audit_info SET data = json_set(data, '$.title', 'half-written')")
    conn.execute("UPDATE records SET note = 'half-written ' || hex(randomblob(200))")
    path = folder / "demo.recp"
    for suffix in ("", "-journal"):
        shutil.copyfile(f"{src}{suffix}", f"{path}{suffix}")
    conn.execute("ROLLBACK")
    conn.close()
    shutil.rmtree(live)
    assert Path(f"{path}-journal").stat().st_size > 0
    return path


def rollback_journal_mode(folder: Path, demo: bytes) -> Path:
    path = pristine(folder, demo)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    return path


def newer_schema(folder: Path, demo: bytes) -> Path:
    path = pristine(folder, demo)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 1}")
    conn.close()
    return path


STATES = [pristine, crashed_wal, hot_journal, rollback_journal_mode, newer_schema]


def read_everything(path: Path, tmp_out: Path, capsys) -> dict[str, str]:
    """Run every reading command and the portfolio's read; returns each one's output."""
    outputs = {}
    for argv in READING:
        code = cli.main(["--lang", "en", argv[0], str(path), *argv[1:]])
        out = capsys.readouterr()
        assert "Traceback" not in out.err
        assert code in (0, 1), (argv, out.err)
        outputs[" ".join(argv)] = out.out
    with AuditFile.open(path, read_only=True) as af:  # what a portfolio does per file
        assert af.read_only
        audit = af.load()
        for photo in audit.photos:
            assert af.photo_jpeg(photo.id)[:2] == b"\xff\xd8"
        af.meta()
        af.check()
        with af.writer() as other:  # a worker thread's handle reads the same way
            assert other.load_info().title == audit.info.title
    return outputs


@pytest.mark.parametrize("make", STATES, ids=[m.__name__ for m in STATES])
def test_reading_commands_leave_every_byte(tmp_path, demo_bytes, make, capsys):
    folder = tmp_path / "audits"
    folder.mkdir()
    path = make(folder, demo_bytes)
    before = snapshot(folder)
    outputs = read_everything(path, tmp_path, capsys)
    assert snapshot(folder) == before
    title = json.loads(outputs["info --json"])["title"]
    if make is crashed_wal:
        assert title == "after the crash"  # the WAL's committed edit is read, not lost
    elif make is hot_journal:
        assert title != "half-written"  # the unfinished transaction is rolled back (in a copy)
    # A later writing session still recovers the real file as SQLite would.
    if make is not newer_schema:
        with AuditFile.open(path, backup=False) as af:
            assert af.load_info().title == title


def test_export_leaves_every_byte(tmp_path, demo_bytes, capsys):
    folder = tmp_path / "audits"
    folder.mkdir()
    path = crashed_wal(folder, demo_bytes)
    before = snapshot(folder)
    out = tmp_path / "report.xlsx"
    assert cli.main(["--lang", "en", "export", str(path), "--out", str(out)]) == 0
    assert out.stat().st_size > 0
    assert snapshot(folder) == before


def test_read_only_file_in_read_only_folder(tmp_path, demo_bytes, capsys):
    """An evidence copy: file 0444 in a folder 0555. Root could still write there; the app
    must not try (no lock, no -wal/-shm, no backup folder, no checkpoint)."""
    folder = tmp_path / "evidence"
    folder.mkdir()
    path = crashed_wal(folder, demo_bytes)
    for side in folder.iterdir():
        side.chmod(0o444)
    folder.chmod(0o555)
    try:
        before = snapshot(folder)
        names = sorted(p.name for p in folder.iterdir())
        read_everything(path, tmp_path, capsys)
        assert (
            cli.main(["--lang", "en", "export", str(path), "--out", str(tmp_path / "r.pdf")]) == 0
        )
        assert snapshot(folder) == before
        assert sorted(p.name for p in folder.iterdir()) == names
    finally:
        folder.chmod(0o755)


def test_a_pristine_file_is_read_immutable(tmp_path, demo_bytes):
    """No -wal or -shm appears while a read-only handle is open (SQLite's immutable mode)."""
    path = pristine(tmp_path, demo_bytes)
    with AuditFile.open(path, read_only=True) as af:
        af.load()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.recp", "demo.recp.lock"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.recp"]


def test_only_a_writing_session_makes_a_backup(tmp_path, demo_bytes):
    path = pristine(tmp_path, demo_bytes)
    AuditFile.open(path, read_only=True).close()
    assert not path.with_name(path.name + "-backups").exists()
    AuditFile.open(path).close()
    assert path.with_name(path.name + "-backups").is_dir()


HOLDER = textwrap.dedent(
    """
    import sys
    from app.store.auditfile import AuditFile
    from app.core import model
    af = AuditFile.open(sys.argv[1], backup=False)
    af.put(model.TeamMember(id="t-live", name="Writer"))
    print("ready", flush=True)
    sys.stdin.read()
    af.close()
    """
)


def test_reading_while_another_process_edits(tmp_path, demo_bytes, capsys):
    """With a live writer the reader goes through its WAL (mode=ro) and sees its commits; the
    main file is untouched (the writer checkpoints, not the reader)."""
    path = pristine(tmp_path, demo_bytes)
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
        with AuditFile.open(path, read_only=True) as af:
            assert af.read_only_reason.key == "store.readonly.locked"
            assert "t-live" in {m.id for m in af.load().team}
        assert cli.main(["--lang", "en", "info", str(path)]) == 0
        capsys.readouterr()
        assert hashlib.sha256(path.read_bytes()).hexdigest() == main_file
    finally:
        holder.communicate("", timeout=10)
