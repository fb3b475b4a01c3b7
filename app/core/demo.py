"""The demo audit: a fictional textile dyeing and finishing plant in KCN Đình Vũ, Hải Phòng.

``build_demo_audit()`` returns the same ``Audit`` on every call (ids derived from names with
uuid5, monthly variation from a fixed seed) so a rebuilt demo file is identical and tests can rely
on its figures. Numbers are sized for a mid-size knit dyehouse (~300 t fabric a month) and every
figure is derived from a few specific consumptions, so the whole audit stays internally
consistent: record cost = round(quantity x unit price); step flows are shares of the annual stream
totals; option savings are shares of the baseline.

The textual content (team, findings, options) lives in ``demo_data/content.py``; this module turns it
into entities.
"""

from __future__ import annotations

import random
import uuid
from datetime import date
from math import floor, log10

from app.core.demo_data import content
from app.core.demo_data.narrative import NARRATIVE
from app.core.model import (
    Audit,
    AuditInfo,
    DataQuality,
    DataSource,
    Enterprise,
    Finding,
    FlowDirection,
    Option,
    OptionSaving,
    OptionStatus,
    PeriodRecord,
    Photo,
    ProcessStep,
    Product,
    ProductionRecord,
    ResourceStream,
    Screening,
    StatusChange,
    StepFlow,
    StreamKind,
    TeamMember,
    period_range,
)

# Bump when the demo's content changes: the per-user demo file is rebuilt when its stored
# "demo_version" setting differs (app/store/demo_file.py).
DEMO_VERSION = 6  # 3: overlapping options tempered (savings shares 24-33 %); 4: allocation keys;
# 5: English title, team roles and organisations, photo captions, rejection and override reasons
# 6: English titles and notes of the walkthrough findings, English sector name

BASELINE_START = "2024-01"
SEED = 20240101

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://recp-audit.invalid/demo")


def demo_id(kind: str, key: str) -> str:
    """A stable entity id for the demo object ``key`` of ``kind`` (same on every build)."""
    return uuid.uuid5(_NAMESPACE, f"{kind}:{key}").hex


# Monthly production pattern of a Vietnamese export dyehouse: Tết holiday dip in February,
# peak in Q3 for the Christmas season orders.
SEASON = (0.96, 0.74, 0.97, 1.00, 1.01, 0.99, 1.03, 1.05, 1.07, 1.07, 1.06, 1.05)

# Average monthly output in t of the two products.
COTTON_T, POLYESTER_T = 190.0, 110.0


def build_demo_audit() -> Audit:
    """The whole demo audit, deterministic."""
    rng = random.Random(SEED)
    periods = period_range(BASELINE_START, 12)
    audit = Audit(info=_info())
    audit.team = [
        TeamMember(
            name=m["name"],
            role=m["role"],
            organisation=m["organisation"],
            role_en=m["role_en"],
            organisation_en=m["organisation_en"],
            department_en=m["department_en"],
            department=m["department"],
            position=i,
            id=demo_id("team", m["name"]),
        )
        for i, m in enumerate(content.TEAM)
    ]
    cotton, polyester = _production(rng, periods)
    audit.products, audit.production = _products(periods, cotton, polyester)
    audit.steps = [
        ProcessStep(
            name_vi=s["name_vi"],
            name_en=s["name_en"],
            description=s["description"],
            position=i,
            id=demo_id("step", s["key"]),
        )
        for i, s in enumerate(content.STEPS)
    ]
    audit.streams, audit.records = _streams_and_records(rng, periods, cotton, polyester)
    annual = _annual_totals(audit)
    audit.flows = _flows(annual, sum(cotton), sum(polyester))
    audit.findings, audit.photos = _findings()
    audit.options = _options(annual)
    return audit


# ---------------------------------------------------------------------------------------------
# Header, products, production


def _info() -> AuditInfo:
    e = content.ENTERPRISE
    return AuditInfo(
        title=content.AUDIT_TITLE,
        title_en=content.AUDIT_TITLE_EN,
        enterprise=Enterprise(**e),
        start_date=date(2025, 3, 3),
        end_date=date(2025, 11, 28),
        baseline_start=BASELINE_START,
        baseline_months=12,
        template_ids=list(content.TEMPLATE_IDS),
        discount_rate=0.10,
        notes=content.AUDIT_NOTES,
        id=demo_id("audit", "info"),
        narrative={
            (f"cause:{demo_id('step', k[6:])}" if k.startswith("cause:") else k): dict(v)
            for k, v in NARRATIVE.items()
        },
    )


def _production(rng: random.Random, periods: list[str]) -> tuple[list[float], list[float]]:
    """Monthly output (t) of cotton and polyester fabric: seasonal pattern +/- a few percent."""
    cotton, polyester = [], []
    for month in range(len(periods)):
        cotton.append(round(COTTON_T * SEASON[month] * rng.uniform(0.97, 1.03), 1))
        polyester.append(round(POLYESTER_T * SEASON[month] * rng.uniform(0.95, 1.05), 1))
    return cotton, polyester


def _products(
    periods: list[str], cotton: list[float], polyester: list[float]
) -> tuple[list[Product], list[ProductionRecord]]:
    products: list[Product] = []
    records: list[ProductionRecord] = []
    for i, (p, monthly) in enumerate(zip(content.PRODUCTS, (cotton, polyester), strict=True)):
        pid = demo_id("product", p["key"])
        products.append(
            Product(
                name_vi=p["name_vi"],
                name_en=p["name_en"],
                unit="t",
                sales_price_vnd=p["sales_price_vnd"],
                position=i,
                id=pid,
            )
        )
        records.extend(
            ProductionRecord(
                product_id=pid,
                period=period,
                quantity=q,
                id=demo_id("production", f"{pid}/{period}"),
            )
            for period, q in zip(periods, monthly, strict=True)
        )
    return products, records


# ---------------------------------------------------------------------------------------------
# Streams and their monthly records


def _streams_and_records(
    rng: random.Random, periods: list[str], cotton: list[float], polyester: list[float]
) -> tuple[list[ResourceStream], list[PeriodRecord]]:
    streams: list[ResourceStream] = []
    records: list[PeriodRecord] = []
    monthly: dict[str, list[float]] = {}
    total = [c + p for c, p in zip(cotton, polyester, strict=True)]
    for position, spec in enumerate(content.STREAMS):
        key = spec["key"]
        basis = {
            "total": total,
            "cotton": cotton,
            "polyester": polyester,
        }.get(spec["basis"]) or monthly[spec["basis"]]
        low, high = spec["ratio"]
        quantities = [
            round(b * spec["per_unit"] * rng.uniform(low, high), spec["decimals"]) for b in basis
        ]
        if spec["decimals"] == 0:
            quantities = [float(int(q)) for q in quantities]
        monthly[key] = quantities
        sid = demo_id("stream", key)
        streams.append(
            ResourceStream(
                kind=StreamKind(spec["kind"]),
                name_vi=spec["name_vi"],
                name_en=spec["name_en"],
                unit=spec["unit"],
                unit_price_vnd=spec["price"],
                data_source=DataSource(spec["source"]),
                quality=DataQuality(spec["quality"]),
                fuel_code=spec.get("fuel_code", ""),
                step_id=demo_id("step", spec["step"]) if spec.get("step") else None,
                confidential=spec.get("confidential", False),
                notes=spec.get("notes", ""),
                waste_class=spec.get("waste_class", ""),
                position=position,
                id=sid,
                # the auditor's key: a stream used for one product only goes to it
                allocation=(
                    {demo_id("product", spec["basis"]): 1.0}
                    if spec.get("basis") in ("cotton", "polyester")
                    else {}
                ),
            )
        )
        records.extend(
            PeriodRecord(
                stream_id=sid,
                period=period,
                quantity=q,
                cost_vnd=round(q * spec["price"]),
                id=demo_id("record", f"{key}/{period}"),
            )
            for period, q in zip(periods, quantities, strict=True)
        )
    return streams, records


def _annual_totals(audit: Audit) -> dict[str, float]:
    """Annual quantity per stream key."""
    key_of = {demo_id("stream", s["key"]): s["key"] for s in content.STREAMS}
    totals: dict[str, float] = dict.fromkeys(key_of.values(), 0.0)
    for r in audit.records:
        totals[key_of[r.stream_id]] += r.quantity
    return totals


# ---------------------------------------------------------------------------------------------
# Process-step flows (per year)


def _flows(annual: dict[str, float], cotton_year: float, polyester_year: float) -> list[StepFlow]:
    """Inputs, outputs and losses of each step, as shares of the annual stream totals.

    Fabric runs through the steps as a chain: each step passes on its input minus its identified
    losses and a small unexplained remainder; the last step delivers the two products. Other
    resources are balanced per unit within each step (inputs = outputs + losses + remainder), so
    the balance screen shows a remainder of a few percent, and over 5 % for washing water (the
    overflowing rinse tanks of finding F-06).
    """
    flows: list[StepFlow] = []
    unit_of = {s["key"]: s["unit"] for s in content.STREAMS}
    decimals = {"t": 2, "kg": 0, "kWh": 0, "m³": 0}

    def add(
        step: str,
        direction: FlowDirection,
        name: str,
        qty: float,
        unit: str,
        stream=None,
        note: str = "",
    ) -> None:
        index = sum(1 for f in flows if f.step_id == demo_id("step", step))
        q = round(qty, decimals.get(unit, 2))
        flows.append(
            StepFlow(
                step_id=demo_id("step", step),
                direction=direction,
                name=name,
                quantity=float(q),
                unit=unit,
                stream_id=demo_id("stream", stream) if stream else None,
                note=note,
                position=index,
                id=demo_id("flow", f"{step}/{index}"),
                name_en=content.FLOW_NAMES_EN[name],
            )
        )

    # Fabric chain.
    fabric = annual["grey_fabric"]
    scrap = annual["fabric_scrap"]
    for step in content.STEPS:
        key = step["key"]
        if key == content.STEPS[0]["key"]:
            add(key, FlowDirection.INPUT, "Vải mộc", fabric, "t", "grey_fabric")
        else:
            add(key, FlowDirection.INPUT, "Vải từ công đoạn trước", fabric, "t")
        loss_name, loss_share, rest_share = step["fabric_loss"]
        if loss_name == "scrap":
            lost = scrap * loss_share
            add(key, FlowDirection.LOSS, "Biên vải cắt, vải vụn", lost, "t", "fabric_scrap")
        else:
            lost = fabric * loss_share
            add(key, FlowDirection.LOSS, loss_name, lost, "t")
        if key == content.STEPS[-1]["key"]:
            for p, q in zip(content.PRODUCTS, (cotton_year, polyester_year), strict=True):
                add(key, FlowDirection.OUTPUT, p["name_vi"], q, "t")
        else:
            fabric = fabric - lost - fabric * rest_share
            add(key, FlowDirection.OUTPUT, step["fabric_out"], fabric, "t")

    # Other resources: each (step, stream, share of annual, [(direction, name, share of input)]).
    for step_key, stream, share, parts in content.RESOURCE_FLOWS:
        unit = unit_of[stream]
        qty = annual[stream] * share
        add(step_key, FlowDirection.INPUT, content.FLOW_INPUT_NAMES[stream], qty, unit, stream)
        for direction, name, part, linked in parts:
            add(step_key, FlowDirection(direction), name, qty * part, unit, linked)
    # The store loads flows by (position, insertion order): keep that order so a loaded demo
    # equals a built one.
    flows.sort(key=lambda f: (f.position, content.STEP_KEYS.index(_step_key(f.step_id))))
    return flows


def _step_key(step_id: str) -> str:
    return next(k for k in content.STEP_KEYS if demo_id("step", k) == step_id)


# ---------------------------------------------------------------------------------------------
# Findings and photos


def _findings() -> tuple[list[Finding], list[Photo]]:
    findings, photos = [], []
    for i, f in enumerate(content.FINDINGS):
        fid = demo_id("finding", f["key"])
        findings.append(
            Finding(
                area=f["area"],
                title=f["title"],
                title_en=f["title_en"],
                template_id=f["template"],
                item_id=f["item"],
                answer=content.ISSUE,
                note=f["note"],
                note_en=f["note_en"],
                severity=f["severity"],
                cp_category=f["category"],
                step_id=demo_id("step", f["step"]) if f.get("step") else None,
                stream_id=demo_id("stream", f["stream"]) if f.get("stream") else None,
                position=i,
                id=fid,
            )
        )
        if f.get("photo"):
            from app.core.demo_data.photos import draw_photo  # Pillow only when a demo is built

            jpeg, thumb, width, height = draw_photo(f["photo"])
            photos.append(
                Photo(
                    finding_id=fid,
                    caption=f["photo_caption"],
                    caption_en=f["photo_caption_en"],
                    width=width,
                    height=height,
                    jpeg=jpeg,
                    thumbnail=thumb,
                    id=demo_id("photo", f["key"]),
                )
            )
    return findings, photos


# ---------------------------------------------------------------------------------------------
# Options


def _options(annual: dict[str, float]) -> list[Option]:
    price = {s["key"]: s["price"] for s in content.STREAMS}
    options = []
    for i, o in enumerate(content.OPTIONS):
        code = f"O-{i + 1:02d}"
        status = OptionStatus(o["status"])
        rejected = bool(o.get("rejection_reason"))
        savings = [
            OptionSaving(demo_id("stream", key), _round_saving(annual[key] * share))
            for key, share in o["savings"].items()
        ]
        money = sum(
            s.quantity_per_year * price[key] for key, s in zip(o["savings"], savings, strict=True)
        )
        net = (o.get("override") or money) - o.get("opex", 0)
        investment = o["investment"]
        implemented = status in (OptionStatus.IMPLEMENTED, OptionStatus.VERIFIED)
        history = _history(status, o, rejected)
        options.append(
            Option(
                title_vi=o["title_vi"],
                title_en=o["title_en"],
                code=code,
                description_vi=o["description_vi"],
                description_en=o["description_en"],
                category=o["category"],
                industrial_symbiosis=o.get("symbiosis", False),
                step_id=demo_id("step", o["step"]) if o.get("step") else None,
                finding_ids=[demo_id("finding", k) for k in o.get("findings", ())],
                savings=savings,
                money_saving_override_vnd=o.get("override"),
                override_reason=o.get("override_reason", ""),
                override_reason_en=o.get("override_reason_en", ""),
                investment_vnd=investment,
                added_opex_vnd=o.get("opex", 0),
                lifetime_years=o["lifetime"],
                status=status,
                screening=_screening(status, investment, rejected),
                rejection_reason=o.get("rejection_reason", ""),
                rejection_reason_en=o.get("rejection_reason_en", ""),
                responsible=o.get("responsible", "")
                if status is not OptionStatus.IDENTIFIED
                else "",
                target_date=o.get("target"),
                implemented_date=_implemented_on(history),
                actual_investment_vnd=o.get("actual_investment") if implemented else None,
                verified_saving_vnd=_round_million(net * o["verified_ratio"])
                if status is OptionStatus.VERIFIED
                else None,
                status_history=history,
                scores={
                    "economic": _economic_score(investment, net),
                    "technical": o["scores"][0],
                    "environmental": o["scores"][1],
                },
                position=i,
                id=demo_id("option", code),
            )
        )
    return options


def _implemented_on(history: list[StatusChange]) -> date | None:
    return next((c.on for c in history if c.status is OptionStatus.IMPLEMENTED), None)


def _round_saving(q: float) -> float:
    """Savings are estimates: keep three significant figures."""
    if q == 0:
        return 0.0
    digits = 2 - floor(log10(abs(q)))
    return float(round(q, digits))


def _round_million(v: float) -> int:
    return int(round(v / 1_000_000) * 1_000_000)


def _screening(status: OptionStatus, investment: int, rejected: bool) -> Screening | None:
    if rejected:
        return Screening.REJECTED
    if status is OptionStatus.IDENTIFIED:
        return None
    # VNCPC practice: obvious low-cost measures go straight to implementation.
    return Screening.IMPLEMENT_DIRECTLY if investment < 50_000_000 else Screening.FURTHER_STUDY


def _history(status: OptionStatus, o: dict, rejected: bool) -> list[StatusChange]:
    """Status changes from identification to the current status, on the option's dates."""
    order = list(OptionStatus)
    dates = {**content.STATUS_DATES, **o.get("dates", {})}
    notes = dict(content.STATUS_NOTES)
    if rejected:
        notes["screened"] = o["rejection_reason"]
    return [
        StatusChange(status=s, on=dates[s.value], note=notes.get(s.value, ""))
        for s in order[: order.index(status) + 1]
    ]


def _economic_score(investment: int, net_saving: float) -> float:
    """0..5 from the simple payback: quick wins score high."""
    if net_saving <= 0:
        return 0.0
    payback = investment / net_saving
    for limit, score in ((0.5, 5.0), (1.5, 4.0), (3.0, 3.0), (5.0, 2.0)):
        if payback <= limit:
            return score
    return 1.0
