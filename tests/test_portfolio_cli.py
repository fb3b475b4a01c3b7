"""`python -m app portfolio DIR`: the report, and every bad input of a folder (issue 20)."""

import copy
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.core import model
from app.core.demo import build_demo_audit
from app.store import schema
from app.store.auditfile import AuditFile

ROOT = Path(__file__).resolve().parents[1]


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _audit(name: str, park: str, province: str, options: int | None = None) -> model.Audit:
    audit = build_demo_audit()
    audit.info = copy.deepcopy(audit.info)
    audit.info.id = model.new_id()
    audit.info.enterprise.name = name
    audit.info.enterprise.industrial_park = park
    audit.info.enterprise.province = province
    if options is not None:
        audit.options = audit.options[:options]
    return audit


def run_cli(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "programme"
    (d / "hai-phong").mkdir(parents=True)
    AuditFile.create(d / "hai-phong" / "lam-hai.recp", build_demo_audit()).close()
    AuditFile.create(
        d / "amata.recp", _audit("Công ty CP Giấy Amata", "KCN Amata", "Đồng Nai", 5)
    ).close()
    return d


def test_report_adds_up_every_audit_in_both_languages(folder, capsys):
    demo = build_demo_audit()
    code, out, err = run_cli(capsys, "portfolio", str(folder), "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["files"] == 2 and len(data["audits"]) == 2 and data["skipped"] == []
    t = data["totals"]
    assert t["audits"] == 2
    assert t["options_found"] == len(demo.options) + 5
    parks = {row["key"]: row for row in data["by"]["park"]}
    assert set(parks) == {"KCN Amata", "KCN Đình Vũ"}
    assert parks["KCN Đình Vũ"]["options_found"] == len(demo.options)
    assert parks["KCN Amata"]["options_found"] == 5
    assert {row["key"] for row in data["by"]["province"]} == {"Đồng Nai", "Hải Phòng"}
    assert t["investment_vnd"] == sum(a["investment_vnd"] for a in data["audits"])
    assert {s["kind"] for s in t["savings"]} >= {"electricity", "water"}
    assert sum(r["found"] for r in data["by_technique"]) == t["options_found"]

    code, out, _ = run_cli(capsys, "portfolio", str(folder), "--lang", "vi")
    assert code == 0
    assert "Công ty CP Giấy Amata" in out and "Công ty TNHH Dệt nhuộm Lam Hải" in out
    assert "Theo khu công nghiệp:" in out and "Tiết kiệm tài nguyên hằng năm:" in out
    assert "Giải pháp SXSH: tìm ra 25" in out
    code, out, _ = run_cli(capsys, "portfolio", str(folder), "--lang", "en")
    assert "By industrial park:" in out and "RECP options: 25 found" in out
    assert "Avoided CO2e:" in out and "Verified saving:" in out


def test_confidential_report_names_no_enterprise(folder, capsys):
    for lang in ("vi", "en"):
        code, out, _ = run_cli(capsys, "portfolio", str(folder), "--confidential", "--lang", lang)
        assert code == 0
        assert "Amata" in out  # the park stays
        assert "Giấy Amata" not in out and "Lam Hải" not in out
        assert "lam-hai" not in out  # nor a file name
    (folder / "Giấy Amata - ghi chú.recp").write_text("không phải tệp đánh giá")
    code, out, _ = run_cli(capsys, "portfolio", str(folder), "--confidential", "--json")
    assert "Lam Hải" not in out and "Giấy Amata" not in out and "0201897345" not in out
    assert "lam-hai" not in out and str(folder) not in out
    data = json.loads(out)
    assert data["confidential"] and data["totals"]["audits"] == 2
    assert [s["key"] for s in data["skipped"]] == ["store.not_sqlite"]
    code, out, _ = run_cli(capsys, "portfolio", str(folder), "--confidential", "--lang", "vi")
    assert "Giấy Amata" not in out and "Tệp không được tính (1):" in out


def test_bad_files_are_listed_with_reason_and_never_stop_the_report(folder, capsys):
    (folder / "notes.recp").write_text("Ghi chú, không phải tệp đánh giá")
    damaged = folder / "damaged.recp"
    shutil.copy(folder / "amata.recp", damaged)
    raw = bytearray(damaged.read_bytes())
    raw[4096:] = b"\xa5" * (len(raw) - 4096)  # every page after the header overwritten
    damaged.write_bytes(bytes(raw))
    other_db = folder / "other.recp"
    sqlite3.connect(other_db).execute("CREATE TABLE t(x)").connection.close()
    before = _hashes(folder)
    code, out, err = run_cli(capsys, "portfolio", str(folder), "--json", "--lang", "en")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["totals"]["audits"] == 2
    skipped = {Path(s["path"]).name: s for s in data["skipped"]}
    assert set(skipped) == {"notes.recp", "damaged.recp", "other.recp"}
    assert skipped["notes.recp"]["key"] == "store.not_sqlite"
    assert skipped["other.recp"]["key"] == "store.not_audit"
    assert skipped["damaged.recp"]["key"] in ("store.damaged", "store.read_failed")
    assert "notes.recp" in skipped["notes.recp"]["message"]  # says where
    assert all("\n" not in s["message"] for s in skipped.values())
    code, out, _ = run_cli(capsys, "portfolio", str(folder), "--lang", "vi")
    assert "Tệp không được tính (3):" in out
    assert "Traceback" not in out
    assert _hashes(folder) == before


def test_two_copies_counted_once_both_listed(folder, capsys):
    shutil.copy(folder / "amata.recp", folder / "amata - copy.recp")
    code, out, _ = run_cli(capsys, "portfolio", str(folder), "--json")
    data = json.loads(out)
    assert data["totals"]["audits"] == 2 and len(data["audits"]) == 3
    copies = [a for a in data["audits"] if "amata" in a["path"]]
    assert len(copies) == 2 and sum(a["counted"] for a in copies) == 1
    assert sum(a["duplicate_of"] is not None for a in copies) == 1
    code, out, _ = run_cli(capsys, "portfolio", str(folder), "--lang", "en")
    assert "A copy of the same audit as" in out and "counted once" in out


def test_older_schema_read_without_migrating_in_place(folder, capsys, monkeypatch):
    def newer(conn):
        conn.execute("ALTER TABLE streams ADD COLUMN migrated TEXT NOT NULL DEFAULT 'next'")

    # This app now reads one version more than the files in the folder were written with.
    written = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, newer])
    before = _hashes(folder)
    code, out, _ = run_cli(capsys, "portfolio", str(folder), "--json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    assert data["totals"]["audits"] == 2 and data["skipped"] == []
    notes = [n for a in data["audits"] for n in a["notes"]]
    assert [n["key"] for n in notes] == ["portfolio.older_version"] * 2
    assert _hashes(folder) == before  # bytes unchanged, no backup, lock or side file made
    conn = sqlite3.connect(folder / "amata.recp")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == written
    conn.close()


def test_newer_schema_listed_not_read(folder, capsys):
    conn = sqlite3.connect(folder / "amata.recp")
    conn.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 1}")
    conn.close()
    code, out, _ = run_cli(capsys, "portfolio", str(folder), "--json", "--lang", "en")
    data = json.loads(out)
    assert data["totals"]["audits"] == 1
    assert [s["key"] for s in data["skipped"]] == ["portfolio.newer_version"]
    assert "newer version of the app" in data["skipped"][0]["message"]


def test_audit_open_in_a_window_is_read_as_saved_and_stays_locked(folder, capsys):
    path = folder / "amata.recp"
    af = AuditFile.open(path)  # the auditor's window: lock held, edits in the WAL
    try:
        assert not af.read_only
        af.put(model.Option("Giải pháp thêm khi đang mở", status=model.OptionStatus.IDENTIFIED))
        lock = Path(f"{path}.lock")
        lock_before = lock.read_bytes()
        code, out, _ = run_cli(capsys, "portfolio", str(folder), "--json", "--lang", "en")
        assert code == 0
        data = json.loads(out)
        amata = next(a for a in data["audits"] if a["path"].endswith("amata.recp"))
        assert amata["options_found"] == 6  # the committed edit is seen
        assert [n["key"] for n in amata["notes"]] == ["portfolio.open_elsewhere"]
        assert lock.read_bytes() == lock_before  # the lock is the window's, untouched
        af.put(model.Option("Và một giải pháp nữa"))  # the window still writes
    finally:
        af.close()
    with AuditFile.open(path, read_only=True, backup=False) as again:
        assert len(again.load().options) == 7


def test_missing_folder_is_one_translated_line(tmp_path, capsys):
    code, out, err = run_cli(capsys, "portfolio", str(tmp_path / "nowhere"), "--lang", "vi")
    assert code == 1 and out == ""
    assert err.strip().endswith(f"Không tìm thấy thư mục: {tmp_path / 'nowhere'}")
    assert len(err.strip().splitlines()) == 1
    file = tmp_path / "a.recp"
    file.write_text("x")
    code, _, err = run_cli(capsys, "portfolio", str(file), "--lang", "en")
    assert code == 1 and "This is not a folder" in err


def test_command_runs_as_a_process(folder):
    proc = subprocess.run(
        [sys.executable, "-m", "app", "portfolio", str(folder), "--lang", "en"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Programme portfolio:" in proc.stdout and "Totals:" in proc.stdout
