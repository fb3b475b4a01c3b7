"""A dialog that runs one savings calculator: a form built from the calculator's metadata
(bilingual labels, units, help as tooltip), prefilled values, results and the source.

``values()`` gives the inputs as entered (text, unit allowed) to store with the option
(``model.CalculationRun``); ``results()`` the last computed outputs. Given an audit, the inputs
the audit answers are prefilled from it (``calculators.estimate.prefill``), each saving output
has a "goes to" choice of the audit's streams, and ``run()`` is the ``CalculationRun`` with the
savings per stream it adds to the option.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale
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
from app.core.calculators import estimate
from app.core.errors import UserError
from app.core.messages import text
from app.core.model import Audit, CalculationRun, Option, ResourceStream
from app.reports.fmt import smart


class CalculatorDialog(QDialog):
    def __init__(
        self,
        lang: str = "vi",
        calculator_id: str | None = None,
        prefill: dict[str, str] | None = None,
        parent: QWidget | None = None,
        audit: Audit | None = None,
        option: Option | None = None,
        rerun: CalculationRun | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.audit = audit
        self.option = option
        self.rerun = rerun
        self.prefill = dict(prefill or {})
        self.targets: dict[str, QComboBox] = {}
        self._last_chosen: dict[str, ResourceStream] = {}
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
        self.targets_host = QWidget()
        self.targets_form = QFormLayout(self.targets_host)
        self.targets_form.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.targets_host)
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
        if rerun is not None:
            calculator_id = rerun.calculator
            self.choice.setEnabled(False)  # a re-run is of the same calculator
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
        prefill = self._audit_prefill(calc)
        for spec in calc.inputs:
            edit = QLineEdit()
            edit.setObjectName(f"input_{spec.key}")
            value = prefill.get(spec.key)
            if value is None and spec.default is not None:
                value = f"{spec.default:g}"
            edit.setText(self._shown(value or ""))
            help_text = spec.help_vi if self.lang == "vi" else spec.help_en
            edit.setToolTip(help_text)
            unit = calculators_unit(spec.unit)
            self.form.addRow(f"{spec.name(self.lang)}{f' ({unit})' if unit else ''}", edit)
            self.edits[spec.key] = edit
        self._build_targets(calc)
        self.result_label.clear()
        self.source_label.setText(self.tr("Source: %1").replace("%1", calc.source))
        self._results = {}

    def _audit_prefill(self, calc: calculators.Calculator) -> dict[str, str]:
        """Stored inputs of a re-run, else the audit's figures, over the given prefill."""
        if self.rerun is not None and self.rerun.calculator == calc.id:
            return dict(self.rerun.inputs)
        out = dict(self.prefill)
        if self.audit is not None:
            chosen = estimate.default_targets(calc, self.audit, self.option)
            out = {**estimate.prefill(calc, self.audit, chosen), **out}
        return out

    def _build_targets(self, calc: calculators.Calculator) -> None:
        """One "goes to" choice per saving output (only with an audit)."""
        while self.targets_form.rowCount():
            self.targets_form.removeRow(0)
        self.targets = {}
        if self.audit is None:
            self.targets_host.hide()
            return
        chosen = estimate.default_targets(calc, self.audit, self.option)
        if self.rerun is not None and self.rerun.calculator == calc.id:
            for spec, streams in estimate.targets(calc, self.audit).items():
                for stream in streams:
                    if stream.id in self.rerun.savings:
                        chosen[spec] = stream
        candidates = estimate.targets(calc, self.audit)
        for spec in estimate.saving_outputs(calc):
            combo = QComboBox()
            combo.setObjectName(f"target_{spec.key}")
            for stream in candidates.get(spec.key, []):
                combo.addItem(_stream_name(stream, self.lang), stream.id)
            combo.addItem(self.tr("(not added to the option)"), None)
            picked = chosen.get(spec.key)
            combo.setCurrentIndex(combo.findData(picked.id) if picked else combo.count() - 1)
            label = self.tr("%1 goes to").replace("%1", spec.name(self.lang))
            self.targets_form.addRow(label, combo)
            self.targets[spec.key] = combo
            combo.currentIndexChanged.connect(self._target_changed)
        self.targets_host.setVisible(bool(self.targets))
        self._last_chosen = self.chosen_streams()

    def _target_changed(self) -> None:
        """Another stream chosen: its figures (price, baseline, NCV) replace the ones the
        previous stream gave, in the fields the auditor has not typed over."""
        calc = self.calculator
        assert self.audit is not None
        before = estimate.prefill(calc, self.audit, self._last_chosen)
        after = estimate.prefill(calc, self.audit, self.chosen_streams())
        for key, edit in self.edits.items():
            if key in after and edit.text().strip() == before.get(key, edit.text().strip()):
                edit.setText(after[key])
        self._last_chosen = self.chosen_streams()
        self._results = {}
        self.result_label.clear()

    def chosen_streams(self) -> dict[str, ResourceStream]:
        if self.audit is None:
            return {}
        by_id = {s.id: s for s in self.audit.streams}
        return {
            key: by_id[combo.currentData()]
            for key, combo in self.targets.items()
            if combo.currentData() in by_id
        }

    def run(self) -> CalculationRun | None:
        """The run to keep with the option (None unless the last calculation succeeded)."""
        if not self._results:
            return None
        calc = self.calculator
        savings = estimate.savings_of(calc, calc.run(self.values()), self.chosen_streams())
        note = self.rerun.note if self.rerun is not None else ""
        return CalculationRun(calc.id, self.values(), note, savings)

    def values(self) -> dict[str, str]:
        """The inputs as the calculators read them ('.' decimal mark), whatever the UI
        language; a unit typed after the number is kept ("90 psi")."""
        out = {}
        for key, edit in self.edits.items():
            raw = edit.text().strip()
            if raw:
                out[key] = self._neutral(raw)
        return out

    def _locale(self) -> QLocale:
        return QLocale("vi_VN" if self.lang == "vi" else "en_US")

    def _shown(self, value: str) -> str:
        """A stored number in the UI language's decimal mark (no grouping: unambiguous)."""
        try:
            number = float(value)
        except ValueError:
            return value  # with a unit, or text: as stored
        text = value if "e" not in value.lower() else f"{number:f}".rstrip("0").rstrip(".")
        return text.replace(".", self._locale().decimalPoint())

    def _neutral(self, raw: str) -> str:
        """The number part read like every number field of the app (the UI locale, else a
        plain '1234.5'), written back with '.'; text that is no number is left for the
        calculator to refuse with a message naming the input."""
        match = _NUMBER.fullmatch(raw)
        if match is None:
            return raw
        digits = match.group(1).replace(" ", "").replace("\u00a0", "")
        value, ok = self._locale().toDouble(digits)
        if not ok:
            try:
                value = float(digits)
            except ValueError:
                return raw
        unit = (match.group(2) or "").strip()
        return f"{value:.12g}" + (f" {unit}" if unit else "")

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


_NUMBER = re.compile(r"([-+]?[0-9][0-9.,\s\u00a0]*)\s*([^0-9.,\s].*)?")


def _stream_name(stream: ResourceStream, lang: str) -> str:
    name = (stream.name_en if lang == "en" else stream.name_vi) or stream.name_vi
    return f"{name} ({stream.unit})"


def calculators_unit(unit: str) -> str:
    if not unit:
        return ""
    from app.core.units import registry

    return f"{registry().Unit(unit):~P}"
