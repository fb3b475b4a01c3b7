"""Shown for a phase whose screen is not built yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.context import AuditContext
from app.ui.screens.base import PhaseScreen


class PlaceholderScreen(PhaseScreen):
    key = "placeholder"

    def __init__(self, context: AuditContext, title: str, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._title = title
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.retranslate()

    def title(self) -> str:
        return self._title

    def set_title(self, title: str) -> None:
        self._title = title
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(
            self.tr(
                "<h2>{title}</h2><p>This part of the audit comes in a later version.</p>"
            ).format(title=self._title)
        )
