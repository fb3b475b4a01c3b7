"""``python -m app demo`` and the per-user demo file the GUI opens."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.core.demo import DEMO_VERSION, build_demo_audit
from app.store import demo_file
from app.store.auditfile import AuditFile
from app.store.demo_file import demo_audit_path, ensure_demo_audit, user_data_dir

ROOT = Path(__file__).resolve().parent.parent


def without_photo_bytes(audit):
    """What ``load()`` returns: photos without their full JPEG (fetched on demand)."""
    return dataclasses.replace(
        audit, photos=[dataclasses.replace(p, jpeg=None) for p in audit.photos]
    )


def test_demo_command_writes_the_demo_audit(tmp_path, capsys):
    path = tmp_path / "demo.recp"
    assert main(["--lang", "en", "demo", str(path)]) == 0
    out = capsys.readouterr().out
    assert str(path) in out and "Demo audit written" in out
    built = build_demo_audit()
    with AuditFile.open(path, read_only=True) as af:
        assert af.get_setting("demo_version") == DEMO_VERSION
        assert af.load() == without_photo_bytes(built)
        for photo in built.photos:
            assert af.photo_jpeg(photo.id) == photo.jpeg
        assert [p for p in af.check() if p.is_error] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.recp"]  # no litter


def test_demo_command_as_a_process_in_both_languages(tmp_path):
    path = tmp_path / "tệp mẫu.recp"
    run = [sys.executable, "-m", "app", "--lang", "vi", "demo", str(path)]
    done = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Đã ghi tệp đánh giá mẫu" in done.stdout
    again = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert again.returncode == 1
    assert "Traceback" not in again.stderr
    assert "Tệp đã tồn tại" in again.stderr and "--force" in again.stderr


def test_existing_file_is_refused_and_left_unchanged(tmp_path, capsys):
    path = tmp_path / "mine.recp"
    path.write_bytes(b"an auditor's precious work")
    assert main(["--lang", "en", "demo", str(path)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err and str(path) in err
    assert path.read_bytes() == b"an auditor's precious work"


def test_force_replaces_an_existing_file(tmp_path, capsys):
    path = tmp_path / "old.recp"
    path.write_bytes(b"not an audit")
    Path(f"{path}-wal").write_bytes(b"stale wal of the old file")
    assert main(["--lang", "en", "demo", str(path), "--force"]) == 0
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    with AuditFile.open(path, read_only=True) as af:
        assert len(af.load().options) == 20
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_force_refuses_a_file_open_elsewhere(tmp_path, capsys):
    path = tmp_path / "open.recp"
    assert main(["demo", str(path)]) == 0
    before = path.read_bytes()
    with AuditFile.open(path, backup=False):  # another window holds it
        assert main(["--lang", "en", "demo", str(path), "--force"]) == 1
    assert "open in another window" in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.parametrize("lang, words", [("en", "folder, not a file"), ("vi", "thư mục")])
def test_directory_and_missing_folder(tmp_path, capsys, lang, words):
    assert main(["--lang", lang, "demo", str(tmp_path)]) == 1
    assert words in capsys.readouterr().err
    missing = tmp_path / "no" / "such" / "demo.recp"
    assert main(["--lang", lang, "demo", str(missing)]) == 1
    assert str(missing.parent) in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


# ---------------------------------------------------------------------------------------------
# The per-user demo file


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "user data"
    monkeypatch.setenv("RECP_DATA_DIR", str(folder))
    return folder


def test_ensure_creates_the_demo_once(data_dir):
    path = ensure_demo_audit()
    assert path == data_dir / "demo.recp" == demo_audit_path()
    with AuditFile.open(path, read_only=True) as af:
        assert af.get_setting("demo_version") == DEMO_VERSION
        assert af.load().info.enterprise.sector_vsic == "1313"
    stat = path.stat()
    assert ensure_demo_audit() == path
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)  # not rebuilt


def test_ensure_rebuilds_an_outdated_or_damaged_demo(data_dir):
    path = ensure_demo_audit()
    with AuditFile.open(path, backup=False) as af:
        af.set_setting("demo_version", DEMO_VERSION - 1)
        audit = af.load()
        af.delete(audit.options[0])
    assert demo_file.demo_version_of(path) == DEMO_VERSION - 1
    ensure_demo_audit()
    with AuditFile.open(path, read_only=True) as af:
        assert af.get_setting("demo_version") == DEMO_VERSION
        assert len(af.load().options) == 20
    path.write_bytes(b"\0" * 4096)  # zeroed by a disk problem
    ensure_demo_audit()
    assert demo_file.demo_version_of(path) == DEMO_VERSION


def test_ensure_leaves_an_outdated_demo_open_in_another_window(data_dir):
    path = ensure_demo_audit()
    with AuditFile.open(path, backup=False) as af:
        af.set_setting("demo_version", DEMO_VERSION - 1)
        assert ensure_demo_audit() == path  # no exception, the other window keeps its file
        assert af.get_setting("demo_version") == DEMO_VERSION - 1


def test_user_data_dir_per_platform(monkeypatch, tmp_path):
    monkeypatch.delenv("RECP_DATA_DIR", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    assert user_data_dir() == tmp_path / ".local" / "share" / "recp-audit"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert user_data_dir() == tmp_path / "xdg" / "recp-audit"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert user_data_dir() == tmp_path / "Roaming" / "RECP Audit"
    monkeypatch.setenv("RECP_DATA_DIR", str(tmp_path / "override"))
    assert demo_audit_path() == tmp_path / "override" / "demo.recp"


def test_two_demo_files_hold_the_same_audit(tmp_path):
    a, b = tmp_path / "a.recp", tmp_path / "b.recp"
    demo_file.write_demo_file(a)
    demo_file.write_demo_file(b)
    with AuditFile.open(a, read_only=True) as fa, AuditFile.open(b, read_only=True) as fb:
        assert fa.load() == fb.load()


def test_demo_file_is_not_on_the_gui_import_path():
    """Importing demo_file must not pull in Pillow or the demo builder (GUI start-up)."""
    code = (
        "import sys, app.store.demo_file; "
        "print(any(m.startswith(('PIL', 'app.core.demo')) for m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.stdout.strip() == "False", done.stderr


def test_ensure_from_several_processes_at_once(data_dir):
    """Windows started together all get a valid demo; none fails because another wrote it."""
    code = "from app.store.demo_file import ensure_demo_audit; print(ensure_demo_audit())"
    env = {**os.environ, "RECP_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(4)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in results]
    assert {out.strip() for out, _ in results} == {str(data_dir / "demo.recp")}
    assert demo_file.demo_version_of(data_dir / "demo.recp") == DEMO_VERSION
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".")]
