"""A synthetic audit of any size, for the store's tests and benchmarks.

Not the demo audit (``app.core.demo``, realistic and fixed): this one exercises every field
type the codec handles (enums, dates, nested dataclasses, lists, dicts, optional values,
Vietnamese text) at a chosen size.
"""

from __future__ import annotations

import random
from datetime import date

from app.core import model


def sample_audit(
    streams: int = 12,
    months: int = 12,
    findings: int = 15,
    options: int = 20,
    photos: int = 3,
    seed: int = 1,
) -> model.Audit:
    rng = random.Random(seed)
    info = model.AuditInfo(
        title="Đánh giá SXSH mẫu",
        enterprise=model.Enterprise(
            name="Công ty TNHH Dệt Nhuộm Mẫu",
            sector_vsic="1313",
            province="Hải Phòng",
            industrial_park="KCN Đình Vũ",
            employees=420,
            value_added_vnd=85_000_000_000,
        ),
        start_date=date(2025, 3, 1),
        baseline_start="2024-01",
        baseline_months=months,
        template_ids=["general", "textile"],
    )
    audit = model.Audit(info=info)
    audit.team = [model.TeamMember(f"Thành viên {i}", role="kỹ sư", position=i) for i in range(4)]
    product = model.Product("Vải thành phẩm", unit="t", name_en="Finished fabric", position=0)
    audit.products = [product]
    periods = model.period_range(info.baseline_start, months)
    audit.production = [
        model.ProductionRecord(product.id, p, round(rng.uniform(80, 120), 2)) for p in periods
    ]
    audit.steps = [model.ProcessStep(f"Công đoạn {i + 1}", position=i) for i in range(8)]
    kinds = list(model.StreamKind)
    for i in range(streams):
        stream = model.ResourceStream(
            kind=kinds[i % len(kinds)],
            name_vi=f"Dòng {i + 1} — điện/nước",
            name_en=f"Stream {i + 1}",
            unit="kWh" if i % 2 == 0 else "m3",
            unit_price_vnd=1_850 + i,
            step_id=audit.steps[i % 8].id,
            position=i,
        )
        audit.streams.append(stream)
        # figures within 2.5x of each other: a consistent audit has no outlier months
        for j, p in enumerate(periods):
            cost = None if j % 3 else rng.randint(1_000_000, 9_000_000)
            audit.records.append(
                model.PeriodRecord(stream.id, p, round(rng.uniform(4_000, 10_000), 3), cost)
            )
    audit.flows = [
        model.StepFlow(s.id, model.FlowDirection.INPUT, "Hơi", 12.5, "t", position=i)
        for i, s in enumerate(audit.steps)
    ]
    for i in range(findings):
        audit.findings.append(
            model.Finding(
                area=f"Khu vực {i}",
                title=f"Rò rỉ hơi số {i}",
                answer=model.ChecklistAnswer.ISSUE,
                severity=model.Severity.HIGH if i % 2 else None,
                cp_category=list(model.CPCategory)[i % 8],
                stream_id=audit.streams[i % streams].id if streams else None,
                position=i,
            )
        )
    for i in range(min(photos, findings)):
        jpeg = bytes([0xFF, 0xD8]) + rng.randbytes(2000) + bytes([0xFF, 0xD9])
        audit.photos.append(
            model.Photo(audit.findings[i].id, f"Ảnh {i}", 640, 480, jpeg, jpeg[:200], position=i)
        )
    for i in range(options):
        audit.options.append(
            model.Option(
                title_vi=f"Cơ hội {i}: thu hồi nước ngưng",
                code=f"O-{i + 1:02d}",
                category=list(model.CPCategory)[i % 8],
                finding_ids=[audit.findings[i % findings].id] if findings else [],
                savings=[model.OptionSaving(audit.streams[i % streams].id, 50.0 + i)]
                if streams
                else [],
                investment_vnd=10_000_000 * (i + 1),
                status=list(model.OptionStatus)[i % 6],
                status_history=[model.StatusChange(model.OptionStatus.SCREENED, date(2025, 4, 2))],
                scores={"technical": 4.0, "economic": 3.5},
                target_date=date(2025, 12, 31),
                position=i,
            )
        )
    audit.overrides = [model.ReferenceOverride("grid_ef_2024", 0.68, "ước tính", "tCO2/MWh")]
    return audit


def without_jpeg(audit: model.Audit) -> model.Audit:
    """``audit`` as ``AuditFile.load`` returns it: photos without their full JPEG."""
    for photo in audit.photos:
        photo.jpeg = None
    return audit
