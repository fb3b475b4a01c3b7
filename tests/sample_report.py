"""Generated audits of any size, for the report benchmark and tests (no real enterprise).

Deterministic (fixed seed) so benchmark runs compare like with like.
"""

from __future__ import annotations

import io
import random
from datetime import date

from app.core.model import (
    Audit,
    AuditInfo,
    CPCategory,
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
    Severity,
    StepFlow,
    StreamKind,
    TeamMember,
    period_range,
)


def _jpeg(rng: random.Random, size=(640, 480)) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        draw.rectangle((x, y, x + 80, y + 60), fill=(rng.randrange(256), 90, 60))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()


KINDS = [
    (StreamKind.ELECTRICITY, "Điện lưới", "Grid electricity", "kWh", 1900, 500_000),
    (StreamKind.FUEL, "Than cám", "Coal", "t", 3_200_000, 300),
    (StreamKind.WATER, "Nước ngầm", "Groundwater", "m³", 15_000, 30_000),
    (StreamKind.CHEMICAL, "Hóa chất nhuộm", "Dye chemicals", "kg", 120_000, 4_000),
    (StreamKind.WASTEWATER, "Nước thải", "Wastewater", "m³", 9_000, 26_000),
    (StreamKind.SOLID_WASTE, "Bùn thải", "Sludge", "t", 1_500_000, 20),
]


def build_audit(
    n_streams: int = 6,
    n_months: int = 12,
    n_options: int = 8,
    n_photos: int = 3,
    n_findings: int | None = None,
    seed: int = 7,
) -> Audit:
    """An audit of the requested size with plausible Vietnamese/English content."""
    rng = random.Random(seed)
    start = "2024-01" if n_months <= 12 else "2015-01"
    info = AuditInfo(
        title="Đánh giá SXSH 2025",
        enterprise=Enterprise(
            name="Công ty TNHH Mẫu Thử Nghiệm",
            tax_code="0209998877",
            sector_vsic="1313",
            sector_name="Hoàn thiện sản phẩm dệt",
            address="Lô B2, KCN Đình Vũ, phường Đông Hải 2, quận Hải An",
            province="Hải Phòng",
            industrial_park="KCN Đình Vũ",
            employees=300,
            shifts_per_day=3,
            operating_days_per_year=300,
            contact_name="Nguyễn Thị Hằng",
            contact_phone="0912 345 678",
            contact_email="hang@example.vn",
        ),
        start_date=date(2025, 3, 3),
        end_date=date(2025, 6, 27),
        baseline_start=start,
        baseline_months=n_months,
    )
    audit = Audit(info=info)
    audit.team = [
        TeamMember("Trần Văn Minh", "Trưởng nhóm", "VNCPC", "", 0),
        TeamMember("Lê Thu Trang", "Chuyên gia năng lượng", "VNCPC", "", 1),
        TeamMember("Phạm Quốc Bảo", "Quản đốc", "Công ty TNHH Mẫu Thử Nghiệm", "Nhuộm", 2),
    ]
    periods = period_range(start, n_months)
    product = Product("Vải thành phẩm", "t", "Finished fabric")
    audit.products = [product]
    audit.production = [
        ProductionRecord(product.id, p, round(rng.uniform(250, 330), 1)) for p in periods
    ]
    names = ["Kiểm tra vải mộc", "Giũ hồ", "Nấu tẩy", "Nhuộm", "Giặt", "Sấy và định hình"]
    names_en = ["Grey inspection", "Desizing", "Scouring & bleaching", "Dyeing", "Washing", ""]
    audit.steps = [
        ProcessStep(n, e, position=i) for i, (n, e) in enumerate(zip(names, names_en, strict=True))
    ]
    for st in audit.steps:
        audit.flows += [
            StepFlow(st.id, FlowDirection.INPUT, "Nước", 1000.0, "m³"),
            StepFlow(st.id, FlowDirection.OUTPUT, "Vải", 900.0, "t"),
            StepFlow(st.id, FlowDirection.LOSS, "Nước thải", 950.0, "m³"),
        ]
    for i in range(n_streams):
        kind, vi, en, unit, price, qty = KINDS[i % len(KINDS)]
        suffix = f" {i // len(KINDS) + 1}" if n_streams > len(KINDS) else ""
        s = ResourceStream(
            kind,
            vi + suffix,
            unit,
            en + suffix,
            price,
            DataSource.INVOICE,
            fuel_code="coal_bituminous" if kind is StreamKind.FUEL else "",
            position=i,
        )
        audit.streams.append(s)
        for p in periods:
            q = round(qty * rng.uniform(0.85, 1.15), 1)
            audit.records.append(PeriodRecord(s.id, p, q, round(q * price)))
    n_findings = n_findings if n_findings is not None else max(3, n_photos // 2)
    for i in range(n_findings):
        audit.findings.append(
            Finding(
                "Khu nhuộm",
                f"Rò rỉ hơi tại van số {i + 1}",
                note="Cần thay gioăng, bảo ôn đường ống.",
                severity=Severity.HIGH,
                cp_category=CPCategory.GOOD_HOUSEKEEPING,
                step_id=audit.steps[i % len(audit.steps)].id,
                position=i,
            )
        )
    for i in range(n_photos):
        jpeg = _jpeg(rng)
        audit.photos.append(
            Photo(
                audit.findings[i % n_findings].id, f"Ảnh {i + 1}", 640, 480, jpeg=jpeg, position=i
            )
        )
    cats, stats = list(CPCategory), list(OptionStatus)
    for i in range(n_options):
        s = audit.streams[i % len(audit.streams)]
        yearly = sum(r.quantity for r in audit.records if r.stream_id == s.id) / max(
            1, n_months / 12
        )
        status = stats[i % len(stats)]
        audit.options.append(
            Option(
                f"Thu hồi nước ngưng số {i + 1}",
                code=f"O-{i + 1:02d}",
                title_en=f"Condensate recovery no. {i + 1}" if i % 5 else "",
                description_vi="Lắp đặt hệ thống thu hồi nước ngưng về nồi hơi.",
                description_en="Return condensate to the boiler feed tank.",
                category=cats[i % len(cats)],
                savings=[OptionSaving(s.id, round(yearly * rng.uniform(0.02, 0.1), 1))],
                investment_vnd=rng.choice([0, 15_000_000, 250_000_000, 1_200_000_000]),
                added_opex_vnd=rng.choice([0, 5_000_000]),
                status=status,
                responsible="Phạm Quốc Bảo" if status >= OptionStatus.FEASIBLE else "",
                target_date=date(2025, 12, 31),
                implemented_date=date(2025, 9, 1)
                if status in ("implemented", "verified")
                else None,
                position=i,
            )
        )
    return audit
