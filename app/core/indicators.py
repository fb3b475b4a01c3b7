"""Indicators of an audit, as pure functions of the ``Audit`` and the reference data.

Formulas: docs/DOMAIN.md §3 (Formulas). Everything is computed over the baseline periods
(records outside it are left out; validation warns about them). Conversion factors are
linear, so each stream gets its factors once (GJ, TOE, CO2e per unit of the stream) and the records are summed
in one pass: the whole computation is a few dict operations per record.

What the user must be told (a fallback year, a fuel without an official TOE factor, an
allocation by output mass) comes back as warning ``Problem``s in ``Indicators.problems``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field

from app.core import units
from app.core.costs import StreamCost, stream_cost
from app.core.errors import Level, Location, Problem, UserError
from app.core.model import Audit, FlowDirection, PeriodRecord, ResourceStream, StreamKind
from app.core.reference import RefValue, Resolver
from app.core.shares import cost_shares

MATERIAL_KINDS = (StreamKind.RAW_MATERIAL, StreamKind.AUXILIARY_MATERIAL, StreamKind.PACKAGING)
WASTE_KINDS = (StreamKind.SOLID_WASTE, StreamKind.HAZARDOUS_WASTE)


@dataclass(frozen=True)
class StreamFactors:
    """Per one unit of a stream: energy (GJ), official VN TOE, fossil CO2e and biogenic CO2 (t)."""

    gj: float = 0.0
    toe: float = 0.0
    co2e_t: float = 0.0
    biogenic_co2_t: float = 0.0
    toe_official: bool = True


@dataclass(frozen=True)
class StreamTotal:
    stream_id: str
    kind: str
    name_vi: str
    name_en: str
    unit: str
    quantity: float  # over the baseline, in the stream's unit
    cost_vnd: int | None  # invoice totals where entered, else quantity x price; None: no cost
    cost_share: float | None  # of the total cost of all streams with a positive cost
    price_vnd: float | None  # price per unit used (entered, else implied by invoices)
    periods: int  # baseline periods with a record
    energy_gj: float
    toe: float
    co2e_t: float
    biogenic_co2_t: float
    cost_complete: bool = True  # False when some record had neither invoice nor price


@dataclass(frozen=True)
class EnergySummary:
    total_gj: float
    electricity_gj: float
    fuel_gj: float
    total_toe: float  # Vietnam's official TOE factors (IEA toe where none exists)
    threshold_toe: float | None
    threshold_source: str
    key_energy_user: bool | None  # None: threshold unknown


@dataclass(frozen=True)
class Emissions:
    scope1_t: float  # fuels, fossil CO2 + CH4 and N2O as CO2e
    scope2_t: float  # grid electricity
    total_t: float
    biogenic_co2_t: float  # reported separately, not in the total
    grid_ef: float | None  # tCO2/MWh
    grid_ef_year: int | None  # the year whose factor was used
    reference_year: int | None  # the audit's year


@dataclass(frozen=True)
class SpecificConsumption:
    stream_id: str
    product_id: str
    unit: str  # e.g. "kWh/t"
    annual: float | None  # None: undefined (zero output or no allocation possible)
    per_period: tuple[tuple[str, float | None], ...]
    # "single" (one product), "key" (the auditor's allocation key) or "plant" (not allocated:
    # ``product_id`` empty, per t of the whole output)
    allocation: str
    share: float | None  # the product's share of the stream over the baseline


@dataclass(frozen=True)
class RecpIndicators:
    basis: str  # "value_added" (million VND) or "output" (physical output)
    basis_amount: float | None
    basis_unit: str
    energy_gj: float
    water_m3: float
    materials_t: float
    waste_t: float
    wastewater_m3: float
    co2e_t: float
    energy_productivity: float | None  # basis / GJ
    water_productivity: float | None  # basis / m³
    materials_productivity: float | None  # basis / t
    waste_intensity: float | None  # t / basis
    wastewater_intensity: float | None  # m³ / basis
    carbon_intensity: float | None  # t CO2e / basis


@dataclass(frozen=True)
class StepBalance:
    step_id: str
    dimension: str  # mass, volume or energy: flows are balanced within one dimension
    unit: str  # t, m³ or GJ
    inputs: float
    outputs: float
    losses: float
    unaccounted: float
    share: float | None  # unaccounted / inputs; None without inputs
    flagged: bool
    skipped_flows: int  # flows without quantity or with a unit of another/unknown dimension


@dataclass(frozen=True)
class Indicators:
    periods: tuple[str, ...]
    reference_year: int | None
    streams: tuple[StreamTotal, ...]
    total_cost_vnd: int
    energy: EnergySummary
    emissions: Emissions
    specific: tuple[SpecificConsumption, ...]
    recp: RecpIndicators
    balances: tuple[StepBalance, ...]
    reference_used: tuple[RefValue, ...]
    problems: tuple[Problem, ...] = field(default=())

    def stream(self, stream_id: str) -> StreamTotal | None:
        return next((s for s in self.streams if s.stream_id == stream_id), None)


@dataclass(frozen=True)
class FinanceContext:
    """What option figures share across options: prices and CO2e per stream unit."""

    prices: dict[str, float | None]
    co2e_per_unit: dict[str, float]
    cost_low_max: float
    cost_medium_max: float


# ---------------------------------------------------------------------------------------------
# Building blocks


def _stream_where(stream: ResourceStream, fld: str = "unit") -> Location:
    return Location(entity="stream", entity_id=stream.id, field=fld)


def stream_factors(stream: ResourceStream, ref: Resolver, problems: list[Problem]) -> StreamFactors:
    """GJ, TOE and emissions per one unit of ``stream`` (zero for non-energy streams)."""
    unit = stream.unit
    dim = units.dimension(unit)
    try:
        if stream.kind == StreamKind.ELECTRICITY and dim == units.ENERGY:
            mwh = units.factor(unit, "MWh")
            toe = ref.value("toe_vn.electricity", 0.0) * mwh
            grid = ref.value("grid_ef", 0.0, by_year=True)
            return StreamFactors(gj=mwh * 3.6, toe=toe, co2e_t=mwh * grid)
        if stream.kind == StreamKind.FUEL:
            return _fuel_factors(stream, ref, problems)
        if stream.kind == StreamKind.STEAM and dim == units.ENERGY:
            # Bought-in heat counts as energy; steam in tonnes is made on site from fuels that
            # are already counted, so counting it too would double count.
            gj = units.factor(unit, "GJ")
            return StreamFactors(gj=gj, toe=gj / ref.value("toe_iea", 41.868), toe_official=False)
    except UserError as exc:
        problems.append(_relocate(exc.problem, stream))
    return StreamFactors()


def _relocate(problem: Problem, stream: ResourceStream) -> Problem:
    return Problem(problem.key, _stream_where(stream), problem.params, Level.WARNING)


def _fuel_factors(stream: ResourceStream, ref: Resolver, problems: list[Problem]) -> StreamFactors:
    code = stream.fuel_code
    if not code:
        problems.append(
            Problem(
                "validation.fuel_code_missing",
                _stream_where(stream, "fuel_code"),
                {"stream": stream.name_vi},
                Level.WARNING,
            )
        )
        return StreamFactors()
    gj = units.fuel_energy_gj(1.0, stream.unit, code, ref)
    if gj is None:
        return StreamFactors()
    co2e_per_gj, biogenic_per_gj = fuel_co2e_t_per_gj(code, ref)
    toe, official = _fuel_toe(stream, code, gj, ref)
    return StreamFactors(
        gj=gj,
        toe=toe,
        co2e_t=co2e_per_gj * gj,
        biogenic_co2_t=biogenic_per_gj * gj,
        toe_official=official,
    )


def fuel_co2e_t_per_gj(code: str, ref: Resolver) -> tuple[float, float]:
    """Tonnes of CO2e (fossil CO2 + CH4 + N2O at the AR5 GWP) and of biogenic CO2 (reported
    apart, not in the total) per GJ of fuel ``code`` burnt (net calorific value), from the
    IPCC 2006 factors (``fuels_ipcc2006.csv``, kg/TJ)."""
    per_gj = 1e-6  # kg/TJ -> t/GJ
    co2 = ref.value(f"ef_co2.{code}", 0.0) * per_gj
    ch4 = ref.value(f"ef_ch4.{code}", 0.0) * per_gj
    n2o = ref.value(f"ef_n2o.{code}", 0.0) * per_gj
    non_co2 = ch4 * ref.value("gwp.ch4", 28.0) + n2o * ref.value("gwp.n2o", 265.0)
    if ref.value(f"biogenic.{code}", 0.0):
        return non_co2, co2
    return non_co2 + co2, 0.0


def _fuel_toe(stream: ResourceStream, code: str, gj: float, ref: Resolver) -> tuple[float, bool]:
    """Official VN TOE per unit where letter 3505/BCT-KHCN gives one, else IEA toe from GJ."""
    dim = units.dimension(stream.unit)
    if dim == units.MASS and ref.has(f"toe_vn.{code}"):
        return ref.value(f"toe_vn.{code}") * units.factor(stream.unit, "t"), True
    if dim == units.VOLUME and ref.has(f"toe_vn.{code}.volume"):
        per = ref.get(f"toe_vn.{code}.volume")
        assert per is not None  # ref.has said so
        volume_unit = per.unit.split("/")[-1].replace("1000", "").strip()  # "TOE/1000 L"
        return per.value * units.factor(stream.unit, volume_unit) / 1000.0, True
    return gj / ref.value("toe_iea", 41.868), False


def stream_prices(audit: Audit, periods: list[str] | None = None) -> dict[str, float | None]:
    """VND per unit of each stream: the entered price, else the average implied by invoices."""
    prices: dict[str, float | None] = {}
    qty: dict[str, float] = defaultdict(float)
    cost: dict[str, float] = defaultdict(float)
    wanted = set(periods) if periods else None
    for r in audit.records:
        if r.cost_vnd is not None and (wanted is None or r.period in wanted):
            qty[r.stream_id] += r.quantity
            cost[r.stream_id] += r.cost_vnd
    for s in audit.streams:
        if s.unit_price_vnd is not None:
            prices[s.id] = float(s.unit_price_vnd)
        elif qty.get(s.id):
            prices[s.id] = cost[s.id] / qty[s.id]
        else:
            prices[s.id] = None
    return prices


def finance_context(audit: Audit, ref: Resolver | None = None) -> FinanceContext:
    ref = ref or Resolver(audit)
    problems: list[Problem] = []
    co2e = {s.id: stream_factors(s, ref, problems).co2e_t for s in audit.streams}
    return FinanceContext(
        prices=stream_prices(audit, audit.baseline_periods() or None),
        co2e_per_unit=co2e,
        cost_low_max=ref.value("cost_class.low_max_vnd", 50_000_000),
        cost_medium_max=ref.value("cost_class.medium_max_vnd", 500_000_000),
    )


def _periods(audit: Audit) -> tuple[list[str], list[Problem]]:
    periods = audit.baseline_periods()
    if periods:
        return periods, []
    seen = sorted({r.period for r in audit.records} | {p.period for p in audit.production})
    return seen, [
        Problem("validation.no_baseline", Location(field="baseline_start"), {}, Level.WARNING)
    ]


# ---------------------------------------------------------------------------------------------
# Specific consumption


def _product_outputs(audit: Audit, periods: set[str]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {p.id: defaultdict(float) for p in audit.products}
    for rec in audit.production:
        if rec.period in periods and rec.product_id in out:
            out[rec.product_id][rec.period] += rec.quantity
    return out


def specific_consumption(
    audit: Audit,
    per_period_qty: dict[str, dict[str, float]],
    periods: list[str],
    outputs: dict[str, dict[str, float]],
    problems: list[Problem],
    *,
    matrix: bool = True,
) -> list[SpecificConsumption]:
    """Stream per unit of product, per period and over the baseline.

    One product takes all of each stream. With several, a stream goes to the products by the
    auditor's allocation key (``ResourceStream.allocation``: product id -> weight; a product
    the key leaves out gets none of it and no row). A stream without a key is not allocated:
    one "plant level" row (``product_id`` empty) per unit of the whole output mass, never the
    same plant figure printed for each product as if it were its own. Zero output gives
    ``None`` (undefined), never a division by zero.

    The result has streams x products x periods figures; ``matrix=False`` gives only the
    allocation warnings (linear in the products), for callers that do not show the matrix.
    """
    products = audit.products
    if not products:
        return []
    single = len(products) == 1
    mass_factor: dict[str, float | None] = {
        p.id: units.factor(p.unit, "t") if units.dimension(p.unit) == units.MASS else None
        for p in products
    }
    for p in products:
        if not single and mass_factor[p.id] is None:
            problems.append(
                Problem(
                    "indicators.allocation_not_mass",
                    Location(entity="product", entity_id=p.id, field="unit"),
                    {"product": p.name_vi, "unit": p.unit},
                    Level.WARNING,
                )
            )
    # each period's and the baseline's total output mass (t), for the plant-level figure
    mass_total = {per: 0.0 for per in periods}
    for p in products:
        f = mass_factor[p.id]
        if f is not None:
            for per, q in outputs[p.id].items():
                mass_total[per] += q * f
    annual_mass = sum(mass_total.values())
    out: list[SpecificConsumption] = []
    if not matrix:
        return out
    for stream in audit.streams:
        by_period = per_period_qty.get(stream.id, {})
        stream_total = sum(by_period.values())
        shares = {p.id: 1.0 for p in products} if single else allocation_shares(stream, products)
        if not shares:
            rows = tuple(
                (per, by_period.get(per, 0.0) / mass_total[per] if mass_total[per] else None)
                for per in periods
            )
            out.append(
                SpecificConsumption(
                    stream_id=stream.id,
                    product_id="",
                    unit=f"{stream.unit}/t",
                    annual=stream_total / annual_mass if annual_mass > 0 else None,
                    per_period=rows,
                    allocation="plant",
                    share=None,
                )
            )
            continue
        for p in products:
            share = shares.get(p.id)
            if not share:
                continue
            prod = outputs[p.id]
            per_rows = []
            for per in periods:
                q_out = prod.get(per, 0.0)
                value = by_period.get(per, 0.0) * share / q_out if q_out > 0 else None
                per_rows.append((per, value))
            annual_out = sum(prod.values())
            annual = stream_total * share / annual_out if annual_out > 0 else None
            out.append(
                SpecificConsumption(
                    stream_id=stream.id,
                    product_id=p.id,
                    unit=f"{stream.unit}/{p.unit}",
                    annual=annual,
                    per_period=tuple(per_rows),
                    allocation="single" if single else "key",
                    share=share,
                )
            )
    return out


def allocation_shares(stream: ResourceStream, products) -> dict[str, float]:
    """The stream's allocation key as shares of the audit's products (summing to 1); empty
    when the auditor set none (or only weights of products the audit no longer has)."""
    ids = {p.id for p in products}
    weights = {
        pid: float(w)
        for pid, w in (stream.allocation or {}).items()
        if pid in ids and isinstance(w, (int, float)) and w > 0
    }
    total = sum(weights.values())
    return {pid: w / total for pid, w in weights.items()} if total > 0 else {}


# ---------------------------------------------------------------------------------------------
# Process-step balances


_BALANCE_BASE = {units.MASS: "t", units.VOLUME: "m³", units.ENERGY: "GJ"}
BALANCE_FAMILIES = tuple(_BALANCE_BASE)  # the order every display lists a step's balances in


def step_balances(audit: Audit, threshold: float | None = None) -> list[StepBalance]:
    """Σ inputs − Σ outputs − Σ identified losses = unaccounted, per step and unit family.

    The one home of a process-step balance: the Balances and Process screens, the PDF, the
    workbook and ``python -m app indicators`` all show these figures. Flows are only added
    within one family (mass in t, volume in m³, energy in GJ; kg and t are both mass, L and m³
    both volume): a step with t and m³ flows has two balances, never one of mixed units. A
    family with outputs or losses but no inputs has ``share`` None (nothing to be a share of).
    ``threshold``: the flagged share; by default the audit's ``balance.flag_share``.
    Steps in process order, each step's families in ``BALANCE_FAMILIES`` order.
    """
    if threshold is None:
        threshold = Resolver(audit).value("balance.flag_share", 0.05)
    sums: dict[tuple[str, str], list[float]] = {}
    skipped: dict[str, int] = defaultdict(int)
    slot = {FlowDirection.INPUT: 0, FlowDirection.OUTPUT: 1, FlowDirection.LOSS: 2}
    for flow in audit.flows:
        dim = units.dimension(flow.unit) if flow.quantity is not None else None
        if dim not in _BALANCE_BASE:
            skipped[flow.step_id] += 1
            continue
        acc = sums.setdefault((flow.step_id, dim), [0.0, 0.0, 0.0])
        q = (flow.quantity or 0.0) * units.factor(flow.unit, _BALANCE_BASE[dim])
        acc[slot[FlowDirection(flow.direction)]] += q
    order = {s.id: (s.position, i) for i, s in enumerate(audit.steps)}
    family = {d: i for i, d in enumerate(BALANCE_FAMILIES)}
    out = []
    for (step_id, dim), (inp, outp, loss) in sorted(
        sums.items(), key=lambda kv: (order.get(kv[0][0], (1e9, 0)), family[kv[0][1]])
    ):
        unaccounted = inp - outp - loss
        share = unaccounted / inp if inp > 0 else None
        out.append(
            StepBalance(
                step_id=step_id,
                dimension=dim,
                unit=_BALANCE_BASE[dim],
                inputs=inp,
                outputs=outp,
                losses=loss,
                unaccounted=unaccounted,
                share=share,
                flagged=share is not None and abs(share) > threshold,
                skipped_flows=skipped.get(step_id, 0),
            )
        )
    return out


def balances_of_step(balances, step_id: str) -> list[StepBalance]:
    """The balances (one per unit family) of one step, out of ``step_balances``."""
    return [b for b in balances if b.step_id == step_id]


# ---------------------------------------------------------------------------------------------
# Everything


def compute_indicators(
    audit: Audit, *, balance_threshold: float | None = None, specific: bool = True
) -> Indicators:
    """All indicators of ``audit`` over its baseline, with the reference values they used.

    ``specific=False`` leaves out the specific consumption (``Indicators.specific`` is empty):
    it is the one part whose size is streams x products x periods.
    """
    ref = Resolver(audit)
    periods, problems = _periods(audit)
    period_set = set(periods)
    streams = {s.id: s for s in audit.streams}
    prices = stream_prices(audit, periods)

    # one pass over the records
    qty: dict[str, float] = defaultdict(float)
    records: dict[str, list[PeriodRecord]] = defaultdict(list)
    per_period: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    counted_periods: dict[str, set[str]] = defaultdict(set)
    for r in audit.records:
        if r.period not in period_set or r.stream_id not in streams:
            continue
        sid = r.stream_id
        qty[sid] += r.quantity
        per_period[sid][r.period] += r.quantity
        counted_periods[sid].add(r.period)
        records[sid].append(r)
    no_records = StreamCost(None, True)
    costs = {sid: stream_cost(streams[sid], rs) for sid, rs in records.items()}

    share_of = dict(zip(costs, cost_shares([c.vnd for c in costs.values()]), strict=True))
    totals: list[StreamTotal] = []
    energy_gj = elec_gj = fuel_gj = toe = scope1 = scope2 = biogenic = 0.0
    water = materials = waste = wastewater = 0.0
    for s in audit.streams:
        f = stream_factors(s, ref, problems)
        q = qty.get(s.id, 0.0)
        sc = costs.get(s.id, no_records)
        c = sc.vnd
        if not sc.complete and q:
            problems.append(
                Problem(
                    "indicators.cost_incomplete",
                    _stream_where(s, "unit_price_vnd"),
                    {"stream": s.name_vi},
                    Level.WARNING,
                )
            )
        if not f.toe_official and f.toe and s.kind == StreamKind.FUEL:
            problems.append(
                Problem(
                    "indicators.toe_not_official",
                    _stream_where(s, "fuel_code"),
                    {"stream": s.name_vi, "code": s.fuel_code},
                    Level.WARNING,
                )
            )
        totals.append(
            StreamTotal(
                stream_id=s.id,
                kind=str(s.kind),
                name_vi=s.name_vi,
                name_en=s.name_en,
                unit=s.unit,
                quantity=q,
                cost_vnd=c,
                cost_share=share_of.get(s.id),
                price_vnd=prices.get(s.id),
                periods=len(counted_periods.get(s.id, ())),
                energy_gj=q * f.gj,
                toe=q * f.toe,
                co2e_t=q * f.co2e_t,
                biogenic_co2_t=q * f.biogenic_co2_t,
                cost_complete=sc.complete,
            )
        )
        energy_gj += q * f.gj
        toe += q * f.toe
        biogenic += q * f.biogenic_co2_t
        if s.kind == StreamKind.ELECTRICITY:
            elec_gj += q * f.gj
            scope2 += q * f.co2e_t
        elif s.kind == StreamKind.FUEL:
            fuel_gj += q * f.gj
            scope1 += q * f.co2e_t
        dim = units.dimension(s.unit)
        if s.kind == StreamKind.WATER and dim == units.VOLUME:
            water += q * units.factor(s.unit, "m³")
        elif s.kind == StreamKind.WASTEWATER and dim == units.VOLUME:
            wastewater += q * units.factor(s.unit, "m³")
        elif s.kind in MATERIAL_KINDS and dim == units.MASS:
            materials += q * units.factor(s.unit, "t")
        elif s.kind in WASTE_KINDS and dim == units.MASS:
            waste += q * units.factor(s.unit, "t")

    threshold = ref.get("key_energy_user.industrial_toe")
    energy = EnergySummary(
        total_gj=energy_gj,
        electricity_gj=elec_gj,
        fuel_gj=fuel_gj,
        total_toe=toe,
        threshold_toe=threshold.value if threshold else None,
        threshold_source=threshold.source if threshold else "",
        key_energy_user=(toe >= threshold.value) if threshold else None,
    )
    grid = ref.used.get("grid_ef")
    emissions = Emissions(
        scope1_t=scope1,
        scope2_t=scope2,
        total_t=scope1 + scope2,
        biogenic_co2_t=biogenic,
        grid_ef=grid.value if grid else None,
        grid_ef_year=grid.year if grid else None,
        reference_year=ref.year,
    )

    outputs = _product_outputs(audit, period_set)
    specific_rows = specific_consumption(
        audit, per_period, periods, outputs, problems, matrix=specific
    )
    for p in audit.products:
        if not sum(outputs[p.id].values()):
            problems.append(
                Problem(
                    "validation.zero_output",
                    Location(entity="product", entity_id=p.id, field="output"),
                    {"product": p.name_vi},
                    Level.WARNING,
                )
            )
    recp = _recp(
        audit, outputs, energy_gj, water, materials, waste, wastewater, scope1 + scope2, problems
    )
    if balance_threshold is None:
        balance_threshold = ref.value("balance.flag_share", 0.05)
    balances = step_balances(audit, balance_threshold)

    return Indicators(
        periods=tuple(periods),
        reference_year=ref.year,
        streams=tuple(totals),
        total_cost_vnd=sum(c.vnd or 0 for c in costs.values()),
        energy=energy,
        emissions=emissions,
        specific=tuple(specific_rows),
        recp=recp,
        balances=tuple(balances),
        reference_used=tuple(ref.used[k] for k in sorted(ref.used)),
        problems=tuple(problems) + tuple(ref.problems),
    )


def physical_output(audit: Audit, outputs: dict[str, dict[str, float]]) -> tuple[float | None, str]:
    """Total output: products in mass units summed in t; a single non-mass product in its unit."""
    mass = [p for p in audit.products if units.dimension(p.unit) == units.MASS]
    if mass:
        return sum(sum(outputs[p.id].values()) * units.factor(p.unit, "t") for p in mass), "t"
    if len(audit.products) == 1:
        p = audit.products[0]
        return sum(outputs[p.id].values()), p.unit
    return None, ""


def _recp(audit, outputs, energy_gj, water, materials, waste, wastewater, co2e, problems):
    va = audit.info.enterprise.value_added_vnd
    if va:
        basis, amount, unit = "value_added", va / 1e6, "MVND"
    else:
        amount, unit = physical_output(audit, outputs)
        basis = "output"

    def per_use(use):
        return amount / use if amount and use else None

    def per_basis(x):
        return x / amount if amount else None

    return RecpIndicators(
        basis=basis,
        basis_amount=amount,
        basis_unit=unit,
        energy_gj=energy_gj,
        water_m3=water,
        materials_t=materials,
        waste_t=waste,
        wastewater_m3=wastewater,
        co2e_t=co2e,
        energy_productivity=per_use(energy_gj),
        water_productivity=per_use(water),
        materials_productivity=per_use(materials),
        waste_intensity=per_basis(waste),
        wastewater_intensity=per_basis(wastewater),
        carbon_intensity=per_basis(co2e),
    )


def _problem_dict(p: Problem) -> dict:
    loc = {k: v for k, v in asdict(p.location).items() if v not in ("", None)}
    return {"key": p.key, "level": str(p.level), "params": dict(p.params), "location": loc}


def indicators_as_dict(audit: Audit, *, specific: bool = True) -> dict:
    """The indicators as plain JSON-able data (for ``info --json`` and ``indicators --json``).

    ``specific=False``: without the key ``specific`` (streams x products x periods figures), so
    the size and the time are linear in the audit's content.
    """
    ind = compute_indicators(audit, specific=specific)
    data = asdict(ind)
    data["problems"] = [_problem_dict(p) for p in ind.problems]
    data["reference_used"] = [{**asdict(v), "overridden": v.overridden} for v in ind.reference_used]
    if specific:
        for sc in data["specific"]:
            sc["per_period"] = [{"period": per, "value": v} for per, v in sc["per_period"]]
    else:
        del data["specific"]
    data["periods"] = list(ind.periods)
    return data
