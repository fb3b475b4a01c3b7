"""Stream cost, "invoice total, else quantity x price", has one home (app.core.costs): the
indicators, the report, its chart and ``info`` give the same answer."""

from __future__ import annotations

import json

import pytest

from app import cli
from app.commands import info
from app.core import model
from app.core.costs import StreamCost, record_cost, stream_cost
from app.core.indicators import compute_indicators
from app.reports import charts
from app.reports.snapshot import build_snapshot
from app.store.auditfile import AuditFile


def unpriced_audit() -> tuple[model.Audit, model.ResourceStream]:
    """A stream with no unit price and twelve months, only January invoiced (1,000,000 VND)."""
    audit = model.Audit()
    audit.info.baseline_start = "2024-01"
    audit.info.baseline_months = 12
    stream = model.ResourceStream(model.StreamKind.WATER, "Nước cấp", "m3", name_en="Water")
    audit.streams = [stream]
    for month in range(1, 13):
        cost = 1_000_000 if month == 1 else None
        audit.records.append(model.PeriodRecord(stream.id, f"2024-{month:02d}", 100.0, cost))
    return audit, stream


def test_record_cost_is_the_invoice_else_quantity_times_price():
    stream = model.ResourceStream(model.StreamKind.WATER, "Nước", "m3", unit_price_vnd=15_000)
    assert record_cost(model.PeriodRecord(stream.id, "2024-01", 2.5, 99), stream) == 99
    assert record_cost(model.PeriodRecord(stream.id, "2024-01", 2.5), stream) == 37_500
    stream.unit_price_vnd = None
    assert record_cost(model.PeriodRecord(stream.id, "2024-01", 2.5), stream) is None


def test_stream_cost_sums_what_is_known_and_says_when_it_is_not_all():
    audit, stream = unpriced_audit()
    assert stream_cost(stream, audit.records) == StreamCost(1_000_000, complete=False)
    assert stream_cost(stream, audit.records[:1]) == StreamCost(1_000_000, complete=True)
    assert stream_cost(stream, audit.records[1:]) == StreamCost(None, complete=False)
    assert stream_cost(stream, []) == StreamCost(None, complete=True)


def test_every_path_gives_the_same_cost_of_an_unpriced_stream_with_one_invoice(
    tmp_path, monkeypatch, capsys
):
    audit, stream = unpriced_audit()
    total = compute_indicators(audit).streams[0]
    assert (total.cost_vnd, total.cost_complete) == (1_000_000, False)

    row = build_snapshot(audit).streams[0]
    assert row.annual_cost == 1_000_000
    assert [m[2] for m in row.months] == [1_000_000] + [None] * 11

    seen = {}

    def capture(name, unit, periods, quantities, costs, lang, **kw):
        seen["costs"] = list(costs)

    monkeypatch.setattr(charts, "monthly_consumption", capture)
    charts.audit_chart(audit, "monthly", "en", stream_id=stream.id)
    assert seen["costs"] == [1_000_000.0] + [None] * 11

    line = info.stream_totals(audit)[0]
    assert (line["cost_vnd"], line["cost_complete"]) == (1_000_000, False)

    path = tmp_path / "a.recp"
    AuditFile.create(path, audit).close()
    assert cli.main(["--lang", "en", "info", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["streams"][0]["cost_vnd"] == 1_000_000
    assert data["indicators"]["streams"][0]["cost_vnd"] == 1_000_000


@pytest.mark.parametrize("price", [2_000, None])
def test_a_priced_stream_agrees_too(price):
    audit, stream = unpriced_audit()
    stream.unit_price_vnd = price
    expected = 1_000_000 + 11 * 100 * 2_000 if price else 1_000_000
    assert compute_indicators(audit).streams[0].cost_vnd == expected
    assert build_snapshot(audit).streams[0].annual_cost == expected
    assert info.stream_totals(audit)[0]["cost_vnd"] == expected
