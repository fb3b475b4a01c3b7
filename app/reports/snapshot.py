"""A frozen, language-independent picture of an audit that the PDF and XLSX writers render.

Built once from a core ``Audit`` (plus a photo loader, since photo JPEGs live in the store and
are fetched on demand). Every figure comes from the core modules through ``app.reports.figures``;
the writers only format and lay out. User text is kept in both languages where the model has
both, so a writer can show the Vietnamese text marked "untranslated" when English is missing.

The confidential variant is applied here, not in the writers: identity fields and money are
removed from the snapshot itself, so no writer can leak them by accident.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import date
from typing import Any

from app.core.costs import record_cost
from app.core.folding import without_marks
from app.core.model import STREAM_GROUP, Audit, Option
from app.core.narrative import section_text, step_id_of
from app.core.options import is_rejected
from app.core.untranslated import in_confidential_team
from app.reports import figures
from app.reports.decision import Decision, build_decision, without_money
from app.reports.rows import (  # noqa: F401 - re-exported for the writers
    FindingRow,
    FlowRow,
    Gap,
    IndicatorRow,
    Member,
    OptionRow,
    PhotoRow,
    PlantDiagramRow,
    PlantFlowRow,
    ProductRow,
    ReferenceRow,
    SavingRow,
    SpecificRow,
    StepRow,
    StreamRow,
    Text2,
    Totals,
    text2,
)

PhotoLoader = Callable[[str], "bytes | None"]

VARIANTS = ("full", "summary", "confidential")


@dataclass(frozen=True)
class ReportSnapshot:
    variant: str
    confidential: bool
    title: Text2
    enterprise: (
        dict  # field -> value (identity fields emptied when confidential); sector_name Text2
    )
    start_date: date | None
    end_date: date | None
    periods: tuple[str, ...]
    team: tuple[Member, ...]
    logo: bytes | None
    products: tuple[ProductRow, ...]
    steps: tuple[StepRow, ...]
    streams: tuple[StreamRow, ...]
    specific: tuple[SpecificRow, ...]
    indicators: tuple[IndicatorRow, ...]
    energy_gj: float | None
    energy_toe: float | None
    key_energy_user: bool | None
    co2e_t: float | None
    grid_ef: float | None
    grid_ef_year: int | None
    reference_year: int | None
    findings: tuple[FindingRow, ...]
    options: tuple[OptionRow, ...]
    totals: Totals
    references: tuple[ReferenceRow, ...]
    gaps: tuple[Gap, ...] = field(default_factory=tuple)
    hidden: tuple[str, ...] = ()  # strings removed by the confidential variant (for redaction)
    # The options and their finance figures as the core computes them, for the same option
    # charts the Options screen draws (all of them show money: empty when confidential).
    chart_options: tuple = ()
    chart_finances: dict = field(default_factory=dict)
    # Eco-enterprise readiness (app.core.readiness.AuditReadiness); None: not in this report
    # (the confidential variant: its evidence names options and money).
    readiness: Any = None
    # the plant-wide Sankey diagrams, one per resource kind, step to step
    plant: tuple[PlantDiagramRow, ...] = ()
    withheld: tuple[str, ...] = ()  # sections the confidential variant withholds on purpose
    decision: Decision = field(default_factory=Decision)  # the director's page
    report_date: date = field(default_factory=date.today)  # overdue options are judged on it
    # the auditor's narrative: section ("enterprise", "focus", "conclusions", "cause:<step
    # index>") -> text in both languages; only sections with text
    narrative: dict[str, Text2] = field(default_factory=dict)

    def stream(self, stream_id: str) -> StreamRow | None:
        return next((s for s in self.streams if s.id == stream_id), None)


# The park is withheld too: park + sector usually points at one enterprise. The province stays.
IDENTITY_FIELDS = (
    "name",
    "tax_code",
    "address",
    "industrial_park",
    "contact_name",
    "contact_phone",
    "contact_email",
)

# Money written into free text ("khoản đầu tư 3,2 tỷ đồng", "120 million VND", "45.000.000 đ"):
# a figure followed by a money word. Withheld in the confidential variant like the money fields.
_MONEY_IN_TEXT = re.compile(
    r"\d[\d.,]*(?:\s*(?:tỷ|triệu|nghìn|ngàn|billion|million|thousand|bn|M|k))?\s*"
    r"(?:đồng|VNĐ|VND|đ)(?![\w])"
    r"|\d[\d.,]*\s*(?:tỷ|triệu)(?![\w])",
    re.IGNORECASE,
)


_LEGAL_FORMS = re.compile(
    r"\b(công ty|cty|tnhh|cổ phần|cp|mtv|một thành viên|jsc|co\.?|ltd\.?|company|limited|"
    r"khu công nghiệp|kcn|industrial park|park|ip)\b",
    re.IGNORECASE,
)


def _loose(word: str) -> str:
    """A hidden word as a pattern: any run of spaces where it has one."""
    return r"\s+".join(re.escape(part) for part in word.split())


def _name_cores(name: str, park: str) -> list[str]:
    """The distinctive part of the firm's and the park's names (without "Công ty TNHH",
    "KCN" ...), and the firm's last two words (its brand, usually): a free text often writes
    only those ("Dinh Vu park", "Lam Hai")."""
    out = []
    for full in (name, park):
        core = " ".join(_LEGAL_FORMS.sub(" ", full).split())
        if core and core != full:
            out.append(core)
    words = name.split()
    if len(words) >= 4:
        out.append(" ".join(words[-2:]))
    return out


def _without_title(name: str) -> str:
    """A person's name without the academic or professional titles before it ("ThS.", "KS.",
    "PGS.TS."): free text often cites the bare name."""
    words = name.split()
    while len(words) > 1 and words[0].endswith("."):
        words = words[1:]
    return " ".join(words)


def _headcount_band(n: int) -> str:
    for low, high in ((1, 9), (10, 49), (50, 99), (100, 199), (200, 299), (300, 499), (500, 999)):
        if low <= n <= high:
            return f"{low}–{high}"
    return "≥ 1000" if n >= 1000 else "0"


def _photo(loader: PhotoLoader | None, photo, caption: Text2) -> PhotoRow:
    """The photo's JPEG if it can be decoded; None otherwise (the report says so)."""
    data = None
    try:
        data = loader(photo.id) if loader else None
    except Exception:  # a broken blob must not stop the report
        data = None
    data = data or photo.jpeg or photo.thumbnail
    width, height = photo.width, photo.height
    if data:
        try:
            from PIL import Image

            with Image.open(io.BytesIO(data)) as img:
                img.verify()
            with Image.open(io.BytesIO(data)) as img:
                width, height = img.size
        except Exception:
            data = None
    return PhotoRow(caption, data, width, height)


def build_snapshot(
    audit: Audit,
    variant: str = "full",
    photo_loader: PhotoLoader | None = None,
    logo: bytes | None = None,
    readiness_answers: Mapping[str, Any] | None = None,
    weights=None,
) -> ReportSnapshot:
    """Everything a report shows, computed once. ``variant``: full, summary or confidential.

    ``readiness_answers``: the auditor's eco-enterprise answers (``app.core.readiness.Answer``
    by criterion id, from the audit's setting), for the readiness section."""
    if variant not in VARIANTS:
        raise ValueError(variant)
    info = audit.info
    ent = info.enterprise
    fig = figures.compute(audit)
    from app.core.quality import Flag, check_audit

    quality = check_audit(audit)  # the same month flags as the Baselines screen's chart
    steps_by_id = {s.id: s for s in audit.steps}
    gaps: list[Gap] = []

    def step_name(step_id: str | None) -> Text2:
        step = steps_by_id.get(step_id or "")
        return Text2(step.name_vi, step.name_en) if step else Text2()

    streams = []
    for s in sorted(audit.streams, key=lambda s: s.position):
        recs = {r.period: r for r in audit.records_of(s.id)}
        periods = audit.baseline_periods() or sorted(recs)
        months = tuple(
            (
                p,
                recs[p].quantity if p in recs else None,
                record_cost(recs[p], s) if p in recs else None,
            )
            for p in periods
        )
        if not recs:
            gaps.append(Gap("report.gap.stream_no_records", (("stream", s.name_vi),)))
        flagged = tuple(
            bool(quality.flags_of(s.id, p) & {Flag.OUTLIER, Flag.DUPLICATE}) for p in periods
        )
        streams.append(
            StreamRow(
                id=s.id,
                kind=str(s.kind),
                group=str(STREAM_GROUP[s.kind]),
                name=text2(s, "stream", "name_vi", variant, audit),
                unit=s.unit,
                unit_price=s.unit_price_vnd,
                months=months,
                annual_quantity=fig.annual_quantity.get(s.id) if recs else None,
                annual_cost=fig.annual_cost.get(s.id) if recs else None,
                energy_gj=fig.energy_gj.get(s.id),
                co2e_t=fig.co2e_t.get(s.id),
                confidential=s.confidential,
                flagged=flagged,
            )
        )
    stream_by_id = {s.id: s for s in streams}

    steps = []
    for st in sorted(audit.steps, key=lambda s: s.position):
        flows = tuple(
            FlowRow(str(f.direction), text2(f, "flow", "name", variant, audit), f.quantity, f.unit)
            for f in sorted(audit.flows, key=lambda f: f.position)
            if f.step_id == st.id
        )
        balances = tuple(fig.balance.get(st.id, ()))
        steps.append(
            StepRow(text2(st, "step", "name_vi", variant, audit), st.description, flows, balances)
        )

    findings = []
    try:  # area names and checklist questions in both languages, from the templates
        from app.core.templates import area_label, finding_title, load_templates

        templates = load_templates()
    except Exception:  # a broken template file must not stop a report
        templates = None

    def area_of(f) -> Text2:
        if templates is None:
            return Text2(f.area, f.area)
        return Text2(area_label(templates, f, "vi"), area_label(templates, f, "en"))

    def title_of(f) -> Text2:
        if templates is None or f.title or f.title_en:
            return text2(f, "finding", "title", variant, audit)  # typed: marked when not translated
        return Text2(finding_title(templates, f, "vi"), finding_title(templates, f, "en"))

    for f in sorted(audit.findings, key=lambda f: f.position):
        photos = tuple(
            _photo(photo_loader, p, text2(p, "photo", "caption", variant, audit))
            for p in sorted(audit.photos, key=lambda p: p.position)
            if p.finding_id == f.id
        )
        for ph in photos:
            if ph.jpeg is None:
                gaps.append(Gap("report.gap.photo_unreadable", (("finding", f.title or f.area),)))
        findings.append(
            FindingRow(
                area=area_of(f),
                title=title_of(f),
                note=text2(f, "finding", "note", variant, audit),
                severity=str(f.severity) if f.severity else "",
                category=str(f.cp_category) if f.cp_category else "",
                step=step_name(f.step_id),
                photos=photos,
            )
        )

    options = []
    for o in sorted(audit.options, key=lambda o: (o.position, o.code)):
        options.append(_option_row(o, audit, fig, stream_by_id, step_name(o.step_id), variant))
    if not audit.options:
        gaps.append(Gap("report.gap.no_options"))
    if not audit.streams:
        gaps.append(Gap("report.gap.no_streams"))
    if not audit.findings:
        gaps.append(Gap("report.gap.no_findings"))

    products = tuple(
        ProductRow(
            text2(p, "product", "name_vi", variant, audit), p.unit, fig.product_output.get(p.id)
        )
        for p in sorted(audit.products, key=lambda p: p.position)
    )
    enterprise = {
        name: getattr(ent, name)
        for name in (
            "name",
            "tax_code",
            "sector_vsic",
            "sector_name",
            "address",
            "province",
            "industrial_park",
            "employees",
            "shifts_per_day",
            "operating_days_per_year",
            "contact_name",
            "contact_phone",
            "contact_email",
            "value_added_vnd",
        )
    }
    # typed text printed in the report language (Vietnamese marked untranslated when no English)
    enterprise["sector_name"] = text2(ent, "enterprise", "sector_name", variant, audit)
    snap = ReportSnapshot(
        variant=variant,
        confidential=variant == "confidential",
        title=text2(info, "audit", "title", variant, audit),
        enterprise=enterprise,
        start_date=info.start_date,
        end_date=info.end_date,
        periods=tuple(audit.baseline_periods()),
        team=tuple(
            Member(
                m.name,
                text2(m, "member", "role", variant, audit),
                text2(m, "member", "organisation", variant, audit),
                text2(m, "member", "department", variant, audit),
            )
            for m in sorted(audit.team, key=lambda m: m.position)
        ),
        logo=logo,
        products=products,
        steps=tuple(steps),
        plant=_plant(audit),
        decision=build_decision(audit, weights),
        narrative=_narrative(audit),
        streams=tuple(streams),
        specific=tuple(fig.specific),
        indicators=tuple(fig.indicators),
        energy_gj=fig.total_gj,
        energy_toe=fig.total_toe,
        key_energy_user=fig.key_energy_user,
        co2e_t=fig.total_co2e_t,
        grid_ef=fig.grid_ef,
        grid_ef_year=fig.grid_ef_year,
        reference_year=fig.reference_year,
        findings=tuple(findings),
        options=tuple(options),
        totals=fig.totals(options),
        references=tuple(fig.references),
        gaps=tuple(gaps),
        chart_options=tuple(audit.options),
        readiness=_readiness(audit, readiness_answers) if variant != "confidential" else None,
        chart_finances=dict(fig.finances),
    )
    return redact(snap) if variant == "confidential" else snap


def _option_row(
    o: Option, audit: Audit, fig, streams: dict, step: Text2, variant: str = "full"
) -> OptionRow:
    fin = fig.option_finance(o)
    savings = tuple(
        SavingRow(
            sv.stream_id,
            streams[sv.stream_id].name if sv.stream_id in streams else Text2("?", "?"),
            sv.quantity_per_year,
            streams[sv.stream_id].unit if sv.stream_id in streams else "",
            streams[sv.stream_id].unit_price if sv.stream_id in streams else None,
        )
        for sv in o.savings
    )
    return OptionRow(
        id=o.id,
        code=o.code,
        title=text2(o, "option", "title_vi", variant, audit),
        description=text2(o, "option", "description_vi", variant, audit),
        category=str(o.category),
        symbiosis=o.industrial_symbiosis,
        status=str(o.status),
        screening=str(o.screening) if o.screening else "",
        # never printed under an option that is not rejected (options.settle_workflow)
        rejection_reason=text2(o, "option", "rejection_reason", variant, audit)
        if is_rejected(o)
        else Text2(),
        step=step,
        savings=savings,
        override_saving=o.money_saving_override_vnd,
        override_reason=text2(o, "option", "override_reason", variant, audit),
        investment=o.investment_vnd,
        added_opex=o.added_opex_vnd,
        lifetime=o.lifetime_years,
        discount_rate=o.discount_rate if o.discount_rate is not None else audit.info.discount_rate,
        annual_saving=fin.annual_saving,
        payback=fin.payback,
        npv=fin.npv,
        irr=fin.irr,
        co2e_t=fin.co2e_t,
        responsible=o.responsible,
        target_date=o.target_date,
        implemented_date=o.implemented_date,
        verified_saving=o.verified_saving_vnd,
        rejected=is_rejected(o),
        calculations=tuple(getattr(o, "calculations", ())),
        actual_investment=o.actual_investment_vnd,
        assessed=fin.assessed,
    )


def _readiness(audit: Audit, answers: Mapping[str, Any] | None) -> Any:
    """The audit's eco-enterprise readiness; None when the checklist file is malformed (the
    report then leaves the section out rather than failing: the readiness screen says why)."""
    from app.core import readiness
    from app.core.errors import UserError

    try:
        return readiness.evaluate(audit, answers or {})
    except UserError:
        return None


def redact(snap: ReportSnapshot) -> ReportSnapshot:
    """The confidential variant: no enterprise identity, no money; quantities and shares stay.

    Team members from the enterprise are dropped (those from other organisations, e.g. the
    auditors, stay). Any occurrence of a hidden string in free text is blanked as well, since
    auditors often write the company's name into notes.
    """
    ent = dict(snap.enterprise)
    words = [str(ent[k]) for k in IDENTITY_FIELDS if ent.get(k)]
    words += _name_cores(str(ent.get("name") or ""), str(ent.get("industrial_park") or ""))
    ent_name = str(snap.enterprise.get("name") or "")
    team = []
    for m in snap.team:
        words.append(m.name)  # nobody is named: the auditors' names point at the firm too
        words.append(_without_title(m.name))  # "KS. Trần Minh Đức" is cited "Trần Minh Đức"
        if in_confidential_team(m.organisation.vi, ent_name):
            team.append(replace(m, name=""))
    for k in IDENTITY_FIELDS:
        ent[k] = ""
    ent["value_added_vnd"] = None
    # the fingerprint is generalised: 2-digit sector, a headcount band, no shift pattern
    vsic = str(ent.get("sector_vsic") or "")
    ent["sector_vsic"] = vsic[:2] if len(vsic) > 2 else vsic
    ent["sector_name"] = Text2()
    if isinstance(ent.get("employees"), int):
        ent["employees"] = _headcount_band(ent["employees"])
    ent["shifts_per_day"] = None
    ent["operating_days_per_year"] = None
    folded = {without_marks(w) for w in words}
    hidden = tuple(sorted({h for h in [*words, *folded] if len(h) >= 3}, key=len, reverse=True))
    pattern = re.compile("|".join(_loose(h) for h in hidden), re.IGNORECASE) if hidden else None

    def scrub(text: str) -> str:
        if pattern is not None and text:
            text = pattern.sub("[…]", text)
        return _MONEY_IN_TEXT.sub("[…]", text)

    def t2(t: Text2) -> Text2:  # the item's mark stays where it was
        return replace(t, vi=scrub(t.vi), en=scrub(t.en))

    streams = tuple(
        replace(
            s,
            name=t2(s.name),
            unit_price=None,
            annual_cost=None,
            months=tuple((p, q, None) for p, q, _ in s.months),
        )
        for s in snap.streams
    )
    options = tuple(
        replace(
            o,
            title=t2(o.title),
            description=t2(o.description),
            rejection_reason=t2(o.rejection_reason),
            responsible="",
            savings=tuple(replace(sv, unit_price=None, stream=t2(sv.stream)) for sv in o.savings),
            override_saving=None,
            override_reason=t2(o.override_reason),
            investment=None,
            added_opex=None,
            annual_saving=None,
            payback=None,
            npv=None,
            irr=None,
            verified_saving=None,
            actual_investment=None,
        )
        for o in snap.options
    )
    findings = tuple(
        replace(
            f,
            title=t2(f.title),
            note=t2(f.note),
            area=t2(f.area),
            photos=tuple(replace(p, caption=t2(p.caption)) for p in f.photos),
        )
        for f in snap.findings
    )
    steps = tuple(
        replace(
            s,
            name=t2(s.name),
            description=scrub(s.description),
            flows=tuple(replace(f, name=t2(f.name)) for f in s.flows),
        )
        for s in snap.steps
    )
    plant = tuple(
        replace(d, flows=tuple(replace(f, name=t2(f.name)) for f in d.flows)) for d in snap.plant
    )
    totals = replace(snap.totals, investment=None, annual_saving=None, payback=None)
    references = tuple(r for r in snap.references if "VND" not in r.unit.upper())
    total_out = sum(p.annual_output or 0.0 for p in snap.products if p.unit == "t")
    products = tuple(
        replace(
            p,
            name=t2(p.name),
            annual_output=None,
            share=(p.annual_output or 0.0) / total_out if p.unit == "t" and total_out else None,
        )
        for p in snap.products
    )
    withheld = ("indicators",) if any("VND" in i.unit.upper() for i in snap.indicators) else ()
    return _scrub_all(
        replace(
            snap,
            title=Text2(),
            enterprise=ent,
            products=products,
            narrative={k: t2(v) for k, v in snap.narrative.items()},
            withheld=withheld,
            decision=replace(
                without_money(snap.decision),
                done=tuple(
                    replace(x, title=t2(x.title)) for x in without_money(snap.decision).done
                ),
                ranking=tuple(
                    replace(x, title=t2(x.title)) for x in without_money(snap.decision).ranking
                ),
                feasibility=tuple(replace(x, title=t2(x.title)) for x in snap.decision.feasibility),
            ),
            plant=plant,
            team=tuple(team),
            logo=None,
            streams=streams,
            options=options,
            findings=findings,
            steps=steps,
            totals=totals,
            references=references,
            specific=tuple(s for s in snap.specific if "VND" not in s.unit.upper()),
            indicators=tuple(i for i in snap.indicators if "VND" not in i.unit.upper()),
            hidden=hidden,
            chart_options=(),
            chart_finances={},
        ),
        scrub,
    )


# Fields of the snapshot's rows that are not free text: the confidential variant's catch-all
# scrub leaves them as they are (ids, codes, units, enum values, calculator inputs it re-runs).
_NOT_TEXT = frozenset(
    {
        "id",
        "stream_id",
        "key",
        "code",
        "unit",
        "kind",
        "group",
        "direction",
        "status",
        "screening",
        "category",
        "dimension",
        "basis",
        "variant",
        "periods",
        "hidden",
        "withheld",
        "enterprise",
        "jpeg",
        "inputs",
        "calculator",
        "year",
    }
)


def _scrub_all(value: Any, scrub: Callable[[str], str]) -> Any:
    """Every free text left in ``value`` (a snapshot, its rows, their tuples and dicts) through
    ``scrub``, in both languages: a text field added to a row later is redacted too."""
    if isinstance(value, Text2):
        return replace(value, vi=scrub(value.vi), en=scrub(value.en))
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, tuple):
        return tuple(_scrub_all(v, scrub) for v in value)
    if isinstance(value, list):
        return [_scrub_all(v, scrub) for v in value]
    if isinstance(value, dict):
        return {k: _scrub_all(v, scrub) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _scrub_all(getattr(value, f.name), scrub)
            for f in fields(value)
            if f.init and f.name not in _NOT_TEXT
        }
        return replace(value, **changes)
    return value


def _narrative(audit: Audit) -> dict[str, Text2]:
    index = {st.id: i for i, st in enumerate(sorted(audit.steps, key=lambda s: s.position))}
    out = {}
    for key, texts in (audit.info.narrative or {}).items():
        if not isinstance(texts, dict):
            continue
        vi, en = (section_text(audit.info.narrative, key, lg) for lg in ("vi", "en"))
        if not (vi or en):
            continue  # an empty section is left out of the report
        step_id = step_id_of(key)
        if step_id is not None:  # a deleted step's causes are not printed
            step = index.get(step_id)
            if step is None:
                continue
            key = f"cause:{step}"
        out[key] = Text2(vi, en)
    return out


def _plant(audit: Audit) -> tuple[PlantDiagramRow, ...]:
    from app.core.plant_flows import plant_diagrams

    index = {st.id: i for i, st in enumerate(sorted(audit.steps, key=lambda s: s.position))}
    return tuple(
        PlantDiagramRow(
            d.kind,
            d.unit,
            tuple(
                PlantFlowRow(index[f.step_id], f.direction, Text2(f.name, f.name_en), f.quantity)
                for f in d.flows
            ),
        )
        for d in plant_diagrams(audit)
    )
