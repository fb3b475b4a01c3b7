"""Lighting retrofit (e.g. T8 fluorescent with magnetic ballast → LED tube).

Formula: kWh saved = n_old · W_old · h − n_new · W_new · h (W including ballast/driver losses);
money = kWh · tariff. Valid range: wattages 0–2,000 W per luminaire, hours 0–8,784.
Source: US DOE FEMP, Energy-efficient lighting purchasing guidance (savings = Δ(W) × hours).
"""

from __future__ import annotations

from app.core.calculators._common import HOURS, MONEY_SAVED, TARIFF
from app.core.calculators.base import Calculator, Input, Output


def _calc(q: dict) -> dict:
    before = q["count_old"].magnitude * q["watt_old"] * q["hours"]
    after = q["count_new"].magnitude * q["watt_new"] * q["hours"]
    energy = (before - after).to("kilowatt_hour")
    return {"electricity": energy, "cost": energy.magnitude * q["tariff"].magnitude}


CALCULATOR = Calculator(
    id="lighting_retrofit",
    name_vi="Thay đèn tiết kiệm điện (LED)",
    name_en="Lighting retrofit (LED)",
    inputs=(
        Input("count_old", "Số đèn hiện tại", "Present luminaires", "", None, 0, 1e6),
        Input(
            "watt_old",
            "Công suất mỗi đèn hiện tại (cả chấn lưu)",
            "Power per present luminaire (with ballast)",
            "watt",
            None,
            0,
            2000,
        ),
        Input("count_new", "Số đèn mới", "New luminaires", "", None, 0, 1e6),
        Input(
            "watt_new", "Công suất mỗi đèn mới", "Power per new luminaire", "watt", None, 0, 2000
        ),
        HOURS,
        TARIFF,
    ),
    outputs=(
        Output(
            "electricity", "Điện tiết kiệm", "Electricity saved", "kilowatt_hour", "electricity"
        ),
        MONEY_SAVED,
    ),
    func=_calc,
    source="US DOE FEMP energy-efficient lighting guidance",
)
