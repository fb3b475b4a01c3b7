"""Compressed-air leaks by orifice (choked flow).

Formula (isentropic choked flow of air through an orifice, γ = 1.4, R = 287.05 J/(kg·K))::

    ṁ = Cd · A · p0 · sqrt(γ / (R·T0)) · (2/(γ+1))^((γ+1)/(2(γ−1)))
    free-air flow V̇ = n · ṁ / ρ_free,  ρ_free = p_atm / (R · T0)
    electricity = V̇ · specific power · hours;  cost = electricity · tariff

Assumptions: leak pressure ≥ about 0.9 bar g (flow choked); free air at the line temperature
and atmospheric pressure; the compressor delivers the lost air at its specific power.
Valid range: 1–40 bar g, orifice 0.1–25 mm, −20–80 °C.
Source: the same method as MEASUR's orifice-method calculator (US DOE/ORNL); check values in the
"Discharge of air through an orifice" table reproduced in the DOE Compressed Air Tip Sheet #3
(Minimize compressed air leaks), which is based on Cd = 1 (×0.97 rounded, ×0.61–0.65 sharp edge).
"""

from __future__ import annotations

import math

from app.core.calculators._common import HOURS, MONEY_SAVED, SPECIFIC_POWER, TARIFF
from app.core.calculators.base import Calculator, Input, Output
from app.core.units import registry

GAMMA, R_AIR = 1.4, 287.05


def _calc(q: dict) -> dict:
    ureg = registry()
    d = q["diameter"].to("meter").magnitude
    p_atm = q["atmospheric"].to("pascal").magnitude
    p0 = q["pressure"].to("pascal").magnitude + p_atm
    t0 = q["temperature"].to("kelvin").magnitude
    area = math.pi * d * d / 4
    crit = (2 / (GAMMA + 1)) ** ((GAMMA + 1) / (2 * (GAMMA - 1)))
    mass = q["cd"].magnitude * area * p0 * math.sqrt(GAMMA / (R_AIR * t0)) * crit
    rho_free = p_atm / (R_AIR * t0)
    flow = ureg.Quantity(q["count"].magnitude * mass / rho_free, "meter ** 3 / second")
    energy = (flow * q["specific_power"] * q["hours"]).to("kilowatt_hour")
    return {"flow": flow, "electricity": energy, "cost": energy.magnitude * q["tariff"].magnitude}


CALCULATOR = Calculator(
    id="air_leak_orifice",
    name_vi="Rò rỉ khí nén (theo đường kính lỗ)",
    name_en="Compressed-air leaks (by orifice)",
    inputs=(
        Input(
            "diameter",
            "Đường kính lỗ rò",
            "Leak orifice diameter",
            "millimeter",
            None,
            0.1,
            25,
            help_vi="Đường kính tương đương của lỗ rò.",
            help_en="Equivalent leak hole diameter.",
        ),
        Input(
            "pressure",
            "Áp suất đường ống (dư)",
            "Line pressure (gauge)",
            "bar",
            7,
            1,
            40,
            help_vi="Áp suất dư tại chỗ rò; dưới 1 bar dòng không tới hạn.",
            help_en="Gauge pressure at the leak; below 1 bar the flow is not choked.",
        ),
        Input("temperature", "Nhiệt độ khí", "Air temperature", "degC", 30, -20, 80),
        Input(
            "atmospheric",
            "Áp suất khí quyển",
            "Atmospheric pressure",
            "kilopascal",
            101.325,
            80,
            110,
        ),
        Input(
            "cd",
            "Hệ số lưu lượng",
            "Discharge coefficient",
            "",
            0.65,
            0.1,
            1.0,
            help_vi="1,0 lỗ lý tưởng; 0,97 mép tròn; 0,61–0,65 mép sắc.",
            help_en="1.0 ideal; 0.97 rounded entry; 0.61–0.65 sharp edge.",
        ),
        Input("count", "Số chỗ rò", "Number of leaks", "", 1, 1, 100000),
        HOURS,
        SPECIFIC_POWER,
        TARIFF,
    ),
    outputs=(
        Output("flow", "Lưu lượng khí tự do thất thoát", "Free air lost", "meter ** 3 / minute"),
        Output(
            "electricity", "Điện tiết kiệm", "Electricity saved", "kilowatt_hour", "electricity"
        ),
        MONEY_SAVED,
    ),
    func=_calc,
    source="US DOE Compressed Air Tip Sheet #3; MEASUR orifice method (ORNL)",
)
