"""The Baselines screen: grid typing and pasting, stream edits, import wizard, balances, charts;
every edit undoable and on disk."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt

from app.core import model
from app.ui.context import AuditContext
from app.ui.jobs import JobRunner
from app.ui.screens.baselines import BaselinesScreen
from tests.ui_helpers import make_file, reload, sample_audit


def audit_with_streams():
    audit = sample_audit()
    elec = model.ResourceStream(
        model.StreamKind.ELECTRICITY,
        "Điện lưới",
        "kWh",
        name_en="Grid electricity",
        unit_price_vnd=2000,
    )
    water = model.ResourceStream(model.StreamKind.WATER, "Nước cấp", "m³", name_en="Mains water")
    audit.streams = [elec, water]
    audit.records = [model.PeriodRecord(elec.id, f"2024-{m:02d}", 1000.0) for m in range(1, 11)]
    audit.records.append(model.PeriodRecord(elec.id, "2024-11", 5000.0))  # an outlier
    return audit


@pytest.fixture
def screen(tmp_path, qtbot):
    from app.store.auditfile import AuditFile

    path = make_file(tmp_path, audit_with_streams())
    af = AuditFile.open(path)
    context = AuditContext(af, path=str(path), lang="en", jobs=JobRunner())
    widget = BaselinesScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    yield widget
    context.jobs.wait()
    af.close()


def cell(screen, period, stream_name):
    m = screen.records_model
    col = next(i for i, s in enumerate(m.streams) if s.name_vi == stream_name)
    return m.index(m.periods.index(period), col)


def quantities(audit, name):
    sid = next(s.id for s in audit.streams if s.name_vi == name)
    return {r.period: r.quantity for r in audit.records if r.stream_id == sid}


def test_grid_shows_months_streams_and_flags(screen):
    m = screen.records_model
    assert m.rowCount() == 12 and m.columnCount() == 2
    assert m.headerData(0, Qt.Vertical) == "Jan 2024"
    assert m.data(cell(screen, "2024-01", "Điện lưới")) == "1,000"
    assert m.data(cell(screen, "2024-11", "Điện lưới"), Qt.BackgroundRole) is not None  # outlier
    assert m.data(cell(screen, "2024-12", "Điện lưới"), Qt.BackgroundRole) is not None  # gap
    assert m.data(cell(screen, "2024-02", "Điện lưới"), Qt.BackgroundRole) is None
    texts = [screen.quality_list.item(i).text() for i in range(screen.quality_list.count())]
    assert any("Dec 2024" in t for t in texts) and any(
        "Nov 2024" in t and "median" in t for t in texts
    )


def test_typing_a_figure_is_saved_and_undoable(screen):
    ctx = screen.context
    index = cell(screen, "2024-12", "Điện lưới")
    assert screen.records_model.setData(index, "1,250.5")
    assert quantities(reload(ctx.path), "Điện lưới")["2024-12"] == 1250.5
    assert screen.records_model.data(index, Qt.BackgroundRole) is None  # the gap is gone
    ctx.undo_stack.undo()
    assert "2024-12" not in quantities(reload(ctx.path), "Điện lưới")
    ctx.undo_stack.redo()
    assert quantities(reload(ctx.path), "Điện lưới")["2024-12"] == 1250.5
    # clearing a cell deletes the figure
    assert screen.records_model.setData(index, "")
    assert "2024-12" not in quantities(reload(ctx.path), "Điện lưới")


def test_bad_text_and_negative_are_refused(screen, qtbot):
    ctx = screen.context
    before = reload(ctx.path).records
    with qtbot.waitSignal(ctx.failed):
        assert not screen.records_model.setData(cell(screen, "2024-12", "Điện lưới"), "abc")
    assert not screen.records_model.setData(cell(screen, "2024-12", "Điện lưới"), "-5")
    assert len(reload(ctx.path).records) == len(before)


def test_paste_block_from_excel_with_months_in_vietnamese_is_one_undo_step(screen):
    ctx = screen.context
    ctx.set_language("vi")
    screen.records_model.reload()
    block = "01/12/2024\t1.234,5\t300\n15/01/2024\t900\t\n"
    assert screen.paste_text(block, 0, 0)
    on_disk = reload(ctx.path)
    assert quantities(on_disk, "Điện lưới")["2024-12"] == 1234.5
    assert quantities(on_disk, "Điện lưới")["2024-01"] == 900
    assert quantities(on_disk, "Nước cấp") == {"2024-12": 300}
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    undone = reload(ctx.path)
    assert (
        quantities(undone, "Nước cấp") == {} and quantities(undone, "Điện lưới")["2024-01"] == 1000
    )


def test_paste_with_a_bad_cell_writes_nothing(screen):
    ctx = screen.context
    before = sorted((r.stream_id, r.period, r.quantity) for r in reload(ctx.path).records)
    assert not screen.paste_text("5\t6\n7\tmười\n", 0, 0)
    assert sorted((r.stream_id, r.period, r.quantity) for r in reload(ctx.path).records) == before
    assert ctx.undo_stack.count() == 0


def test_positional_paste_fills_down_from_the_current_cell(screen):
    assert screen.paste_text("10\n20\n", 10, 1)  # Nov, Dec of the second stream
    assert quantities(reload(screen.context.path), "Nước cấp") == {"2024-11": 10, "2024-12": 20}


def test_stream_price_and_quality_edit_undo(screen):
    ctx = screen.context
    m = screen.streams_model
    row = next(i for i, s in enumerate(m.streams) if s.name_vi == "Điện lưới")
    assert m.setData(m.index(row, 4), "2,150")
    assert m.setData(m.index(row, 6), "poor")
    stream = next(s for s in reload(ctx.path).streams if s.name_vi == "Điện lưới")
    assert (stream.unit_price_vnd, stream.quality) == (2150, model.DataQuality.POOR)
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    stream = next(s for s in reload(ctx.path).streams if s.name_vi == "Điện lưới")
    assert (stream.unit_price_vnd, stream.quality) == (2000, model.DataQuality.GOOD)
    assert not m.setData(m.index(row, 3), "m³")  # a volume is no unit for electricity


def test_import_wizard_preview_then_one_undoable_step(screen, tmp_path, qtbot):
    ctx = screen.context
    wb = openpyxl.Workbook()
    wb.active.append(["Tháng", "Điện lưới (kWh)", "Nước cấp (m3)"])
    wb.active.append(["12/2024", "1.500", 40])
    wb.active.append(["Jan 2025", 1600, 41])
    src = tmp_path / "bills.xlsx"
    wb.save(src)
    dialog = screen.open_import(str(src))
    qtbot.addWidget(dialog)
    mapping = dialog.mapping()  # guessed from the headers
    assert [c.column for c in mapping.columns] == ["Điện lưới (kWh)", "Nước cấp (m3)"]
    dialog.check(wait=True)
    qtbot.waitUntil(lambda: dialog.result is not None)
    assert dialog.preview.rowCount() == 2 and dialog.btn_import.isEnabled()
    assert "1.500 → 1500" in dialog.preview.item(0, 2).text()  # the ambiguous cell as read
    before = len(reload(ctx.path).records)
    assert dialog.accept_import()
    assert len(reload(ctx.path).records) == before + 4
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert len(reload(ctx.path).records) == before


def test_import_wizard_with_errors_cannot_import(screen, tmp_path, qtbot):
    src = tmp_path / "bad.csv"
    src.write_text("Tháng,Điện lưới\n31/02/2024,5\n", encoding="utf-8")
    dialog = screen.open_import(str(src))
    qtbot.addWidget(dialog)
    dialog.check(wait=True)
    qtbot.waitUntil(lambda: dialog.result is not None)
    assert not dialog.btn_import.isEnabled() and not dialog.accept_import()
    assert any(
        "Impossible date" in dialog.problems.item(i).text() for i in range(dialog.problems.count())
    )


def test_balances_highlight_the_unaccounted_remainder(screen):
    t = screen.balances
    # only water flows: the tab opens on water, not on the (empty) materials balance
    assert screen.dimension_box.currentData() == "volume"
    assert t.rowCount() == 1
    assert t.item(0, 0).text() == "Dyeing" and t.item(0, 4).text() == "100.0"  # 1000 − 900 m³
    assert t.item(0, 5).text() == "10.0 %"
    assert t.item(0, 4).background().color().name() == "#f4b6b6"  # above 5 %: highlighted
    assert t.item(0, 1).background().style() == Qt.NoBrush
    assert t.horizontalHeaderItem(1).text() == "Inputs\n(m³)"
    # the user's choice of resource is kept, even one without flows
    mass = screen.dimension_box.findData("mass")
    screen.dimension_box.setCurrentIndex(mass)  # as picking it in the list does
    assert t.rowCount() == 0
    screen._fill_balances()
    assert screen.dimension_box.currentData() == "mass"


def test_charts_and_sankey_draw_in_a_canvas(screen, qtbot):
    screen.show()
    screen.tabs.setCurrentIndex(2)
    assert screen.chart_view is not None and screen.chart_view.canvas is not None
    screen.tabs.setCurrentIndex(1)
    assert screen.sankey_view is not None and screen.sankey_view.figure.axes


def test_read_only_disables_import_and_editing(screen):
    screen.set_read_only(True)
    assert not screen.btn_import.isEnabled()
    assert screen.grid.editTriggers() == screen.grid.EditTrigger.NoEditTriggers


def test_long_stream_names_wrap_in_the_grid_header_and_the_tooltip_has_them_whole(screen):
    from app.ui.screens.baselines.models import wrap_header

    assert wrap_header("Than bitum cho lò hơi") == "Than bitum cho\nlò hơi"
    assert wrap_header("Điện lưới") == "Điện lưới"
    cut = wrap_header("Thuốc nhuộm hoạt tính cho máy nhuộm jet")
    assert cut.count("\n") == 1 and cut.endswith("…")
    assert all(len(line) <= 15 for line in cut.split("\n"))

    long_name = "Grid electricity from the industrial park substation"
    screen.context.audit.streams[0].name_en = long_name
    m = screen.records_model
    m.reload()
    header = screen.grid.horizontalHeader()
    for c in range(m.columnCount()):  # no header line wider than its column (Qt would clip it)
        label = m.headerData(c, Qt.Horizontal)
        widest = max(header.fontMetrics().horizontalAdvance(line) for line in label.split("\n"))
        assert widest < header.sectionSize(c), label
    column = next(i for i, s in enumerate(m.streams) if s.name_en == long_name)
    assert m.horizontalHeaderItem(column).toolTip() == f"{long_name} (kWh)"


def type_into_cell(qtbot, screen, index, text: str) -> None:
    """Click the cell, type ``text`` as the auditor does (the first key opens the editor) and
    press Enter."""
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    grid = screen.grid
    grid.scrollTo(index)
    qtbot.mouseClick(grid.viewport(), Qt.LeftButton, pos=grid.visualRect(index).center())
    assert grid.currentIndex() == index
    qtbot.keyClick(grid, text[0])
    # the editor of this cell: an earlier cell's editor may still await its deleteLater()
    editors = [e for e in grid.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor = editors[0] if len(editors) == 1 else None
    assert editor is not None and editor.text() == text[0]  # the key opened an editor
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key_Return)  # the delegate commits in a queued call
    qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState)


def test_a_typed_ten_times_too_small_figure_warns_at_once_and_is_listed(screen, qtbot):
    """100 typed for December among 1,000 kWh months: saved as typed, coloured, said above the
    grid at once and listed in the data-quality list; a right figure takes the warning away."""
    screen.show()
    qtbot.waitExposed(screen)
    warning = screen.entry_warning
    assert not warning.isVisible()
    index = cell(screen, "2024-12", "Điện lưới")
    type_into_cell(qtbot, screen, index, "100")
    assert quantities(reload(screen.context.path), "Điện lưới")["2024-12"] == 100  # still saved
    said = "Dec 2024 is 100 kWh, only 1/10 of the median of the other months (1,000 kWh)"
    assert warning.isVisible() and said in warning.text()
    assert "typo" in warning.text()
    texts = [screen.quality_list.item(i).text() for i in range(screen.quality_list.count())]
    assert f"“Grid electricity”: {said}" in texts  # the stream's English name in English
    m = screen.records_model
    assert m.data(index, Qt.BackgroundRole).color().name() == "#f4b6b6"  # the outlier colour
    assert said in m.data(index, Qt.ToolTipRole)
    # a right figure for the month: the warning goes, and so does the list entry
    type_into_cell(qtbot, screen, index, "1050")
    assert not warning.isVisible()
    texts = [screen.quality_list.item(i).text() for i in range(screen.quality_list.count())]
    assert not any("Grid electricity" in t and "Dec 2024" in t for t in texts), texts


def test_the_entry_warning_speaks_vietnamese_and_a_paste_warns_too(screen, qtbot, qapp):
    from app.ui.translations import Translations
    from tests.ui_helpers import ensure_qm

    ensure_qm()
    translations = Translations(qapp)
    translations.set_language("vi")
    try:
        screen.context.set_language("vi")
        screen.retranslate()
        screen.show()
        qtbot.waitExposed(screen)
        type_into_cell(qtbot, screen, cell(screen, "2024-12", "Điện lưới"), "100")
        said = screen.entry_warning.text()
        assert said.startswith("Kiểm tra số vừa nhập — số đã được lưu, hãy sửa nếu gõ nhầm:")
        assert "tháng 12/2024 là 100 kWh, chỉ bằng 1/10 trung vị các tháng khác (1.000 kWh)" in said
        # a pasted block with a figure 10x too large (Jan) among right ones: said as well
        assert screen.paste_text("10000\n1000\n", 0, 0)  # unambiguous: no question
        said = screen.entry_warning.text()
        assert "tháng 01/2024 là 10.000 kWh, gấp 10 lần trung vị" in said
        assert "12/2024" not in said  # only what this paste entered
    finally:
        translations.set_language("en")
