"""``python -m app indicators PATH [--json]`` on a real audit file, in both languages."""

import json

import pytest

from app.commands import indicators as command
from app.core.model import Audit, AuditInfo, Enterprise, PeriodRecord, ResourceStream, StreamKind

auditfile = pytest.importorskip("app.store.auditfile")


@pytest.fixture()
def path(tmp_path):
    elec = ResourceStream(
        StreamKind.ELECTRICITY, "Điện lưới", "kWh", name_en="Grid electricity", unit_price_vnd=2000
    )
    audit = Audit(
        info=AuditInfo(baseline_start="2024-01", enterprise=Enterprise(name="Công ty A")),
        streams=[elec],
        records=[PeriodRecord(elec.id, f"2024-{m:02d}", 1_234_567.5) for m in range(1, 13)],
    )
    p = tmp_path / "a.recp"
    auditfile.AuditFile.create(p, audit).close()
    return p


def run(path, lang, as_json=False):
    import argparse

    return command.run(argparse.Namespace(path=str(path), lang=lang, json=as_json))


def test_table_in_vietnamese_and_english(path, capsys):
    assert run(path, "vi") == 0
    vi = capsys.readouterr().out
    assert "Điện lưới" in vi and "14.814.810" in vi  # 12 x 1.234.567,5 kWh, Vietnamese digits
    assert "0,6592" in vi and "2023" in vi  # grid factor and the year it came from
    assert run(path, "en") == 0
    en = capsys.readouterr().out
    assert "Grid electricity" in en and "14,814,810" in en and "scope 2" in en


def test_json(path, capsys):
    assert run(path, "en", as_json=True) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["streams"][0]["quantity"] == pytest.approx(12 * 1_234_567.5)
    assert data["streams"][0]["cost_vnd"] == 12 * round(1_234_567.5 * 2000)


def test_missing_file_is_a_user_error(tmp_path):
    from app.core.errors import UserError

    with pytest.raises(UserError):
        run(tmp_path / "nope.recp", "vi")
