"""Delete and Ctrl+D on the Baselines grid (issue 24): each ONE undoable ``context.edit``.

Cells are set through ``RecordsModel.change_for`` (the one rule for what a cell edit means:
quantity or invoice cost, duplicate months merged away), so these keys store exactly what typing
the same figures would.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ui.grid_keys import Cells


def _apply(records, label: str, targets: list[tuple[int, int, float | None]]) -> bool:
    """Set each (row, column) to its value (None: empty) as one edit; False if nothing to do."""
    puts, deletes = [], []
    for row, column, value in targets:
        if not (0 <= row < len(records.periods) and 0 <= column < len(records.streams)):
            continue
        current = records.cells.get((records.streams[column].id, records.periods[row]), [])
        p, d = records.change_for(records.streams[column], records.periods[row], value)
        if current and p and p[0] == current[0] and not d:
            continue  # already so
        puts += p
        deletes += d
    if not puts and not deletes:
        return False
    return records.context.edit(label, put=puts, delete=deletes)


def _value(records, row: int, column: int) -> float | None:
    rec = records.record_at(row, column)
    if rec is None:
        return None
    return rec.cost_vnd if records.show_cost else rec.quantity


def clear_cells(records, cells: Cells) -> bool:
    """Delete: the selected cells emptied (in cost mode only the cost goes)."""
    filled = [(r, c, None) for r, c in cells if records.record_at(r, c) is not None]
    label = QCoreApplication.translate("BaselinesKeys", "Clear {count} figures").format(
        count=len(filled)
    )
    return _apply(records, label, filled)


def fill_down(records, cells: Cells) -> bool:
    """Ctrl+D: the top selected cell of each column copied into the rest of its selection
    (an empty top cell empties them, as in Excel)."""
    top: dict[int, int] = {}
    for r, c in cells:
        top[c] = min(top.get(c, r), r)
    targets = [(r, c, _value(records, top[c], c)) for r, c in cells if r != top[c]]
    label = QCoreApplication.translate("BaselinesKeys", "Fill down {count} figures").format(
        count=len(targets)
    )
    return _apply(records, label, targets)
