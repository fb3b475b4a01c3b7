"""Pasting into the Baselines grid by Ctrl+V: a block whose numbers read two ways ("22,100" is
22.1 in Vietnamese, 22100 in English) is asked about before anything is stored (issue 24)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.ui.context import AuditContext
from app.ui.jobs import JobRunner
from app.ui.screens.baselines import BaselinesScreen
from app.ui.screens.baselines.paste import PasteNumbersDialog
from tests.test_baselines_screen import audit_with_streams, cell, quantities
from tests.ui_helpers import make_file, reload


@pytest.fixture
def make_screen(tmp_path, qtbot):
    from app.store.auditfile import AuditFile

    opened = []

    def make(lang: str) -> BaselinesScreen:
        path = make_file(tmp_path, audit_with_streams())
        af = AuditFile.open(path)
        context = AuditContext(af, path=str(path), lang=lang, jobs=JobRunner())
        widget = BaselinesScreen(context)
        qtbot.addWidget(widget)
        widget.resize(1200, 700)
        with qtbot.waitActive(widget):
            widget.show()
            widget.activateWindow()
        opened.append((context, af))
        return widget

    yield make
    for context, af in opened:
        context.jobs.wait()
        af.close()


def answer_with(qtbot, button_of):
    """A run_dialog seam that shows the real dialog and clicks the button ``button_of`` names."""
    seen: list[PasteNumbersDialog] = []

    def run(dialog):
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.mouseClick(button_of(dialog), Qt.MouseButton.LeftButton)
        return dialog.result()

    return run, seen


def ctrl_v(qtbot, screen, period: str, stream: str, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    grid = screen.grid
    index = cell(screen, period, stream)
    grid.setFocus()
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(index).center()
    )
    assert grid.currentIndex() == index
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()


ENGLISH_BLOCK = "22,100\n25,300\n24,200\n"


def test_english_thousands_in_a_vietnamese_ui_are_asked_about_and_stored_as_chosen(
    make_screen, qtbot
):
    screen = make_screen("vi")
    screen.run_dialog, seen = answer_with(qtbot, lambda d: d.choice_buttons["en"])
    ctrl_v(qtbot, screen, "2024-01", "Nước cấp", ENGLISH_BLOCK)
    assert len(seen) == 1  # asked, not stored silently
    assert seen[0].table.rowCount() == 3
    assert seen[0].table.item(0, 0).text() == "22,100"
    assert {seen[0].table.item(0, 1).text(), seen[0].table.item(0, 2).text()} == {
        "22,1",
        "22\u00a0100",
    }
    got = quantities(reload(screen.context.path), "Nước cấp")
    assert got == {"2024-01": 22100, "2024-02": 25300, "2024-03": 24200}
    assert screen.context.undo_stack.count() == 1


def test_choosing_the_vietnamese_reading_stores_decimals(make_screen, qtbot):
    screen = make_screen("vi")
    screen.run_dialog, seen = answer_with(qtbot, lambda d: d.choice_buttons["vi"])
    ctrl_v(qtbot, screen, "2024-01", "Nước cấp", ENGLISH_BLOCK)
    assert len(seen) == 1
    got = quantities(reload(screen.context.path), "Nước cấp")
    assert got == {"2024-01": 22.1, "2024-02": 25.3, "2024-03": 24.2}


def test_cancelling_the_question_stores_nothing(make_screen, qtbot):
    screen = make_screen("vi")
    before = sorted(
        (r.stream_id, r.period, r.quantity) for r in reload(screen.context.path).records
    )
    screen.run_dialog, seen = answer_with(qtbot, lambda d: d.cancel_button)
    ctrl_v(qtbot, screen, "2024-01", "Nước cấp", ENGLISH_BLOCK)
    assert len(seen) == 1 and seen[0].chosen is None
    after = sorted((r.stream_id, r.period, r.quantity) for r in reload(screen.context.path).records)
    assert after == before
    assert screen.context.undo_stack.count() == 0


def test_escape_cancels_too(make_screen, qtbot):
    screen = make_screen("en")
    seen = []

    def run(dialog):
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        return dialog.result()

    screen.run_dialog = run
    ctrl_v(qtbot, screen, "2024-01", "Nước cấp", "1.500\n2.250\n")  # Vietnamese thousands?
    assert len(seen) == 1
    assert quantities(reload(screen.context.path), "Nước cấp") == {}
    assert screen.context.undo_stack.count() == 0


@pytest.mark.parametrize(
    ("lang", "text", "stored"),
    [
        ("vi", "22,1\n25,3\n", {"2024-01": 22.1, "2024-02": 25.3}),
        ("vi", "1.234,5\n900\n", {"2024-01": 1234.5, "2024-02": 900}),
        ("en", "1,234.5\n900\n", {"2024-01": 1234.5, "2024-02": 900}),
        ("vi", "22,100\n1,234.5\n", {"2024-01": 22100, "2024-02": 1234.5}),  # settled: English
    ],
)
def test_unambiguous_blocks_paste_without_a_question(make_screen, qtbot, lang, text, stored):
    screen = make_screen(lang)
    seen = []
    screen.run_dialog = lambda dialog: seen.append(dialog) or 0
    ctrl_v(qtbot, screen, "2024-01", "Nước cấp", text)
    assert seen == []
    assert quantities(reload(screen.context.path), "Nước cấp") == stored
    assert screen.context.undo_stack.count() == 1
