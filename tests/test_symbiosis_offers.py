"""Offers and needs of one audit, derived from its classified streams, and the `offers` command."""

from __future__ import annotations

import copy
import json

import pytest

from app.cli import main
from app.core import model
from app.core.costs import stream_cost
from app.core.demo import build_demo_audit
from app.core.symbiosis import offers as of
from app.core.symbiosis.classes import lookup
from app.store.auditfile import AuditFile


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


def _file(tmp_path, audit):
    path = tmp_path / "audit.recp"
    with AuditFile.create(path, audit):
        pass
    return path


def _stream(audit, name_en):
    return next(s for s in audit.streams if s.name_en == name_en)


def test_the_demo_offers_its_wastes_and_needs_its_inputs(demo):
    result = of.offers_and_needs(demo)
    assert [o.code for o in result.offers] == ["10 02 03", "W-ASH-BOTTOM", "W-TEXTILE"]
    assert [n.code for n in result.needs] == ["ENERGY-FUEL-SOLID", "WATER-PROCESS", "IN-ALKALI"]
    assert result.classified_streams == 6 and result.streams == len(demo.streams)
    assert result.industrial_park and result.enterprise == demo.info.enterprise.name
    assert not result.problems


def test_quantity_months_and_cost_come_from_the_baseline_records(demo):
    slag = _stream(demo, "Boiler slag and ash")
    item = next(o for o in of.offers_and_needs(demo).offers if o.stream_id == slag.id)
    periods = set(demo.baseline_periods())
    records = [r for r in demo.records if r.stream_id == slag.id and r.period in periods]
    assert len(periods) == 12 and not item.annualised
    assert item.quantity_per_year == pytest.approx(sum(r.quantity for r in records))
    assert item.unit == slag.unit == "t"
    assert item.cost_per_year_vnd == stream_cost(slag, records).vnd > 0  # disposal costs
    assert item.months == tuple(sorted(periods)) and item.calendar_months == tuple(range(1, 13))
    assert not item.hazardous and item.disposal_route == ""
    scraps = next(o for o in of.offers_and_needs(demo).offers if o.code == "W-TEXTILE")
    assert scraps.cost_per_year_vnd < 0  # sold: a revenue
    sludge = next(o for o in of.offers_and_needs(demo).offers if o.code == "10 02 03")
    assert sludge.hazardous and sludge.resource_class.mark == "KS"


def test_a_shorter_baseline_is_scaled_to_a_year_and_said(demo):
    audit = copy.deepcopy(demo)
    audit.info.baseline_months = 6
    slag = _stream(audit, "Boiler slag and ash")
    periods = set(audit.baseline_periods())
    six = sum(r.quantity for r in audit.records if r.stream_id == slag.id and r.period in periods)
    item = next(o for o in of.offers_and_needs(audit).offers if o.stream_id == slag.id)
    assert item.annualised and item.months_counted == 6
    assert item.quantity_per_year == pytest.approx(six * 2)


def test_months_without_quantity_are_not_listed(demo):
    audit = copy.deepcopy(demo)
    slag = _stream(audit, "Boiler slag and ash")
    mine = sorted((r for r in audit.records if r.stream_id == slag.id), key=lambda r: r.period)
    for r in mine[:3]:
        r.quantity = 0.0
    item = next(o for o in of.offers_and_needs(audit).offers if o.stream_id == slag.id)
    assert len(item.months) == 9 and mine[0].period not in item.months


def test_a_class_going_both_ways_follows_the_stream(demo):
    audit = copy.deepcopy(demo)
    audit.streams = [s for s in audit.streams if not s.waste_class]
    hot = model.ResourceStream(
        model.StreamKind.WASTEWATER, "Nước thải nóng", "m³", waste_class="ENERGY-HEAT-LOW"
    )
    steam = model.ResourceStream(model.StreamKind.STEAM, "Hơi mua", "t", waste_class="ENERGY-STEAM")
    audit.streams += [hot, steam]
    result = of.offers_and_needs(audit)
    assert [o.stream_id for o in result.offers] == [hot.id]
    assert [n.stream_id for n in result.needs] == [steam.id]
    assert result.offers[0].quantity_per_year is None  # no records: said, not zero
    assert lookup("ENERGY-HEAT-LOW").direction is of.Direction.BOTH


def test_an_unknown_class_is_reported_and_left_out(demo):
    audit = copy.deepcopy(demo)
    _stream(audit, "Boiler slag and ash").waste_class = "99 99 99"
    result = of.offers_and_needs(audit)
    assert "W-ASH-BOTTOM" not in [o.code for o in result.offers]
    [problem] = result.problems
    assert problem.key == "symbiosis.offers.unknown_class"
    from app.core.messages import render

    assert "99 99 99" in render(problem, "en") and "Xỉ, tro lò hơi" in render(problem, "vi")


def test_cli_text_in_both_languages(tmp_path, demo, capsys):
    path = _file(tmp_path, demo)
    assert main(["offers", str(path), "--lang", "en"]) == 0
    en = capsys.readouterr().out
    assert "Could give (3):" in en and "Could take in (3):" in en
    assert "W-ASH-BOTTOM — Bottom ash, slag and boiler dust" in en
    assert "t/year" in en and "disposal cost:" in en and "sales revenue:" in en
    assert "hazardous waste (KS)" in en and "6 of 15 streams classified." in en
    assert main(["offers", str(path), "--lang", "vi"]) == 0
    vi = capsys.readouterr().out
    assert "Có thể cho đi (3):" in vi and "Có thể nhận về (3):" in vi
    assert "Tro đáy, xỉ than và bụi lò hơi" in vi and "t/năm" in vi and "đồng/năm" in vi


def test_cli_json(tmp_path, demo, capsys):
    path = _file(tmp_path, demo)
    assert main(["offers", str(path), "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [o["class"] for o in data["offers"]] == ["10 02 03", "W-ASH-BOTTOM", "W-TEXTILE"]
    slag = data["offers"][1]
    assert slag["unit"] == "t" and slag["quantity_per_year"] > 0 and slag["cost_per_year_vnd"] > 0
    assert slag["calendar_months"] == list(range(1, 13)) and slag["hazardous"] is False
    assert data["needs"][1]["class"] == "WATER-PROCESS" and data["needs"][1]["side"] == "need"


def test_an_audit_with_no_classified_stream_says_so(tmp_path, demo, capsys):
    audit = copy.deepcopy(demo)
    for s in audit.streams:
        s.waste_class = ""
    path = _file(tmp_path, audit)
    assert main(["offers", str(path), "--lang", "en"]) == 0
    en = capsys.readouterr().out
    assert "No stream is classified yet (of 15)" in en and "Could give" not in en
    assert main(["offers", str(path), "--lang", "vi"]) == 0
    assert "Chưa có dòng tài nguyên nào được phân loại" in capsys.readouterr().out
    assert main(["offers", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["offers"] == [] and data["needs"] == [] and data["classified_streams"] == 0


def test_cli_unknown_class_warns_on_stderr(tmp_path, demo, capsys):
    audit = copy.deepcopy(demo)
    _stream(audit, "Boiler slag and ash").waste_class = "W-NOTHING"
    path = _file(tmp_path, audit)
    assert main(["offers", str(path), "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert "“W-NOTHING”, which is not in the class list" in captured.err
    assert "Could give (2):" in captured.out


def test_the_disposal_route_typed_on_the_stream_is_the_offers(tmp_path, demo, capsys):
    slag = _stream(demo, "Boiler slag and ash")
    slag.disposal_route = "Bán cho cơ sở gạch không nung"
    item = next(o for o in of.offers_and_needs(demo).offers if o.stream_id == slag.id)
    assert item.disposal_route == "Bán cho cơ sở gạch không nung"
    assert of.offers_as_dict(of.offers_and_needs(demo), "en")["offers"][1]["disposal_route"] == (
        "Bán cho cơ sở gạch không nung"
    )
    path = _file(tmp_path, demo)
    assert main(["offers", str(path), "--lang", "en"]) == 0
    assert "current disposal route: Bán cho cơ sở gạch không nung" in capsys.readouterr().out
    assert main(["offers", str(path), "--lang", "vi"]) == 0
    assert "cách xử lý hiện tại: Bán cho cơ sở gạch không nung" in capsys.readouterr().out
