"""Guesses of an import (issue 24): the header row under title rows, columns matched to streams
by name without marks, a total row recognised and skipped instead of refusing the file."""

import openpyxl
import pytest

from app.core.import_guess import (
    equals_sum,
    guess_header_row,
    guess_period_column,
    is_total_label,
    match_stream,
    split_unit,
)
from app.core.model import Audit, AuditInfo, ResourceStream, StreamKind
from app.store.importer import Mapping, guess_mapping, guess_wide_columns, peek, validate


def streams():
    return [
        ResourceStream(StreamKind.ELECTRICITY, "Điện", "kWh", name_en="Electricity"),
        ResourceStream(StreamKind.WATER, "Nước cấp", "m³", name_en="Mains water"),
        ResourceStream(StreamKind.FUEL, "Than", "t", name_en="Coal"),
    ]


TITLE_ROWS = [
    ["CÔNG TY TNHH DỆT MAY THỬ NGHIỆM", None, None, None],
    ["Số liệu tiêu thụ năm 2024", None, None, None],
    [None, None, None, None],
    ["Thang", "Dien (kWh)", "Nuoc cap (m3)", "Ghi chu"],
]


def sheet_rows():
    data = [[f"{m:02d}/2024", 1000 * m, 10 * m, "ok"] for m in range(1, 4)]
    return TITLE_ROWS + data + [["Tổng cộng", 6000, 60, None]]


@pytest.mark.parametrize(
    "header, name",
    [
        ("Dien (kWh)", "Điện"),
        ("ĐIỆN", "Điện"),
        ("electricity", "Điện"),
        ("Nuoc cap (m3)", "Nước cấp"),
        ("NướcCấp", "Nước cấp"),
        ("Mains  Water [m³]", "Nước cấp"),
        ("Than (t)", "Than"),
    ],
)
def test_headers_match_streams_ignoring_marks_case_spaces(header, name):
    found = match_stream(header, streams())
    assert found is not None and found.name_vi == name


@pytest.mark.parametrize("header", ["Dien (m3)", "Tien dien", "Ghi chu", "", "Nuoc"])
def test_other_headers_match_nothing(header):
    assert match_stream(header, streams()) is None


def test_a_header_with_another_unit_of_the_same_kind_is_matched_to_convert():
    cols = guess_wide_columns(["Dien (MWh)", "Dien (m3)"], streams())
    assert [(c.column, c.unit) for c in cols] == [("Dien (MWh)", "MWh")]


def test_split_unit():
    assert split_unit("Điện (kWh)") == ("Điện", "kWh")
    assert split_unit("Điện") == ("Điện", "")


def test_header_row_is_guessed_below_title_rows():
    assert guess_header_row(sheet_rows()) == 4
    assert guess_header_row([["Tháng", "Điện"], ["01/2024", 5]]) == 1
    assert guess_header_row([["a"], ["b"]]) == 1  # nothing fits: the first row


def test_period_column_is_the_one_with_months():
    data = [["x", "01/2024", 5], ["y", "02/2024", 6]]
    assert guess_period_column(["Ghi chú", "Kỳ", "Điện"], data) == 1


@pytest.mark.parametrize("label", ["Tổng", "TỔNG CỘNG", "Tong cong:", "Total", "sum", "Cộng"])
def test_total_labels(label):
    assert is_total_label(label)


@pytest.mark.parametrize("label", ["Tháng 1", "01/2024", None, 6000, "Tổng hợp điện"])
def test_not_total_labels(label):
    assert not is_total_label(label)


def test_equals_sum():
    assert equals_sum([60.0, None], [60.0, 10.0])
    assert not equals_sum([61.0], [60.0])
    assert not equals_sum([0.0], [0.0])


def write(path, rows):
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def audit():
    return Audit(info=AuditInfo(baseline_start="2024-01"), streams=streams())


def test_peek_shows_the_raw_rows_and_the_guess(tmp_path):
    info = peek(write(tmp_path / "a.xlsx", sheet_rows()), "", None)
    assert info.header_guess == 4 and info.headers[1] == "Dien (kWh)"
    assert info.rows[0][0] == "CÔNG TY TNHH DỆT MAY THỬ NGHIỆM" and len(info.rows) == 8
    assert info.period_guess == 0


def test_guessed_mapping_imports_and_skips_the_total_row(tmp_path):
    a = audit()
    src = write(tmp_path / "a.xlsx", sheet_rows())
    mapping = guess_mapping(src, a)
    assert mapping.header_row == 4 and mapping.period_column == "Thang"
    result = validate(src, mapping, a)
    assert result.ok, result.problems
    assert result.skipped == [8]
    assert any(p.key == "import.total_row_skipped" and p.location.row == 8 for p in result.problems)
    elec = {r.period: r.quantity for r in result.records if r.stream_id == a.streams[0].id}
    assert elec == {"2024-01": 1000, "2024-02": 2000, "2024-03": 3000}
    assert len(result.records) == 6


def test_an_unlabelled_sum_row_is_skipped_and_a_wrong_one_is_not(tmp_path):
    a = audit()
    rows = sheet_rows()[:-1] + [[None, 6000, 60, None]]
    src = write(tmp_path / "a.xlsx", rows)
    result = validate(src, guess_mapping(src, a), a)
    assert result.ok and result.skipped == [8]
    assert result.problems[-1].key == "import.total_row_skipped_sum"
    rows[-1] = [None, 5000, 60, None]
    src = write(tmp_path / "b.xlsx", rows)
    result = validate(src, guess_mapping(src, a), a)
    assert not result.ok and result.skipped == []


def test_total_row_refused_when_not_skipped(tmp_path):
    a = audit()
    src = write(tmp_path / "a.xlsx", sheet_rows())
    m = guess_mapping(src, a)
    m.skip_total = False
    result = validate(src, m, a)
    assert not result.ok and result.skipped == []
    assert Mapping.from_dict(m.to_dict()).skip_total is False


def test_a_data_row_with_a_total_word_in_a_note_is_kept(tmp_path):
    a = audit()
    rows = sheet_rows()
    rows[5][3] = "Tổng"  # a remark beside a real month
    src = write(tmp_path / "a.xlsx", rows)
    result = validate(src, guess_mapping(src, a), a)
    assert result.ok and result.skipped == [8] and len(result.records) == 6
