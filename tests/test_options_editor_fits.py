"""The options editor fits a 1366x768 screen (issue 24): the status control and the key figures
(investment, net saving, payback, NPV) are in view without scrolling, the rest sits in tabs;
a refused change brings the tab of the field it names to the front; the log's column headers
are not clipped. In Vietnamese and English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from app.core.demo import build_demo_audit
from app.core.model import OptionStatus
from app.ui.screens.options.model import COLUMN
from tests.ui_helpers import ensure_qm


@pytest.fixture
def screen_in(tmp_path, qtbot):
    ensure_qm()
    from app.store.auditfile import AuditFile
    from app.ui.context import AuditContext
    from app.ui.screens.options import OptionsScreen
    from app.ui.translations import Translations

    translations = Translations(QApplication.instance())
    made = []

    def make(lang: str, width: int = 1090, height: int = 690):
        translations.set_language(lang)
        path = tmp_path / f"demo_{lang}.recp"
        AuditFile.create(path, build_demo_audit()).close()
        af = AuditFile.open(path)
        made.append(af)
        screen = OptionsScreen(AuditContext(af, path=str(path), lang=lang))
        qtbot.addWidget(screen)
        # The screen's share of a 1366x768 window (navigation, menu and status bar take the rest).
        screen.resize(width, height)
        screen.show()
        qtbot.waitExposed(screen)
        return screen

    yield make
    for af in made:
        af.close()
    translations.set_language("en")


def _in_view(editor, widget) -> bool:
    """The widget is shown and wholly inside the editor's visible area, scroll bar at the top."""
    viewport = editor.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return widget.isVisible() and viewport.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_status_and_key_figures_are_in_view_without_scrolling(screen_in, qtbot, lang):
    screen = screen_in(lang)
    ed = screen.editor
    for option in screen.context.audit.options:
        screen.select_option(option.id)
        QApplication.processEvents()
        assert ed.verticalScrollBar().maximum() == 0  # the editor itself never scrolls
        for widget in (ed.new_status, ed.status_date, ed.btn_status, ed.status_now):
            assert _in_view(ed, widget), (option.code, widget)
        for name in ("investment", "saving", "payback", "npv"):
            assert _in_view(ed, ed.figures[name]), (option.code, name)
            assert ed.figures[name].text()
        assert _in_view(ed, ed.tabs.tabBar())
    # every tab shows its page inside the view (it scrolls on its own if it must)
    for i in range(ed.tabs.count()):
        qtbot.mouseClick(ed.tabs.tabBar(), Qt.LeftButton, pos=ed.tabs.tabBar().tabRect(i).center())
        assert ed.tabs.currentIndex() == i
        assert _in_view(ed, ed.tabs.currentWidget().viewport())
        assert ed.tabs.currentWidget().horizontalScrollBar().maximum() == 0


def test_the_figures_follow_typing_in_the_money_tab(screen_in, qtbot):
    screen = screen_in("en")
    ed = screen.editor
    option = next(o for o in screen.context.audit.options if o.investment_vnd)
    screen.select_option(option.id)
    ed.tabs.setCurrentWidget(ed.page_money)
    field = ed.money_fields["investment_vnd"]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(field, "999000000")
    assert ed.figures["investment"].text() == "999,000,000 VND"  # in the header, as typed
    assert _in_view(ed, ed.figures["payback"])


def test_a_refused_change_shows_the_tab_of_the_field_it_names(screen_in, qtbot):
    screen = screen_in("vi")
    ed = screen.editor
    target = next(o for o in screen.context.audit.options if o.status == OptionStatus.FEASIBLE)
    screen.select_option(target.id)
    ed.tabs.setCurrentWidget(ed.page_scores)
    ed.f_responsible.show_value("")
    ed.f_responsible.setText("")
    ed.f_target.set_date(None)
    ed.new_status.setFocus()
    index = ed.new_status.findData(OptionStatus.PLANNED.value)
    while ed.new_status.currentIndex() != index:
        qtbot.keyClick(
            ed.new_status, Qt.Key_Down if ed.new_status.currentIndex() < index else Qt.Key_Up
        )
    qtbot.mouseClick(ed.btn_status, Qt.LeftButton)
    assert ed.status_message.isVisible() and _in_view(ed, ed.status_message)
    assert ed.tabs.currentWidget() is ed.page_plan  # where "Người phụ trách" is
    assert screen.context.current(target).status == OptionStatus.FEASIBLE


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_column_headers_of_the_log_are_not_clipped(screen_in, lang):
    screen = screen_in(lang)
    header = screen.table.horizontalHeader()
    model = screen.table.model()
    metrics = header.fontMetrics()
    for column in range(model.columnCount()):
        if header.isSectionHidden(column) or column == COLUMN["title"]:  # it stretches
            continue
        label = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        widest = max(metrics.horizontalAdvance(line) for line in label.split("\n"))
        assert widest + 8 <= header.sectionSize(column), (lang, label)
        lines = label.count("\n") + 1
        assert header.height() >= lines * metrics.height(), (lang, label)
