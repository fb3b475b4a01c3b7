"""File → Open portfolio… and File → Publish to programme…: two menu entries, nothing more
until the user picks one (the window, reportlab and psycopg load only then; an offline auditor
never meets the hub)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction


class PortfolioMenu(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.act_portfolio = QAction(window)
        self.act_publish = QAction(window)
        self.act_portfolio.triggered.connect(self.open_portfolio)
        self.act_publish.triggered.connect(self.publish)
        menu = window.menu_file
        quit_separator = menu.actions()[-2] if len(menu.actions()) >= 2 else None
        menu.insertActions(quit_separator, [self.act_portfolio, self.act_publish])
        menu.aboutToShow.connect(self._update)
        self.portfolio_window = None
        self.retranslate()

    def retranslate(self) -> None:
        self.act_portfolio.setText(self.tr("Open &portfolio…"))
        self.act_publish.setText(self.tr("P&ublish to programme…"))
        if self.portfolio_window is not None:
            self.portfolio_window.set_language(self.lang)

    @property
    def lang(self) -> str:
        return self.window.state.translations.lang

    def _update(self) -> None:
        self.act_publish.setEnabled(self.window.context is not None)

    def open_portfolio(self, folder: str | None = None) -> None:
        from app.ui.portfolio_window import PortfolioWindow

        if self.portfolio_window is None:
            self.portfolio_window = PortfolioWindow(self.lang, settings=self.window.state.settings)
        self.portfolio_window.show()
        self.portfolio_window.raise_()
        if folder is not None:
            self.portfolio_window.load(folder)
        elif not self.portfolio_window.portfolio:
            self.portfolio_window.choose_folder()

    def publish(self) -> None:
        from app.core.readiness import ANSWERS_SETTING
        from app.ui.portfolio_window import PublishDialog

        context = self.window.context
        if context is None:
            return
        answers = context.file.get_setting(ANSWERS_SETTING)
        dialog = PublishDialog(context.audit, self.lang, self.window, readiness_answers=answers)
        dialog.open()
        self.publish_dialog = dialog
