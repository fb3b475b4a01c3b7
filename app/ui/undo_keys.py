"""Ctrl+Z / Ctrl+Y reach the audit's undo from a field that has nothing of its own to undo.

A focused QLineEdit or text box claims the undo keys for its own text (Qt's ShortcutOverride)
even when nothing was typed in it, so the window's Undo never fired while a field had focus.
This filter lets the field keep the keys only while it has typing of its own to undo or redo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit


def _own_history(widget: QObject, redo: bool) -> bool | None:
    """Whether ``widget`` has its own typing to undo (or redo); None: not a text field."""
    if isinstance(widget, QAbstractSpinBox):
        widget = widget.lineEdit()
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        doc = widget.document()
        return doc.isRedoAvailable() if redo else doc.isUndoAvailable()
    return None


class UndoKeys(QObject):
    """Installed on the application: runs ``undo``/``redo`` for keys a field would swallow."""

    def __init__(self, undo: Callable[[], None], redo: Callable[[], None], parent=None):
        super().__init__(parent)
        self._undo, self._redo = undo, redo
        self._redo_keys = (QKeySequence.Redo, "Ctrl+Y")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.ShortcutOverride or obj is not QApplication.focusWidget():
            return False
        assert isinstance(event, QKeyEvent)
        if event.matches(QKeySequence.Undo):
            run, redo = self._undo, False
        elif event.matches(QKeySequence.Redo) or event.keyCombination().toCombined() == (
            QKeySequence("Ctrl+Y")[0].toCombined()
        ):
            run, redo = self._redo, True
        else:
            return False
        if _own_history(obj, redo) is not False:
            return False  # not a text field, or typing of its own: the field's undo
        run()
        event.accept()  # handled here: the field does not also get the key
        return True
