"""``python -m app import``: report, exit codes, all-or-nothing."""

import argparse
import hashlib
import json
import sys

import openpyxl

from app import cli
from app.commands import import_
from app.core.errors import UserError
from app.core.messages import render
from app.core.model import Audit, AuditInfo, ResourceStream, StreamKind
from app.store.auditfile import AuditFile
from app.store.importer import ColumnMap, Mapping


def main(argv):
    """What ``app.cli.main`` does for a command, with the import command alone registered (the
    shared dispatcher also imports every other command module, some still being written)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="vi")
    import_.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except UserError as exc:
        print(render(exc.problem, args.lang), file=sys.stderr)
        return 1


def test_the_command_is_registered_in_the_cli():
    assert "import_" in cli.COMMAND_MODULES


def setup(tmp_path, rows):
    elec = ResourceStream(StreamKind.ELECTRICITY, "Điện lưới", "kWh", name_en="Grid electricity")
    AuditFile.create(
        tmp_path / "a.recp", Audit(info=AuditInfo(baseline_start="2024-01"), streams=[elec])
    ).close()
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.active.title = "Điện"
    wb.save(tmp_path / "src.xlsx")
    mapping = Mapping(period_column="Tháng", columns=[ColumnMap("kWh", "Điện lưới")])
    (tmp_path / "map.json").write_text(mapping.to_json(), encoding="utf-8")
    return [
        str(tmp_path / "a.recp"),
        str(tmp_path / "src.xlsx"),
        "--mapping",
        str(tmp_path / "map.json"),
    ]


def records(tmp_path):
    with AuditFile.open(tmp_path / "a.recp", read_only=True, backup=False) as af:
        return af.load().records


def test_clean_file_is_imported_and_reported_as_json(tmp_path, capsys):
    args = setup(tmp_path, [["Tháng", "kWh"], ["01/2024", "12.500"], ["02/2024", 13000]])
    assert main(["--lang", "en", "import", *args, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["imported"] == 2 and report["records"] == 2
    assert report["problems"][0]["key"] == "parse.ambiguous_number"
    assert report["problems"][0]["location"] == {
        "file": "src.xlsx",
        "sheet": "Điện",
        "row": 2,
        "column": "B (kWh)",
    }
    assert sorted(r.quantity for r in records(tmp_path)) == [12500, 13000]


def test_errors_exit_1_in_vietnamese_and_import_nothing(tmp_path, capsys):
    args = setup(tmp_path, [["Tháng", "kWh"], ["01/2024", 100], ["31/02/2024", 5]])
    digest = hashlib.sha256((tmp_path / "a.recp").read_bytes()).hexdigest()
    assert main(["--lang", "vi", "import", *args]) == 1
    out = capsys.readouterr()
    assert "dòng 3" in out.out and "Ngày không tồn tại: “31/02/2024”" in out.out
    assert "Không nhập gì" in out.err
    assert records(tmp_path) == []
    assert hashlib.sha256((tmp_path / "a.recp").read_bytes()).hexdigest() == digest


def test_dry_run_writes_nothing_and_saved_mapping_is_reusable(tmp_path, capsys):
    args = setup(tmp_path, [["Tháng", "kWh"], ["Jan 2024", 100]])
    assert main(["--lang", "en", "import", *args, "--dry-run"]) == 0
    assert "Dry run" in capsys.readouterr().out and records(tmp_path) == []
    assert main(["--lang", "en", "import", *args, "--save-mapping", "monthly"]) == 0
    capsys.readouterr()
    # next month: the same mapping by name; the period already there is rejected
    assert main(["--lang", "en", "import", args[0], args[1], "--mapping", "monthly"]) == 1
    assert "already has a figure" in capsys.readouterr().out


def test_not_a_spreadsheet_is_one_translated_line(tmp_path, capsys):
    args = setup(tmp_path, [["Tháng", "kWh"]])
    (tmp_path / "photo.xlsx").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert main(["--lang", "en", "import", args[0], str(tmp_path / "photo.xlsx"), *args[2:]]) == 1
    assert "not an Excel (.xlsx) or CSV spreadsheet" in capsys.readouterr().err


def test_without_mapping_the_header_is_guessed_and_columns_matched_by_name(tmp_path, capsys):
    rows = [["Số liệu điện 2024"], [], ["Thang", "Dien luoi (kWh)"]]
    rows += [[f"{m:02d}/2024", 1000 * m] for m in range(1, 4)] + [["Tổng", 6000]]
    argv = setup(tmp_path, rows)[:2]
    assert main(["import", *argv, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["imported"] == 3 and report["skipped"] == 1
    assert sorted(r.quantity for r in records(tmp_path)) == [1000, 2000, 3000]


def test_without_mapping_and_no_column_named_like_a_stream(tmp_path, capsys):
    argv = setup(tmp_path, [["Tháng", "Gas"], ["01/2024", 5]])[:2]
    assert main(["import", *argv]) == 1
    err = capsys.readouterr().err
    assert "Không cột nào" in err and "Gas" in err and records(tmp_path) == []
