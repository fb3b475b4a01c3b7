"""The park matcher: what one participant offers that another could take in, ranked.

It reads only ``Party`` objects (``app.core.symbiosis.party``), so full audits and exchange files
are matched alike. For every offer of A and need of B (never A with itself):

- the classes fit: the same class, or one the need's class ``takes`` (``waste_classes.toml``);
- a hazardous offer goes only to a need marked ``hazardous_permit``;
- the parks: the same park; with ``neighbours``, also a neighbouring park (``True``: a park of
  the same province; or a list of park names: any two of them, plus ``park`` in ``match``). A firm with no park is matched only as a
  neighbour (same province);
- the months: when both sides give their months, they must share at least one;
- the distance, when both locations are given: at most ``max_distance_km``.

The exchangeable quantity per year is the smaller of offer and need in the offer's unit, each
side counted only over the shared months (a stream assumed even across its own months); it is
not known when a quantity is missing or the units are of different families (``app.core.units``).

Score, 0-100, the sum of four parts (weights in ``WEIGHTS``):
  class 30 (same class 30, a compatible class 24) + quantity 30 x exchangeable / larger of the
  two (unknown: 9) + timing 20 x shared months / months of either (unknown: 10) + place 20
  (same park 20, neighbouring park 10; times 1 - km / 50, at least 0.2, when the distance is
  known). Matches in the same park come first, then by score.

Waste avoided per year: the exchangeable quantity in tonnes when the offer is a waste class in a
mass unit. CO2e avoided: only from a factor in ``resources/reference``:

- ``symbiosis.co2e_avoided.<CODE>`` (unit ``tCO2e/<unit>``), a published factor as such; none is
  shipped yet (no factor for avoided disposal or virgin material has been read from its source);
- ``symbiosis.heat_displaces.<CODE>.<fuel>`` (``symbiosis_co2e.csv``), for heat: its value is
  the efficiency of the boiler whose heat the exchange displaces, and the factor is derived from
  the IPCC 2006 fuel table, ``fuel_co2e_t_per_gj(fuel) / efficiency`` tCO2e per GJ of heat
  (``app.core.indicators``), so the fuel factors keep one home. An explicit ``co2e_avoided``
  row wins over a derived one.
- ``symbiosis.landfill_diverts.<CODE>.<type>`` (``landfill_ipcc2006.csv``), for degradable
  wastes kept out of a landfill: its value is the share of the waste of IPCC waste ``<type>``,
  and the factor is the methane the landfill would eventually emit by the IPCC 2006 Vol. 5
  ch. 3 mass-balance default method (no first-order-decay timing), ``share x DOC x DOCf x MCF
  x F x 16/12 x (1 - OX) x GWP CH4`` tCO2e per tonne (parameters ``landfill.ipcc2006.*``). Only
  when the offer's route today is a landfill, or not known (then the reason says it assumes
  one); a route that is plainly something else (recycled, incinerated, sold...) reads "not
  estimated".

Other classes (non-degradable wastes: plastics, metals, ash, solvents, whose benefit is the
virgin material they replace, not counted here), and heat given in tonnes of steam, read "not
estimated".
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core import units
from app.core.errors import Location, Problem, UserError
from app.core.indicators import fuel_co2e_t_per_gj
from app.core.reference import RefValue, Resolver, table
from app.core.symbiosis.classes import ClassList, Group, ResourceClass, fold, shipped_classes
from app.core.symbiosis.party import Party, PartyItem

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
MAX_DISTANCE_KM = 50.0
DISTANCE_SCALE_KM = 50.0
CO2E_PREFIX = "symbiosis.co2e_avoided."
HEAT_PREFIX = "symbiosis.heat_displaces."
LANDFILL_PREFIX = "symbiosis.landfill_diverts."
LANDFILL_PARAMS = "landfill.ipcc2006."
CH4_PER_C = 16.0 / 12.0  # molecular weight ratio CH4 / C
# IPCC 2006 Vol. 5 ch. 3 table 3.1: the site type each MCF stands for (the reason names it).
SITE_BY_MCF = {1.0: "managed", 0.8: "deep", 0.4: "shallow", 0.6: "uncategorised"}
# The disposal route as the auditor wrote it (folded: no accents, lower case), to tell a landfill
# from a route that is plainly not one; anything else is "not known" (a landfill is assumed).
LANDFILL_WORDS = ("landfill", "chon lap", "bai rac", "dump", "bai chon")
OTHER_ROUTE_WORDS = (
    "recycl",
    "tai che",
    "incinerat",
    "dot",
    "compost",
    "reuse",
    "tai su dung",
    "sold",
    "ban cho",
    "ban phe lieu",
    "biogas",
    "co process",
    "dong xu ly",
    "animal feed",
    "thuc an chan nuoi",
)
WEIGHTS = {"class": 30.0, "quantity": 30.0, "timing": 20.0, "place": 20.0}
COMPATIBLE_SHARE = 0.8  # a compatible class scores 80 % of the same class
UNKNOWN_QUANTITY_SHARE = 0.3
UNKNOWN_TIMING_SHARE = 0.5
NEIGHBOUR_SHARE = 0.5
MIN_DISTANCE_SHARE = 0.2


@dataclass(frozen=True)
class Reason:
    """Why (or why not): a message key of ``resources/messages/symbiosis_match.toml``."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejection:
    """A pair the matcher does not propose, and the first rule it broke."""

    reason: Reason


@dataclass(frozen=True)
class Match:
    giver: Party
    offer: PartyItem
    taker: Party
    need: PartyItem
    same_class: bool
    same_park: bool
    quantity: float | None  # exchangeable per year, in ``unit`` (the offer's)
    unit: str
    months: tuple[int, ...]  # shared calendar months; empty: not known
    distance_km: float | None
    score: float
    parts: dict[str, float]  # the score's parts, by WEIGHTS key
    reasons: tuple[Reason, ...]
    waste_avoided_t: float | None  # per year; None: not a waste in a mass unit
    co2e_avoided_t: float | None  # per year; None: not estimated
    co2e_source: str = ""

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.giver.key, self.offer.code, self.taker.key, self.need.code)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def co2e_factors() -> dict[str, RefValue]:
    """The shipped CO2e-avoided factors by class code: the published ones, and those derived
    for heat from the displaced boiler fuel and for degradable wastes from the landfill methane
    they avoid (see the module's note)."""
    shipped = table()
    derived = {
        key[len(prefix) :].rsplit(".", 1)[0]: derive(rows[-1])
        for prefix, derive in DERIVED.items()
        for key, rows in shipped.items()
        if key.startswith(prefix)
    }
    published = {
        key[len(CO2E_PREFIX) :]: rows[-1]
        for key, rows in shipped.items()
        if key.startswith(CO2E_PREFIX)
    }
    return {**derived, **published}


def heat_factor(row: RefValue) -> RefValue:
    """tCO2e avoided per GJ of heat given, from a ``symbiosis.heat_displaces.<CODE>.<fuel>`` row
    whose value is the displaced boiler's efficiency."""
    code, _, fuel = row.key[len(HEAT_PREFIX) :].rpartition(".")
    ref = Resolver()
    if not code or not ref.has(f"ef_co2.{fuel}") or not 0.0 < row.value <= 1.0:
        raise UserError(
            Problem(
                "reference.bad_heat_displacement",
                Location(entity="reference", entity_id=row.key),
                {"key": row.key, "fuel": fuel, "value": row.value},
            )
        )
    per_gj_fuel, _biogenic = fuel_co2e_t_per_gj(fuel, ref)
    cited = [v.source for v in ref.used.values() if v.source]
    return RefValue(
        key=row.key,  # kept: the reason names the fuel and the efficiency
        value=per_gj_fuel / row.value,
        unit="tCO2e/GJ",
        source="; ".join(dict.fromkeys([*cited, f"{row.key} = {row.value:g} ({row.source})"])),
        note=row.note,
    )


def landfill_factor(row: RefValue) -> RefValue:
    """tCO2e avoided per tonne of degradable waste kept out of a landfill, from a
    ``symbiosis.landfill_diverts.<CODE>.<type>`` row whose value is the share of the waste of
    IPCC waste type ``<type>`` (IPCC 2006 Vol. 5 ch. 3 mass-balance default method)."""
    code, _, kind = row.key[len(LANDFILL_PREFIX) :].rpartition(".")
    ref = Resolver()
    doc_key = f"{LANDFILL_PARAMS}doc.{kind}"
    if not code or not ref.has(doc_key) or not 0.0 < row.value <= 1.0:
        raise UserError(
            Problem(
                "reference.bad_landfill_diversion",
                Location(entity="reference", entity_id=row.key),
                {"key": row.key, "kind": kind, "value": row.value},
            )
        )
    p = {name: ref.value(LANDFILL_PARAMS + name) for name in ("docf", "mcf", "f", "ox")}
    ch4_per_t = (
        row.value * ref.value(doc_key) * p["docf"] * p["mcf"] * p["f"] * CH4_PER_C * (1 - p["ox"])
    )
    gwp = ref.value("gwp.ch4")
    cited = [v.source for v in ref.used.values() if v.source]
    return RefValue(
        key=row.key,  # kept: the reason names the waste type and the parameters
        value=ch4_per_t * gwp,
        unit="tCO2e/t",
        source="; ".join(dict.fromkeys([*cited, f"{row.key} = {row.value:g} ({row.source})"])),
        note=row.note,
    )


# How a factor is derived from a row of each prefix: one structure for heat and landfill.
DERIVED = {HEAT_PREFIX: heat_factor, LANDFILL_PREFIX: landfill_factor}


def landfill_route(route: str) -> bool | None:
    """True: the route today is a landfill; False: plainly another route; None: not known."""
    folded = fold(route)
    if not folded:
        return None
    words = f" {folded} "
    if any(w in folded for w in LANDFILL_WORDS):
        return True
    if any(f" {w}" in words for w in OTHER_ROUTE_WORDS):
        return False
    return None


def _park_key(text: str) -> str:
    return fold(text)


def _same_park(a: Party, b: Party) -> bool:
    return bool(_park_key(a.park)) and _park_key(a.park) == _park_key(b.park)


def _neighbours(a: Party, b: Party, neighbours: bool | Collection[str]) -> bool:
    """``b``'s park neighbours ``a``'s: same province (``True``), or both named in the list."""
    if neighbours is True:
        return bool(fold(a.province)) and fold(a.province) == fold(b.province)
    if not neighbours or isinstance(neighbours, bool):
        return False
    named = {_park_key(n) for n in neighbours}
    return _park_key(a.park) in named and _park_key(b.park) in named


def _in_scope(party: Party, park: str | None) -> bool:
    return park is None or _park_key(party.park) == _park_key(park)


def _quantity(offer: PartyItem, need: PartyItem, shared: tuple[int, ...]) -> tuple[Any, ...]:
    """(exchangeable in the offer's unit or None, larger side or None, reason)."""
    if offer.quantity_per_year is None or need.quantity_per_year is None:
        return None, None, Reason("symbiosis.match.why.quantity_unknown")
    a_unit, b_unit = units.normalise_unit(offer.unit), units.normalise_unit(need.unit)
    dim_a, dim_b = units.dimension(a_unit), units.dimension(b_unit)
    if a_unit != b_unit and (dim_a is None or dim_a != dim_b):
        return (
            None,
            None,
            Reason("symbiosis.match.why.units_differ", {"offer_unit": a_unit, "need_unit": b_unit}),
        )
    need_q = need.quantity_per_year * (units.factor(b_unit, a_unit) if a_unit != b_unit else 1.0)
    give = offer.quantity_per_year
    if shared:
        give *= len(shared) / len(offer.months)
        need_q *= len(shared) / len(need.months)
    exchangeable = min(give, need_q)
    return (
        exchangeable,
        max(give, need_q),
        Reason(
            "symbiosis.match.why.quantity",
            {
                "quantity": exchangeable,
                "unit": a_unit,
                "offer": give,
                "need": need_q,
                "share": exchangeable / need_q if need_q else 0.0,
            },
        ),
    )


def consider(
    giver: Party,
    offer: PartyItem,
    taker: Party,
    need: PartyItem,
    *,
    neighbours: bool | Collection[str] = False,
    classes: ClassList | None = None,
    max_distance_km: float | None = MAX_DISTANCE_KM,
    factors: Mapping[str, RefValue] | None = None,
) -> Match | Rejection:
    """The match of ``offer`` (by ``giver``) with ``need`` (by ``taker``), or why there is none."""
    classes = classes if classes is not None else shipped_classes()
    if giver.key == taker.key:
        return Rejection(Reason("symbiosis.match.not.self"))
    if not classes.accepts(need.code, offer.code):
        return Rejection(
            Reason("symbiosis.match.not.class", {"offer": offer.code, "need": need.code})
        )
    hazardous = offer.hazardous or classes.is_hazardous(offer.code)
    if hazardous and not need.hazardous_permit:
        return Rejection(Reason("symbiosis.match.not.permit", {"offer": offer.code}))
    same_park = _same_park(giver, taker)
    if not same_park and not _neighbours(giver, taker, neighbours):
        return Rejection(
            Reason("symbiosis.match.not.park", {"giver": giver.park, "taker": taker.park})
        )
    shared: tuple[int, ...] = ()
    if offer.months and need.months:
        shared = tuple(sorted(set(offer.months) & set(need.months)))
        if not shared:
            return Rejection(Reason("symbiosis.match.not.months"))
    distance = None
    if giver.location is not None and taker.location is not None:
        distance = haversine_km(giver.location, taker.location)
        if max_distance_km is not None and distance > max_distance_km:
            return Rejection(
                Reason("symbiosis.match.not.far", {"km": distance, "max": max_distance_km})
            )
    exchangeable, larger, q_reason = _quantity(offer, need, shared)
    if exchangeable is not None and exchangeable <= 0:
        return Rejection(Reason("symbiosis.match.not.nothing"))

    same_class = offer.code == need.code
    reasons = [
        Reason("symbiosis.match.why.same_class", {"code": offer.code})
        if same_class
        else Reason("symbiosis.match.why.compatible", {"offer": offer.code, "need": need.code}),
        q_reason,
    ]
    if shared:
        key = "all_year" if len(shared) == 12 else "months"
        reasons.append(Reason(f"symbiosis.match.why.{key}", {"months": list(shared)}))
    else:
        reasons.append(Reason("symbiosis.match.why.months_unknown"))
    if same_park:
        reasons.append(Reason("symbiosis.match.why.same_park", {"park": giver.park}))
    else:
        reasons.append(
            Reason("symbiosis.match.why.neighbour", {"giver": giver.park, "taker": taker.park})
        )
    if distance is not None:
        reasons.append(Reason("symbiosis.match.why.distance", {"km": distance}))
    if hazardous:
        reasons.append(Reason("symbiosis.match.why.permit", {"code": offer.code}))

    union = set(offer.months) | set(need.months)
    parts = {
        "class": WEIGHTS["class"] * (1.0 if same_class else COMPATIBLE_SHARE),
        "quantity": WEIGHTS["quantity"]
        * (
            exchangeable / larger if exchangeable is not None and larger else UNKNOWN_QUANTITY_SHARE
        ),
        "timing": WEIGHTS["timing"]
        * (len(shared) / len(union) if shared else UNKNOWN_TIMING_SHARE),
        "place": WEIGHTS["place"]
        * (1.0 if same_park else NEIGHBOUR_SHARE)
        * (
            max(MIN_DISTANCE_SHARE, 1.0 - distance / DISTANCE_SCALE_KM)
            if distance is not None
            else 1.0
        ),
    }
    waste_t, co2e, source, co2e_reason = _avoided(offer, exchangeable, classes, factors)
    reasons.append(co2e_reason)
    return Match(
        giver=giver,
        offer=offer,
        taker=taker,
        need=need,
        same_class=same_class,
        same_park=same_park,
        quantity=exchangeable,
        unit=units.normalise_unit(offer.unit),
        months=shared,
        distance_km=distance,
        score=round(sum(parts.values()), 1),
        parts=parts,
        reasons=tuple(reasons),
        waste_avoided_t=waste_t,
        co2e_avoided_t=co2e,
        co2e_source=source,
    )


def _avoided(
    offer: PartyItem,
    exchangeable: float | None,
    classes: ClassList,
    factors: Mapping[str, RefValue] | None,
) -> tuple[float | None, float | None, str, Reason]:
    """Tonnes of waste and of CO2e avoided per year, the factor's source, and the reason."""
    cls = classes.get(offer.code)
    unit = units.normalise_unit(offer.unit)
    waste_t = None
    if exchangeable is not None and cls is not None and cls.group is Group.WASTE:
        if units.dimension(unit) == units.MASS:
            waste_t = units.convert(exchangeable, unit, "t")
    factors = co2e_factors() if factors is None else factors
    factor = factors.get(offer.code)
    if factor is None:
        return waste_t, None, "", _not_estimated(cls)
    per = factor.unit.split("/", 1)[1].strip() if "/" in factor.unit else ""
    if (
        exchangeable is None
        or units.dimension(per) is None
        or units.dimension(per) != units.dimension(unit)
    ):
        return waste_t, None, "", Reason("symbiosis.match.why.co2e_not_estimated")
    landfill = factor.key.startswith(LANDFILL_PREFIX)
    route = landfill_route(offer.disposal_route) if landfill else None
    if landfill and route is False:
        reason = Reason("symbiosis.match.why.co2e_not_landfilled", {"route": offer.disposal_route})
        return waste_t, None, "", reason
    co2e = units.convert(exchangeable, unit, per) * factor.value
    shipped = (
        table().get(factor.key) if factor.key.startswith((HEAT_PREFIX, LANDFILL_PREFIX)) else None
    )
    if shipped and not landfill:
        reason = Reason(
            "symbiosis.match.why.co2e_heat",
            {
                "t": co2e,
                "fuel": factor.key.rsplit(".", 1)[1],
                "efficiency": shipped[-1].value,
                "factor": factor.value,
            },
        )
    elif shipped:
        ref = Resolver()
        kind = factor.key.rsplit(".", 1)[1]
        reason = Reason(
            "symbiosis.match.why.co2e_landfill" + ("" if route else "_assumed"),
            {
                "t": co2e,
                "ch4": co2e / ref.value("gwp.ch4"),
                "kind": kind,
                "doc": ref.value(f"{LANDFILL_PARAMS}doc.{kind}"),
                "mcf": ref.value(f"{LANDFILL_PARAMS}mcf"),
                "site": SITE_BY_MCF.get(ref.value(f"{LANDFILL_PARAMS}mcf"), "other"),
                "factor": factor.value,
            },
        )
    else:
        reason = Reason("symbiosis.match.why.co2e", {"t": co2e, "source": factor.source})
    return waste_t, co2e, factor.source, reason


def _not_estimated(cls: ResourceClass | None) -> Reason:
    """Why no CO2e: a solid or hazardous waste with no landfill methane counted (plastics,
    metals, ash, solvents: their benefit, the virgin material they replace, is not counted), or
    no sourced factor at all."""
    if (
        cls is not None
        and cls.group is Group.WASTE
        and (cls.fits("solid_waste") or cls.fits("hazardous_waste"))
    ):
        return Reason("symbiosis.match.why.co2e_not_degradable")
    return Reason("symbiosis.match.why.co2e_not_estimated")


def match(
    parties: Sequence[Party],
    park: str | None = None,
    neighbours: bool | Collection[str] = False,
    *,
    classes: ClassList | None = None,
    max_distance_km: float | None = MAX_DISTANCE_KM,
    factors: Mapping[str, RefValue] | None = None,
) -> list[Match]:
    """Every proposed exchange among ``parties``, same park first, then best score.

    With ``park``, every match involves a firm of that park; its partner is in the same park, or
    (``neighbours``) in a neighbouring one."""
    classes = classes if classes is not None else shipped_classes()
    factors = co2e_factors() if factors is None else factors
    if park is not None and not isinstance(neighbours, bool):
        neighbours = [*neighbours, park]  # the park neighbours the parks named for it
    found: list[Match] = []
    for giver in parties:
        for taker in parties:
            if giver.key == taker.key:
                continue
            if not (_in_scope(giver, park) or _in_scope(taker, park)):
                continue
            for offer in giver.offers():
                for need in taker.needs():
                    result = consider(
                        giver,
                        offer,
                        taker,
                        need,
                        neighbours=neighbours,
                        classes=classes,
                        max_distance_km=max_distance_km,
                        factors=factors,
                    )
                    if isinstance(result, Match):
                        found.append(result)
    found.sort(key=lambda m: (not m.same_park, -m.score, m.giver.label, m.taker.label, m.key))
    return found
