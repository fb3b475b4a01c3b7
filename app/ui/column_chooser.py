"""Show or hide a table's columns from its header's context menu, remembered per user.

A laptop screen (1366 px) cannot show every column of a wide log; the least-used ones start
hidden and the user picks the rest. Columns are named by stable keys, so a translated header
or a new column never mixes up what was chosen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu, QTableView


class ColumnChooser(QObject):
    def __init__(
        self,
        view: QTableView,
        table: str,
        keys: Sequence[str],
        default_hidden: Iterable[str] = (),
        fixed: Iterable[str] = (),
        settings=None,  # app.ui.settings.AppSettings or None (nothing remembered)
    ):
        super().__init__(view)
        self.view = view
        self.table = table
        self.keys = tuple(keys)
        self.fixed = set(fixed)  # never hidden (e.g. the code and title)
        self.default_hidden = set(default_hidden) - self.fixed
        self.settings = settings
        saved = settings.hidden_columns(table) if settings is not None else None
        self.apply(self.default_hidden if saved is None else saved)
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu_at)

    def hidden(self) -> set[str]:
        return {k for i, k in enumerate(self.keys) if self.view.isColumnHidden(i)}

    def apply(self, hidden: Iterable[str]) -> None:
        hidden = set(hidden) - self.fixed
        for i, key in enumerate(self.keys):
            self.view.setColumnHidden(i, key in hidden)

    def set_visible(self, key: str, visible: bool) -> None:
        hidden = self.hidden()
        (hidden.discard if visible else hidden.add)(key)
        self._choose(hidden)

    def menu(self) -> QMenu:
        """One checkable entry per column, then the defaults back."""
        menu = QMenu(self.view)
        model = self.view.model()
        for i, key in enumerate(self.keys):
            label = model.headerData(i, Qt.Orientation.Horizontal) if model else key
            action = menu.addAction(str(label))
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(i))
            action.setEnabled(key not in self.fixed)
            action.toggled.connect(lambda on, k=key: self.set_visible(k, on))
        menu.addSeparator()
        menu.addAction(self.tr("Default columns")).triggered.connect(self.restore_defaults)
        return menu

    def restore_defaults(self) -> None:
        self._choose(self.default_hidden)

    def _choose(self, hidden: Iterable[str]) -> None:
        """The user's choice: shown now and remembered."""
        self.apply(hidden)
        if self.settings is not None:
            self.settings.set_hidden_columns(self.table, self.hidden())

    def _menu_at(self, pos: QPoint) -> None:
        menu = self.menu()
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()
