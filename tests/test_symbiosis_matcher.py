"""The park matcher on a written fixture of typical park pairs and traps (tests/symbiosis_fixture)."""

from __future__ import annotations

import dataclasses
import math

import pytest
import symbiosis_fixture as fx

from app.core.reference import RefValue
from app.core.symbiosis import matcher as mt
from app.core.symbiosis.classes import load_classes, shipped_classes
from app.core.symbiosis.match_text import describe, match_as_dict, totals
from app.core.symbiosis.offers import Side, offers_and_needs
from app.core.symbiosis.party import party_from


def _found(matches):
    return {m.key: m for m in matches}


def test_finds_every_known_match_of_each_park_and_nothing_else():
    found = _found(mt.match(fx.PARTIES))
    assert set(found) == set(fx.EXPECTED_SAME_PARK)
    for key, quantity in fx.EXPECTED_SAME_PARK.items():
        assert found[key].quantity == pytest.approx(quantity), key
        assert found[key].same_park


def test_neighbouring_parks_add_their_matches_but_never_another_province():
    found = _found(mt.match(fx.PARTIES, neighbours=True))
    assert set(found) == set(fx.EXPECTED_SAME_PARK) | set(fx.EXPECTED_NEIGHBOURS)
    for key, quantity in fx.EXPECTED_NEIGHBOURS.items():
        assert found[key].quantity == pytest.approx(quantity), key
        assert not found[key].same_park
    assert not any("bd-paper" in (m.giver.key, m.taker.key) for m in found.values())


def test_park_filter_keeps_pairs_that_involve_the_park():
    only_lc = mt.match(fx.PARTIES, park="kcn liên chiểu")  # case does not matter
    assert only_lc == []  # its only pair within the park shares no month
    with_neighbours = _found(mt.match(fx.PARTIES, park=fx.LC, neighbours=True))
    assert set(with_neighbours) == set(fx.EXPECTED_NEIGHBOURS)
    # named neighbours: Bình Dương's paper mill (far, but named), not Liên Chiểu
    named = _found(mt.match(fx.PARTIES, park=fx.HK, neighbours=[fx.BD]))
    paper_bd = ("hk-paint", "W-PAPER", "bd-paper", "IN-PAPER")
    assert set(named) == set(fx.EXPECTED_SAME_PARK) | {paper_bd}


@pytest.mark.parametrize("giver,offer,taker,need,why", fx.TRAPS)
def test_each_trap_is_refused_for_its_reason(giver, offer, taker, need, why):
    result = mt.consider(
        fx.party(giver),
        fx.item(giver, Side.OFFER, offer),
        fx.party(taker),
        fx.item(taker, Side.NEED, need),
        neighbours=True,
    )
    assert isinstance(result, mt.Rejection)
    assert result.reason.key == why
    every = _found(mt.match(fx.PARTIES, neighbours=True))
    assert (giver, offer, taker, need) not in every


def test_the_permit_is_what_lets_hazardous_solvent_through():
    furn = fx.party("hk-furn")
    permitted = dataclasses.replace(
        furn, items=tuple(dataclasses.replace(i, hazardous_permit=True) for i in furn.items)
    )
    parties = [p if p.key != "hk-furn" else permitted for p in fx.PARTIES]
    found = _found(mt.match(parties))
    key = ("hk-paint", "17 08 04", "hk-furn", "IN-SOLVENT-SPENT")
    assert found[key].quantity == 5
    assert "symbiosis.match.why.permit" in [r.key for r in found[key].reasons]
    # the class's own mark counts even when an item forgot to say it is hazardous
    paint = fx.party("hk-paint")
    unmarked = dataclasses.replace(paint.items[0], hazardous=False)
    refused = mt.consider(paint, unmarked, furn, furn.items[0])
    assert isinstance(refused, mt.Rejection) and refused.reason.key.endswith("permit")


def test_ranking_same_park_first_then_score_and_the_score_by_hand():
    matches = mt.match(fx.PARTIES, neighbours=True)
    flags = [m.same_park for m in matches]
    assert flags == sorted(flags, reverse=True)  # every same-park match before a neighbour's
    scores = [m.score for m in matches if m.same_park]
    assert scores == sorted(scores, reverse=True)
    found = _found(matches)
    heat = found[("hk-brew", "ENERGY-HEAT-LOW", "hk-laundry", "ENERGY-HEAT-LOW")]
    # same class 30 + quantity 30 x 1500/2000 + timing 20 x 12/12 + same park 20
    assert heat.score == pytest.approx(30 + 22.5 + 20 + 20)
    assert matches[0] is heat
    fly = found[("hk-textile", "W-ASH-FLY", "hk-brick", "IN-CEMENT-RAW")]
    bottom = found[("hk-textile", "W-ASH-BOTTOM", "hk-brick", "IN-CEMENT-RAW")]
    assert fly.score == pytest.approx(24 + 30 * 600 / 800 + 20 + 20)
    assert bottom.score == pytest.approx(24 + 30 * 200 / 600 + 20 + 20)
    # 0.1 degree of latitude: 11.12 km; place 20 x (1 - 11.12/50)
    solvent = found[("hk-paint", "17 08 04", "hk-solvrec", "IN-SOLVENT-SPENT")]
    km = 6371.0088 * math.radians(0.1)
    assert solvent.distance_km == pytest.approx(km) == pytest.approx(11.1195, abs=1e-3)
    assert solvent.score == pytest.approx(24 + 30 * 12 / 20 + 20 + 20 * (1 - km / 50), abs=0.05)
    # a seasonal neighbour: shared May-Aug of the compost's all-year need
    peel = found[("lc-fruit", "W-FOOD", "hk-compost", "IN-ORGANIC-FEED")]
    assert peel.months == (5, 6, 7, 8)
    assert peel.score == pytest.approx(24 + 30 * 80 / 100 + 20 * 4 / 12 + 10, abs=0.05)


def test_units_are_converted_and_waste_tonnes_counted_by_hand():
    found = _found(mt.match(fx.PARTIES, neighbours=True))
    heat = found[("hk-brew", "ENERGY-HEAT-LOW", "hk-laundry", "ENERGY-HEAT-LOW")]
    assert heat.unit == "MWh" and heat.quantity == pytest.approx(5400 / 3.6)
    assert heat.waste_avoided_t is None  # heat is not a waste tonnage
    paper = found[("hk-paint", "W-PAPER", "lc-paper", "IN-PAPER")]
    assert paper.unit == "kg" and paper.waste_avoided_t == pytest.approx(30)
    water = found[("hk-brew", "W-WASTEWATER-TREATED", "hk-laundry", "WATER-LOW-GRADE")]
    assert water.waste_avoided_t is None  # m³ is not a mass
    # treated wastewater is not a landfilled waste: the plain "no sourced factor" reason
    assert water.reasons[-1].key == "symbiosis.match.why.co2e_not_estimated"
    waste, co2e = totals(list(found.values()))
    # solvent 12 + plastic 25 + ash 600 + 200 + sludge 150 + paper 30 + ash 800 + 200
    # + peel 80 + sludge to biogas 50
    assert waste == pytest.approx(2147)
    # the heat, and the degradable wastes kept out of landfill (IPCC 2006, by hand below):
    # paper 30 t x 2.24 + sludge (150 + 50) t x 0.28 + peel 80 t x 0.84 = 67.2 + 56 + 67.2
    assert co2e == pytest.approx(HEAT_CO2E_T + 190.4)


# The brewery's heat to the laundry: 1 500 MWh = 5 400 GJ a year, taken to replace heat from an
# anthracite boiler at 85 % efficiency. IPCC 2006 anthracite: CO2 98 300, CH4 10, N2O 1.5 kg/TJ;
# AR5 GWP 28 and 265: 98 300 + 280 + 397.5 = 98 977.5 kg CO2e/TJ = 0.0989775 t/GJ of fuel,
# / 0.85 = 0.116444 t per GJ of heat; x 5 400 GJ = 628.798 t CO2e a year.
HEAT_CO2E_T = 5400 * 0.0989775 / 0.85


def test_heat_co2e_is_derived_from_the_displaced_boiler_fuel_worked_by_hand():
    assert HEAT_CO2E_T == pytest.approx(628.798, abs=1e-3)
    factors = mt.co2e_factors()
    heat_classes = {"ENERGY-STEAM", "ENERGY-HEAT-HIGH", "ENERGY-HEAT-LOW", "ENERGY-HEAT-CONDENSATE"}
    landfill = {"W-PAPER", "W-TEXTILE", "W-WOOD", "W-FOOD", "W-SLUDGE-BIO"}
    assert set(factors) == heat_classes | landfill  # nothing for non-degradable wastes
    assert factors["ENERGY-STEAM"].value == pytest.approx(0.0989775 / 0.85)
    assert factors["ENERGY-STEAM"].unit == "tCO2e/GJ"
    found = _found(mt.match(fx.PARTIES))
    heat = found[("hk-brew", "ENERGY-HEAT-LOW", "hk-laundry", "ENERGY-HEAT-LOW")]
    assert heat.co2e_avoided_t == pytest.approx(HEAT_CO2E_T)
    for cited in ("IPCC 2006 Guidelines Vol. 2 ch. 1", "ch. 2 table 2.3", "AR5"):
        assert cited in heat.co2e_source
    assert "symbiosis.heat_displaces.ENERGY-HEAT-LOW.anthracite = 0.85" in heat.co2e_source
    assert heat.reasons[-1].key == "symbiosis.match.why.co2e_heat"
    assert describe(heat.reasons[-1], "en") == (
        "CO2e avoided: 628.8 t/year (assumption: this heat replaces heat from a boiler burning "
        "anthracite at 85 % efficiency; 0.1164 tCO2e/GJ of heat from the fuel's IPCC 2006 "
        "emission factors)"
    )
    assert "than antraxit, hiệu suất 85 %" in describe(heat.reasons[-1], "vi")
    # heat given in tonnes of steam has no enthalpy to go by: not estimated
    brew, laundry = fx.party("hk-brew"), fx.party("hk-laundry")
    offer = fx.item("hk-brew", Side.OFFER, "ENERGY-HEAT-LOW")
    need = fx.item("hk-laundry", Side.NEED, "ENERGY-HEAT-LOW")
    tonnes = mt.consider(
        brew, dataclasses.replace(offer, unit="t"), laundry, dataclasses.replace(need, unit="t")
    )
    assert isinstance(tonnes, mt.Match) and tonnes.co2e_avoided_t is None
    assert tonnes.reasons[-1].key == "symbiosis.match.why.co2e_not_estimated"


@pytest.mark.parametrize(
    "key,value",
    [
        ("symbiosis.heat_displaces.ENERGY-STEAM.peat", 0.85),  # not a fuel of the table
        ("symbiosis.heat_displaces.ENERGY-STEAM.anthracite", 1.2),  # efficiency above 1
        ("symbiosis.heat_displaces.ENERGY-STEAM.anthracite", 0.0),
    ],
)
def test_a_bad_heat_row_is_refused_naming_it(key, value):
    from app.core.errors import UserError
    from app.core.messages import text

    with pytest.raises(UserError) as err:
        mt.heat_factor(RefValue(key, value, "fraction"))
    problem = err.value.problem
    assert problem.key == "reference.bad_heat_displacement"
    assert problem.location.entity_id == key
    assert key in text(problem.key, "vi", **problem.params)
    assert key in text(problem.key, "en", **problem.params)


def test_co2e_uses_a_sourced_factor_when_one_exists_and_says_so_otherwise():
    assert "W-PLASTIC" not in mt.co2e_factors()  # no factor read from its source: none invented
    plastic = _found(mt.match(fx.PARTIES))[("hk-pack", "W-PLASTIC", "hk-recyc", "IN-PLASTIC")]
    assert plastic.co2e_avoided_t is None
    assert plastic.reasons[-1].key == "symbiosis.match.why.co2e_not_degradable"
    assert "virgin material it replaces is not counted" in describe(plastic.reasons[-1], "en")
    factor = RefValue("symbiosis.co2e_avoided.W-PAPER", 0.5, "tCO2e/t", source="test source")
    found = _found(mt.match(fx.PARTIES, neighbours=True, factors={"W-PAPER": factor}))
    paper = found[("hk-paint", "W-PAPER", "lc-paper", "IN-PAPER")]
    assert paper.co2e_avoided_t == pytest.approx(30 * 0.5)  # 30 000 kg = 30 t
    assert paper.co2e_source == "test source"
    assert describe(paper.reasons[-1], "vi") == "CO2e tránh được: 15 t/năm (hệ số: test source)"
    wrong_unit = RefValue("k", 1.0, "tCO2e/MWh")
    again = _found(mt.match(fx.PARTIES, neighbours=True, factors={"W-PAPER": wrong_unit}))
    assert again[paper.key].co2e_avoided_t is None


def test_quantities_unknown_or_of_different_families_still_match_but_score_lower():
    brew = fx.party("hk-brew")
    laundry = fx.party("hk-laundry")
    heat = fx.item("hk-brew", Side.OFFER, "ENERGY-HEAT-LOW")
    need = fx.item("hk-laundry", Side.NEED, "ENERGY-HEAT-LOW")
    hot_water = dataclasses.replace(heat, unit="m³")
    result = mt.consider(brew, hot_water, laundry, need)
    assert isinstance(result, mt.Match) and result.quantity is None
    assert "symbiosis.match.why.units_differ" in [r.key for r in result.reasons]
    assert result.parts["quantity"] == pytest.approx(30 * 0.3)
    unknown = mt.consider(brew, dataclasses.replace(heat, quantity_per_year=None), laundry, need)
    assert isinstance(unknown, mt.Match) and unknown.quantity is None
    zero = mt.consider(brew, dataclasses.replace(heat, quantity_per_year=0.0), laundry, need)
    assert isinstance(zero, mt.Rejection)


def test_too_far_is_refused_when_both_locations_are_given():
    paint, solvrec = fx.party("hk-paint"), fx.party("hk-solvrec")
    far = dataclasses.replace(solvrec, location=(17.05, 108.15))  # 111 km north
    result = mt.consider(paint, paint.items[0], far, far.items[0])
    assert isinstance(result, mt.Rejection) and result.reason.key == "symbiosis.match.not.far"
    kept = mt.consider(paint, paint.items[0], far, far.items[0], max_distance_km=None)
    assert isinstance(kept, mt.Match)


def test_reasons_read_in_both_languages():
    found = _found(mt.match(fx.PARTIES, neighbours=True))
    peel = found[("lc-fruit", "W-FOOD", "hk-compost", "IN-ORGANIC-FEED")]
    en = [describe(r, "en") for r in peel.reasons]
    vi = [describe(r, "vi") for r in peel.reasons]
    assert en[0].startswith("Compatible classes: IN-ORGANIC-FEED — Organic feedstock")
    assert "80 t/year" in en[1] and "covers 80 % of the need" in en[1]
    assert "80 t/năm" in vi[1] and "đáp ứng 80 % nhu cầu" in vi[1]
    assert en[2] == "Months in common: 5, 6, 7, 8"
    assert vi[3] == "Khu công nghiệp lân cận: KCN Liên Chiểu → KCN Hòa Khánh"
    assert not any("{" in line for line in en + vi)
    data = match_as_dict(peel, 1, "en")
    assert data["quantity_per_year"] == 80 and data["reasons"][0]["key"].endswith("compatible")


def test_two_audits_go_through_offers_and_needs():
    dyer, brick = fx.audits()
    parties = [
        party_from(offers_and_needs(dyer), dyer.info.id),
        party_from(offers_and_needs(brick), brick.info.id),
    ]
    found = mt.match(parties)
    assert [(m.offer.code, m.need.code) for m in found] == [("W-ASH-BOTTOM", "IN-CEMENT-RAW")]
    slag = next(o for o in offers_and_needs(dyer).offers if o.code == "W-ASH-BOTTOM")
    assert found[0].quantity == pytest.approx(min(slag.quantity_per_year, 600.0))
    assert found[0].giver.label == dyer.info.enterprise.name
    # the dyer's hazardous sludge reaches no one: an audit records no permit
    assert not any(m.offer.hazardous for m in found)
    # the ash is not degradable: no landfill methane, and the reason says why
    assert found[0].co2e_avoided_t is None
    assert found[0].reasons[-1].key == "symbiosis.match.why.co2e_not_degradable"
    # the route the auditor wrote on the stream reaches the matcher (the landfill CO2e reads it)
    ash = next(s for s in dyer.streams if s.waste_class == "W-ASH-BOTTOM")
    ash.disposal_route = "Chôn lấp tại bãi rác"
    item = next(
        i for i in party_from(offers_and_needs(dyer), "d").offers() if i.code == ash.waste_class
    )
    assert item.disposal_route == "Chôn lấp tại bãi rác"


def test_class_list_refuses_an_unknown_or_wrong_takes(tmp_path):
    text = shipped_classes().path and open(shipped_classes().path, encoding="utf-8").read()
    for bad, key in (
        ('takes = ["W-PLASTIC"]', None),
        ('takes = ["W-NOPE"]', "symbiosis.classes.takes_unknown"),
        ('takes = ["IN-PAPER"]', "symbiosis.classes.takes_not_given"),
        ("takes = [1]", "symbiosis.classes.bad_takes"),
    ):
        path = tmp_path / "classes.toml"
        path.write_text(text.replace('takes = ["W-PLASTIC"]', bad), encoding="utf-8")
        if key is None:
            assert load_classes(path).accepts("IN-PLASTIC", "W-PLASTIC")
            continue
        with pytest.raises(Exception) as info:
            load_classes(path)
        problem = info.value.problem
        assert problem.key == key and problem.location.file == str(path)
        assert "IN-PLASTIC" in problem.params["entry"]
    giver_takes = text.replace(
        'code = "W-PAPER"\ngroup = "waste"\ndirection = "give"\n',
        'code = "W-PAPER"\ngroup = "waste"\ndirection = "give"\ntakes = ["W-PLASTIC"]\n',
    )
    path.write_text(giver_takes, encoding="utf-8")
    with pytest.raises(Exception) as info:
        load_classes(path)
    assert info.value.problem.key == "symbiosis.classes.takes_on_giver"


def test_shipped_compatibility_covers_the_typical_pairs():
    c = shipped_classes()
    for need, offer in (
        ("IN-PLASTIC", "W-PLASTIC"),
        ("IN-CEMENT-RAW", "W-ASH-FLY"),
        ("IN-CEMENT-RAW", "W-ASH-BOTTOM"),
        ("IN-SOLVENT-SPENT", "17 08 04"),
        ("ENERGY-HEAT-LOW", "ENERGY-HEAT-LOW"),
        ("WATER-PROCESS", "W-WASTEWATER-TREATED"),
        ("WATER-LOW-GRADE", "W-WASTEWATER-TREATED"),
        ("IN-PAPER", "W-PAPER"),
        ("IN-ORGANIC-FEED", "W-SLUDGE-BIO"),
    ):
        assert c.accepts(need, offer), (need, offer)
    for need, offer in (
        ("IN-ORGANIC-FEED", "12 06 05"),  # hazardous sludge is no compost
        ("IN-PAPER", "W-PLASTIC"),
        ("W-PLASTIC", "W-PLASTIC"),  # a waste class is given, never taken
        ("IN-SOLVENT", "17 08 04"),  # a process-solvent user is not a recycler
    ):
        assert not c.accepts(need, offer), (need, offer)
    for cls in c.classes:
        if cls.is_annex_code:
            assert cls.checked is False


# IPCC 2006 Vol. 5 mass-balance default, uncategorised site (MCF 0.6), DOCf 0.5, F 0.5, OX 0:
# 100 t paper x DOC 0.40 x 0.5 x 0.6 x 0.5 x 16/12 = 8.0 t CH4 x GWP 28 = 224 t CO2e.
PAPER_T_CO2E_PER_T = 0.40 * 0.5 * 0.6 * 0.5 * 16 / 12 * 28


def test_paper_kept_out_of_landfill_avoids_its_methane_worked_by_hand():
    assert 100 * PAPER_T_CO2E_PER_T == pytest.approx(224.0)
    factors = mt.co2e_factors()
    assert factors["W-PAPER"].value == pytest.approx(2.24)
    assert factors["W-PAPER"].unit == "tCO2e/t"
    assert factors["W-TEXTILE"].value == pytest.approx(0.24 * 0.15 * 4 / 3 * 28)  # 1.344
    assert factors["W-WOOD"].value == pytest.approx(0.43 * 0.15 * 4 / 3 * 28)  # 2.408
    assert factors["W-FOOD"].value == pytest.approx(0.84)
    assert factors["W-SLUDGE-BIO"].value == pytest.approx(0.28)
    for cited in ("Vol. 5 ch. 2 table 2.4", "Vol. 5 ch. 3 table 3.1", "AR5"):
        assert cited in factors["W-PAPER"].source
    giver, taker = fx.party("hk-paint"), fx.party("lc-paper")
    offer = dataclasses.replace(fx.item("hk-paint", Side.OFFER, "W-PAPER"), unit="t")
    offer = dataclasses.replace(offer, quantity_per_year=100.0, months=())
    need = dataclasses.replace(fx.item("lc-paper", Side.NEED, "IN-PAPER"), unit="t")
    need = dataclasses.replace(need, quantity_per_year=500.0, months=())
    # route not recorded (an exchange file carries none): a landfill is assumed, and said
    got = mt.consider(giver, offer, taker, need, neighbours=True)
    assert isinstance(got, mt.Match)
    assert got.waste_avoided_t == pytest.approx(100)
    assert got.co2e_avoided_t == pytest.approx(224.0)
    assert got.reasons[-1].key == "symbiosis.match.why.co2e_landfill_assumed"
    assert describe(got.reasons[-1], "en") == (
        "CO2e avoided: 224 t/year (assumption: this waste goes to landfill today, as its "
        "route is not recorded; 8 t CH4 by the IPCC 2006 default mass-balance method, paper "
        "and cardboard, DOC 0.4, site assumed uncategorised MCF 0.6; 2.24 tCO2e/t)"
    )
    assert "giấy và bìa" in describe(got.reasons[-1], "vi")
    assert "224 t/năm" in describe(got.reasons[-1], "vi")
    assert "giả định bãi không phân loại MCF 0,6" in describe(got.reasons[-1], "vi")
    # the route says landfill: no assumption
    landfilled = dataclasses.replace(offer, disposal_route="Chôn lấp tại bãi rác của huyện")
    got = mt.consider(giver, landfilled, taker, need, neighbours=True)
    assert isinstance(got, mt.Match) and got.co2e_avoided_t == pytest.approx(224.0)
    assert got.reasons[-1].key == "symbiosis.match.why.co2e_landfill"
    # the route is plainly not a landfill (sold as scrap): no landfill methane is avoided
    sold = dataclasses.replace(offer, disposal_route="Bán phế liệu cho cơ sở thu gom")
    got = mt.consider(giver, sold, taker, need, neighbours=True)
    assert isinstance(got, mt.Match) and got.co2e_avoided_t is None
    assert got.reasons[-1].key == "symbiosis.match.why.co2e_not_landfilled"
    assert "Bán phế liệu" in describe(got.reasons[-1], "en")


def test_the_route_today_is_read_from_the_audit_stream():
    assert mt.landfill_route("") is None
    assert mt.landfill_route("licensed contractor") is None  # not known: landfill assumed
    assert mt.landfill_route("Landfilled by the city") is True
    assert mt.landfill_route("đem đốt") is False
    assert mt.landfill_route("recycled by a contractor") is False
    assert mt.landfill_route("part recycled, the rest to the dump") is True


@pytest.mark.parametrize(
    "key,value",
    [
        ("symbiosis.landfill_diverts.W-PAPER.plastic", 1.0),  # no DOC for that type
        ("symbiosis.landfill_diverts.W-PAPER.paper", 1.5),  # share above 1
        ("symbiosis.landfill_diverts.W-PAPER.paper", 0.0),
    ],
)
def test_a_bad_landfill_row_is_refused_naming_it(key, value):
    from app.core.errors import UserError
    from app.core.messages import text

    with pytest.raises(UserError) as err:
        mt.landfill_factor(RefValue(key, value, "fraction"))
    problem = err.value.problem
    assert problem.key == "reference.bad_landfill_diversion"
    assert key in text(problem.key, "vi", **problem.params)
    assert key in text(problem.key, "en", **problem.params)
