"""Acceptance: the command line as a script user drives it, end to end.

demo -> import a month of new figures from an XLSX -> info / indicators reflect them -> export
PDF and XLSX -> check passes; and the bad inputs a script meets (missing file, folder, garbage,
bad import row) end with exit 1, one translated line and nothing written.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app import cli
from app.paths import data_path

ROOT = data_path()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stream_totals(capsys, audit: Path) -> dict[str, dict]:
    code, out, _ = run(capsys, "--lang", "en", "indicators", str(audit), "--json")
    assert code == 0
    return {s["name_en"]: s for s in json.loads(out)["streams"]}


def write_month(path: Path, rows: list[list], sheet: str = "Tháng 12") -> None:
    wb = openpyxl.Workbook()
    wb.active.title = sheet
    for row in rows:
        wb.active.append(row)
    wb.save(path)


def write_mapping(path: Path, on_existing: str = "replace") -> None:
    # Streams named as an auditor would: one by its Vietnamese name, one by its English name.
    mapping = {
        "period_column": "Tháng",
        "on_existing": on_existing,
        "columns": [
            {"column": "Điện (kWh)", "stream": "Điện lưới"},
            {"column": "Than (t)", "stream": "Bituminous coal (boilers)"},
        ],
    }
    path.write_text(json.dumps(mapping, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def demo(tmp_path, capsys) -> Path:
    path = tmp_path / "lam_hai.recp"
    code, out, _ = run(capsys, "--lang", "en", "demo", str(path))
    assert code == 0 and str(path) in out
    return path


def test_end_to_end_script(demo, tmp_path, capsys):
    before = stream_totals(capsys, demo)
    code, out, _ = run(capsys, "--lang", "en", "info", str(demo), "--json")
    records_before = json.loads(out)["counts"]["records"]

    # The December invoices came late: the auditor replaces the month with the invoiced figures.
    from app.store.auditfile import AuditFile

    with AuditFile.open(demo, read_only=True, backup=False) as af:
        audit = af.load()
    ids = {s.name_en: s.id for s in audit.streams}
    old_dec = {
        name: next(
            r.quantity for r in audit.records if r.stream_id == ids[name] and r.period == "2024-12"
        )
        for name in ("Grid electricity", "Bituminous coal (boilers)")
    }
    new_dec = {"Grid electricity": 555_555.0, "Bituminous coal (boilers)": 301.25}
    xlsx, mapping = tmp_path / "thang12.xlsx", tmp_path / "map.json"
    # Vietnamese number formats as typed in a Vietnamese Excel: "555.555" and "301,25".
    write_month(xlsx, [["Tháng", "Điện (kWh)", "Than (t)"], ["12/2024", "555.555", "301,25"]])
    write_mapping(mapping)
    code, out, err = run(
        capsys, "--lang", "en", "import", str(demo), str(xlsx), "--mapping", str(mapping), "--json"
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["ok"] and report["imported"] == 2

    after = stream_totals(capsys, demo)
    for name, value in new_dec.items():
        expected = before[name]["quantity"] - old_dec[name] + value
        assert after[name]["quantity"] == pytest.approx(expected)
    # Energy follows: electricity at 3.6 MJ/kWh.
    delta_kwh = new_dec["Grid electricity"] - old_dec["Grid electricity"]
    assert after["Grid electricity"]["energy_gj"] - before["Grid electricity"][
        "energy_gj"
    ] == pytest.approx(delta_kwh * 0.0036)
    # Streams not in the file are untouched.
    water = "Mains water (park supply)"
    assert (after[water]["quantity"], after[water]["cost_vnd"]) == (
        before[water]["quantity"],
        before[water]["cost_vnd"],
    )

    # A month after the baseline is stored too (records grow) without changing baseline totals.
    jan = tmp_path / "thang1.xlsx"
    write_month(jan, [["Tháng", "Điện (kWh)", "Than (t)"], ["01/2025", 480000, 290]], "T1")
    write_mapping(mapping, on_existing="reject")
    code, _, err = run(capsys, "import", str(demo), str(jan), "--mapping", str(mapping))
    assert code == 0, err
    code, out, _ = run(capsys, "--lang", "en", "info", str(demo), "--json")
    assert json.loads(out)["counts"]["records"] == records_before + 2
    assert stream_totals(capsys, demo)["Grid electricity"] == after["Grid electricity"]

    # Reports in both formats, the PDF in English, the workbook in Vietnamese.
    pdf, xlsx_out = tmp_path / "report_en.pdf", tmp_path / "report_vi.xlsx"
    code, _, err = run(capsys, "export", str(demo), "--lang", "en", "--out", str(pdf))
    assert code == 0, err
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Công ty TNHH Dệt nhuộm Lam Hải" in text
    assert "Grid electricity" in text
    code, _, err = run(
        capsys, "export", str(demo), "--lang", "vi", "--format", "xlsx", "--out", str(xlsx_out)
    )
    assert code == 0, err
    wb = openpyxl.load_workbook(xlsx_out)
    rows = [row for ws in wb.worksheets for row in ws.iter_rows(values_only=True)]
    assert any("2024-12" in map(str, row) and 555555 in row for row in rows)

    code, out, err = run(capsys, "--lang", "en", "check", str(demo))
    assert code == 0 and "No problems" in out, out + err


def test_a_bad_row_imports_nothing_and_names_the_cell(demo, tmp_path, capsys):
    xlsx, mapping = tmp_path / "bad.xlsx", tmp_path / "map.json"
    write_month(
        xlsx,
        [["Tháng", "Điện (kWh)", "Than (t)"], ["12/2024", 500000, 290], ["11/2024", "nhiều", 280]],
    )
    write_mapping(mapping)
    before = digest(demo)
    for lang, word in (("vi", "dòng"), ("en", "row")):
        code, out, err = run(
            capsys, "--lang", lang, "import", str(demo), str(xlsx), "--mapping", str(mapping)
        )
        assert code == 1
        report = (out + err).lower()
        assert f"{word} 3" in report  # the row of "nhiều"
        assert "Traceback" not in out + err
    assert digest(demo) == before


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("command", ["info", "check", "options", "indicators", "findings"])
def test_bad_audit_paths_exit_1_with_one_translated_line(tmp_path, capsys, command, lang):
    missing = tmp_path / "khong_co.recp"
    folder = tmp_path / "thu_muc.recp"
    folder.mkdir()
    garbage = tmp_path / "rac.recp"
    garbage.write_bytes(bytes(range(256)) * 20)
    expected = {
        "vi": ("Không tìm thấy", "thư mục", "không phải"),
        "en": ("not found", "folder", "not"),
    }
    for path, word in zip((missing, folder, garbage), expected[lang], strict=True):
        code, out, err = run(capsys, "--lang", lang, command, str(path))
        assert code == 1
        assert out == ""
        assert len(err.strip().splitlines()) == 1
        assert word.lower() in err.lower()
    assert not missing.exists()  # nothing is created by a read command
    assert garbage.read_bytes() == bytes(range(256)) * 20


@pytest.mark.parametrize("command", ["info", "check", "options", "indicators", "findings"])
def test_lang_is_accepted_after_the_command_too(demo, capsys, command):
    """Scripts write ``app export FILE --lang en``; every command takes --lang in that place."""
    code, out, err = run(capsys, command, str(demo), "--lang", "en")
    assert code == 0, err
    code_vi, out_vi, _ = run(capsys, command, str(demo), "--lang", "vi")
    assert code_vi == 0
    if command != "findings":  # findings prints user text; the labels differ anyway
        assert out != out_vi
    code, _, err = run(capsys, command, str(Path(demo).with_name("none.recp")), "--lang", "en")
    assert code == 1 and "not found" in err


def test_as_a_subprocess_no_traceback_for_a_wrong_language(demo):
    proc = subprocess.run(
        [sys.executable, "-m", "app", "--lang", "fr", "info", str(demo)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2  # argparse's usage error
    assert "Traceback" not in proc.stderr and "fr" in proc.stderr
