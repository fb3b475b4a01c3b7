"""Compressed air: drawing cooler intake air.

Formula: for the same free-air delivery the compression work is proportional to the absolute
intake temperature, so saving share = 1 − T_new / T_now (kelvin); kWh = power · hours · share.
Rule of thumb it reproduces (Bureau of Energy Efficiency India, Energy Efficiency in Electrical
Utilities, ch. 3 compressed air): every 4 °C cooler intake air saves about 1 % (1.3 % by the
formula at 30 °C). Valid range: −20–60 °C, new temperature below present.
"""

from __future__ import annotations

from app.core.calculators._common import HOURS, MONEY_SAVED, TARIFF
from app.core.calculators.base import Calculator, Input, Output


def _calc(q: dict) -> dict:
    share = 1 - q["t_new"].to("kelvin").magnitude / q["t_now"].to("kelvin").magnitude
    energy = (q["power"] * q["hours"] * share).to("kilowatt_hour")
    return {
        "share": share * 100,
        "electricity": energy,
        "cost": energy.magnitude * q["tariff"].magnitude,
    }


def _order(q: dict) -> tuple[str, str] | None:
    return (
        ("calc.intake_order", "t_new")
        if q["t_new"].to("kelvin") >= q["t_now"].to("kelvin")
        else None
    )


CALCULATOR = Calculator(
    id="air_intake_temperature",
    name_vi="Lấy khí nạp mát hơn cho máy nén",
    name_en="Cooler intake air for compressors",
    inputs=(
        Input(
            "power",
            "Công suất điện máy nén (trung bình)",
            "Compressor electric power (average)",
            "kilowatt",
            None,
            0,
            10000,
            min_exclusive=True,
        ),
        Input(
            "t_now", "Nhiệt độ khí nạp hiện tại", "Present intake temperature", "degC", 40, -20, 60
        ),
        Input("t_new", "Nhiệt độ khí nạp mới", "New intake temperature", "degC", 32, -20, 60),
        HOURS,
        TARIFF,
    ),
    outputs=(
        Output("share", "Tỷ lệ tiết kiệm (%)", "Saving share (%)", ""),
        Output(
            "electricity", "Điện tiết kiệm", "Electricity saved", "kilowatt_hour", "electricity"
        ),
        MONEY_SAVED,
    ),
    func=_calc,
    checks=(_order,),
    source="Bureau of Energy Efficiency (India), Energy Efficiency in Electrical Utilities, ch. 3",
)
