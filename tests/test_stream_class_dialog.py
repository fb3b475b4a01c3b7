"""The stream editor's symbiosis class: filtered by kind, suggested from the name, stored only
once the auditor confirms it (by clicks), and kept by the store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.core import model
from tests.test_baselines_screen import audit_with_streams
from tests.test_baselines_streams import open_screen
from tests.ui_helpers import reload


@pytest.fixture
def screen(tmp_path, qtbot):
    widget, af = open_screen(tmp_path, qtbot, audit_with_streams())
    yield widget
    af.close()


def clicking(qtbot, steps):
    """A ``run_dialog`` stand-in: shows the dialog, runs ``steps(dialog)``, clicks OK."""

    def run(dialog) -> bool:
        dialog.show()
        qtbot.waitExposed(dialog)
        steps(dialog)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        run.dialog = dialog
        return dialog.result() == dialog.DialogCode.Accepted

    return run


def click_box(qtbot, box):
    """Click a check box on its indicator (a click right of its label does not toggle it)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def choose_kind(qtbot, dialog, kind):
    index = dialog.kind.findData(kind.value, Qt.ItemDataRole.UserRole)
    dialog.kind.setFocus()
    for _ in range(40):  # arrow keys, as a user picks in the list
        if dialog.kind.currentIndex() == index:
            break
        key = Qt.Key.Key_Down if dialog.kind.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(dialog.kind, key)


def test_suggested_class_is_preselected_but_stored_only_when_confirmed(screen, qtbot):
    ctx = screen.context
    seen = {}

    def type_plastic(dialog):
        choose_kind(qtbot, dialog, model.StreamKind.SOLID_WASTE)
        # typed without accents (QTest types ASCII only): matching ignores them anyway
        qtbot.keyClicks(dialog.name_vi, "Nhua vun tu may ep")
        qtbot.keyClicks(dialog.name_en, "Plastic offcuts")
        dialog.unit.setFocus()
        dialog.unit.lineEdit().selectAll()
        qtbot.keyClicks(dialog.unit.lineEdit(), "t")
        codes = [dialog.waste_class.itemData(i) for i in range(dialog.waste_class.count())]
        seen["codes"] = codes
        seen["current"] = dialog.waste_class.currentData()
        seen["confirmed"] = dialog.class_confirmed.isChecked()
        seen["hint"] = dialog.class_hint.text()

    screen.run_dialog = clicking(qtbot, type_plastic)
    assert screen.add_stream()
    # filtered by kind: solid-waste classes, no water or hazardous-only ones
    assert "W-PLASTIC" in seen["codes"] and "WATER-PROCESS" not in seen["codes"]
    assert "17 02 04" not in seen["codes"]
    assert seen["current"] == "W-PLASTIC" and seen["confirmed"] is False
    assert "Confirm class" in seen["hint"]
    added = next(s for s in reload(ctx.path).streams if s.name_vi == "Nhua vun tu may ep")
    assert added.waste_class == ""  # suggested, not confirmed: nothing stored

    # edit it: the suggestion is there again; the auditor ticks "Confirm class"
    screen.select_stream(added.id)

    def confirm(dialog):
        assert dialog.windowTitle() == "Edit stream"
        assert dialog.waste_class.currentData() == "W-PLASTIC"
        click_box(qtbot, dialog.class_confirmed)

    screen.run_dialog = clicking(qtbot, confirm)
    assert screen.edit_selected_stream()
    stored = next(s for s in reload(ctx.path).streams if s.id == added.id)
    assert stored.waste_class == "W-PLASTIC"
    assert (stored.name_vi, stored.unit, stored.position) == (added.name_vi, "t", added.position)
    ctx.undo_stack.undo()
    assert next(s for s in reload(ctx.path).streams if s.id == added.id).waste_class == ""
    ctx.undo_stack.redo()
    assert next(s for s in reload(ctx.path).streams if s.id == added.id).waste_class == "W-PLASTIC"

    # editing again shows it confirmed; un-ticking clears it
    def untick(dialog):
        assert dialog.class_confirmed.isChecked()
        click_box(qtbot, dialog.class_confirmed)

    screen.run_dialog = clicking(qtbot, untick)
    screen.select_stream(added.id)  # undo/redo rebuilt the list
    assert screen.edit_selected_stream()
    assert next(s for s in reload(ctx.path).streams if s.id == added.id).waste_class == ""


def test_picking_a_class_in_the_list_confirms_it(screen, qtbot):
    ctx = screen.context

    def pick(dialog):
        choose_kind(qtbot, dialog, model.StreamKind.SOLID_WASTE)
        qtbot.keyClicks(dialog.name_vi, "Phe lieu khac")
        dialog.unit.lineEdit().selectAll()
        qtbot.keyClicks(dialog.unit.lineEdit(), "t")
        assert dialog.waste_class.currentData() == ""  # nothing to suggest
        target = dialog.waste_class.findData("W-METAL-FE")
        dialog.waste_class.setFocus()
        for _ in range(target):
            qtbot.keyClick(dialog.waste_class, Qt.Key.Key_Down)
        assert dialog.class_confirmed.isChecked()

    screen.run_dialog = clicking(qtbot, pick)
    assert screen.add_stream()
    added = next(s for s in reload(ctx.path).streams if s.name_vi == "Phe lieu khac")
    assert added.waste_class == "W-METAL-FE"


def test_the_class_round_trips_through_the_store(tmp_path):
    from app.store.auditfile import AuditFile
    from tests.ui_helpers import make_file

    audit = audit_with_streams()
    audit.streams[0].waste_class = "W-ASH-BOTTOM"
    path = make_file(tmp_path, audit)
    with AuditFile.open(path) as af:
        again = af.load()
    assert next(s for s in again.streams if s.id == audit.streams[0].id).waste_class == (
        "W-ASH-BOTTOM"
    )
    assert all(s.waste_class == "" for s in again.streams if s.id != audit.streams[0].id)
