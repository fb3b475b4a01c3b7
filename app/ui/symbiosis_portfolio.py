"""The Portfolio window's "Symbiosis matches" tab: the matcher's proposals for one park.

The participants are read the first time the tab is shown (off the GUI thread) from the
portfolio's own source by ``app.store.symbiosis_source.gather_parties``: a folder's audits and
exchange files, or a hub's exchange board. The table has the columns of the PDF/XLSX export
(``app.reports.symbiosis_export``), which its buttons write; a proposal between two audit files
of a folder becomes an option in both (``app.store.symbiosis_options``). Exchange files and the
hub's board are anonymous: there is no audit to write into, and the button says so.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.messages import render, text

ALL_PARKS = ""  # the park selector's first entry: every park, each matched within itself


def park_names(parties) -> list[str]:
    """The parks of ``parties``, each once (two spellings of a park are one), sorted."""
    from app.core.symbiosis.classes import fold

    names: dict[str, str] = {}
    for p in parties:
        if p.park.strip():
            names.setdefault(fold(p.park), p.park.strip())
    return sorted(names.values(), key=fold)


def _wrap(header: str, width: int = 10) -> str:
    """A column name on short lines (also after a slash): the columns stay narrow."""
    lines = textwrap.wrap(header.replace("/", "/ "), width, break_long_words=False)
    return "\n".join(line.replace("/ ", "/") for line in lines)


class SymbiosisTab(QWidget):
    loaded = Signal()  # the participants were read (or the reading failed)

    def __init__(
        self,
        lang: str,
        jobs,
        export_lang: Callable[[], str],
        settings=None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.jobs = jobs
        self.export_lang = export_lang
        self.settings = settings
        self.source: str | None = None
        self.gathered = None  # app.store.symbiosis_source.PartySource
        self.read_error: str = ""
        self.hub = False
        self.loading = False
        self.matches: list = []
        self._reads = 0
        self.last_error = ""
        self.last_export: Path | None = None

        self.park_label = QLabel()
        self.park = QComboBox()
        self.park.setMinimumContentsLength(24)
        self.park.currentIndexChanged.connect(self._park_chosen)
        self.neighbours = QCheckBox()
        self.neighbours.toggled.connect(self._rematch)
        # or neighbours by name: the other parks, each a checkable chip (a click toggles it)
        self.named_label = QLabel()
        self.named = QListWidget()
        self.named.setFlow(QListWidget.LeftToRight)
        self.named.setWrapping(False)
        self.named.setFixedHeight(self.park.sizeHint().height() + 6)
        self.named.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.named.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.named.setSpacing(2)
        self.named.itemClicked.connect(self._toggle_named)
        self.named.itemChanged.connect(self._rematch)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.park_label)
        top.addWidget(self.park)
        top.addWidget(self.neighbours)
        top.addWidget(self.named_label)
        top.addWidget(self.named, 1)

        self.table = QTableWidget()
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.btn_options = QPushButton()
        self.btn_options.clicked.connect(self.create_options)
        self.btn_pdf = QPushButton()
        self.btn_xlsx = QPushButton()
        self.btn_pdf.clicked.connect(lambda: self.export("pdf"))
        self.btn_xlsx.clicked.connect(lambda: self.export("xlsx"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.btn_options)
        bottom.addStretch(1)
        bottom.addWidget(self.btn_pdf)
        bottom.addWidget(self.btn_xlsx)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        self.retranslate()
        self._show()

    # ------------------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.park_label.setText(self.tr("Industrial park"))
        self.neighbours.setText(self.tr("Include neighbouring parks (same province)"))
        self.named_label.setText(self.tr("or these parks:"))
        self.btn_options.setText(self.tr("Create options in both audits"))
        self.btn_pdf.setText(self.tr("Export matches PDF…"))
        self.btn_xlsx.setText(self.tr("Export matches Excel…"))
        self._fill_parks()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()
        self._show()

    # ------------------------------------------------------------------------------ reading
    def set_source(self, source: str | os.PathLike, shown: bool) -> None:
        """The portfolio now comes from ``source``: what was read before is dropped, and read
        again now when the tab is on screen (``shown``), else the first time it is shown."""
        from app.store.portfolio_source import is_hub_address

        self.source = str(source)
        self.hub = is_hub_address(source)
        self.gathered = None
        self.read_error = ""
        self.matches = []
        self._reads += 1
        self._fill_parks()
        self._show()
        if shown:
            self.ensure_read()

    def ensure_read(self) -> None:
        """Read the participants if they are not read yet (nor being read)."""
        if self.source is None or self.gathered is not None or self.loading or self.read_error:
            return
        from app.store.symbiosis_source import gather_parties

        read = self._reads
        source = self.source
        self.loading = True
        self._show()

        def finish(gathered=None, exc: BaseException | None = None) -> None:
            if read != self._reads:
                return  # another source was opened meanwhile
            self.loading = False
            if isinstance(exc, UserError):
                self.read_error = render(exc.problem, self.lang)
            elif exc is not None:
                raise exc  # reaches the global exception hook: logged and shown
            self.gathered = gathered
            self._fill_parks()
            self._rematch()
            self.loaded.emit()

        self.jobs.run(
            self.tr("Reading the offers and needs…"),
            lambda _progress: gather_parties(source),
            on_done=lambda gathered: finish(gathered),
            on_error=lambda exc: finish(exc=exc),
            on_cancel=finish,
            parent=self,
        )

    # ------------------------------------------------------------------------------ showing
    def _fill_parks(self) -> None:
        current = self.park.currentData()
        self.park.blockSignals(True)
        self.park.clear()
        self.park.addItem(self.tr("All parks"), ALL_PARKS)
        for name in park_names(self.gathered.parties if self.gathered else []):
            self.park.addItem(name, name)
        index = self.park.findData(current) if current is not None else -1
        self.park.setCurrentIndex(max(index, 0))
        self.park.blockSignals(False)
        self._fill_named()

    def _fill_named(self) -> None:
        """The parks that may be named as the chosen park's neighbours (checks kept)."""
        from app.core.symbiosis.classes import fold

        checked = set(self.named_parks())
        chosen = fold(self.chosen_park() or "")
        self.named.blockSignals(True)
        self.named.clear()
        for i in range(1, self.park.count()):
            name = self.park.itemData(i)
            if fold(name) == chosen:
                continue
            item = QListWidgetItem(name, self.named)
            item.setFlags(Qt.ItemIsEnabled)  # not user-checkable: the click handler toggles
            item.setCheckState(Qt.Checked if name in checked else Qt.Unchecked)
        self.named.blockSignals(False)

    def _toggle_named(self, item: QListWidgetItem) -> None:
        if item.flags() & Qt.ItemIsEnabled:
            checked = item.checkState() == Qt.Checked
            item.setCheckState(Qt.Unchecked if checked else Qt.Checked)

    def _park_chosen(self) -> None:
        self._fill_named()
        self._rematch()

    def named_parks(self) -> list[str]:
        items = (self.named.item(i) for i in range(self.named.count()))
        return [i.text() for i in items if i.checkState() == Qt.Checked]

    def chosen_neighbours(self) -> bool | list[str]:
        """What the matcher takes: True (the same province), the parks named, or False."""
        if self.neighbours.isChecked():
            return True
        return (self.named_parks() or False) if self.chosen_park() else False

    def chosen_park(self) -> str | None:
        return self.park.currentData() or None

    def _rematch(self) -> None:
        from app.core.symbiosis.matcher import match

        self.matches = []
        if self.gathered is not None:
            self.matches = match(
                self.gathered.parties,
                park=self.chosen_park(),
                neighbours=self.chosen_neighbours(),
            )
        self._show()

    def report(self, lang: str):
        """What is shown, as the export's ``MatchReport`` with its notes in ``lang``."""
        from app.reports.symbiosis_export import MatchReport

        g = self.gathered
        return MatchReport(
            matches=self.matches,
            park=self.chosen_park(),
            neighbours=self.chosen_neighbours(),
            source=g.source if g is not None else (self.source or ""),
            parties=len(g.parties) if g is not None else 0,
            notes=[render(n, lang) for n in g.notes] if g is not None else [],
            skipped=[render(s, lang) for s in g.skipped] if g is not None else [],
        )

    def _show(self) -> None:
        from app.core.symbiosis import match_text as mx
        from app.reports.symbiosis_export import COLUMNS, NUMERIC, cell_text, headers, row_values

        lang = self.lang
        ready = self.gathered is not None and not self.loading
        for w in (self.btn_pdf, self.btn_xlsx):
            w.setEnabled(ready)
        self.park.setEnabled(ready)
        self.neighbours.setEnabled(ready)
        # naming neighbours needs a park; the same province already takes them all
        by_name = ready and self.chosen_park() is not None and not self.neighbours.isChecked()
        self.named.setEnabled(by_name)
        self.named_label.setEnabled(by_name)
        self.table.setRowCount(0)
        self.table.setColumnCount(len(COLUMNS))
        # long column names wrap in the header: the columns stay narrow
        self.table.setHorizontalHeaderLabels([_wrap(h) for h in headers(lang)])
        if self.source is None:
            self.summary.setText(self.tr("Open a folder of audits or a programme hub."))
        elif self.loading:
            self.summary.setText(self.tr("Reading the offers and needs…"))
        elif self.read_error:
            self.summary.setText(self.read_error)
        elif self.gathered is not None:
            report = self.report(lang)
            lines = [
                text("symbiosis.match.count", lang, count=len(self.matches), parties=report.parties)
            ]
            lines.append(
                mx.totals_line(self.matches, lang)
                if self.matches
                else text("symbiosis.match.none", lang)
            )
            if report.skipped:
                lines.append(text("symbiosis.match.skipped", lang, n=len(report.skipped)))
            self.summary.setText(" · ".join(lines))
            self.summary.setToolTip("\n".join([*report.notes, *report.skipped]))
        self.table.setRowCount(len(self.matches))
        for r, m in enumerate(self.matches):
            for c, (column, value) in enumerate(
                zip(COLUMNS, row_values(m, r + 1, lang), strict=True)
            ):
                shown = value if column == "reasons" else cell_text(value, column, lang)
                item = QTableWidgetItem(shown)
                item.setToolTip(shown)  # a long anonymous id is elided in its cell
                if column in NUMERIC:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignTop)
                else:
                    item.setTextAlignment(Qt.AlignLeft | Qt.AlignTop)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.table.setItem(r, c, item)
        widths = {"rank": 30, "giver": 135, "offer": 155, "taker": 135, "need": 155}
        widths.update({"quantity": 80, "unit": 48, "months": 70, "km": 45, "score": 48})
        for c, column in enumerate(COLUMNS):
            self.table.setColumnWidth(c, widths.get(column, 85))
        self.table.resizeRowsToContents()
        self._selection_changed()

    def selected(self):
        rows = {i.row() for i in self.table.selectedItems()}
        return self.matches[min(rows)] if rows else None

    def why_no_options(self, m) -> str:
        """Why the selected proposal ``m`` cannot become options ("" when it can)."""
        if self.hub:
            return self.tr(
                "The programme hub's exchange board is anonymous: there is no audit file to "
                "write an option into. Open the folder with both audits."
            )
        if m is None:
            return self.tr("Select a proposal first.")
        paths = self.gathered.paths if self.gathered is not None else {}
        for party in (m.giver, m.taker):
            if party.key not in paths:
                return self.tr(
                    "{label} comes from an exchange file, not an audit: no option can be "
                    "written into it."
                ).format(label=party.label)
        return ""

    def _selection_changed(self) -> None:
        why = self.why_no_options(self.selected()) if self.source is not None else ""
        self.btn_options.setEnabled(self.source is not None and not why and not self.loading)
        self.btn_options.setToolTip(why)

    # ------------------------------------------------------------------------------ actions
    def _error(self, message: str) -> None:
        self.last_error = message
        self.status.setText(message)
        if not os.environ.get("RECP_NO_DIALOGS"):
            QMessageBox.warning(self, self.window().windowTitle(), message)

    def create_options(self) -> bool:
        """The selected proposal as a symbiosis option in the giver's and the taker's audit."""
        from app.store.symbiosis_options import add_match_options

        m = self.selected()
        if m is None or self.why_no_options(m) or self.gathered is None:
            return False
        paths = self.gathered.paths
        if not os.environ.get("RECP_NO_DIALOGS"):
            question = self.tr(
                "Add this exchange as a symbiosis option to both audits?\n{giver}\n{taker}"
            ).format(giver=paths[m.giver.key], taker=paths[m.taker.key])
            answer = QMessageBox.question(self, self.btn_options.text(), question)
            if answer != QMessageBox.Yes:
                return False
        try:
            written = add_match_options(m, paths)  # the file's own author: this user
        except UserError as exc:
            self._error(render(exc.problem, self.lang))
            return False
        lines = []
        for option, key in zip(written, (m.giver.key, m.taker.key), strict=True):
            title = option.title_en if self.lang == "en" else option.title_vi
            lines.append(
                text(
                    "symbiosis.option.added",
                    self.lang,
                    code=option.code,
                    path=paths[key],
                    title=title,
                )
            )
        self.status.setText("\n".join(lines))
        return True

    def export(self, kind: str, path: str | None = None) -> Path | None:
        from app.reports.symbiosis_export import write_matches_pdf, write_matches_xlsx

        if self.gathered is None:
            return None
        lang = self.export_lang()
        if path is None:
            suffix = "pdf" if kind == "pdf" else "xlsx"
            name = f"symbiosis-matches-{lang}.{suffix}"
            start = self.settings.last_folder() if self.settings is not None else ""
            pattern = (
                self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Excel workbook (*.xlsx)")
            )
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export matches"), str(Path(start or ".") / name), pattern
            )
            if not path:
                return None
        write = write_matches_pdf if kind == "pdf" else write_matches_xlsx
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            write(self.report(lang), lang, path)
        except UserError as exc:
            self._error(render(exc.problem, self.lang))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.last_export = Path(path)
        self.status.setText(self.tr("Written: {path}").format(path=path))
        return self.last_export
