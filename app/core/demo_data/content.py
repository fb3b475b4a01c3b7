"""Texts and figures of the demo audit (a fictional knit dyehouse in KCN Đình Vũ, Hải Phòng).

Figures are specific consumptions and shares, not monthly numbers: ``app/core/demo.py`` derives
every quantity from them so the audit stays consistent. Sizes were chosen for a mid-size export
knit dyehouse (~3,600 t fabric a year): electricity ~1.75 MWh/t, coal ~0.95 t/t, water ~110 m³/t,
prices of 2024 in VND excluding VAT.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.core.model import ChecklistAnswer, CPCategory, Severity

ISSUE = ChecklistAnswer.ISSUE
TEMPLATE_IDS = ("textile_dyeing", "general_utilities")

AUDIT_TITLE = "Đánh giá SDHQTN&SXSH chi tiết năm 2025 – Công ty TNHH Dệt nhuộm Lam Hải"
AUDIT_TITLE_EN = "Detailed RECP audit 2025 – Lam Hai Textile Dyeing Co., Ltd."
AUDIT_NOTES = (
    "Đánh giá chi tiết trong chương trình khu công nghiệp sinh thái. Số liệu nền: 12 tháng năm "
    "2024, theo hóa đơn điện, nước, than, phiếu xuất kho hóa chất và sổ theo dõi sản xuất. "
    "Trọng tâm đánh giá: công đoạn nhuộm và giặt (tiêu thụ hơi, nước lớn nhất)."
)

ENTERPRISE: dict[str, Any] = {
    "name": "Công ty TNHH Dệt nhuộm Lam Hải",
    "tax_code": "0201897345",
    "sector_vsic": "1313",
    "sector_name": "Hoàn thiện sản phẩm dệt (nhuộm và hoàn tất vải dệt kim)",
    "sector_name_en": "Finishing of textiles (dyeing and finishing of knitted fabric)",
    "address": "Lô CN4.7, KCN Đình Vũ, phường Đông Hải 2, quận Hải An, thành phố Hải Phòng",
    "province": "Hải Phòng",
    "industrial_park": "KCN Đình Vũ",
    "employees": 310,
    "shifts_per_day": 3,
    "operating_days_per_year": 300,
    "contact_name": "Phạm Văn Long",
    "contact_phone": "0225 3 769 218",
    "contact_email": "sxsh@detnhuomlamhai.vn",
    "value_added_vnd": 74_500_000_000,
}

TEAM: list[dict[str, Any]] = [
    {
        "name": "ThS. Nguyễn Thị Thu Hà",
        "role": "Trưởng nhóm đánh giá, chuyên gia năng lượng",
        "role_en": "Audit team leader, energy expert",
        "organisation": "Trung tâm Sản xuất sạch hơn Việt Nam (VNCPC)",
        "organisation_en": "Vietnam Cleaner Production Centre (VNCPC)",
        "department": "Chuyên gia tư vấn",
        "department_en": "Consultant",
    },
    {
        "name": "KS. Trần Minh Đức",
        "role": "Chuyên gia nước, hóa chất và xử lý nước thải",
        "role_en": "Water, chemicals and wastewater treatment expert",
        "organisation": "Trung tâm Sản xuất sạch hơn Việt Nam (VNCPC)",
        "organisation_en": "Vietnam Cleaner Production Centre (VNCPC)",
        "department": "Chuyên gia tư vấn",
        "department_en": "Consultant",
    },
    {
        "name": "Phạm Văn Long",
        "role": "Phó giám đốc sản xuất, trưởng nhóm SXSH của doanh nghiệp",
        "role_en": "Deputy production director, the enterprise's CP team leader",
        "organisation": "Công ty TNHH Dệt nhuộm Lam Hải",
        "organisation_en": "Lam Hai Textile Dyeing Co., Ltd.",
        "department": "Ban Giám đốc",
        "department_en": "Board of directors",
    },
    {
        "name": "Lê Thị Hồng Nhung",
        "role": "Trưởng phòng Kỹ thuật nhuộm, thành viên nhóm SXSH",
        "role_en": "Head of dyeing technology, CP team member",
        "organisation": "Công ty TNHH Dệt nhuộm Lam Hải",
        "organisation_en": "Lam Hai Textile Dyeing Co., Ltd.",
        "department": "Phòng Kỹ thuật",
        "department_en": "Technical department",
    },
    {
        "name": "Vũ Quang Huy",
        "role": "Quản đốc phân xưởng Cơ điện, thành viên nhóm SXSH",
        "role_en": "Head of the mechanical and electrical workshop, CP team member",
        "organisation": "Công ty TNHH Dệt nhuộm Lam Hải",
        "organisation_en": "Lam Hai Textile Dyeing Co., Ltd.",
        "department": "Phân xưởng Cơ điện",
        "department_en": "Mechanical and electrical workshop",
    },
]

PRODUCTS: list[dict[str, Any]] = [
    {
        "key": "cotton",
        "name_vi": "Vải dệt kim cotton nhuộm hoạt tính",
        "name_en": "Reactive-dyed cotton knit fabric",
        "sales_price_vnd": 118_000_000,
    },
    {
        "key": "polyester",
        "name_vi": "Vải dệt kim polyester nhuộm phân tán",
        "name_en": "Disperse-dyed polyester knit fabric",
        "sales_price_vnd": 82_000_000,
    },
]

# fabric_loss: (loss name or "scrap" = share of the fabric-scrap stream, loss share, unexplained
# share); fabric_out: name of the fabric passed to the next step.
STEPS: list[dict[str, Any]] = [
    {
        "key": "inspection",
        "name_vi": "Kiểm tra vải mộc",
        "name_en": "Grey fabric inspection",
        "description": "Kiểm tra lỗi, đo khổ, cân và phân lô vải mộc trước khi xử lý.",
        "fabric_loss": ("Vải mộc lỗi trả nhà cung cấp", 0.004, 0.001),
        "fabric_out": "Vải mộc đạt yêu cầu",
    },
    {
        "key": "singeing",
        "name_vi": "Đốt lông",
        "name_en": "Singeing",
        "description": "Đốt lông tơ bề mặt vải bằng ngọn lửa khí LPG.",
        "fabric_loss": ("Xơ vải cháy, bụi xơ", 0.003, 0.001),
        "fabric_out": "Vải đã đốt lông",
    },
    {
        "key": "desizing",
        "name_vi": "Giũ hồ",
        "name_en": "Desizing",
        "description": "Giũ hồ và dầu dệt bằng enzyme ở 60–70 °C.",
        "fabric_loss": ("Hồ, dầu dệt và tạp chất theo nước thải", 0.010, 0.002),
        "fabric_out": "Vải đã giũ hồ",
    },
    {
        "key": "scouring",
        "name_vi": "Nấu tẩy",
        "name_en": "Scouring and bleaching",
        "description": "Nấu bằng xút và tẩy trắng bằng H2O2 ở 95–98 °C trên máy jet.",
        "fabric_loss": ("Sáp, pectin và tạp chất tự nhiên theo nước thải", 0.030, 0.004),
        "fabric_out": "Vải đã nấu tẩy",
    },
    {
        "key": "dyeing",
        "name_vi": "Nhuộm",
        "name_en": "Dyeing",
        "description": (
            "Nhuộm cotton bằng thuốc nhuộm hoạt tính ở 60 °C và polyester bằng thuốc nhuộm phân "
            "tán ở 130 °C trên máy jet, tỷ lệ dung dịch 1:8 đến 1:12."
        ),
        "fabric_loss": ("Xơ vải theo nước thải", 0.004, 0.002),
        "fabric_out": "Vải đã nhuộm",
    },
    {
        "key": "washing",
        "name_vi": "Giặt",
        "name_en": "Washing",
        "description": "Giặt xà phòng và giũ tràn sau nhuộm để loại thuốc nhuộm chưa gắn màu.",
        "fabric_loss": ("Xơ vải theo nước thải", 0.002, 0.001),
        "fabric_out": "Vải đã giặt",
    },
    {
        "key": "stentering",
        "name_vi": "Sấy và định hình",
        "name_en": "Drying and stentering",
        "description": "Vắt, sấy và định hình khổ vải trên máy căng kim gia nhiệt bằng dầu tải nhiệt.",
        "fabric_loss": ("scrap", 0.65, 0.002),
        "fabric_out": "Vải đã định hình",
    },
    {
        "key": "finishing",
        "name_vi": "Hoàn tất và đóng gói",
        "name_en": "Finishing and packing",
        "description": "Làm mềm, cào lông/xén lông theo đơn hàng, kiểm tra thành phẩm, cuộn và đóng gói.",
        "fabric_loss": ("scrap", 0.35, 0.0),
        "fabric_out": "",
    },
]
STEP_KEYS = tuple(s["key"] for s in STEPS)

# Streams: basis = what the quantity follows ("total", "cotton", "polyester" output in t, or an
# earlier stream's key); per_unit = quantity per unit of the basis; ratio = monthly variation.
STREAMS: list[dict[str, Any]] = [
    {
        "key": "electricity",
        "kind": "electricity",
        "name_vi": "Điện lưới",
        "name_en": "Grid electricity",
        "unit": "kWh",
        "price": 1_905,
        "basis": "total",
        "per_unit": 1_750,
        "ratio": (0.96, 1.04),
        "decimals": 0,
        "source": "invoice",
        "quality": "good",
        "notes": "Hóa đơn điện lực; giá bình quân của ba khung giờ cao điểm, bình thường, thấp điểm.",
    },
    {
        "key": "coal",
        "waste_class": "ENERGY-FUEL-SOLID",  # symbiosis class (resources/reference/waste_classes.toml)
        "kind": "fuel",
        "name_vi": "Than bitum cho lò hơi",
        "name_en": "Bituminous coal (boilers)",
        "unit": "t",
        "price": 3_250_000,
        "basis": "total",
        "per_unit": 0.95,
        "ratio": (0.95, 1.05),
        "decimals": 1,
        "source": "invoice",
        "quality": "good",
        "fuel_code": "coal_bituminous",
        "notes": "Than nhập khẩu; lò hơi ghi xích 15 t/h và lò dầu tải nhiệt; khối lượng theo phiếu cân nhập kho.",
    },
    {
        "key": "lpg",
        "kind": "fuel",
        "name_vi": "LPG cho máy đốt lông",
        "name_en": "LPG (singeing)",
        "unit": "t",
        "price": 26_500_000,
        "basis": "total",
        "per_unit": 0.006,
        "ratio": (0.9, 1.1),
        "decimals": 2,
        "source": "invoice",
        "quality": "good",
        "fuel_code": "lpg",
        "step": "singeing",
    },
    {
        "key": "water",
        "waste_class": "WATER-PROCESS",  # symbiosis class (resources/reference/waste_classes.toml)
        "kind": "water",
        "name_vi": "Nước cấp KCN",
        "name_en": "Mains water (park supply)",
        "unit": "m³",
        "price": 15_800,
        "basis": "total",
        "per_unit": 110,
        "ratio": (0.95, 1.06),
        "decimals": 0,
        "source": "invoice",
        "quality": "good",
    },
    {
        "key": "wastewater",
        "kind": "wastewater",
        "name_vi": "Nước thải",
        "name_en": "Wastewater",
        "unit": "m³",
        "price": 14_200,
        "basis": "water",
        "per_unit": 1.0,
        "ratio": (0.855, 0.89),
        "decimals": 0,
        "source": "measured",
        "quality": "fair",
        "notes": (
            "Đồng hồ lưu lượng sau bể điều hòa. Đơn giá gồm chi phí xử lý sơ bộ tại nhà máy và "
            "phí xử lý nước thải của KCN."
        ),
    },
    {
        "key": "grey_fabric",
        "kind": "raw_material",
        "name_vi": "Vải mộc",
        "name_en": "Grey fabric",
        "unit": "t",
        "price": 58_000_000,
        "basis": "total",
        "per_unit": 1.089,
        "ratio": (0.995, 1.005),
        "decimals": 1,
        "source": "invoice",
        "quality": "good",
        "step": "inspection",
        "confidential": True,
        "notes": "Vải mộc dệt kim cotton và polyester; giá mua bình quân theo hợp đồng (thông tin bảo mật của doanh nghiệp).",
    },
    {
        "key": "reactive_dyes",
        "kind": "chemical",
        "name_vi": "Thuốc nhuộm hoạt tính",
        "name_en": "Reactive dyes",
        "unit": "kg",
        "price": 165_000,
        "basis": "cotton",
        "per_unit": 22,
        "ratio": (0.9, 1.1),
        "decimals": 0,
        "source": "invoice",
        "quality": "good",
        "step": "dyeing",
    },
    {
        "key": "disperse_dyes",
        "kind": "chemical",
        "name_vi": "Thuốc nhuộm phân tán",
        "name_en": "Disperse dyes",
        "unit": "kg",
        "price": 215_000,
        "basis": "polyester",
        "per_unit": 14,
        "ratio": (0.9, 1.1),
        "decimals": 0,
        "source": "invoice",
        "quality": "good",
        "step": "dyeing",
    },
    {
        "key": "auxiliaries",
        "kind": "chemical",
        "name_vi": "Chất trợ",
        "name_en": "Auxiliaries",
        "unit": "kg",
        "price": 42_000,
        "basis": "total",
        "per_unit": 38,
        "ratio": (0.93, 1.07),
        "decimals": 0,
        "source": "invoice",
        "quality": "fair",
        "notes": "Enzyme, chất ngấm, chất đều màu, chất càng hóa, H2O2, axit axetic, chất làm mềm.",
    },
    {
        "key": "salt",
        "kind": "chemical",
        "name_vi": "Muối Glauber (Na2SO4)",
        "name_en": "Glauber's salt (Na2SO4)",
        "unit": "t",
        "price": 3_600_000,
        "basis": "cotton",
        "per_unit": 0.45,
        "ratio": (0.92, 1.08),
        "decimals": 2,
        "source": "invoice",
        "quality": "good",
        "step": "dyeing",
    },
    {
        "key": "soda",
        "kind": "chemical",
        "name_vi": "Soda (Na2CO3)",
        "name_en": "Soda ash (Na2CO3)",
        "unit": "t",
        "price": 8_200_000,
        "basis": "cotton",
        "per_unit": 0.14,
        "ratio": (0.92, 1.08),
        "decimals": 2,
        "source": "invoice",
        "quality": "good",
        "step": "dyeing",
    },
    {
        "key": "caustic",
        "waste_class": "IN-ALKALI",  # symbiosis class (resources/reference/waste_classes.toml)
        "kind": "chemical",
        "name_vi": "Xút (NaOH)",
        "name_en": "Caustic soda (NaOH)",
        "unit": "t",
        "price": 13_500_000,
        "basis": "total",
        "per_unit": 0.045,
        "ratio": (0.9, 1.1),
        "decimals": 2,
        "source": "invoice",
        "quality": "good",
        "step": "scouring",
        "notes": "Xút vảy 99 %.",
    },
    {
        "key": "sludge",
        "waste_class": "10 02 03",  # symbiosis class (resources/reference/waste_classes.toml)
        "kind": "hazardous_waste",
        "name_vi": "Bùn thải xử lý nước thải",
        "name_en": "Wastewater sludge",
        "unit": "t",
        "price": 3_800_000,
        "basis": "total",
        "per_unit": 0.075,
        "ratio": (0.85, 1.15),
        "decimals": 1,
        "source": "measured",
        "quality": "fair",
        "notes": "Bùn từ xử lý sơ bộ nước thải, đã ép; chất thải nguy hại, thuê đơn vị có giấy phép thu gom, vận chuyển và xử lý.",
    },
    {
        "key": "slag",
        "waste_class": "W-ASH-BOTTOM",  # symbiosis class (resources/reference/waste_classes.toml)
        "kind": "solid_waste",
        "name_vi": "Xỉ, tro lò hơi",
        "name_en": "Boiler slag and ash",
        "unit": "t",
        "price": 220_000,
        "basis": "coal",
        "per_unit": 0.16,
        "ratio": (0.9, 1.1),
        "decimals": 1,
        "source": "estimated",
        "quality": "fair",
        "notes": "Ước tính theo số chuyến xe; chi phí thu gom, vận chuyển đi chôn lấp.",
    },
    {
        "key": "fabric_scrap",
        "waste_class": "W-TEXTILE",  # symbiosis class (resources/reference/waste_classes.toml)
        "kind": "solid_waste",
        "name_vi": "Vải vụn (bán phế liệu)",
        "name_en": "Fabric scraps (sold)",
        "unit": "t",
        "price": -4_500_000,
        "basis": "total",
        "per_unit": 0.0125,
        "ratio": (0.85, 1.15),
        "decimals": 2,
        "source": "invoice",
        "quality": "good",
        "notes": "Vải vụn, biên vải cắt; đơn giá âm: doanh thu bán phế liệu cho cơ sở tái chế.",
    },
]

FLOW_INPUT_NAMES: dict[str, Any] = {
    "electricity": "Điện năng",
    "coal": "Hơi và dầu tải nhiệt (quy đổi than)",
    "lpg": "Khí LPG",
    "water": "Nước cấp",
    "reactive_dyes": "Thuốc nhuộm hoạt tính",
    "disperse_dyes": "Thuốc nhuộm phân tán",
    "auxiliaries": "Chất trợ",
    "salt": "Muối Glauber",
    "soda": "Soda",
    "caustic": "Xút",
}

_ELEC_USE = ("loss", "Điện năng tiêu thụ (động cơ, bơm, quạt, gia nhiệt → nhiệt thải)", 1.0, None)
_HOT_WW = "Nhiệt theo nước thải nóng"
_SURFACE = "Tổn thất nhiệt bề mặt thiết bị và đường ống"
_CONDENSATE = "Nước ngưng không thu hồi"
_WW = "Nước thải"
_EVAP = "Bay hơi, nước theo vải"
_CHEM_WW = "Hóa chất theo nước thải"

# (step, stream, share of the stream's annual quantity, [(direction, name, share of the input,
# linked stream)]). Electricity: 85 % to the steps (the rest: compressors, wastewater plant,
# lighting, offices). Coal: 80 % reaches the steps as steam/thermal oil (the rest: boiler losses).
# Water: 87 % (the rest: boiler make-up, domestic use). Washing water has 13 % unexplained.
RESOURCE_FLOWS: list[tuple[Any, ...]] = [
    ("inspection", "electricity", 0.01, [_ELEC_USE]),
    ("singeing", "electricity", 0.03, [_ELEC_USE]),
    ("singeing", "lpg", 1.0, [("loss", "Khí thải đốt và nhiệt thải", 0.99, None)]),
    ("desizing", "electricity", 0.04, [_ELEC_USE]),
    (
        "desizing",
        "coal",
        0.06,
        [
            ("loss", _HOT_WW, 0.55, None),
            ("loss", _SURFACE, 0.15, None),
            ("loss", _CONDENSATE, 0.28, None),
        ],
    ),
    ("desizing", "water", 0.08, [("loss", _WW, 0.95, "wastewater"), ("loss", _EVAP, 0.03, None)]),
    ("desizing", "auxiliaries", 0.08, [("loss", _CHEM_WW, 0.99, None)]),
    ("desizing", "caustic", 0.10, [("loss", _CHEM_WW, 0.99, None)]),
    ("scouring", "electricity", 0.09, [_ELEC_USE]),
    (
        "scouring",
        "coal",
        0.17,
        [
            ("loss", _HOT_WW, 0.58, None),
            ("loss", _SURFACE, 0.14, None),
            ("loss", _CONDENSATE, 0.26, None),
        ],
    ),
    ("scouring", "water", 0.18, [("loss", _WW, 0.93, "wastewater"), ("loss", _EVAP, 0.05, None)]),
    ("scouring", "auxiliaries", 0.25, [("loss", _CHEM_WW, 0.98, None)]),
    ("scouring", "caustic", 0.85, [("loss", _CHEM_WW, 0.98, None)]),
    ("dyeing", "electricity", 0.30, [_ELEC_USE]),
    (
        "dyeing",
        "coal",
        0.33,
        [
            ("loss", _HOT_WW, 0.52, None),
            ("loss", _SURFACE, 0.16, None),
            ("loss", _CONDENSATE, 0.30, None),
        ],
    ),
    ("dyeing", "water", 0.34, [("loss", _WW, 0.92, "wastewater"), ("loss", _EVAP, 0.05, None)]),
    (
        "dyeing",
        "reactive_dyes",
        1.0,
        [
            ("output", "Thuốc nhuộm gắn màu trên vải", 0.70, None),
            ("loss", "Thuốc nhuộm thủy phân theo nước thải", 0.28, None),
        ],
    ),
    (
        "dyeing",
        "disperse_dyes",
        1.0,
        [
            ("output", "Thuốc nhuộm gắn màu trên vải", 0.88, None),
            ("loss", "Thuốc nhuộm theo nước thải", 0.11, None),
        ],
    ),
    ("dyeing", "auxiliaries", 0.35, [("loss", _CHEM_WW, 0.97, None)]),
    ("dyeing", "salt", 1.0, [("loss", "Muối theo nước thải", 0.99, None)]),
    ("dyeing", "soda", 1.0, [("loss", "Soda theo nước thải", 0.99, None)]),
    ("washing", "electricity", 0.09, [_ELEC_USE]),
    (
        "washing",
        "coal",
        0.12,
        [
            ("loss", _HOT_WW, 0.70, None),
            ("loss", _SURFACE, 0.12, None),
            ("loss", _CONDENSATE, 0.15, None),
        ],
    ),
    ("washing", "water", 0.26, [("loss", _WW, 0.84, "wastewater"), ("loss", _EVAP, 0.03, None)]),
    ("washing", "auxiliaries", 0.12, [("loss", _CHEM_WW, 0.99, None)]),
    ("stentering", "electricity", 0.22, [_ELEC_USE]),
    (
        "stentering",
        "coal",
        0.10,
        [
            ("loss", "Nhiệt theo khí thải máy định hình", 0.62, None),
            ("loss", "Nhiệt hóa hơi ẩm trong vải", 0.25, None),
            ("loss", _SURFACE, 0.10, None),
        ],
    ),
    ("finishing", "electricity", 0.07, [_ELEC_USE]),
    (
        "finishing",
        "coal",
        0.02,
        [("loss", _SURFACE, 0.50, None), ("loss", _CONDENSATE, 0.48, None)],
    ),
    (
        "finishing",
        "water",
        0.01,
        [("loss", "Dịch hoàn tất thải bỏ", 0.90, "wastewater"), ("loss", _EVAP, 0.08, None)],
    ),
    (
        "finishing",
        "auxiliaries",
        0.15,
        [
            ("output", "Chất làm mềm, chất hoàn tất trên vải", 0.70, None),
            ("loss", "Dịch hoàn tất thải bỏ cuối ca", 0.28, None),
        ],
    ),
]

# ---------------------------------------------------------------------------------------------
# Walkthrough findings: template, item and area ids of audit_templates/textile_dyeing.toml and
# general_utilities.toml (Finding.area holds the area id; the template gives its name).

_TEX, _GEN = "textile_dyeing", "general_utilities"

FINDINGS: list[dict[str, Any]] = [
    {
        "key": "F01",
        "template": _GEN,
        "item": "gen.steam.leaks",
        "area": "boilers_steam",
        "title": "Rò rỉ hơi tại van, mặt bích và bẫy hơi khu máy nhuộm",
        "note": (
            "Đếm được 14 điểm rò rỉ hơi nhìn thấy được, 3 bẫy hơi bị kẹt mở xả hơi sống. Ước tính "
            "tổn thất khoảng 2 % lượng hơi sản xuất."
        ),
        "title_en": "Steam leaks at valves, flanges and steam traps in the dyeing hall",
        "note_en": (
            "14 visible steam leaks counted; 3 steam traps stuck open, blowing live steam. Estimated loss about 2 % of the steam produced."
        ),
        "severity": Severity.HIGH,
        "category": CPCategory.GOOD_HOUSEKEEPING,
        "step": "dyeing",
        "stream": "coal",
        "photo": "steam_leak",
        "photo_caption": "Hơi rò rỉ tại mặt bích van cấp hơi máy nhuộm jet số 5",
        "photo_caption_en": "Steam leaking at the flange of the steam supply valve of jet dyeing machine no. 5",
    },
    {
        "key": "F02",
        "template": _GEN,
        "item": "gen.steam.insulation",
        "area": "boilers_steam",
        "title": "Đường ống hơi, van và mặt bích không bảo ôn",
        "note": (
            "Khoảng 120 m ống hơi DN50–DN100 và 40 van không bảo ôn; nhiệt độ bề mặt đo được "
            "150–165 °C."
        ),
        "title_en": "Steam pipes, valves and flanges without insulation",
        "note_en": (
            "About 120 m of DN50–DN100 steam pipe and 40 valves uninsulated; surface temperatures measured at 150–165 °C."
        ),
        "severity": Severity.HIGH,
        "category": CPCategory.EQUIPMENT_MODIFICATION,
        "step": "dyeing",
        "stream": "coal",
    },
    {
        "key": "F03",
        "template": _GEN,
        "item": "gen.cond.return_rate",
        "area": "condensate",
        "title": "Nước ngưng từ máy nhuộm và máy giặt xả thẳng ra cống",
        "note": (
            "Nước ngưng 80–90 °C từ các bộ trao đổi nhiệt gián tiếp không được thu hồi; nước cấp lò "
            "hơi chỉ khoảng 35 °C."
        ),
        "title_en": "Condensate from dyeing and washing machines drained straight to the sewer",
        "note_en": (
            "80–90 °C condensate from the indirect heat exchangers is not recovered; boiler feed water is only about 35 °C."
        ),
        "severity": Severity.HIGH,
        "category": CPCategory.ONSITE_RECOVERY,
        "step": "dyeing",
        "stream": "coal",
    },
    {
        "key": "F04",
        "template": _GEN,
        "item": "gen.steam.combustion",
        "area": "boilers_steam",
        "title": "Lò hơi vận hành với hệ số không khí thừa cao",
        "note": (
            "O2 trong khói thải 11–12 %, nhiệt độ khói 210 °C; người vận hành chỉnh gió bằng tay "
            "theo kinh nghiệm."
        ),
        "title_en": "Boiler operated with a high excess-air ratio",
        "note_en": (
            "11–12 % O2 in the flue gas, flue-gas temperature 210 °C; the operator sets the air by hand from experience."
        ),
        "severity": Severity.MEDIUM,
        "category": CPCategory.PROCESS_CONTROL,
        "stream": "coal",
    },
    {
        "key": "F05",
        "template": _TEX,
        "item": "tex.liquor_ratio",
        "area": "tex_dyeing",
        "title": "Máy nhuộm jet cũ có tỷ lệ dung dịch 1:10 đến 1:12",
        "note": (
            "4 trong 14 máy nhuộm là máy jet đời cũ (trên 15 năm), tỷ lệ dung dịch cao, tiêu thụ "
            "nước, hơi và muối lớn hơn các máy mới khoảng 40 %."
        ),
        "title_en": "Old jet dyeing machines with a liquor ratio of 1:10 to 1:12",
        "note_en": (
            "4 of the 14 dyeing machines are old jets (over 15 years); their high liquor ratio uses about 40 % more water, steam and salt than the newer machines."
        ),
        "severity": Severity.HIGH,
        "category": CPCategory.TECHNOLOGY_CHANGE,
        "step": "dyeing",
        "stream": "water",
    },
    {
        "key": "F06",
        "template": _TEX,
        "item": "tex.rinse_control",
        "area": "tex_washing",
        "title": "Giặt tràn liên tục, không có van điều chỉnh lưu lượng",
        "note": (
            "Các bể giặt sau nhuộm xả tràn liên tục kể cả khi máy dừng; không có đồng hồ nước riêng "
            "cho khu giặt. Cân bằng nước cho thấy khoảng 13 % nước cấp khu giặt chưa xác định."
        ),
        "title_en": "Continuous overflow washing, no flow-control valves",
        "note_en": (
            "The washing tanks after dyeing overflow continuously, even when the machine stops; the washing area has no water meter of its own. The water balance leaves about 13 % of the washing area's supply unaccounted for."
        ),
        "severity": Severity.HIGH,
        "category": CPCategory.PROCESS_CONTROL,
        "step": "washing",
        "stream": "water",
        "photo": "overflow",
        "photo_caption": "Nước tràn qua thành bể giặt số 2 khi máy đang dừng",
        "photo_caption_en": "Water overflowing washing tank no. 2 while the machine is stopped",
    },
    {
        "key": "F07",
        "template": _TEX,
        "item": "tex.hot_water_reuse",
        "area": "tex_washing",
        "title": "Nước thải nóng 60–70 °C xả thẳng về hệ thống xử lý",
        "note": (
            "Dịch nhuộm polyester và nước giặt nóng xả ở 60–70 °C; bể điều hòa phải làm mát trước "
            "khi xử lý sinh học."
        ),
        "title_en": "Hot wastewater at 60–70 °C discharged straight to treatment",
        "note_en": (
            "Polyester dye liquor and hot wash water are discharged at 60–70 °C; the equalisation tank must cool it before biological treatment."
        ),
        "severity": Severity.MEDIUM,
        "category": CPCategory.ONSITE_RECOVERY,
        "step": "dyeing",
        "stream": "wastewater",
    },
    {
        "key": "F08",
        "template": _TEX,
        "item": "tex.dye_dosing",
        "area": "tex_dyeing",
        "title": "Cân thuốc nhuộm thủ công, rơi vãi tại khu pha chế",
        "note": (
            "Thuốc nhuộm cân bằng cân đĩa, hóa chất đong bằng xô; bột thuốc nhuộm rơi vãi trên sàn, "
            "thùng chứa không đậy nắp."
        ),
        "title_en": "Dyes weighed by hand, spills in the dye kitchen",
        "note_en": (
            "Dyes are weighed on a dial scale and chemicals measured by bucket; dye powder is spilled on the floor and containers are left open."
        ),
        "severity": Severity.MEDIUM,
        "category": CPCategory.PROCESS_CONTROL,
        "step": "dyeing",
        "stream": "reactive_dyes",
        "photo": "dye_spill",
        "photo_caption": "Bột thuốc nhuộm rơi vãi quanh bàn cân tại khu pha chế",
        "photo_caption_en": "Dye powder spilled around the weighing table in the dye kitchen",
    },
    {
        "key": "F09",
        "template": _TEX,
        "item": "tex.right_first_time",
        "area": "tex_dyeing",
        "title": "Tỷ lệ nhuộm lại và sửa màu khoảng 8 % số mẻ",
        "note": (
            "Sổ theo dõi quý IV/2024: 8,2 % số mẻ phải nhuộm bổ sung hoặc sửa màu; so màu bằng mắt "
            "trong tủ đèn."
        ),
        "title_en": "About 8 % of batches re-dyed or shade-corrected",
        "note_en": (
            "Q4/2024 log: 8.2 % of batches needed an add-on dyeing or shade correction; shades are matched by eye in a light cabinet."
        ),
        "severity": Severity.HIGH,
        "category": CPCategory.PROCESS_CONTROL,
        "step": "dyeing",
        "stream": "reactive_dyes",
    },
    {
        "key": "F10",
        "template": _TEX,
        "item": "tex.stenter_exhaust",
        "area": "tex_finishing",
        "title": "Khí thải máy căng kim định hình xả trực tiếp ở khoảng 160 °C",
        "note": "Hai máy định hình, quạt hút chạy tối đa liên tục; không có bộ thu hồi nhiệt.",
        "title_en": "Stenter exhaust released directly at about 160 °C",
        "note_en": (
            "Two stenters, exhaust fans running at full speed all the time; no heat recovery."
        ),
        "severity": Severity.MEDIUM,
        "category": CPCategory.EQUIPMENT_MODIFICATION,
        "step": "stentering",
        "stream": "coal",
    },
    {
        "key": "F11",
        "template": _GEN,
        "item": "gen.air.leaks",
        "area": "compressed_air",
        "title": "Rò rỉ khí nén ở khớp nối, máy nén chạy không tải nhiều",
        "note": (
            "Thử khi dừng sản xuất: máy nén vẫn chạy có tải khoảng 30 % thời gian, cho thấy rò rỉ "
            "lớn; áp suất đặt 8 bar trong khi thiết bị chỉ cần 6 bar."
        ),
        "title_en": "Compressed-air leaks at couplings, compressors often running unloaded",
        "note_en": (
            "Test during a production stop: the compressor still ran loaded about 30 % of the time, showing large leaks; set pressure 8 bar where the equipment needs only 6 bar."
        ),
        "severity": Severity.MEDIUM,
        "category": CPCategory.GOOD_HOUSEKEEPING,
        "stream": "electricity",
    },
    {
        "key": "F12",
        "template": _GEN,
        "item": "gen.motor.throttling",
        "area": "motors",
        "title": "Bơm tuần hoàn và quạt chạy hết tốc độ, điều tiết bằng van",
        "note": (
            "Bơm tuần hoàn máy nhuộm 30–45 kW và quạt hút máy định hình không có biến tần; lưu "
            "lượng điều chỉnh bằng van tiết lưu."
        ),
        "title_en": "Circulation pumps and fans at full speed, throttled by valves",
        "note_en": (
            "The 30–45 kW circulation pumps of the dyeing machines and the stenter exhaust fans have no variable-speed drives; flow is set with throttle valves."
        ),
        "severity": Severity.MEDIUM,
        "category": CPCategory.EQUIPMENT_MODIFICATION,
        "stream": "electricity",
    },
    {
        "key": "F13",
        "template": _GEN,
        "item": "gen.light.technology",
        "area": "lighting",
        "title": "Đèn huỳnh quang T8 và đèn kho bật cả ban ngày",
        "note": "Khoảng 650 bộ đèn huỳnh quang T8 2×36 W; kho vải mộc và kho thành phẩm bật đèn 24/24.",
        "title_en": "T8 fluorescent lamps, and warehouse lights on during the day",
        "note_en": (
            "About 650 T8 2×36 W fluorescent fittings; the grey-fabric and finished-goods warehouses keep the lights on 24/7."
        ),
        "severity": Severity.LOW,
        "category": CPCategory.EQUIPMENT_MODIFICATION,
        "stream": "electricity",
    },
    {
        "key": "F14",
        "template": _GEN,
        "item": "gen.waste.segregation",
        "area": "waste",
        "title": "Xỉ lò hơi để lộ thiên, thuê chở đi chôn lấp",
        "note": (
            "Khoảng 45 t xỉ và tro mỗi tháng để ngoài trời cạnh nhà lò; một nhà máy gạch không nung "
            "trong KCN đang tìm nguồn xỉ."
        ),
        "title_en": "Boiler slag stored in the open and trucked to landfill",
        "note_en": (
            "About 45 t of slag and ash a month kept outdoors beside the boiler house; an unfired-brick plant in the park is looking for a source of slag."
        ),
        "severity": Severity.LOW,
        "category": CPCategory.BYPRODUCT,
        "stream": "slag",
        "photo": "slag_heap",
        "photo_caption": "Bãi xỉ lò hơi để lộ thiên cạnh nhà lò",
        "photo_caption_en": "Boiler slag heaped in the open beside the boiler house",
    },
    {
        "key": "F15",
        "template": _GEN,
        "item": "gen.waste.scrap_value",
        "area": "waste",
        "title": "Vải vụn, biên vải để lẫn, bán chung một giá",
        "note": "Vải vụn cotton và polyester, các màu để chung trong bao; bán cho người thu mua 4.500 đ/kg.",
        "title_en": "Fabric scraps and selvedges mixed, sold at one price",
        "note_en": (
            "Cotton and polyester scraps of every colour mixed in bags; sold to a collector at 4,500 VND/kg."
        ),
        "severity": Severity.LOW,
        "category": CPCategory.BYPRODUCT,
        "step": "stentering",
        "stream": "fabric_scrap",
    },
]

# ---------------------------------------------------------------------------------------------
# Options. savings: stream key -> share of the annual baseline saved. Statuses spread over the
# whole life cycle; dates default to the audit's milestones (STATUS_DATES).

STATUS_DATES: dict[str, Any] = {
    "identified": date(2025, 3, 6),
    "screened": date(2025, 4, 8),
    "feasible": date(2025, 5, 20),
    "planned": date(2025, 6, 17),
    "implemented": date(2025, 8, 29),
    "verified": date(2025, 11, 14),
}
STATUS_NOTES: dict[str, Any] = {
    "identified": "Khảo sát hiện trường",
    "screened": "Họp sàng lọc của nhóm SXSH",
    "feasible": "Phân tích khả thi kỹ thuật, kinh tế, môi trường",
    "planned": "Ban Giám đốc phê duyệt kế hoạch thực hiện",
    "implemented": "Hoàn thành lắp đặt, đưa vào vận hành",
    "verified": "Đo đạc kiểm chứng sau ba tháng vận hành",
}

_LONG = "Phạm Văn Long"
_NHUNG = "Lê Thị Hồng Nhung"
_HUY = "Vũ Quang Huy"

OPTIONS: list[dict[str, Any]] = [
    {
        "title_vi": "Chương trình phát hiện và sửa chữa rò rỉ hơi, nước và khí nén",
        "title_en": "Leak detection and repair programme for steam, water and compressed air",
        "description_vi": "Kiểm tra rò rỉ hằng tuần theo tuyến, thay gioăng, sửa bẫy hơi, dán thẻ đánh dấu điểm rò và theo dõi đến khi khắc phục.",
        "description_en": "Weekly leak rounds, gasket and steam-trap repairs, leak tagging and follow-up until fixed.",
        "category": CPCategory.GOOD_HOUSEKEEPING,
        "savings": {"coal": 0.02, "water": 0.012, "electricity": 0.008},
        "investment": 45_000_000,
        "opex": 24_000_000,
        "lifetime": 3,
        "status": "verified",
        "dates": {
            "feasible": date(2025, 4, 10),
            "planned": date(2025, 4, 15),
            "implemented": date(2025, 5, 20),
            "verified": date(2025, 9, 25),
        },
        "responsible": _HUY,
        "target": date(2025, 5, 31),
        "actual_investment": 41_500_000,
        "verified_ratio": 0.9,
        "findings": ("F01", "F11"),
        "scores": (5, 4),
    },
    {
        "title_vi": "Quy trình tắt thiết bị khi dừng máy, đổi ca và đào tạo vận hành",
        "title_en": "Switch-off procedure at stoppages and shift changes; operator training",
        "description_vi": "Ban hành quy trình tắt bơm, quạt, đèn và van hơi khi máy dừng trên 15 phút; đào tạo công nhân ba ca.",
        "description_en": "Procedure to switch off pumps, fans, lights and steam valves during stops over 15 minutes; training for all three shifts.",
        "category": CPCategory.GOOD_HOUSEKEEPING,
        "savings": {"electricity": 0.015, "coal": 0.01},
        "investment": 15_000_000,
        "lifetime": 3,
        "status": "implemented",
        "dates": {
            "feasible": date(2025, 4, 20),
            "planned": date(2025, 5, 12),
            "implemented": date(2025, 6, 2),
        },
        "responsible": _LONG,
        "target": date(2025, 6, 1),
        "actual_investment": 12_000_000,
        "findings": ("F11",),
        "scores": (5, 3),
    },
    {
        "title_vi": "Dùng thuốc nhuộm hoạt tính độ gắn màu cao, ít muối",
        "title_en": "Switch to high-fixation, low-salt reactive dyes",
        "description_vi": "Thử nghiệm và chuyển sang nhóm thuốc nhuộm hoạt tính hai nhóm hoạt tính, giảm lượng muối và thuốc nhuộm thủy phân trong nước thải.",
        "description_en": "Trial and adopt bifunctional reactive dyes that need less salt and leave less hydrolysed dye in the effluent.",
        "category": CPCategory.INPUT_CHANGE,
        "step": "dyeing",
        "savings": {"salt": 0.20, "reactive_dyes": 0.06},
        "investment": 120_000_000,
        "opex": 780_000_000,
        "lifetime": 5,
        "status": "feasible",
        "responsible": _NHUNG,
        "findings": ("F09",),
        "scores": (3, 4),
    },
    {
        "title_vi": "Nấu tẩy sinh học bằng enzyme pectinase thay cho nấu xút",
        "title_en": "Bio-scouring with pectinase enzymes instead of caustic scouring",
        "description_vi": "Nấu vải cotton bằng enzyme ở 55–60 °C thay cho xút ở 95–98 °C; giảm xút, hơi, nước giặt và độ pH nước thải.",
        "description_en": "Scour cotton with enzymes at 55–60 °C instead of caustic at 95–98 °C: less caustic, steam and rinse water, lower effluent pH.",
        "category": CPCategory.INPUT_CHANGE,
        "step": "scouring",
        "savings": {"caustic": 0.25, "coal": 0.03, "water": 0.03, "wastewater": 0.03},
        "investment": 80_000_000,
        "opex": 520_000_000,
        "lifetime": 5,
        "status": "screened",
        "responsible": _NHUNG,
        "scores": (3, 4),
    },
    {
        "title_vi": "Hệ thống tự động pha và cấp thuốc nhuộm, hóa chất",
        "title_en": "Automatic dye and chemical dispensing and dosing system",
        "description_vi": "Cân pha thuốc nhuộm tự động kết nối phòng thí nghiệm và cấp hóa chất lỏng theo công thức cho 14 máy nhuộm.",
        "description_en": "Automatic dye weighing linked to the lab and recipe-driven dosing of liquid chemicals to the 14 dyeing machines.",
        "category": CPCategory.PROCESS_CONTROL,
        "step": "dyeing",
        "savings": {
            "reactive_dyes": 0.04,
            "disperse_dyes": 0.04,
            "auxiliaries": 0.07,
            "salt": 0.05,
            "soda": 0.05,
        },
        "investment": 2_850_000_000,
        "opex": 60_000_000,
        "lifetime": 10,
        "status": "planned",
        "responsible": _NHUNG,
        "target": date(2026, 3, 31),
        "findings": ("F08",),
        "scores": (4, 4),
    },
    {
        "title_vi": "Kiểm soát tỷ lệ không khí/nhiên liệu lò hơi bằng bộ phân tích O2",
        "title_en": "Boiler air-fuel ratio control with flue-gas O2 trim",
        "description_vi": "Lắp bộ phân tích O2 khói thải và biến tần quạt gió, điều khiển tự động giữ O2 ở 6–7 %.",
        "description_en": "Flue-gas O2 analyser and variable-speed combustion-air fan keeping O2 at 6–7 %.",
        "category": CPCategory.PROCESS_CONTROL,
        "savings": {"coal": 0.04, "electricity": 0.003},
        "investment": 380_000_000,
        "lifetime": 10,
        "status": "implemented",
        "dates": {"implemented": date(2025, 9, 12)},
        "responsible": _HUY,
        "target": date(2025, 9, 30),
        "actual_investment": 365_000_000,
        "findings": ("F04",),
        "scores": (4, 4),
    },
    {
        "title_vi": "Nâng tỷ lệ nhuộm đúng ngay lần đầu: máy đo màu quang phổ và chuẩn hóa quy trình",
        "title_en": "Right-first-time dyeing: spectrophotometer colour matching and lab-to-bulk procedure",
        "description_vi": "Đo màu bằng máy quang phổ, kiểm soát độ ẩm và khối lượng vải, chuẩn hóa quy trình chuyển công thức từ phòng thí nghiệm ra sản xuất.",
        "description_en": "Spectrophotometric colour matching, control of fabric moisture and batch weight, standard lab-to-bulk recipe transfer.",
        "category": CPCategory.PROCESS_CONTROL,
        "step": "dyeing",
        "savings": {
            "reactive_dyes": 0.05,
            "disperse_dyes": 0.04,
            "auxiliaries": 0.04,
            "water": 0.03,
            "wastewater": 0.03,
            "coal": 0.025,
            "electricity": 0.02,
            "salt": 0.03,
        },
        "investment": 1_250_000_000,
        "opex": 80_000_000,
        "lifetime": 7,
        "status": "feasible",
        "responsible": _NHUNG,
        "findings": ("F09",),
        "scores": (4, 5),
    },
    {
        "title_vi": "Bảo ôn đường ống hơi, van và mặt bích",
        "title_en": "Insulation of steam lines, valves and flanges",
        "description_vi": "Bọc bông khoáng và vỏ nhôm cho 120 m ống hơi; áo bảo ôn tháo lắp được cho 40 van và mặt bích.",
        "description_en": "Mineral wool with aluminium cladding on 120 m of steam pipe; removable insulating jackets on 40 valves and flanges.",
        "category": CPCategory.EQUIPMENT_MODIFICATION,
        "savings": {"coal": 0.03},
        "investment": 280_000_000,
        "lifetime": 8,
        "status": "verified",
        "dates": {"implemented": date(2025, 7, 18)},
        "responsible": _HUY,
        "target": date(2025, 7, 31),
        "actual_investment": 296_000_000,
        "verified_ratio": 0.95,
        "findings": ("F02",),
        "scores": (5, 4),
    },
    {
        "title_vi": "Lắp biến tần cho bơm tuần hoàn máy nhuộm, bơm nước cấp và quạt hút",
        "title_en": "Variable-speed drives on dyeing-machine circulation pumps, feed pumps and exhaust fans",
        "description_vi": "Lắp 22 biến tần cho bơm tuần hoàn, bơm nước cấp và quạt hút máy định hình; cài đặt tốc độ theo chương trình nhuộm.",
        "description_en": "22 variable-speed drives on circulation pumps, feed pumps and stenter exhaust fans, speed set by the dyeing program.",
        "category": CPCategory.EQUIPMENT_MODIFICATION,
        "savings": {"electricity": 0.045},
        "investment": 1_150_000_000,
        "lifetime": 10,
        "status": "implemented",
        "dates": {"implemented": date(2025, 10, 6)},
        "responsible": _HUY,
        "target": date(2025, 10, 15),
        "actual_investment": 1_120_000_000,
        "findings": ("F12",),
        "scores": (4, 3),
    },
    {
        "title_vi": "Thay đèn huỳnh quang bằng đèn LED, lắp cảm biến chuyển động ở kho",
        "title_en": "LED lighting with occupancy sensors in the warehouses",
        "description_vi": "Thay 650 bộ đèn T8 2×36 W bằng đèn LED 36 W; cảm biến chuyển động cho kho vải mộc và kho thành phẩm.",
        "description_en": "Replace 650 twin 36 W T8 fittings by 36 W LED luminaires; occupancy sensors in the grey and finished-goods stores.",
        "category": CPCategory.EQUIPMENT_MODIFICATION,
        "savings": {"electricity": 0.012},
        "investment": 320_000_000,
        "lifetime": 8,
        "status": "verified",
        "dates": {"implemented": date(2025, 6, 27), "verified": date(2025, 10, 10)},
        "responsible": _HUY,
        "target": date(2025, 6, 30),
        "actual_investment": 305_000_000,
        "verified_ratio": 1.05,
        "findings": ("F13",),
        "scores": (5, 3),
    },
    {
        "title_vi": "Thu hồi nhiệt khí thải máy căng kim định hình",
        "title_en": "Stenter exhaust heat recovery",
        "description_vi": "Bộ trao đổi nhiệt khí–khí trên ống thải hai máy định hình, gia nhiệt sơ bộ không khí cấp vào buồng sấy.",
        "description_en": "Air-to-air heat exchangers on the two stenters' exhaust, preheating the drying air.",
        "category": CPCategory.EQUIPMENT_MODIFICATION,
        "step": "stentering",
        "savings": {"coal": 0.035},
        "investment": 1_650_000_000,
        "opex": 40_000_000,
        "lifetime": 10,
        "status": "identified",
        "findings": ("F10",),
        "scores": (3, 4),
    },
    {
        "title_vi": "Thay 4 máy nhuộm jet cũ bằng máy nhuộm tỷ lệ dung dịch thấp (1:5)",
        "title_en": "Replace four old jet dyeing machines by low-liquor-ratio (1:5) machines",
        "description_vi": "Thay 4 máy jet đời cũ (1:10–1:12) bằng máy nhuộm air-flow/jet tỷ lệ dung dịch 1:5, giảm nước, hơi, muối và hóa chất theo tỷ lệ.",
        "description_en": "Replace four old jets (1:10–1:12) with 1:5 air-flow/jet machines, cutting water, steam, salt and chemicals in proportion.",
        "category": CPCategory.TECHNOLOGY_CHANGE,
        "step": "dyeing",
        "savings": {
            "water": 0.06,
            "wastewater": 0.06,
            "coal": 0.05,
            "salt": 0.06,
            "soda": 0.10,
            "auxiliaries": 0.06,
            "electricity": 0.01,
        },
        "investment": 6_800_000_000,
        "lifetime": 15,
        "status": "planned",
        "responsible": _LONG,
        "target": date(2026, 9, 30),
        "findings": ("F05",),
        "scores": (4, 5),
    },
    {
        "title_vi": "Dây chuyền giặt liên tục ngược dòng sau nhuộm vải cotton",
        "title_en": "Continuous counter-current washing range after cotton dyeing",
        "description_vi": "Giặt liên tục ngược dòng thay cho giặt gián đoạn trong máy nhuộm; nước sạch chỉ cấp ở ngăn cuối.",
        "description_en": "Continuous counter-current washing instead of batch rinsing in the dyeing machines; fresh water fed only to the last compartment.",
        "category": CPCategory.TECHNOLOGY_CHANGE,
        "step": "washing",
        "savings": {"water": 0.05, "wastewater": 0.05, "coal": 0.02},
        "investment": 3_900_000_000,
        "opex": 50_000_000,
        "lifetime": 12,
        "status": "identified",
        "findings": ("F06",),
        "scores": (3, 5),
    },
    {
        "title_vi": "Thu hồi nước ngưng về bể nước cấp lò hơi",
        "title_en": "Condensate return to the boiler feed tank",
        "description_vi": "Lắp đường ống, bồn thu và bơm nước ngưng từ máy nhuộm, máy giặt về bể nước cấp lò hơi; nâng nhiệt độ nước cấp lên khoảng 75 °C.",
        "description_en": "Pipes, collection tank and pump returning condensate from dyeing and washing machines to the boiler feed tank, raising feed water to about 75 °C.",
        "category": CPCategory.ONSITE_RECOVERY,
        "savings": {"coal": 0.055, "water": 0.012},
        "investment": 520_000_000,
        "lifetime": 10,
        "status": "implemented",
        "dates": {"implemented": date(2025, 8, 28)},
        "responsible": _HUY,
        "target": date(2025, 8, 31),
        "actual_investment": 548_000_000,
        "findings": ("F03",),
        "scores": (4, 4),
    },
    {
        "title_vi": "Thu hồi nhiệt nước thải nóng để gia nhiệt nước cấp",
        "title_en": "Heat recovery from hot effluent to preheat process water",
        "description_vi": "Tách dòng nước thải nóng, qua bộ trao đổi nhiệt tấm chống bám cặn để gia nhiệt nước cấp cho máy nhuộm lên 40–45 °C.",
        "description_en": "Segregate hot effluent and preheat dyeing water to 40–45 °C in a fouling-resistant plate heat exchanger.",
        "category": CPCategory.ONSITE_RECOVERY,
        "step": "dyeing",
        "savings": {"coal": 0.04},
        "investment": 1_450_000_000,
        "opex": 45_000_000,
        "lifetime": 10,
        "status": "feasible",
        "responsible": _HUY,
        "findings": ("F07",),
        "scores": (3, 4),
    },
    {
        "title_vi": "Tái sử dụng nước làm mát và nước giặt cuối cho lần giặt đầu",
        "title_en": "Reuse cooling water and final rinse water for the first rinses",
        "description_vi": "Thu nước làm mát máy nhuộm polyester và nước giặt cuối (ít màu) vào bồn trung gian, bơm lại cho lần giặt đầu.",
        "description_en": "Collect polyester-machine cooling water and the clean last rinses in a buffer tank and pump them back for the first rinses.",
        "category": CPCategory.ONSITE_RECOVERY,
        "step": "washing",
        "savings": {"water": 0.07, "wastewater": 0.07},
        "investment": 420_000_000,
        "opex": 20_000_000,
        "lifetime": 8,
        "status": "planned",
        "responsible": _NHUNG,
        "target": date(2026, 2, 28),
        "findings": ("F06",),
        "scores": (4, 5),
    },
    {
        "title_vi": "Thu hồi xút bằng cô đặc bay hơi",
        "title_en": "Caustic recovery by evaporation",
        "description_vi": "Thu dịch nấu xút, lọc và cô đặc để tái sử dụng cho công đoạn nấu.",
        "description_en": "Collect spent scouring liquor, filter and concentrate it for reuse in scouring.",
        "category": CPCategory.ONSITE_RECOVERY,
        "step": "scouring",
        "savings": {"caustic": 0.25},
        "investment": 3_200_000_000,
        "opex": 150_000_000,
        "lifetime": 10,
        "status": "screened",
        "rejection_reason": (
            "Nhà máy không có công đoạn làm bóng: dịch xút loãng, lẫn tạp chất; lượng xút thu hồi "
            "khoảng 40 t/năm không đủ hoàn vốn cho khoản đầu tư 3,2 tỷ đồng."
        ),
        "rejection_reason_en": (
            "The plant has no mercerising step: the spent caustic is dilute and contaminated; "
            "the roughly 40 t/yr recovered would not pay back an investment of 3.2 billion VND."
        ),
        "scores": (2, 3),
    },
    {
        "title_vi": "Cung cấp xỉ lò hơi cho nhà máy gạch không nung trong KCN",
        "title_en": "Supply boiler slag to a non-fired brick plant in the park (industrial symbiosis)",
        "description_vi": "Ký hợp đồng giao xỉ và tro cho nhà máy gạch không nung trong KCN Đình Vũ; làm mái che khu chứa xỉ.",
        "description_en": "Contract to deliver slag and ash to a non-fired brick plant in Dinh Vu park; roofed slag storage.",
        "category": CPCategory.BYPRODUCT,
        "symbiosis": True,
        "savings": {"slag": 0.85},
        "investment": 30_000_000,
        "lifetime": 5,
        "status": "implemented",
        "dates": {
            "feasible": date(2025, 4, 22),
            "planned": date(2025, 5, 15),
            "implemented": date(2025, 7, 1),
        },
        "responsible": _HUY,
        "target": date(2025, 6, 30),
        "actual_investment": 28_000_000,
        "findings": ("F14",),
        "scores": (5, 5),
    },
    {
        "title_vi": "Phân loại vải vụn theo chất liệu và màu để bán giá cao hơn",
        "title_en": "Sort fabric scraps by fibre and colour to sell at a higher price",
        "description_vi": "Bố trí khu và bao riêng cho vải vụn cotton, polyester theo nhóm màu; bán cho cơ sở tái chế sợi.",
        "description_en": "Separate bins for cotton and polyester scraps by colour group, sold to a fibre recycler.",
        "category": CPCategory.BYPRODUCT,
        "step": "stentering",
        "savings": {},
        "override": 200_000_000,
        "override_reason": (
            "Cơ sở tái chế báo giá 9,0 triệu đồng/t cho vải vụn đã phân loại, so với 4,5 triệu "
            "đồng/t hiện nay (khoảng 45 t/năm)."
        ),
        "override_reason_en": (
            "The recycler quoted 9.0 million VND/t for sorted scraps, against 4.5 million VND/t "
            "today (about 45 t/yr)."
        ),
        "investment": 25_000_000,
        "opex": 30_000_000,
        "lifetime": 5,
        "status": "implemented",
        "dates": {
            "feasible": date(2025, 4, 22),
            "planned": date(2025, 5, 15),
            "implemented": date(2025, 6, 16),
        },
        "responsible": _LONG,
        "target": date(2025, 6, 15),
        "actual_investment": 22_000_000,
        "findings": ("F15",),
        "scores": (5, 4),
    },
    {
        "title_vi": "Bỏ bước tẩy trắng cho vải nhuộm màu đậm (thống nhất tiêu chuẩn với khách hàng)",
        "title_en": "Skip bleaching for dark shades (specification agreed with buyers)",
        "description_vi": "Với các màu đậm (đen, xanh navy, đỏ đậm), chỉ nấu không tẩy trắng sau khi khách hàng chấp thuận kết quả thử độ bền màu.",
        "description_en": "For dark shades (black, navy, deep red) scour without bleaching once buyers accept the colour-fastness test results.",
        "category": CPCategory.PRODUCT_MODIFICATION,
        "step": "scouring",
        "savings": {
            "auxiliaries": 0.02,
            "caustic": 0.05,
            "coal": 0.015,
            "water": 0.015,
            "wastewater": 0.015,
        },
        "investment": 0,
        "lifetime": 5,
        "status": "screened",
        "responsible": _NHUNG,
        "scores": (4, 4),
    },
]

# English names of the step flows (StepFlow.name_en), for English reports.
FLOW_NAMES_EN: dict[str, Any] = {
    "Vải mộc": "Grey fabric",
    "Vải từ công đoạn trước": "Fabric from the previous step",
    "Vải mộc lỗi trả nhà cung cấp": "Faulty grey fabric returned to the supplier",
    "Xơ vải cháy, bụi xơ": "Burnt fibres and lint",
    "Hồ, dầu dệt và tạp chất theo nước thải": "Size, knitting oil and impurities to wastewater",
    "Sáp, pectin và tạp chất tự nhiên theo nước thải": "Waxes, pectin and natural impurities to wastewater",
    "Xơ vải theo nước thải": "Fibres to wastewater",
    "Biên vải cắt, vải vụn": "Trimmed selvedges and fabric scraps",
    "Vải mộc đạt yêu cầu": "Accepted grey fabric",
    "Vải đã đốt lông": "Singed fabric",
    "Vải đã giũ hồ": "Desized fabric",
    "Vải đã nấu tẩy": "Scoured and bleached fabric",
    "Vải đã nhuộm": "Dyed fabric",
    "Vải đã giặt": "Washed fabric",
    "Vải đã định hình": "Stentered fabric",
    "Vải dệt kim cotton nhuộm hoạt tính": "Reactive-dyed cotton knit fabric",
    "Vải dệt kim polyester nhuộm phân tán": "Disperse-dyed polyester knit fabric",
    "Điện năng": "Electricity",
    "Điện năng tiêu thụ (động cơ, bơm, quạt, gia nhiệt → nhiệt thải)": (
        "Electricity used (motors, pumps, fans, heating → waste heat)"
    ),
    "Khí LPG": "LPG",
    "Hơi và dầu tải nhiệt (quy đổi than)": "Steam and thermal oil (as coal equivalent)",
    "Khí thải đốt và nhiệt thải": "Combustion gases and waste heat",
    "Nhiệt theo nước thải nóng": "Heat in hot wastewater",
    "Nhiệt theo khí thải máy định hình": "Heat in stenter exhaust",
    "Tổn thất nhiệt bề mặt thiết bị và đường ống": "Surface heat losses of machines and pipes",
    "Nhiệt hóa hơi ẩm trong vải": "Heat to evaporate the fabric's moisture",
    "Nước ngưng không thu hồi": "Condensate not returned",
    "Nước cấp": "Process water",
    "Nước thải": "Wastewater",
    "Dịch hoàn tất thải bỏ": "Discarded finishing liquor",
    "Bay hơi, nước theo vải": "Evaporation and water carried by the fabric",
    "Chất trợ": "Auxiliaries",
    "Thuốc nhuộm hoạt tính": "Reactive dyes",
    "Hóa chất theo nước thải": "Chemicals to wastewater",
    "Thuốc nhuộm gắn màu trên vải": "Dye fixed on the fabric",
    "Chất làm mềm, chất hoàn tất trên vải": "Softeners and finishes on the fabric",
    "Xút": "Caustic soda",
    "Thuốc nhuộm thủy phân theo nước thải": "Hydrolysed dye to wastewater",
    "Dịch hoàn tất thải bỏ cuối ca": "Finishing liquor discarded at shift end",
    "Thuốc nhuộm phân tán": "Disperse dyes",
    "Thuốc nhuộm theo nước thải": "Dye to wastewater",
    "Muối Glauber": "Glauber's salt",
    "Muối theo nước thải": "Salt to wastewater",
    "Soda": "Soda ash",
    "Soda theo nước thải": "Soda ash to wastewater",
}
