"""``info --json`` grows linearly with the audit: the streams x products x periods specific
consumption only with ``--specific`` (issue 25: 200 x 200 printed 66 MB in 15 s)."""

from __future__ import annotations

import json

import pytest

from app import cli
from app.core import model
from app.core.indicators import compute_indicators
from app.store.auditfile import AuditFile


@pytest.fixture(autouse=True)
def only_info(monkeypatch):
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("info",))


def grid_audit(n: int, months: int = 12) -> model.Audit:
    """``n`` products x ``n`` streams, every month of a 12-month baseline recorded, every
    stream allocated to every product."""
    periods = model.period_range("2024-01", months)
    audit = model.Audit(info=model.AuditInfo(baseline_start="2024-01", baseline_months=months))
    for i in range(n):
        stream = model.ResourceStream(
            model.StreamKind.ELECTRICITY, f"Điện {i}", "kWh", unit_price_vnd=2_000
        )
        audit.streams.append(stream)
        audit.records += [model.PeriodRecord(stream.id, p, 100.0 + i) for p in periods]
        product = model.Product(f"Sản phẩm {i}", "t")
        audit.products.append(product)
        audit.production += [model.ProductionRecord(product.id, p, 10.0 + i) for p in periods]
    for stream in audit.streams:  # the worst case: every stream shared by every product
        stream.allocation = {p.id: 1.0 for p in audit.products}
    return audit


def info_json(tmp_path, n: int, capsys, *flags: str) -> tuple[dict, int]:
    path = tmp_path / f"grid{n}.recp"
    if not path.exists():
        AuditFile.create(path, grid_audit(n)).close()
    capsys.readouterr()
    assert cli.main(["info", str(path), "--json", *flags]) == 0
    out = capsys.readouterr().out
    return json.loads(out), len(out.encode())


def test_info_json_size_is_linear_in_the_audit(tmp_path, capsys):
    small, small_size = info_json(tmp_path, 10, capsys)
    large, large_size = info_json(tmp_path, 40, capsys)
    assert "specific" not in large["indicators"]
    assert len(large["streams"]) == 40 and len(large["indicators"]["streams"]) == 40
    # 4x the streams and products: about 4x the output (the matrix would make it 16x)
    assert large_size < 5 * small_size


def test_info_json_specific_flag_gives_the_whole_matrix(tmp_path, capsys):
    data, size = info_json(tmp_path, 6, capsys, "--specific")
    _, size_without = info_json(tmp_path, 6, capsys)
    specific = data["indicators"]["specific"]
    assert len(specific) == 6 * 6 and size > size_without
    audit = AuditFile.open(tmp_path / "grid6.recp", read_only=True, backup=False)
    with audit as af:
        expected = compute_indicators(af.load()).specific
    assert [(s["stream_id"], s["product_id"], s["annual"]) for s in specific] == [
        (s.stream_id, s.product_id, s.annual) for s in expected
    ]
    assert [row["period"] for row in specific[0]["per_period"]] == list(
        data["indicators"]["periods"]
    )


def test_without_the_matrix_the_other_indicators_and_warnings_are_the_same():
    audit = grid_audit(3)
    audit.products[1].unit = "cái"  # not a mass: the allocation warning must stay
    full = compute_indicators(audit)
    lean = compute_indicators(audit, specific=False)
    assert lean.specific == () and len(full.specific) == 9
    assert lean.streams == full.streams and lean.recp == full.recp
    assert [p.key for p in lean.problems] == [p.key for p in full.problems]
    assert "indicators.allocation_not_mass" in {p.key for p in lean.problems}
