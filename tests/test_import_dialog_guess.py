"""The import dialog by clicks (issue 24): the raw sheet with the guessed header row under two
title rows, columns matched to streams from headers without marks, the "Tổng cộng" row skipped
and listed, the figures imported right, and a second file resetting the previous report."""

from __future__ import annotations

import os

import openpyxl
import pytest
from PySide6.QtCore import Qt

from app.core import model
from tests.ui_helpers import ensure_qm, make_file, sample_audit

LEFT = Qt.MouseButton.LeftButton


def write(path, header, months, title=True, total=True):
    wb = openpyxl.Workbook()
    ws = wb.active
    if title:
        ws.append(["CÔNG TY TNHH DỆT NHUỘM THỬ NGHIỆM"])
        ws.append(["Bảng tổng hợp tiêu thụ năng lượng, nước năm 2024"])
    ws.append(header)
    for m, (kwh, water) in enumerate(months, start=1):
        ws.append([f"{m:02d}/2024", kwh, water, "đọc đồng hồ"])
    if total:
        ws.append(["Tổng cộng", sum(k for k, _ in months), sum(w for _, w in months), None])
    wb.save(path)
    return path


FIRST = [(41000 + 100 * m, 900 + m) for m in range(1, 13)]
SECOND = [(52000 + 10 * m, 1200 + m) for m in range(1, 13)]


@pytest.fixture
def dialog(tmp_path, qtbot, request):
    from PySide6.QtWidgets import QApplication

    from app.store.auditfile import AuditFile
    from app.ui.context import AuditContext
    from app.ui.jobs import JobRunner
    from app.ui.screens.baselines.import_dialog import ImportDialog
    from app.ui.translations import Translations

    lang = getattr(request, "param", "vi")
    ensure_qm()
    translations = Translations(QApplication.instance())
    translations.set_language(lang)
    audit = sample_audit()
    audit.streams = [
        model.ResourceStream(model.StreamKind.ELECTRICITY, "Điện", "kWh", name_en="Electricity"),
        model.ResourceStream(model.StreamKind.WATER, "Nước cấp", "m³", name_en="Mains water"),
    ]
    af = AuditFile.open(make_file(tmp_path, audit))
    ctx = AuditContext(af, path=str(af.path), lang=lang)
    ctx.jobs = JobRunner()
    d = ImportDialog(ctx)
    qtbot.addWidget(d)
    d.resize(1366, 768)
    d.show()
    qtbot.waitExposed(d)
    yield d
    af.close()
    translations.set_language("en")


def choose(qtbot, dialog, monkeypatch, path):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.btn_file, LEFT)


def check(qtbot, dialog):
    dialog.result = None
    dialog.problems.clear()  # so the wait below sees this check's report, not the last one
    qtbot.mouseClick(dialog.btn_check, LEFT)
    qtbot.waitUntil(lambda: dialog.result is not None or dialog.problems.count() > 0)
    dialog.context.jobs.wait()


def mapped(dialog):
    return {
        dialog.columns.item(r, 0).text(): dialog.columns.cellWidget(r, 1).currentText()
        for r in range(dialog.columns.rowCount())
    }


def problem_lines(dialog):
    return [dialog.problems.item(i).text() for i in range(dialog.problems.count())]


def test_guessed_header_matched_columns_total_skipped_and_second_file_resets(
    dialog, qtbot, monkeypatch, tmp_path
):
    header = ["Thang", "Dien (kWh)", "Nuoc cap (m3)", "Ghi chu"]
    first = write(tmp_path / "thang.xlsx", header, FIRST)
    choose(qtbot, dialog, monkeypatch, first)
    # the raw sheet: title rows as read, row 3 guessed as header and highlighted
    assert dialog.raw.rowCount() == 16
    assert dialog.raw.item(0, 0).text() == "CÔNG TY TNHH DỆT NHUỘM THỬ NGHIỆM"
    assert dialog.header_row.value() == 3
    assert dialog.raw.item(2, 1).background().color().name() == "#bfd7f5"
    assert dialog.raw.item(3, 1).background().style() == Qt.BrushStyle.NoBrush
    assert "3" in dialog.raw_label.text()
    assert mapped(dialog) == {
        "Dien (kWh)": "Điện (kWh)",
        "Nuoc cap (m3)": "Nước cấp (m³)",
        "Ghi chu": "(không nhập)",
    }
    assert "Ghi chu" in dialog.unmatched.text()
    assert dialog.skip_total.isChecked()
    check(qtbot, dialog)
    assert dialog.result.ok and dialog.result.skipped == [16]
    assert any("Tổng cộng" in line and "bỏ qua" in line for line in problem_lines(dialog))
    assert dialog.btn_import.isEnabled()
    # not skipping the total row: the file is refused, as before
    qtbot.mouseClick(dialog.skip_total, LEFT)
    assert not dialog.skip_total.isChecked()
    check(qtbot, dialog)
    assert not dialog.result.ok and not dialog.btn_import.isEnabled()
    qtbot.mouseClick(dialog.skip_total, LEFT)
    # a click on a title row takes it as the header; nothing matches then; back by a click
    rect = dialog.raw.visualItemRect(dialog.raw.item(0, 0))
    qtbot.mouseClick(dialog.raw.viewport(), LEFT, pos=rect.center())
    assert dialog.header_row.value() == 1 and dialog.problems.count() == 0
    assert set(mapped(dialog).values()) <= {"(không nhập)"}
    rect = dialog.raw.visualItemRect(dialog.raw.item(2, 0))
    qtbot.mouseClick(dialog.raw.viewport(), LEFT, pos=rect.center())
    assert dialog.header_row.value() == 3 and mapped(dialog)["Dien (kWh)"] == "Điện (kWh)"
    check(qtbot, dialog)
    assert dialog.problems.count() > 0 and dialog.preview.rowCount() > 0
    # a second file (header on row 1, no title, no total): the previous report is gone
    second = write(
        tmp_path / "nam.xlsx", ["Tháng", "ĐIỆN", "Mains water (m³)", "Note"], SECOND, False, False
    )
    choose(qtbot, dialog, monkeypatch, second)
    assert dialog.result is None and dialog.problems.count() == 0
    assert dialog.preview.rowCount() == 0 and dialog.summary.text() == ""
    assert not dialog.btn_import.isEnabled()
    assert dialog.header_row.value() == 1 and dialog.raw.rowCount() == 13
    assert mapped(dialog)["ĐIỆN"] == "Điện (kWh)"
    check(qtbot, dialog)
    assert dialog.result.ok and dialog.result.skipped == []
    qtbot.mouseClick(dialog.btn_import, LEFT)
    elec, water = dialog.context.audit.streams
    got = {(r.stream_id, r.period): r.quantity for r in dialog.context.audit.records}
    assert got == {
        **{(elec.id, f"2024-{m:02d}"): k for m, (k, _) in enumerate(SECOND, start=1)},
        **{(water.id, f"2024-{m:02d}"): w for m, (_, w) in enumerate(SECOND, start=1)},
    }


def test_the_first_file_imports_without_its_total(dialog, qtbot, monkeypatch, tmp_path):
    header = ["Thang", "Dien (kWh)", "Nuoc cap (m3)", "Ghi chu"]
    choose(qtbot, dialog, monkeypatch, write(tmp_path / "thang.xlsx", header, FIRST))
    check(qtbot, dialog)
    preview_rows = [dialog.preview.item(r, 0).text() for r in range(dialog.preview.rowCount())]
    assert "16" in preview_rows  # the skipped row is shown, greyed
    qtbot.mouseClick(dialog.btn_import, LEFT)
    elec = dialog.context.audit.streams[0]
    kwh = sorted(r.quantity for r in dialog.context.audit.records if r.stream_id == elec.id)
    assert kwh == sorted(k for k, _ in FIRST) and len(dialog.context.audit.records) == 24
    assert sum(kwh) == sum(k for k, _ in FIRST)  # the total row was not added as a month


@pytest.mark.parametrize("dialog", ["en", "vi"], indirect=True)
def test_screenshot_of_the_dialog(dialog, qtbot, monkeypatch, tmp_path):
    header = ["Thang", "Dien (kWh)", "Nuoc cap (m3)", "Ghi chu"]
    choose(qtbot, dialog, monkeypatch, write(tmp_path / "thang.xlsx", header, FIRST))
    check(qtbot, dialog)
    unmatched = dialog.unmatched.text()
    assert ("ignored" in unmatched) == (dialog.context.lang == "en")
    if os.environ.get("RECP_SHOTS"):
        dialog.grab().save(f"{os.environ['RECP_SHOTS']}/import_guess_{dialog.context.lang}.png")
