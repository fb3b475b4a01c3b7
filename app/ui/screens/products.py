"""Phase 1b: products with their output per baseline month, and the ordered process steps.

Products and their monthly output share one grid (a row per product: name, unit, then one
column per baseline month) so the auditor types a year of output in one place. Process steps are
a list ordered by drag and drop; the selected step's inputs, outputs and losses are edited below.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core import model
from app.ui.context import AuditContext, Change, ChangeSet
from app.ui.forms import GuardedTable
from app.ui.grid_keys import GridKeys
from app.ui.screens.base import PhaseScreen

PRODUCT_COLUMNS = (
    ("name_vi", QT_TRANSLATE_NOOP("ProductsScreen", "Product (Vietnamese)")),
    ("name_en", QT_TRANSLATE_NOOP("ProductsScreen", "Product (English)")),
    ("unit", QT_TRANSLATE_NOOP("ProductsScreen", "Unit")),
)
FLOW_COLUMNS = (
    ("direction", QT_TRANSLATE_NOOP("ProductsScreen", "Kind")),
    ("name", QT_TRANSLATE_NOOP("ProductsScreen", "Input / output")),
    ("name_en", QT_TRANSLATE_NOOP("ProductsScreen", "English name (reports)")),
    ("quantity", QT_TRANSLATE_NOOP("ProductsScreen", "Quantity per year")),
    ("unit", QT_TRANSLATE_NOOP("ProductsScreen", "Unit")),
    ("note", QT_TRANSLATE_NOOP("ProductsScreen", "Note")),
)
DIRECTIONS = (
    (model.FlowDirection.INPUT, QT_TRANSLATE_NOOP("ProductsScreen", "Input")),
    (model.FlowDirection.OUTPUT, QT_TRANSLATE_NOOP("ProductsScreen", "Output")),
    (model.FlowDirection.LOSS, QT_TRANSLATE_NOOP("ProductsScreen", "Loss")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProductsScreen", text)


class StepList(QListWidget):
    """Process steps, reordered by drag and drop; emits the new order after a drop."""

    def __init__(self, on_reordered, parent: QWidget | None = None):
        super().__init__(parent)
        self.on_reordered = on_reordered
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.model().rowsMoved.connect(lambda *_: QTimer.singleShot(0, self._emit_order))

    def ids(self) -> list[str]:
        return [self.item(i).data(Qt.UserRole) for i in range(self.count())]

    def _emit_order(self) -> None:
        self.on_reordered(self.ids())


class ProductsScreen(PhaseScreen):
    key = "products"

    def __init__(self, context: AuditContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.periods: list[str] = []
        # Products and output grid
        self.box_products = QGroupBox()
        self.grid = GuardedTable()
        self.grid.setObjectName("productGrid")
        self.grid.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.grid.verticalHeader().setVisible(False)
        self.grid.itemChanged.connect(self._grid_item_changed)
        self.grid_keys = GridKeys(
            self.grid,
            enter="right",
            paste=self.paste_text,
            clear=self.clear_cells,
            fill_down=self.fill_down,
        )
        self.grid_hint = QLabel()
        self.grid_hint.setObjectName("productKeysHint")
        self.btn_add_product = QPushButton()
        self.btn_remove_product = QPushButton()
        self.btn_add_product.clicked.connect(self.add_product)
        self.btn_remove_product.clicked.connect(self.remove_selected_product)
        self.baseline_hint = QLabel()
        pbuttons = QHBoxLayout()
        pbuttons.addWidget(self.btn_add_product)
        pbuttons.addWidget(self.btn_remove_product)
        pbuttons.addWidget(self.baseline_hint, 1)
        pl = QVBoxLayout(self.box_products)
        pl.addWidget(self.grid)
        pl.addWidget(self.grid_hint)
        pl.addLayout(pbuttons)
        # Steps
        self.box_steps = QGroupBox()
        self.steps = StepList(self.reorder_steps)
        self.steps.setObjectName("stepList")
        self.steps.setEditTriggers(
            QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
        )
        self.steps.itemChanged.connect(self._step_renamed)
        self.steps.currentRowChanged.connect(lambda _r: self._fill_flows())
        self.btn_add_step = QPushButton()
        self.btn_remove_step = QPushButton()
        self.btn_up = QPushButton()
        self.btn_down = QPushButton()
        self.btn_add_step.clicked.connect(self.add_step)
        self.btn_remove_step.clicked.connect(self.remove_selected_step)
        self.btn_up.clicked.connect(lambda: self.move_selected_step(-1))
        self.btn_down.clicked.connect(lambda: self.move_selected_step(1))
        self.steps_hint = QLabel()
        self.steps_hint.setWordWrap(True)
        sbuttons = QHBoxLayout()
        for b in (self.btn_add_step, self.btn_remove_step, self.btn_up, self.btn_down):
            sbuttons.addWidget(b)
        sbuttons.addStretch(1)
        sl = QVBoxLayout(self.box_steps)
        sl.addWidget(self.steps_hint)
        sl.addWidget(self.steps, 1)
        sl.addLayout(sbuttons)
        # Flows of the selected step
        self.box_flows = QGroupBox()
        self.flows = GuardedTable(0, len(FLOW_COLUMNS))
        self.flows.setObjectName("flowTable")
        self.flows.verticalHeader().setVisible(False)
        self.flows.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.flows.horizontalHeader().setStretchLastSection(True)
        self.flows.itemChanged.connect(self._flow_item_changed)
        self.flow_keys = GridKeys(self.flows, enter="right")
        self.btn_add_flow = QPushButton()
        self.btn_remove_flow = QPushButton()
        self.btn_add_flow.clicked.connect(lambda: self.add_flow())
        self.btn_remove_flow.clicked.connect(self.remove_selected_flow)
        self.balance = QLabel()
        self.balance.setObjectName("stepBalance")
        self.balance.setWordWrap(True)
        fbuttons = QHBoxLayout()
        fbuttons.addWidget(self.btn_add_flow)
        fbuttons.addWidget(self.btn_remove_flow)
        fbuttons.addWidget(self.balance, 1)
        fl = QVBoxLayout(self.box_flows)
        fl.addWidget(self.flows, 1)
        fl.addLayout(fbuttons)
        lower = QSplitter(Qt.Horizontal)
        lower.addWidget(self.box_steps)
        lower.addWidget(self.box_flows)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 3)
        lower.setSizes([280, 840])  # step names are short; the flows table has six columns
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.box_products)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.read_only = False
        # Seam for tests: how a modal dialog (the paste question) is run.
        self.run_dialog = lambda dialog: dialog.exec()
        self.retranslate()

    # ------------------------------------------------------------------------ PhaseScreen
    def title(self) -> str:
        return QCoreApplication.translate("Phase", "Products & process steps")

    @classmethod
    def completeness_of(cls, audit: model.Audit) -> float | None:
        periods = audit.baseline_periods()
        parts = []
        if audit.products and periods:
            have = {(r.product_id, r.period) for r in audit.production}
            cells = [(p.id, m) for p in audit.products for m in periods]
            parts.append(sum(1 for c in cells if c in have) / len(cells))
        else:
            parts.append(0.0)
        parts.append(1.0 if audit.steps else 0.0)
        stepped = {f.step_id for f in audit.flows}
        parts.append(
            sum(1 for s in audit.steps if s.id in stepped) / len(audit.steps)
            if audit.steps
            else 0.0
        )
        return sum(parts) / len(parts)

    def retranslate(self) -> None:
        self.box_products.setTitle(self.tr("Products and output per month"))
        self.box_steps.setTitle(self.tr("Process steps"))
        self.steps_hint.setText(self.tr("Drag a step to change the order; double-click to rename."))
        self.btn_add_product.setText(self.tr("Add product"))
        self.grid_hint.setText(self.grid_keys.hint())
        self.btn_remove_product.setText(self.tr("Remove product"))
        self.btn_add_step.setText(self.tr("Add step"))
        self.btn_remove_step.setText(self.tr("Remove step"))
        self.btn_up.setText(self.tr("Move up"))
        self.btn_down.setText(self.tr("Move down"))
        self.btn_add_flow.setText(self.tr("Add input/output"))
        self.btn_remove_flow.setText(self.tr("Remove"))
        self.flows.setHorizontalHeaderLabels([_tr(lbl) for _a, lbl in FLOW_COLUMNS])
        self.refresh(ChangeSet(reset=True))

    def refresh(self, changes: ChangeSet) -> None:
        if changes.info or changes.touches(model.Product, model.ProductionRecord):
            self._fill_grid()
        if changes.touches(model.ProcessStep):
            self._fill_steps()
        elif changes.touches(model.StepFlow):
            self._fill_flows()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        none = QAbstractItemView.NoEditTriggers
        self.grid.setEditTriggers(none if read_only else QAbstractItemView.AllEditTriggers)
        self.flows.setEditTriggers(none if read_only else QAbstractItemView.AllEditTriggers)
        self.steps.setEditTriggers(
            none
            if read_only
            else QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
        )
        self.steps.setDragDropMode(
            QAbstractItemView.NoDragDrop if read_only else QAbstractItemView.InternalMove
        )
        for b in (
            self.btn_add_product,
            self.btn_remove_product,
            self.btn_add_step,
            self.btn_remove_step,
            self.btn_up,
            self.btn_down,
            self.btn_add_flow,
            self.btn_remove_flow,
        ):
            b.setEnabled(not read_only)
        self._fill_flows()

    # ------------------------------------------------------------------------ products grid
    def _products(self) -> list[model.Product]:
        return sorted(self.context.audit.products, key=lambda p: p.position)

    def _fill_grid(self) -> None:
        audit = self.context.audit
        self.periods = audit.baseline_periods()
        fixed = len(PRODUCT_COLUMNS)
        output = {(r.product_id, r.period): r for r in audit.production}
        products = self._products()
        with self.grid.filling_rows():
            self.grid.clear()
            self.grid.setColumnCount(fixed + len(self.periods))
            self.grid.setRowCount(len(products))
            self.grid.setHorizontalHeaderLabels(
                [_tr(lbl) for _a, lbl in PRODUCT_COLUMNS]
                + [self.context.format_period(p) for p in self.periods]
            )
            for row, product in enumerate(products):
                for col, (attr, _l) in enumerate(PRODUCT_COLUMNS):
                    self.grid.set_text(row, col, getattr(product, attr), data=product.id)
                for j, period in enumerate(self.periods):
                    rec = output.get((product.id, period))
                    text = self.context.format_number(rec.quantity) if rec else ""
                    self.grid.set_text(row, fixed + j, text, data=product.id)
                    self.grid.item(row, fixed + j).setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.grid.resizeColumnsToContents()
        if self.periods:
            self.baseline_hint.setText(
                self.tr("Baseline: {first} – {last}").format(
                    first=self.context.format_period(self.periods[0]),
                    last=self.context.format_period(self.periods[-1]),
                )
            )
        else:
            self.baseline_hint.setText(
                self.tr("Set the baseline's first month on the Enterprise & team screen.")
            )

    def _grid_item_changed(self, item) -> None:
        if self.grid.filling:
            return
        product = next(
            (p for p in self.context.audit.products if p.id == item.data(Qt.UserRole)), None
        )
        if product is None:
            return
        col = item.column()
        if col < len(PRODUCT_COLUMNS):
            attr = PRODUCT_COLUMNS[col][0]
            value = model.clean_text(item.text())
            if (attr != "name_en" and not value) or getattr(product, attr) == value:
                self._fill_grid()
                return
            new = copy.deepcopy(product)
            setattr(new, attr, value)
            if not self.context.edit(self.tr("Edit product"), put=[new]):
                self._fill_grid()
            return
        period = self.periods[col - len(PRODUCT_COLUMNS)]
        self.set_output(product.id, period, item.text())

    def set_output(self, product_id: str, period: str, text: str) -> bool:
        """Typed output of one product in one month: empty deletes, bad text is refused."""
        existing = next(
            (
                r
                for r in self.context.audit.production
                if r.product_id == product_id and r.period == period
            ),
            None,
        )
        label = self.tr("Edit output {period}").format(period=self.context.format_period(period))
        if not text.strip():
            ok = existing is None or self.context.edit(label, delete=[existing])
        else:
            value = self.context.parse_number(text)
            if value is None or value < 0:
                self._fill_grid()
                self.context.failed.emit(
                    self.tr("“{text}” is not a quantity: type a number ≥ 0.").format(text=text)
                )
                return False
            if existing is not None and existing.quantity == value:
                self._fill_grid()
                return True
            rec = (
                copy.deepcopy(existing)
                if existing
                else model.ProductionRecord(product_id, period, value)
            )
            rec.quantity = value
            ok = self.context.edit(label, put=[rec])
        if not ok:
            self._fill_grid()
        return ok

    def paste_text(self, text: str, top: int = 0, left: int = 0) -> bool:
        """Paste a block copied from Excel at (top, left): one undo step, ambiguous figures
        asked about first (``app.ui.products_paste``)."""
        from app.ui.products_paste import paste_into_products

        return paste_into_products(self, text, top, left)

    def clear_cells(self, cells) -> bool:
        """Delete on the selected cells: one undo step (``app.ui.products_keys``)."""
        if self.read_only:  # nothing to do, nothing to say (as typing into a locked cell)
            return False
        from app.ui import products_keys

        return products_keys.clear_cells(self, cells)

    def fill_down(self, cells) -> bool:
        """Ctrl+D on the selected cells: one undo step (``app.ui.products_keys``)."""
        if self.read_only:  # nothing to do, nothing to say (as typing into a locked cell)
            return False
        from app.ui import products_keys

        return products_keys.fill_down(self, cells)

    def add_product(self) -> model.Product | None:
        position = max((p.position for p in self.context.audit.products), default=-1) + 1
        product = model.Product(name_vi=self.tr("New product"), unit="t", position=position)
        if not self.context.edit(self.tr("Add product"), put=[product]):
            return None
        row = [p.id for p in self._products()].index(product.id)
        self.grid.setCurrentCell(row, 0)
        self.grid.editItem(self.grid.item(row, 0))
        return product

    def remove_selected_product(self) -> None:
        row = self.grid.currentRow()
        if row < 0:
            return
        product_id = self.grid.row_data(row)
        product = next((p for p in self.context.audit.products if p.id == product_id), None)
        if product is not None:
            self.context.edit(self.tr("Remove product"), delete=[product])

    # ------------------------------------------------------------------------ steps
    def _ordered_steps(self) -> list[model.ProcessStep]:
        return sorted(self.context.audit.steps, key=lambda s: s.position)

    def _step_label(self, step: model.ProcessStep) -> str:
        name = step.name_vi if self.context.lang == "vi" or not step.name_en else step.name_en
        return name

    def _fill_steps(self) -> None:
        current = self.current_step_id()
        self.steps.blockSignals(True)
        self.steps.clear()
        for step in self._ordered_steps():
            item = QListWidgetItem(self._step_label(step))
            item.setData(Qt.UserRole, step.id)
            item.setFlags(item.flags() | Qt.ItemIsEditable | Qt.ItemIsDragEnabled)
            self.steps.addItem(item)
        self.steps.blockSignals(False)
        ids = self.steps.ids()
        if ids:
            self.steps.setCurrentRow(ids.index(current) if current in ids else 0)
        self._fill_flows()

    def current_step_id(self) -> str | None:
        item = self.steps.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    def _step(self, step_id: str | None) -> model.ProcessStep | None:
        return next((s for s in self.context.audit.steps if s.id == step_id), None)

    def _step_renamed(self, item: QListWidgetItem) -> None:
        step = self._step(item.data(Qt.UserRole))
        name = model.clean_text(item.text())
        if step is None or not name or name == self._step_label(step):
            QTimer.singleShot(0, self._fill_steps)
            return
        new = copy.deepcopy(step)
        if self.context.lang == "en" and step.name_en:
            new.name_en = name
        else:
            new.name_vi = name
        if not self.context.edit(self.tr("Rename process step"), put=[new]):
            QTimer.singleShot(0, self._fill_steps)

    def reorder_steps(self, ids: list[str]) -> bool:
        """Give every step the position of ``ids``; one undoable step."""
        changed = []
        for pos, step_id in enumerate(ids):
            step = self._step(step_id)
            if step is not None and step.position != pos:
                new = copy.deepcopy(step)
                new.position = pos
                changed.append(new)
        if not changed:
            return True
        ok = self.context.edit(self.tr("Reorder process steps"), put=changed)
        if not ok:
            self._fill_steps()
        return ok

    def move_selected_step(self, delta: int) -> None:
        ids = [s.id for s in self._ordered_steps()]
        current = self.current_step_id()
        if current not in ids:
            return
        i = ids.index(current)
        j = i + delta
        if not 0 <= j < len(ids):
            return
        ids[i], ids[j] = ids[j], ids[i]
        self.reorder_steps(ids)

    def add_step(self) -> model.ProcessStep | None:
        position = len(self.context.audit.steps)
        step = model.ProcessStep(name_vi=self.tr("New process step"), position=position)
        if not self.context.edit(self.tr("Add process step"), put=[step]):
            return None
        row = self.steps.ids().index(step.id)
        self.steps.setCurrentRow(row)
        # The name is typed next: into the new row, not into the button (which would add more).
        self.steps.setFocus()
        self.steps.editItem(self.steps.item(row))
        return step

    def remove_selected_step(self) -> None:
        step = self._step(self.current_step_id())
        if step is None:
            return
        # Close the gap in positions in the same undo step.
        rest = [s for s in self._ordered_steps() if s.id != step.id]
        moved = []
        for pos, s in enumerate(rest):
            if s.position != pos:
                new = copy.deepcopy(s)
                new.position = pos
                moved.append(new)
        self.context.edit_many(
            self.tr("Remove process step"), [Change(delete=[step]), Change(put=moved)]
        )

    # ------------------------------------------------------------------------ flows
    def _flows_of(self, step_id: str | None) -> list[model.StepFlow]:
        order = {d: i for i, (d, _l) in enumerate(DIRECTIONS)}
        return sorted(
            (f for f in self.context.audit.flows if f.step_id == step_id),
            key=lambda f: (order[f.direction], f.position),
        )

    def _fill_flows(self) -> None:
        step_id = self.current_step_id()
        step = self._step(step_id)
        self.box_flows.setTitle(
            self.tr("Inputs, outputs and losses: {step}").format(step=self._step_label(step))
            if step
            else self.tr("Inputs, outputs and losses")
        )
        flows = self._flows_of(step_id)
        with self.flows.filling_rows():
            self.flows.setRowCount(len(flows))
            for row, flow in enumerate(flows):
                combo = QComboBox()
                for direction, label in DIRECTIONS:
                    combo.addItem(_tr(label), direction.value)
                combo.setCurrentIndex(combo.findData(flow.direction.value))
                combo.setEnabled(not self.read_only)
                combo.currentIndexChanged.connect(
                    lambda _i, c=combo, fid=flow.id: self._set_flow_field(
                        fid, "direction", c.currentData()
                    )
                )
                self.flows.set_text(row, 0, "", data=flow.id, editable=False)
                self.flows.setCellWidget(row, 0, combo)
                self.flows.set_text(row, 1, flow.name, data=flow.id)
                self.flows.set_text(row, 2, flow.name_en, data=flow.id)
                self.flows.set_text(row, 3, self.context.format_number(flow.quantity), data=flow.id)
                self.flows.item(row, 3).setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.flows.set_text(row, 4, flow.unit, data=flow.id)
                self.flows.set_text(row, 5, flow.note, data=flow.id)
                for col in (1, 2):  # names may be cut below: whole in the tooltip
                    self.flows.item(row, col).setToolTip(self.flows.item(row, col).text())
            self.flows.resizeColumnsToContents()
            for col in (1, 2):  # two long names side by side would push the figures off-screen
                self.flows.setColumnWidth(col, min(self.flows.columnWidth(col), 210))
        self.btn_add_flow.setEnabled(step is not None and not self.read_only)
        self._show_balance(step_id)

    def _show_balance(self, step_id: str | None) -> None:
        """The step's balance, one part per unit family (mass, volume, energy), from the one
        core computation the Balances screen and the reports use (never units mixed)."""
        from app.core.indicators import balances_of_step, step_balances

        every = step_balances(self.context.audit) if step_id else []
        parts = [self.balance_text(b) for b in balances_of_step(every, step_id or "")]
        self.balance.setText(
            self.tr("Unaccounted: {parts}").format(parts="; ".join(parts)) if parts else ""
        )

    def balance_text(self, b) -> str:
        """One unit family's balance: "mass 8 t (7.6 %)", or that it has no inputs."""
        fmt = self.context.format_number
        family = {
            "mass": self.tr("mass"),
            "volume": self.tr("volume"),
            "energy": self.tr("energy"),
        }.get(b.dimension, b.dimension)
        if b.share is None:
            return self.tr("{family}: no inputs of this kind ({unit})").format(
                family=family, unit=b.unit
            )
        flag = " ⚠" if b.flagged else ""
        return (
            self.tr("{family} {value} {unit} ({share} %)").format(
                family=family, value=fmt(b.unaccounted, 1), unit=b.unit, share=fmt(b.share * 100, 1)
            )
            + flag
        )

    def _flow(self, flow_id: str) -> model.StepFlow | None:
        return next((f for f in self.context.audit.flows if f.id == flow_id), None)

    def _set_flow_field(self, flow_id: str, attr: str, value) -> bool:
        flow = self._flow(flow_id)
        if flow is None:
            return False
        if attr == "direction":
            value = model.FlowDirection(value)
        if getattr(flow, attr) == value:
            return True
        new = copy.deepcopy(flow)
        setattr(new, attr, value)
        ok = self.context.edit(self.tr("Edit input/output"), put=[new])
        if not ok:
            QTimer.singleShot(0, self._fill_flows)
        return ok

    def _flow_item_changed(self, item) -> None:
        if self.flows.filling:
            return
        attr = FLOW_COLUMNS[item.column()][0]
        text = item.text()
        if attr == "quantity":
            value = self.context.parse_number(text) if text.strip() else None
            if text.strip() and (value is None or value < 0):
                self.context.failed.emit(
                    self.tr("“{text}” is not a quantity: type a number ≥ 0.").format(text=text)
                )
                QTimer.singleShot(0, self._fill_flows)
                return
        else:
            value = model.clean_text(text)
            if attr == "name" and not value:
                QTimer.singleShot(0, self._fill_flows)
                return
        self._set_flow_field(item.data(Qt.UserRole), attr, value)

    def add_flow(
        self, direction: model.FlowDirection = model.FlowDirection.INPUT
    ) -> model.StepFlow | None:
        step_id = self.current_step_id()
        if step_id is None:
            return None
        position = max((f.position for f in self._flows_of(step_id)), default=-1) + 1
        flow = model.StepFlow(step_id, direction, self.tr("New input/output"), position=position)
        if not self.context.edit(self.tr("Add input/output"), put=[flow]):
            return None
        row = [f.id for f in self._flows_of(step_id)].index(flow.id)
        self.flows.setCurrentCell(row, 1)
        self.flows.editItem(self.flows.item(row, 1))
        return flow

    def remove_selected_flow(self) -> None:
        row = self.flows.currentRow()
        flow = self._flow(self.flows.row_data(row, 1)) if row >= 0 else None
        if flow is not None:
            self.context.edit(self.tr("Remove input/output"), delete=[flow])
