"""The Offers and needs screen (industrial symbiosis): what the enterprise could give to and take
from its neighbours, and its anonymised exchange file.

- The offers and needs table comes from the audit's classified streams
  (``app.core.symbiosis.offers``): side, class in the UI's language, hazardous mark, quantity
  per year and unit, months, current disposal route (typed here, kept on the stream) and cost.
- Streams with no class are listed below with the class suggested from their names; the
  auditor picks or confirms one and it is stored on the stream (one undo step).
- The consent, field by field (``AuditInfo.exchange_consent``): each tick is one undoable edit.
- *Export exchange file…* shows the file's full content in plain words
  (``app.core.symbiosis.exchange_preview``, rendered from the very content that is written) and
  writes the JSON file and its CSV twin, atomically, only when the user confirms.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import model
from app.core.errors import UserError
from app.core.messages import render, text
from app.ui.context import ChangeSet
from app.ui.screens.base import PhaseScreen

# Columns of the offers and needs table.
SIDE, CLASS, HAZARD, STREAM, QUANTITY, UNIT, MONTHS, ROUTE, COST = range(9)
COLUMNS = 9
# Columns of the unclassified streams table.
U_STREAM, U_KIND, U_SUGGESTED = range(3)
CONSENT_FIELDS = ("quantity", "months", "notes", "money", "location")  # = exchange.FIELDS


class SymbiosisScreen(PhaseScreen):
    key = "symbiosis"

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._filling = False
        self._unclassified: list[model.ResourceStream] = []
        self.preview_dialog: ExchangePreviewDialog | None = None

        self.summary = QLabel()
        self.summary.setObjectName("symbiosisSummary")
        self.summary.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("symbiosisProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B03A2E")
        self.problem.hide()

        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("offersTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.DoubleClicked
            | QAbstractItemView.EditKeyPressed
            | QAbstractItemView.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(CLASS, QHeaderView.Stretch)
        header.setSectionResizeMode(ROUTE, QHeaderView.Interactive)
        header.setSectionResizeMode(STREAM, QHeaderView.Interactive)
        self.table.setColumnWidth(ROUTE, 190)
        self.table.setColumnWidth(STREAM, 170)
        self.table.itemChanged.connect(self._route_edited)

        self.unclassified_title = QLabel()
        self.unclassified = QTableWidget(0, 3)
        self.unclassified.setObjectName("unclassifiedTable")
        self.unclassified.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.unclassified.setSelectionMode(QAbstractItemView.SingleSelection)
        self.unclassified.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.unclassified.verticalHeader().setVisible(False)
        u_header = self.unclassified.horizontalHeader()
        u_header.setSectionResizeMode(U_STREAM, QHeaderView.ResizeToContents)
        u_header.setSectionResizeMode(U_KIND, QHeaderView.ResizeToContents)
        u_header.setSectionResizeMode(U_SUGGESTED, QHeaderView.Stretch)
        self.unclassified.setMaximumHeight(150)
        self.unclassified.itemSelectionChanged.connect(self._fill_class_box)
        self.class_label = QLabel()
        self.class_box = QComboBox()
        self.class_box.setObjectName("symbiosisClass")
        self.class_box.setMinimumContentsLength(40)
        self.class_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("confirmClass")
        self.confirm_button.clicked.connect(self.confirm_class)
        self.class_hint = QLabel()
        self.class_hint.setWordWrap(True)
        self.class_hint.setStyleSheet("color: #5D6D7E")

        # consent, field by field
        self.consent_box = QGroupBox()
        self.consent_intro = QLabel()
        self.consent_intro.setWordWrap(True)
        self.consent: dict[str, QCheckBox] = {}
        consent_layout = QVBoxLayout(self.consent_box)
        consent_layout.addWidget(self.consent_intro)
        for name in CONSENT_FIELDS:
            box = QCheckBox()
            box.setObjectName(f"consent_{name}")
            box.toggled.connect(lambda on, name=name: self.set_consent(name, on))
            self.consent[name] = box
            consent_layout.addWidget(box)
        self.always_label = QLabel()
        self.always_label.setWordWrap(True)
        self.always_label.setStyleSheet("color: #5D6D7E")
        consent_layout.addWidget(self.always_label)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportExchange")
        self.export_button.clicked.connect(self.choose_export)
        self.export_status = QLabel()
        self.export_status.setObjectName("exportStatus")
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: palette(mid);")

        classify = QVBoxLayout()
        classify.addWidget(self.unclassified_title)
        classify.addWidget(self.unclassified)
        chooser = QHBoxLayout()
        chooser.addWidget(self.class_label)
        chooser.addWidget(self.class_box, 1)
        chooser.addWidget(self.confirm_button)
        classify.addLayout(chooser)
        classify.addWidget(self.class_hint)
        classify.addStretch(1)
        share = QVBoxLayout()
        share.addWidget(self.consent_box)
        share.addWidget(self.export_button)
        share.addWidget(self.export_status)
        share.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addLayout(classify, 3)
        bottom.addLayout(share, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.source)

        self.retranslate()
        self.refresh(ChangeSet(reset=True))

    def title(self) -> str:
        return self.tr("Offers and needs (symbiosis)")

    @classmethod
    def completeness_of(cls, audit: model.Audit) -> float | None:
        """The share of the audit's streams that carry a class."""
        if not audit.streams:
            return None
        return sum(1 for s in audit.streams if s.waste_class) / len(audit.streams)

    # ------------------------------------------------------------------ filling
    def refresh(self, changes: ChangeSet) -> None:
        if not (
            changes.reset
            or changes.info
            or changes.touches(model.ResourceStream)
            or changes.touches(model.PeriodRecord)
        ):
            return
        self._filling = True
        try:
            self._fill_offers()
            self._fill_unclassified()
            self._fill_consent()
        finally:
            self._filling = False
        self._fill_class_box()
        self._update_enabled()

    def _fill_offers(self) -> None:
        from app.core.symbiosis.classes import shipped_classes
        from app.core.symbiosis.offers import Side, offers_and_needs

        lang = self.context.lang
        audit = self.context.audit
        try:
            classes = shipped_classes()
            result = offers_and_needs(audit, classes)
        except UserError as exc:  # a broken class list: say where, show nothing
            self.problem.setText(render(exc.problem, lang))
            self.problem.show()
            self.table.setRowCount(0)
            self.summary.setText("")
            self.source.setText("")
            return
        problems = [render(p, lang) for p in result.problems]
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        items = [*result.offers, *result.needs]
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            cls = item.resource_class
            hazard = self.tr("Hazardous") if item.hazardous else ""
            if item.hazardous and cls.mark:
                hazard += f" ({cls.mark})"
            quantity = ""
            if item.quantity_per_year is not None:
                quantity = self.context.format_number(float(item.quantity_per_year), 1)
                if item.annualised:
                    quantity += " *"
            cost = ""
            if item.cost_per_year_vnd is not None:
                cost = self.context.format_number(item.cost_per_year_vnd)
                if not item.cost_complete:
                    cost += " *"
            from app.core.symbiosis.exchange_preview import month_names

            calendar = list(item.calendar_months)
            months = (
                self.tr("all 12")
                if len(calendar) == 12
                else month_names(calendar, lang) or self.tr("none")
            )
            cells = {
                SIDE: self.tr("Offer") if item.side is Side.OFFER else self.tr("Need"),
                CLASS: cls.label(lang),
                HAZARD: hazard,
                STREAM: item.stream_name(lang)
                + (" " + self.tr("(confidential)") if item.confidential else ""),
                QUANTITY: quantity,
                UNIT: item.unit,
                MONTHS: months,
                ROUTE: item.disposal_route,
                COST: cost,
            }
            for column, value in cells.items():
                cell = QTableWidgetItem(value)
                flags = Qt.ItemIsSelectable | Qt.ItemIsEnabled
                if column == ROUTE and not self.context.read_only:
                    flags |= Qt.ItemIsEditable
                cell.setFlags(flags)
                if column in (QUANTITY, COST):
                    cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if column == SIDE:
                    cell.setData(Qt.UserRole, item.stream_id)
                    cell.setData(Qt.UserRole + 1, item.side.value)
                if column == HAZARD:
                    cell.setData(Qt.UserRole, item.hazardous)
                if column == QUANTITY and item.annualised:
                    cell.setToolTip(
                        self.tr("Scaled to 12 months from %1 months of records.").replace(
                            "%1", str(item.months_counted)
                        )
                    )
                if column == STREAM and item.confidential:
                    cell.setToolTip(self.tr("Marked confidential: left out of the exchange file."))
                if column == COST and not item.cost_complete:
                    cell.setToolTip(self.tr("Some months have no cost: the total is incomplete."))
                self.table.setItem(row, column, cell)
        self.summary.setText(
            "<b>"
            + self.tr("%1 offers and %2 needs from %3 classified streams of %4.")
            .replace("%1", str(len(result.offers)))
            .replace("%2", str(len(result.needs)))
            .replace("%3", str(result.classified_streams))
            .replace("%4", str(result.streams))
            + "</b> "
            + self.tr("Park: %1; province: %2.")
            .replace("%1", result.industrial_park or "–")
            .replace("%2", result.province or "–")
        )
        self.source.setText(
            self.tr("Classes: %1").replace("%1", result.class_source.get(lang, ""))
            + "  "
            + self.tr("* scaled to 12 months, or a cost missing for some months.")
        )

    def _fill_unclassified(self) -> None:
        from app.core.symbiosis.classes import suggest_for_stream
        from app.ui.screens.baselines.stream import kind_title

        lang = self.context.lang
        self._unclassified = sorted(
            (s for s in self.context.audit.streams if not s.waste_class), key=lambda s: s.position
        )
        selected = self.selected_unclassified()
        self.unclassified.setRowCount(len(self._unclassified))
        for row, stream in enumerate(self._unclassified):
            try:
                found = suggest_for_stream(stream)
            except UserError:
                found = []
            name = (stream.name_en or stream.name_vi) if lang == "en" else stream.name_vi
            cells = (
                name,
                kind_title(stream.kind, lang),
                found[0].label(lang) if found else self.tr("(no suggestion)"),
            )
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                if column == U_STREAM:
                    cell.setData(Qt.UserRole, stream.id)
                if column == U_SUGGESTED:
                    cell.setData(Qt.UserRole, found[0].code if found else "")
                self.unclassified.setItem(row, column, cell)
        self.unclassified_title.setText(
            "<b>"
            + self.tr("Streams with no class (%1): they give no offer or need.").replace(
                "%1", str(len(self._unclassified))
            )
            + "</b>"
        )
        ids = [s.id for s in self._unclassified]
        if selected is not None and selected.id in ids:
            self.unclassified.selectRow(ids.index(selected.id))
        elif ids:  # the first stream with a suggestion to confirm, else the first
            suggested = [
                r
                for r in range(len(ids))
                if self.unclassified.item(r, U_SUGGESTED).data(Qt.UserRole)
            ]
            self.unclassified.selectRow(suggested[0] if suggested else 0)

    def _fill_consent(self) -> None:
        consent = self.context.audit.info.exchange_consent
        for name, box in self.consent.items():
            box.blockSignals(True)
            box.setChecked(getattr(consent, name) is True)
            box.blockSignals(False)

    def selected_unclassified(self) -> model.ResourceStream | None:
        rows = self.unclassified.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.unclassified.item(rows[0].row(), U_STREAM)
        sid = item.data(Qt.UserRole) if item is not None else None
        return next((s for s in self.context.audit.streams if s.id == sid), None)

    def _fill_class_box(self) -> None:
        from app.core.symbiosis.classes import shipped_classes, suggest_for_stream

        if self._filling:
            return
        lang = self.context.lang
        stream = self.selected_unclassified()
        self.class_box.clear()
        self.class_hint.setText("")
        if stream is None:
            self._update_enabled()
            return
        try:
            classes = shipped_classes().for_kind(stream.kind)
            found = suggest_for_stream(stream)
        except UserError as exc:
            self.class_hint.setText(render(exc.problem, lang))
            self._update_enabled()
            return
        if not classes:
            self.class_hint.setText(self.tr("No class of the list fits this kind of stream."))
            self._update_enabled()
            return
        for cls in classes:
            self.class_box.addItem(cls.label(lang), cls.code)
        suggested = found[0].code if found else ""
        index = self.class_box.findData(suggested) if suggested else -1
        self.class_box.setCurrentIndex(max(index, 0))
        if index >= 0:
            self.class_hint.setText(
                self.tr("Suggested from the name: check it, or pick another, then Confirm class.")
            )
        else:
            self.class_hint.setText(self.tr("No class suggested from the name: pick one."))
        self._update_enabled()

    def _update_enabled(self) -> None:
        read_only = self.context.read_only
        has = self.selected_unclassified() is not None and self.class_box.count() > 0
        self.confirm_button.setEnabled(has and not read_only)
        self.class_box.setEnabled(has and not read_only)
        for box in self.consent.values():
            box.setEnabled(not read_only)
        # read-only: an export needs the anonymous id's key already kept in the audit
        keyed = bool(self.context.audit.info.exchange_consent.id_key)
        self.export_button.setEnabled(not read_only or keyed)

    def set_read_only(self, read_only: bool) -> None:
        self.refresh(ChangeSet(reset=True))

    # ------------------------------------------------------------------ edits
    def _stream(self, stream_id: str) -> model.ResourceStream | None:
        return next((s for s in self.context.audit.streams if s.id == stream_id), None)

    def _route_edited(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != ROUTE:
            return
        sid = self.table.item(cell.row(), SIDE).data(Qt.UserRole)
        stream = self._stream(sid)
        route = model.clean_text(cell.text())
        if stream is None or route == stream.disposal_route:
            return
        edited = copy.deepcopy(stream)
        edited.disposal_route = route
        if not self.context.edit(self.tr("Edit disposal route"), put=[edited]):
            self.refresh(ChangeSet(reset=True))

    def confirm_class(self) -> bool:
        stream = self.selected_unclassified()
        code = self.class_box.currentData()
        if stream is None or not code:
            return False
        edited = copy.deepcopy(stream)
        edited.waste_class = code
        return self.context.edit(self.tr("Classify stream"), put=[edited])

    def set_consent(self, name: str, on: bool) -> bool:
        info = copy.deepcopy(self.context.audit.info)
        if getattr(info.exchange_consent, name) is on:
            return True
        info.exchange_consent = dataclasses.replace(info.exchange_consent, **{name: on})
        label = self.tr("Share in the exchange file: %1") if on else self.tr("Withhold: %1")
        ok = self.context.edit(label.replace("%1", self.consent_title(name)), info=info)
        if not ok:
            self._fill_consent()
        return ok

    # ------------------------------------------------------------------ export
    def default_target(self) -> Path:
        from app.core.symbiosis.exchange import SUFFIX

        path = Path(self.context.file.path)
        return path.with_name(path.stem + SUFFIX)

    def choose_export(self) -> None:
        from app.core.symbiosis.exchange import SUFFIX

        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export exchange file"), str(self.default_target()), f"*{SUFFIX}"
        )
        if name:
            self.preview_export(Path(name))

    def preview_export(self, target: Path) -> ExchangePreviewDialog | None:
        """Build the file's content and show it in plain words; nothing is written until the
        user confirms (then ``write_export``)."""
        from app.core.symbiosis import exchange as ex
        from app.core.symbiosis.exchange_preview import preview

        lang = self.context.lang
        if not target.name.endswith(ex.SUFFIX) and target.suffix.lower() != ".json":
            target = target.with_name(target.name + ex.SUFFIX)
        audit_path = Path(self.context.file.path).resolve()
        if audit_path in (target.resolve(), ex.csv_path(target).resolve()):
            self.export_status.setText(text("exchange.export.same_path", lang, path=str(target)))
            return None
        consent = ex.with_id_key(self.context.audit.info.exchange_consent)
        try:
            export = ex.exchange_content(self.context.audit, consent)
            words = preview(export, lang)
        except UserError as exc:
            self.export_status.setText(render(exc.problem, lang))
            return None
        self.export_status.setText("")
        dialog = ExchangePreviewDialog(words, target, ex.csv_path(target), self)
        dialog.accepted.connect(lambda: self.write_export(target, export.content, consent))
        dialog.rejected.connect(lambda: self.export_status.setText(self.tr("Nothing was written.")))
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def write_export(self, target: Path, content: dict, consent: model.ExchangeConsent) -> bool:
        from app.commands.exchange_export import write_files

        lang = self.context.lang
        stored = self.context.audit.info.exchange_consent
        if consent != stored:  # the id key first: the file's id must be the one the audit keeps
            info = copy.deepcopy(self.context.audit.info)
            info.exchange_consent = consent
            if not self.context.edit(self.tr("Keep the exchange file's anonymous id"), info=info):
                self.export_status.setText(self.tr("Nothing was written."))
                return False
        try:
            twin = write_files(target, content)
        except UserError as exc:
            self.export_status.setText(render(exc.problem, lang))
            return False
        self.export_status.setText(
            self.tr("Written: %1 and %2").replace("%1", str(target)).replace("%2", str(twin))
        )
        return True

    # ------------------------------------------------------------------ texts
    def consent_title(self, name: str) -> str:
        return {
            "quantity": self.tr("the exact quantity per year (otherwise only its band)"),
            "months": self.tr("the months in which it arises"),
            "notes": self.tr("the stream's notes on quality, as written"),
            "money": self.tr("the cost or revenue per year (VND)"),
            "location": self.tr("the site's location (latitude, longitude, about 100 m)"),
        }[name]

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Side"),
                self.tr("Class"),
                self.tr("Hazardous"),
                self.tr("Stream"),
                self.tr("Quantity per year"),
                self.tr("Unit"),
                self.tr("Months"),
                self.tr("Disposal route"),
                self.tr("Cost per year (VND)"),
            ]
        )
        self.table.horizontalHeaderItem(ROUTE).setToolTip(
            self.tr(
                "Where it goes today and who takes it, e.g. licensed contractor, landfill. "
                "Double-click or press F2 to type it."
            )
        )
        self.table.horizontalHeaderItem(COST).setToolTip(
            self.tr("For a waste: what disposing of it costs; negative: what selling it brings.")
        )
        self.unclassified.setHorizontalHeaderLabels(
            [self.tr("Stream"), self.tr("Kind"), self.tr("Suggested class")]
        )
        self.class_label.setText(self.tr("Class"))
        self.confirm_button.setText(self.tr("Confirm class"))
        self.consent_box.setTitle(self.tr("What the exchange file may share"))
        self.consent_intro.setText(
            self.tr("Tick only what the enterprise agreed to share, field by field:")
        )
        for name, box in self.consent.items():
            box.setText(self.consent_title(name)[0].upper() + self.consent_title(name)[1:])
        self.always_label.setText(
            self.tr(
                "Always in the file: each offer's and need's class, unit and hazardous mark, a "
                "quantity band, the park and province, an anonymous id. Never: the name, "
                "address, tax code, contacts, process steps or stream names; streams marked "
                "confidential are left out."
            )
        )
        self.export_button.setText(self.tr("Export exchange file…"))
        self.export_button.setToolTip(
            self.tr("Shows the file's full content before anything is written.")
        )
        self.refresh(ChangeSet(reset=True))


class ExchangePreviewDialog(QDialog):
    """The exchange file's full content in plain words; *Write the file* or *Cancel*."""

    def __init__(self, words: str, target: Path, twin: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("The exchange file, before it is written"))
        self.where = QLabel(
            self.tr("Files to write: %1 and its CSV twin %2")
            .replace("%1", str(target))
            .replace("%2", twin.name)
        )
        self.where.setWordWrap(True)
        self.text = QPlainTextEdit(words)
        self.text.setObjectName("exchangePreviewText")
        self.text.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.write_button = self.buttons.addButton(
            self.tr("Write the file"), QDialogButtonBox.AcceptRole
        )
        self.write_button.setObjectName("writeExchange")
        self.cancel_button = self.buttons.button(QDialogButtonBox.Cancel)
        self.cancel_button.setDefault(True)  # Enter does not write by accident
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 600)


def screenshot_steps() -> list:
    """Extra shot for tools/screenshots.py: the exchange file's preview, before it is written
    (the dialog is closed by the tool: nothing is written)."""

    def preview(window):
        screen = window.workspace.show_phase("symbiosis")
        dialog = screen.preview_export(screen.default_target())
        return ("symbiosis_preview", dialog) if dialog is not None else "symbiosis_preview"

    return [preview]
