"""Qt item models of the Baselines screen: the streams table and the records grid.

The grid is a ``QAbstractTableModel`` over a dict (stream, period) -> record, rebuilt when the
audit changes: 120 months x 50 streams is 6,000 cells and ``data`` must be cheap on every
repaint (``benchmarks/bench_grid.py``). Edits never touch the audit directly: they are turned
into puts/deletes and go through ``context.edit`` (one undo step per edit or paste).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.core import model
from app.core.parsing import parse_number, parse_period
from app.core.quality import Flag, QualityReport, check_audit

FLAG_COLOURS = {
    Flag.DUPLICATE: QColor("#F6C28B"),
    Flag.OUTLIER: QColor("#F4B6B6"),
    Flag.GAP: QColor("#FFF3B0"),
}
GROUP_ORDER = tuple(model.StreamGroup)
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_READ_ONLY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE_FLAGS = _READ_ONLY_FLAGS | Qt.ItemFlag.ItemIsEditable


def _tr(text: str) -> str:
    return QCoreApplication.translate("Baselines", text)


def group_title(group: model.StreamGroup) -> str:
    return {
        model.StreamGroup.ENERGY: QCoreApplication.translate("Baselines", "Energy"),
        model.StreamGroup.WATER: QCoreApplication.translate("Baselines", "Water"),
        model.StreamGroup.MATERIALS: QCoreApplication.translate("Baselines", "Materials"),
        model.StreamGroup.CHEMICALS: QCoreApplication.translate("Baselines", "Chemicals"),
        model.StreamGroup.WASTE: QCoreApplication.translate("Baselines", "Waste and wastewater"),
        model.StreamGroup.EMISSIONS: QCoreApplication.translate("Baselines", "Emissions"),
    }[group]


def source_title(source: model.DataSource) -> str:
    return {
        model.DataSource.MEASURED: QCoreApplication.translate("Baselines", "Meter / measured"),
        model.DataSource.INVOICE: QCoreApplication.translate("Baselines", "Invoice"),
        model.DataSource.ESTIMATED: QCoreApplication.translate("Baselines", "Estimate"),
    }[source]


def quality_title(quality: model.DataQuality) -> str:
    return {
        model.DataQuality.GOOD: QCoreApplication.translate("Baselines", "Good"),
        model.DataQuality.FAIR: QCoreApplication.translate("Baselines", "Fair"),
        model.DataQuality.POOR: QCoreApplication.translate("Baselines", "Poor"),
    }[quality]


def flag_title(flag: Flag) -> str:
    return {
        Flag.GAP: QCoreApplication.translate("Baselines", "Missing month"),
        Flag.OUTLIER: QCoreApplication.translate("Baselines", "More than 3 times the median"),
        Flag.DUPLICATE: QCoreApplication.translate("Baselines", "Several figures for this month"),
    }[flag]


def ordered_streams(audit: model.Audit, group: model.StreamGroup | None = None) -> list:
    """Streams sorted by kind group, then position; only ``group`` when given."""
    rank = {g: i for i, g in enumerate(GROUP_ORDER)}
    streams = [s for s in audit.streams if group is None or model.STREAM_GROUP[s.kind] == group]
    return sorted(streams, key=lambda s: (rank[model.STREAM_GROUP[s.kind]], s.position, s.name_vi))


def grid_periods(audit: model.Audit) -> list[str]:
    """Baseline months, plus any other month that has a record (so no figure is hidden)."""
    periods = list(audit.baseline_periods())
    extra = sorted({r.period for r in audit.records} - set(periods))
    return sorted(periods + extra) if extra else periods


# ---------------------------------------------------------------------------------------------
# Streams table


STREAM_COLUMNS = ("group", "name_vi", "name_en", "unit", "unit_price_vnd", "data_source", "quality")


class StreamsModel(QAbstractTableModel):
    """One row per stream, grouped by kind; unit, price, source and quality editable."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.streams: list[model.ResourceStream] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.streams = ordered_streams(self.context.audit)
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.streams)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(STREAM_COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (
                QCoreApplication.translate("Baselines", "Group"),
                QCoreApplication.translate("Baselines", "Name (Vietnamese)"),
                QCoreApplication.translate("Baselines", "Name (English)"),
                QCoreApplication.translate("Baselines", "Unit"),
                QCoreApplication.translate("Baselines", "Price (VND/unit)"),
                QCoreApplication.translate("Baselines", "Data source"),
                QCoreApplication.translate("Baselines", "Quality"),
            )[section]
        return None

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.column() > 0 and not self.context.read_only:
            base |= Qt.ItemIsEditable
        return base

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        s = self.streams[index.row()]
        col = STREAM_COLUMNS[index.column()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            if col == "group":
                return group_title(model.STREAM_GROUP[s.kind])
            if col == "unit_price_vnd":
                if role == Qt.EditRole:
                    return "" if s.unit_price_vnd is None else str(s.unit_price_vnd)
                return self.context.format_number(s.unit_price_vnd)
            if col == "data_source":
                return (
                    source_title(s.data_source) if role == Qt.DisplayRole else s.data_source.value
                )
            if col == "quality":
                return quality_title(s.quality) if role == Qt.DisplayRole else s.quality.value
            return getattr(s, col)
        if role == Qt.UserRole:
            return s.id
        if role == Qt.TextAlignmentRole and col == "unit_price_vnd":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def setData(self, index, value, role=Qt.EditRole) -> bool:  # noqa: N802
        if role != Qt.EditRole or not index.isValid():
            return False
        s = self.streams[index.row()]
        col = STREAM_COLUMNS[index.column()]
        new = copy.deepcopy(s)
        text = model.clean_text(str(value if value is not None else ""))
        if col == "unit_price_vnd":
            if not text:
                new.unit_price_vnd = None
            else:
                parsed = parse_number(text, self.context.lang)
                if not parsed.ok or parsed.value is None:
                    self.context.failed.emit(
                        QCoreApplication.translate("Baselines", "“{text}” is not a number.").format(
                            text=text
                        )
                    )
                    return False
                new.unit_price_vnd = round(parsed.value)
        elif col == "data_source":
            new.data_source = model.DataSource(text)
        elif col == "quality":
            new.quality = model.DataQuality(text)
        elif col == "unit":
            from app.core.units import normalise_unit, unit_fits_kind

            problem = unit_fits_kind(text, s.kind)
            if problem is not None:
                self.context.failed.emit(
                    QCoreApplication.translate(
                        "Baselines", "The unit “{unit}” does not fit this kind of stream."
                    ).format(unit=text)
                )
                return False
            new.unit = normalise_unit(text)
        else:
            if col == "name_vi" and not text:
                return False
            setattr(new, col, text)
        if new == s:
            return False
        return self.context.edit(
            QCoreApplication.translate("Baselines", "Edit stream {name}").format(name=s.name_vi),
            put=[new],
        )


# ---------------------------------------------------------------------------------------------
# Records grid


@dataclass(frozen=True)
class PasteError:
    row: int  # 1-based within the pasted block
    column: int
    text: str


class RecordsModel(QAbstractTableModel):
    """Rows: months. Columns: streams (of one group or all). Cells: quantity or invoice cost."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.group: model.StreamGroup | None = None
        self.show_cost = False
        self.streams: list[model.ResourceStream] = []
        self.periods: list[str] = []
        self.cells: dict[tuple[str, str], list[model.PeriodRecord]] = {}
        self.quality = QualityReport()
        self._period_labels: list[str] = []
        self.texts: dict[tuple[str, str], str] = {}
        self.brushes: dict[tuple[str, str], QBrush] = {}
        self.headers: list[str] = []

    def reload(self) -> None:
        self.beginResetModel()
        audit = self.context.audit
        self.streams = ordered_streams(audit, self.group)
        self.periods = grid_periods(audit)
        self._period_labels = [self.context.format_period(p) for p in self.periods]
        self.cells = {}
        for rec in audit.records:
            self.cells.setdefault((rec.stream_id, rec.period), []).append(rec)
        self.quality = check_audit(audit)
        # Formatted once here, not in data(): QLocale formatting on every repaint of 6,000
        # cells would cost far more than the 16 ms of a frame.
        fmt = self.context.format_number
        self.texts = {
            key: fmt(recs[0].cost_vnd if self.show_cost else recs[0].quantity)
            for key, recs in self.cells.items()
        }
        self.brushes = {
            key: QBrush(FLAG_COLOURS[next(f for f in FLAG_COLOURS if f in flags)])
            for key, flags in self.quality.flags.items()
            if flags
        }
        self.headers = [self._header(s) for s in self.streams]
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.periods)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.streams)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Vertical:
            return self._period_labels[section]
        return self.headers[section]

    def _header(self, s) -> str:
        name = s.name_en if self.context.lang == "en" and s.name_en else s.name_vi
        unit = "VND" if self.show_cost else s.unit
        return f"{name}\n({unit})"

    def flags(self, index):
        return _READ_ONLY_FLAGS if self.context.read_only else _EDITABLE_FLAGS

    def data(self, index, role=_DISPLAY):
        # Called for every visible cell on every repaint: module constants only (looking up
        # Qt.DisplayRole through PySide's enum shortcuts costs microseconds each), no formatting.
        if role == _DISPLAY or role == _EDIT:
            return self.texts.get((self.streams[index.column()].id, self.periods[index.row()]), "")
        if role == _BACKGROUND:
            return self.brushes.get((self.streams[index.column()].id, self.periods[index.row()]))
        if role == _ALIGN:
            return _RIGHT
        if role == _TOOLTIP:
            key = (self.streams[index.column()].id, self.periods[index.row()])
            flags = self.quality.flags.get(key)
            return "\n".join(flag_title(f) for f in sorted(flags)) if flags else None
        return None

    # -- edits -----------------------------------------------------------------------------
    def change_for(self, stream, period: str, value: float | None) -> tuple[list, list]:
        """(puts, deletes) setting one cell; duplicates of the month are merged away."""
        recs = self.cells.get((stream.id, period), [])
        if value is None:
            if self.show_cost and recs:
                new = copy.deepcopy(recs[0])
                new.cost_vnd = None
                return [new], recs[1:]
            return [], list(recs)
        if recs:
            new = copy.deepcopy(recs[0])
        else:
            if self.show_cost:
                return [], []  # a cost needs a quantity first
            new = model.PeriodRecord(stream.id, period, 0.0)
        if self.show_cost:
            new.cost_vnd = round(value)
        else:
            new.quantity = value
        return [new], recs[1:]

    def setData(self, index, value, role=Qt.EditRole) -> bool:  # noqa: N802
        if role != Qt.EditRole or not index.isValid():
            return False
        text = str(value or "").strip()
        parsed = parse_number(text, self.context.lang)
        if not parsed.ok or (parsed.value is not None and parsed.value < 0 and not self.show_cost):
            self.context.failed.emit(
                QCoreApplication.translate(
                    "Baselines", "“{text}” is not a quantity: type a number ≥ 0."
                ).format(text=text)
            )
            return False
        stream = self.streams[index.column()]
        period = self.periods[index.row()]
        puts, deletes = self.change_for(stream, period, parsed.value)
        if not puts and not deletes:
            return False
        current = self.cells.get((stream.id, period))
        if puts and current and puts[0] == current[0] and not deletes:
            return False
        label = QCoreApplication.translate("Baselines", "Edit {stream}, {period}").format(
            stream=stream.name_vi, period=self.context.format_period(period)
        )
        return self.context.edit(label, put=puts, delete=deletes)

    def paste(self, text: str, top: int, left: int) -> PasteError | None:
        """Paste a block copied from Excel (tab-separated) at (top, left), as ONE undo step.

        When every row starts with a month (01/2024, Tháng 1/2024, 15/01/2024…) that column
        says which row each line goes to; otherwise lines fill rows down from ``top``. Any bad
        cell refuses the whole paste (nothing is written) and is returned.
        """
        lines = [ln for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        while lines and not lines[-1].strip():
            lines.pop()
        block = [ln.split("\t") for ln in lines]
        if not block:
            return None
        by_period = len(block[0]) > 1 and all(parse_period(r[0].strip()).ok for r in block)
        puts, deletes = [], []
        for i, cells in enumerate(block):
            if by_period:
                period = parse_period(cells[0].strip()).value
                cells = cells[1:]
                if period not in self.periods:
                    return PasteError(i + 1, 1, block[i][0])
            else:
                if top + i >= len(self.periods):
                    break
                period = self.periods[top + i]
            for j, cell in enumerate(cells):
                if left + j >= len(self.streams):
                    break
                parsed = parse_number(cell, self.context.lang)
                if not parsed.ok or (
                    parsed.value is not None and parsed.value < 0 and not self.show_cost
                ):
                    return PasteError(i + 1, j + 1 + by_period, cell)
                if parsed.value is None and not cell.strip():
                    continue  # an empty cell in the block leaves the grid cell as it is
                p, d = self.change_for(self.streams[left + j], period, parsed.value)
                puts += p
                deletes += d
        if not puts and not deletes:
            return None
        self.context.edit(
            QCoreApplication.translate("Baselines", "Paste {count} figures").format(
                count=len(puts)
            ),
            put=puts,
            delete=deletes,
        )
        return None
