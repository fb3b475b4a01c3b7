"""Enterprise & team and Products & process steps: every kind of edit, undo and redo, on disk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core import model
from app.ui.context import AuditContext
from app.ui.screens.enterprise import EnterpriseScreen
from app.ui.screens.products import ProductsScreen
from tests.ui_helpers import make_file, reload


@pytest.fixture
def ctx(tmp_path, qtbot):
    from app.store.auditfile import AuditFile

    path = make_file(tmp_path)
    af = AuditFile.open(path)
    context = AuditContext(af, path=str(path), lang="en")
    yield context
    af.close()


def roundtrip(ctx, check_after, check_before):
    """The edit is on disk; undo puts the old state on disk; redo the new one again."""
    check_after(reload(ctx.path))
    ctx.undo_stack.undo()
    check_before(reload(ctx.path))
    ctx.undo_stack.redo()
    check_after(reload(ctx.path))


def type_into(qtbot, field, text):
    field.setFocus()
    field.selectAll()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # QTest aborts on key clicks outside Latin-1: set the text as an input method would
        field.setText(text)
    field.editingFinished.emit()


# -------------------------------------------------------------------------- enterprise & team
def test_enterprise_text_field(ctx, qtbot):
    screen = EnterpriseScreen(ctx)
    qtbot.addWidget(screen)
    type_into(qtbot, screen.fields[("enterprise", "tax_code")], "0201234567")
    assert ctx.undo_stack.undoText() == "Edit Tax code"
    roundtrip(
        ctx,
        lambda a: a.info.enterprise.tax_code == "0201234567" or pytest.fail("not saved"),
        lambda a: a.info.enterprise.tax_code == "" or pytest.fail("not undone"),
    )
    # the field follows undo/redo
    ctx.undo_stack.undo()
    assert screen.fields[("enterprise", "tax_code")].text() == ""


def test_enterprise_number_and_date_fields(ctx, qtbot):
    screen = EnterpriseScreen(ctx)
    qtbot.addWidget(screen)
    type_into(qtbot, screen.fields[("enterprise", "employees")], "1,250")
    type_into(qtbot, screen.fields[("info", "start_date")], "15/03/2025")
    type_into(qtbot, screen.fields[("info", "baseline_start")], "07/2024")
    disk = reload(ctx.path)
    assert disk.info.enterprise.employees == 1250
    assert disk.info.start_date.isoformat() == "2025-03-15"
    assert disk.info.baseline_start == "2024-07"
    ctx.undo_stack.undo()
    assert reload(ctx.path).info.baseline_start == "2024-01"
    ctx.undo_stack.redo()
    assert reload(ctx.path).info.baseline_start == "2024-07"


def test_enterprise_bad_number_is_refused_and_nothing_saved(ctx, qtbot):
    screen = EnterpriseScreen(ctx)
    qtbot.addWidget(screen)
    type_into(qtbot, screen.fields[("enterprise", "employees")], "nhiều")
    assert ctx.undo_stack.count() == 0
    assert reload(ctx.path).info.enterprise.employees is None
    assert screen.fields[("enterprise", "employees")].text() == "nhiều"  # kept for correction


def test_team_add_edit_remove(ctx, qtbot):
    screen = EnterpriseScreen(ctx)
    qtbot.addWidget(screen)
    member = screen.add_member()
    assert member is not None
    roundtrip(
        ctx,
        lambda a: member.id in {m.id for m in a.team} or pytest.fail("not added"),
        lambda a: member.id not in {m.id for m in a.team} or pytest.fail("not undone"),
    )
    row = next(r for r in range(screen.team.rowCount()) if screen.team.row_data(r) == member.id)
    screen.team.item(row, 1).setText("Kỹ sư năng lượng")
    assert ctx.undo_stack.undoText() == "Edit team member"
    role = lambda a: next(m.role for m in a.team if m.id == member.id)  # noqa: E731
    roundtrip(
        ctx,
        lambda a: role(a) == "Kỹ sư năng lượng" or pytest.fail("role"),
        lambda a: role(a) == "" or pytest.fail("role undo"),
    )
    screen.team.selectRow(row)
    screen.remove_selected_members()
    roundtrip(
        ctx,
        lambda a: member.id not in {m.id for m in a.team} or pytest.fail("not removed"),
        lambda a: role(a) == "Kỹ sư năng lượng" or pytest.fail("not restored"),
    )


def test_enterprise_completeness_grows(ctx, qtbot):
    before = EnterpriseScreen.completeness_of(ctx.audit)
    screen = EnterpriseScreen(ctx)
    qtbot.addWidget(screen)
    type_into(qtbot, screen.fields[("enterprise", "province")], "Hải Phòng")
    assert screen.completeness() > before


# -------------------------------------------------------------------------- products & steps
def test_output_cell_edit_create_and_clear(ctx, qtbot):
    screen = ProductsScreen(ctx)
    qtbot.addWidget(screen)
    product = ctx.audit.products[0]
    col = 3 + screen.periods.index("2024-02")
    screen.grid.item(0, col).setText("312.5")
    out = lambda a, p="2024-02": [r.quantity for r in a.production if r.period == p]  # noqa: E731
    roundtrip(
        ctx,
        lambda a: out(a) == [312.5] or pytest.fail("new"),
        lambda a: out(a) == [] or pytest.fail("undo"),
    )
    screen.grid.item(0, 3).setText("260")  # January existed: updated in place
    roundtrip(
        ctx,
        lambda a: out(a, "2024-01") == [260.0] or pytest.fail(),
        lambda a: out(a, "2024-01") == [250.0] or pytest.fail(),
    )
    screen.grid.item(0, 3).setText("")  # clearing deletes the record
    roundtrip(
        ctx,
        lambda a: out(a, "2024-01") == [] or pytest.fail(),
        lambda a: out(a, "2024-01") == [260.0] or pytest.fail(),
    )
    assert product.id == ctx.audit.products[0].id


def test_output_bad_text_refused(ctx, qtbot):
    screen = ProductsScreen(ctx)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(ctx.failed):
        screen.grid.item(0, 4).setText("abc")
    assert ctx.undo_stack.count() == 0
    assert screen.grid.item(0, 4).text() == ""


def test_product_add_rename_remove(ctx, qtbot):
    screen = ProductsScreen(ctx)
    qtbot.addWidget(screen)
    product = screen.add_product()
    names = lambda a: {p.id: p.name_vi for p in a.products}  # noqa: E731
    roundtrip(
        ctx,
        lambda a: product.id in names(a) or pytest.fail(),
        lambda a: product.id not in names(a) or pytest.fail(),
    )
    row = [p.id for p in screen._products()].index(product.id)
    screen.grid.item(row, 0).setText("Vải mộc")
    roundtrip(
        ctx,
        lambda a: names(a)[product.id] == "Vải mộc" or pytest.fail(),
        lambda a: names(a)[product.id] != "Vải mộc" or pytest.fail(),
    )
    # removing a product removes its output too, and undo restores both
    first = ctx.audit.products[0]
    screen.grid.setCurrentCell([p.id for p in screen._products()].index(first.id), 0)
    screen.remove_selected_product()
    roundtrip(
        ctx,
        lambda a: (first.id not in names(a) and not a.production) or pytest.fail(),
        lambda a: (first.id in names(a) and len(a.production) == 1) or pytest.fail(),
    )


def test_steps_drag_and_drop_reorders(ctx, qtbot):
    screen = ProductsScreen(ctx)
    qtbot.addWidget(screen)
    order = lambda a: [s.name_vi for s in sorted(a.steps, key=lambda s: s.position)]  # noqa: E731
    assert order(ctx.audit) == ["Giũ hồ", "Nhuộm", "Sấy"]
    # A drop in the view is a row move in its model: do exactly that.
    screen.steps.model().moveRow(screen.steps.rootIndex(), 2, screen.steps.rootIndex(), 0)
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == 1)
    assert ctx.undo_stack.undoText() == "Reorder process steps"
    roundtrip(
        ctx,
        lambda a: order(a) == ["Sấy", "Giũ hồ", "Nhuộm"] or pytest.fail(order(a)),
        lambda a: order(a) == ["Giũ hồ", "Nhuộm", "Sấy"] or pytest.fail(order(a)),
    )
    assert [screen.steps.item(i).text() for i in range(3)] == ["Drying", "Desizing", "Dyeing"]


def test_steps_buttons_add_rename_move_remove(ctx, qtbot):
    screen = ProductsScreen(ctx)
    qtbot.addWidget(screen)
    step = screen.add_step()
    ids = lambda a: [s.id for s in sorted(a.steps, key=lambda s: s.position)]  # noqa: E731
    roundtrip(
        ctx,
        lambda a: ids(a)[-1] == step.id or pytest.fail(),
        lambda a: step.id not in ids(a) or pytest.fail(),
    )
    screen.steps.setCurrentRow(3)
    screen.steps.item(3).setText("Hoàn tất")
    roundtrip(
        ctx,
        lambda a: (
            next(s.name_vi for s in a.steps if s.id == step.id) == "Hoàn tất" or pytest.fail()
        ),
        lambda a: (
            next(s.name_vi for s in a.steps if s.id == step.id) != "Hoàn tất" or pytest.fail()
        ),
    )
    screen.steps.setCurrentRow(3)
    screen.move_selected_step(-1)
    roundtrip(
        ctx,
        lambda a: ids(a)[2] == step.id or pytest.fail(),
        lambda a: ids(a)[3] == step.id or pytest.fail(),
    )
    dyeing = next(s for s in ctx.audit.steps if s.name_vi == "Nhuộm")
    screen.steps.setCurrentRow(screen.steps.ids().index(dyeing.id))
    screen.remove_selected_step()
    assert ctx.undo_stack.undoText() == "Remove process step"
    roundtrip(
        ctx,
        lambda a: (
            (
                dyeing.id not in ids(a)
                and sorted(s.position for s in a.steps) == [0, 1, 2]
                and not a.flows
            )
            or pytest.fail()
        ),
        lambda a: (dyeing.id in ids(a) and len(a.flows) == 2) or pytest.fail(),
    )


def test_flows_add_edit_direction_remove(ctx, qtbot):
    screen = ProductsScreen(ctx)
    qtbot.addWidget(screen)
    dyeing = next(s for s in ctx.audit.steps if s.name_vi == "Nhuộm")
    screen.steps.setCurrentRow(screen.steps.ids().index(dyeing.id))
    assert screen.flows.rowCount() == 2
    assert "10" in screen.balance.text()  # 1000 in, 900 lost: 100 unaccounted, 10 %
    flow = screen.add_flow()
    got = lambda a: next((f for f in a.flows if f.id == flow.id), None)  # noqa: E731
    roundtrip(
        ctx,
        lambda a: got(a) is not None or pytest.fail(),
        lambda a: got(a) is None or pytest.fail(),
    )
    row = [r for r in range(screen.flows.rowCount()) if screen.flows.row_data(r, 1) == flow.id][0]
    screen.flows.item(row, 3).setText("1,500.5")
    roundtrip(
        ctx,
        lambda a: got(a).quantity == 1500.5 or pytest.fail(),
        lambda a: got(a).quantity is None or pytest.fail(),
    )
    row = [r for r in range(screen.flows.rowCount()) if screen.flows.row_data(r, 1) == flow.id][0]
    screen.flows.item(row, 2).setText("Rinse water")  # the English name, for English reports
    roundtrip(
        ctx,
        lambda a: got(a).name_en == "Rinse water" or pytest.fail(),
        lambda a: got(a).name_en == "" or pytest.fail(),
    )
    row = [r for r in range(screen.flows.rowCount()) if screen.flows.row_data(r, 1) == flow.id][0]
    combo = screen.flows.cellWidget(row, 0)
    combo.setCurrentIndex(combo.findData(model.FlowDirection.OUTPUT.value))
    roundtrip(
        ctx,
        lambda a: got(a).direction is model.FlowDirection.OUTPUT or pytest.fail(),
        lambda a: got(a).direction is model.FlowDirection.INPUT or pytest.fail(),
    )
    row = [r for r in range(screen.flows.rowCount()) if screen.flows.row_data(r, 1) == flow.id][0]
    screen.flows.setCurrentCell(row, 1)
    screen.remove_selected_flow()
    roundtrip(
        ctx,
        lambda a: got(a) is None or pytest.fail(),
        lambda a: got(a).quantity == 1500.5 or pytest.fail(),
    )


def test_read_only_screens_disable_editing(tmp_path, qtbot):
    from app.store.auditfile import AuditFile

    path = make_file(tmp_path)
    with AuditFile.open(path):
        ro = AuditFile.open(path)
        ctx = AuditContext(ro, path=str(path))
        ent, prod = EnterpriseScreen(ctx), ProductsScreen(ctx)
        qtbot.addWidget(ent)
        qtbot.addWidget(prod)
        ent.set_read_only(True)
        prod.set_read_only(True)
        assert ent.fields[("enterprise", "name")].isReadOnly()
        assert not ent.btn_add.isEnabled() and not prod.btn_add_step.isEnabled()
        assert prod.grid.editTriggers() == prod.grid.EditTrigger.NoEditTriggers
        assert (
            not prod.steps.dragEnabled()
            or prod.steps.dragDropMode() == prod.steps.DragDropMode.NoDragDrop
        )
        ro.close()
    assert Qt  # imported for flags above


@pytest.mark.parametrize(
    ("screen_class", "button", "items"),
    [
        (EnterpriseScreen, "btn_add", lambda a: a.team),
        (ProductsScreen, "btn_add_product", lambda a: a.products),
        (ProductsScreen, "btn_add_step", lambda a: a.steps),
        (ProductsScreen, "btn_add_flow", lambda a: a.flows),
    ],
)
def test_add_buttons_hand_the_keyboard_to_the_new_row(ctx, qtbot, screen_class, button, items):
    """Space on "Add …", then type the name and Enter: one new row with that name (the keys
    must not go to the button, which would add an empty row for every Space typed)."""
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

    screen = screen_class(ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitExposed(screen)
    if button == "btn_add_flow":
        screen.steps.setCurrentRow(0)
    before = len(items(ctx.audit))
    btn = getattr(screen, button)
    btn.setFocus()
    qtbot.keyClick(btn, Qt.Key_Space)

    def editing() -> bool:
        w = QApplication.focusWidget()
        return isinstance(w, QLineEdit) and isinstance(w.parent().parent(), QAbstractItemView)

    qtbot.waitUntil(editing)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Ca 2 dem")  # a space inside the name, too
    qtbot.keyClick(editor, Qt.Key_Return)

    def names() -> list[str]:
        return [getattr(o, "name", None) or getattr(o, "name_vi", "") for o in items(ctx.audit)]

    qtbot.waitUntil(lambda: "Ca 2 dem" in names(), timeout=2000)
    assert len(names()) == before + 1
