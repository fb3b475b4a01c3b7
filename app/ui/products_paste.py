"""Ctrl+V of a block copied from Excel into the products grid (issue 24), as ONE undo step.

Names and units are taken as text; the month columns are read as one number block
(``read_number_block``, as the Baselines grid reads a paste), so "22,100" in a Vietnamese UI is
asked about (``PasteNumbersDialog``) before anything is stored. A bad figure refuses the whole
paste. A block reaching below the last product or right of the last month is refused (said so).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.core import model
from app.core.parsing import read_number_block
from app.ui.grid_keys import split_block


@dataclass(frozen=True)
class _Cell:
    line: int  # 1-based within the pasted block
    column: int
    product: model.Product
    grid_column: int
    text: str


def paste_into_products(screen, text: str, top: int, left: int) -> bool:
    """Paste ``text`` at (top, left) of ``screen``'s products grid; True when stored."""
    from app.ui.screens.products import PRODUCT_COLUMNS

    ctx = screen.context
    products = screen._products()
    fixed = len(PRODUCT_COLUMNS)
    width = fixed + len(screen.periods)
    block = split_block(text)
    cells: list[_Cell] = []
    left_out = 0
    for i, line in enumerate(block):
        for j, cell in enumerate(line):
            row, col = top + i, left + j
            if row >= len(products) or col >= width:
                left_out += bool(cell.strip())
                continue
            cells.append(_Cell(i + 1, j + 1, products[row], col, cell))
    if left_out:  # nothing half-pasted: the user adds products or months first
        ctx.failed.emit(
            QCoreApplication.translate(
                "ProductsPaste",
                "Nothing pasted: {count} of the pasted cells fall outside the grid (below the "
                "last product or right of the last month). Add the products first.",
            ).format(count=left_out)
        )
        return False
    figures = [c for c in cells if c.grid_column >= fixed]
    numbers = read_number_block([c.text for c in figures], ctx.lang)
    values = numbers.values
    for c, parsed in zip(figures, values, strict=True):
        if not parsed.ok or (parsed.value is not None and parsed.value < 0):
            ctx.failed.emit(
                QCoreApplication.translate(
                    "ProductsPaste",
                    "Nothing pasted: line {line}, column {column} “{text}” is not a quantity ≥ 0.",
                ).format(line=c.line, column=c.column, text=c.text.strip())
            )
            return False
    if numbers.ambiguous:
        from app.ui.screens.baselines.paste import PasteNumbersDialog

        dialog = PasteNumbersDialog(ctx.lang, numbers, screen)
        if not screen.run_dialog(dialog) or dialog.chosen is None:
            return False
        if dialog.chosen != numbers.locale:
            values = numbers.alternatives
    edited: dict[str, model.Product] = {}
    for c in cells:
        if c.grid_column >= fixed:
            continue
        attr = PRODUCT_COLUMNS[c.grid_column][0]
        value = model.clean_text(c.text)
        if not value and attr != "name_en":
            continue  # a product keeps its name and unit
        new = edited.setdefault(c.product.id, copy.deepcopy(c.product))
        setattr(new, attr, value)
    output = {(r.product_id, r.period): r for r in ctx.audit.production}
    puts: list = [p for p in edited.values() if p != _old(products, p.id)]
    for c, parsed in zip(figures, values, strict=True):
        period = screen.periods[c.grid_column - fixed]
        existing = output.get((c.product.id, period))
        if parsed.value is None:
            continue  # an empty cell in the block leaves the grid cell as it is
        if existing is not None and existing.quantity == parsed.value:
            continue
        rec = copy.deepcopy(existing) or model.ProductionRecord(c.product.id, period, 0.0)
        rec.quantity = parsed.value
        puts.append(rec)
    if not puts:
        return True
    label = QCoreApplication.translate(
        "ProductsPaste", "Paste into products ({count} cells)"
    ).format(count=len(cells))
    return ctx.edit(label, put=puts)


def _old(products: list[model.Product], product_id: str) -> model.Product | None:
    return next((p for p in products if p.id == product_id), None)
