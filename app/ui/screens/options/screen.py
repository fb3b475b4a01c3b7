"""Phases 3–5: the options log (cơ hội SXSH), feasibility, prioritisation, implementation.

Tabs: the log (sortable, filterable table + the option editor), the ranked list with its
editable weights, the charts, the totals. Every edit goes through ``context.edit`` (undoable,
saved at once); figures are cached in an ``OptionsAnalysis`` and recomputed one option at a
time when that option changes.

For the walkthrough screen: ``OptionsScreen.open_new_option_from_finding(finding)`` (or the
module function of the same name, given the screen) creates a prefilled option from a finding
as one undoable edit, selects it in the log and puts the cursor in its title.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import options as opt
from app.core.messages import render, text
from app.core.model import (
    Audit,
    CPCategory,
    Finding,
    Option,
    OptionStatus,
    PeriodRecord,
    ProcessStep,
    ResourceStream,
)
from app.ui.column_chooser import ColumnChooser
from app.ui.context import AuditContext, ChangeSet
from app.ui.screens.base import PhaseScreen
from app.ui.screens.options.detail import OptionEditor
from app.ui.screens.options.model import (
    COLUMN,
    COLUMNS,
    OPTION_ROLE,
    OptionsFilterProxy,
    OptionsTableModel,
    header_label,
)

CHART_NAMES = ("mac", "bubble", "category")


# Shown from the header's menu; the option's editor shows them for the selected one.
DEFAULT_HIDDEN_COLUMNS = ("screening", "streams", "npv", "irr")
# Ranked list: rank, code, (title stretches), score, 3 criteria, payback, NPV.
_RANKED_WIDTHS = {0: 45, 1: 50, 3: 50, 4: 60, 5: 60, 6: 60, 7: 100, 8: 110}  # 7: "chưa đánh giá"
# Widths the columns' values need (px); "2.850.000.000" needs ~95.
_CONTENT_WIDTHS = {"code": 50, "category": 160, "status": 100, "screening": 125, "step": 100,
                   "streams": 140, "investment": 100, "saving": 100, "payback": 100, "npv": 110,
                   "irr": 55, "co2e": 60, "score": 45}  # fmt: skip


def fit_to_headers(view: QTableView, widths: dict[int, int]) -> None:
    """Set each listed column to its content's width or its header's longest line if wider."""
    metrics = view.horizontalHeader().fontMetrics()
    model = view.model()
    for column, width in widths.items():
        label = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        lines = max(metrics.horizontalAdvance(line) for line in label.split("\n"))
        view.setColumnWidth(column, max(width, lines + 22))


class OptionsScreen(PhaseScreen):
    key = "options"

    def __init__(self, context: AuditContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.analysis = opt.OptionsAnalysis(context.audit)
        weights, self.weight_problems = opt.weights_from_setting(
            context.file.get_setting(opt.WEIGHTS_SETTING)
        )
        self.model = OptionsTableModel(
            self.analysis, context.lang, context.format_number, self, weights=weights
        )
        self.proxy = OptionsFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.summary = QLabel()
        self.summary.setObjectName("optionsSummary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

        # --- log tab
        log = QWidget()
        lv = QVBoxLayout(log)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda t: self.proxy.set_filter(text=t))
        self.f_category = QComboBox()
        self.f_status = QComboBox()
        self.f_step = QComboBox()
        self.f_stream = QComboBox()
        for combo, name in (
            (self.f_category, "category"),
            (self.f_status, "status"),
            (self.f_step, "step_id"),
            (self.f_stream, "stream_id"),
        ):
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, n=name: self.proxy.set_filter(**{n: c.currentData() or None})
            )
            combo.currentTextChanged.connect(combo.setToolTip)  # the row may cut long names
        self.btn_new = QPushButton()
        self.btn_duplicate = QPushButton()
        self.btn_delete = QPushButton()
        self.btn_new.clicked.connect(self.new_option)
        self.btn_duplicate.clicked.connect(self.duplicate_selected)
        self.btn_delete.clicked.connect(self.delete_selected)
        bar.addWidget(self.search, 3)
        for w in (self.f_category, self.f_status, self.f_step, self.f_stream):
            # share the row evenly whatever the longest step or stream name; the popup list
            # is widened to its items in _fill_filters
            w.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(10)
            bar.addWidget(w, 2)
        lv.addLayout(bar)
        # the log's buttons sit beside the tabs, leaving the filter row its full width
        self.log_buttons = QWidget()
        hb = QHBoxLayout(self.log_buttons)
        hb.setContentsMargins(0, 0, 0, 2)
        for w in (self.btn_new, self.btn_duplicate, self.btn_delete):
            hb.addWidget(w)
        self.tabs.setCornerWidget(self.log_buttons, Qt.TopRightCorner)
        self.table = QTableView()
        self.table.setObjectName("optionsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN["code"], Qt.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        # the title takes what the other columns leave, so the log fits a 1366 px laptop
        # screen; their widths follow their headers' language (_fit_columns)
        header.setSectionResizeMode(COLUMN["title"], QHeaderView.Stretch)
        header.setMinimumSectionSize(40)
        self.columns = ColumnChooser(
            self.table,
            "options_log",
            [key for key, _, _ in COLUMNS],
            default_hidden=DEFAULT_HIDDEN_COLUMNS,
            fixed=("code", "title"),
            settings=context.settings,
        )
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.editor = OptionEditor(context, self.analysis)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.editor)
        split.setSizes([260, 440])
        self.log_pages = QStackedWidget()
        self.log_pages.addWidget(split)
        self.empty = EmptyLog()
        self.empty.btn_new.clicked.connect(self.new_option)
        self.empty.btn_from_finding.clicked.connect(self._pick_finding)
        self.log_pages.addWidget(self.empty)
        lv.addWidget(self.log_pages, 1)
        self.tabs.addTab(log, "")

        # --- ranking tab
        rank = QWidget()
        rv = QVBoxLayout(rank)
        self.box_weights = QGroupBox()
        wf = QFormLayout(self.box_weights)
        self.weight_spins: dict[str, QDoubleSpinBox] = {}
        self.weight_labels: dict[str, QLabel] = {}
        for criterion in opt.CRITERIA:
            spin = QDoubleSpinBox()
            spin.setRange(0, 100)
            spin.setDecimals(2)
            spin.setSingleStep(0.05)
            spin.setValue(weights[criterion])
            spin.editingFinished.connect(self._weights_edited)
            spin.setMaximumWidth(110)  # a weight, not a paragraph: no full-width fields
            self.weight_spins[criterion] = spin
            self.weight_labels[criterion] = QLabel()
            wf.addRow(self.weight_labels[criterion], spin)
        self.weight_note = QLabel()
        self.weight_note.setWordWrap(True)
        wf.addRow(self.weight_note)
        rv.addWidget(self.box_weights)
        self.ranked = QTableWidget(0, 9)
        self.ranked.setObjectName("rankedTable")
        self.ranked.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.ranked.verticalHeader().setVisible(False)
        self.ranked.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.ranked.cellDoubleClicked.connect(self._ranked_open)
        rv.addWidget(self.ranked, 1)
        self.tabs.addTab(rank, "")

        # --- charts tab
        charts = QWidget()
        cv = QVBoxLayout(charts)
        self.chart_choice = QComboBox()
        self.chart_choice.currentIndexChanged.connect(lambda _i: self.show_chart())
        self.chart_view = QLabel()
        self.chart_view.setObjectName("chartView")
        self.chart_view.setAlignment(Qt.AlignCenter)
        self.chart_view.setMinimumSize(400, 300)
        self.chart_hint = QLabel()
        self.chart_hint.setObjectName("chartHint")
        self.chart_hint.setWordWrap(True)
        self.chart_hint.setAlignment(Qt.AlignCenter)
        self.chart_hint.setStyleSheet("color: #555; padding: 6px;")
        self.chart_hint.hide()
        cv.addWidget(self.chart_choice)
        cv.addWidget(self.chart_view, 1)
        cv.addWidget(self.chart_hint)
        self.tabs.addTab(charts, "")

        # --- totals tab
        totals = QWidget()
        outer_totals = QVBoxLayout(totals)
        tv = QHBoxLayout()
        outer_totals.addLayout(tv, 1)
        self.totals_note = QLabel()
        self.totals_note.setObjectName("totalsNote")
        self.totals_note.setWordWrap(True)
        self.totals_note.setStyleSheet("color: #555;")
        outer_totals.addWidget(self.totals_note)
        self.totals_tables = {
            "groups": QTableWidget(0, 3),
            "counts": QTableWidget(0, 2),
            "streams": QTableWidget(0, 5),
        }
        for t in self.totals_tables.values():
            t.setEditTriggers(QAbstractItemView.NoEditTriggers)
            t.verticalHeader().setVisible(False)
            t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        left = QVBoxLayout()
        left.addWidget(self.totals_tables["groups"])
        left.addWidget(self.totals_tables["streams"])
        tv.addLayout(left, 3)
        tv.addWidget(self.totals_tables["counts"], 2)
        self.tabs.addTab(totals, "")

        # The summary line and the totals tab need every option's figures: they are filled on
        # the next event-loop turn, after the log's first paint (see _schedule_totals).
        self._chart_dirty = True
        self._totals_dirty = True
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(0)
        self._totals_timer.timeout.connect(self._update_totals)
        self.retranslate()
        self.set_read_only(context.read_only)

    # ------------------------------------------------------------------ base API
    def title(self) -> str:
        return self.tr("Options")

    @classmethod
    def completeness_of(cls, audit: Audit) -> float | None:
        """Share of the options that have moved past "identified" (screened or later)."""
        if not audit.options:
            return 0.0
        return sum(o.status != OptionStatus.IDENTIFIED for o in audit.options) / len(audit.options)

    def set_read_only(self, read_only: bool) -> None:
        for w in (self.btn_new, self.btn_duplicate, self.btn_delete, *self.weight_spins.values()):
            w.setEnabled(not read_only)
        self.empty.btn_new.setEnabled(not read_only)
        self._show_empty_state()
        self.editor.show_option(self.editor.option)

    # ------------------------------------------------------------------ empty log
    def _show_empty_state(self) -> None:
        """A new audit has no options: explain what one is and how to make the first."""
        audit = self.context.audit
        empty = not audit.options
        self.log_pages.setCurrentWidget(self.empty if empty else self.log_pages.widget(0))
        for w in (self.search, self.f_category, self.f_status, self.f_step, self.f_stream):
            w.setVisible(not empty)
        self._show_log_buttons()
        if empty:
            self.empty.btn_from_finding.setEnabled(
                bool(audit.findings) and not self.context.read_only
            )
            self.empty.no_findings.setVisible(not audit.findings)

    def _finding_menu(self) -> QMenu:
        """The audit's walkthrough findings, one action each, to create an option from."""
        menu = QMenu(self)
        for finding in sorted(self.context.audit.findings, key=lambda f: f.position):
            label = finding.title or finding.note or finding.area
            if self.context.lang == "en":
                label = finding.title_en or finding.note_en or label
            action = menu.addAction(label[:80])
            action.triggered.connect(
                lambda _checked=False, f=finding: self.open_new_option_from_finding(f)
            )
        return menu

    def _pick_finding(self) -> None:
        menu = self._finding_menu()
        button = self.empty.btn_from_finding
        menu.exec(button.mapToGlobal(button.rect().bottomLeft()))
        menu.deleteLater()

    def retranslate(self) -> None:
        lang = self.context.lang
        self.model.lang = lang
        self.tabs.setTabText(0, self.tr("Options log"))
        self.tabs.setTabText(1, self.tr("Priority ranking"))
        self.tabs.setTabText(2, self.tr("Charts"))
        self.tabs.setTabText(3, self.tr("Totals"))
        self.totals_note.setText(
            self.tr(
                "Totals add each option's saving as if the options were independent: options "
                "acting on the same stream can overlap, so the real total may be lower."
            )
        )
        self.search.setPlaceholderText(self.tr("Search code or title…"))
        self.empty.retranslate()
        self.btn_new.setText(self.tr("New option"))
        self.btn_duplicate.setText(self.tr("Duplicate"))
        self.btn_delete.setText(self.tr("Delete"))
        self.box_weights.setTitle(self.tr("Weights of the criteria"))
        for c in opt.CRITERIA:
            self.weight_labels[c].setText(text(f"options.criterion.{c}", lang))
        self.weight_note.setText(
            self.tr(
                "Scores are 0–5. An economic score not entered is derived from the payback; "
                "a criterion not scored is left out of the option's mean."
            )
        )
        self.ranked.setHorizontalHeaderLabels(
            [
                self.tr("Rank"),
                self.tr("Code"),
                self.tr("Option"),
                self.tr("Score"),
                text("options.criterion.economic", lang),
                text("options.criterion.technical", lang),
                text("options.criterion.environmental", lang),
                header_label(self.tr("Payback (yr)")),
                header_label(self.tr("NPV (VND)")),
            ]
        )
        self._fill_chart_choice()
        self._fill_filters()
        self.editor.retranslate()
        self.model.reset()
        self._fit_columns()
        self._chart_dirty = True
        self._schedule_totals()
        if self.tabs.currentIndex() == 1:
            self._update_ranking()
        elif self.tabs.currentIndex() == 2:
            self.show_chart()

    # ------------------------------------------------------------------ refresh
    def refresh(self, changes: ChangeSet) -> None:
        if changes.touches_setting(opt.WEIGHTS_SETTING) and changes.origin is not self:
            # an undo or redo of the weights (this screen applied its own edit already)
            weights, self.weight_problems = opt.weights_from_setting(
                self.context.file.get_setting(opt.WEIGHTS_SETTING)
            )
            self.apply_weights(weights)
        keep = self.current_option()
        one_by_one = False
        if changes.reset or changes.info or changes.touches(ResourceStream, PeriodRecord):
            self.analysis.audit = self.context.audit
            self.analysis.refresh()
            self.model.reset()
            self._fill_filters()
        elif changes.touches(Option) and len(changes.ids) > 1:
            # Many at once (an undone bulk delete, an import): rebuild the rows in the chosen
            # order rather than appending them; their figures come back as rows are painted.
            for oid in changes.ids:
                self.analysis.forget(oid)
            self.model.reset()
        elif changes.touches(Option):
            one_by_one = True
            present = {o.id: o for o in self.context.audit.options}
            for oid in changes.ids:
                if oid in present:
                    self.analysis.update(present[oid])
                    self.model.update_option(present[oid])
                elif self.model.row_of(oid) is not None:
                    self.analysis.forget(oid)
                    self.model.remove_option(oid)
        elif changes.touches(ProcessStep, Finding):
            self.model.reset()
            self._fill_filters()
        else:
            return
        if one_by_one:  # figures of the others are cached: totals cost a few ms
            self._update_totals()
        else:
            self._schedule_totals()
            if keep is not None and self.current_option() is None:
                self._reselect(keep.id)
        self._chart_dirty = True
        if self.tabs.currentIndex() == 1:
            self._update_ranking()
        elif self.tabs.currentIndex() == 2:
            self.show_chart()
        self._show_empty_state()
        current = self.current_option()
        self.editor.show_option(current)

    def _reselect(self, option_id: str) -> None:
        """Select ``option_id`` again after the rows were rebuilt, if it is still listed."""
        row = self.model.row_of(option_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
            )

    def _show_log_buttons(self) -> None:
        """New/Duplicate/Delete belong to a log that has options (the empty log has its own)."""
        self.log_buttons.setVisible(
            self.tabs.currentIndex() == 0 and bool(self.context.audit.options)
        )

    def _tab_changed(self, index: int) -> None:
        self._show_log_buttons()
        if index == 1:
            self._update_ranking()
        elif index == 2 and self._chart_dirty:
            self.show_chart()
        elif index == 3 and self._totals_dirty:
            self._fill_totals_tables(self.analysis.totals())

    def _fit_columns(self) -> None:
        """Each column but the title as wide as its content needs, or its header's longest line."""
        fit_to_headers(self.table, {COLUMN[k]: w for k, w in _CONTENT_WIDTHS.items()})
        fit_to_headers(self.ranked, _RANKED_WIDTHS)

    # ------------------------------------------------------------------ filters
    def _fill_filters(self) -> None:
        lang = self.context.lang
        audit = self.context.audit

        def fill(combo: QComboBox, all_label: str, items: list[tuple[str, str]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_label, "")
            for data, label in items:
                combo.addItem(label, data)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
            combo.setToolTip(combo.currentText())
            combo.blockSignals(False)

        fill(
            self.f_category,
            self.tr("All techniques"),
            [(c.value, text(f"options.category.{c.value}", lang)) for c in CPCategory],
        )
        fill(
            self.f_status,
            self.tr("All statuses"),
            [(s.value, text(f"options.status.{s.value}", lang)) for s in OptionStatus],
        )
        fill(
            self.f_step,
            self.tr("All steps"),
            [
                (s.id, (s.name_en or s.name_vi) if lang == "en" else s.name_vi)
                for s in sorted(audit.steps, key=lambda s: s.position)
            ],
        )
        fill(
            self.f_stream,
            self.tr("All streams"),
            [
                (s.id, (s.name_en or s.name_vi) if lang == "en" else s.name_vi)
                for s in audit.streams
            ],
        )

    # ------------------------------------------------------------------ selection
    def current_option(self) -> Option | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        option = index.data(OPTION_ROLE)
        return self.context.current(option) if option is not None else None

    def select_option(self, option_id: str) -> None:
        row = self.model.row_of(option_id)
        if row is None:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():  # filtered out: clear the filters to show it
            self.search.clear()
            for combo in (self.f_category, self.f_status, self.f_step, self.f_stream):
                combo.setCurrentIndex(0)
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
        )
        self.table.scrollTo(proxy_index)

    def open_option(self, option_id: str) -> None:
        """Show ``option_id`` in the log and its editor, title field focused (e.g. from a finding)."""
        self.tabs.setCurrentIndex(0)
        self.select_option(option_id)
        self.editor.f_title_vi.setFocus()

    def _current_changed(self, *_: Any) -> None:
        self.editor.show_option(self.current_option())

    # ------------------------------------------------------------------ actions
    def _add(self, option: Option, label: str) -> bool:
        if not self.context.edit(label, put=[option]):
            return False
        self.tabs.setCurrentIndex(0)
        self.select_option(option.id)
        self.editor.f_title_vi.setFocus()
        return True

    def new_option(self) -> Option | None:
        audit = self.context.audit
        option = Option(
            title_vi="",
            code=opt.next_option_code(o.code for o in audit.options),
            position=max((o.position for o in audit.options), default=-1) + 1,
        )
        return option if self._add(option, self.tr("New option")) else None

    def open_new_option_from_finding(self, finding: Finding, title: str = "") -> Option | None:
        """Create an option from a walkthrough finding (one undoable edit) and open it."""
        option = opt.new_option_from_finding(finding, self.context.audit, title)
        return option if self._add(option, self.tr("Create option from finding")) else None

    def duplicate_selected(self) -> Option | None:
        current = self.current_option()
        if current is None:
            return None
        dup = opt.duplicate_option(current, (o.code for o in self.context.audit.options))
        dup.position = max(o.position for o in self.context.audit.options) + 1
        return dup if self._add(dup, self.tr("Duplicate option")) else None

    def delete_selected(self) -> bool:
        current = self.current_option()
        if current is None:
            return False
        return self.context.edit(self.tr("Delete option"), delete=[current])

    # ------------------------------------------------------------------ ranking
    def _weights_edited(self) -> None:
        """Valid new weights are saved as one undoable step; invalid ones are only shown."""
        typed = {c: s.value() for c, s in self.weight_spins.items()}
        weights, problems = opt.weights_from_setting(typed)
        self.weight_problems = problems
        if problems or weights == self.model.weights or self.context.read_only:
            self._update_ranking()
            return
        # Through the one edit path: saved with the edit, undoable, announced to every screen.
        if not self.context.edit(
            self.tr("Change weights"), settings={opt.WEIGHTS_SETTING: weights}, origin=self
        ):
            self.apply_weights(self.model.weights)  # not saved: show the weights in force again
            return
        self.apply_weights(weights)

    def apply_weights(self, weights: dict[str, float]) -> None:
        """Use ``weights`` for the scores and show them in the spin boxes (after undo too)."""
        for c, spin in self.weight_spins.items():
            spin.blockSignals(True)
            spin.setValue(weights[c])
            spin.blockSignals(False)
        if weights != self.model.weights:
            self.model.weights = dict(weights)
            self.model.reset()
        self._update_ranking()

    def _update_ranking(self) -> None:
        lang = self.context.lang
        num = self.context.format_number
        note = [render(p, lang) for p in self.weight_problems]
        self.weight_note.setStyleSheet("color: #a33;" if note else "")
        if note:
            self.weight_note.setText("\n".join(note))
        ranked = self.analysis.ranked(self.model.weights)
        self.ranked.setRowCount(len(ranked))
        for r, item in enumerate(ranked):
            o, s, fin = item.option, item.score, item.finance
            crit = [
                (num(s.criteria[c], 1) + ("*" if c == "economic" and s.economic_derived else ""))
                if c in s.criteria
                else "—"
                for c in opt.CRITERIA
            ]
            cells = [
                str(item.rank),
                o.code,
                _title(o, lang),
                num(s.total, 2),
                *crit,
                (
                    text("options.not_assessed", lang)
                    if not item.assessed
                    else "—"
                    if fin.payback_years is None
                    else num(fin.payback_years, 1)
                ),
                num(round(fin.npv_vnd)),
            ]
            for c, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.UserRole, o.id)
                if c not in (1, 2):
                    cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.ranked.setItem(r, c, cell)

    def _ranked_open(self, row: int, _col: int) -> None:
        item = self.ranked.item(row, 0)
        if item is not None:
            self.tabs.setCurrentIndex(0)
            self.select_option(item.data(Qt.UserRole))

    # ------------------------------------------------------------------ charts
    def _fill_chart_choice(self) -> None:
        lang = self.context.lang
        titles = {
            "mac": text("options.chart.mac_title", lang),
            "bubble": text("options.chart.bubble_title", lang),
            "category": text("options.chart.category_title", lang),
        }
        current = self.chart_choice.currentData() or "mac"
        self.chart_choice.blockSignals(True)
        self.chart_choice.clear()
        for name in CHART_NAMES:
            self.chart_choice.addItem(titles[name], name)
        self.chart_choice.setCurrentIndex(self.chart_choice.findData(current))
        self.chart_choice.blockSignals(False)

    def show_chart(self) -> None:
        """Render the chosen chart to the label's size (matplotlib is imported here only)."""
        from app.reports import option_charts

        name = self.chart_choice.currentData() or "mac"
        size = self.chart_view.size()
        dpi = 100
        figure = option_charts.CHARTS[name](
            self.context.audit.options,
            self.analysis.finances,
            self.context.lang,
            size=(max(size.width(), 400) / dpi, max(size.height(), 300) / dpi),
        )
        # A chart without data is drawn as its title and a "no data" note on hidden axes
        # (option_charts._no_data); say here what the chart needs.
        no_data = bool(figure.axes) and not figure.axes[0].axison
        self.chart_hint.setText(self._chart_needs(name) if no_data else "")
        self.chart_hint.setVisible(no_data)
        pixmap = QPixmap()
        pixmap.loadFromData(option_charts.png_bytes(figure, dpi=dpi), "PNG")
        self.chart_view.setPixmap(pixmap)
        self._chart_dirty = False

    def _chart_needs(self, name: str) -> str:
        if not self.context.audit.options:
            return self.tr(
                "There are no options yet. Add options in the Options log tab; the charts "
                "fill in as you enter their savings and costs."
            )
        return {
            "mac": self.tr(
                "The abatement cost curve needs options (not rejected) that avoid emissions: "
                "enter a saving per year of electricity or a fuel, with a lifetime."
            ),
            "bubble": self.tr(
                "The investment and payback chart needs options (not rejected) with a positive "
                "net saving per year: enter physical savings of priced streams or a money saving."
            ),
            "category": self.tr(
                "The savings by technique chart needs options (not rejected) with a net saving "
                "per year."
            ),
        }[name]

    # ------------------------------------------------------------------ totals
    def _schedule_totals(self) -> None:
        """Summary and totals on the next event-loop turn (after the log has painted)."""
        self._totals_dirty = True
        self._totals_timer.start()

    def _update_totals(self) -> None:
        """The summary line now; the totals tables too when their tab is showing."""
        self._totals_timer.stop()
        totals = self.analysis.totals()
        self._fill_summary(totals)
        self._totals_dirty = True
        if self.tabs.currentIndex() == 3:
            self._fill_totals_tables(totals)

    def _fill_summary(self, totals: opt.OptionTotals) -> None:
        num = self.context.format_number
        p = totals.proposed
        self.summary.setText(
            self.tr(
                "{count} options · {done} implemented · {rejected} rejected · investment "
                "{investment} VND · net saving {saving} VND/yr · {co2e} tCO2e/yr avoided"
            ).format(
                count=totals.count,
                done=totals.implemented_count,
                rejected=totals.rejected_count,
                investment=num(p.investment_vnd),
                saving=num(p.annual_saving_vnd),
                co2e=num(p.avoided_co2e_t, 1),
            )
        )

    def _fill_totals_tables(self, totals: opt.OptionTotals) -> None:
        lang = self.context.lang
        num = self.context.format_number
        p = totals.proposed
        self._totals_dirty = False
        groups = self.totals_tables["groups"]
        groups.setHorizontalHeaderLabels(
            ["", self.tr("Proposed (not rejected)"), self.tr("Implemented (incl. verified)")]
        )
        rows = [
            (self.tr("Options"), num(p.count), num(totals.implemented.count)),
            (
                self.tr("Investment (VND)"),
                num(p.investment_vnd),
                num(totals.implemented.investment_vnd),
            ),
            (
                self.tr("Net saving (VND/yr)"),
                num(p.annual_saving_vnd),
                num(totals.implemented.annual_saving_vnd),
            ),
            (
                self.tr("Measured saving (VND/yr)"),
                num(p.verified_saving_vnd),
                num(totals.implemented.verified_saving_vnd),
            ),
            (
                self.tr("Avoided emissions (tCO2e/yr)"),
                num(p.avoided_co2e_t, 1),
                num(totals.implemented.avoided_co2e_t, 1),
            ),
        ]
        _fill_table(groups, rows)
        counts = self.totals_tables["counts"]
        counts.setHorizontalHeaderLabels([self.tr("Group"), self.tr("Options")])
        # categories and statuses are both counts of options: a heading row says which is which
        crow = [(self.tr("By CP technique"), "")]
        crow += [
            (text(f"options.category.{k}", lang), num(v)) for k, v in totals.by_category.items()
        ]
        crow += [(self.tr("By status"), "")]
        crow += [(text(f"options.status.{k}", lang), num(v)) for k, v in totals.by_status.items()]
        crow += [
            (self.tr("Other"), ""),
            (self.tr("Industrial symbiosis"), num(totals.symbiosis_count)),
        ]
        _fill_table(counts, crow)
        counts.clearSpans()
        for r, (_label, value) in enumerate(crow):
            if value == "":
                _heading_row(counts, r)
        streams = self.totals_tables["streams"]
        streams.setHorizontalHeaderLabels(
            [
                self.tr("Stream"),
                self.tr("Saving/yr"),
                self.tr("Baseline/yr"),
                self.tr("Unit"),
                self.tr("Share of baseline"),
            ]
        )
        srow = [
            (
                (s.name_en or s.name_vi) if lang == "en" else s.name_vi,
                num(s.saving_per_year, 1),
                "—" if s.baseline_per_year is None else num(s.baseline_per_year, 0),
                s.unit,
                "—" if s.share is None else num(s.share * 100, 1) + " %",
            )
            for s in p.streams
        ]
        _fill_table(streams, srow)


class EmptyLog(QWidget):
    """What the log shows before the first option: what an option is and how to add one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyOptionsLog")
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.btn_new = QPushButton()
        self.btn_new.setObjectName("emptyNewOption")
        self.btn_new.setDefault(True)
        self.btn_from_finding = QPushButton()
        self.btn_from_finding.setObjectName("emptyFromFinding")
        self.no_findings = QLabel()
        self.no_findings.setWordWrap(True)
        self.no_findings.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_new)
        buttons.addWidget(self.btn_from_finding)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self.heading)
        column.addWidget(self.about)
        column.addSpacing(8)
        column.addLayout(buttons)
        column.addWidget(self.no_findings)
        column.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(760)
        box.setLayout(column)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 4)
        outer.addStretch(1)
        outer.setContentsMargins(24, 32, 24, 24)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("No options yet"))
        self.about.setText(
            self.tr(
                "An option (cleaner-production opportunity) is a measure that saves energy, "
                "water, materials or chemicals, or reduces waste: for example repairing steam "
                "leaks, reusing rinse water or insulating pipes. For each one you record the "
                "streams it saves per year, its investment and lifetime; payback, NPV, IRR and "
                "avoided CO2e follow. Then screen it, plan it and record its implementation."
            )
        )
        self.btn_new.setText(self.tr("New option"))
        self.btn_from_finding.setText(self.tr("Create from a walkthrough finding…"))
        self.no_findings.setText(
            self.tr(
                "No walkthrough findings yet. In phase 3 (Walkthrough), record what you observe "
                "on site; each finding offers “Create option from this finding”."
            )
        )


def _fill_table(table: QTableWidget, rows: list[tuple]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            table.setItem(r, c, item)


def _heading_row(table: QTableWidget, row: int) -> None:
    """Row ``row`` as a section heading across the table: bold, shaded, not selectable."""
    table.setSpan(row, 0, 1, table.columnCount())
    item = table.item(row, 0)
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    item.setBackground(QColor("#e8f1ee"))
    item.setFlags(Qt.ItemIsEnabled)


def _title(option: Option, lang: str) -> str:
    if lang == "en" and option.title_en:
        return option.title_en
    return option.title_vi or option.title_en


def open_new_option_from_finding(
    screen: OptionsScreen, finding: Finding, title: str = ""
) -> Option | None:
    """Hook for the walkthrough: create and open an option from ``finding`` on ``screen``."""
    return screen.open_new_option_from_finding(finding, title)


def screenshot_steps() -> list:
    """Extra shots for tools/screenshots.py: the empty log and an empty chart (all options
    deleted as one undoable edit, undone by the next shot), an option's detail, the ranking,
    the totals, each chart.

    Each callable takes the main window, shows the view and returns the file-name stem.
    """
    emptied: list[AuditContext] = []

    def empty_log(window) -> str:
        screen = window.workspace.show_phase("options")
        ctx = screen.context
        if ctx.audit.options and ctx.edit("screenshot: no options", delete=ctx.audit.options):
            emptied.append(ctx)
        screen.tabs.setCurrentIndex(0)
        return "options_empty"

    def empty_chart(window) -> str:
        screen = window.workspace.show_phase("options")
        screen.tabs.setCurrentIndex(2)
        screen.chart_choice.setCurrentIndex(screen.chart_choice.findData("mac"))
        screen.show_chart()
        return "options_empty_chart"

    def detail(window) -> str:
        while emptied:  # put the options back (the file is reopened for the other language)
            emptied.pop().undo_stack.undo()
        screen = window.workspace.show_phase("options")
        screen.tabs.setCurrentIndex(0)
        options = screen.context.audit.options
        pick = next((o for o in options if o.status == OptionStatus.IMPLEMENTED), None)
        if pick is not None or options:
            screen.select_option((pick or options[0]).id)
        return "options_detail"

    def ranking(window) -> str:
        window.workspace.show_phase("options").tabs.setCurrentIndex(1)
        return "options_ranking"

    def totals(window) -> str:
        window.workspace.show_phase("options").tabs.setCurrentIndex(3)
        return "options_totals"

    def chart(name: str):
        def show(window) -> str:
            screen = window.workspace.show_phase("options")
            screen.tabs.setCurrentIndex(2)
            screen.chart_choice.setCurrentIndex(screen.chart_choice.findData(name))
            screen.show_chart()
            return f"options_chart_{name}"

        return show

    return [empty_log, empty_chart, detail, ranking, totals, *(chart(n) for n in CHART_NAMES)]
