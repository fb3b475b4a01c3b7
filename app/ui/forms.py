"""Small helpers shared by the first screens: locale-aware number fields, guarded tables."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QLineEdit, QTableWidget, QTableWidgetItem, QWidget

from app.core.model import clean_text


class TextField(QLineEdit):
    """A line edit that remembers the value last shown, so editingFinished fires only on change."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.shown = ""

    def show_value(self, text: str) -> None:
        self.shown = text
        if self.text() != text:
            self.setText(text)
            self.setCursorPosition(0)  # show the start of a long address, not its end

    def value(self) -> str:
        return clean_text(self.text())

    def changed(self) -> bool:
        return self.value() != clean_text(self.shown)


# Qt.UserRole's value (fixed by Qt's ABI). Touching any enum of the ``Qt`` namespace makes
# PySide6 build all ~90 of them (~40 ms); the first screen must paint without that.
USER_ROLE = 256


class GuardedTable(QTableWidget):
    """A QTableWidget whose programmatic fills do not look like user edits."""

    def __init__(self, rows: int = 0, cols: int = 0, parent: QWidget | None = None):
        super().__init__(rows, cols, parent)
        self.filling = False

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        # Tab walks the cells like a spreadsheet, but past the last cell (Shift+Tab: before the
        # first) it leaves the table: keyboard-only users otherwise never reach the buttons.
        cur = self.currentIndex()
        cols = [c for c in range(self.columnCount()) if not self.isColumnHidden(c)]
        at_edge = (
            not cur.isValid()
            or not cols
            or (next and cur.row() == self.rowCount() - 1 and cur.column() == cols[-1])
            or (not next and cur.row() == 0 and cur.column() == cols[0])
        )
        if at_edge:
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    @contextmanager
    def filling_rows(self) -> Iterator[None]:
        # A refill after each typed cell must keep the cursor where it was: Tab moves on from
        # the current cell, and a cleared table put it on the first cell (typing overwrote it).
        row, col = self.currentRow(), self.currentColumn()
        ranges = self.selectedRanges()
        self.filling = True
        self.blockSignals(True)
        try:
            yield
        finally:
            if 0 <= row < self.rowCount() and 0 <= col < self.columnCount():
                from PySide6.QtCore import QItemSelectionModel

                self.setCurrentCell(row, col, QItemSelectionModel.SelectionFlag.NoUpdate)
                for r in ranges:
                    self.setRangeSelected(r, True)
            self.blockSignals(False)
            self.filling = False

    def set_text(self, row: int, col: int, text: str, data=None, editable: bool = True) -> None:
        item = QTableWidgetItem(text)
        if data is not None:
            item.setData(USER_ROLE, data)
        if not editable:
            from PySide6.QtCore import Qt

            item.setFlags(item.flags() & ~Qt.ItemIsEditable)
        self.setItem(row, col, item)

    def row_data(self, row: int, col: int = 0):
        item = self.item(row, col)
        return item.data(USER_ROLE) if item is not None else None
