"""The cost of a resource stream: the one home of "invoice total, else quantity x price"
(docs/DOMAIN.md §3.1 (Baseline totals and costs)). Indicators, reports, charts and the command
line all call these.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.core.model import PeriodRecord, ResourceStream


@dataclass(frozen=True)
class StreamCost:
    """The cost of a stream over some records."""

    vnd: int | None  # sum of the records' costs; None when no record has one
    complete: bool  # False when some record had neither an invoice total nor a price


def record_cost(record: PeriodRecord, stream: ResourceStream) -> int | None:
    """VND of one record: its invoice total when entered, else quantity x the stream's unit
    price (rounded to whole VND); None when it has neither."""
    if record.cost_vnd is not None:
        return record.cost_vnd
    if stream.unit_price_vnd is None:
        return None
    return round(record.quantity * stream.unit_price_vnd)


def stream_cost(stream: ResourceStream, records: Iterable[PeriodRecord]) -> StreamCost:
    """The summed cost of ``records`` of ``stream``.

    A record without invoice or price adds nothing and makes the cost incomplete (the
    indicators warn about it); the sum of the others is still shown, unless it is zero, which
    then says nothing (None)."""
    total, known, complete = 0, False, True
    for record in records:
        cost = record_cost(record, stream)
        if cost is None:
            complete = False
        else:
            total += cost
            known = True
    if not known or (not complete and total == 0):
        return StreamCost(None, complete)
    return StreamCost(total, complete)
