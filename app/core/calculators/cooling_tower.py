"""Cooling-tower make-up water from cycles of concentration.

Formulas (US DOE FEMP, Cooling tower management; Perry's rule of thumb for evaporation)::

    E = circulation · ΔT [K] · 0.00153   (about 0.085 % of the flow per °F of range)
    make-up M = E · C/(C − 1);  blowdown B = E/(C − 1)
    saving = M(C_1) − M(C_2)

FEMP's worked example: raising cycles from 3 to 6 cuts make-up by 20 % (M ∝ C/(C − 1)).
Valid range: cycles above 1, ΔT 0–30 K.
"""

from __future__ import annotations

from app.core.calculators._common import HOURS, MONEY_SAVED
from app.core.calculators.base import Calculator, Input, Output


def _calc(q: dict) -> dict:
    evap = q["circulation"] * q["delta_t"].to("kelvin").magnitude * 0.00153
    c1, c2 = q["cycles_now"].magnitude, q["cycles_new"].magnitude
    m1, m2 = evap * c1 / (c1 - 1), evap * c2 / (c2 - 1)
    water = ((m1 - m2) * q["hours"]).to("meter ** 3")
    return {
        "makeup_now": m1,
        "makeup_new": m2,
        "water": water,
        "cost": water.magnitude * q["water_price"].magnitude,
    }


def _order(q: dict) -> tuple[str, str] | None:
    return ("calc.cycles_order", "cycles_new") if q["cycles_new"] <= q["cycles_now"] else None


CALCULATOR = Calculator(
    id="cooling_tower",
    name_vi="Nước bổ sung tháp giải nhiệt (chu kỳ cô đặc)",
    name_en="Cooling-tower make-up (cycles of concentration)",
    inputs=(
        Input(
            "circulation",
            "Lưu lượng nước tuần hoàn",
            "Circulating water flow",
            "meter ** 3 / hour",
            None,
            0,
            1e6,
            min_exclusive=True,
        ),
        Input(
            "delta_t",
            "Chênh lệch nhiệt độ vào/ra",
            "Temperature range (in − out)",
            "delta_degC",
            5,
            0,
            30,
            min_exclusive=True,
        ),
        Input(
            "cycles_now",
            "Chu kỳ cô đặc hiện tại",
            "Present cycles of concentration",
            "",
            None,
            1,
            50,
            min_exclusive=True,
        ),
        Input(
            "cycles_new",
            "Chu kỳ cô đặc mới",
            "New cycles of concentration",
            "",
            None,
            1,
            50,
            min_exclusive=True,
        ),
        HOURS,
        Input("water_price", "Giá nước (VND/m³)", "Water price (VND/m³)", "", 0, 0, None),
    ),
    outputs=(
        Output("makeup_now", "Nước bổ sung hiện tại", "Present make-up", "meter ** 3 / hour"),
        Output("makeup_new", "Nước bổ sung mới", "New make-up", "meter ** 3 / hour"),
        Output("water", "Nước tiết kiệm mỗi năm", "Water saved per year", "meter ** 3", "water"),
        MONEY_SAVED,
    ),
    func=_calc,
    checks=(_order,),
    source="US DOE FEMP, Cooling Towers: Understanding Key Components of Cooling Towers and How to Improve Water Efficiency",
)
