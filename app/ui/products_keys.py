"""Delete and Ctrl+D on the products grid (issue 24): each ONE undoable ``context.edit``.

The keys themselves are ``app.ui.grid_keys.GridKeys``' (as on the Baselines grid); this module
says what they mean here. A month cell holds one product's output in one month: emptied, its
record goes. The product's Vietnamese name and its unit are never emptied (a product needs
both); its English name may be.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication

from app.core import model
from app.ui.grid_keys import Cells

# What Delete leaves in a text column that may not be empty.
_REQUIRED = ("name_vi", "unit")


def _targets(screen, cells: Cells) -> list[tuple[int, model.Product, int]]:
    """(row, product, grid column) of each selected cell inside the grid."""
    products = screen._products()
    width = len(_columns()) + len(screen.periods)
    return [(r, products[r], c) for r, c in cells if 0 <= r < len(products) and 0 <= c < width]


def _columns():
    from app.ui.screens.products import PRODUCT_COLUMNS

    return PRODUCT_COLUMNS


def _apply(screen, label: str, targets: list[tuple[model.Product, int, object]]) -> bool:
    """Set each (product, grid column) to its value (text for the product's columns, a
    quantity or None for a month) as one edit; False when nothing changes."""
    ctx = screen.context
    fixed = len(_columns())
    output = {(r.product_id, r.period): r for r in ctx.audit.production}
    edited: dict[str, model.Product] = {}
    puts: list = []
    deletes: list = []
    for product, column, value in targets:
        if column < fixed:
            attr = _columns()[column][0]
            text = model.clean_text(str(value or ""))
            if not text and attr in _REQUIRED:
                continue
            new = edited.setdefault(product.id, copy.deepcopy(product))
            setattr(new, attr, text)
            continue
        existing = output.get((product.id, screen.periods[column - fixed]))
        if value is None:
            if existing is not None:
                deletes.append(existing)
        elif existing is None:
            puts.append(
                model.ProductionRecord(product.id, screen.periods[column - fixed], float(value))
            )
        elif existing.quantity != value:
            rec = copy.deepcopy(existing)
            rec.quantity = float(value)
            puts.append(rec)
    old = {p.id: p for p in ctx.audit.products}
    puts = [p for p in edited.values() if p != old.get(p.id)] + puts
    if not puts and not deletes:
        return False
    return ctx.edit(label, put=puts, delete=deletes)


def _value(screen, product: model.Product, column: int):
    fixed = len(_columns())
    if column < fixed:
        return getattr(product, _columns()[column][0])
    period = screen.periods[column - fixed]
    rec = next(
        (
            r
            for r in screen.context.audit.production
            if r.product_id == product.id and r.period == period
        ),
        None,
    )
    return rec.quantity if rec is not None else None


def clear_cells(screen, cells: Cells) -> bool:
    """Delete: the selected months emptied, the English name cleared; names and units stay."""
    targets = [(p, c, None) for _r, p, c in _targets(screen, cells)]
    label = QCoreApplication.translate("ProductsKeys", "Clear {count} cells").format(
        count=len(targets)
    )
    return _apply(screen, label, targets)


def fill_down(screen, cells: Cells) -> bool:
    """Ctrl+D: the top selected cell of each column copied into the rest of its selection
    (an empty top month empties them, as in Excel)."""
    products = screen._products()
    top: dict[int, int] = {}
    for r, c in cells:
        top[c] = min(top.get(c, r), r)
    targets = [
        (p, c, _value(screen, products[top[c]], c))
        for r, p, c in _targets(screen, cells)
        if r != top[c]
    ]
    label = QCoreApplication.translate("ProductsKeys", "Fill down {count} cells").format(
        count=len(targets)
    )
    return _apply(screen, label, targets)
