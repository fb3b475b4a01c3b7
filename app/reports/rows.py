"""The rows of a report snapshot: small frozen records of what a report shows.

Apart from ``app.reports.snapshot`` so that ``app.reports.figures`` can build rows without
importing the snapshot that imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Text2:
    """User text in Vietnamese and (maybe) English."""

    vi: str = ""
    en: str = ""

    def get(self, lang: str) -> tuple[str, bool]:
        """(text, untranslated): the Vietnamese stands in when the English is missing."""
        if lang == "en" and not self.en and self.vi:
            return self.vi, True
        return (self.en if lang == "en" else self.vi) or self.en, False


@dataclass(frozen=True)
class Member:
    name: str
    role: Text2
    organisation: Text2
    department: Text2


@dataclass(frozen=True)
class ProductRow:
    name: Text2
    unit: str
    annual_output: float | None
    share: float | None = None  # of the whole output (confidential variant: instead of output)


@dataclass(frozen=True)
class FlowRow:
    direction: str
    name: Text2
    quantity: float | None
    unit: str


@dataclass(frozen=True)
class PlantFlowRow:
    """One flow of a plant-wide diagram (``app.core.plant_flows``): ``step`` indexes the
    snapshot's steps; direction "input", "output", "loss", "next" or "prev"."""

    step: int
    direction: str
    name: Text2
    quantity: float


@dataclass(frozen=True)
class PlantDiagramRow:
    kind: str  # "material", "water", "energy", "fuel"
    unit: str
    flows: tuple[PlantFlowRow, ...]


@dataclass(frozen=True)
class BalanceRow:
    """One unit family's balance of a step (``app.core.indicators.step_balances``)."""

    dimension: str  # mass, volume, energy
    unit: str  # t, m³, GJ
    inputs: float
    outputs: float
    losses: float
    unaccounted: float
    share: float | None  # unaccounted / inputs; None: no inputs of this family
    flagged: bool


@dataclass(frozen=True)
class StepRow:
    name: Text2
    description: str
    flows: tuple[FlowRow, ...]
    balances: tuple[BalanceRow, ...] = ()  # one per unit family with flows, never mixed


@dataclass(frozen=True)
class StreamRow:
    id: str
    kind: str
    group: str
    name: Text2
    unit: str
    unit_price: int | None
    months: tuple[tuple[str, float | None, int | None], ...]  # (period, qty, cost)
    annual_quantity: float | None
    annual_cost: int | None
    energy_gj: float | None = None
    co2e_t: float | None = None
    confidential: bool = False
    flagged: tuple[bool, ...] = ()  # per month: outlier or duplicate (drawn in the warning colour)


@dataclass(frozen=True)
class SpecificRow:
    stream: Text2
    product: Text2
    value: float | None
    unit: str
    stream_id: str = ""
    per_period: tuple[tuple[str, float | None], ...] = ()  # the trend chart's points
    plant_level: bool = False  # not allocated to products: per t of the whole output


@dataclass(frozen=True)
class IndicatorRow:
    key: str  # catalogue key suffix, e.g. "energy_productivity"
    value: float | None
    unit: str
    basis: str = ""  # "value_added" or "output"


@dataclass(frozen=True)
class PhotoRow:
    caption: Text2
    jpeg: bytes | None  # None: missing or undecodable
    width: int
    height: int


@dataclass(frozen=True)
class FindingRow:
    area: Text2  # the template's area name in both languages when it has one
    title: Text2
    note: Text2
    severity: str
    category: str
    step: Text2
    photos: tuple[PhotoRow, ...]


@dataclass(frozen=True)
class SavingRow:
    stream_id: str
    stream: Text2
    quantity: float
    unit: str
    unit_price: int | None


@dataclass(frozen=True)
class OptionRow:
    id: str
    code: str
    title: Text2
    description: Text2
    category: str
    symbiosis: bool
    status: str
    screening: str
    rejection_reason: Text2
    step: Text2
    savings: tuple[SavingRow, ...]
    override_saving: int | None
    override_reason: Text2
    investment: int | None
    added_opex: int | None
    lifetime: int
    discount_rate: float
    annual_saving: int | None
    payback: float | None
    npv: float | None
    irr: float | None
    co2e_t: float | None
    responsible: str
    target_date: date | None
    implemented_date: date | None
    verified_saving: int | None
    rejected: bool = False  # left out of the totals (options.is_rejected)
    calculations: tuple = ()  # the option's CalculationRun's (app/reports/calculations.py)
    actual_investment: int | None = None  # what implementing it cost, when entered
    assessed: bool = True  # False: no money entered, the payback reads "not assessed"


@dataclass(frozen=True)
class ReferenceRow:
    key: str
    label: Text2
    value: float
    unit: str
    source: str
    year: str
    override_reason: str = ""
    unit_text: Text2 | None = None  # the unit as printed (translated); None: ``unit``
    source_text: Text2 | None = None  # the source as printed (translated); None: ``source``


@dataclass(frozen=True)
class Totals:
    by_category: tuple[tuple[str, int], ...]
    by_status: tuple[tuple[str, int], ...]
    investment: int | None
    annual_saving: int | None
    payback: float | None
    co2e_t: float | None
    implemented: int


@dataclass(frozen=True)
class Gap:
    """Something missing that the report must say: a catalogue key and its parameters."""

    key: str
    params: tuple[tuple[str, str], ...] = ()
