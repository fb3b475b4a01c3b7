"""The option detail editor: content, savings, money, live figures, workflow and scores.

Each field commits when editing finishes, through ``context.edit`` (one undoable step, saved at
once). While a money or quantity field is being typed in, the figures (saving, payback, NPV,
IRR, avoided CO2e, abatement cost) are recomputed from the text as typed, without saving:
``finance.option_finance`` on a scratch copy takes well under a millisecond.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import options as opt
from app.core.messages import render, text
from app.core.model import (
    OPTION_STATUS_ORDER,
    CPCategory,
    Option,
    OptionSaving,
    OptionStatus,
    Screening,
    clean_text,
)
from app.ui.calculators.option_runs import CalculationsPanel
from app.ui.dates import DateField
from app.ui.forms import TextField

# Figures shown on the money tab; investment, net saving, payback and NPV are in the header.
_MORE_FIGURES = ("irr", "dpayback", "co2e", "mac", "cost_class")
# The free-text reasons among the money fields: saved as typed, no live figures.
_REASONS = ("override_reason", "override_reason_en")


class _Body(QWidget):
    """The editor's content: as tall as the editor, never as its wrapped labels would like
    (a word-wrapped label makes QScrollArea size the content to its preferred height, which
    would push the tabs below the screen and scroll the status out of view)."""

    def heightForWidth(self, _width: int) -> int:  # noqa: N802 - Qt's name
        return -1


class _Note(QLabel):
    """A red note that takes no room while it says nothing."""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setVisible(bool(text))


class PlainText(QPlainTextEdit):
    """A multi-line text that reports when the user leaves it (like editingFinished)."""

    left = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.left.emit()


class _WrappingCheck(QWidget):
    """A check box whose explanation wraps (a QCheckBox's own text never does, and would set
    the editor's minimum width); clicking the text toggles the box."""

    def __init__(self, box: QCheckBox):
        super().__init__()
        self.box = box
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.mousePressEvent = lambda _e: box.isEnabled() and box.toggle()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(box, 0, Qt.AlignTop)
        row.addWidget(self.label, 1)


def _narrow_combo(combo: QComboBox) -> QComboBox:
    """A combo box whose minimum width does not grow with its longest item."""
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    return combo


class OptionEditor(QScrollArea):
    """Edits one option of ``context.audit``; ``show_option(None)`` clears it.

    Fits a 1366x768 screen: the status control and the key figures (investment, net saving,
    payback, NPV) stay in view at the top; the rest sits in tabs (option, savings, money,
    plan, scores), each scrolling on its own if it must. Scrolls vertically only: the header
    and the option tab sit in two columns when the editor is wide enough, else in one
    (``_fit_columns``), and no field has a minimum width set by its text (combo items, the
    check box's explanation and long labels wrap or shrink), so nothing is cut off on the
    right in either language.
    """

    def __init__(self, context, analysis: opt.OptionsAnalysis, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.analysis = analysis
        self.option: Option | None = None
        self._loading = False
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        body = _Body()
        self.setWidget(body)
        self._columns = 0

        # --- what the option is
        self.box_what = QWidget()
        form = QFormLayout()
        long_form = QFormLayout()
        self._what_forms = (form, long_form)
        self.f_code = TextField()
        self.f_title_vi = TextField()
        self.f_title_en = TextField()
        self.f_desc_vi = PlainText()
        self.f_desc_en = PlainText()
        for w in (self.f_desc_vi, self.f_desc_en):
            w.setMaximumHeight(70)
        self.f_category = _narrow_combo(QComboBox())
        self.f_symbiosis = QCheckBox()
        self._symbiosis_row = _WrappingCheck(self.f_symbiosis)
        self.f_step = _narrow_combo(QComboBox())
        self.f_findings = QListWidget()
        self.f_findings.setMaximumHeight(80)
        self.labels: dict[str, QLabel] = {}
        for key, widget in (
            ("code", self.f_code),
            ("title_vi", self.f_title_vi),
            ("title_en", self.f_title_en),
            ("description_vi", self.f_desc_vi),
            ("description_en", self.f_desc_en),
            ("category", self.f_category),
            ("symbiosis", self._symbiosis_row),
            ("step", self.f_step),
            ("findings", self.f_findings),
        ):
            self.labels[key] = QLabel()
            short = key not in ("description_vi", "description_en", "findings")
            (form if short else long_form).addRow(self.labels[key], widget)
        self._what_grid = QGridLayout(self.box_what)
        for name, w in (
            ("code", self.f_code),
            ("title_vi", self.f_title_vi),
            ("title_en", self.f_title_en),
        ):
            w.editingFinished.connect(lambda n=name, w=w: self._commit_text(n, w))
        self.f_desc_vi.left.connect(lambda: self._commit_plain("description_vi", self.f_desc_vi))
        self.f_desc_en.left.connect(lambda: self._commit_plain("description_en", self.f_desc_en))
        self.f_category.activated.connect(self._commit_category)
        self.f_symbiosis.toggled.connect(self._commit_symbiosis)
        self.f_step.activated.connect(self._commit_step)
        self.f_findings.itemChanged.connect(self._commit_findings)

        # --- savings per stream
        self.box_savings = QGroupBox()
        sv = QVBoxLayout(self.box_savings)
        self.savings = QTableWidget(0, 4)
        self.savings.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.savings.verticalHeader().setVisible(False)
        self.savings.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.savings.setMinimumHeight(110)
        self.savings.itemChanged.connect(self._saving_item_changed)
        sv.addWidget(self.savings)
        row = QHBoxLayout()
        self.btn_add_saving = QPushButton()
        self.btn_remove_saving = QPushButton()
        self.btn_add_saving.clicked.connect(self.add_saving)
        self.btn_remove_saving.clicked.connect(self.remove_saving)
        row.addWidget(self.btn_add_saving)
        row.addWidget(self.btn_remove_saving)
        row.addStretch(1)
        sv.addLayout(row)
        self.calculations = CalculationsPanel(
            lambda: self.context.lang,
            lambda: self.context.audit,
            self._commit_calculation,
            lambda v: self.context.format_number(v, 2),
        )
        sv.addWidget(self.calculations)

        # --- money
        self.box_money = QGroupBox()
        mf = QFormLayout(self.box_money)
        self.money_fields: dict[str, TextField] = {}
        for name in (
            "investment_vnd",
            "added_opex_vnd",
            "lifetime_years",
            "discount_rate",
            "money_saving_override_vnd",
            *_REASONS,
        ):
            w = TextField()
            self.money_fields[name] = w
            self.labels[name] = QLabel()
            mf.addRow(self.labels[name], w)
            w.editingFinished.connect(lambda n=name: self._commit_money(n))
            if name not in _REASONS:
                w.textEdited.connect(self._live)

        # --- live figures: the key ones in the header, the others beside the money fields
        self.box_figures = QGroupBox()
        key_grid = QGridLayout(self.box_figures)
        self.box_more_figures = QGroupBox()
        ff = QFormLayout(self.box_more_figures)
        self.figures: dict[str, QLabel] = {}
        for name in ("investment", "saving", "payback", "npv", *_MORE_FIGURES):
            self.labels["fig_" + name] = QLabel()
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            value.setObjectName("figure_" + name)
            self.figures[name] = value
            if name in _MORE_FIGURES:
                ff.addRow(self.labels["fig_" + name], value)
                continue
            value.setStyleSheet("font-weight: bold;")
            i = ("investment", "saving", "payback", "npv").index(name)
            key_grid.addWidget(self.labels["fig_" + name], i, 0)
            key_grid.addWidget(value, i, 1)
        key_grid.setColumnStretch(1, 1)
        key_grid.setRowStretch(4, 1)

        # --- workflow
        self.box_status = QGroupBox()
        wf = QFormLayout(self.box_status)
        self.status_now = QLabel()
        # Spanning two grid rows, the box has spare height: keep it below the form, not here.
        self.status_now.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        self.f_screening = _narrow_combo(QComboBox())
        self.f_rejection = TextField()
        self.f_rejection_en = TextField()  # beside the Vietnamese, cleared with it
        self.f_responsible = TextField()
        self.f_target = DateField()
        self.f_implemented = DateField()
        self.f_actual = TextField()
        self.f_verified = TextField()
        self.new_status = _narrow_combo(QComboBox())
        self.status_date = DateField()  # the day of the change: today unless typed
        self.status_date.set_date(date.today())
        self.btn_status = QPushButton()
        self.btn_status.setObjectName("recordStatus")
        self.btn_status.clicked.connect(self.record_status)
        change = QHBoxLayout()
        change.addWidget(self.new_status, 1)
        change.addWidget(self.status_date)
        change.addWidget(self.btn_status)
        # Why a status or screening change was refused, right under the control, in the UI
        # language and naming each field by its label (not at the bottom of the editor).
        self.status_message = QLabel()
        self.status_message.setObjectName("statusMessage")
        self.status_message.setWordWrap(True)
        self.status_message.setStyleSheet("color: #a33;")
        self.status_message.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        self.status_message.hide()
        self.history = QListWidget()
        self.history.setMaximumHeight(100)
        # The status, the change control (with why it was refused just under it), screening
        # and reason sit in the header; the plan's data on the plan tab.
        self.box_plan = QWidget()
        pf = QFormLayout(self.box_plan)
        for form_, key, widget in (
            (wf, "status_now", self.status_now),
            (wf, "change_status", change),
            (wf, "status_message", self.status_message),
            (wf, "screening", self.f_screening),
            (wf, "rejection_reason", self.f_rejection),
            (wf, "rejection_reason_en", self.f_rejection_en),
            (pf, "responsible", self.f_responsible),
            (pf, "target_date", self.f_target),
            (pf, "implemented_date", self.f_implemented),
            (pf, "actual_investment_vnd", self.f_actual),
            (pf, "verified_saving_vnd", self.f_verified),
            (pf, "history", self.history),
        ):
            self.labels[key] = QLabel()
            form_.addRow(self.labels[key], widget)
        self._status_form = wf
        wf.setRowVisible(self.status_message, False)
        self.f_screening.activated.connect(self._commit_screening)
        self.new_status.activated.connect(lambda _i: self._show_rejection_row())
        self.f_rejection.editingFinished.connect(self._commit_rejection_reason)
        self.f_rejection_en.editingFinished.connect(self._commit_rejection_reason)
        self.f_responsible.editingFinished.connect(
            lambda: self._commit_text("responsible", self.f_responsible)
        )
        self.f_target.editingFinished.connect(lambda: self._commit_date("target_date"))
        self.f_implemented.editingFinished.connect(lambda: self._commit_date("implemented_date"))
        self.f_actual.editingFinished.connect(
            lambda: self._commit_int("actual_investment_vnd", self.f_actual)
        )
        self.f_verified.editingFinished.connect(
            lambda: self._commit_int("verified_saving_vnd", self.f_verified)
        )

        # --- scores
        self.box_scores = QWidget()
        sf = QFormLayout(self.box_scores)
        self.scores: dict[str, QDoubleSpinBox] = {}
        for criterion in opt.CRITERIA:
            spin = QDoubleSpinBox()
            spin.setRange(-0.5, opt.MAX_SCORE)
            spin.setSingleStep(0.5)
            spin.setDecimals(1)
            spin.setObjectName("score_" + criterion)
            spin.editingFinished.connect(self._commit_scores)
            self.scores[criterion] = spin
            self.labels["score_" + criterion] = QLabel()
            sf.addRow(self.labels["score_" + criterion], spin)

        # --- problems
        self.problems = _Note()
        self.problems.setWordWrap(True)
        self.problems.setObjectName("optionProblems")
        self.problems.setStyleSheet("color: #a33;")

        for form_ in (*self._what_forms, mf, ff, wf, pf):
            form_.setRowWrapPolicy(QFormLayout.WrapLongRows)

        # --- money tab: the costs beside the other figures
        self.box_money_page = QWidget()
        money_row = QHBoxLayout(self.box_money_page)
        money_row.addWidget(self.box_money, 3)
        money_row.addWidget(self.box_more_figures, 2)

        # --- the header (always in view) and the tabs, which get the height left
        for box in (self.box_status, self.box_figures):
            box.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        self.header = QGridLayout()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("optionTabs")
        self.page_option = self._page(self.box_what)
        self.page_savings = self._page(self.box_savings)
        self.page_money = self._page(self.box_money_page)
        self.page_plan = self._page(self.box_plan)
        self.page_scores = self._page(self.box_scores)
        for page in (
            self.page_option,
            self.page_savings,
            self.page_money,
            self.page_plan,
            self.page_scores,
        ):
            self.tabs.addTab(page, "")
        outer = QVBoxLayout(body)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addLayout(self.header)
        outer.addWidget(self.problems)
        outer.addWidget(self.tabs, 1)
        self._place(2)
        self.retranslate()
        self.show_option(None)

    # ------------------------------------------------------------------ layout
    @staticmethod
    def _page(widget: QWidget) -> QScrollArea:
        """A tab page that scrolls vertically on its own when its content is taller."""
        page = QScrollArea()
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.NoFrame)
        page.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        page.setWidget(widget)
        return page

    def _place(self, columns: int) -> None:
        """Lay out the header and the option tab in ``columns`` (2: side by side; 1: stacked)."""
        header = self.header
        for w in (self.box_status, self.box_figures):
            header.removeWidget(w)
        grid = self._what_grid
        for form_ in self._what_forms:
            grid.removeItem(form_)
        if columns == 2:
            header.addWidget(self.box_status, 0, 0)
            header.addWidget(self.box_figures, 0, 1)
            header.setColumnStretch(0, 3)
            header.setColumnStretch(1, 2)
            grid.addLayout(self._what_forms[0], 0, 0)
            grid.addLayout(self._what_forms[1], 0, 1)
            grid.setColumnStretch(1, 1)
        else:
            header.addWidget(self.box_status, 0, 0)
            header.addWidget(self.box_figures, 1, 0)
            header.setColumnStretch(1, 0)
            grid.addLayout(self._what_forms[0], 0, 0)
            grid.addLayout(self._what_forms[1], 1, 0)
            grid.setColumnStretch(1, 0)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(2, 1)
        self._columns = columns

    def two_column_width(self) -> int:
        """The editor width from which both columns get their preferred width (below it the
        form rows would have to wrap their labels above the fields: one column reads better)."""
        header = self.box_status.sizeHint().width() + self.box_figures.sizeHint().width()
        what = sum(f.sizeHint().width() for f in self._what_forms) + 40
        return max(header, what) + 30

    def _fit_columns(self) -> None:
        # 24 px of hysteresis: the vertical scroll bar coming and going must not flip layouts.
        slack = 24 if self._columns == 2 else 0
        want = 2 if self.viewport().width() + slack >= self.two_column_width() else 1
        if want != self._columns:
            self._place(want)

    def show_field(self, field: str) -> None:
        """Bring the tab holding ``field`` (a label key such as "target_date") to the front."""
        label = self.labels.get(field)
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if label is not None and page.isAncestorOf(label):
                self.tabs.setCurrentIndex(i)
                return

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_columns()

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.box_savings.setTitle(self.tr("Physical savings per year"))
        self.calculations.retranslate()
        self.box_money.setTitle(self.tr("Costs and money saving"))
        self.box_figures.setTitle(self.tr("Figures (update as you type)"))
        self.box_more_figures.setTitle(self.tr("More figures"))
        self.box_status.setTitle(self.tr("Screening and status"))
        for page, title in (
            (self.page_option, self.tr("Option")),
            (self.page_savings, self.tr("Savings")),
            (self.page_money, self.tr("Money")),
            (self.page_plan, self.tr("Plan and follow-up")),
            (self.page_scores, self.tr("Priority scores (0–5)")),
        ):
            self.tabs.setTabText(self.tabs.indexOf(page), title)
        for w in (self.f_target, self.f_implemented, self.status_date):
            w.retranslate()
        names = {
            "code": self.tr("Code"),
            "title_vi": self.tr("Title (Vietnamese)"),
            "title_en": self.tr("Title (English, for reports)"),
            "description_vi": self.tr("Description (Vietnamese)"),
            "description_en": self.tr("Description (English)"),
            "category": self.tr("CP technique"),
            "symbiosis": self.tr("Industrial symbiosis"),
            "step": self.tr("Process step"),
            "findings": self.tr("From findings"),
            "investment_vnd": self.tr("Investment (VND)"),
            "added_opex_vnd": self.tr("Added operating cost (VND/yr)"),
            "lifetime_years": self.tr("Lifetime (years)"),
            "discount_rate": self.tr("Discount rate (%)"),
            "money_saving_override_vnd": self.tr("Money saving entered (VND/yr)"),
            "override_reason": self.tr("Reason for the entered saving"),
            "override_reason_en": self.tr("Reason for the entered saving (English)"),
            "fig_investment": self.tr("Investment"),
            "fig_saving": self.tr("Net saving per year"),
            "fig_payback": self.tr("Simple payback"),
            "fig_npv": self.tr("NPV"),
            "fig_irr": self.tr("IRR"),
            "fig_dpayback": self.tr("Discounted payback"),
            "fig_co2e": self.tr("Avoided emissions"),
            "fig_mac": self.tr("Abatement cost"),
            "fig_cost_class": self.tr("Cost class"),
            "status_now": self.tr("Status"),
            "screening": self.tr("Screening"),
            "rejection_reason": self.tr("Reason for rejection"),
            "rejection_reason_en": self.tr("Reason for rejection (English)"),
            "responsible": self.tr("Responsible"),
            "target_date": self.tr("Target date"),
            "implemented_date": self.tr("Implemented on"),
            "actual_investment_vnd": self.tr("Actual investment (VND)"),
            "verified_saving_vnd": self.tr("Measured saving (VND/yr)"),
            "change_status": self.tr("Move to"),
            "status_message": "",
            "history": self.tr("History"),
            "score_economic": self.tr("Economic"),
            "score_technical": self.tr("Technical"),
            "score_environmental": self.tr("Environmental"),
        }
        for key, label in names.items():
            self.labels[key].setText(label)
        self._symbiosis_row.label.setText(
            self.tr("exchanges a stream with another enterprise or the park")
        )
        self.savings.setHorizontalHeaderLabels(
            [self.tr("Stream"), self.tr("Saving per year"), self.tr("Unit"), self.tr("VND/yr")]
        )
        self.btn_add_saving.setText(self.tr("Add stream"))
        self.btn_remove_saving.setText(self.tr("Remove stream"))
        self.btn_status.setText(self.tr("Record"))
        for spin in self.scores.values():
            spin.setSpecialValueText(self.tr("not scored"))
        self.scores["economic"].setSpecialValueText(self.tr("from payback"))
        lang = self.context.lang
        self._fill_combo(
            self.f_category,
            [(c.value, text(f"options.category.{c.value}", lang)) for c in CPCategory],
        )
        self._fill_combo(
            self.f_screening,
            [("", "—")]
            + [(s.value, text(f"options.screening.{s.value}", lang)) for s in Screening],
        )
        self._fill_combo(
            self.new_status, [(c, text(f"options.status.{c}", lang)) for c in opt.STATUS_CHOICES]
        )
        self._status_refused([])  # a note in the previous language would be stale
        self.show_option(self.option)
        if self._columns:  # label widths changed with the language
            self._fit_columns()

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, label in items:
            combo.addItem(label, data)
        i = combo.findData(current)
        combo.setCurrentIndex(max(i, 0))
        combo.blockSignals(False)

    # ------------------------------------------------------------------ showing
    def show_option(self, option: Option | None) -> None:
        """Show ``option`` (a copy is kept; the audit's object is never modified here)."""
        if option is None or self.option is None or option.id != self.option.id:
            self._status_refused([])
        self.option = copy.deepcopy(option) if option is not None else None
        self.widget().setEnabled(option is not None and not self.context.read_only)
        self._loading = True
        try:
            self._show()
        finally:
            self._loading = False

    def _show(self) -> None:
        o = self.option
        ctx = self.context
        lang = ctx.lang
        if o is None:
            for w in (self.f_code, self.f_title_vi, self.f_title_en, *self.money_fields.values()):
                w.show_value("")
            self.savings.setRowCount(0)
            self.calculations.show_option(None)
            self._show_figures(None)
            self.problems.setText("")
            return
        self.f_code.show_value(o.code)
        self.f_title_vi.show_value(o.title_vi)
        self.f_title_en.show_value(o.title_en)
        for w, value in ((self.f_desc_vi, o.description_vi), (self.f_desc_en, o.description_en)):
            if w.toPlainText() != value:
                w.setPlainText(value)
        self.f_category.setCurrentIndex(self.f_category.findData(o.category.value))
        self.f_symbiosis.blockSignals(True)
        self.f_symbiosis.setChecked(o.industrial_symbiosis)
        self.f_symbiosis.blockSignals(False)
        steps = sorted(ctx.audit.steps, key=lambda s: s.position)
        self._fill_combo(
            self.f_step,
            [("", "—")]
            + [(s.id, (s.name_en or s.name_vi) if lang == "en" else s.name_vi) for s in steps],
        )
        self.f_step.setCurrentIndex(max(self.f_step.findData(o.step_id or ""), 0))
        self.f_findings.blockSignals(True)
        self.f_findings.clear()
        for f in ctx.audit.findings:
            item = QListWidgetItem(f.title or f.note or f.area)
            item.setData(Qt.UserRole, f.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if f.id in o.finding_ids else Qt.Unchecked)
            self.f_findings.addItem(item)
        self.f_findings.blockSignals(False)
        self._show_savings()
        self.calculations.show_option(o)
        num = ctx.format_number
        m = self.money_fields
        m["investment_vnd"].show_value(num(o.investment_vnd))
        m["added_opex_vnd"].show_value(num(o.added_opex_vnd))
        m["lifetime_years"].show_value(num(o.lifetime_years))
        m["discount_rate"].show_value(
            "" if o.discount_rate is None else num(round(o.discount_rate * 100, 4))
        )
        m["discount_rate"].setPlaceholderText(
            self.tr("audit default {rate} %").format(rate=num(ctx.audit.info.discount_rate * 100))
        )
        over = o.money_saving_override_vnd
        m["money_saving_override_vnd"].show_value("" if over is None else num(over))
        m["money_saving_override_vnd"].setPlaceholderText(self.tr("computed from prices"))
        m["override_reason"].show_value(o.override_reason)
        m["override_reason_en"].show_value(o.override_reason_en)
        self.status_now.setText(text(f"options.status.{o.status.value}", lang))
        self.f_screening.setCurrentIndex(
            max(self.f_screening.findData(o.screening.value if o.screening else ""), 0)
        )
        self.f_rejection.show_value(o.rejection_reason)
        self.f_rejection_en.show_value(o.rejection_reason_en)
        self.f_responsible.show_value(o.responsible)
        self.f_target.set_date(o.target_date)
        self.f_implemented.set_date(o.implemented_date)
        self.f_actual.show_value(
            "" if o.actual_investment_vnd is None else num(o.actual_investment_vnd)
        )
        self.f_verified.show_value(
            "" if o.verified_saving_vnd is None else num(o.verified_saving_vnd)
        )
        nxt = OPTION_STATUS_ORDER[min(opt._rank(o.status) + 1, len(OPTION_STATUS_ORDER) - 1)]
        self.new_status.setCurrentIndex(max(self.new_status.findData(nxt.value), 0))
        self._show_rejection_row()
        self.history.clear()
        for change in o.status_history:
            line = f"{ctx.format_date(change.on)}  {text(f'options.status.{change.status.value}', lang)}"
            self.history.addItem(f"{line}  {change.note}".rstrip())
        for criterion, spin in self.scores.items():
            spin.blockSignals(True)
            spin.setValue(o.scores.get(criterion, spin.minimum()))
            spin.blockSignals(False)
        self._show_figures(self.analysis.finance(o), o.investment_vnd)
        self._show_problems(self.analysis.problems(o))

    def _show_savings(self) -> None:
        o = self.option
        streams = {s.id: s for s in self.context.audit.streams}
        fin_prices = getattr(self.analysis.context, "prices", {}) or {}
        lang = self.context.lang
        self.savings.blockSignals(True)
        self.savings.setRowCount(len(o.savings))
        for r, s in enumerate(o.savings):
            stream = streams.get(s.stream_id)
            combo = QComboBox()
            for st in self.context.audit.streams:
                combo.addItem((st.name_en or st.name_vi) if lang == "en" else st.name_vi, st.id)
            combo.setCurrentIndex(max(combo.findData(s.stream_id), 0))
            combo.activated.connect(lambda _i, row=r, c=combo: self._commit_saving_stream(row, c))
            self.savings.setCellWidget(r, 0, combo)
            qty = QTableWidgetItem(self.context.format_number(s.quantity_per_year))
            qty.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.savings.setItem(r, 1, qty)
            for col, value in (
                (2, stream.unit if stream else ""),
                (3, self._money_of(s, fin_prices)),
            ):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                if col == 3:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.savings.setItem(r, col, item)
        self.savings.blockSignals(False)

    def _money_of(self, saving: OptionSaving, prices: dict) -> str:
        price = prices.get(saving.stream_id)
        if price is None:
            return "—"
        return self.context.format_number(round(saving.quantity_per_year * price))

    def _show_figures(self, fin: Any, investment: int | None = None) -> None:
        num = self.context.format_number
        f = self.figures
        if fin is None:
            for label in f.values():
                label.setText("")
            return
        years = self.tr("{n} years")
        f["saving"].setText(self.tr("{n} VND").format(n=num(fin.annual_net_saving_vnd)))
        f["investment"].setText(self.tr("{n} VND").format(n=num(investment or 0)))
        if not opt.is_assessed(fin):  # no money entered: not assessed, never "0 years"
            f["payback"].setText(text("options.not_assessed", self.context.lang))
        else:
            f["payback"].setText(
                "—" if fin.payback_years is None else years.format(n=num(fin.payback_years, 2))
            )
        f["npv"].setText(self.tr("{n} VND").format(n=num(round(fin.npv_vnd))))
        f["irr"].setText("—" if fin.irr is None else num(fin.irr * 100, 1) + " %")
        dp = fin.discounted_payback_years
        f["dpayback"].setText("—" if dp is None else years.format(n=num(dp, 2)))
        f["co2e"].setText(self.tr("{n} tCO2e/yr").format(n=num(fin.avoided_co2e_t, 2)))
        mac = fin.abatement_cost_vnd_per_t
        f["mac"].setText("—" if mac is None else self.tr("{n} VND/tCO2e").format(n=num(round(mac))))
        classes = {
            "no_low": self.tr("no/low cost"),
            "medium": self.tr("medium cost"),
            "high": self.tr("high cost"),
        }
        f["cost_class"].setText(classes.get(fin.cost_class, fin.cost_class))

    def _show_problems(self, problems: list) -> None:
        lang = self.context.lang
        self.problems.setText("\n".join("• " + render(p, lang) for p in problems))

    # ------------------------------------------------------------------ live figures
    def _scratch(self) -> Option | None:
        """The option with the money fields as typed (unparseable text: the saved value)."""
        if self.option is None:
            return None
        o = copy.deepcopy(self.option)
        for name, w in self.money_fields.items():
            if name in _REASONS:
                continue
            try:
                setattr(o, name, self._parse_money(name, w.text()))
            except ValueError:
                pass
        return o

    def _live(self, *_: Any) -> None:
        o = self._scratch()
        if o is None:
            return
        from app.core.finance import option_finance

        fin = option_finance(o, self.context.audit, context=self.analysis.context)
        self._show_figures(fin, o.investment_vnd)

    def _parse_money(self, name: str, raw: str) -> Any:
        value = self.context.parse_number(raw)
        if name in ("discount_rate", "money_saving_override_vnd") and not raw.strip():
            return None
        if value is None:
            raise ValueError(raw)
        if name == "discount_rate":
            return value / 100
        return int(round(value))

    # ------------------------------------------------------------------ commits
    def _commit(self, label: str, changed: Option) -> None:
        if self._loading or self.option is None:
            return
        changed = opt.settle_workflow(changed)
        if self.context.edit(label, put=[changed]):
            self.option = copy.deepcopy(changed)
            self.analysis.update(changed)

    def _with(self, **changes: Any) -> Option:
        o = copy.deepcopy(self.option)
        for k, v in changes.items():
            setattr(o, k, v)
        return o

    def _commit_text(self, name: str, w: TextField) -> None:
        if self.option is None or not w.changed():
            return
        self._commit(self.tr("Edit option"), self._with(**{name: w.value()}))

    def _commit_plain(self, name: str, w: PlainText) -> None:
        if self.option is None:
            return
        value = clean_text(w.toPlainText())
        if value != getattr(self.option, name):
            self._commit(self.tr("Edit option"), self._with(**{name: value}))

    def _commit_category(self, _i: int) -> None:
        value = CPCategory(self.f_category.currentData())
        if self.option is not None and value != self.option.category:
            self._commit(self.tr("Change CP technique"), self._with(category=value))

    def _commit_symbiosis(self, checked: bool) -> None:
        if self.option is not None and checked != self.option.industrial_symbiosis:
            self._commit(self.tr("Edit option"), self._with(industrial_symbiosis=checked))

    def _commit_step(self, _i: int) -> None:
        value = self.f_step.currentData() or None
        if self.option is not None and value != self.option.step_id:
            self._commit(self.tr("Change process step"), self._with(step_id=value))

    def _commit_findings(self, _item: QListWidgetItem) -> None:
        if self.option is None or self._loading:
            return
        ids = [
            self.f_findings.item(i).data(Qt.UserRole)
            for i in range(self.f_findings.count())
            if self.f_findings.item(i).checkState() == Qt.Checked
        ]
        if ids != self.option.finding_ids:
            self._commit(self.tr("Link findings"), self._with(finding_ids=ids))

    def _commit_money(self, name: str) -> None:
        w = self.money_fields[name]
        if self.option is None or not w.changed():
            return
        if name in _REASONS:  # the English and the Vietnamese each its own field
            self._commit(self.tr("Edit option"), self._with(**{name: w.value()}))
            return
        try:
            value = self._parse_money(name, w.text())
        except ValueError:
            self.problems.setText(self.tr("Not a number: {text}").format(text=w.text()))
            return
        self._commit(self.tr("Edit option figures"), self._with(**{name: value}))

    def _commit_int(self, name: str, w: TextField) -> None:
        if self.option is None or not w.changed():
            return
        raw = w.text().strip()
        value = self.context.parse_number(raw) if raw else None
        if raw and value is None:
            self.problems.setText(self.tr("Not a number: {text}").format(text=raw))
            return
        self._commit(
            self.tr("Edit option"),
            self._with(**{name: None if value is None else int(round(value))}),
        )

    def _commit_date(self, name: str) -> None:
        w = self.f_target if name == "target_date" else self.f_implemented
        if not w.is_valid():  # marked in red by the field; the saved date stays
            return
        value = w.date_value()
        if self.option is not None and value != getattr(self.option, name):
            self._commit(self.tr("Edit option"), self._with(**{name: value}))

    def _workflow_edit(self, label: str, **changes: Any) -> bool:
        """Save a screening or rejection-reason edit at the option's current status, or refuse
        it (nothing saved, the reason shown next to the control) when status, screening and
        reason would no longer agree (``options.settle_workflow``, ``status_problems``).

        While the option is "identified" the screening and reason are only the data of the
        next status change ("Move to" + Record), so nothing is saved here.
        """
        if self.option is None or self._loading:
            return False
        self._show_rejection_row()
        if self.option.status == OptionStatus.IDENTIFIED:
            return False
        changed = opt.settle_workflow(self._with(**changes))
        before = {(p.key, p.location.field) for p in opt.status_problems(self.option)}
        new = [
            p
            for p in opt.status_problems(changed)
            if p.is_error and (p.key, p.location.field) not in before
        ]
        if new:
            self._status_refused(new)
            return False
        self._status_refused([])
        if (changed.screening, changed.rejection_reason, changed.rejection_reason_en) == (
            self.option.screening,
            self.option.rejection_reason,
            self.option.rejection_reason_en,
        ):
            return False
        self._commit(label, changed)
        self.show_option(self.option)
        return True

    def _commit_screening(self, _i: int) -> None:
        data = self.f_screening.currentData()
        value = Screening(data) if data else None
        if self.option is None or value == self.option.screening:
            self._show_rejection_row()
            return
        self._workflow_edit(
            self.tr("Change screening"),
            screening=value,
            rejection_reason=self.f_rejection.value(),
            rejection_reason_en=self.f_rejection_en.value(),
        )

    def _commit_rejection_reason(self) -> None:
        """Either language's reason: each field its own, the other kept as it is."""
        if self.option is None:
            return
        if not (self.f_rejection.changed() or self.f_rejection_en.changed()):
            return
        if self.f_screening.currentData() == Screening.REJECTED.value:
            self._workflow_edit(
                self.tr("Edit option"),
                screening=Screening.REJECTED,
                rejection_reason=self.f_rejection.value(),
                rejection_reason_en=self.f_rejection_en.value(),
            )

    def _rejecting(self) -> bool:
        """The form asks for a rejection: screening "rejected" or "Move to: Rejected"."""
        return (
            self.f_screening.currentData() == Screening.REJECTED.value
            or self.new_status.currentData() == opt.REJECTED_CHOICE
        )

    def _show_rejection_row(self) -> None:
        """The reason for rejection is shown only while the option is or is being rejected."""
        for w in (self.f_rejection, self.f_rejection_en):
            self._status_form.setRowVisible(w, self._rejecting())

    def _status_refused(self, problems: list) -> None:
        """Say next to the status control why a change was refused (empty: hide the note)."""
        lang = self.context.lang
        lines = []
        for p in problems:
            label = self.labels.get(p.location.field)
            if p.location.field in ("status", "status_history"):
                label = self.labels["change_status"]
            message = text(p.key, lang, **p.params)
            name = label.text().rstrip(": ") if label is not None else ""
            lines.append(f"• {name}: {message}" if name else f"• {message}")
        self.status_message.setText("\n".join(lines))
        self._status_form.setRowVisible(self.status_message, bool(lines))
        for p in problems:  # a field named there may sit on a tab: show that tab
            self.show_field(p.location.field)
            break

    def _commit_scores(self) -> None:
        if self.option is None:
            return
        scores = {c: round(s.value(), 1) for c, s in self.scores.items() if s.value() >= 0}
        if scores != self.option.scores:
            self._commit(self.tr("Change scores"), self._with(scores=scores))

    # ------------------------------------------------------------------ savings rows
    def add_saving(self) -> None:
        if self.option is None:
            return
        used = {s.stream_id for s in self.option.savings}
        free = [s for s in self.context.audit.streams if s.id not in used]
        if not free:
            return
        savings = [*copy.deepcopy(self.option.savings), OptionSaving(free[0].id, 0.0)]
        self._commit(self.tr("Add saving"), self._with(savings=savings))
        self.show_option(self.option)

    def remove_saving(self) -> None:
        if self.option is None:
            return
        row = self.savings.currentRow()
        if not 0 <= row < len(self.option.savings):
            return
        savings = copy.deepcopy(self.option.savings)
        del savings[row]
        self._commit(self.tr("Remove saving"), self._with(savings=savings))
        self.show_option(self.option)

    def _saving_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or self.option is None or item.column() != 1:
            return
        value = self.context.parse_number(item.text())
        if value is None:
            self.problems.setText(self.tr("Not a number: {text}").format(text=item.text()))
            return
        savings = copy.deepcopy(self.option.savings)
        savings[item.row()].quantity_per_year = value
        self._commit(self.tr("Edit saving"), self._with(savings=savings))

    def _commit_calculation(self, label: str, changed: Option) -> None:
        self._commit(label, changed)
        self.show_option(self.option)

    def _commit_saving_stream(self, row: int, combo: QComboBox) -> None:
        if self.option is None or row >= len(self.option.savings):
            return
        savings = copy.deepcopy(self.option.savings)
        savings[row].stream_id = combo.currentData()
        self._commit(self.tr("Edit saving"), self._with(savings=savings))

    # ------------------------------------------------------------------ workflow
    def record_status(self) -> bool:
        """Move the option to the chosen status on the chosen date (with the form's data)."""
        if self.option is None:
            return False
        fields = (self.status_date, self.f_target, self.f_implemented)
        if not all(w.is_valid() for w in fields):
            return False  # each wrong date is marked in red with its hint
        on = self.status_date.date_value() or date.today()
        screening = self.f_screening.currentData() or None
        data = {
            "screening": Screening(screening) if screening else None,
            "rejection_reason": self.f_rejection.value(),
            "rejection_reason_en": self.f_rejection_en.value(),
            "responsible": self.f_responsible.value(),
            "target_date": self.f_target.date_value(),
            "implemented_date": self.f_implemented.date_value(),
        }
        for name, w in (
            ("actual_investment_vnd", self.f_actual),
            ("verified_saving_vnd", self.f_verified),
        ):
            value = self.context.parse_number(w.text()) if w.text().strip() else None
            data[name] = None if value is None else int(round(value))
        new, problems = opt.change_status(self.option, self.new_status.currentData(), on, **data)
        if new is self.option:
            self._status_refused([p for p in problems if p.is_error])
            self._show_problems(problems)
            return False
        self._status_refused([])
        self._commit(self.tr("Change status"), new)
        self.show_option(self.option)
        return True
