"""The Portfolio window (File → Open portfolio…) and the Publish to programme dialog.

The window reads a folder of audits (read-only: ``app.store.portfolio_folder``) or, when the
user asks, a programme hub; it shows the enterprises, the totals and the breakdowns with the same
tables and labels as the CLI and the exports (``app.reports.portfolio_tables``), and exports
PDF or XLSX in either language, with a confidential variant that names no enterprise.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.messages import render


def _fill(table: QTableWidget, data) -> None:
    """A ``portfolio_tables.Table`` into a QTableWidget (numbers right-aligned)."""
    from app.reports.portfolio_tables import NUMERIC

    table.clear()
    table.setColumnCount(len(data.headers))
    table.setRowCount(len(data.rows))
    table.setHorizontalHeaderLabels(list(data.headers))
    for r, row in enumerate(data.rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if data.columns[c] in NUMERIC:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            item.setFlags(item.flags() & ~Qt.ItemIsEditable)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for c in range(table.columnCount()):  # a long sector name must not push the figures away
        table.setColumnWidth(c, min(table.columnWidth(c), 240))


def _table() -> QTableWidget:
    t = QTableWidget()
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.setSelectionBehavior(QTableWidget.SelectRows)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    return t


class PortfolioWindow(QWidget):
    loaded = Signal(bool)  # a read finished: True when it replaced the portfolio shown

    def __init__(self, lang: str, settings=None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.Window)
        from app.ui.jobs import JobRunner

        self.lang = lang
        self.settings = settings
        self.portfolio = None
        self.jobs = JobRunner(self)
        self.loading = False
        self._reads = 0  # the latest read's number: an older read's result is dropped
        self.resize(1366, 768)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.btn_folder = QPushButton()
        self.btn_hub = QPushButton()
        self.btn_folder.clicked.connect(self.choose_folder)
        self.btn_hub.clicked.connect(self.choose_hub)
        top = QHBoxLayout()
        top.addWidget(self.source_label, 1)
        top.addWidget(self.btn_folder)
        top.addWidget(self.btn_hub)

        self.tabs = QTabWidget()
        self.enterprises = _table()
        self.totals = QLabel()
        self.totals.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.totals.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.totals.setMargin(12)
        self.breakdown_choice = QComboBox()
        self.breakdown = _table()
        self.breakdown_choice.currentIndexChanged.connect(self._show_breakdown)
        by = QWidget()
        by_layout = QVBoxLayout(by)
        by_layout.addWidget(self.breakdown_choice)
        by_layout.addWidget(self.breakdown, 1)
        self.files = QListWidget()
        from app.ui.screens.baselines.charts import ChartView

        self.chart = ChartView()
        self.tabs.addTab(self.totals, "")
        self.tabs.addTab(self.enterprises, "")
        self.tabs.addTab(by, "")
        self.tabs.addTab(self.chart, "")
        self.tabs.addTab(self.files, "")
        from app.ui.readiness_portfolio import ReadinessPortfolioTab

        self.readiness = ReadinessPortfolioTab()
        self.tabs.addTab(self.readiness, "")
        from app.ui.symbiosis_portfolio import SymbiosisTab

        self.symbiosis = SymbiosisTab(
            lang, self.jobs, lambda: self.export_lang.currentData(), settings, self
        )
        self.tabs.addTab(self.symbiosis, "")
        self.tabs.currentChanged.connect(self._tab_shown)

        self.export_lang = QComboBox()
        self.export_lang.addItem("Tiếng Việt", "vi")
        self.export_lang.addItem("English", "en")
        self.export_lang.setCurrentIndex(0 if lang == "vi" else 1)
        self.confidential = QCheckBox()
        self.btn_pdf = QPushButton()
        self.btn_xlsx = QPushButton()
        self.btn_pdf.clicked.connect(lambda: self.export("pdf"))
        self.btn_xlsx.clicked.connect(lambda: self.export("xlsx"))
        self.export_label = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_label)
        bottom.addWidget(self.export_lang)
        bottom.addWidget(self.confidential)
        bottom.addStretch(1)
        bottom.addWidget(self.btn_pdf)
        bottom.addWidget(self.btn_xlsx)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.retranslate()
        self._refresh()

    # ------------------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Programme portfolio – RECP Audit"))
        self.btn_folder.setText(self.tr("Open folder…"))
        self.btn_hub.setText(self.tr("Open programme hub…"))
        for i, name in enumerate(
            (
                self.tr("Totals"),
                self.tr("Enterprises"),
                self.tr("Breakdowns"),
                self.tr("Charts"),
                self.tr("Files"),
            )
        ):
            self.tabs.setTabText(i, name)
        self.tabs.setTabText(self.tabs.indexOf(self.readiness), self.readiness.title())
        self.tabs.setTabText(self.tabs.indexOf(self.symbiosis), self.tr("Symbiosis matches"))
        self.export_label.setText(self.tr("Export in"))
        self.confidential.setText(self.tr("Confidential: name no enterprise"))
        self.btn_pdf.setText(self.tr("Export PDF…"))
        self.btn_xlsx.setText(self.tr("Export Excel…"))
        current = self.breakdown_choice.currentIndex()
        self.breakdown_choice.blockSignals(True)
        self.breakdown_choice.clear()
        for key, label in (
            ("park", self.tr("By industrial park")),
            ("province", self.tr("By province")),
            ("sector", self.tr("By sector (VSIC)")),
            ("technique", self.tr("By CP technique")),
            ("status", self.tr("By audit status")),
            ("year", self.tr("By audit year")),
        ):
            self.breakdown_choice.addItem(label, key)
        self.breakdown_choice.setCurrentIndex(max(current, 0))
        self.breakdown_choice.blockSignals(False)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()
        self._refresh()
        self.symbiosis.set_language(lang)

    def _tab_shown(self) -> None:
        if self.tabs.currentWidget() is self.symbiosis:
            self.symbiosis.ensure_read()

    # ------------------------------------------------------------------------------ loading
    def _error(self, exc: UserError) -> None:
        message = render(exc.problem, self.lang)
        self.last_error = message
        if os.environ.get("RECP_NO_DIALOGS"):
            return
        QMessageBox.warning(self, self.windowTitle(), message)

    def choose_folder(self) -> None:
        start = self.settings.last_folder() if self.settings is not None else ""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of audits"), start)
        if folder:
            self.load(folder)

    def choose_hub(self) -> None:
        address, ok = QInputDialog.getText(
            self,
            self.tr("Open programme hub"),
            self.tr(
                "Hub address (postgresql://user@host/database); the password is asked by "
                "the server or taken from PGPASSWORD and never saved:"
            ),
        )
        if ok and address.strip():
            self.load(address.strip())

    def load(self, source: str | os.PathLike):
        """Read ``source`` off the GUI thread and show it when it arrives (a folder of hundreds of
        audits, or a hub across the network, must not freeze the window). Cancel, or a newer
        read, drops the result; a bad source is a message and the shown portfolio stays."""
        from app.store.portfolio_source import is_hub_address, read_source

        self._reads += 1
        read = self._reads
        if is_hub_address(source):
            from app.store.hub import display_address  # never the password on screen

            self._busy(True, display_address(str(source)))
        else:
            self._busy(True, str(source))

        def finish(portfolio=None, exc: BaseException | None = None) -> None:
            if read != self._reads:
                return  # a newer read is on its way
            self._busy(False)
            if isinstance(exc, UserError):
                self._error(exc)
            elif exc is not None:
                raise exc  # reaches the global exception hook: logged and shown
            if portfolio is not None:
                self.portfolio = portfolio
                shown = self.tabs.currentWidget() is self.symbiosis
                self.symbiosis.set_source(source, shown)  # its parties are read when shown
            self._refresh()
            self.loaded.emit(portfolio is not None)

        return self.jobs.run(
            self.tr("Reading the portfolio…"),
            lambda _progress: read_source(source),
            on_done=lambda portfolio: finish(portfolio),
            on_error=lambda exc: finish(exc=exc),
            on_cancel=finish,
            parent=self,
        )

    def _busy(self, busy: bool, source: str = "") -> None:
        self.loading = busy
        for w in (self.btn_folder, self.btn_hub, self.btn_pdf, self.btn_xlsx):
            w.setEnabled(not busy)
        if busy:
            self.source_label.setText(self.tr("Reading {source}…").format(source=source))

    # ------------------------------------------------------------------------------ showing
    def _refresh(self) -> None:
        from app.core import portfolio as pf
        from app.core.messages import text
        from app.reports import portfolio_tables as pt

        for w in (self.btn_pdf, self.btn_xlsx):
            w.setEnabled(self.portfolio is not None and not self.loading)
        if self.loading:
            return
        if self.portfolio is None:
            self.source_label.setText(self.tr("Open a folder of audit files (.recp)."))
            self.totals.setText("")
            self.readiness.show_summaries([], self.lang)
            return
        p = self.portfolio
        self.source_label.setText(text("portfolio.title", self.lang, source=p.source))
        summaries = p.summaries
        tables = pt.all_tables(summaries, self.lang, files=len(p.entries))
        self._tables = {"technique": tables[-1]}
        self._tables.update(zip(pt.BREAKDOWNS, tables[1:-1], strict=True))
        _fill(self.enterprises, tables[0])
        t = pf.totals(summaries)
        lines = [f"<h3>{text('portfolio.totals', self.lang)}</h3>"]
        lines += [f"<p>{line}</p>" for line in pt.totals_lines(t, self.lang)]
        if t.savings:
            lines.append(f"<p><b>{text('portfolio.total.resources', self.lang)}</b></p><ul>")
            lines += [f"<li>{line}</li>" for line in pt.resource_lines(t, self.lang)]
            lines.append("</ul>")
        lines.append(f"<p>{tables[0].title}</p>")
        self.totals.setText("".join(lines))
        self._show_breakdown()
        self.readiness.show_summaries(summaries, self.lang)
        from app.reports.portfolio_charts import portfolio_figure

        self.chart.show_figure(portfolio_figure(summaries, self.lang))
        self.files.clear()
        for e in p.entries:
            if e.problem is not None:
                self.files.addItem("✗ " + render(e.problem, self.lang))
            elif e.duplicate_of is not None:
                reason = text("portfolio.duplicate", self.lang, path=e.duplicate_of)
                self.files.addItem(
                    "⧉ " + text("portfolio.file_line", self.lang, path=e.path, reason=reason)
                )
            else:
                self.files.addItem("✓ " + str(e.path))
            for n in e.notes:
                self.files.addItem("   ⚠ " + render(n, self.lang))
        skipped = len(p.skipped)
        self.tabs.setTabText(
            4, self.tr("Files ({n} not counted)").format(n=skipped) if skipped else self.tr("Files")
        )

    def _show_breakdown(self) -> None:
        key = self.breakdown_choice.currentData()
        if self.portfolio is None or key is None:
            return
        _fill(self.breakdown, self._tables[key])

    # ------------------------------------------------------------------------------ export
    def export(self, kind: str, path: str | None = None) -> Path | None:
        from app.reports.portfolio_export import write_portfolio_pdf, write_portfolio_xlsx

        if self.portfolio is None:
            return None
        lang = self.export_lang.currentData()
        confidential = self.confidential.isChecked()
        if path is None:
            suffix = "pdf" if kind == "pdf" else "xlsx"
            name = ("portfolio-confidential" if confidential else "portfolio") + f"-{lang}.{suffix}"
            start = self.settings.last_folder() if self.settings is not None else ""
            pattern = (
                self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Excel workbook (*.xlsx)")
            )
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export portfolio"), str(Path(start or ".") / name), pattern
            )
            if not path:
                return None
        write = write_portfolio_pdf if kind == "pdf" else write_portfolio_xlsx
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            write(self.portfolio, lang, path, confidential)
        except UserError as exc:
            self._error(exc)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.last_export = Path(path)
        return self.last_export


class PublishDialog(QDialog):
    """Send the open audit's figures to a programme hub (only when the user asks)."""

    def __init__(
        self, audit, lang: str, parent: QWidget | None = None, readiness_answers=None
    ) -> None:
        from app.core import portfolio as pf

        super().__init__(parent)
        self.lang = lang
        self.summary = pf.publishable(pf.summarize(audit, readiness_answers=readiness_answers))
        self.address = QLineEdit()
        self.address.setPlaceholderText("postgresql://user@host/database")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        form = QFormLayout()
        self.address_label = QLabel()
        self.password_label = QLabel()
        form.addRow(self.address_label, self.address)
        form.addRow(self.password_label, self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.btn_publish = self.buttons.addButton("", QDialogButtonBox.AcceptRole)
        self.btn_publish.clicked.connect(self.publish)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.what)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Publish to programme"))
        self.address_label.setText(self.tr("Hub address"))
        self.password_label.setText(self.tr("Password (not saved)"))
        self.btn_publish.setText(self.tr("Publish"))
        self.what.setText(
            self.tr("Only anonymised figures are sent: the enterprise has not agreed to be named.")
            if self.summary.anonymised
            else self.tr("The figures are sent with the enterprise's name, as it agreed.")
        )
        self.resize(560, 220)

    def publish(self) -> bool:
        from urllib.parse import quote, urlsplit, urlunsplit

        from app.core.messages import text
        from app.store import hub

        url = self.address.text().strip()
        if self.password.text():
            parts = urlsplit(url)
            netloc = parts.netloc.rsplit("@", 1)
            user = netloc[0] if len(netloc) == 2 else ""
            host = netloc[-1]
            auth = f"{user.split(':', 1)[0]}:{quote(self.password.text(), safe='')}@"
            url = urlunsplit((parts.scheme, auth + host, parts.path, parts.query, parts.fragment))
        try:
            if not url.startswith(("postgresql://", "postgres://")):
                raise UserError.of("hub.not_an_address", to=hub.display_address(url))
            created = hub.publish(url, self.summary)
        except UserError as exc:
            self.result_label.setText(render(exc.problem, self.lang))
            return False
        what = text(
            "hub.what.anonymised" if self.summary.anonymised else "hub.what.full", self.lang
        )
        key = "hub.published_new" if created else "hub.published_update"
        where = hub.display_address(url)
        self.result_label.setText(
            text(key, self.lang, id=self.summary.audit_id, where=where, what=what)
        )
        return True
