"""Huge spreadsheets refused early on size, with a message that says the limit (issue 25: a
1,048,575-row XLSX took 113 s before it was refused). Rows stream; nothing is written."""

from __future__ import annotations

import time

import pytest

from app.core.errors import UserError
from app.core.messages import render
from app.store import importer_read
from app.store.auditfile import AuditFile
from app.store.importer import ColumnMap, Mapping, import_file, validate
from tests.hostile_files import meter_rows, raw_xlsx
from tests.test_import import make_audit, sha

MAPPING = Mapping(
    period_column="Tháng",
    columns=[ColumnMap("Điện (kWh)", "Điện lưới"), ColumnMap("Nước (m3)", "Mains water")],
)


@pytest.fixture
def audit_file(tmp_path):
    audit, *_ = make_audit()
    af = AuditFile.create(tmp_path / "a.recp", audit)
    yield af
    af.close()


def refusal(path, mapping=MAPPING) -> UserError:
    audit, *_ = make_audit()
    with pytest.raises(UserError) as exc:
        validate(path, mapping, audit)
    return exc.value


def test_a_sheet_over_the_row_limit_is_refused_before_any_row_is_parsed(tmp_path, audit_file):
    af = audit_file
    src = raw_xlsx(tmp_path / "big.xlsx", meter_rows(importer_read.MAX_ROWS + 5_000))
    before = sha(af.path)
    start = time.process_time()
    with pytest.raises(UserError) as exc:
        import_file(af, src, MAPPING)
    spent = time.process_time() - start
    problem = exc.value.problem
    assert problem.key == "import.too_many_rows"
    assert (problem.location.file, problem.location.sheet) == ("big.xlsx", "Số liệu")
    en, vi = render(problem, "en"), render(problem, "vi")
    assert "\n" not in en and "200,000" in en and "big.xlsx" in en and "Số liệu" in en
    assert "tối đa 200.000 dòng" in vi
    assert af.load().records == [] and sha(af.path) == before
    # not a timing target (benchmarks/bench_growth.py measures it): reading 205,000 rows
    # through openpyxl takes many seconds of CPU, the scan a fraction of one
    assert spent < 5


def test_rows_at_the_limit_import_and_one_more_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(importer_read, "MAX_ROWS", 300)
    audit, *_ = make_audit()
    ok = validate(raw_xlsx(tmp_path / "ok.xlsx", meter_rows(299)), MAPPING, audit)
    assert ok.ok and ok.rows_read == 299  # 299 data rows + the header = 300
    assert refusal(raw_xlsx(tmp_path / "no.xlsx", meter_rows(300))).problem.key == (
        "import.too_many_rows"
    )


def test_a_row_numbered_past_the_limit_is_refused(tmp_path):
    rows = list(meter_rows(3))
    src = raw_xlsx(tmp_path / "far.xlsx", rows)
    # move the last row to row 900,000 (openpyxl would stream 900,000 empty rows to reach it)
    import zipfile

    with zipfile.ZipFile(src) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = sheet.replace('r="4"', 'r="900000"').encode()
    with zipfile.ZipFile(src, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    assert refusal(src).problem.key == "import.too_many_rows"


def test_too_many_cells_is_refused_with_the_cell_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(importer_read, "MAX_CELLS", 1_000)
    wide = [["Tháng", "Điện (kWh)", "Nước (m3)", *(f"c{i}" for i in range(60))]]
    wide += [["2024-01", 1, 2, *range(60)] for _ in range(30)]
    problem = refusal(raw_xlsx(tmp_path / "wide.xlsx", wide)).problem
    assert problem.key == "import.too_many_cells" and problem.params["limit"] == 1_000
    assert "1,000" in render(problem, "en") and "1.000" in render(problem, "vi")


def test_csv_rows_and_file_size_limits(tmp_path, monkeypatch):
    monkeypatch.setattr(importer_read, "MAX_ROWS", 100)
    lines = "\n".join(["Tháng,Điện (kWh),Nước (m3)"] + ["2024-01,1,2"] * 150)
    src = tmp_path / "long.csv"
    src.write_text(lines, encoding="utf-8")
    problem = refusal(src).problem
    assert problem.key == "import.too_many_rows" and problem.location.file == "long.csv"
    monkeypatch.setattr(importer_read, "MAX_FILE_BYTES", 1_000)
    problem = refusal(src).problem
    assert problem.key == "import.file_too_large"
    assert "MB" in render(problem, "en") and "long.csv" in render(problem, "vi")
