"""The Baselines screen: resource streams, monthly figures, data quality, balances, charts.

- Data: streams grouped by kind (unit, price, source, quality editable), and a spreadsheet-like
  grid of monthly figures (quantity or invoice cost) where one types or pastes a block copied
  from Excel; gaps, outliers and duplicate months are coloured and listed in a quality summary.
  "Import…" opens the import wizard.
- Balances: each process step's inputs, outputs, losses and unaccounted remainder (flagged
  above the threshold), and a Sankey of the site's flows for the chosen resource.
- Charts: the charts the report uses (monthly use and cost, cost shares, specific consumption,
  CO2e by source).
Production per month is entered on the Products & process steps screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import model
from app.ui.context import AuditContext, ChangeSet
from app.ui.screens.base import PhaseScreen
from app.ui.screens.baselines.models import (
    FLAG_COLOURS,
    GROUP_ORDER,
    PasteError,
    RecordsModel,
    StreamsModel,
    group_title,
    quality_text,
)

DATA_TYPES = (model.ResourceStream, model.PeriodRecord)
BALANCE_TYPES = (model.StepFlow, model.ProcessStep)
CHART_TYPES = DATA_TYPES + (model.ProductionRecord, model.Product, model.ReferenceOverride)
WARN = QColor("#F4B6B6")


class BaselinesScreen(PhaseScreen):
    key = "baselines"

    def __init__(self, context: AuditContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.tabs = QTabWidget()
        # -- data tab ----------------------------------------------------------------------
        self.streams_model = StreamsModel(context, self)
        self.streams_view = QTableView()
        self.streams_view.setObjectName("streamTable")
        self.streams_view.setModel(self.streams_model)
        self.streams_view.verticalHeader().setVisible(False)
        self.streams_view.horizontalHeader().setStretchLastSection(True)
        self.streams_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.streams_view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.btn_add_stream = QPushButton()
        self.btn_add_stream.setObjectName("addStreamButton")
        self.btn_add_stream.clicked.connect(lambda: self.add_stream())
        self.btn_remove_stream = QPushButton()
        self.btn_remove_stream.clicked.connect(lambda: self.remove_selected_stream())
        self.btn_edit_stream = QPushButton()
        self.btn_edit_stream.setObjectName("editStreamButton")
        self.btn_edit_stream.clicked.connect(lambda: self.edit_selected_stream())
        self.btn_duplicate_stream = QPushButton()
        self.btn_duplicate_stream.clicked.connect(lambda: self.duplicate_selected_stream())
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet(
            "QLabel { background: #EAF2F8; border: 1px solid #AED6F1; padding: 8px; }"
        )
        stream_bar = QHBoxLayout()
        for w in (
            self.btn_add_stream,
            self.btn_edit_stream,
            self.btn_duplicate_stream,
            self.btn_remove_stream,
        ):
            stream_bar.addWidget(w)
        stream_bar.addStretch(1)
        streams_box = QWidget()
        sbl = QVBoxLayout(streams_box)
        sbl.setContentsMargins(0, 0, 0, 0)
        sbl.addLayout(stream_bar)
        sbl.addWidget(self.empty_hint)
        sbl.addWidget(self.streams_view, 1)
        self.records_model = RecordsModel(context, self)
        self.grid = QTableView()
        self.grid.setObjectName("recordsGrid")
        self.grid.setModel(self.records_model)
        self.grid.setSelectionMode(QAbstractItemView.ContiguousSelection)
        self.grid.horizontalHeader().setDefaultSectionSize(110)
        self.grid.verticalHeader().setDefaultSectionSize(24)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.grid_keys = _grid_keys(self)
        self.grid_hint = QLabel()
        self.grid_hint.setObjectName("gridKeysHint")
        self.grid_hint.setWordWrap(True)
        self.group_box = QComboBox()
        self.group_box.currentIndexChanged.connect(self._group_changed)
        self.mode_box = QComboBox()
        self.mode_box.currentIndexChanged.connect(self._mode_changed)
        self.btn_import = QPushButton()
        self.btn_import.setObjectName("importButton")
        self.btn_import.clicked.connect(lambda: self.open_import())
        self.btn_paste = QPushButton()
        self.btn_paste.clicked.connect(self.paste_clipboard)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.RichText)
        bar = QHBoxLayout()
        for w in (self.group_box, self.mode_box, self.btn_paste, self.btn_import):
            bar.addWidget(w)
        bar.addWidget(self.legend, 1)
        self.quality_list = QListWidget()
        self.quality_list.setObjectName("qualityList")
        self.quality_list.setWordWrap(True)
        self.quality_title = QLabel()
        self.entry_warning = QLabel()
        self.entry_warning.setObjectName("entryWarning")
        self.entry_warning.setWordWrap(True)
        self.entry_warning.setStyleSheet(
            "QLabel { background: #FDEDEC; border: 1px solid #E6B0AA; padding: 6px; }"
        )
        self.entry_warning.hide()
        self.note_title = QLabel()
        self.note_title.setWordWrap(True)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("recordNote")
        self.note_edit.editingFinished.connect(self._note_finished)
        self.grid.selectionModel().currentChanged.connect(lambda *_a: self._show_note())
        self.records_model.modelReset.connect(self._show_note)
        grid_box = QWidget()
        gl = QVBoxLayout(grid_box)
        gl.setContentsMargins(0, 0, 0, 0)
        gl.addLayout(bar)
        gl.addWidget(self.entry_warning)
        gl.addWidget(self.grid, 1)
        gl.addWidget(self.grid_hint)
        quality_box = QWidget()
        ql = QVBoxLayout(quality_box)
        ql.setContentsMargins(0, 0, 0, 0)
        ql.addWidget(self.note_title)
        ql.addWidget(self.note_edit)
        ql.addWidget(self.quality_title)
        ql.addWidget(self.quality_list)
        lower = QSplitter(Qt.Horizontal)
        lower.addWidget(grid_box)
        lower.addWidget(quality_box)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 1)
        data_split = QSplitter(Qt.Vertical)
        data_split.addWidget(streams_box)
        data_split.addWidget(lower)
        data_split.setStretchFactor(0, 1)
        data_split.setStretchFactor(1, 3)
        self.tabs.addTab(data_split, "")
        # -- balances tab --------------------------------------------------------------------
        # One resource at a time (materials, water or energy) for the table and the Sankey: a
        # step's three balances side by side made the table too wide to show its remainder.
        self.balances = QTableWidget(0, 6)
        self.balances.setObjectName("balanceTable")
        self.balances.verticalHeader().setVisible(False)
        self.balances.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.balances.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.dimension_label = QLabel()
        self.dimension_box = QComboBox()
        self.dimension_box.currentIndexChanged.connect(lambda _i: self._dimension_changed())
        self._dimension_chosen = False  # until the user picks one, show one that has flows
        self.balance_hint = QLabel()
        self.balance_hint.setWordWrap(True)
        self.sankey_view = None  # built on first show: matplotlib stays off the start-up path
        self.sankey_holder = QVBoxLayout()
        bal = QWidget()
        bl = QVBoxLayout(bal)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.balance_hint)
        bl.addWidget(self.balances, 1)
        sank = QWidget()
        sl = QVBoxLayout(sank)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addLayout(self.sankey_holder, 1)
        bal_split = QSplitter(Qt.Horizontal)
        bal_split.addWidget(bal)
        bal_split.addWidget(sank)
        bal_split.setStretchFactor(0, 2)
        bal_split.setStretchFactor(1, 3)
        bal_split.setSizes([420, 800])  # the Sankey is drawn later: it must have room waiting
        sank.setMinimumWidth(360)
        self.bal_split = bal_split
        self._split_moved = False  # the user's own split is kept; else the table is shown whole
        bal_split.splitterMoved.connect(lambda *_: setattr(self, "_split_moved", True))
        self.tabs.addTab(_bar_page([self.dimension_label, self.dimension_box], bal_split), "")
        # -- charts tab ----------------------------------------------------------------------
        self.chart_box = QComboBox()
        self.chart_box.currentIndexChanged.connect(lambda _i: self._draw_chart())
        self.chart_stream = QComboBox()
        self.chart_stream.currentIndexChanged.connect(lambda _i: self._draw_chart())
        self.chart_view = None
        self.chart_holder = QVBoxLayout()
        self.tabs.addTab(_bar_page([self.chart_box, self.chart_stream], self.chart_holder), "")
        self.tabs.currentChanged.connect(lambda _i: self._draw_visible())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._stale_charts = True
        self._read_only = context.read_only
        # Seams for tests (and RECP_NO_DIALOGS runs): how a modal dialog is run and how the
        # user confirms; the defaults are the real modal dialogs.
        self.run_dialog = lambda dialog: dialog.exec()
        self.confirm = self._confirm_box
        self.retranslate()
        self.refresh(ChangeSet(reset=True))

    # ------------------------------------------------------------------------ PhaseScreen
    def title(self) -> str:
        return self.tr("Baselines")

    @classmethod
    def completeness_of(cls, audit: model.Audit) -> float | None:
        """Share of (stream, baseline month) cells that hold a figure."""
        periods = audit.baseline_periods()
        if not audit.streams or not periods:
            return 0.0 if not audit.streams else None
        have = {(r.stream_id, r.period) for r in audit.records}
        wanted = [(s.id, p) for s in audit.streams for p in periods]
        return sum(1 for w in wanted if w in have) / len(wanted)

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Streams and monthly figures"))
        self.tabs.setTabText(1, self.tr("Process-step balances"))
        self.tabs.setTabText(2, self.tr("Charts"))
        self._fill_combo(
            self.group_box,
            [(self.tr("All streams"), None)] + [(group_title(g), g) for g in GROUP_ORDER],
        )
        self._fill_combo(
            self.mode_box, [(self.tr("Quantity"), False), (self.tr("Invoice cost (VND)"), True)]
        )
        self._fill_combo(
            self.dimension_box,
            [
                (self.tr("Materials (t)"), "mass"),
                (self.tr("Water (m³)"), "volume"),
                (self.tr("Energy (GJ)"), "energy"),
            ],
        )
        self._fill_combo(
            self.chart_box,
            [
                (self.tr("Monthly consumption and cost"), "monthly"),
                (self.tr("Cost shares"), "cost_shares"),
                (self.tr("Specific consumption"), "specific"),
                (self.tr("CO₂e by source"), "co2e"),
            ],
        )
        self.btn_import.setText(self.tr("Import from Excel/CSV…"))
        self.btn_paste.setText(self.tr("Paste from Excel"))
        self.grid_hint.setText(self.grid_keys.hint())
        self.btn_add_stream.setText(self.tr("Add stream…"))
        self.btn_edit_stream.setText(self.tr("Edit stream…"))
        self.btn_duplicate_stream.setText(self.tr("Duplicate stream"))
        self.btn_remove_stream.setText(self.tr("Remove stream"))
        self.note_edit.setPlaceholderText(self.tr("e.g. meter replaced, estimated from invoice"))
        self.quality_title.setText(self.tr("Data quality"))
        self.legend.setText(
            " ".join(
                f'<span style="background:{FLAG_COLOURS[f].name()}">&nbsp;{t}&nbsp;</span>'
                for f, t in zip(
                    FLAG_COLOURS,
                    (self.tr("duplicate"), self.tr("outlier"), self.tr("missing")),
                    strict=True,
                )
            )
        )
        self.balance_hint.setText(
            self.tr(
                "Inputs − outputs − identified losses = unaccounted. Steps whose unaccounted share "
                "exceeds 5 % are highlighted. Flows are entered on the Products & process steps screen."
            )
        )
        self.dimension_label.setText(self.tr("Resource:"))
        self.refresh(ChangeSet(reset=True))

    def refresh(self, changes: ChangeSet) -> None:
        if changes.touches(*DATA_TYPES) or changes.info:
            self.streams_model.reload()
            self.records_model.reload()
            self.streams_view.resizeColumnsToContents()
            self._fill_quality()
            self._show_entry_warning()
            self._fill_chart_streams()
            self._show_empty_state()
            self._show_note()
        if changes.touches(*BALANCE_TYPES):
            self._fill_balances()
        if changes.touches(*CHART_TYPES, *BALANCE_TYPES) or changes.info:
            self._stale_charts = True
            if self.isVisible():
                self._draw_visible()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for w in (
            self.btn_import,
            self.btn_paste,
            self.btn_add_stream,
            self.btn_edit_stream,
            self.btn_duplicate_stream,
            self.btn_remove_stream,
            self.note_edit,
        ):
            w.setEnabled(not read_only)
        trigger = (
            QAbstractItemView.NoEditTriggers
            if read_only
            else (
                QAbstractItemView.DoubleClicked
                | QAbstractItemView.EditKeyPressed
                | QAbstractItemView.AnyKeyPressed
            )
        )
        self.grid.setEditTriggers(trigger)
        self.streams_view.setEditTriggers(trigger)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._draw_visible()

    # ------------------------------------------------------------------------ data tab
    @staticmethod
    def _fill_combo(box: QComboBox, items) -> None:
        current = box.currentIndex()
        box.blockSignals(True)
        box.clear()
        for label, data in items:
            box.addItem(label, data)
        box.setCurrentIndex(max(0, current))
        box.blockSignals(False)

    def _group_changed(self, _i: int) -> None:
        self.records_model.group = self.group_box.currentData()
        self.records_model.reload()

    def _mode_changed(self, _i: int) -> None:
        self.records_model.show_cost = bool(self.mode_box.currentData())
        self.records_model.reload()

    # -- streams: add, duplicate, remove --------------------------------------------------
    def selected_stream(self) -> model.ResourceStream | None:
        index = self.streams_view.currentIndex()
        if not index.isValid():
            return None
        return self.streams_model.streams[index.row()]

    def select_stream(self, stream_id: str) -> None:
        rows = [i for i, s in enumerate(self.streams_model.streams) if s.id == stream_id]
        if rows:
            self.streams_view.setCurrentIndex(self.streams_model.index(rows[0], 1))

    def add_stream(self) -> bool:
        """Ask for the new stream's details; save it as one undoable step."""
        from app.ui.screens.baselines.stream import StreamDialog, add_stream

        dialog = StreamDialog(self.context, self)
        if not self.run_dialog(dialog):
            return False
        stream = dialog.stream()
        if stream is None or not add_stream(self.context, stream, self.tr("Add stream")):
            return False
        self.select_stream(stream.id)
        return True

    def edit_selected_stream(self) -> bool:
        """Edit the selected stream's details (and its symbiosis class) as one undoable step."""
        from app.ui.screens.baselines.stream import StreamDialog, edit_stream

        stream = self.selected_stream()
        if stream is None:
            self.context.failed.emit(self.tr("Select a stream first."))
            return False
        dialog = StreamDialog(self.context, self, stream=stream)
        if not self.run_dialog(dialog):
            return False
        edited = dialog.stream()
        if edited is None or edited == stream:
            return False
        label = self.tr("Edit stream {name}").format(name=edited.name_vi)
        if not edit_stream(self.context, edited, label):
            return False
        self.select_stream(edited.id)
        return True

    def duplicate_selected_stream(self) -> bool:
        from app.ui.screens.baselines.stream import duplicate_stream

        stream = self.selected_stream()
        if stream is None:
            self.context.failed.emit(self.tr("Select a stream first."))
            return False
        return duplicate_stream(self.context, stream, self.tr("Duplicate stream"))

    def remove_selected_stream(self) -> bool:
        """Remove the selected stream; asks first when it holds monthly figures."""
        from app.ui.screens.baselines.stream import remove_stream

        stream = self.selected_stream()
        if stream is None:
            self.context.failed.emit(self.tr("Select a stream first."))
            return False
        count = sum(1 for r in self.context.audit.records if r.stream_id == stream.id)
        if count and not self.confirm(
            self.tr(
                "Remove “{name}” and its {count} monthly figures? Undo brings them back."
            ).format(name=stream.name_vi, count=count)
        ):
            return False
        return remove_stream(
            self.context, stream, self.tr("Remove stream {name}").format(name=stream.name_vi)
        )

    def _confirm_box(self, message: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Remove stream"), message)
        return answer == QMessageBox.StandardButton.Yes

    def _show_empty_state(self) -> None:
        audit = self.context.audit
        if not audit.streams:
            hint = self.tr(
                "No resource streams yet. Start with “Add stream…” for each meter or invoice "
                "(electricity, fuels, water, materials, chemicals, waste), then type or paste "
                "the monthly figures, or import them with “Import from Excel/CSV…”."
            )
        elif not audit.info.baseline_start:
            hint = self.tr(
                "The baseline months are not set: enter the baseline's first month on the "
                "Enterprise screen, or import figures (their months appear in the grid)."
            )
        else:
            hint = ""
        self.empty_hint.setText(hint)
        self.empty_hint.setVisible(bool(hint))
        has = bool(audit.streams)
        self.btn_duplicate_stream.setEnabled(has and not self._read_only)
        self.btn_edit_stream.setEnabled(has and not self._read_only)
        self.btn_remove_stream.setEnabled(has and not self._read_only)

    # -- notes on a month's figure -------------------------------------------------------
    def _show_note(self) -> None:
        index = self.grid.currentIndex()
        m = self.records_model
        rec = m.record_at(index.row(), index.column()) if index.isValid() else None
        if rec is None:
            self.note_title.setText(self.tr("Note on the selected month’s figure"))
            self.note_edit.setText("")
            self.note_edit.setEnabled(False)
            return
        stream = m.streams[index.column()]
        self.note_title.setText(
            self.tr("Note on {stream}, {period}").format(
                stream=stream.name_en
                if self.context.lang == "en" and stream.name_en
                else stream.name_vi,
                period=self.context.format_period(rec.period),
            )
        )
        if not self.note_edit.hasFocus() or self.note_edit.text() == rec.note:
            self.note_edit.setText(rec.note)
        self.note_edit.setEnabled(not self._read_only)

    def _note_finished(self) -> None:
        index = self.grid.currentIndex()
        if index.isValid():
            self.records_model.set_note(index.row(), index.column(), self.note_edit.text())

    def _fill_quality(self) -> None:
        self.quality_list.clear()
        report = self.records_model.quality
        for p in report.problems:
            self.quality_list.addItem(quality_text(p, self.context.lang))
        if not report.problems:
            self.quality_list.addItem(self.tr("No gaps, outliers or duplicate months."))

    def _show_entry_warning(self) -> None:
        """A figure just typed or pasted that is far off the stream's other months: said at
        once above the grid (it is saved: it may be true, the auditor decides)."""
        found = self.records_model.entered_outliers()
        if not found:
            self.entry_warning.hide()
            return
        lines = [quality_text(p, self.context.lang) for p in found[:3]]
        if len(found) > 3:
            more = self.tr("… and {count} more in the data-quality list")
            lines.append(more.format(count=len(found) - 3))
        self.entry_warning.setText(
            self.tr("Check the figure just entered — it is saved, correct it if it is a typo:")
            + "\n"
            + "\n".join(lines)
        )
        self.entry_warning.show()

    def paste_clipboard(self) -> None:
        index = self.grid.currentIndex()
        top, left = (index.row(), index.column()) if index.isValid() else (0, 0)
        self.paste_text(QGuiApplication.clipboard().text(), top, left)

    def paste_text(self, text: str, top: int = 0, left: int = 0) -> bool:
        """Paste ``text`` at (top, left); an ambiguous block ("22,100") is asked about first
        and stored only in the convention the user picks (cancel: nothing is stored)."""
        checked = self.records_model.check_paste(text, top, left)
        locale = None
        if not isinstance(checked, PasteError) and checked.ambiguous:
            from app.ui.screens.baselines.paste import PasteNumbersDialog

            dialog = PasteNumbersDialog(self.context.lang, checked, self)
            if not self.run_dialog(dialog) or dialog.chosen is None:
                return False
            locale = dialog.chosen
        error = checked if isinstance(checked, PasteError) else None
        error = error or self.records_model.paste(text, top, left, locale)
        if error is not None:
            self.context.failed.emit(
                self.tr(
                    "Nothing pasted: row {row}, column {column} “{text}” is not a number ≥ 0 "
                    "or a month of the grid."
                ).format(row=error.row, column=error.column, text=error.text)
            )
            return False
        return True

    def open_import(self, path: str = ""):
        from app.ui.screens.baselines.import_dialog import (
            ImportDialog,
        )  # openpyxl only when importing

        dialog = ImportDialog(self.context, self, path)
        if path:
            return dialog
        dialog.exec()
        return dialog

    # ------------------------------------------------------------------------ balances
    def _dimension_changed(self) -> None:
        self._dimension_chosen = True  # the user's pick, kept even for a resource without flows
        self._fill_balances()
        self._draw_sankey()

    def _fill_balances(self) -> None:
        from app.core.indicators import step_balances

        audit = self.context.audit
        names = {
            s.id: (s.name_en if self.context.lang == "en" and s.name_en else s.name_vi)
            for s in audit.steps
        }
        every = step_balances(audit)
        dimension = self.dimension_box.currentData()
        present = [b.dimension for b in every]
        if not self._dimension_chosen and present and dimension not in present:
            # nothing to show for this resource: open on the first one that has flows (the
            # Sankey follows: it is drawn from the box when its tab is shown or refreshed)
            i = next(i for i in range(self.dimension_box.count())
                     if self.dimension_box.itemData(i) in present)  # fmt: skip
            self.dimension_box.blockSignals(True)
            self.dimension_box.setCurrentIndex(i)
            self.dimension_box.blockSignals(False)
            dimension = self.dimension_box.currentData()
        rows = [b for b in every if b.dimension == dimension]
        in_unit = f"\n({rows[0].unit})" if rows else ""  # one unit per resource (t, m³, GJ)
        self.balances.setHorizontalHeaderLabels(
            [
                self.tr("Step"),
                self.tr("Inputs") + in_unit,
                self.tr("Outputs") + in_unit,
                self.tr("Losses") + in_unit,
                self.tr("Unaccounted") + in_unit,
                self.tr("Share"),
            ]
        )
        self.balances.setRowCount(len(rows))
        fmt = self.context.format_number
        for r, b in enumerate(rows):
            share = self.tr("no inputs") if b.share is None else fmt(b.share * 100, 1) + " %"
            cells = [
                names.get(b.step_id, ""),
                fmt(b.inputs, 1),
                fmt(b.outputs, 1),
                fmt(b.losses, 1),
                fmt(b.unaccounted, 1),
                share,
            ]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c >= 1:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if b.flagged and c >= 4:
                    item.setBackground(QBrush(WARN))
                    item.setToolTip(self.tr("Unaccounted share above the threshold"))
                self.balances.setItem(r, c, item)
        self._fit_balance_split()

    def _fit_balance_split(self) -> None:
        """Give the balance table the width of its columns, the Sankey the rest (once shown:
        hidden widgets have no real sizes yet)."""
        if self._split_moved or not self.bal_split.isVisible():
            return
        t = self.balances
        t.resizeColumnsToContents()
        need = sum(t.columnWidth(c) for c in range(t.columnCount())) + 2 * t.frameWidth()
        need += t.verticalScrollBar().sizeHint().width() + 4
        total = sum(self.bal_split.sizes()) or 1220
        self.bal_split.setSizes([need, max(total - need, 360)])

    # ------------------------------------------------------------------------ charts
    def _fill_chart_streams(self) -> None:
        from app.ui.screens.baselines.models import ordered_streams

        items = [
            (s.name_en if self.context.lang == "en" and s.name_en else s.name_vi, s.id)
            for s in ordered_streams(self.context.audit)
        ]
        self._fill_combo(self.chart_stream, items)

    def _draw_visible(self) -> None:
        if not self._stale_charts and self.tabs.currentIndex() == 0:
            return
        if self.tabs.currentIndex() == 1:
            self._draw_sankey()
        elif self.tabs.currentIndex() == 2:
            self._draw_chart()

    def _draw_sankey(self) -> None:
        if self.tabs.currentIndex() != 1 or not self.isVisible():
            return
        from app.reports.charts import audit_chart
        from app.ui.screens.baselines.charts import ChartView

        self._fit_balance_split()
        if self.sankey_view is None:
            self.sankey_view = ChartView()
            self.sankey_holder.addWidget(self.sankey_view)
        self.sankey_view.show_figure(
            audit_chart(
                self.context.audit,
                "sankey",
                self.context.lang,
                dimension=self.dimension_box.currentData(),
            )
        )

    def _draw_chart(self) -> None:
        if self.tabs.currentIndex() != 2 or not self.isVisible():
            return
        from app.reports.charts import audit_chart
        from app.ui.screens.baselines.charts import ChartView

        if self.chart_view is None:
            self.chart_view = ChartView()
            self.chart_holder.addWidget(self.chart_view)
        name = self.chart_box.currentData() or "monthly"
        self.chart_stream.setEnabled(name in ("monthly", "specific"))
        self.chart_view.show_figure(
            audit_chart(
                self.context.audit,
                name,
                self.context.lang,
                stream_id=self.chart_stream.currentData() or "",
            )
        )
        self._stale_charts = False


def screenshot_steps() -> list:
    """Extra views for ``tools/screenshots.py``: callables (window) -> file name.

    The import preview is a dialog (not in the window's grab): its step saves its own PNG in the
    screenshot folder (the tool's first argument) and then shows the charts tab.
    """

    def tab(index: int, name: str, chart: str = ""):
        def step(window) -> str:
            screen = window.workspace.show_phase("baselines")
            screen.tabs.setCurrentIndex(index)
            if chart:
                screen.chart_box.setCurrentIndex(screen.chart_box.findData(chart))
            return name

        return step

    def import_preview(window) -> str:
        import sys
        import tempfile
        from pathlib import Path

        import openpyxl

        screen = window.workspace.show_phase("baselines")
        lang = screen.context.lang
        wb = openpyxl.Workbook()
        wb.active.title = "Điện nước"
        wb.active.append(["Tháng", "Điện lưới (kWh)", "Nước cấp KCN (m3)"])
        for m, q in enumerate(["512.300", "498.750", "1.234", "abc", "-20"], start=1):
            wb.active.append([f"{m:02d}/2025", q, 11000 + m])
        wb.active.append(["31/02/2025", 500000, 11500])
        src = Path(tempfile.mkdtemp()) / "hoa_don_2025.xlsx"
        wb.save(src)
        dialog = screen.open_import(str(src))
        dialog.check(wait=True)
        from PySide6.QtWidgets import QApplication

        for _ in range(20):
            QApplication.processEvents()
        args = [a for a in sys.argv[1:] if not a.startswith("-")]
        out = Path(args[0] if args else "screenshots")
        dialog.resize(1300, 720)
        dialog.grab().save(str(out / f"baselines_import_{lang}.png"))
        dialog.close()
        screen.tabs.setCurrentIndex(0)
        return "baselines_data"

    def stream_dialog(window) -> str:
        import sys
        from pathlib import Path

        from app.ui.screens.baselines.stream import StreamDialog

        screen = window.workspace.show_phase("baselines")
        dialog = StreamDialog(screen.context, screen)
        dialog.set_kind(model.StreamKind.WATER)
        dialog.name_vi.setText("Nước giếng khoan")
        dialog.unit.setEditText("kWh")  # a unit that does not fit: the message is shown
        dialog.stream()
        dialog.show()
        args = [a for a in sys.argv[1:] if not a.startswith("-")]
        out = Path(args[0] if args else "screenshots")
        dialog.grab().save(str(out / f"baselines_add_stream_{screen.context.lang}.png"))
        dialog.close()
        return "baselines_data"

    def paste_question(window) -> str:
        import sys
        from pathlib import Path

        from app.ui.screens.baselines.paste import PasteNumbersDialog

        screen = window.workspace.show_phase("baselines")
        text = "22,100\n25,300\n24,200\n" if screen.context.lang == "vi" else "1.500\n2.250\n"
        block = screen.records_model.check_paste(text, 0, 0)
        dialog = PasteNumbersDialog(screen.context.lang, block, screen)
        dialog.show()
        args = [a for a in sys.argv[1:] if not a.startswith("-")]
        out = Path(args[0] if args else "screenshots")
        dialog.grab().save(str(out / f"baselines_paste_question_{screen.context.lang}.png"))
        dialog.close()
        return "baselines_data"

    def stream_class_dialog(window) -> str:
        import sys
        from pathlib import Path

        from app.ui.screens.baselines.stream import StreamDialog

        screen = window.workspace.show_phase("baselines")
        dialog = StreamDialog(screen.context, screen)
        dialog.set_kind(model.StreamKind.SOLID_WASTE)
        dialog.name_vi.setText("Nhựa vụn từ máy ép")
        dialog.name_en.setText("Plastic offcuts")
        dialog.unit.setEditText("t")
        dialog.show()
        args = [a for a in sys.argv[1:] if not a.startswith("-")]
        out = Path(args[0] if args else "screenshots")
        dialog.grab().save(str(out / f"baselines_stream_class_{screen.context.lang}.png"))
        dialog.close()
        return "baselines_data"

    return [
        import_preview,
        stream_dialog,
        paste_question,
        stream_class_dialog,
        tab(1, "baselines_balances"),
        tab(2, "baselines_chart_monthly", "monthly"),
        tab(2, "baselines_chart_cost_shares", "cost_shares"),
        tab(2, "baselines_chart_specific", "specific"),
        tab(2, "baselines_chart_co2e", "co2e"),
    ]


def _grid_keys(screen: BaselinesScreen):
    """Excel's keys on the records grid: Enter down, Ctrl+C/V, Delete, Ctrl+D (one undo each)."""
    from app.ui.grid_keys import GridKeys
    from app.ui.screens.baselines import keys as baselines_keys

    records = screen.records_model
    return GridKeys(
        screen.grid,
        enter="down",
        paste=screen.paste_text,
        clear=lambda cells: baselines_keys.clear_cells(records, cells),
        fill_down=lambda cells: baselines_keys.fill_down(records, cells),
    )


def _bar_page(controls: list[QWidget], body: QWidget | QLayout) -> QWidget:
    """A tab page: its controls in a row on top (left-aligned), the body filling the rest."""
    page = QWidget()
    column = QVBoxLayout(page)
    bar = QHBoxLayout()
    for w in controls:
        bar.addWidget(w)
    bar.addStretch(1)
    column.addLayout(bar)
    if isinstance(body, QLayout):
        column.addLayout(body, 1)
    else:
        column.addWidget(body, 1)
    return page
