"""A park fixture for the symbiosis matcher: fifteen firms in two parks of Đà Nẵng and one in
Bình Dương, written from typical park pairs, with the matches a person expects and the traps.

KCN Hòa Khánh (HK) and KCN Liên Chiểu (LC) are neighbours (same province); VSIP Bình Dương is
not a neighbour of either. Quantities are per year; months are calendar months.

Expected within each park (``EXPECTED_SAME_PARK``), hand-computed exchangeable quantities:
  hk-paint spent solvent 12 t      -> hk-solvrec (permitted recycler, needs 20 t)   12 t
  hk-pack plastic offcuts 40 t     -> hk-recyc recycled-plastic input 25 t          25 t
  hk-textile fly ash 800 t         -> hk-brick brick raw material 600 t             600 t
  hk-textile bottom ash/slag 200 t -> hk-brick                                      200 t
  hk-brew waste heat 2000 MWh      -> hk-laundry heat need 5400 GJ (= 1500 MWh)     1500 MWh
  hk-brew treated wastewater 50000 m³ -> hk-laundry low-grade water 20000 m³        20000 m³
  hk-brew organic sludge 150 t     -> hk-compost organic feedstock 300 t            150 t
Expected only with neighbouring parks (``EXPECTED_NEIGHBOURS``):
  hk-paint paper scrap 30 t        -> lc-paper pulp input 500 t                     30 t
  hk-textile fly ash 800 t         -> lc-cement 5000 t                              800 t
  hk-textile bottom ash 200 t      -> lc-cement                                     200 t
  lc-fruit fruit peel 80 t (May-Aug) -> hk-compost 300 t all year: shared May-Aug,
                                      need counted 300 x 4/12 = 100 t               80 t
  hk-brew organic sludge 150 t     -> lc-biogas 100 t (Nov-Feb): 150 x 4/12         50 t
Traps (never proposed):
  hk-paint spent solvent -> hk-furn (wants spent thinner, holds no permit)
  hk-textile hazardous dyeing sludge -> hk-compost (incompatible, and hazardous)
  hk-pack plastic offcuts -> hk-pack's own plastic need (the same firm)
  lc-fruit fruit peel (May-Aug) -> lc-biogas (Nov-Feb): no month in common
  anything -> bd-paper (Bình Dương: another province, not a neighbour)
  hk-pack plastic offcuts -> lc-paper pulp input (incompatible)
"""

from __future__ import annotations

from app.core.symbiosis.offers import Side
from app.core.symbiosis.party import Party, PartyItem

HK, LC, BD = "KCN Hòa Khánh", "KCN Liên Chiểu", "VSIP Bình Dương"
DN, BDP = "Đà Nẵng", "Bình Dương"
ALL = tuple(range(1, 13))


def give(code: str, q: float | None, unit: str, months=ALL, hazardous=False) -> PartyItem:
    return PartyItem(Side.OFFER, code, unit, q, tuple(months), hazardous=hazardous)


def take(code: str, q: float | None, unit: str, months=ALL, permit=False) -> PartyItem:
    return PartyItem(Side.NEED, code, unit, q, tuple(months), hazardous_permit=permit)


def firm(key, label, park, province, *items, location=None) -> Party:
    return Party(key, label, park, province, tuple(items), location=location)


# hk-paint and hk-solvrec are 0.1° of latitude apart on one meridian: 11.12 km by hand
# (6371.0088 km x 0.1 x pi / 180).
PARTIES: tuple[Party, ...] = (
    firm(
        "hk-paint",
        "Sơn Hòa Khánh",
        HK,
        DN,
        give("17 08 04", 12, "t", hazardous=True),
        give("W-PAPER", 30_000, "kg"),
        location=(16.05, 108.15),
    ),
    firm(
        "hk-solvrec",
        "Tái chế dung môi Miền Trung",
        HK,
        DN,
        take("IN-SOLVENT-SPENT", 20, "t", permit=True),
        location=(16.15, 108.15),
    ),
    firm("hk-furn", "Nội thất Hòa Khánh", HK, DN, take("IN-SOLVENT-SPENT", 5, "t")),
    firm(
        "hk-pack",
        "Bao bì nhựa Đà Nẵng",
        HK,
        DN,
        give("W-PLASTIC", 40, "t"),
        take("IN-PLASTIC", 300, "t"),
    ),
    firm("hk-recyc", "Hạt nhựa tái sinh Xanh", HK, DN, take("IN-PLASTIC", 25, "t")),
    firm(
        "hk-textile",
        "Dệt nhuộm Hòa Khánh",
        HK,
        DN,
        give("W-ASH-FLY", 800, "t"),
        give("W-ASH-BOTTOM", 200, "t"),
        give("10 02 03", 60, "t", hazardous=True),
    ),
    firm("hk-brick", "Gạch không nung Hòa Khánh", HK, DN, take("IN-CEMENT-RAW", 600, "t")),
    firm(
        "hk-brew",
        "Bia Hòa Khánh",
        HK,
        DN,
        give("W-SLUDGE-BIO", 150, "t"),
        give("ENERGY-HEAT-LOW", 2000, "MWh"),
        give("W-WASTEWATER-TREATED", 50_000, "m³"),
    ),
    firm(
        "hk-laundry",
        "Giặt là công nghiệp Sông Hàn",
        HK,
        DN,
        take("ENERGY-HEAT-LOW", 5400, "GJ"),
        take("WATER-LOW-GRADE", 20_000, "m³"),
    ),
    firm("hk-compost", "Phân bón hữu cơ Đà Nẵng", HK, DN, take("IN-ORGANIC-FEED", 300, "t")),
    firm(
        "lc-paper",
        "Giấy Liên Chiểu",
        LC,
        DN,
        take("IN-PAPER", 500, "t"),
        location=(16.10, 108.15),
    ),
    firm("lc-cement", "Trạm nghiền xi măng Liên Chiểu", LC, DN, take("IN-CEMENT-RAW", 5000, "t")),
    firm(
        "lc-fruit",
        "Chế biến trái cây Liên Chiểu",
        LC,
        DN,
        give("W-FOOD", 80, "t", months=(5, 6, 7, 8)),
    ),
    firm(
        "lc-biogas",
        "Biogas Liên Chiểu",
        LC,
        DN,
        take("IN-ORGANIC-FEED", 100, "t", months=(11, 12, 1, 2)),
    ),
    firm("bd-paper", "Giấy Bình Dương", BD, BDP, take("IN-PAPER", 800, "t")),
)

# (giver, offer class, taker, need class) -> exchangeable quantity in the offer's unit
EXPECTED_SAME_PARK: dict[tuple[str, str, str, str], float] = {
    ("hk-paint", "17 08 04", "hk-solvrec", "IN-SOLVENT-SPENT"): 12,
    ("hk-pack", "W-PLASTIC", "hk-recyc", "IN-PLASTIC"): 25,
    ("hk-textile", "W-ASH-FLY", "hk-brick", "IN-CEMENT-RAW"): 600,
    ("hk-textile", "W-ASH-BOTTOM", "hk-brick", "IN-CEMENT-RAW"): 200,
    ("hk-brew", "ENERGY-HEAT-LOW", "hk-laundry", "ENERGY-HEAT-LOW"): 1500,
    ("hk-brew", "W-WASTEWATER-TREATED", "hk-laundry", "WATER-LOW-GRADE"): 20_000,
    ("hk-brew", "W-SLUDGE-BIO", "hk-compost", "IN-ORGANIC-FEED"): 150,
}
EXPECTED_NEIGHBOURS: dict[tuple[str, str, str, str], float] = {
    ("hk-paint", "W-PAPER", "lc-paper", "IN-PAPER"): 30_000,  # kg, the offer's unit
    ("hk-textile", "W-ASH-FLY", "lc-cement", "IN-CEMENT-RAW"): 800,
    ("hk-textile", "W-ASH-BOTTOM", "lc-cement", "IN-CEMENT-RAW"): 200,
    ("lc-fruit", "W-FOOD", "hk-compost", "IN-ORGANIC-FEED"): 80,
    # the digester's winter months: 150 t x 4/12 = 50 t of sludge, within its 100 t
    ("hk-brew", "W-SLUDGE-BIO", "lc-biogas", "IN-ORGANIC-FEED"): 50,
}
TRAPS: tuple[tuple[str, str, str, str, str], ...] = (
    # giver, offer, taker, need, the rule that refuses it
    ("hk-paint", "17 08 04", "hk-furn", "IN-SOLVENT-SPENT", "symbiosis.match.not.permit"),
    ("hk-textile", "10 02 03", "hk-compost", "IN-ORGANIC-FEED", "symbiosis.match.not.class"),
    ("hk-pack", "W-PLASTIC", "hk-pack", "IN-PLASTIC", "symbiosis.match.not.self"),
    ("lc-fruit", "W-FOOD", "lc-biogas", "IN-ORGANIC-FEED", "symbiosis.match.not.months"),
    ("hk-paint", "W-PAPER", "bd-paper", "IN-PAPER", "symbiosis.match.not.park"),
    ("hk-pack", "W-PLASTIC", "lc-paper", "IN-PAPER", "symbiosis.match.not.class"),
)


def party(key: str) -> Party:
    return next(p for p in PARTIES if p.key == key)


def item(key: str, side: Side, code: str) -> PartyItem:
    return next(i for i in party(key).items if i.side is side and i.code == code)


# --- Two demo-like audits, through offers_and_needs -------------------------------------------


def audits():
    """A textile dyer (the shipped demo, KCN Đình Vũ) and a non-fired brick maker next door whose
    cement raw material is classified IN-CEMENT-RAW: the demo's bottom ash should go to it; the
    demo's hazardous dyeing sludge must not (no permit is recorded in an audit)."""
    import copy

    from app.core import model
    from app.core.demo import build_demo_audit

    dyer = build_demo_audit()
    park, province = dyer.info.enterprise.industrial_park, dyer.info.enterprise.province
    brick = model.Audit()
    brick.info.title = "Kiểm toán SXSH Gạch không nung"
    brick.info.enterprise = model.Enterprise(
        name="Công ty Gạch không nung Hòa Bình", industrial_park=park, province=province
    )
    brick.info.baseline_start = dyer.info.baseline_start
    brick.info.baseline_months = 12
    cement = model.ResourceStream(
        kind=model.StreamKind.RAW_MATERIAL,
        name_vi="Phụ gia khoáng (tro, xỉ) cho gạch",
        name_en="Mineral additive (ash, slag) for bricks",
        unit="t",
        unit_price_vnd=150_000,
        waste_class="IN-CEMENT-RAW",
    )
    brick.streams.append(cement)
    for period in dyer.baseline_periods():
        brick.records.append(model.PeriodRecord(cement.id, period, 50.0))
    return copy.deepcopy(dyer), brick
