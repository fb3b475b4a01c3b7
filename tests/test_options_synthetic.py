"""A generated audit with many options (for chart, screen and benchmark tests), and its checks.

``synthetic_audit(n)`` is deterministic (seeded): a textile mill's streams over a 12-month
baseline and ``n`` options across all categories and statuses with consistent workflow data.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.core import options as opt
from app.core.model import (
    Audit,
    AuditInfo,
    CPCategory,
    Enterprise,
    Option,
    OptionSaving,
    OptionStatus,
    PeriodRecord,
    ProcessStep,
    ResourceStream,
    Screening,
    StatusChange,
    StreamKind,
)

STREAMS = [
    # kind, name vi, name en, unit, price VND/unit, monthly quantity, fuel code
    (StreamKind.ELECTRICITY, "Điện lưới", "Grid electricity", "kWh", 2_100, 900_000, ""),
    (StreamKind.FUEL, "Than cám", "Coal", "t", 3_200_000, 450, "coal_bituminous"),
    (StreamKind.FUEL, "Dầu FO", "Fuel oil", "t", 14_000_000, 20, "fo"),
    (StreamKind.WATER, "Nước ngầm", "Groundwater", "m³", 9_000, 60_000, ""),
    (StreamKind.CHEMICAL, "Xút NaOH", "Caustic soda", "kg", 12_000, 30_000, ""),
    (StreamKind.WASTEWATER, "Nước thải", "Wastewater", "m³", 11_000, 55_000, ""),
    (StreamKind.SOLID_WASTE, "Chất thải rắn", "Solid waste", "t", 1_500_000, 40, ""),
]
STEPS = ["Tẩy trắng", "Nhuộm", "Giặt", "Văng sấy", "Lò hơi"]
WORDS = [
    "Thu hồi nhiệt",
    "Bảo ôn",
    "Biến tần",
    "Sửa rò rỉ",
    "Tuần hoàn nước",
    "Tối ưu",
    "Thay thế",
    "Lắp đồng hồ",
    "Điều khiển tự động",
    "Giảm tỷ lệ dịch",
]
OBJECTS = [
    "đường ống hơi",
    "máy nhuộm",
    "bơm nước",
    "khí nén",
    "nước làm mát",
    "lò hơi",
    "máy giặt",
    "chiếu sáng",
    "hóa chất",
    "nước ngưng",
]


def synthetic_audit(n_options: int = 500, seed: int = 7) -> Audit:
    rng = random.Random(seed)
    audit = Audit(
        info=AuditInfo(
            title="Synthetic",
            baseline_start="2024-01",
            baseline_months=12,
            enterprise=Enterprise(name="Công ty Dệt Nhuộm Mẫu"),
        )
    )
    audit.steps = [ProcessStep(name, position=i) for i, name in enumerate(STEPS)]
    for i, (kind, vi, en, unit, price, monthly, fuel) in enumerate(STREAMS):
        stream = ResourceStream(
            kind, vi, unit, name_en=en, unit_price_vnd=price, fuel_code=fuel, position=i
        )
        audit.streams.append(stream)
        for period in audit.baseline_periods():
            audit.records.append(PeriodRecord(stream.id, period, monthly * rng.uniform(0.85, 1.15)))
    baselines = opt.baseline_quantities(audit)
    statuses = list(OptionStatus)
    for k in range(n_options):
        streams = rng.sample(audit.streams, rng.choice([1, 1, 2]))
        # Spread savings thinly so that even 500 options stay below each stream's baseline.
        savings = [
            OptionSaving(s.id, round(baselines[s.id] * rng.uniform(0.0002, 0.0015), 2))
            for s in streams
        ]
        investment = rng.choice([0, 5, 20, 50, 150, 400, 900, 2500]) * 1_000_000
        status = rng.choice(statuses)
        o = Option(
            title_vi=f"{rng.choice(WORDS)} {rng.choice(OBJECTS)} #{k + 1}",
            title_en=f"Option {k + 1}" if rng.random() < 0.7 else "",
            code=f"O-{k + 1:03d}",
            category=rng.choice(list(CPCategory)),
            industrial_symbiosis=rng.random() < 0.06,
            step_id=rng.choice(audit.steps).id,
            savings=savings,
            investment_vnd=investment,
            added_opex_vnd=rng.choice([0, 0, 0, 2_000_000, 10_000_000]),
            lifetime_years=rng.choice([3, 5, 5, 10, 15]),
            status=status,
            scores={"technical": rng.randint(1, 5), "environmental": rng.randint(1, 5)},
            position=k,
        )
        day = date(2024, 2, 1)
        if status != OptionStatus.IDENTIFIED:
            rejected = status == OptionStatus.SCREENED and rng.random() < 0.3
            o.screening = (
                Screening.REJECTED
                if rejected
                else Screening.IMPLEMENT_DIRECTLY
                if investment < 50_000_000
                else Screening.FURTHER_STUDY
            )
            o.rejection_reason = "Không phù hợp mặt bằng" if rejected else ""
        rank = statuses.index(status)
        for s in statuses[1 : rank + 1]:
            day += timedelta(days=rng.randint(5, 40))
            o.status_history.append(StatusChange(s, day))
        if status == OptionStatus.PLANNED:
            o.responsible, o.target_date = "Phòng kỹ thuật", day + timedelta(days=90)
        if rank >= statuses.index(OptionStatus.IMPLEMENTED):
            o.implemented_date = day
            o.actual_investment_vnd = round(investment * rng.uniform(0.8, 1.2))
        if status == OptionStatus.VERIFIED:
            o.verified_saving_vnd = rng.randint(10, 500) * 1_000_000
        audit.options.append(o)
    return audit


def test_synthetic_audit_is_consistent():
    audit = synthetic_audit(500)
    problems = opt.validate_options(audit)
    assert [p for p in problems if p.is_error] == []
    assert not [p for p in problems if p.key == "options.saving_exceeds_baseline"]
    assert {o.status for o in audit.options} == set(OptionStatus)
    assert {o.category for o in audit.options} == set(CPCategory)
    assert synthetic_audit(20).options[5].title_vi == synthetic_audit(20).options[5].title_vi
