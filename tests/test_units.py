"""Units: spellings, conversions, units that fit a stream kind, fuels to energy."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import units
from app.core.errors import UserError
from app.core.model import StreamKind
from app.core.reference import Resolver


@pytest.mark.parametrize(
    "typed, canonical",
    [
        ("m3", "m³"),
        ("M3", "m³"),
        ("m³", "m³"),
        ("l", "L"),
        ("lít", "L"),
        ("tấn", "t"),
        ("Tấn", "t"),
        ("ton", "t"),
        ("KWH", "kWh"),
        ("kw.h", "kWh"),
        (" kg ", "kg"),
        ("Sm3", "Sm³"),
        ("cái", "pcs"),
        ("m2", "m²"),
    ],
)
def test_normalise_unit(typed, canonical):
    assert units.normalise_unit(typed) == canonical


def test_decomposed_vietnamese_is_recognised():
    import unicodedata

    assert units.normalise_unit(unicodedata.normalize("NFD", "tấn")) == "t"


def test_unknown_unit_is_kept_as_typed():
    assert units.normalise_unit("  bao  xi ") == "bao xi"
    assert not units.is_known("bao xi")


def test_energy_conversions_match_definitions():
    assert units.convert(1, "kWh", "MJ") == pytest.approx(3.6)
    assert units.convert(1, "toe", "GJ") == pytest.approx(41.868)
    assert units.convert(1e7, "kcal", "toe") == pytest.approx(1.0)  # IEA: 1 toe = 10^7 kcal
    assert units.convert(1, "Btu", "J") == pytest.approx(1055.056, rel=1e-6)
    assert units.convert(1, "MWh", "kWh") == pytest.approx(1000)
    assert units.convert(2.5, "t", "kg") == pytest.approx(2500)
    assert units.convert(1, "m3", "L") == pytest.approx(1000)


def test_incompatible_and_unknown_units_raise_user_errors():
    with pytest.raises(UserError) as exc:
        units.convert(1, "kWh", "m³")
    assert exc.value.problem.key == "units.incompatible"
    with pytest.raises(UserError) as exc:
        units.convert(1, "bao", "kg")
    assert exc.value.problem.key == "units.unknown"


@pytest.mark.parametrize(
    "unit, kind, ok",
    [
        ("kWh", StreamKind.ELECTRICITY, True),
        ("m³", StreamKind.ELECTRICITY, False),
        ("m3", StreamKind.WATER, True),
        ("kWh", StreamKind.WATER, False),
        ("kg", StreamKind.CHEMICAL, True),
        ("L", StreamKind.CHEMICAL, True),
        ("kWh", StreamKind.CHEMICAL, False),
        ("m³", StreamKind.WASTEWATER, True),
        ("t", StreamKind.WASTEWATER, False),
        ("t", StreamKind.SOLID_WASTE, True),
        ("tấn", StreamKind.FUEL, True),
        ("L", StreamKind.FUEL, True),
        ("pcs", StreamKind.FUEL, False),
        ("t", StreamKind.STEAM, True),
    ],
)
def test_unit_fits_kind(unit, kind, ok):
    problem = units.unit_fits_kind(unit, kind)
    if ok:
        assert problem is None
    else:
        assert problem.key == "units.wrong_for_kind"
        assert problem.location.field == "unit"


def test_unknown_unit_does_not_fit_any_kind():
    assert units.unit_fits_kind("bao", StreamKind.RAW_MATERIAL).key == "units.unknown"


def test_fuel_energy_by_hand():
    ref = Resolver()
    # docs/DOMAIN.md §6.1 (Fuels): coal 25.8 GJ/t, DO 43.0 GJ/t at 0.84 kg/L, LPG 47.3, NG 48.0 at
    # 0.75 kg/Sm³, rice husk 11.6
    assert units.fuel_energy_gj(1000, "kg", "coal_bituminous", ref) == pytest.approx(25.8)
    assert units.fuel_energy_gj(1000, "L", "do", ref) == pytest.approx(0.84 * 43.0)
    assert units.fuel_energy_gj(100, "kg", "lpg", ref) == pytest.approx(4.73)
    assert units.fuel_energy_gj(1000, "m3", "natural_gas", ref) == pytest.approx(0.75 * 48.0)
    assert units.fuel_energy_gj(2, "tấn", "rice_husk", ref) == pytest.approx(23.2)
    assert units.fuel_energy_gj(10, "GJ", "whatever", ref) == pytest.approx(10)


def test_unknown_fuel_gives_none_and_a_problem():
    ref = Resolver()
    assert units.fuel_energy_gj(1, "t", "unobtainium", ref) is None
    assert [p.key for p in ref.problems] == ["reference.missing"]


UNIT_PAIRS = [
    ("kWh", "GJ"),
    ("MWh", "toe"),
    ("kcal", "Btu"),
    ("g", "t"),
    ("L", "m³"),
    ("m²", "m²"),
    ("MJ", "kWh"),
]


@settings(max_examples=100, deadline=None)
@given(
    value=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    pair=st.sampled_from(UNIT_PAIRS),
)
def test_round_trip(value, pair):
    a, b = pair
    assert units.convert(units.convert(value, a, b), b, a) == pytest.approx(
        value, rel=1e-9, abs=1e-9
    )
