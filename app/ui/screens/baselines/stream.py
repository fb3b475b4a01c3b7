"""Adding a resource stream on the Baselines screen: the dialog, and the edits that add, remove
and duplicate streams (each ONE undoable step through ``context.edit``).

Removing a stream deletes its monthly records (``context.edit`` adds owned children, and undo
restores them) and unlinks what points at it in the same step: process-step flows and findings
keep their row with no stream, options lose that stream's saving. Nothing is left dangling for
``AuditFile.check`` to report, and one undo brings everything back.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core import model
from app.core.errors import UserError
from app.core.messages import render, text
from app.ui.screens.baselines.models import GROUP_ORDER, group_title, quality_title, source_title


def kind_title(kind: model.StreamKind, lang: str) -> str:
    """A stream kind's name, from the catalogue the reports use too."""
    return text(f"indicators.kind.{kind.value}", lang)


def fuel_choices(lang: str) -> list[tuple[str, str]]:
    """(code, name) of every fuel the reference data has a calorific value for."""
    from app.core.reference import table

    codes = sorted(k.split(".", 1)[1] for k in table() if k.startswith("ncv."))
    out = []
    for code in codes:
        name = text(f"fuel.{code}", lang)
        if name == f"fuel.{code}":  # a fuel added to the data but not yet to the catalogue
            name = table()[f"ncv.{code}"][0].note or code
        out.append((code, name))
    return out


def suggested_units(kind: model.StreamKind) -> list[str]:
    """Units fitting ``kind``, most usual first (kWh for electricity, m³ for water…)."""
    from app.core import units

    allowed = units.KIND_DIMENSIONS[kind]
    return [u for d in units._DIMENSION_ORDER if d in allowed for u in units.EXAMPLES[d]]


class StreamDialog(QDialog):
    """Kind (grouped), names, unit, price, source, quality, fuel, confidential flag, note, and
    the symbiosis class.

    The class list holds only the classes that fit the kind. The class suggested from the
    stream's names is pre-selected but NOT stored until the auditor confirms it (ticks
    "Confirm class", or picks a class in the list, which is a choice of their own). With
    ``stream`` the dialog edits that stream: every field starts from it and ``stream()``
    returns a copy with the same id."""

    def __init__(
        self,
        context,
        parent: QWidget | None = None,
        stream: model.ResourceStream | None = None,
    ):
        super().__init__(parent)
        self.context = context
        self.original = stream
        lang = context.lang
        self.setWindowTitle(self.tr("Edit stream") if stream else self.tr("Add stream"))
        self.kind = QComboBox()
        kinds = QStandardItemModel(self.kind)
        bold = QFont()
        bold.setBold(True)
        for group in GROUP_ORDER:
            header = QStandardItem(group_title(group))
            header.setFlags(Qt.ItemFlag.NoItemFlags)  # a group heading, not a choice
            header.setFont(bold)
            kinds.appendRow(header)
            for kind in model.StreamKind:
                if model.STREAM_GROUP[kind] == group:
                    item = QStandardItem("    " + kind_title(kind, lang))
                    item.setData(kind.value, Qt.ItemDataRole.UserRole)
                    kinds.appendRow(item)
        self.kind.setModel(kinds)
        self.kind.setObjectName("streamKind")
        self.name_vi = QLineEdit()
        self.name_en = QLineEdit()
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("e.g. 2,000"))
        self.source = QComboBox()
        for s in model.DataSource:
            self.source.addItem(source_title(s), s.value)
        self.quality = QComboBox()
        for q in model.DataQuality:
            self.quality.addItem(quality_title(q), q.value)
        self.fuel = QComboBox()
        self.fuel.addItem(self.tr("(not set)"), "")
        for code, name in fuel_choices(lang):
            self.fuel.addItem(name, code)  # the name only: no reference code on screen
        self.fuel_label = QLabel(self.tr("Fuel (for energy and CO₂e)"))
        self.confidential = QCheckBox(self.tr("Confidential"))
        self.note = QLineEdit()
        self.waste_class = QComboBox()
        self.waste_class.setObjectName("streamClass")
        self.waste_class.setMinimumContentsLength(40)
        self.waste_class.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.class_confirmed = QCheckBox(self.tr("Confirm class"))
        self.class_confirmed.setObjectName("streamClassConfirmed")
        self.class_hint = QLabel()
        self.class_hint.setObjectName("streamClassHint")
        self.class_hint.setWordWrap(True)
        self.class_hint.setStyleSheet("color: #5D6D7E")
        self._suggested = ""  # the code suggested from the names ("" none)
        self._class_error = ""  # the class list's load error, shown instead of the hint
        self.error = QLabel()
        self.error.setObjectName("streamError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B03A2E")
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name (Vietnamese)"), self.name_vi)
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Price (VND/unit)"), self.price)
        form.addRow(self.tr("Data source"), self.source)
        form.addRow(self.tr("Quality"), self.quality)
        form.addRow(self.fuel_label, self.fuel)
        form.addRow("", self.confidential)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Symbiosis class"), self.waste_class)
        form.addRow("", self.class_confirmed)
        form.addRow("", self.class_hint)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._unit_typed = False  # a unit the auditor typed is kept when the kind changes
        self.unit.lineEdit().textEdited.connect(self._unit_edited)
        self.unit.activated.connect(self._unit_edited)  # picked from the list: chosen too
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.waste_class.activated.connect(self._class_picked)  # the user's own choice only
        self.waste_class.currentIndexChanged.connect(lambda _i: self._show_class_hint())
        self.class_confirmed.toggled.connect(lambda _on: self._show_class_hint())
        self.name_vi.textChanged.connect(lambda _t: self._refresh_classes())
        self.name_en.textChanged.connect(lambda _t: self._refresh_classes())
        self.fuel.currentIndexChanged.connect(self._fuel_changed)
        self.set_kind(model.StreamKind.ELECTRICITY)
        self._kind_changed(self.kind.currentIndex())  # (no change signal when already chosen)
        if stream is not None:
            self._fill(stream)
        self.resize(560, self.sizeHint().height())

    def _fill(self, stream: model.ResourceStream) -> None:
        self.set_kind(stream.kind)
        self.name_vi.setText(stream.name_vi)
        self.name_en.setText(stream.name_en)
        if stream.fuel_code:  # before the unit: a fuel proposes its own unit
            self.fuel.setCurrentIndex(self.fuel.findData(stream.fuel_code))
        self.unit.setEditText(stream.unit)
        self._unit_typed = True  # the stream's unit is the auditor's choice
        if stream.unit_price_vnd is not None:
            self.price.setText(self.context.format_number(stream.unit_price_vnd, 0))
        self.source.setCurrentIndex(self.source.findData(stream.data_source.value))
        self.quality.setCurrentIndex(self.quality.findData(stream.quality.value))
        self.confidential.setChecked(stream.confidential)
        self.note.setText(stream.notes)
        if stream.waste_class:
            self._refresh_classes(keep=stream.waste_class)
            self.class_confirmed.setChecked(self.waste_class.currentData() == stream.waste_class)

    # -- the symbiosis class -------------------------------------------------------------
    def _refresh_classes(self, keep: str | None = None) -> None:
        """Fill the class list for the current kind; pre-select ``keep`` (a confirmed class),
        else, while nothing is confirmed, the class suggested from the names."""
        from app.core.symbiosis.classes import ClassList, shipped_classes

        lang = self.context.lang
        if keep is None and self.class_confirmed.isChecked():
            keep = self.waste_class.currentData() or None
        try:
            classes: ClassList | None = shipped_classes()
        except UserError as exc:  # a broken list: say so, the stream can still be saved
            classes = None
            self._class_error = render(exc.problem, lang)
        else:
            self._class_error = ""
        kind = self.current_kind()
        self.waste_class.blockSignals(True)
        self.waste_class.clear()
        self.waste_class.addItem(self.tr("(not classified)"), "")
        self._suggested = ""
        if classes is not None:
            for cls in classes.for_kind(kind):
                self.waste_class.addItem(cls.label(lang), cls.code)
            probe = model.ResourceStream(
                kind=kind,
                name_vi=self.name_vi.text(),
                name_en=self.name_en.text(),
                unit="",
            )
            from app.core.symbiosis.classes import suggest_for_stream

            found = suggest_for_stream(probe) if classes is not None else []
            self._suggested = found[0].code if found else ""
        wanted = keep or self._suggested
        index = self.waste_class.findData(wanted) if wanted else 0
        self.waste_class.setCurrentIndex(max(index, 0))
        self.waste_class.blockSignals(False)
        if keep and index < 0:  # a confirmed class that does not fit the new kind
            self.class_confirmed.setChecked(False)
        self._show_class_hint()

    def _class_picked(self, _index: int) -> None:
        # picking a class in the list is the auditor's decision; "(not classified)" clears it
        self.class_confirmed.setChecked(bool(self.waste_class.currentData()))

    def _show_class_hint(self) -> None:
        from app.core.symbiosis.classes import lookup

        code = self.waste_class.currentData() or ""
        self.class_confirmed.setEnabled(bool(code))
        if self._class_error:
            self.class_hint.setText(self._class_error)
            return
        parts = []
        cls = lookup(code) if code else None
        if cls is not None:
            if cls.hazardous:
                parts.append(self.tr("Hazardous waste."))
            if not cls.checked:
                parts.append(self.tr("Code not yet checked against the Circular's text."))
        if code and code == self._suggested and not self.class_confirmed.isChecked():
            parts.append(self.tr("Suggested from the name: tick “Confirm class” to keep it."))
        self.class_hint.setText(" ".join(parts))

    def chosen_class(self) -> str:
        """The class to store: only a confirmed one."""
        if not self.class_confirmed.isChecked():
            return ""
        return self.waste_class.currentData() or ""

    def set_kind(self, kind: model.StreamKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind.value, Qt.ItemDataRole.UserRole))

    def current_kind(self) -> model.StreamKind:
        return model.StreamKind(self.kind.currentData(Qt.ItemDataRole.UserRole))

    def _unit_edited(self, _value) -> None:
        self._unit_typed = True

    def _kind_changed(self, _i: int) -> None:
        from app.core.units import default_unit, unit_fits_kind

        kind = self.current_kind()
        typed = self.unit.currentText()
        self.unit.clear()
        self.unit.addItems(suggested_units(kind))
        # Keep what the auditor typed if it still fits; else offer the kind's usual unit.
        if self._unit_typed and typed and unit_fits_kind(typed, kind) is None:
            self.unit.setEditText(typed)
        else:
            self._unit_typed = False
            self.unit.setEditText(default_unit(kind, self._fuel_code()))
        is_fuel = kind == model.StreamKind.FUEL
        self.fuel.setVisible(is_fuel)
        self.fuel_label.setVisible(is_fuel)
        self.error.clear()
        self._refresh_classes()

    def _fuel_code(self) -> str:
        return self.fuel.currentData() or "" if self.current_kind() == model.StreamKind.FUEL else ""

    def _fuel_changed(self, _i: int) -> None:
        from app.core.units import default_unit

        if not self._unit_typed:  # the fuel's usual unit, unless the auditor chose one
            self.unit.setEditText(default_unit(self.current_kind(), self._fuel_code()))

    def problems(self) -> list[str]:
        """Translated reasons the stream can't be saved as entered (empty: fine)."""
        from app.core.parsing import parse_number
        from app.core.units import unit_fits_kind

        out = []
        if not model.clean_text(self.name_vi.text()):
            out.append(self.tr("Type the stream's Vietnamese name."))
        problem = unit_fits_kind(self.unit.currentText(), self.current_kind())
        if problem is not None:
            # the message alone: the dialog's Unit field is the location
            out.append(text(problem.key, self.context.lang, **problem.params))
        price = self.price.text().strip()
        if price:
            parsed = parse_number(price, self.context.lang)
            if not parsed.ok or parsed.value is None:
                out.append(self.tr("“{text}” is not a price in VND.").format(text=price))
        return out

    def stream(self) -> model.ResourceStream | None:
        """The stream as entered, or None (with the reasons shown) when something is wrong."""
        from app.core.parsing import parse_number
        from app.core.units import normalise_unit

        problems = self.problems()
        self.error.setText("\n".join(problems))
        if problems:
            return None
        kind = self.current_kind()
        price = self.price.text().strip()
        fields = dict(
            kind=kind,
            name_vi=model.clean_text(self.name_vi.text()),
            name_en=model.clean_text(self.name_en.text()),
            unit=normalise_unit(self.unit.currentText()),
            unit_price_vnd=round(parse_number(price, self.context.lang).value) if price else None,
            data_source=model.DataSource(self.source.currentData()),
            quality=model.DataQuality(self.quality.currentData()),
            fuel_code=self.fuel.currentData() if kind == model.StreamKind.FUEL else "",
            confidential=self.confidential.isChecked(),
            notes=model.clean_text(self.note.text()),
            waste_class=self.chosen_class(),
        )
        if self.original is None:
            return model.ResourceStream(**fields)  # type: ignore[arg-type]
        edited = copy.deepcopy(self.original)
        for name, value in fields.items():
            setattr(edited, name, value)
        return edited

    def accept(self) -> None:
        if self.stream() is not None:  # else stay open with the reasons shown
            super().accept()


# ---------------------------------------------------------------------------------------------
# The edits


def next_position(audit: model.Audit, kind: model.StreamKind) -> int:
    """After the last stream of the same group, so a new stream appears at its group's end."""
    group = model.STREAM_GROUP[kind]
    same = [s.position for s in audit.streams if model.STREAM_GROUP[s.kind] == group]
    return max(same, default=-1) + 1


def add_stream(context, stream: model.ResourceStream, label: str) -> bool:
    new = copy.deepcopy(stream)
    new.position = next_position(context.audit, new.kind)
    return context.edit(label, put=[new])


def unlinks_of(audit: model.Audit, stream_id: str) -> list:
    """Copies of the flows, findings and options that refer to the stream, without the link."""
    out: list = []
    for obj in [*audit.flows, *audit.findings]:
        if obj.stream_id == stream_id:
            new = copy.deepcopy(obj)
            new.stream_id = None
            out.append(new)
    for option in audit.options:
        if any(s.stream_id == stream_id for s in option.savings):
            new = copy.deepcopy(option)
            new.savings = [s for s in new.savings if s.stream_id != stream_id]
            out.append(new)
    return out


def edit_stream(context, stream: model.ResourceStream, label: str) -> bool:
    """Save an edited stream (same id, its records untouched) as one undo step."""
    return context.edit(label, put=[copy.deepcopy(stream)])


def remove_stream(context, stream: model.ResourceStream, label: str) -> bool:
    """Delete the stream (its records go with it) and unlink it, as one undo step."""
    return context.edit(label, put=unlinks_of(context.audit, stream.id), delete=[stream])


def duplicate_stream(context, stream: model.ResourceStream, label: str) -> bool:
    """A copy with a new id (no monthly figures: a second meter has its own), placed after it.

    Each name gets "(bản sao)" / "(copy)" in its own language, whatever the UI language."""
    new = copy.deepcopy(stream)
    new.id = model.new_id()
    new.name_vi = f"{stream.name_vi} {text('baselines.copy_suffix', 'vi')}"
    if stream.name_en:
        new.name_en = f"{stream.name_en} {text('baselines.copy_suffix', 'en')}"
    new.position = next_position(context.audit, stream.kind)
    return context.edit(label, put=[new])
