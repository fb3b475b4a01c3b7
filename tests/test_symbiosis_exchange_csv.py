"""An exchange file's CSV twin read back (issue 21): the same party as its JSON file, read by a
portfolio folder when it comes alone, and every bad cell named by file, row and column."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from app.core import model
from app.core.demo import build_demo_audit
from app.core.errors import UserError
from app.core.messages import render
from app.core.symbiosis import exchange as ex
from app.core.symbiosis.exchange_csv import read_exchange_csv
from app.store.portfolio_folder import read_parties


def _content(*fields: str, audit=None) -> dict:
    audit = audit or build_demo_audit()
    audit.info.enterprise.latitude, audit.info.enterprise.longitude = 20.8449, 106.7586
    consent = ex.with_id_key(ex.consent_of(fields))
    return ex.exchange_content(audit, consent).content


def _twins(folder, content, name="firm"):
    """The JSON file and its CSV twin as exchange-export writes them."""
    json_path = folder / f"{name}.recpx.json"
    json_path.write_text(ex.exchange_json(content), encoding="utf-8")
    csv_path = ex.csv_path(json_path)
    csv_path.write_text(ex.exchange_csv(content), encoding="utf-8-sig")
    return json_path, csv_path


@pytest.mark.parametrize(
    "fields",
    [(), ("quantity",), ("quantity", "months", "notes", "money", "location"), ("months", "money")],
)
def test_the_csv_twin_reads_as_its_json_file(tmp_path, fields):
    json_path, csv_path = _twins(tmp_path, _content(*fields))
    from_json, from_csv = ex.read_exchange(json_path), read_exchange_csv(csv_path)
    assert from_csv.source == str(csv_path)
    assert dataclasses.replace(from_csv, source="") == dataclasses.replace(from_json, source="")
    assert len(from_csv.items) == 6  # the demo's three offers and three needs
    if "location" in fields:
        assert from_csv.location == (20.845, 106.759)  # rounded to about 100 m by the export


def test_a_csv_saved_by_a_spreadsheet_with_semicolons_reads(tmp_path):
    _, csv_path = _twins(tmp_path, _content("quantity", "months"))
    rows = csv_path.read_text(encoding="utf-8-sig").splitlines()
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in csv.reader(rows):
        writer.writerow(row)
    out.write(";;;\r\n")  # a blank line a spreadsheet leaves
    semi = tmp_path / "semi.recpx.csv"
    semi.write_text(out.getvalue(), encoding="utf-8")  # no BOM this time
    party = read_exchange_csv(semi)
    assert party.items == read_exchange_csv(csv_path).items


def test_a_folder_reads_a_csv_sent_alone_and_a_twin_once(tmp_path):
    folder = tmp_path / "park"
    folder.mkdir()
    first = _content("quantity")
    _twins(folder, first, "beside")  # JSON and CSV: one enterprise
    other = build_demo_audit()
    other.info = copy.deepcopy(other.info)
    other.info.id = model.new_id()
    second = _content("quantity", audit=other)
    _, alone = _twins(tmp_path, second, "sent")
    (folder / "sent.recpx.csv").write_bytes(alone.read_bytes())  # only the CSV came
    (folder / "copy").mkdir()
    (folder / "copy" / "again.recpx.csv").write_bytes(alone.read_bytes())
    result = read_parties(folder)
    assert sorted(p.key for p in result.parties) == sorted(
        [first["enterprise_id"], second["enterprise_id"]]
    )
    sources = {p.key: p.source for p in result.parties}
    assert sources[first["enterprise_id"]] == str(folder / "beside.recpx.json")
    # of two copies, the first in the folder's order (its own files, then its sub-folders)
    assert sources[second["enterprise_id"]] == str(folder / "sent.recpx.csv")
    assert [p.key for p in result.problems] == ["exchange.read.duplicate"]  # the copy of it


# ---------------------------------------------------------------------------------------------
# Bad CSVs: file, row (the header is row 1) and column named, in both languages


def _spoil(tmp_path, edit) -> tuple[str, str, object]:
    _, csv_path = _twins(tmp_path, _content("quantity", "months"))
    text = csv_path.read_text(encoding="utf-8-sig")
    bad = tmp_path / "bad.recpx.csv"
    spoilt = edit(text)
    if isinstance(spoilt, bytes):
        bad.write_bytes(spoilt)
    else:
        bad.write_text(spoilt, encoding="utf-8")
    with pytest.raises(UserError) as err:
        read_exchange_csv(bad)
    problem = err.value.problem
    assert problem.location.file == str(bad)
    return render(problem, "vi"), render(problem, "en"), problem


def _cell(text: str, row: int, column: str, value: str) -> str:
    """``text`` with the cell at ``row`` (1 = header) and ``column`` replaced by ``value``."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    rows[row - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _column(text: str, column: str, value: str) -> str:
    """``text`` with ``column`` set to ``value`` on every row (a file's own field)."""
    for row in range(2, len(text.splitlines()) + 1):
        text = _cell(text, row, column, value)
    return text


CASES = [
    # (edit, key, row, column, a word the English message shows)
    (
        lambda t: _cell(t, 3, "quantity_per_year", "262,4"),
        "exchange.csv.not_number",
        3,
        "quantity_per_year",
        "262,4",
    ),
    (
        lambda t: _cell(t, 3, "quantity_per_year", "-5"),
        "exchange.read.bad_number",
        3,
        "quantity_per_year",
        "-5",
    ),
    (
        lambda t: _cell(t, 4, "class", "W-NO-SUCH"),
        "exchange.read.unknown_class",
        4,
        "class",
        "W-NO-SUCH",
    ),
    (lambda t: _cell(t, 5, "months", "1;13"), "exchange.csv.not_months", 5, "months", "1;13"),
    (lambda t: _cell(t, 3, "park", "KCN Khác"), "exchange.csv.differs", 3, "park", "KCN Khác"),
    (
        lambda t: _column(t, "version", "2"),
        "exchange.read.newer_version",
        2,
        "version",
        "version 2",
    ),
    (lambda t: _cell(t, 6, "hazardous", "yes"), "exchange.csv.not_bool", 6, "hazardous", "yes"),
    (lambda t: _cell(t, 7, "side", "give"), "exchange.read.bad_side", 7, "side", "give"),
    (lambda t: _cell(t, 1, "class", "klass"), "exchange.csv.missing_column", 1, "class", "class"),
    (lambda t: t.splitlines()[0] + "\n", "exchange.csv.no_rows", 2, "", "no offer or need"),
    (
        lambda t: "\n".join(line + ",x" * (n == 2) for n, line in enumerate(t.split("\n"))),
        "exchange.csv.row_length",
        3,
        "",
        "cells where the header has",
    ),
]


@pytest.mark.parametrize("edit,key,row,column,word", CASES)
def test_a_bad_cell_is_named_by_row_and_column(tmp_path, edit, key, row, column, word):
    vi, en, problem = _spoil(tmp_path, edit)
    assert problem.key == key
    assert (problem.location.row, problem.location.column) == (row, column)
    assert f"row {row}" in en and f"dòng {row}" in vi
    if column:
        assert f"column {column}" in en and f"cột {column}" in vi
    assert word in en


def test_a_park_left_empty_on_every_row_is_named(tmp_path):
    vi, en, problem = _spoil(tmp_path, lambda t: _column(t, "park", ""))
    assert problem.key == "exchange.read.no_park"
    assert (problem.location.row, problem.location.column) == (2, "park")
    assert "gives no industrial park" in en and "không ghi khu công nghiệp" in vi


def test_a_csv_not_in_utf8_says_how_to_save_it(tmp_path):
    def cp1258(text):
        return text.replace("KCN Đình Vũ", "KCN Dinh Vu").encode("utf-8")[:-1] + b"\xd0\n"

    vi, en, problem = _spoil(tmp_path, cp1258)
    assert problem.key == "exchange.csv.not_utf8" and problem.location.row == 7
    assert "CSV UTF-8" in en and "CSV UTF-8" in vi


def test_a_folder_lists_a_bad_csv_with_its_row_and_keeps_the_rest(tmp_path):
    folder = tmp_path / "park"
    folder.mkdir()
    good, _ = _twins(folder, _content("quantity"), "good")
    other = build_demo_audit()
    other.info = copy.deepcopy(other.info)
    other.info.id = model.new_id()
    _, csv_path = _twins(tmp_path, _content(audit=other), "bad")
    (folder / "bad.recpx.csv").write_text(
        _cell(csv_path.read_text(encoding="utf-8-sig"), 4, "class", "NOPE"), encoding="utf-8"
    )
    result = read_parties(folder)
    assert [p.source for p in result.parties] == [str(good)]
    (problem,) = result.problems
    message = render(problem, "en")
    assert str(folder / "bad.recpx.csv") in message and "row 4, column class" in message
