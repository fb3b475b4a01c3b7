"""Material or chemical substitution / recovery.

Formula::

    recovered = quantity per year · recovery rate
    money = recovered · (price + treatment cost avoided) − added operating cost

Valid range: recovery rate 0–100 %, prices ≥ 0.
Source: UNIDO/UNEP RECP toolkit, cost of a waste stream (value of lost material + cost of its
treatment/disposal), as in docs/DOMAIN.md §3.7 (Cost of a waste stream).
Checked against (tests/test_calculators.py): Koch Modular Process Systems, "Separations Savvy"
newsletter Vol. 2 No. 8, "Solvent Recovery Systems Pay for Themselves" (THF recovery: 94.1 %
recovered, $2.2 MM/yr of recovered solvent, $0.2 MM/yr operating cost, $3.8 MM installed, payback
under two years; https://kochmodular.com/about-us/separations-savvy/newsletter-vol2-no8/), net
saving within 0.5 %; and P2 InfoHouse ref/09/08034 (Atlanta lithographic printer, 23 gal/day of
blanket wash, about 43 % recovered = "ten gallons per day";
http://infohouse.p2ric.org/ref/09/08034.htm), within 2 %. Neither source states quantity, price
and treatment cost apart, so the split between them is not checked against a publication.
"""

from __future__ import annotations

from app.core.calculators._common import MONEY_SAVED
from app.core.calculators.base import Calculator, Input, Output


def _calc(q: dict) -> dict:
    recovered = q["quantity"].magnitude * q["rate"].magnitude / 100
    money = recovered * (q["price"].magnitude + q["treatment"].magnitude) - q["operating"].magnitude
    return {"material": recovered, "cost": money}


CALCULATOR = Calculator(
    id="material_recovery",
    name_vi="Thu hồi / thay thế nguyên liệu, hóa chất",
    name_en="Material or chemical recovery / substitution",
    inputs=(
        Input(
            "quantity",
            "Lượng sử dụng mỗi năm (theo đơn vị dòng)",
            "Quantity used per year (stream unit)",
            "",
            None,
            0,
            None,
            min_exclusive=True,
        ),
        Input(
            "rate",
            "Tỷ lệ thu hồi / giảm (%)",
            "Recovery or reduction rate (%)",
            "",
            None,
            0,
            100,
            help_vi="%",
            help_en="%",
        ),
        Input("price", "Đơn giá (VND/đơn vị)", "Price (VND/unit)", "", None, 0, None),
        Input(
            "treatment",
            "Chi phí xử lý chất thải tránh được (VND/đơn vị)",
            "Waste treatment cost avoided (VND/unit)",
            "",
            0,
            0,
            None,
        ),
        Input(
            "operating",
            "Chi phí vận hành tăng thêm (VND/năm)",
            "Added operating cost (VND/yr)",
            "",
            0,
            0,
            None,
        ),
    ),
    outputs=(
        Output("material", "Lượng tiết kiệm mỗi năm", "Quantity saved per year", "", "material"),
        MONEY_SAVED,
    ),
    func=_calc,
    source="UNIDO/UNEP RECP methodology: cost of waste streams",
)
