"""Qt item models of the Baselines screen: the streams table and the records grid.

The grid is a ``QAbstractTableModel`` over a dict (stream, period) -> record, rebuilt when the
audit changes: 120 months x 50 streams is 6,000 cells and ``data`` must be cheap on every
repaint (``benchmarks/bench_grid.py``). Edits never touch the audit directly: they are turned
into puts/deletes and go through ``context.edit`` (one undo step per edit or paste).
"""

from __future__ import annotations

import copy
import textwrap
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPixmap,
    QPolygonF,
    QStandardItem,
    QStandardItemModel,
)

from app.core import model
from app.core.messages import render
from app.core.parsing import NumberBlock, parse_number, parse_period, read_number_block
from app.core.quality import OUTLIER_KEYS, Flag, QualityReport, check_audit

FLAG_COLOURS = {
    Flag.DUPLICATE: QColor("#F6C28B"),
    Flag.OUTLIER: QColor("#F4B6B6"),
    Flag.GAP: QColor("#FFF3B0"),
}
GROUP_ORDER = tuple(model.StreamGroup)
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_BRUSHES = {flag: QBrush(colour) for flag, colour in FLAG_COLOURS.items()}
NOTE_COLOUR = QColor("#C0392B")
_marker: list[QPixmap] = []
_READ_ONLY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE_FLAGS = _READ_ONLY_FLAGS | Qt.ItemFlag.ItemIsEditable


def _tr(text: str) -> str:
    return QCoreApplication.translate("Baselines", text)


def note_marker() -> QPixmap:
    """The small red corner triangle marking a month with a note (as Excel marks a comment)."""
    if not _marker:
        pix = QPixmap(9, 9)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(NOTE_COLOUR)
        painter.drawPolygon(QPolygonF([QPointF(0, 0), QPointF(9, 0), QPointF(0, 9)]))
        painter.end()
        _marker.append(pix)
    return _marker[0]


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
        Flag.OUTLIER: QCoreApplication.translate(
            "Baselines", "Far from the other months or the same month last year"
        ),
        Flag.DUPLICATE: QCoreApplication.translate("Baselines", "Several figures for this month"),
    }[flag]


def quality_text(problem, lang: str) -> str:
    """A quality problem as the screen lists it: the message, without the location prefix
    (the stream's name is in the message)."""
    text = render(problem, lang)
    return text.split(": ", 1)[-1] if problem.location.entity else text


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


@dataclass(frozen=True)
class _PasteCell:
    row: int  # 1-based within the pasted block, as in PasteError
    column: int
    period: str
    stream: int  # column of the grid
    text: str


class RecordsModel(QStandardItemModel):
    """Rows: months. Columns: streams (of one group or all). Cells: quantity or invoice cost.

    A ``QStandardItemModel``, so the roles painted on every frame are answered in C++: with a
    Python ``data()`` each visible cell cost ~7 calls into Python per repaint and the grid
    missed the 16 ms frame budget (``benchmarks/bench_grid.py``). The items are rebuilt from
    ``context.audit`` in ``reload`` (only cells whose look changed, when the set of rows and
    columns is the same); typed edits are intercepted in ``setData`` and become undoable
    ``context.edit`` calls, never item writes.
    """

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.group: model.StreamGroup | None = None
        self.show_cost = False
        self.streams: list[model.ResourceStream] = []
        self.periods: list[str] = []
        self.cells: dict[tuple[str, str], list[model.PeriodRecord]] = {}
        self.quality = QualityReport()
        self.entered: list[tuple[str, str]] = []  # (stream id, period) of the last typed edit
        self.headers: list[str] = []
        self._signature: tuple = ()
        self._looks: list[tuple] = []  # per cell (row * columns + column): what it shows
        self._texts: dict = {}  # value -> formatted text in the current language
        self._texts_lang = ""

    def reload(self) -> None:
        audit = self.context.audit
        self.streams = ordered_streams(audit, self.group)
        self.periods = grid_periods(audit)
        self.cells = {}
        for rec in audit.records:
            self.cells.setdefault((rec.stream_id, rec.period), []).append(rec)
        self.quality = check_audit(audit)
        self.headers = [self._header(s) for s in self.streams]
        if self._texts_lang != self.context.lang or len(self._texts) > 100_000:
            self._texts, self._texts_lang = {}, self.context.lang
        looks = [self._look(s.id, p) for p in self.periods for s in self.streams]
        signature = (
            tuple(s.id for s in self.streams),
            tuple(self.periods),
            tuple(self.headers),
            self.context.lang,
            self.context.read_only,
        )
        if signature == self._signature:
            # Same rows and columns: touch only the cells that look different (one typed figure
            # changes a few cells), so the view keeps its scroll position and selection.
            columns = len(self.streams)
            for i, (old, new) in enumerate(zip(self._looks, looks, strict=True)):
                if old != new:
                    self._dress(self.item(i // columns, i % columns), new)
        else:
            self._rebuild(looks)
        self._signature = signature
        self._looks = looks

    def _look(self, stream_id: str, period: str) -> tuple:
        """(text, flag colour or None, tooltip, has note) of one cell."""
        key = (stream_id, period)
        recs = self.cells.get(key)
        text = ""
        note = ""
        if recs:
            value = recs[0].cost_vnd if self.show_cost else recs[0].quantity
            text = self._texts.get(value)
            if text is None:  # QLocale formatting is the slow part of a reload: memoised
                text = self._texts[value] = self.context.format_number(value)
            note = "\n".join(r.note for r in recs if r.note)
        flags = self.quality.flags.get(key)
        colour = next(f for f in FLAG_COLOURS if f in flags) if flags else None
        tips = [flag_title(f) for f in sorted(flags)] if flags else []
        if flags and Flag.OUTLIER in flags:  # say what it was compared with
            tips += [quality_text(p, self.context.lang) for p in self.outliers_at(key)]
        if note:
            tips.append(QCoreApplication.translate("Baselines", "Note: {note}").format(note=note))
        return text, colour, "\n".join(tips), bool(note)

    def outliers_at(self, key: tuple[str, str]) -> list:
        """The outlier problems of one (stream id, period) cell."""
        return [p for p in self.quality.problems_of(*key) if p.key in OUTLIER_KEYS]

    def entered_outliers(self) -> list:
        """The outlier problems of the cells the last typed edit or paste wrote."""
        return [p for key in self.entered for p in self.outliers_at(key)]

    def _dress(self, item: QStandardItem, look: tuple) -> None:
        text, colour, tooltip, noted = look
        item.setText(text)
        item.setData(_BRUSHES[colour] if colour is not None else None, _BACKGROUND)
        item.setData(tooltip or None, _TOOLTIP)
        item.setData(note_marker() if noted else None, _DECORATION)

    def _rebuild(self, looks: list[tuple]) -> None:
        columns = len(self.streams)
        flags = _READ_ONLY_FLAGS if self.context.read_only else _EDITABLE_FLAGS
        # Signals blocked while filling (no 6,000 itemChanged/rowsInserted for the views to
        # process), then one empty reset tells the views to read everything again.
        self.blockSignals(True)
        try:
            self.clear()
            self.setColumnCount(columns)
            for r in range(len(self.periods)):
                row = []
                for c in range(columns):
                    item = QStandardItem()
                    item.setFlags(flags)
                    item.setData(_RIGHT, _ALIGN)
                    self._dress(item, looks[r * columns + c])
                    row.append(item)
                self.appendRow(row)
            self.setHorizontalHeaderLabels(self.headers)
            for c, stream in enumerate(self.streams):  # long names are cut in the header
                self.horizontalHeaderItem(c).setToolTip(self._header(stream, wrap=False))
            self.setVerticalHeaderLabels([self.context.format_period(p) for p in self.periods])
        finally:
            self.blockSignals(False)
        self.beginResetModel()
        self.endResetModel()

    def _header(self, s, wrap: bool = True) -> str:
        name = s.name_en if self.context.lang == "en" and s.name_en else s.name_vi
        unit = "VND" if self.show_cost else s.unit
        return f"{wrap_header(name)}\n({unit})" if wrap else f"{name} ({unit})"

    def record_at(self, row: int, column: int) -> model.PeriodRecord | None:
        """The (first) record shown in a cell, or None for an empty cell."""
        if not (0 <= row < len(self.periods) and 0 <= column < len(self.streams)):
            return None
        recs = self.cells.get((self.streams[column].id, self.periods[row]))
        return recs[0] if recs else None

    def set_note(self, row: int, column: int, text: str) -> bool:
        """Save the note of a cell's record ("meter replaced", "estimated from invoice")."""
        rec = self.record_at(row, column)
        note = model.clean_text(text)
        if rec is None or rec.note == note:
            return False
        new = copy.deepcopy(rec)
        new.note = note
        label = QCoreApplication.translate("Baselines", "Note on {stream}, {period}").format(
            stream=self.streams[column].name_vi,
            period=self.context.format_period(self.periods[row]),
        )
        return self.context.edit(label, put=[new])

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
        return self._edit_cells([(stream.id, period)], label, puts, deletes)

    def _edit_cells(self, cells: list[tuple[str, str]], label: str, puts, deletes) -> bool:
        """``context.edit`` remembering which cells were entered (the screen warns when one
        of them is an outlier, right after the refresh the edit causes)."""
        self.entered = cells
        done = self.context.edit(label, put=puts, delete=deletes)
        if not done:
            self.entered = []
        return done

    def _paste_cells(
        self, text: str, top: int, left: int
    ) -> tuple[list[_PasteCell], PasteError | None]:
        """The cells of a block copied from Excel (tab-separated) that land in the grid, and
        the error of a month line that is not a row of the grid (the cells stop there).

        When every row starts with a month (01/2024, Tháng 1/2024, 15/01/2024…) that column
        says which row each line goes to; otherwise lines fill rows down from ``top``.
        """
        from app.ui.grid_keys import split_block

        block = split_block(text)
        if not block:
            return [], None
        by_period = len(block[0]) > 1 and all(parse_period(r[0].strip()).ok for r in block)
        out: list[_PasteCell] = []
        for i, cells in enumerate(block):
            if by_period:
                period = parse_period(cells[0].strip()).value
                cells = cells[1:]
                if period not in self.periods:
                    return out, PasteError(i + 1, 1, block[i][0])
            else:
                if top + i >= len(self.periods):
                    break
                period = self.periods[top + i]
            for j, cell in enumerate(cells):
                if left + j >= len(self.streams):
                    break
                out.append(_PasteCell(i + 1, j + 1 + by_period, period, left + j, cell))
        return out, None

    def check_paste(self, text: str, top: int, left: int) -> PasteError | NumberBlock:
        """What pasting ``text`` at (top, left) would meet: the first bad cell, else the block
        of figures as read in one number convention (``NumberBlock.ambiguous``: ask first)."""
        cells, period_error = self._paste_cells(text, top, left)
        block = read_number_block([c.text for c in cells], self.context.lang)
        for c, parsed in zip(cells, block.values, strict=True):
            if not parsed.ok or (
                parsed.value is not None and parsed.value < 0 and not self.show_cost
            ):
                return PasteError(c.row, c.column, c.text)
        return period_error or block

    def paste(self, text: str, top: int, left: int, locale: str | None = None) -> PasteError | None:
        """Paste a block copied from Excel (tab-separated) at (top, left), as ONE undo step.

        The figures are read as one block (``read_number_block``); ``locale`` is the number
        convention the user chose for an ambiguous block ("22,100": 22.1 or 22100), None the
        block's own. Any bad cell refuses the whole paste (nothing is written) and is returned.
        """
        checked = self.check_paste(text, top, left)
        if isinstance(checked, PasteError):
            return checked
        cells = self._paste_cells(text, top, left)[0]
        values = checked.values
        if locale is not None and locale != checked.locale:
            values = checked.alternatives
        puts, deletes, entered = [], [], []
        for c, parsed in zip(cells, values, strict=True):
            if parsed.value is None and not c.text.strip():
                continue  # an empty cell in the block leaves the grid cell as it is
            p, d = self.change_for(self.streams[c.stream], c.period, parsed.value)
            puts += p
            deletes += d
            entered.append((self.streams[c.stream].id, c.period))
        if not puts and not deletes:
            return None
        label = QCoreApplication.translate("Baselines", "Paste {count} figures")
        self._edit_cells(entered, label.format(count=len(puts)), puts, deletes)
        return None


def wrap_header(name: str, width: int = 15, lines: int = 2) -> str:
    """A stream name on up to two header lines: Qt clips a multi-line header on both sides
    instead of eliding it, so a long name is broken at spaces (the full name is the tooltip)."""
    parts = textwrap.wrap(name, width, break_long_words=False) or [name]
    if len(parts) > lines:
        parts = parts[: lines - 1] + [" ".join(parts[lines - 1 :])[: width - 1] + "…"]
    return "\n".join(parts)
