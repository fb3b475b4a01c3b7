"""The start page: recent audits (missing files shown as such), New audit, Open, the demo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


class StartPage(QWidget):
    def __init__(self, app_state, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = app_state
        self.heading = QLabel()
        self.heading.setObjectName("startHeading")
        self.heading.setStyleSheet("#startHeading { font-size: 20pt; font-weight: bold; }")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.btn_new = QPushButton()
        self.btn_open = QPushButton()
        self.btn_demo = QPushButton()
        for b in (self.btn_new, self.btn_open, self.btn_demo):
            b.setMinimumHeight(32)
        self.btn_new.clicked.connect(self.state.new_audit)
        self.btn_open.clicked.connect(self.state.open_dialog)
        self.btn_demo.clicked.connect(self.state.open_demo)
        self.recent_label = QLabel()
        self.recent = QTreeWidget()
        self.recent.setObjectName("recentAudits")
        self.recent.setRootIsDecorated(False)
        self.recent.setColumnCount(4)
        self.recent.setSelectionMode(QAbstractItemView.SingleSelection)
        self.recent.setUniformRowHeights(True)
        self.recent.header().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.recent.header().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.recent.header().setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.recent.header().setStretchLastSection(True)
        self.recent.itemActivated.connect(self._open_item)
        buttons = QHBoxLayout()
        for b in (self.btn_new, self.btn_open, self.btn_demo):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addSpacing(16)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent, 1)
        self.setTabOrder(self.btn_new, self.btn_open)
        self.setTabOrder(self.btn_open, self.btn_demo)
        self.setTabOrder(self.btn_demo, self.recent)
        self.retranslate()

    def reload(self) -> None:
        self.recent.clear()
        locale = QLocale()  # the UI language's (a widget's own locale is fixed when it is made)
        for entry in self.state.settings.recent():
            path = Path(entry["path"])
            exists = path.is_file()
            if exists:
                stamp = dt.datetime.fromtimestamp(path.stat().st_mtime)
                from PySide6.QtCore import QDateTime

                edited = locale.toString(
                    QDateTime(stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, 0),
                    "dd/MM/yyyy HH:mm"
                    if self.state.translations.lang == "vi"
                    else "d MMM yyyy HH:mm",
                )
            else:
                edited = self.tr("File missing")
            item = QTreeWidgetItem(
                [entry.get("title") or path.stem, entry.get("enterprise", ""), edited, str(path)]
            )
            item.setData(0, Qt.UserRole, str(path))
            item.setToolTip(3, str(path))
            if not exists:
                for col in range(4):
                    item.setForeground(col, QBrush(QColor("#9a9a9a")))
                item.setToolTip(0, self.tr("This file no longer exists at this place."))
            self.recent.addTopLevelItem(item)
        if self.recent.topLevelItemCount() == 0:
            self.recent_label.setText(self.tr("No recent audits yet. Start with the demo audit."))
        else:
            self.recent_label.setText(self.tr("Recent audits (double-click or Enter to open):"))

    def _open_item(self, item: QTreeWidgetItem) -> None:
        self.state.open_path(item.data(0, Qt.UserRole))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("RECP Audit"))
        self.intro.setText(
            self.tr(
                "Resource-efficient and cleaner production audits: enterprise and team, process "
                "steps, walkthrough, baselines, options and reports. Every change is saved at once."
            )
        )
        self.btn_new.setText(self.tr("New audit…"))
        self.btn_open.setText(self.tr("Open audit…"))
        self.btn_demo.setText(self.tr("Open the demo audit"))
        self.recent.setHeaderLabels(
            [self.tr("Audit"), self.tr("Enterprise"), self.tr("Last edited"), self.tr("File")]
        )
        self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
