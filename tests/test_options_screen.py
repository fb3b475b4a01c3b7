"""The Options screen: log, filters, editor with live figures, workflow, undo, checked on disk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.model import CPCategory, Finding, OptionStatus, Screening
from app.ui.context import AuditContext
from app.ui.screens.options.model import COLUMN
from tests.test_options_synthetic import synthetic_audit
from tests.ui_helpers import reload


@pytest.fixture
def screen(tmp_path, qtbot):
    from app.store.auditfile import AuditFile
    from app.ui.screens.options import OptionsScreen

    path = tmp_path / "opts.recp"
    AuditFile.create(path, synthetic_audit(40, seed=11)).close()
    af = AuditFile.open(path)
    ctx = AuditContext(af, path=str(path), lang="en")
    widget = OptionsScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    yield widget
    af.close()


def visible_codes(screen) -> list[str]:
    proxy = screen.proxy
    return [proxy.index(r, COLUMN["code"]).data() for r in range(proxy.rowCount())]


def test_log_lists_every_option_and_sorts_numerically(screen):
    assert screen.proxy.rowCount() == 40
    screen.table.sortByColumn(COLUMN["investment"], Qt.DescendingOrder)
    invest = [
        o.investment_vnd
        for o in (screen.proxy.index(r, 0).data(Qt.UserRole + 2) for r in range(40))
    ]
    assert invest == sorted(invest, reverse=True)
    screen.table.sortByColumn(COLUMN["payback"], Qt.AscendingOrder)
    paybacks = [
        screen.analysis.finances[screen.proxy.index(r, 0).data(Qt.UserRole + 2).id].payback_years
        for r in range(40)
    ]
    numbers = [p for p in paybacks if p is not None]
    assert numbers == sorted(numbers) and paybacks[: len(numbers)] == numbers  # None last


def test_filters_by_category_status_step_stream_and_text(screen):
    audit = screen.context.audit
    cat = CPCategory.EQUIPMENT_MODIFICATION
    screen.f_category.setCurrentIndex(screen.f_category.findData(cat.value))
    expected = sorted(o.code for o in audit.options if o.category == cat)
    assert sorted(visible_codes(screen)) == expected
    screen.f_category.setCurrentIndex(0)
    screen.f_status.setCurrentIndex(screen.f_status.findData("planned"))
    assert sorted(visible_codes(screen)) == sorted(
        o.code for o in audit.options if o.status == OptionStatus.PLANNED
    )
    screen.f_status.setCurrentIndex(0)
    stream = audit.streams[3]
    screen.f_stream.setCurrentIndex(screen.f_stream.findData(stream.id))
    assert sorted(visible_codes(screen)) == sorted(
        o.code for o in audit.options if any(s.stream_id == stream.id for s in o.savings)
    )
    screen.f_stream.setCurrentIndex(0)
    step = audit.steps[1]
    screen.f_step.setCurrentIndex(screen.f_step.findData(step.id))
    assert sorted(visible_codes(screen)) == sorted(
        o.code for o in audit.options if o.step_id == step.id
    )
    screen.f_step.setCurrentIndex(0)
    screen.search.setText("o-017")
    assert visible_codes(screen) == ["O-017"]


def test_editing_investment_updates_live_then_saves_and_undoes(screen, qtbot):
    ctx = screen.context
    target = ctx.audit.options[0]
    screen.select_option(target.id)
    editor = screen.editor
    assert editor.option.id == target.id
    field = editor.money_fields["investment_vnd"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "123456789")
    # Live: the payback shown follows the text as typed, before anything is saved.
    fin_now = screen.analysis.finance(target)
    live = editor.figures["payback"].text()
    if fin_now.annual_net_saving_vnd > 0:
        expected = ctx.format_number(123456789 / fin_now.annual_net_saving_vnd, 2)
        assert expected in live
    assert reload(ctx.path).options[0].investment_vnd == target.investment_vnd
    field.editingFinished.emit()
    on_disk = {o.id: o for o in reload(ctx.path).options}
    assert on_disk[target.id].investment_vnd == 123456789
    row = screen.model.row_of(target.id)
    assert screen.model.sort_value(row, COLUMN["investment"]) == 123456789
    ctx.undo_stack.undo()
    on_disk = {o.id: o for o in reload(ctx.path).options}
    assert on_disk[target.id].investment_vnd == target.investment_vnd
    assert screen.model.sort_value(row, COLUMN["investment"]) == target.investment_vnd


def test_negative_investment_is_saved_but_flagged_in_the_editor(screen):
    ctx = screen.context
    target = ctx.audit.options[1]
    screen.select_option(target.id)
    field = screen.editor.money_fields["investment_vnd"]
    field.setText("-5")
    field.editingFinished.emit()
    assert "investment cannot be negative" in screen.editor.problems.text()


def test_status_workflow_refuses_missing_data_and_records_the_change(screen):
    ctx = screen.context
    target = next(o for o in ctx.audit.options if o.status == OptionStatus.IDENTIFIED)
    screen.select_option(target.id)
    ed = screen.editor
    ed.new_status.setCurrentIndex(ed.new_status.findData("implemented"))
    assert not ed.record_status()
    assert "screening" in ed.problems.text().lower()
    assert {o.id: o for o in reload(ctx.path).options}[target.id].status == OptionStatus.IDENTIFIED
    ed.f_screening.setCurrentIndex(ed.f_screening.findData(Screening.IMPLEMENT_DIRECTLY.value))
    ed.f_screening.activated.emit(ed.f_screening.currentIndex())
    ed.new_status.setCurrentIndex(ed.new_status.findData("screened"))
    assert ed.record_status()
    saved = {o.id: o for o in reload(ctx.path).options}[target.id]
    assert saved.status == OptionStatus.SCREENED and saved.status_history[-1].status == "screened"
    ctx.undo_stack.undo()
    saved = {o.id: o for o in reload(ctx.path).options}[target.id]
    assert saved.status == OptionStatus.IDENTIFIED


def test_new_duplicate_delete_and_from_finding_are_undoable(screen):
    ctx = screen.context
    n = len(ctx.audit.options)
    new = screen.new_option()
    assert new is not None and len(reload(ctx.path).options) == n + 1
    assert screen.editor.option.id == new.id
    dup = screen.duplicate_selected()
    assert dup.code != new.code and len(reload(ctx.path).options) == n + 2
    assert screen.delete_selected()
    assert len(reload(ctx.path).options) == n + 1
    finding = Finding("Lò hơi", title="Hơi rò rỉ ở van", cp_category=CPCategory.PROCESS_CONTROL)
    ctx.edit("add finding", put=[finding])
    made = screen.open_new_option_from_finding(finding, "Thay van hơi")
    saved = {o.id: o for o in reload(ctx.path).options}[made.id]
    assert saved.finding_ids == [finding.id] and saved.title_vi == "Thay van hơi"
    assert saved.category == CPCategory.PROCESS_CONTROL
    assert screen.editor.option.id == made.id
    for _ in range(5):
        ctx.undo_stack.undo()
    assert len(reload(ctx.path).options) == n
    assert screen.proxy.rowCount() == n


def test_weights_are_saved_and_reorder_the_ranking(screen):
    ctx = screen.context
    screen.tabs.setCurrentIndex(1)
    for c, v in (("economic", 0), ("technical", 0), ("environmental", 1)):
        screen.weight_spins[c].setValue(v)
    screen._weights_edited()
    assert ctx.file.get_setting("option_weights") == {
        "economic": 0.0,
        "technical": 0.0,
        "environmental": 1.0,
    }
    first = screen.ranked.item(0, 1).text()
    best = max(
        (o for o in ctx.audit.options if o.screening != Screening.REJECTED),
        key=lambda o: o.scores["environmental"],
    )
    top = next(o for o in ctx.audit.options if o.code == first)
    assert top.scores["environmental"] == best.scores["environmental"]


def test_weights_go_through_the_one_edit_path_undo_redo_and_announce_it(screen):
    """A settings change: one undo step, announced to every screen with who asked for it."""
    import weakref

    ctx = screen.context
    before = ctx.file.get_setting("option_weights")
    heard = []
    ctx.changed.connect(lambda c: heard.append((c.settings, c.origin)))
    screen.weight_spins["economic"].setValue(0)
    screen._weights_edited()
    saved = ctx.file.get_setting("option_weights")
    assert saved["economic"] == 0.0
    assert heard == [(frozenset({"option_weights"}), screen)]
    assert ctx.undo_stack.undoText() == "Change weights"
    ctx.undo_stack.undo()
    assert ctx.file.get_setting("option_weights") == before
    assert screen.weight_spins["economic"].value() == screen.model.weights["economic"] != 0
    assert heard[-1] == (frozenset({"option_weights"}), None)  # undo: everyone refreshes
    ctx.undo_stack.redo()
    assert ctx.file.get_setting("option_weights") == saved
    assert screen.weight_spins["economic"].value() == 0
    command = ctx.undo_stack.command(ctx.undo_stack.index() - 1)
    assert isinstance(command._ctx, weakref.ref)  # the command holds the context weakly


def test_charts_and_totals_render_in_both_languages(screen, qtbot):
    qtbot.waitUntil(lambda: "40 options" in screen.summary.text())  # filled after first paint
    screen.tabs.setCurrentIndex(2)
    for name in ("mac", "bubble", "category"):
        screen.chart_choice.setCurrentIndex(screen.chart_choice.findData(name))
        assert not screen.chart_view.pixmap().isNull()
    assert "40 options" in screen.summary.text()
    screen.context.lang = "vi"
    screen.retranslate()
    assert "Quản lý nội vi tốt" in [
        screen.f_category.itemText(i) for i in range(screen.f_category.count())
    ]


def test_totals_tab_says_options_may_overlap_in_both_languages(screen, qtbot):
    from PySide6.QtWidgets import QApplication

    from app.ui.translations import Translations
    from tests.ui_helpers import ensure_qm

    ensure_qm()
    screen.tabs.setCurrentIndex(3)
    assert "overlap" in screen.totals_note.text()
    translations = Translations(QApplication.instance())
    translations.set_language("vi")
    try:
        screen.retranslate()
        assert "trùng nhau" in screen.totals_note.text()
    finally:
        translations.set_language("en")


def test_search_ignores_vietnamese_marks(screen, qtbot):
    """An auditor without a Vietnamese keyboard types "khi nen" and finds "khí nén"."""
    import copy

    ctx = screen.context
    target = copy.deepcopy(ctx.audit.options[5])
    target.title_vi = "Sửa rò rỉ khí nén ở xưởng Đúc"
    assert ctx.edit("rename", put=[target])
    screen.search.setFocus()
    qtbot.keyClicks(screen.search, "khi nen o xuong")
    assert visible_codes(screen) == [target.code]
    screen.search.clear()
    qtbot.keyClicks(screen.search, "XUONG duc")  # case and Đ too
    assert visible_codes(screen) == [target.code]
    screen.search.clear()
    screen.search.setText("khí nén ở xưởng")  # with marks still matches (QTest types ASCII only)
    assert visible_codes(screen) == [target.code]
