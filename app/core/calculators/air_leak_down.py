"""Compressed-air leaks by the leak-down (pressure decay) test.

Formula (US DOE, Improving Compressed Air System Performance: a Sourcebook for Industry,
leak section)::

    leakage (free air) = V · (P1 − P2) / (t · p_atm) · 1.25

V: receiver and piping volume downstream of the compressor; P1, P2 gauge pressures at the
start and end of the test with all end uses off; t the test time. The factor 1.25 corrects the
leak to the normal operating pressure (the sourcebook's allowance for the falling pressure).
Valid range: P2 at or above half of P1 as the sourcebook recommends; V > 0; t > 0.
"""

from __future__ import annotations

from app.core.calculators._common import HOURS, MONEY_SAVED, SPECIFIC_POWER, TARIFF
from app.core.calculators.base import Calculator, Input, Output


def _calc(q: dict) -> dict:
    dp = q["p_start"] - q["p_end"]
    flow = (q["volume"] * dp / (q["duration"] * q["atmospheric"]) * 1.25).to("meter ** 3 / minute")
    energy = (flow * q["specific_power"] * q["hours"]).to("kilowatt_hour")
    return {"flow": flow, "electricity": energy, "cost": energy.magnitude * q["tariff"].magnitude}


def _order(q: dict) -> tuple[str, str] | None:
    if q["p_end"] >= q["p_start"]:
        return "calc.leak_down_order", "p_end"
    return None


CALCULATOR = Calculator(
    id="air_leak_down",
    name_vi="Rò rỉ khí nén (thử sụt áp)",
    name_en="Compressed-air leaks (leak-down test)",
    inputs=(
        Input(
            "volume",
            "Thể tích bình chứa và đường ống",
            "Receiver and piping volume",
            "meter ** 3",
            None,
            0,
            1000,
            min_exclusive=True,
        ),
        Input("p_start", "Áp suất đầu (dư)", "Start pressure (gauge)", "bar", 7, 0.5, 40),
        Input("p_end", "Áp suất cuối (dư)", "End pressure (gauge)", "bar", 6, 0, 40),
        Input(
            "duration", "Thời gian thử", "Test duration", "minute", 1, 0, 600, min_exclusive=True
        ),
        Input(
            "atmospheric",
            "Áp suất khí quyển",
            "Atmospheric pressure",
            "kilopascal",
            101.325,
            80,
            110,
        ),
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
    checks=(_order,),
    source="US DOE, Improving Compressed Air System Performance: a Sourcebook for Industry (2003), p. 44",
)
