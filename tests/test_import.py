"""Import of baseline figures from XLSX/CSV: mapping, preview, validation, one-transaction commit."""

import hashlib
import itertools
import json
import unicodedata
from datetime import datetime

import openpyxl
import pytest

from app.core.errors import UserError
from app.core.messages import render
from app.core.model import Audit, AuditInfo, PeriodRecord, ResourceStream, StreamKind
from app.store.auditfile import AuditFile
from app.store.importer import (
    ColumnMap,
    Mapping,
    commit,
    import_file,
    save_mapping,
    saved_mappings,
    validate,
)


def make_audit():
    elec = ResourceStream(StreamKind.ELECTRICITY, "Điện lưới", "kWh", name_en="Grid electricity")
    water = ResourceStream(StreamKind.WATER, "Nước cấp", "m³", name_en="Mains water")
    return Audit(info=AuditInfo(baseline_start="2024-01"), streams=[elec, water]), elec, water


def write_xlsx(path, rows, *, merge=None, sheet="Số liệu"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


WIDE = Mapping(
    period_column="Tháng",
    columns=[
        ColumnMap("Điện (kWh)", "Điện lưới"),
        ColumnMap("Tiền điện", "Điện lưới", role="cost"),
        ColumnMap("Nước (m3)", "Mains water"),
    ],
)
HEADER = ["Tháng", "Điện (kWh)", "Tiền điện", "Nước (m3)"]


def good_rows():
    return [HEADER] + [
        [f"{m:02d}/2024", 10000 + m, 20000000 + m, f"1.2{m:02d}"] for m in range(1, 13)
    ]


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def problem_keys(result):
    return [p.key for p in result.problems if p.is_error]


@pytest.fixture
def audit_file(tmp_path):
    audit, elec, water = make_audit()
    af = AuditFile.create(tmp_path / "a.recp", audit)
    yield af, elec, water
    af.close()


def test_wide_xlsx_validates_and_commits_in_one_apply(tmp_path, audit_file):
    af, elec, water = audit_file
    src = write_xlsx(tmp_path / "so_lieu.xlsx", good_rows())
    result = validate(src, WIDE, af.load())
    assert result.ok, [render(p, "en") for p in result.problems]
    assert result.rows_read == 12 and len(result.records) == 24
    # the ambiguous "1.201" is read by the Vietnamese convention and reported
    water_jan = next(r for r in result.records if r.stream_id == water.id and r.period == "2024-01")
    assert water_jan.quantity == 1201
    assert any(p.key == "parse.ambiguous_number" for p in result.problems)
    calls = []
    real_apply = af.apply
    af.apply = lambda **kw: (calls.append(kw), real_apply(**kw))[1]
    assert commit(af, result) == 24
    assert len(calls) == 1
    af.apply = real_apply
    loaded = af.load()
    jan = next(r for r in loaded.records if r.stream_id == elec.id and r.period == "2024-01")
    assert (jan.quantity, jan.cost_vnd) == (10001, 20000001)


def test_english_locale_reads_the_same_cell_as_a_decimal(tmp_path):
    audit, _, water = make_audit()
    src = write_xlsx(tmp_path / "en.xlsx", good_rows())
    mapping = Mapping.from_dict({**WIDE.to_dict(), "number_locale": "en"})
    result = validate(src, mapping, audit)
    jan = next(r for r in result.records if r.stream_id == water.id and r.period == "2024-01")
    assert jan.quantity == pytest.approx(1.201)


def test_preview_shows_raw_and_parsed_cells(tmp_path):
    audit, *_ = make_audit()
    src = write_xlsx(tmp_path / "p.xlsx", good_rows())
    result = validate(src, WIDE, audit, preview_rows=3)
    assert result.preview_headers == HEADER
    first = result.preview[0]
    assert first.row == 2 and first.raw[0] == "01/2024" and first.parsed[0] == "2024-01"
    assert first.raw[3] == "1.201" and first.parsed[3] == "1201" and first.level == "warning"
    assert len(result.preview) == 3


def to_cp1258(text):
    """Encode as Vietnamese Windows does: precomposed where cp1258 has it, else base + tone mark."""
    out = b""
    for ch in text:
        base, *marks = unicodedata.normalize("NFD", ch)
        candidates = (
            unicodedata.normalize("NFC", base + "".join(order[:k])) + "".join(order[k:])
            for order in itertools.permutations(marks)
            for k in range(len(marks), -1, -1)
        )
        for candidate in candidates:
            try:
                out += candidate.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            raise AssertionError(f"{ch!r} has no cp1258 form")
    return out


def long_csv(path, lines, encoding="utf-8"):
    text = "\n".join(lines)
    path.write_bytes(to_cp1258(text) if encoding == "cp1258" else text.encode(encoding))
    return path


LONG = Mapping(
    layout="long",
    period_column="Ngày",
    stream_column="Loại",
    quantity_column="Lượng",
    unit_column="ĐVT",
    cost_column="Thành tiền",
    aggregate=True,
)


def test_long_csv_cp1258_semicolon_aggregates_days_and_converts_units(tmp_path):
    audit, elec, water = make_audit()
    src = long_csv(
        tmp_path / "log.csv",
        [
            "Ngày;Loại;Lượng;ĐVT;Thành tiền",
            "01/01/2024;Điện lưới;1.000,5;kWh;2.000.000",
            "15/01/2024;Điện lưới;2;MWh;4.000.000",
            "03/02/2024;nước cấp;120;m³;",
        ],
        encoding="cp1258",
    )
    result = validate(src, LONG, audit)
    assert result.ok, [render(p, "en") for p in result.problems]
    got = {(r.stream_id, r.period): (r.quantity, r.cost_vnd) for r in result.records}
    assert got[(elec.id, "2024-01")] == (pytest.approx(3000.5), 6000000)
    assert got[(water.id, "2024-02")] == (120, None)


@pytest.mark.parametrize(
    ("cells", "key", "column"),
    [
        (["03/2024", "mười nghìn", 1, 1], "parse.not_a_number", "B (Điện (kWh))"),
        (["03/2024", -5, 1, 1], "import.negative_quantity", "B (Điện (kWh))"),
        (["31/02/2024", 5, 1, 1], "parse.impossible_date", "A (Tháng)"),
        (["01/2024", 5, 1, 1], "import.duplicate_in_file", "B (Điện (kWh))"),
    ],
)
def test_bad_rows_are_located_and_nothing_is_written(tmp_path, audit_file, cells, key, column):
    af, *_ = audit_file
    rows = good_rows()[:4] + [cells]  # header, Jan..Mar, bad row (sheet row 5)
    src = write_xlsx(tmp_path / "bad.xlsx", rows)
    before = (len(af.load().records), sha(af.path) if hasattr(af, "path") else None)
    result = import_file(af, src, WIDE)
    assert not result.ok and result.records == []
    problem = next(p for p in result.problems if p.key == key)
    assert (problem.location.sheet, problem.location.row, problem.location.column) == (
        "Số liệu",
        5,
        column,
    )
    assert problem.location.file == "bad.xlsx"
    assert len(af.load().records) == before[0]
    with pytest.raises(UserError):
        commit(af, result)
    assert len(af.load().records) == before[0]
    assert render(problem, "vi").startswith("tệp bad.xlsx, trang tính Số liệu, dòng 5")


def test_unit_that_does_not_fit_the_stream(tmp_path):
    audit, *_ = make_audit()
    src = long_csv(
        tmp_path / "u.csv", ["Ngày,Loại,Lượng,ĐVT,Thành tiền", "01/01/2024,Điện lưới,5,m³,"]
    )
    result = validate(src, LONG, audit)
    problem = next(p for p in result.problems if p.key == "import.unit_mismatch")
    assert problem.location.row == 2 and problem.params["unit"] == "m³"


def test_existing_period_rejected_by_default_and_replaced_when_asked(tmp_path, audit_file):
    af, elec, _ = audit_file
    old = PeriodRecord(elec.id, "2024-01", 1.0)
    af.put(old)
    src = write_xlsx(tmp_path / "again.xlsx", good_rows()[:2])
    rejected = validate(src, WIDE, af.load())
    assert problem_keys(rejected) == ["import.duplicate_existing"]
    replacing = Mapping.from_dict({**WIDE.to_dict(), "on_existing": "replace"})
    result = import_file(af, src, replacing)
    assert result.ok and result.replaced == 1
    assert any(p.key == "import.will_replace" for p in result.problems)
    mine = [r for r in af.load().records if r.stream_id == elec.id and r.period == "2024-01"]
    assert len(mine) == 1 and mine[0].id == old.id and mine[0].quantity == 10001


def test_merged_cells_in_the_data_are_reported(tmp_path):
    audit, *_ = make_audit()
    src = write_xlsx(tmp_path / "m.xlsx", good_rows(), merge="B3:B4")
    result = validate(src, WIDE, audit)
    problem = next(p for p in result.problems if p.key == "import.merged_cells")
    assert problem.params["range"] == "B3:B4" and problem.location.row == 3


def test_merged_title_above_the_header_is_fine(tmp_path):
    audit, *_ = make_audit()
    rows = [["Số liệu năm 2024", None, None, None]] + good_rows()
    src = write_xlsx(tmp_path / "t.xlsx", rows, merge="A1:D1")
    mapping = Mapping.from_dict({**WIDE.to_dict(), "header_row": 2})
    assert validate(src, mapping, audit).ok


def test_formula_without_cached_value_is_found_on_a_second_read(tmp_path):
    audit, *_ = make_audit()
    rows = good_rows()[:3] + [["03/2024", "=B2+B3", 1, 1]]  # openpyxl stores no cached value
    src = write_xlsx(tmp_path / "f.xlsx", rows)
    result = validate(src, WIDE, audit)
    assert result.formulas_rechecked
    problem = next(p for p in result.problems if p.key == "import.formula_no_value")
    assert (problem.location.row, problem.location.column) == (4, "B (Điện (kWh))")


def test_no_second_read_without_formulas(tmp_path):
    audit, *_ = make_audit()
    rows = good_rows()[:3] + [["03/2024", None, None, 1]]
    result = validate(write_xlsx(tmp_path / "blank.xlsx", rows), WIDE, audit)
    assert result.ok and not result.formulas_rechecked


def test_empty_sheet(tmp_path):
    audit, *_ = make_audit()
    for rows in ([], [HEADER]):
        result = validate(write_xlsx(tmp_path / "e.xlsx", rows), WIDE, audit)
        assert "import.empty_sheet" in problem_keys(
            result
        ) or "import.no_such_column" in problem_keys(result)
    assert problem_keys(validate(write_xlsx(tmp_path / "h.xlsx", [HEADER]), WIDE, audit)) == [
        "import.empty_sheet"
    ]


@pytest.mark.parametrize(
    ("content", "name", "key"),
    [
        (b"%PDF-1.4 binary\x00\x01", "x.xlsx", "import.not_spreadsheet"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.xls", "import.xls_unsupported"),
        (b"PK\x03\x04 not really a zip", "z.xlsx", "import.not_spreadsheet"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "pic.csv", "import.not_spreadsheet"),
    ],
)
def test_not_a_spreadsheet(tmp_path, audit_file, content, name, key):
    af, *_ = audit_file
    src = tmp_path / name
    src.write_bytes(content)
    with pytest.raises(UserError) as err:
        import_file(af, src, WIDE)
    assert err.value.problem.key == key
    assert af.load().records == []


def test_missing_column_and_unknown_stream_stop_before_reading_rows(tmp_path):
    audit, *_ = make_audit()
    src = write_xlsx(tmp_path / "c.xlsx", good_rows())
    mapping = Mapping(
        period_column="Tháng",
        columns=[ColumnMap("Gas", "Điện lưới"), ColumnMap("Điện (kWh)", "Than")],
    )
    result = validate(src, mapping, audit)
    assert sorted(problem_keys(result)) == ["import.no_such_column", "import.unknown_stream"]
    assert result.rows_read == 0


def test_mapping_round_trips_through_json_and_the_audit(tmp_path, audit_file):
    af, *_ = audit_file
    assert Mapping.from_json(LONG.to_json()) == LONG
    path = tmp_path / "map.json"
    path.write_text(WIDE.to_json(), encoding="utf-8")
    assert Mapping.load(path) == WIDE
    save_mapping(af, "Hóa đơn hằng tháng", WIDE)
    assert saved_mappings(af) == {"Hóa đơn hằng tháng": WIDE}


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"layout": "diagonal", "period_column": "A", "columns": [{"column": "B", "stream": "x"}]},
        {"period_column": "A"},
        {"period_column": "A", "colour": "red"},
        {"layout": "long", "period_column": "A", "stream_column": "B"},
    ],
)
def test_bad_mapping_is_a_user_error(data):
    with pytest.raises(UserError) as err:
        Mapping.from_dict(data)
    assert err.value.problem.key == "import.bad_mapping"


def test_hundred_thousand_rows_stream_through_and_one_bad_row_blocks_everything(
    tmp_path, audit_file
):
    af, elec, water = audit_file
    lines = ["Ngày,Loại,Lượng,ĐVT,Thành tiền"]
    names = ["Điện lưới", "Nước cấp"]
    for i in range(100_000):
        day = i // 50  # 50 readings a day over 2,000 days
        y, rem = 2020 + day // 360, day % 360
        lines.append(f"{rem % 28 + 1:02d}/{rem // 30 + 1:02d}/{y},{names[i % 2]},{i % 7 + 1},,")
    good = long_csv(tmp_path / "big.csv", lines)
    mapping = Mapping.from_dict({**LONG.to_dict(), "number_locale": "en"})
    seen = []
    result = validate(good, mapping, af.load(), progress=lambda n: seen.append(n))
    assert result.ok and result.rows_read == 100_000
    assert seen and seen[-1] == 100_000
    assert sum(r.quantity for r in result.records) == sum(i % 7 + 1 for i in range(100_000))
    bad = long_csv(tmp_path / "big_bad.csv", lines[:-1] + ["31/02/2025,Điện lưới,1,,"])
    before = sha(af.path)
    failed = import_file(af, bad, mapping)
    assert not failed.ok and failed.problems[0].location.row == 100_001
    assert af.load().records == [] and sha(af.path) == before


def test_excel_date_cells_and_header_row_with_letters(tmp_path):
    audit, elec, _ = make_audit()
    rows = [["x", "y"]] + [[datetime(2024, m, 1), m * 10] for m in range(1, 4)]
    src = write_xlsx(tmp_path / "d.xlsx", rows)
    mapping = Mapping(period_column="A", columns=[ColumnMap("B", elec.id)])
    result = validate(src, mapping, audit)
    assert [(r.period, r.quantity) for r in result.records] == [
        ("2024-01", 10),
        ("2024-02", 20),
        ("2024-03", 30),
    ]


def test_utf8_bom_and_tab_delimited(tmp_path):
    audit, elec, _ = make_audit()
    src = tmp_path / "t.csv"
    src.write_bytes("\ufeffTháng\tĐiện\nTháng 1/2024\t1.500\n".encode())
    mapping = Mapping(period_column="Tháng", columns=[ColumnMap("Điện", "Grid electricity")])
    result = validate(src, mapping, audit)
    assert [(r.period, r.quantity) for r in result.records] == [("2024-01", 1500)]
    assert json.loads(mapping.to_json())["columns"][0]["stream"] == "Grid electricity"
