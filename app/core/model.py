"""The audit's domain objects: plain dataclasses with no Qt and no SQLite.

Conventions every layer relies on:
- Every entity has a text ``id`` (uuid4 hex) made in core when the object is created, so an undo
  command can delete and re-insert the very same object, and audits can later be merged.
- Money is integer VND (no minor unit). Quantities are floats with their unit kept beside them.
- A period is a month, written ``"YYYY-MM"``.
- User text is normalised to NFC on input (``clean_text``): some Vietnamese keyboards produce
  decomposed marks, which would otherwise compare unequal and sort oddly.
- Child collections hold ids, not objects, where the child is its own table (records, photos):
  the ``Audit`` aggregate holds flat lists so the store maps one list to one table.
- Annotations are evaluated, not strings (no ``from __future__ import annotations``): the
  store's codec reads every field's type when an audit first opens, and ~130 strings to
  evaluate then cost the GUI's start-up ~2 ms.
"""

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


def new_id() -> str:
    """A fresh entity id."""
    import uuid  # here: importing uuid (and its platform module) slows the GUI's start-up

    return uuid.uuid4().hex


def clean_text(text: str | None) -> str:
    """User text as stored: NFC-normalised, outer whitespace trimmed."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", text).strip()


# ---------------------------------------------------------------------------------------------
# Enumerations. Their values are stored in the audit file: never rename a value, add new ones.


class StreamKind(StrEnum):
    ELECTRICITY = "electricity"
    FUEL = "fuel"
    STEAM = "steam"
    WATER = "water"
    RAW_MATERIAL = "raw_material"
    AUXILIARY_MATERIAL = "auxiliary_material"
    PACKAGING = "packaging"
    CHEMICAL = "chemical"
    SOLID_WASTE = "solid_waste"
    HAZARDOUS_WASTE = "hazardous_waste"
    WASTEWATER = "wastewater"
    AIR_EMISSION = "air_emission"


class StreamGroup(StrEnum):
    """How the baselines screen and reports group stream kinds."""

    ENERGY = "energy"
    WATER = "water"
    MATERIALS = "materials"
    CHEMICALS = "chemicals"
    WASTE = "waste"
    EMISSIONS = "emissions"


STREAM_GROUP: dict[StreamKind, StreamGroup] = {
    StreamKind.ELECTRICITY: StreamGroup.ENERGY,
    StreamKind.FUEL: StreamGroup.ENERGY,
    StreamKind.STEAM: StreamGroup.ENERGY,
    StreamKind.WATER: StreamGroup.WATER,
    StreamKind.RAW_MATERIAL: StreamGroup.MATERIALS,
    StreamKind.AUXILIARY_MATERIAL: StreamGroup.MATERIALS,
    StreamKind.PACKAGING: StreamGroup.MATERIALS,
    StreamKind.CHEMICAL: StreamGroup.CHEMICALS,
    StreamKind.SOLID_WASTE: StreamGroup.WASTE,
    StreamKind.HAZARDOUS_WASTE: StreamGroup.WASTE,
    StreamKind.WASTEWATER: StreamGroup.WASTE,
    StreamKind.AIR_EMISSION: StreamGroup.EMISSIONS,
}


class DataSource(StrEnum):
    MEASURED = "measured"
    INVOICE = "invoice"
    ESTIMATED = "estimated"


class DataQuality(StrEnum):
    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"


class FlowDirection(StrEnum):
    INPUT = "input"
    OUTPUT = "output"  # products and by-products
    LOSS = "loss"  # identified losses: waste, wastewater, emissions, heat


class CPCategory(StrEnum):
    """The eight cleaner-production techniques: docs/DOMAIN.md §4.1 (CP techniques)."""

    GOOD_HOUSEKEEPING = "good_housekeeping"
    INPUT_CHANGE = "input_change"
    PROCESS_CONTROL = "process_control"
    EQUIPMENT_MODIFICATION = "equipment_modification"
    TECHNOLOGY_CHANGE = "technology_change"
    ONSITE_RECOVERY = "onsite_recovery"
    BYPRODUCT = "byproduct"
    PRODUCT_MODIFICATION = "product_modification"


class OptionStatus(StrEnum):
    """Life cycle of an option, in order."""

    IDENTIFIED = "identified"
    SCREENED = "screened"
    FEASIBLE = "feasible"
    PLANNED = "planned"
    IMPLEMENTED = "implemented"
    VERIFIED = "verified"


OPTION_STATUS_ORDER: tuple[OptionStatus, ...] = tuple(OptionStatus)


class Screening(StrEnum):
    IMPLEMENT_DIRECTLY = "implement_directly"
    FURTHER_STUDY = "further_study"
    REJECTED = "rejected"


class ChecklistAnswer(StrEnum):
    NOT_CHECKED = "not_checked"
    NO_ISSUE = "no_issue"
    ISSUE = "issue"
    NOT_APPLICABLE = "not_applicable"


class PublicationConsent(StrEnum):
    """What the enterprise agreed a programme may publish of its audit (portfolio, hub)."""

    ANONYMISED = "anonymised"  # figures only, no name, tax code or contact (the default)
    FULL = "full"  # figures and the enterprise's identity


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


# ---------------------------------------------------------------------------------------------
# Entities


@dataclass
class Enterprise:
    """The audited enterprise: identity, sector, site and contact."""

    name: str = ""
    tax_code: str = ""
    sector_vsic: str = ""  # VSIC 2018 code, e.g. "1313" (finishing of textiles)
    sector_name: str = ""
    sector_name_en: str = (
        ""  # English for English reports (empty: the Vietnamese marked untranslated)
    )
    address: str = ""
    province: str = ""
    industrial_park: str = ""
    employees: int | None = None
    shifts_per_day: int | None = None
    operating_days_per_year: int | None = None
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    value_added_vnd: int | None = None  # per year, when the enterprise gives it
    # Management-system certificates (number, body, validity as the auditor writes them); empty:
    # none recorded. Evidence for the eco-enterprise criteria (app.core.readiness).
    iso14001_certificate: str = ""
    iso50001_certificate: str = ""
    # The site in WGS84 degrees, when the auditor records it (symbiosis: distance to neighbours)
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class TeamMember:
    """A member of the audit team (auditor or enterprise staff)."""

    name: str
    role: str = ""
    organisation: str = ""
    department: str = ""
    position: int = 0
    id: str = field(default_factory=new_id)
    role_en: str = ""  # English for English reports (empty: the Vietnamese marked untranslated)
    organisation_en: str = ""
    department_en: str = ""


@dataclass
class ExchangeConsent:
    """What the enterprise agreed to share in its anonymised exchange file, field by field
    (industrial symbiosis, ``app.core.symbiosis.exchange``). The defaults share nothing
    sensitive: a quantity band, no months, notes, money or location."""

    quantity: bool = False  # the exact quantity per year (else only its band)
    months: bool = False  # the calendar months with a quantity
    notes: bool = False  # the stream's notes (quality), as written
    money: bool = False  # the cost (or revenue) per year
    location: bool = False  # the site's latitude and longitude
    # Key of the anonymous enterprise id (a keyed hash of the audit id), made at the first
    # export and kept so the id stays the same; not derivable from what the hub publishes.
    id_key: str = ""


@dataclass
class AuditInfo:
    """The audit's own header: who, where, when, and its defaults."""

    title: str = ""
    title_en: str = ""  # English title for English reports (empty: Vietnamese marked untranslated)
    enterprise: Enterprise = field(default_factory=Enterprise)
    start_date: date | None = None
    end_date: date | None = None
    baseline_start: str = ""  # first period of the baseline, "YYYY-MM"
    baseline_months: int = 12
    template_ids: list[str] = field(default_factory=list)  # walkthrough templates in use
    discount_rate: float = 0.10  # default for options' NPV
    currency: str = "VND"
    notes: str = ""
    id: str = field(default_factory=new_id)  # the audit's stable identity (portfolio, hub)
    publication_consent: PublicationConsent = PublicationConsent.ANONYMISED
    exchange_consent: ExchangeConsent = field(default_factory=ExchangeConsent)
    # the auditor's narrative for the report: section -> {"vi": text, "en": text}; sections
    # "enterprise", "focus", "conclusions" and "cause:<step id>" (causes of losses per step)
    narrative: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class Product:
    """A product of the enterprise; its output per period is in ``ProductionRecord``."""

    name_vi: str
    unit: str = "t"
    name_en: str = ""
    sales_price_vnd: int | None = None  # per unit, optional
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class ProductionRecord:
    """Output of one product in one period."""

    product_id: str
    period: str  # "YYYY-MM"
    quantity: float
    id: str = field(default_factory=new_id)


@dataclass
class ProcessStep:
    """One step of the production process, in flow order."""

    name_vi: str
    name_en: str = ""
    description: str = ""
    position: int = 0  # order in the process flow, 0-based
    id: str = field(default_factory=new_id)


@dataclass
class StepFlow:
    """One input, output or identified loss of a process step, per year."""

    step_id: str
    direction: FlowDirection
    name: str
    quantity: float | None = None
    unit: str = ""
    stream_id: str | None = None  # the resource stream it belongs to, when known
    note: str = ""
    position: int = 0
    id: str = field(default_factory=new_id)
    name_en: str = ""  # English name for English reports; empty: show ``name``


@dataclass
class ResourceStream:
    """A resource used or a waste produced (electricity, water, a chemical, wastewater, ...)."""

    kind: StreamKind
    name_vi: str
    unit: str
    name_en: str = ""
    unit_price_vnd: int | None = None  # VND per unit; negative for scrap sold
    data_source: DataSource = DataSource.INVOICE
    quality: DataQuality = DataQuality.GOOD
    fuel_code: str = ""  # reference-data key for fuels: "coal_bituminous", "fo", "do", "lpg", ...
    step_id: str | None = None  # main process step it serves, optional
    confidential: bool = False
    notes: str = ""
    position: int = 0
    id: str = field(default_factory=new_id)
    # the auditor's allocation key: product id -> weight (normalised over the audit's products);
    # empty: the stream is not allocated to products, its specific consumption is plant level
    allocation: dict[str, float] = field(default_factory=dict)
    # industrial symbiosis: the class the auditor confirmed (a code of
    # resources/reference/waste_classes.toml, app.core.symbiosis.classes); empty: not classified
    waste_class: str = ""
    # industrial symbiosis: where the stream goes today and who takes it (e.g. "licensed
    # contractor, incinerated"), as the auditor wrote it; empty: not recorded
    disposal_route: str = ""


@dataclass
class PeriodRecord:
    """Quantity (and cost, when invoiced) of one stream in one period."""

    stream_id: str
    period: str  # "YYYY-MM"
    quantity: float
    cost_vnd: int | None = None  # invoice total; None = quantity x unit price
    note: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Finding:
    """A walkthrough observation: a checklist answer or a free finding."""

    area: str
    title: str = ""
    title_en: str = ""  # English title for English reports (empty: Vietnamese marked untranslated)
    template_id: str = ""
    item_id: str = ""  # checklist item id; empty for a free finding
    answer: ChecklistAnswer = ChecklistAnswer.NOT_CHECKED
    note: str = ""
    note_en: str = ""  # English note for English reports
    severity: Severity | None = None
    cp_category: CPCategory | None = None
    step_id: str | None = None
    stream_id: str | None = None
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class Photo:
    """A photo attached to a finding. ``jpeg`` is loaded on demand (it can be large)."""

    finding_id: str
    caption: str = ""
    width: int = 0
    height: int = 0
    jpeg: bytes | None = None
    thumbnail: bytes | None = None  # small JPEG for lists
    position: int = 0
    id: str = field(default_factory=new_id)
    caption_en: str = ""  # English caption for English reports


@dataclass
class OptionSaving:
    """Physical saving per year of one stream, in the stream's unit."""

    stream_id: str
    quantity_per_year: float


@dataclass
class StatusChange:
    """When an option moved to a status, and why."""

    status: OptionStatus
    on: date
    note: str = ""


@dataclass
class CalculationRun:
    """A savings calculator run kept with its option (app/core/calculators), so the figure can
    be reproduced and re-run: the calculator's id and the inputs as entered (text, unit allowed).
    """

    calculator: str
    inputs: dict[str, str] = field(default_factory=dict)
    note: str = ""
    # What the run added to each stream's saving (stream id -> per year, stream unit), so a
    # re-run or removal changes the option's savings by exactly this part.
    savings: dict[str, float] = field(default_factory=dict)


@dataclass
class Option:
    """A cleaner-production option (cơ hội SXSH)."""

    title_vi: str
    code: str = ""  # short reference such as "O-07"
    title_en: str = ""
    description_vi: str = ""
    description_en: str = ""
    category: CPCategory = CPCategory.GOOD_HOUSEKEEPING
    industrial_symbiosis: bool = False
    step_id: str | None = None
    finding_ids: list[str] = field(default_factory=list)
    savings: list[OptionSaving] = field(default_factory=list)
    money_saving_override_vnd: int | None = None
    override_reason: str = ""
    override_reason_en: str = ""
    investment_vnd: int = 0
    added_opex_vnd: int = 0  # added operating cost per year
    lifetime_years: int = 5
    discount_rate: float | None = None  # None: the audit's default
    status: OptionStatus = OptionStatus.IDENTIFIED
    screening: Screening | None = None
    rejection_reason: str = ""
    rejection_reason_en: str = ""  # English for English reports; cleared with the Vietnamese
    responsible: str = ""
    target_date: date | None = None
    implemented_date: date | None = None
    actual_investment_vnd: int | None = None
    verified_saving_vnd: int | None = None  # measured after implementation, per year
    status_history: list[StatusChange] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)  # criterion -> 0..5
    position: int = 0
    id: str = field(default_factory=new_id)
    calculations: list[CalculationRun] = field(default_factory=list)  # lands in the JSON data


@dataclass
class ReferenceOverride:
    """An audit's own value for a reference datum (e.g. a grid factor), with the reason."""

    key: str
    value: float
    reason: str
    unit: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Audit:
    """The whole audit, as loaded from one audit file."""

    info: AuditInfo = field(default_factory=AuditInfo)
    team: list[TeamMember] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    production: list[ProductionRecord] = field(default_factory=list)
    steps: list[ProcessStep] = field(default_factory=list)
    flows: list[StepFlow] = field(default_factory=list)
    streams: list[ResourceStream] = field(default_factory=list)
    records: list[PeriodRecord] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)
    overrides: list[ReferenceOverride] = field(default_factory=list)

    def baseline_periods(self) -> list[str]:
        """The baseline's months in order, as "YYYY-MM"."""
        return period_range(self.info.baseline_start, self.info.baseline_months)

    def stream(self, stream_id: str) -> ResourceStream | None:
        return next((s for s in self.streams if s.id == stream_id), None)

    def records_of(self, stream_id: str) -> list[PeriodRecord]:
        return sorted((r for r in self.records if r.stream_id == stream_id), key=lambda r: r.period)


def period_range(start: str, months: int) -> list[str]:
    """``months`` consecutive periods from ``start`` ("YYYY-MM"); empty when start is unset."""
    if not start:
        return []
    year, month = int(start[:4]), int(start[5:7])
    out = []
    for _ in range(months):
        out.append(f"{year:04d}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


# Each entity type the store persists (one table each) and the Audit list that holds it: the
# store, the edit path of the GUI and the CLI counts all read this one map.
AUDIT_LISTS: dict[type, str] = {
    TeamMember: "team",
    Product: "products",
    ProductionRecord: "production",
    ProcessStep: "steps",
    StepFlow: "flows",
    ResourceStream: "streams",
    PeriodRecord: "records",
    Finding: "findings",
    Photo: "photos",
    Option: "options",
    ReferenceOverride: "overrides",
}
ENTITY_TYPES: tuple[type, ...] = tuple(AUDIT_LISTS)
