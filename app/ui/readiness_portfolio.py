"""The Portfolio window's "Eco-enterprise readiness" tab: per park, the firms audited, those with
RECP results, their share against the checklist's park share (20 %), the symbiosis links; below,
each firm's status per criterion. Selecting parks shows only their firms.

The figures are ``app.core.park_readiness``'s and the tables ``app.reports.park_readiness_tables``'s
(the same as the CLI and the exports); the note says the share is of the audited firms.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.messages import render

# Cell backgrounds by status (light, so the text stays readable).
_COLOURS = {
    "met": "#D6EFD8",
    "partly": "#FFF1C6",
    "not_met": "#F8D7D5",
}


def _table() -> QTableWidget:
    t = QTableWidget()
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.setSelectionBehavior(QTableWidget.SelectRows)
    t.setEditTriggers(QTableWidget.NoEditTriggers)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class ReadinessPortfolioTab(QWidget):
    """Shows ``show_summaries(summaries, lang)``; ``parks`` holds what is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parks: list = []
        self.lang = "vi"
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.park_table = _table()
        self.park_table.itemSelectionChanged.connect(self._show_firms)
        self.firms_label = QLabel()
        self.firm_table = _table()
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.firms_label)
        lower_layout.addWidget(self.firm_table, 1)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.park_table)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)

    def title(self) -> str:
        return self.tr("Eco-enterprise readiness")

    def show_summaries(self, summaries, lang: str) -> None:
        """The per-park table of ``summaries`` (a portfolio's counted ones) in ``lang``."""
        from app.core import park_readiness as prd
        from app.reports import park_readiness_tables as prt

        self.lang = lang
        try:
            self.parks = prd.by_park(summaries) if summaries else []
        except UserError as exc:  # a broken checklist file: say which, show nothing
            self.parks = []
            self.title_label.setText(render(exc.problem, lang))
            self._fill(self.park_table, None)
            self._fill(self.firm_table, None)
            return
        table = prt.park_table(self.parks, lang)
        self.title_label.setText(f"<b>{table.title}</b>")
        self.note.setText(
            "\n".join([prt.note(lang), *prt.unknown_lines(self.parks, lang)])
            if self.parks
            else self.tr("Open a folder of audit files (.recp).")
        )
        self._fill(self.park_table, table if self.parks else None)
        self._show_firms()

    def selected_parks(self) -> list:
        rows = sorted({i.row() for i in self.park_table.selectedIndexes()})
        return [self.parks[r] for r in rows if r < len(self.parks)]

    def _show_firms(self) -> None:
        from app.reports import park_readiness_tables as prt

        chosen = self.selected_parks() or self.parks
        table = prt.firm_table(chosen, self.lang)
        self.firms_label.setText(
            self.tr("{title}: {parks}").format(
                title=table.title,
                parks=", ".join(prt.park_label(p.park, self.lang) for p in chosen)
                if self.selected_parks()
                else self.tr("all parks"),
            )
        )
        self._fill(self.firm_table, table if self.parks else None)

    def _fill(self, widget: QTableWidget, data) -> None:
        from app.core.readiness import Status
        from app.reports import park_readiness_tables as prt

        widget.clear()
        if data is None:
            widget.setRowCount(0)
            widget.setColumnCount(0)
            return
        by_text = {prt.status_text(s, self.lang): s.value for s in Status}
        widget.setColumnCount(len(data.headers))
        widget.setRowCount(len(data.rows))
        widget.setHorizontalHeaderLabels(list(data.headers))
        for r, row in enumerate(data.rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                column = data.columns[c]
                if column in prt.NUMERIC:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                colour = None if column == "park" else _COLOURS.get(by_text.get(value, ""))
                if colour:
                    item.setBackground(QBrush(QColor(colour)))
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                widget.setItem(r, c, item)
        widget.resizeColumnsToContents()
        for c in range(widget.columnCount()):
            widget.setColumnWidth(c, min(widget.columnWidth(c) + 12, 260))
