"""A dialog that runs one savings calculator: a form built from the calculator's metadata
(bilingual labels, units, help as tooltip), prefilled values, results and the source.

``values()`` gives the inputs as entered (text, unit allowed) to store with the option
(``model.CalculationRun``); ``results()`` the last computed outputs.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import calculators
from app.core.errors import UserError
from app.core.messages import text
from app.reports.fmt import smart


class CalculatorDialog(QDialog):
    def __init__(
        self,
        lang: str = "vi",
        calculator_id: str | None = None,
        prefill: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.prefill = dict(prefill or {})
        self.setWindowTitle(self.tr("Estimate with a calculator"))
        self._results: dict[str, float] = {}
        layout = QVBoxLayout(self)
        self.choice = QComboBox()
        for calc in calculators.REGISTRY.values():
            self.choice.addItem(calc.name(lang), calc.id)
        layout.addWidget(self.choice)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        layout.addWidget(self.form_host)
        self.compute = QPushButton(self.tr("Calculate"))
        layout.addWidget(self.compute)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        layout.addWidget(self.source_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.edits: dict[str, QLineEdit] = {}
        self.choice.currentIndexChanged.connect(self._build)
        self.compute.clicked.connect(self.calculate)
        if calculator_id is not None:
            self.choice.setCurrentIndex(max(0, self.choice.findData(calculator_id)))
        self._build()

    @property
    def calculator(self) -> calculators.Calculator:
        return calculators.get(self.choice.currentData())

    def _build(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits = {}
        calc = self.calculator
        for spec in calc.inputs:
            edit = QLineEdit()
            edit.setObjectName(f"input_{spec.key}")
            value = self.prefill.get(spec.key)
            if value is None and spec.default is not None:
                value = f"{spec.default:g}"
            edit.setText(value or "")
            help_text = spec.help_vi if self.lang == "vi" else spec.help_en
            edit.setToolTip(help_text)
            unit = calculators_unit(spec.unit)
            self.form.addRow(f"{spec.name(self.lang)}{f' ({unit})' if unit else ''}", edit)
            self.edits[spec.key] = edit
        self.result_label.clear()
        self.source_label.setText(self.tr("Source: %1").replace("%1", calc.source))
        self._results = {}

    def values(self) -> dict[str, str]:
        return {k: e.text().strip() for k, e in self.edits.items() if e.text().strip()}

    def results(self) -> dict[str, float]:
        return dict(self._results)

    def calculate(self) -> bool:
        calc = self.calculator
        try:
            self._results = calc.run_magnitudes(self.values())
        except UserError as exc:
            self._results = {}
            self.result_label.setText(text(exc.problem.key, self.lang, **exc.problem.params))
            self.result_label.setProperty("error", True)
            return False
        lines = []
        for spec in calc.outputs:
            unit = calculators_unit(spec.unit)
            value = smart(self._results[spec.key], self.lang)
            lines.append(f"{spec.name(self.lang)}: {value}{f' {unit}' if unit else ''}")
        self.result_label.setText("\n".join(lines))
        self.result_label.setProperty("error", False)
        return True

    def _accept(self) -> None:
        if self.calculate():
            self.accept()


def calculators_unit(unit: str) -> str:
    if not unit:
        return ""
    from app.core.units import registry

    return f"{registry().Unit(unit):~P}"
