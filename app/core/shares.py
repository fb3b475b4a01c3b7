"""The one rule for a stream's share of the resource cost.

A share is of what the resources bought: only positive costs count, so scrap sold (a negative
cost) neither gets a share nor shrinks the others. The indicators, the PDF's baseline table,
its cost-share chart and the screen's chart all take their shares from here (the workbook
writes the same rule as a SUMIF formula), so the table and the chart beside it print the
same percentage.
"""

from __future__ import annotations

from collections.abc import Sequence


def cost_shares(costs: Sequence[float | None]) -> list[float | None]:
    """Each cost's share of the sum of the positive costs; None for a cost that is not
    positive (or when nothing was bought)."""
    bought = sum(c for c in costs if c is not None and c > 0)
    return [c / bought if c is not None and c > 0 and bought > 0 else None for c in costs]
