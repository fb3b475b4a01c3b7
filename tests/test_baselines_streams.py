"""Baselines screen: adding, duplicating and removing streams, notes on monthly figures, empty
states, and the grid's refresh. Each edit is checked on disk (a second opener), undone, checked
again, redone, checked again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core import model
from app.ui.context import AuditContext
from app.ui.screens.baselines import BaselinesScreen
from tests.test_baselines_screen import audit_with_streams
from tests.ui_helpers import make_file, reload


def open_screen(tmp_path, qtbot, audit, lang="en"):
    from app.store.auditfile import AuditFile

    path = make_file(tmp_path, audit)
    af = AuditFile.open(path)
    context = AuditContext(af, path=str(path), lang=lang)
    widget = BaselinesScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    return widget, af


@pytest.fixture
def screen(tmp_path, qtbot):
    widget, af = open_screen(tmp_path, qtbot, linked_audit())
    yield widget
    af.close()


def linked_audit() -> model.Audit:
    """Two streams with records, the electricity linked from a flow, a finding and an option."""
    audit = audit_with_streams()
    elec = audit.streams[0]
    audit.flows[0].stream_id = elec.id
    audit.findings = [model.Finding("Xưởng nhuộm", title="Máy nén rò khí", stream_id=elec.id)]
    audit.options = [
        model.Option(
            "Sửa rò rỉ khí nén",
            savings=[
                model.OptionSaving(elec.id, 12000.0),
                model.OptionSaving(audit.streams[1].id, 50.0),
            ],
        )
    ]
    return audit


def names(audit: model.Audit) -> list[str]:
    return sorted(s.name_vi for s in audit.streams)


def fill_dialog(**values):
    """A ``run_dialog`` stand-in: fills the dialog's fields like a user, then presses OK."""

    def run(dialog) -> bool:
        dialog.set_kind(values.get("kind", model.StreamKind.FUEL))
        dialog.name_vi.setText(values.get("name_vi", "Dầu FO lò hơi"))
        dialog.name_en.setText(values.get("name_en", "Boiler fuel oil"))
        if values.get("fuel"):  # (the fuel proposes its unit; the unit below is the user's)
            dialog.fuel.setCurrentIndex(dialog.fuel.findData(values["fuel"]))
        dialog.unit.setEditText(values.get("unit", "tấn"))
        dialog.price.setText(values.get("price", "15,500,000"))
        dialog.source.setCurrentIndex(dialog.source.findData("measured"))
        dialog.quality.setCurrentIndex(dialog.quality.findData("fair"))
        dialog.confidential.setChecked(values.get("confidential", False))
        dialog.note.setText(values.get("note", ""))
        dialog.accept()
        run.dialog = dialog
        return dialog.result() == dialog.DialogCode.Accepted

    return run


def test_add_stream_dialog_saves_every_field_and_undoes(screen):
    ctx = screen.context
    screen.run_dialog = fill_dialog(fuel="fo", confidential=True, note="Đồng hồ lắp 2023")
    assert screen.add_stream()
    added = next(s for s in reload(ctx.path).streams if s.name_vi == "Dầu FO lò hơi")
    assert (added.kind, added.unit, added.unit_price_vnd) == (model.StreamKind.FUEL, "t", 15500000)
    assert (added.data_source, added.quality) == (model.DataSource.MEASURED, model.DataQuality.FAIR)
    assert (added.fuel_code, added.confidential, added.notes) == ("fo", True, "Đồng hồ lắp 2023")
    assert added.name_en == "Boiler fuel oil"
    assert any(s.id == added.id for s in screen.records_model.streams)  # a new grid column
    ctx.undo_stack.undo()
    assert "Dầu FO lò hơi" not in names(reload(ctx.path))
    assert all(s.id != added.id for s in screen.records_model.streams)
    ctx.undo_stack.redo()
    again = next(s for s in reload(ctx.path).streams if s.name_vi == "Dầu FO lò hơi")
    assert again == added


def test_add_stream_refuses_a_unit_that_does_not_fit_and_a_missing_name(screen):
    ctx = screen.context
    before = names(reload(ctx.path))
    screen.run_dialog = fill_dialog(kind=model.StreamKind.WATER, unit="kWh")
    assert not screen.add_stream()
    dialog = screen.run_dialog.dialog
    assert dialog.isVisible() is False and dialog.result() != dialog.DialogCode.Accepted
    assert "kWh is not a unit for this kind of stream" in dialog.error.text()
    assert "m³" in dialog.error.text()  # the message suggests units that fit
    screen.run_dialog = fill_dialog(kind=model.StreamKind.WATER, unit="m3", name_vi="  ")
    assert not screen.add_stream()
    assert "Vietnamese name" in screen.run_dialog.dialog.error.text()
    assert names(reload(ctx.path)) == before and ctx.undo_stack.count() == 0


def test_dialog_suggests_units_of_the_kind_and_fuels_with_names(screen):
    from app.ui.screens.baselines.stream import StreamDialog

    dialog = StreamDialog(screen.context, screen)
    dialog.set_kind(model.StreamKind.WATER)
    units = [dialog.unit.itemText(i) for i in range(dialog.unit.count())]
    assert "m³" in units and "kWh" not in units
    assert dialog.fuel.isHidden()
    dialog.set_kind(model.StreamKind.FUEL)
    assert not dialog.fuel.isHidden()
    fuels = {dialog.fuel.itemData(i): dialog.fuel.itemText(i) for i in range(dialog.fuel.count())}
    assert "Residual fuel oil" in fuels["fo"] and "lpg" in fuels
    # group headings are in the kind list but cannot be chosen
    heading = dialog.kind.model().item(0)
    assert heading.text() == "Energy" and not heading.isEnabled()


def test_remove_stream_with_records_asks_then_unlinks_and_undo_restores(screen):
    ctx = screen.context
    elec = next(s for s in ctx.audit.streams if s.name_vi == "Điện lưới")
    n_records = sum(1 for r in ctx.audit.records if r.stream_id == elec.id)
    asked = []
    screen.confirm = lambda message: asked.append(message) or False
    screen.select_stream(elec.id)
    assert not screen.remove_selected_stream()  # the user said no
    assert str(n_records) in asked[0] and "Điện lưới" in names(reload(ctx.path))
    screen.confirm = lambda message: True
    assert screen.remove_selected_stream()
    gone = reload(ctx.path)
    assert "Điện lưới" not in names(gone)
    assert not [r for r in gone.records if r.stream_id == elec.id]
    assert gone.flows[0].stream_id is None and gone.findings[0].stream_id is None
    assert [s.stream_id for s in gone.options[0].savings] == [gone.streams[0].id]  # water kept
    from app.store.auditfile import AuditFile

    with AuditFile.open(ctx.path) as af:
        assert not [p for p in af.check() if "stream" in str(p.params) + p.key]
    ctx.undo_stack.undo()
    back = reload(ctx.path)
    assert sum(1 for r in back.records if r.stream_id == elec.id) == n_records
    assert back.flows[0].stream_id == elec.id and back.findings[0].stream_id == elec.id
    assert {s.stream_id for s in back.options[0].savings} == {s.id for s in back.streams}
    ctx.undo_stack.redo()
    assert "Điện lưới" not in names(reload(ctx.path))
    assert not [r for r in reload(ctx.path).records if r.stream_id == elec.id]


def test_remove_stream_without_records_does_not_ask(screen):
    ctx = screen.context
    water = next(s for s in ctx.audit.streams if s.name_vi == "Nước cấp")
    screen.confirm = lambda message: pytest.fail("asked for a stream without figures")
    screen.select_stream(water.id)
    assert screen.remove_selected_stream()
    assert names(reload(ctx.path)) == ["Điện lưới"]


def test_duplicate_stream_copies_settings_not_figures(screen):
    ctx = screen.context
    elec = next(s for s in ctx.audit.streams if s.name_vi == "Điện lưới")
    screen.select_stream(elec.id)
    assert screen.duplicate_selected_stream()
    copy_ = next(s for s in reload(ctx.path).streams if s.name_vi == "Điện lưới (bản sao)")
    assert copy_.name_en == "Grid electricity (copy)" and copy_.id != elec.id
    assert (copy_.unit, copy_.unit_price_vnd, copy_.kind) == ("kWh", 2000, elec.kind)
    assert not [r for r in reload(ctx.path).records if r.stream_id == copy_.id]
    ctx.undo_stack.undo()
    assert names(reload(ctx.path)) == ["Nước cấp", "Điện lưới"]
    ctx.undo_stack.redo()
    assert "Điện lưới (bản sao)" in names(reload(ctx.path))


def test_note_on_a_monthly_figure_is_saved_marked_and_undoable(screen):
    ctx = screen.context
    m = screen.records_model
    col = next(i for i, s in enumerate(m.streams) if s.name_vi == "Điện lưới")
    row = m.periods.index("2024-03")
    index = m.index(row, col)
    assert m.data(index, Qt.DecorationRole) is None
    screen.grid.setCurrentIndex(index)
    assert screen.note_edit.isEnabled() and "Mar 2024" in screen.note_title.text()
    screen.note_edit.setText("Thay đồng hồ  ")
    screen.note_edit.editingFinished.emit()

    def note_on_disk():
        return next(
            r.note
            for r in reload(ctx.path).records
            if r.period == "2024-03" and r.stream_id == m.streams[col].id
        )

    assert note_on_disk() == "Thay đồng hồ"
    assert m.data(index, Qt.DecorationRole) is not None  # the marker
    assert "Thay đồng hồ" in m.data(index, Qt.ToolTipRole)
    assert screen.grid.currentIndex() == index  # the edit did not reset the grid
    ctx.undo_stack.undo()
    assert note_on_disk() == "" and m.data(index, Qt.DecorationRole) is None
    assert screen.note_edit.text() == ""
    ctx.undo_stack.redo()
    assert note_on_disk() == "Thay đồng hồ" and screen.note_edit.text() == "Thay đồng hồ"
    # an empty month has no record to hold a note
    screen.grid.setCurrentIndex(m.index(m.periods.index("2024-12"), col))
    assert not screen.note_edit.isEnabled()


def test_grid_refresh_updates_only_changed_cells_and_keeps_items(screen):
    m = screen.records_model
    col = next(i for i, s in enumerate(m.streams) if s.name_vi == "Nước cấp")
    untouched = m.item(0, 0)
    assert m.setData(m.index(0, col), "42")
    assert m.item(0, 0) is untouched  # no rebuild: same items, scroll and selection kept
    assert m.data(m.index(0, col)) == "42"


@pytest.fixture
def vietnamese_ui(qapp):
    from app.ui.translations import Translations
    from tests.ui_helpers import ensure_qm

    ensure_qm()
    translations = Translations(qapp)
    translations.set_language("vi")
    yield
    translations.set_language("en")


def test_empty_audit_says_what_to_do_first(tmp_path, qtbot, vietnamese_ui):
    widget, af = open_screen(tmp_path, qtbot, model.Audit(), lang="vi")
    try:
        widget.show()
        assert widget.empty_hint.isVisible()
        assert (
            "Thêm dòng tài nguyên…" in widget.empty_hint.text()
        )  # points at the Add stream button
        assert widget.records_model.rowCount() == 0 and widget.records_model.columnCount() == 0
        assert not widget.btn_remove_stream.isEnabled()
        widget.run_dialog = fill_dialog(
            kind=model.StreamKind.ELECTRICITY, name_vi="Điện", unit="kWh", price=""
        )
        assert widget.add_stream()
        # a stream but no baseline months yet: the hint says where to set them
        assert widget.empty_hint.isVisible() and "Doanh nghiệp" in widget.empty_hint.text()
    finally:
        af.close()


def test_add_stream_dialog_opens_consistent_with_the_usual_unit_of_each_kind(screen, qtbot):
    """Electricity in kWh at open (no fuel row), water in m³, fuels in their usual unit (DO in
    litres, coal in tonnes, gas in m³), no reference code on screen; a unit the auditor typed
    stays when the kind changes and still fits."""
    from app.ui.screens.baselines.stream import StreamDialog

    dialog = StreamDialog(screen.context, screen)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.current_kind() == model.StreamKind.ELECTRICITY
    assert dialog.unit.currentText() == "kWh" and not dialog.fuel.isVisible()
    dialog.set_kind(model.StreamKind.WATER)
    assert dialog.unit.currentText() == "m³"
    dialog.set_kind(model.StreamKind.FUEL)
    assert dialog.unit.currentText() == "t" and dialog.fuel.isVisible()
    texts = [dialog.fuel.itemText(i) for i in range(dialog.fuel.count())]
    assert not any("coal_bituminous" in t or "(do)" in t for t in texts)
    for code, unit in (("do", "L"), ("coal_bituminous", "t"), ("natural_gas", "m³")):
        dialog.fuel.setCurrentIndex(dialog.fuel.findData(code))
        assert dialog.unit.currentText() == unit, code
    dialog.set_kind(model.StreamKind.CHEMICAL)
    assert dialog.unit.currentText() == "kg"
    dialog.unit.lineEdit().selectAll()
    qtbot.keyClicks(dialog.unit.lineEdit(), "t")  # typed by the auditor
    dialog.set_kind(model.StreamKind.SOLID_WASTE)
    assert dialog.unit.currentText() == "t"
    dialog.set_kind(model.StreamKind.WATER)  # t does not fit water: its usual unit instead
    assert dialog.unit.currentText() == "m³"
    dialog.set_kind(model.StreamKind.FUEL)
    dialog.unit.lineEdit().selectAll()
    qtbot.keyClicks(dialog.unit.lineEdit(), "kg")
    dialog.fuel.setCurrentIndex(dialog.fuel.findData("do"))
    assert dialog.unit.currentText() == "kg"  # the auditor's unit survives the fuel choice
