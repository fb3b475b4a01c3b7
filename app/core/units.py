"""Units: the spellings auditors type, conversions (pint), units that fit a stream kind, and
fuel quantities to energy through net calorific values.

Spellings accepted by ``normalise_unit`` (case-insensitive, NFC), mapped to one display form:
- energy: kWh (also "kw.h", "kw h", "số điện"), MWh, GWh, MJ, GJ, TJ, kcal, toe, Btu, MMBtu;
- mass: g, kg, t ("tấn", "tan", "ton", "tonne": a Vietnamese *tấn* is the metric tonne, and
  auditors here write "ton" for it, so "ton" is NOT the US short ton);
- volume: mL, L ("l", "lít", "lit", "litre"), m³ ("m3", "m^3", "khối"), Sm³/Nm³ (standard or
  normal cubic metre of gas, converted as m³);
- length and area: m, km, m² ("m2"); count: pcs ("cái", "chiếc", "piece").
Anything else is kept as typed and reported as unknown by ``unit_fits_kind``.

kcal is the International Table kilocalorie (4.1868 kJ), the one the IEA's toe is built on
(1 toe = 10^7 kcal = 41.868 GJ); Btu is the International Table Btu (1055.056 J). VND is money,
not a unit.

One shared pint ``UnitRegistry`` is created on first use (it takes a fraction of a second);
conversion factors are cached per pair of units, so hot loops cost a dict lookup.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from app.core.errors import Location, Problem, UserError
from app.core.model import StreamKind

ENERGY, MASS, VOLUME, AREA, LENGTH, COUNT = "energy", "mass", "volume", "area", "length", "count"

# canonical display form -> pint expression
_PINT: dict[str, str] = {
    "kWh": "kilowatt_hour",
    "MWh": "megawatt_hour",
    "GWh": "gigawatt_hour",
    "J": "joule",
    "kJ": "kilojoule",
    "MJ": "megajoule",
    "GJ": "gigajoule",
    "TJ": "terajoule",
    "kcal": "kcal_it",
    "toe": "toe",
    "Btu": "Btu",
    "MMBtu": "MMBtu",
    "g": "gram",
    "kg": "kilogram",
    "t": "tonne",
    "mL": "milliliter",
    "L": "liter",
    "m³": "meter ** 3",
    "Sm³": "meter ** 3",
    "Nm³": "meter ** 3",
    "m": "meter",
    "km": "kilometer",
    "m²": "meter ** 2",
    "pcs": "piece",
}

_ALIASES: dict[str, str] = {canonical.lower(): canonical for canonical in _PINT}
_ALIASES.update(
    {
        "kw.h": "kWh",
        "kw h": "kWh",
        "kw-h": "kWh",
        "số điện": "kWh",
        "mw.h": "MWh",
        "tấn": "t",
        "tan": "t",
        "ton": "t",
        "tons": "t",
        "tonne": "t",
        "tonnes": "t",
        "tne": "t",
        "kilogram": "kg",
        "kgs": "kg",
        "gram": "g",
        "lít": "L",
        "lit": "L",
        "litre": "L",
        "liter": "L",
        "litres": "L",
        "liters": "L",
        "ml": "mL",
        "m3": "m³",
        "m^3": "m³",
        "m**3": "m³",
        "khối": "m³",
        "sm3": "Sm³",
        "nm3": "Nm³",
        "m2": "m²",
        "m^2": "m²",
        "cái": "pcs",
        "chiếc": "pcs",
        "piece": "pcs",
        "pieces": "pcs",
        "pc": "pcs",
        "mmbtu": "MMBtu",
    }
)

# Units a stream of each kind may be measured in, by dimension.
KIND_DIMENSIONS: dict[StreamKind, frozenset[str]] = {
    StreamKind.ELECTRICITY: frozenset({ENERGY}),
    StreamKind.FUEL: frozenset({MASS, VOLUME, ENERGY}),
    StreamKind.STEAM: frozenset({MASS, ENERGY}),
    StreamKind.WATER: frozenset({VOLUME}),
    StreamKind.RAW_MATERIAL: frozenset({MASS, VOLUME, LENGTH, AREA, COUNT}),
    StreamKind.AUXILIARY_MATERIAL: frozenset({MASS, VOLUME, LENGTH, AREA, COUNT}),
    StreamKind.PACKAGING: frozenset({MASS, VOLUME, LENGTH, AREA, COUNT}),
    StreamKind.CHEMICAL: frozenset({MASS, VOLUME}),
    StreamKind.SOLID_WASTE: frozenset({MASS, VOLUME}),
    StreamKind.HAZARDOUS_WASTE: frozenset({MASS, VOLUME}),
    StreamKind.WASTEWATER: frozenset({VOLUME}),
    StreamKind.AIR_EMISSION: frozenset({MASS, VOLUME}),
}


# The unit a new stream of each kind starts with: how Vietnamese plants are billed or weigh it
# (EVN bills kWh, water companies m³; solid fuels and bulk materials by the tonne).
DEFAULT_UNIT: dict[StreamKind, str] = {
    StreamKind.ELECTRICITY: "kWh",
    StreamKind.FUEL: "t",
    StreamKind.STEAM: "t",
    StreamKind.WATER: "m³",
    StreamKind.RAW_MATERIAL: "t",
    StreamKind.AUXILIARY_MATERIAL: "kg",
    StreamKind.PACKAGING: "kg",
    StreamKind.CHEMICAL: "kg",
    StreamKind.SOLID_WASTE: "t",
    StreamKind.HAZARDOUS_WASTE: "kg",
    StreamKind.WASTEWATER: "m³",
    StreamKind.AIR_EMISSION: "kg",
}
# Fuels bought by volume (pump and tanker deliveries, gas meters); others by mass. The reference
# data has a density for each of them (resources/reference/densities.csv) to reach energy.
FUEL_UNIT: dict[str, str] = {"do": "L", "fo": "L", "gasoline": "L", "natural_gas": "m³"}


def default_unit(kind: StreamKind, fuel_code: str = "") -> str:
    """The unit a new stream of ``kind`` (and fuel) is proposed in."""
    if kind == StreamKind.FUEL and fuel_code:
        return FUEL_UNIT.get(fuel_code, "t")
    return DEFAULT_UNIT[kind]


# Units suggested in messages when a unit does not fit, by dimension.
EXAMPLES: dict[str, tuple[str, ...]] = {
    ENERGY: ("kWh", "MWh", "GJ"),
    MASS: ("kg", "t"),
    VOLUME: ("L", "m³"),
    LENGTH: ("m",),
    AREA: ("m²",),
    COUNT: ("pcs",),
}
_DIMENSION_ORDER = (ENERGY, MASS, VOLUME, LENGTH, AREA, COUNT)


@lru_cache(maxsize=1)
def registry():
    """The one shared pint registry, with the energy units of energy statistics added."""
    import pint

    ureg = pint.UnitRegistry()
    # IEA tonne of oil equivalent, 41.868 GJ: pint ships it (checked in tests); define it only
    # if a future pint drops it.
    if "toe" not in ureg:
        ureg.define("toe = 41.868 * gigajoule")
    ureg.define("kcal_it = 4.1868 * kilojoule")  # International Table kilocalorie
    ureg.define("MMBtu = 1e6 * Btu")
    ureg.define("piece = [piece] = pcs")
    return ureg


def normalise_unit(text: str | None) -> str:
    """The display form of a unit as typed ("m3" -> "m³", "tấn" -> "t"); unknown text is kept
    as typed (NFC, trimmed, inner spaces collapsed)."""
    cleaned = " ".join(unicodedata.normalize("NFC", text or "").split())
    return _ALIASES.get(cleaned.lower(), cleaned)


def is_known(unit: str) -> bool:
    return normalise_unit(unit) in _PINT


@lru_cache(maxsize=256)
def dimension(unit: str) -> str | None:
    """energy, mass, volume, area, length or count; ``None`` for an unknown unit."""
    canonical = normalise_unit(unit)
    if canonical not in _PINT:
        return None
    ureg = registry()
    dims = ureg.parse_expression(_PINT[canonical]).dimensionality
    for name, probe in (
        (ENERGY, "joule"),
        (MASS, "gram"),
        (VOLUME, "meter ** 3"),
        (AREA, "meter ** 2"),
        (LENGTH, "meter"),
        (COUNT, "piece"),
    ):
        if dims == ureg.parse_expression(probe).dimensionality:
            return name
    return None


@lru_cache(maxsize=1024)
def factor(from_unit: str, to_unit: str) -> float:
    """Multiply a quantity in ``from_unit`` by this to get ``to_unit``.

    Raises ``UserError`` ("units.unknown" or "units.incompatible") rather than guessing.
    """
    a, b = normalise_unit(from_unit), normalise_unit(to_unit)
    for u in (a, b):
        if u not in _PINT:
            raise UserError.of("units.unknown", unit=u)
    if a == b:
        return 1.0
    if dimension(a) != dimension(b):
        raise UserError.of("units.incompatible", from_unit=a, to_unit=b)
    ureg = registry()
    return float(ureg.Quantity(1.0, _PINT[a]).to(_PINT[b]).magnitude)


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit``."""
    return value * factor(from_unit, to_unit)


def unit_fits_kind(unit: str, kind: StreamKind, location: Location | None = None) -> Problem | None:
    """``None`` when ``unit`` suits a stream of ``kind`` (kWh for electricity, m³ for water…),
    else the problem to show."""
    where = location or Location(field="unit")
    canonical = normalise_unit(unit)
    dim = dimension(canonical)
    if dim is None:
        return Problem("units.unknown", where, {"unit": canonical})
    if dim not in KIND_DIMENSIONS[StreamKind(kind)]:
        allowed = KIND_DIMENSIONS[StreamKind(kind)]
        examples = ", ".join(u for d in _DIMENSION_ORDER if d in allowed for u in EXAMPLES[d])
        return Problem(
            "units.wrong_for_kind",
            where,
            {"unit": canonical, "kind": str(kind), "examples": examples},
        )
    return None


def fuel_mass_t(quantity: float, unit: str, fuel_code: str, resolver) -> float | None:
    """A fuel quantity by mass or volume as tonnes; volume goes through the fuel's density
    (reference ``density.<code>``, overridable). ``None`` when that can't be done."""
    dim = dimension(unit)
    if dim == MASS:
        return quantity * factor(unit, "t")
    if dim == VOLUME:
        density = resolver.get(f"density.{fuel_code}")
        if density is None:
            return None
        mass_unit, _, volume_unit = density.unit.partition("/")
        return quantity * factor(unit, volume_unit) * density.value * factor(mass_unit, "t")
    return None


def fuel_energy_gj(quantity: float, unit: str, fuel_code: str, resolver) -> float | None:
    """Energy content (net calorific value basis) of a fuel quantity, in GJ.

    Energy units convert directly; mass and volume go through ``ncv.<code>`` (GJ/t) and, for
    volume, ``density.<code>``. ``None`` (and a problem recorded by the resolver) when the fuel
    code or a needed value is missing.
    """
    if dimension(unit) == ENERGY:
        return quantity * factor(unit, "GJ")
    ncv = resolver.get(f"ncv.{fuel_code}")
    if ncv is None:
        return None
    mass = fuel_mass_t(quantity, unit, fuel_code, resolver)
    return None if mass is None else mass * ncv.value
