"""Spreadsheet keys on the app's grids (issue 24): the one home of what Enter, Ctrl+C, Ctrl+V,
Delete and Ctrl+D do in a table, and of the hint line that says so on screen.

Enter commits the cell and moves on ("down" as in Excel, or "right": the next cell of the row,
then the next row's first cell, for record-like tables whose row is one thing). Tab keeps Qt's
own move to the next cell. Ctrl+C copies the selection as tab-separated text as the cells show
it (so numbers are in the UI's format). Paste, Delete and Ctrl+D are the screen's: they must go
through ``context.edit`` as one undo step, so the screen passes them in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

# Event classes are imported when an event comes: importing one at start-up makes PySide build
# some fifty (~10 ms before the first paint, see tests/test_ui_main.py).

Cells = list[tuple[int, int]]  # (row, column), row by row

# ``Qt`` is imported when a key is pressed, not at import: the Enterprise screen (painted
# first) builds a grid, and the first touch of the Qt namespace costs ~40 ms (forms.USER_ROLE).


def _qt():
    from PySide6.QtCore import Qt

    return Qt


def _shift() -> Qt.KeyboardModifier:
    return _qt().KeyboardModifier.ShiftModifier


def _keypad() -> Qt.KeyboardModifier:
    return _qt().KeyboardModifier.KeypadModifier


def split_block(text: str) -> list[list[str]]:
    """A block copied from a spreadsheet: lines of tab-separated cells, trailing empty lines
    dropped (Excel ends a copy with a line break)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return [line.split("\t") for line in lines]


def _is_enter(event: QKeyEvent) -> bool:
    enter = (_qt().Key.Key_Return, _qt().Key.Key_Enter)
    return event.key() in enter and not (event.modifiers() & ~(_keypad() | _shift()))


class _EnterDelegate(QStyledItemDelegate):
    """Enter in a cell's editor: commit, close and move as the grid says (Qt only closes)."""

    def __init__(self, keys: GridKeys):
        super().__init__(keys.view)
        self.keys = keys

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if _is_enter(event) and isinstance(editor, QWidget):
                index = self.keys.view.currentIndex()
                row, col = index.row(), index.column()  # a commit may refill the table
                back = bool(event.modifiers() & _shift())
                # Queued, as Qt's own Enter: the editor is not closed inside its key event.
                QTimer.singleShot(0, self, lambda: self._finish(editor, row, col, back))
                return True
        return super().eventFilter(editor, event)

    def _finish(self, editor: QWidget, row: int, col: int, back: bool) -> None:
        import shiboken6

        if not shiboken6.isValid(editor) or not editor.isVisible():
            return  # closed meanwhile (focus moved away: Qt committed it already)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        self.keys.move_from(row, col, back)


class GridKeys(QObject):
    """Installed on a table view: Enter moves, Ctrl+C copies; paste/clear/fill when given.

    ``paste(text, top, left)``, ``clear(cells)`` and ``fill_down(cells)`` receive the selected
    cells (``Cells``, row by row); each should make one ``context.edit``. ``lazy``: installed
    when a cell first becomes current (no key reaches a grid before).
    """

    def __init__(
        self,
        view: QAbstractItemView,
        *,
        enter: str = "down",
        paste: Callable[[str, int, int], object] | None = None,
        clear: Callable[[Cells], object] | None = None,
        fill_down: Callable[[Cells], object] | None = None,
        lazy: bool = False,
    ):
        super().__init__(view)
        if enter not in ("down", "right"):
            raise ValueError(enter)
        self.view = view
        self.enter = enter
        self.paste, self.clear, self.fill_down = paste, clear, fill_down
        self.delegate: _EnterDelegate | None = None
        if lazy:  # on the first screen: a Python event filter costs the start-up ~10 ms
            view.selectionModel().currentChanged.connect(self._install)
        else:
            self._install()

    def _install(self, *_args) -> None:
        if self.delegate is not None:
            return
        self.delegate = _EnterDelegate(self)
        self.view.setItemDelegate(self.delegate)
        self.view.installEventFilter(self)

    # -- what the keys do ----------------------------------------------------------------
    def move_from(self, row: int, column: int, back: bool = False) -> None:
        """Enter's move from (row, column): down (up with Shift), or along the row."""
        model = self.view.model()
        rows, cols = model.rowCount(), model.columnCount()
        if not (0 <= row < rows and 0 <= column < cols):
            return
        step = -1 if back else 1
        if self.enter == "down":
            row = min(max(row + step, 0), rows - 1)
        else:
            shown = [c for c in range(cols) if not self.view.isColumnHidden(c)]
            i = shown.index(column) + step if column in shown else 0
            if i >= len(shown):
                row, i = (row + 1, 0) if row + 1 < rows else (row, len(shown) - 1)
            elif i < 0:
                row, i = (row - 1, len(shown) - 1) if row > 0 else (row, 0)
            column = shown[i]
        index = model.index(row, column)
        select = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.view.selectionModel().setCurrentIndex(index, select)
        self.view.scrollTo(index)

    def selected_cells(self) -> Cells:
        """The selected cells row by row; the current cell when nothing is selected."""
        cells = sorted(
            {(i.row(), i.column()) for i in self.view.selectionModel().selectedIndexes()}
        )
        current = self.view.currentIndex()
        if not cells and current.isValid():
            cells = [(current.row(), current.column())]
        return cells

    def selection_text(self) -> str:
        """The selection as tab-separated lines, as the cells show it (blank: not selected)."""
        cells = set(self.selected_cells())
        if not cells:
            return ""
        rows = sorted({r for r, _c in cells})
        cols = sorted({c for _r, c in cells})
        model = self.view.model()

        def text(r: int, c: int) -> str:
            if (r, c) not in cells:
                return ""
            value = model.index(r, c).data(_qt().ItemDataRole.DisplayRole)
            return "" if value is None else str(value).replace("\t", " ").replace("\n", " ")

        return "\n".join("\t".join(text(r, c) for c in cols) for r in rows) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.selection_text())

    def paste_clipboard(self) -> None:
        if self.paste is None:
            return
        cells = self.selected_cells()
        top, left = cells[0] if cells else (0, 0)
        self.paste(QGuiApplication.clipboard().text(), top, left)

    def hint(self) -> str:
        """The keys this grid knows, for a hint line under it (in the UI language)."""
        parts = [
            QCoreApplication.translate("GridKeys", "Enter: next row")
            if self.enter == "down"
            else QCoreApplication.translate("GridKeys", "Tab/Enter: next cell"),
            QCoreApplication.translate("GridKeys", "Ctrl+C: copy"),
        ]
        if self.paste is not None:
            parts.append(QCoreApplication.translate("GridKeys", "Ctrl+V: paste from Excel"))
        if self.clear is not None:
            parts.append(QCoreApplication.translate("GridKeys", "Delete: clear"))
        if self.fill_down is not None:
            parts.append(QCoreApplication.translate("GridKeys", "Ctrl+D: fill down"))
        parts.append(QCoreApplication.translate("GridKeys", "Ctrl+Z: undo"))
        return QCoreApplication.translate("GridKeys", "Keys: {keys}").format(keys=" · ".join(parts))

    # -- dispatch --------------------------------------------------------------------------
    def _action(self, event: QKeyEvent) -> Callable[[], object] | None:
        from PySide6.QtGui import QKeySequence

        if event.matches(QKeySequence.StandardKey.Copy):
            return self.copy
        if event.matches(QKeySequence.StandardKey.Paste) and self.paste is not None:
            return self.paste_clipboard
        plain = event.modifiers() & ~_keypad() == _qt().KeyboardModifier.NoModifier
        if event.key() == _qt().Key.Key_Delete and plain and self.clear is not None:
            clear = self.clear
            return lambda: clear(self.selected_cells())
        ctrl = event.modifiers() & ~_keypad() == _qt().KeyboardModifier.ControlModifier
        if event.key() == _qt().Key.Key_D and ctrl and self.fill_down is not None:
            fill = self.fill_down
            return lambda: fill(self.selected_cells())
        if _is_enter(event):
            cur = self.view.currentIndex()
            back = bool(event.modifiers() & _shift())
            return lambda: self.move_from(cur.row(), cur.column(), back)
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent

        if obj is not self.view or not isinstance(event, QKeyEvent):
            return False  # cheap first: this sees every event of the view
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if self.view.state() == QAbstractItemView.State.EditingState:
            return False
        action = self._action(event)
        if action is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to the grid, not to a window shortcut
            return True
        action()
        return True
