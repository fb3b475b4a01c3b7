"""The calculations behind one option's savings, inside the option editor: "Estimate with a
calculator…" opens a calculator prefilled with the audit's figures, and its result is added to
the option's savings per stream; a kept run can be opened again (its stored inputs, changed
and re-run) or removed, which changes the savings by exactly that run's part
(``app.core.calculators.estimate``). Each of these is one undoable edit, through the editor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import calculators
from app.core.calculators import estimate
from app.core.model import Audit, Option
from app.ui.calculators.dialog import CalculatorDialog


class CalculationsPanel(QWidget):
    """``commit(label, option)`` is the editor's edit path; ``audit()`` the audit now."""

    def __init__(
        self,
        lang: Callable[[], str],
        audit: Callable[[], Audit],
        commit: Callable[[str, Option], None],
        format_number: Callable[[float], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._audit = audit
        self._commit = commit
        self._num = format_number
        self.option: Option | None = None
        self.dialog: CalculatorDialog | None = None  # the open one (tests drive it)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        layout.addWidget(self.heading)
        self.runs = QListWidget()
        self.runs.setMaximumHeight(70)
        self.runs.itemDoubleClicked.connect(lambda _item: self.rerun())
        layout.addWidget(self.runs)
        row = QHBoxLayout()
        self.btn_estimate = QPushButton()
        self.btn_rerun = QPushButton()
        self.btn_remove = QPushButton()
        self.btn_estimate.clicked.connect(self.estimate)
        self.btn_rerun.clicked.connect(self.rerun)
        self.btn_remove.clicked.connect(self.remove)
        for b in (self.btn_estimate, self.btn_rerun, self.btn_remove):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Calculations behind these savings"))
        self.btn_estimate.setText(self.tr("Estimate with a calculator…"))
        self.btn_rerun.setText(self.tr("Open calculation…"))
        self.btn_remove.setText(self.tr("Remove calculation"))
        self.show_option(self.option)

    def show_option(self, option: Option | None) -> None:
        self.option = option
        self.runs.clear()
        runs = option.calculations if option is not None else []
        streams = {s.id: s for s in self._audit().streams} if option is not None else {}
        lang = self._lang()
        nothing = self.tr("no saving added")
        for run in runs:
            try:
                name = calculators.get(run.calculator).name(lang)
            except Exception:  # UserError: a calculator of a newer version of the app
                name = run.calculator
            parts = [
                f"{self._num(qty)} {streams[sid].unit} "
                f"{(streams[sid].name_en if lang == 'en' else '') or streams[sid].name_vi}"
                for sid, qty in run.savings.items()
                if sid in streams
            ]
            self.runs.addItem(f"{name}: {', '.join(parts) or nothing}")
        for b in (self.btn_estimate,):
            b.setEnabled(option is not None)
        has = bool(runs)
        self.btn_rerun.setEnabled(has)
        self.btn_remove.setEnabled(has)
        if has and self.runs.currentRow() < 0:
            self.runs.setCurrentRow(0)

    def estimate(self) -> bool:
        return self._open(None)

    def rerun(self) -> bool:
        row = self.runs.currentRow()
        if self.option is None or not 0 <= row < len(self.option.calculations):
            return False
        return self._open(row)

    def remove(self) -> bool:
        row = self.runs.currentRow()
        if self.option is None or not 0 <= row < len(self.option.calculations):
            return False
        self._commit(self.tr("Remove calculation"), estimate.remove_run(self.option, row))
        return True

    def _open(self, index: int | None) -> bool:
        if self.option is None:
            return False
        rerun = self.option.calculations[index] if index is not None else None
        self.dialog = CalculatorDialog(
            self._lang(), parent=self, audit=self._audit(), option=self.option, rerun=rerun
        )
        try:
            if self.dialog.exec() != QDialog.Accepted:
                return False
            run = self.dialog.run()
        finally:
            self.dialog.deleteLater()
            self.dialog = None
        if run is None:
            return False
        label = self.tr("Estimate with a calculator")
        self._commit(label, estimate.apply_run(self.option, run, index))
        return True
