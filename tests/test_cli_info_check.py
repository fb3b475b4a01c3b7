"""``python -m app info`` and ``check``: content, language-formatted numbers, exit codes."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.core import model
from app.store import schema
from app.store.auditfile import AuditFile
from tests.sample_store import sample_audit

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def only_store_commands(monkeypatch):
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("info", "check"))


def small_audit() -> model.Audit:
    """Totals chosen by hand: 11 x 100,000 + 134,567.5 = 1,234,567.5 kWh at 2,000 VND."""
    audit = model.Audit()
    audit.info.enterprise.name = "Công ty TNHH Dệt Nhuộm Thử"
    audit.info.enterprise.industrial_park = "KCN Đình Vũ"
    audit.info.baseline_start = "2024-01"
    power = model.ResourceStream(
        model.StreamKind.ELECTRICITY, "Điện lưới", "kWh", name_en="Grid power", unit_price_vnd=2_000
    )
    water = model.ResourceStream(model.StreamKind.WATER, "Nước cấp", "m3", unit_price_vnd=15_000)
    audit.streams = [power, water]
    for month in range(1, 13):
        quantity = 134_567.5 if month == 12 else 100_000.0
        audit.records.append(model.PeriodRecord(power.id, f"2024-{month:02d}", quantity))
    # Water: invoice totals where entered win over quantity x price; 2023 is outside the baseline.
    audit.records.append(model.PeriodRecord(water.id, "2024-01", 100.0, cost_vnd=1_700_000))
    audit.records.append(model.PeriodRecord(water.id, "2024-02", 200.0))
    audit.records.append(model.PeriodRecord(water.id, "2023-12", 999.0))
    audit.options.append(model.Option("Tắt máy nén khí khi nghỉ ca"))
    return audit


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "t.recp"
    AuditFile.create(p, small_audit()).close()
    return p


def test_info_text_in_vietnamese_formats_numbers_the_vietnamese_way(path, capsys):
    assert cli.main(["--lang", "vi", "info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Doanh nghiệp: Công ty TNHH Dệt Nhuộm Thử" in out
    assert "Điện lưới: 1.234.567,5 kWh; chi phí 2.469.135.000 đồng (12 kỳ)" in out
    assert "Nước cấp: 300 m3; chi phí 4.700.000 đồng (2 kỳ)" in out
    assert "cơ hội SXSH: 1" in out


def test_info_text_in_english(path, capsys):
    assert cli.main(["--lang", "en", "info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Enterprise: Công ty TNHH Dệt Nhuộm Thử" in out
    assert "Grid power: 1,234,567.5 kWh; cost 2,469,135,000 VND (12 periods)" in out
    assert "Industrial park: KCN Đình Vũ" in out


def test_info_json_counts_every_kind_and_totals_streams(tmp_path, capsys):
    audit = sample_audit(streams=4, findings=5, options=6, photos=2)
    path = tmp_path / "s.recp"
    AuditFile.create(path, audit).close()
    assert cli.main(["--lang", "en", "info", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == schema.SCHEMA_VERSION and data["read_only_reason"] is None
    assert data["enterprise"]["name"] == audit.info.enterprise.name
    expected_counts = {
        "team": len(audit.team),
        "products": len(audit.products),
        "production": len(audit.production),
        "steps": len(audit.steps),
        "flows": len(audit.flows),
        "streams": 4,
        "records": 48,
        "findings": 5,
        "photos": 2,
        "options": 6,
        "overrides": len(audit.overrides),
    }
    assert data["counts"] == expected_counts
    first = audit.streams[0]
    records = audit.records_of(first.id)
    row = data["streams"][0]
    assert row["quantity"] == pytest.approx(sum(r.quantity for r in records))
    assert row["cost_vnd"] == sum(
        r.cost_vnd if r.cost_vnd is not None else round(r.quantity * first.unit_price_vnd)
        for r in records
    )
    try:
        import app.core.indicators  # noqa: F401
    except ImportError:
        assert "indicators" not in data
    else:
        assert isinstance(data["indicators"], dict) and data["indicators"]


def test_info_leaves_the_file_and_folder_untouched(path):
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert cli.main(["info", str(path)]) == 0
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_check_passes_a_consistent_audit(path, capsys):
    assert cli.main(["--lang", "en", "check", str(path)]) == 0
    assert capsys.readouterr().out.strip() == f"No problems found: {path}"


def test_check_lists_problems_translated_and_exits_1(path, capsys):
    with AuditFile.open(path) as af:
        audit = af.load()
        audit.options[0].savings.append(model.OptionSaving("deleted-stream", 5.0))
        af.put(audit.options[0])
    assert cli.main(["--lang", "vi", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "CẢNH BÁO" in out and "deleted-stream" in out and "1 vấn đề" in out
    assert cli.main(["--lang", "en", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "WARNING" in out and "Refers to a stream that does not exist: deleted-stream" in out


def test_check_lists_a_typed_outlier_as_a_warning_in_each_language(path, capsys):
    """June typed with a digit missing (10,000 among 100,000 kWh months): a warning naming the
    month, the figure and the median it was compared with, in the language's number format."""
    with AuditFile.open(path) as af:
        audit = af.load()
        power = next(s for s in audit.streams if s.name_vi == "Điện lưới")
        june = next(r for r in audit.records if r.stream_id == power.id and r.period == "2024-06")
        june.quantity = 10_000.0
        af.put(june)
    assert cli.main(["--lang", "en", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert (
        "WARNING: " in out
        and "“Grid power”: Jun 2024 is 10,000 kWh, only 1/10 of the median of the other months "
        "(100,000 kWh)"
        in out
    ), out
    assert "1 problem" in out
    assert cli.main(["--lang", "vi", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "CẢNH BÁO: " in out and (
        "“Điện lưới”: tháng 06/2024 là 10.000 kWh, chỉ bằng 1/10 trung vị các tháng khác "
        "(100.000 kWh)" in out
    ), out


def test_python_m_app_end_to_end(path):
    """The real entry point in a fresh interpreter: exit codes and stderr, no traceback."""
    ok = subprocess.run(
        [sys.executable, "-m", "app", "--lang", "en", "info", str(path), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["counts"]["streams"] == 2
    bad = subprocess.run(
        [sys.executable, "-m", "app", "--lang", "en", "check", str(path.parent / "missing.recp")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1
    assert bad.stderr.strip().endswith("Audit file not found: " + str(path.parent / "missing.recp"))
    assert "Traceback" not in bad.stderr


@pytest.fixture
def demo_path(tmp_path):
    from app.core.demo import build_demo_audit

    p = tmp_path / "demo.recp"
    AuditFile.create(p, build_demo_audit()).close()
    return p


def test_check_passes_the_demo_audit(demo_path, capsys):
    assert cli.main(["--lang", "en", "check", str(demo_path)]) == 0
    assert capsys.readouterr().out.strip() == f"No problems found: {demo_path}"


def test_check_names_objects_fields_and_areas_in_the_chosen_language(demo_path, capsys):
    """A problem is said with the object's name, the field's and the area's label: never the
    object's id, the field's code or the area's id (only the id of what no longer exists)."""
    with AuditFile.open(demo_path) as af:
        audit = af.load()
        power = next(s for s in audit.streams if s.name_vi == "Điện lưới")
        april = next(r for r in audit.records if r.stream_id == power.id and r.period == "2024-04")
        april.quantity = -5.5
        af.put(april)
        washing = model.Finding(
            "food_preparation", title="Vòi rửa cá chảy liên tục", title_en="Fish-wash hose runs"
        )
        washing.step_id = "gone-step"
        af.put(washing)
        option = audit.options[0]
        option.savings.append(model.OptionSaving("gone-stream", 5.0))
        af.put(option)
    ids = {april.id, washing.id, option.id, power.id}

    assert cli.main(["--lang", "en", "check", str(demo_path)]) == 1
    out = capsys.readouterr().out
    assert (
        "monthly figure “Grid electricity, Apr 2024”, field quantity: "
        "Quantity must not be negative (-5.5)" in out
    ), out
    assert (
        "finding “Fish-wash hose runs (area Raw material receiving and preparation)”, "
        "field process step: Refers to a process step that does not exist: gone-step" in out
    ), out
    assert (
        f"option “{option.code} {option.title_en}”, field savings: "
        "Refers to a stream that does not exist: gone-stream" in out
    ), out
    assert not any(i in out for i in ids) and "food_preparation" not in out
    assert "step_id" not in out and "3 problem(s)" in out

    assert cli.main(["--lang", "vi", "check", str(demo_path)]) == 1
    out = capsys.readouterr().out
    assert (
        "số liệu tháng “Điện lưới, 04/2024”, trường số lượng: Số lượng không được âm (-5,5)" in out
    ), out
    assert (
        "phát hiện “Vòi rửa cá chảy liên tục (khu vực Tiếp nhận và sơ chế nguyên liệu)”, "
        "trường công đoạn: Tham chiếu tới công đoạn không tồn tại: gone-step" in out
    ), out
    assert f"cơ hội “{option.code} {option.title_vi}”, trường tiết kiệm" in out
    assert not any(i in out for i in ids) and "food_preparation" not in out
