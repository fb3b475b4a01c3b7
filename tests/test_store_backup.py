"""The on-open backup made in a background thread (the GUI's open): no edit reaches the file
before a backup of the state at open exists, even when the thread's copy fails."""

from __future__ import annotations

import copy
import sqlite3
import threading

import pytest

from app.core import model
from app.core.errors import UserError
from app.store import auditfile, backups
from app.store.auditfile import AuditFile
from tests.sample_store import sample_audit, without_jpeg


@pytest.fixture
def changed_file(tmp_path):
    """An audit file edited since its last backup, and the audit it holds."""
    audit = sample_audit(streams=4, months=12, findings=3, options=4, photos=2)
    path = tmp_path / "a.recp"
    AuditFile.create(path, copy.deepcopy(audit)).close()
    return path, audit


def _slow_backup(monkeypatch, started: threading.Event, release: threading.Event):
    real = backups.make_backup

    def slow(conn, path, modified, keep=backups.KEEP, force=False):
        if threading.current_thread() is not threading.main_thread():
            started.set()
            release.wait(10)
        return real(conn, path, modified, keep=keep, force=force)

    monkeypatch.setattr(backups, "make_backup", slow)


def test_open_returns_before_the_backup_and_the_first_edit_waits_for_it(changed_file, monkeypatch):
    path, audit = changed_file
    started, release = threading.Event(), threading.Event()
    _slow_backup(monkeypatch, started, release)
    af = AuditFile.open(path, background_backup=True)
    try:
        assert started.wait(10)  # the copy is under way in its thread...
        assert backups.list_backups(path) == []  # ...not finished, yet open returned
        assert af.load() == without_jpeg(copy.deepcopy(audit))  # reading goes on meanwhile
        threading.Timer(0.2, release.set).start()
        af.put(model.Product("Vải mới"))  # waits for the copy, which waits for the release
        assert release.is_set() and len(backups.list_backups(path)) == 1
    finally:
        release.set()
        af.close()
    saved = backups.list_backups(path)
    assert len(saved) == 1
    with AuditFile.open(saved[0], read_only=True) as old:  # the state at open, not the edit
        assert old.load() == without_jpeg(copy.deepcopy(audit))
    with AuditFile.open(path, read_only=True) as now:
        assert len(now.load().products) == len(audit.products) + 1


def test_a_failed_background_copy_is_made_again_before_the_first_edit(changed_file, monkeypatch):
    path, audit = changed_file
    real = backups.make_backup
    calls = []

    def fail_in_thread(conn, *args, **kwargs):
        calls.append(threading.current_thread() is threading.main_thread())
        if not calls[-1]:
            raise OSError(28, "No space left on device")
        return real(conn, *args, **kwargs)

    monkeypatch.setattr(backups, "make_backup", fail_in_thread)
    with AuditFile.open(path, background_backup=True) as af:
        af._pending_backup.join()
        assert backups.list_backups(path) == []
        af.put(model.Product("Vải mới"))
    assert calls == [False, True]
    saved = backups.list_backups(path)
    assert len(saved) == 1
    with AuditFile.open(saved[0], read_only=True) as old:
        assert old.load() == without_jpeg(copy.deepcopy(audit))


def test_no_edit_is_written_when_no_backup_can_be_made(changed_file, monkeypatch):
    path, audit = changed_file

    def always_fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "make_backup", always_fail)
    with AuditFile.open(path, background_backup=True) as af:
        with pytest.raises(UserError) as exc:
            af.put(model.Product("Vải mới"))
        assert exc.value.problem.key == "store.write_failed"
    with AuditFile.open(path, read_only=True) as now:
        assert now.load() == without_jpeg(copy.deepcopy(audit))


def test_a_worker_threads_writer_waits_for_the_backup_too(changed_file, monkeypatch):
    path, audit = changed_file
    started, release = threading.Event(), threading.Event()
    _slow_backup(monkeypatch, started, release)
    with AuditFile.open(path, background_backup=True) as af:
        assert started.wait(10)
        done = []

        def work():  # a writer is opened, used and closed in its worker thread
            with af.writer() as writer:
                writer.put(model.Product("Vải mới"))
            done.append(release.is_set())

        threading.Timer(0.2, release.set).start()
        edit = threading.Thread(target=work)
        edit.start()
        edit.join(10)
        assert done == [True]  # it committed only after the backup could finish
    with AuditFile.open(backups.list_backups(path)[0], read_only=True) as old:
        assert len(old.load().products) == len(audit.products)


def test_close_waits_for_the_backup_so_it_is_complete(changed_file, monkeypatch):
    path, _audit = changed_file
    started, release = threading.Event(), threading.Event()
    _slow_backup(monkeypatch, started, release)
    af = AuditFile.open(path, background_backup=True)
    assert started.wait(10)
    threading.Timer(0.2, release.set).start()
    af.close()
    saved = backups.list_backups(path)
    assert len(saved) == 1 and not list(saved[0].parent.glob("*.partial"))


def test_an_unchanged_file_starts_no_backup_thread(changed_file):
    path, _audit = changed_file
    AuditFile.open(path).close()  # the synchronous backup of this state
    with AuditFile.open(path, background_backup=True) as af:
        af.wait_for_backup()
    assert len(backups.list_backups(path)) == 1


def test_one_read_write_connection_and_a_crashed_wal_is_verified_read_only_first(
    changed_file, monkeypatch
):
    """The fast open uses one connection; a WAL left with frames takes the careful path."""
    path, _audit = changed_file
    opened = []
    for name in ("_connect_ro", "_connect_rw", "_connect_rw_query_only"):
        real = getattr(auditfile, name)
        monkeypatch.setattr(
            auditfile, name, lambda p, _n=name, _r=real: (opened.append(_n), _r(p))[1]
        )
    AuditFile.open(path, backup=False).close()
    assert opened == ["_connect_rw_query_only"]
    # A WAL with frames, as a killed process leaves it: this handle stays open meanwhile.
    holder = auditfile._connect_rw(path)
    holder.execute("UPDATE meta SET value = 'x' WHERE key = 'modified'")
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    opened.clear()
    with AuditFile.open(path, backup=False) as af:
        assert not af.read_only
    holder.close()
    assert opened == ["_connect_ro", "_connect_rw"]


def _content(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every row of every table (blobs included), in a stable order."""
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}


def _copied_how(monkeypatch) -> list[bool]:
    """Records, for each copy made, whether it took the file-copy path (True) or the backup
    API (False)."""
    real, seen = backups._copy_file_locked, []

    def spy(conn, partial):
        seen.append(real(conn, partial))
        return seen[-1]

    monkeypatch.setattr(backups, "_copy_file_locked", spy)
    return seen


def _check_copy(target, expected: dict) -> None:
    assert target.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL: one file
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert _content(conn) == expected
    finally:
        conn.close()
    assert not target.with_name(target.name + "-wal").exists()
    assert not list(target.parent.glob("*.partial"))


def test_a_writer_copies_the_file_bytes_with_the_commits_still_in_the_wal(
    changed_file, monkeypatch, tmp_path
):
    path, _audit = changed_file
    how = _copied_how(monkeypatch)
    with AuditFile.open(path, backup=False) as af:
        af.put(model.Product("Vải mới"))
        assert path.with_name(path.name + "-wal").stat().st_size > 0  # not checkpointed yet
        expected = _content(af._conn)
        target = tmp_path / "copy.recp"
        backups.copy_database(af._conn, target)
        assert how == [True]
        assert not af._conn.in_transaction  # the write lock was given back
        af.put(model.Product("Sau bản sao"))  # and the file is still writable
    _check_copy(target, expected)
    assert "Vải mới" in repr(expected["products"])


def test_a_reader_holding_the_wal_back_gets_a_page_by_page_copy_of_the_last_commit(
    changed_file, monkeypatch, tmp_path
):
    path, _audit = changed_file
    how = _copied_how(monkeypatch)
    with AuditFile.open(path, backup=False) as af:
        reader = sqlite3.connect(path, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT COUNT(*) FROM products").fetchone()  # holds an older snapshot
        af.put(model.Product("Vải mới"))  # these frames cannot reach the file yet
        expected = _content(af._conn)
        target = tmp_path / "copy.recp"
        backups.copy_database(af._conn, target)
        reader.close()
    assert how == [False]
    _check_copy(target, expected)
    assert "Vải mới" in repr(expected["products"])


def test_a_read_only_connection_copies_page_by_page(changed_file, monkeypatch, tmp_path):
    path, _audit = changed_file
    how = _copied_how(monkeypatch)
    with AuditFile.open(path, backup=False) as af:
        af.put(model.Product("Vải mới"))
        expected = _content(af._conn)
        ro = auditfile._connect_ro(path)
        target = tmp_path / "copy.recp"
        backups.copy_database(ro, target)
        ro.close()
    assert how == [False]
    _check_copy(target, expected)


def test_a_file_the_system_will_not_copy_while_locked_is_copied_page_by_page(
    changed_file, monkeypatch, tmp_path
):
    path, _audit = changed_file
    how = _copied_how(monkeypatch)

    def refused(src, dst, *args, **kwargs):
        open(dst, "wb").write(b"half")  # noqa: SIM115 (a partial write, then the refusal)
        raise PermissionError(13, "The process cannot access the file (locked region)")

    monkeypatch.setattr(backups.shutil, "copyfile", refused)
    with AuditFile.open(path, backup=False) as af:
        af.put(model.Product("Vải mới"))
        expected = _content(af._conn)
        target = tmp_path / "copy.recp"
        backups.copy_database(af._conn, target)
        assert not af._conn.in_transaction
    assert how == [False]
    _check_copy(target, expected)


class _CommitBeforeLock:
    """``conn``, with another connection committing just before it takes the write lock: the
    moment between the checkpoint and the lock."""

    def __init__(self, conn: sqlite3.Connection, other: sqlite3.Connection):
        self.conn, self.other = conn, other

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def execute(self, sql: str, *args):
        if sql == "BEGIN IMMEDIATE":
            self.other.execute("UPDATE meta SET value = 'raced' WHERE key = 'modified'")
        return self.conn.execute(sql, *args)

    def backup(self, dest) -> None:
        self.conn.backup(dest)


def test_a_commit_between_the_checkpoint_and_the_lock_is_not_lost(
    changed_file, monkeypatch, tmp_path
):
    path, _audit = changed_file
    how = _copied_how(monkeypatch)
    with AuditFile.open(path, backup=False) as af:
        other = sqlite3.connect(path, isolation_level=None)
        target = tmp_path / "copy.recp"
        backups.copy_database(_CommitBeforeLock(af._conn, other), target)  # type: ignore[arg-type]
        other.close()
        expected = _content(af._conn)
    assert how == [False]  # its pages are in the WAL, not the file: copied page by page
    _check_copy(target, expected)
    assert "'raced'" in repr(expected["meta"])


def test_a_writer_at_work_is_not_waited_for(changed_file, monkeypatch, tmp_path):
    """Another connection in a write transaction (a worker thread's commit): the copy does not
    wait on the busy timeout for it but copies the last commit page by page beside it."""
    path, _audit = changed_file
    how = _copied_how(monkeypatch)
    with AuditFile.open(path, backup=False) as af:
        af.put(model.Product("Vải mới"))
        expected = _content(af._conn)
        busy_before = af._conn.execute("PRAGMA busy_timeout").fetchone()[0]
        worker = sqlite3.connect(path, isolation_level=None)
        worker.execute("BEGIN IMMEDIATE")
        worker.execute("UPDATE meta SET value = 'not yet' WHERE key = 'modified'")
        target = tmp_path / "copy.recp"
        backups.copy_database(af._conn, target)
        worker.execute("ROLLBACK")
        worker.close()
        assert af._conn.execute("PRAGMA busy_timeout").fetchone()[0] == busy_before == 5000
    assert how == [False]
    _check_copy(target, expected)
