"""Qt item models of the options log: the table (one row per option) and its filter proxy.

Opening a log of 500 options must paint in under 100 ms, so nothing is computed per row up
front: the model is a flat list of options, and a row's display texts (and the option's
figures, through ``OptionsAnalysis.finance``) are built the first time that row is painted,
then cached until the option changes. Sorting computes one key per option for the sorted column
only (raw numbers, None last: "1.200.000" sorts after "950.000"); filtering reads the option
and a few label lookups, never the formatted figures.

``data()`` compares roles with plain ints: a comparison with a PySide6 enum member costs about
10 µs, and painting asks several roles of every visible cell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.core import options as opt
from app.core.folding import search_key
from app.core.messages import text
from app.core.model import Audit, CPCategory, Option, OptionStatus, Screening

SORT_ROLE = int(Qt.UserRole) + 1
OPTION_ROLE = int(Qt.UserRole) + 2  # the Option object of the row
NONE_LAST = float("inf")

_DISPLAY = int(Qt.DisplayRole.value)
_TOOLTIP = int(Qt.ToolTipRole.value)
_ALIGN = int(Qt.TextAlignmentRole.value)
_RIGHT = int((Qt.AlignRight | Qt.AlignVCenter).value)

# (key, header source text, right-aligned)
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("code", QT_TRANSLATE_NOOP("OptionsTable", "Code"), False),
    ("title", QT_TRANSLATE_NOOP("OptionsTable", "Option"), False),
    ("category", QT_TRANSLATE_NOOP("OptionsTable", "CP technique"), False),
    ("status", QT_TRANSLATE_NOOP("OptionsTable", "Status"), False),
    ("screening", QT_TRANSLATE_NOOP("OptionsTable", "Screening"), False),
    ("step", QT_TRANSLATE_NOOP("OptionsTable", "Process step"), False),
    ("streams", QT_TRANSLATE_NOOP("OptionsTable", "Streams"), False),
    ("investment", QT_TRANSLATE_NOOP("OptionsTable", "Investment (VND)"), True),
    ("saving", QT_TRANSLATE_NOOP("OptionsTable", "Net saving/yr (VND)"), True),
    ("payback", QT_TRANSLATE_NOOP("OptionsTable", "Payback (yr)"), True),
    ("npv", QT_TRANSLATE_NOOP("OptionsTable", "NPV (VND)"), True),
    ("irr", QT_TRANSLATE_NOOP("OptionsTable", "IRR"), True),
    ("co2e", QT_TRANSLATE_NOOP("OptionsTable", "tCO2e/yr"), True),
    ("score", QT_TRANSLATE_NOOP("OptionsTable", "Score"), True),
)
COLUMN = {key: i for i, (key, _, _) in enumerate(COLUMNS)}
_RIGHT_ALIGNED = tuple(right for _, _, right in COLUMNS)
_FIRST_FIGURE = COLUMN["investment"]  # columns from here on need the option's figures
_CATEGORY_ORDER = {c: i for i, c in enumerate(CPCategory)}
_STATUS_ORDER = {s: i for i, s in enumerate(OptionStatus)}


def option_title(option: Option, lang: str) -> str:
    """The title in ``lang`` when the auditor gave one, else the other language's."""
    if lang == "en" and option.title_en:
        return option.title_en
    return option.title_vi or option.title_en


class _Labels:
    """Names shown in the log, looked up once per language (catalogue, steps, streams)."""

    def __init__(self, audit: Audit, lang: str):
        def name(x: Any) -> str:
            return (x.name_en or x.name_vi) if lang == "en" else x.name_vi

        self.category = {c: text(f"options.category.{c.value}", lang) for c in CPCategory}
        self.status = {s: text(f"options.status.{s.value}", lang) for s in OptionStatus}
        self.screening = {s: text(f"options.screening.{s.value}", lang) for s in Screening}
        self.screening[None] = ""
        self.steps = {s.id: (name(s), s.position) for s in audit.steps}
        self.streams = {s.id: name(s) for s in audit.streams}

    def step(self, option: Option) -> str:
        found = self.steps.get(option.step_id) if option.step_id else None
        return found[0] if found else ""

    def stream_names(self, option: Option) -> str:
        names = (self.streams.get(s.stream_id) for s in option.savings)
        return ", ".join(n for n in names if n is not None)


class OptionsTableModel(QAbstractTableModel):
    """The options of ``analysis.audit`` with their figures from ``analysis`` (cached)."""

    def __init__(
        self,
        analysis: opt.OptionsAnalysis,
        lang: str,
        fmt_number: Callable[[Any, int], str],
        parent=None,
        weights: dict[str, float] | None = None,
    ):
        super().__init__(parent)
        self.analysis = analysis
        self.lang = lang
        self.fmt = fmt_number  # context.format_number(value, decimals)
        self.weights: dict[str, float] = dict(weights or opt.DEFAULT_WEIGHTS)
        self.options: list[Option] = []  # in row order
        self._index: dict[str, int] = {}
        self._display: dict[str, list[str]] = {}  # option id -> texts, built when painted
        self._keys: dict[str, str] = {}  # option id -> its search key, built when searched
        self._labels: _Labels | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.reset()

    @property
    def audit(self) -> Audit:
        return self.analysis.audit

    @property
    def labels(self) -> _Labels:
        if self._labels is None:
            self._labels = _Labels(self.audit, self.lang)
        return self._labels

    # rows ---------------------------------------------------------------------------------
    def reset(self) -> None:
        """Start again from the audit (after a reload, a language change, new weights).

        Only the row list is rebuilt; texts and figures are computed again as rows are painted.
        The last sort is re-applied so the header's sort indicator stays true.
        """
        self.beginResetModel()
        self.options = list(self.audit.options)
        self._display = {}
        self._keys = {}
        self._labels = None
        if self._sort is not None:
            self.options.sort(key=self._sort_key(self._sort[0]), reverse=self._descending())
        self._index = {o.id: i for i, o in enumerate(self.options)}
        self.endResetModel()

    def update_option(self, option: Option) -> None:
        """One option changed (or was added): forget only its row's texts."""
        self._display.pop(option.id, None)
        self._keys.pop(option.id, None)
        i = self._index.get(option.id)
        if i is None:
            n = len(self.options)
            self.beginInsertRows(QModelIndex(), n, n)
            self.options.append(option)
            self._index[option.id] = n
            self.endInsertRows()
        else:
            self.options[i] = option
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    def remove_option(self, option_id: str) -> None:
        i = self._index.get(option_id)
        if i is None:
            return
        self.beginRemoveRows(QModelIndex(), i, i)
        del self.options[i]
        self._display.pop(option_id, None)
        self._keys.pop(option_id, None)
        self._index = {o.id: k for k, o in enumerate(self.options)}
        self.endRemoveRows()

    def row_of(self, option_id: str) -> int | None:
        return self._index.get(option_id)

    def option_at(self, row: int) -> Option:
        return self.options[row]

    def display(self, row: int, column: int) -> str:
        """The text of one cell (built with the rest of its row on first use)."""
        option = self.options[row]
        texts = self._display.get(option.id)
        if texts is None:
            texts = self._display[option.id] = self._texts(option)
        return texts[column]

    def filter_text(self, row: int) -> str:
        """What the search box looks in: code, both titles, technique, status, step, streams
        (as a ``search_key``: without marks, so "khi nen" finds "khí nén")."""
        o, lb = self.options[row], self.labels
        key = self._keys.get(o.id)
        if key is not None:
            return key
        joined = " ".join(
            (
                o.code,
                o.title_vi,
                o.title_en,
                lb.category[o.category],
                lb.status[o.status],
                lb.screening[o.screening],
                lb.step(o),
                lb.stream_names(o),
            )
        )
        key = self._keys[o.id] = search_key(joined)
        return key

    def streams_of(self, row: int) -> set[str]:
        return {s.stream_id for s in self.options[row].savings}

    # sorting ------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        """Sort by one key per option for ``column``: one ``list.sort``, no Python comparator
        called thousands of times through Qt (about 10x faster than a proxy ``lessThan``)."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [self.options[i.row()].id for i in old_persistent]
        self.options.sort(key=self._sort_key(column), reverse=self._descending())
        self._index = {o.id: i for i, o in enumerate(self.options)}
        new = [
            self.index(self._index[oid], i.column())
            for oid, i in zip(old_ids, old_persistent, strict=True)
        ]
        self.changePersistentIndexList(old_persistent, new)
        self.layoutChanged.emit()

    def _descending(self) -> bool:
        return self._sort is not None and self._sort[1] == Qt.DescendingOrder

    def sort_value(self, row: int, column: int) -> Any:
        """The raw value ``column`` sorts by for one row (numbers; None as +/- infinity)."""
        return self._sort_key(column)(self.options[row])

    def _sort_key(self, column: int) -> Callable[[Option], Any]:
        key = COLUMNS[column][0]
        lb, lang = self.labels, self.lang
        if key == "code":
            return lambda o: _code_key(o.code)
        if key == "title":
            return lambda o: option_title(o, lang).casefold()
        if key == "category":
            return lambda o: _CATEGORY_ORDER[o.category]
        if key == "status":
            return lambda o: _STATUS_ORDER[o.status]
        if key == "screening":
            return lambda o: lb.screening[o.screening].casefold()
        if key == "step":
            return lambda o: lb.steps.get(o.step_id, ("", NONE_LAST))[1]
        if key == "streams":
            return lambda o: lb.stream_names(o).casefold()
        if key == "investment":
            return lambda o: o.investment_vnd
        fins = self.analysis.finances  # every option's figures (one batch when some are new)
        if key == "saving":
            return lambda o: fins[o.id].annual_net_saving_vnd
        if key == "payback":
            return lambda o: _or(fins[o.id].payback_years, NONE_LAST)
        if key == "npv":
            return lambda o: fins[o.id].npv_vnd
        if key == "irr":
            return lambda o: _or(fins[o.id].irr, -NONE_LAST)
        if key == "co2e":
            return lambda o: fins[o.id].avoided_co2e_t
        weights = self.weights
        return lambda o: opt.score_option(o, fins[o.id], weights).total

    # one row's texts ----------------------------------------------------------------------
    def _texts(self, o: Option) -> list[str]:
        lb, fmt = self.labels, self.fmt
        fin = self.analysis.finance(o)
        score = opt.score_option(o, fin, self.weights)
        irr = fin.irr
        return [
            o.code,
            option_title(o, self.lang),
            lb.category[o.category],
            lb.status[o.status],
            lb.screening[o.screening],
            lb.step(o),
            lb.stream_names(o),
            fmt(o.investment_vnd, 0),
            fmt(fin.annual_net_saving_vnd, 0),
            (
                text("options.not_assessed", self.lang)
                if not opt.is_assessed(fin)
                else fmt(fin.payback_years, 1)
                if fin.payback_years is not None
                else "—"
            ),
            fmt(fin.npv_vnd, 0),
            fmt(irr * 100, 1) + " %" if irr is not None else "—",
            fmt(fin.avoided_co2e_t, 1),
            fmt(score.total, 2),
        ]

    # Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.options)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY:
            return self.display(index.row(), index.column())
        if role == _ALIGN:
            return _RIGHT if _RIGHT_ALIGNED[index.column()] else None
        if role == OPTION_ROLE:
            return self.options[index.row()]
        if role == SORT_ROLE:
            return self.sort_value(index.row(), index.column())
        if role == _TOOLTIP and index.column() == 1:
            o = self.options[index.row()]
            return o.title_vi if self.lang == "en" else o.title_en or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # noqa: N802
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return header_label(QCoreApplication.translate("OptionsTable", COLUMNS[section][1]))
        return None


def header_label(label: str) -> str:
    """The unit of a figure's header on a second line ("Investment\n(VND)"): the columns can
    then be as narrow as their numbers."""
    head, sep, unit = label.rpartition(" (")
    return f"{head}\n({unit}" if sep and unit.endswith(")") else label


def _or(value: Any, default: Any) -> Any:
    return default if value is None else value


def _code_key(code: str) -> tuple:
    """ "O-9" before "O-10": digits compared as numbers."""
    digits = "".join(ch for ch in code if ch.isdigit())
    return (code.rstrip("0123456789"), int(digits) if digits else -1, code)


class OptionsFilterProxy(QSortFilterProxyModel):
    """Filter by free text (code, titles in both languages), category, status, step, stream."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)
        self.text = ""
        self.category: str | None = None
        self.status: str | None = None
        self.step_id: str | None = None
        self.stream_id: str | None = None

    def set_filter(self, **kw: Any) -> None:
        """Change any of text, category, status, step_id, stream_id (None: all)."""
        self.beginFilterChange()
        for name, value in kw.items():
            if name not in ("text", "category", "status", "step_id", "stream_id"):
                raise TypeError(name)
            setattr(self, name, search_key(value) if name == "text" else value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        model: OptionsTableModel = self.sourceModel()
        o = model.options[source_row]
        if self.category and o.category.value != self.category:
            return False
        if self.status and o.status.value != self.status:
            return False
        if self.step_id and o.step_id != self.step_id:
            return False
        if self.stream_id and all(s.stream_id != self.stream_id for s in o.savings):
            return False
        if self.text:
            return self.text in model.filter_text(source_row)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        """Sorting is done by the source model (see ``OptionsTableModel.sort``); the proxy
        keeps the source order and only filters."""
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)
        super().sort(-1)
