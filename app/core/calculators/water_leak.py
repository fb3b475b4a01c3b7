"""Water leaks: flow through a hole at the mains pressure, or a measured flow.

Formula (orifice equation for an incompressible liquid)::

    Q = Cd · A · sqrt(2 · Δp / ρ),  Cd 0.6 (sharp-edged), ρ 998 kg/m³
    water per year = n · Q · hours;  money = water · water price

Enter a measured leak flow (e.g. by the bucket-and-stopwatch method) instead of a hole to
use it directly. Valid range: 0–16 bar g, hole 0.1–50 mm.
Source: orifice equation (ISO 5167 discharge coefficient of a sharp-edged orifice ≈ 0.6);
US EPA WaterSense, Leaks (bucket method).
"""

from __future__ import annotations

import math

from app.core.calculators._common import HOURS, MONEY_SAVED
from app.core.calculators.base import Calculator, Input, Output


def _calc(q: dict) -> dict:
    measured = q["measured"].to("liter / minute").magnitude
    if measured > 0:
        flow_l_min = measured
    else:
        d = q["diameter"].to("meter").magnitude
        dp = q["pressure"].to("pascal").magnitude
        flow_l_min = q["cd"].magnitude * math.pi * d * d / 4 * math.sqrt(2 * dp / 998) * 60000
    flow_l_min *= q["count"].magnitude
    water = flow_l_min * 60 * q["hours"].to("hour").magnitude / 1000
    return {"flow": flow_l_min, "water": water, "cost": water * q["water_price"].magnitude}


CALCULATOR = Calculator(
    id="water_leak",
    name_vi="Rò rỉ nước",
    name_en="Water leaks",
    inputs=(
        Input("diameter", "Đường kính lỗ rò", "Leak hole diameter", "millimeter", 2, 0.1, 50),
        Input("pressure", "Áp suất nước (dư)", "Water pressure (gauge)", "bar", 3, 0, 16),
        Input("cd", "Hệ số lưu lượng", "Discharge coefficient", "", 0.6, 0.1, 1),
        Input(
            "measured",
            "Lưu lượng đo được (nếu có)",
            "Measured leak flow (if any)",
            "liter / minute",
            0,
            0,
            1e4,
            help_vi="Khác 0 thì dùng giá trị đo thay cho lỗ rò.",
            help_en="When not 0, used instead of the hole.",
        ),
        Input("count", "Số chỗ rò", "Number of leaks", "", 1, 1, 1e5),
        HOURS,
        Input("water_price", "Giá nước (VND/m³)", "Water price (VND/m³)", "", 0, 0, None),
    ),
    outputs=(
        Output("flow", "Lưu lượng rò", "Leak flow", "liter / minute"),
        Output("water", "Nước tiết kiệm mỗi năm", "Water saved per year", "meter ** 3", "water"),
        MONEY_SAVED,
    ),
    func=_calc,
    source="Orifice equation (ISO 5167, Cd ≈ 0.6); US EPA WaterSense (leak measurement)",
)
