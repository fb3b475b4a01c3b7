"""Boiler blowdown: rate from TDS and the heat recovered from it.

Formulas (Spirax Sarco, The Steam and Condensate Loop, Block 3, boiler blowdown)::

    blowdown B = S · F / (Bc − F)       (S steam rate, F feed-water TDS, Bc boiler TDS limit)
    heat recovered = B · c_p · (T_boiler − T_out) · recovery share · hours
    fuel saved = heat / (η_boiler · NCV)

Spirax Sarco's example: 10,000 kg/h of steam, feed water 250 ppm, boiler limit 2,500 ppm:
blowdown 1,111 kg/h. Valid range: boiler TDS above feed TDS.
"""

from __future__ import annotations

from app.core.calculators._common import (
    BOILER_EFFICIENCY,
    FUEL_NCV,
    FUEL_PRICE_KG,
    HOURS,
    MONEY_SAVED,
)
from app.core.calculators.base import Calculator, Input, Output

CP_WATER = 4.186


def _calc(q: dict) -> dict:
    steam = q["steam"].to("kilogram / hour").magnitude
    f, b = q["tds_feed"].magnitude, q["tds_boiler"].magnitude
    rate = steam * f / (b - f)
    dt = q["t_boiler"].to("degC").magnitude - q["t_out"].to("degC").magnitude
    heat_gj = (
        rate * CP_WATER * dt * q["share"].magnitude / 100 * q["hours"].to("hour").magnitude / 1e6
    )
    fuel_t = (
        heat_gj / (q["efficiency"].magnitude / 100) / q["ncv"].to("gigajoule / tonne").magnitude
    )
    return {
        "rate": rate,
        "heat": heat_gj,
        "fuel": fuel_t,
        "cost": fuel_t * 1000 * q["fuel_price"].magnitude,
    }


def _check(q: dict) -> tuple[str, str] | None:
    if q["tds_boiler"] <= q["tds_feed"]:
        return "calc.tds_order", "tds_boiler"
    if q["t_out"] >= q["t_boiler"]:
        return "calc.blowdown_temp", "t_out"
    return None


CALCULATOR = Calculator(
    id="blowdown",
    name_vi="Xả đáy nồi hơi và thu hồi nhiệt xả đáy",
    name_en="Boiler blowdown and its heat recovery",
    inputs=(
        Input(
            "steam",
            "Sản lượng hơi",
            "Steam output",
            "kilogram / hour",
            None,
            0,
            1e6,
            min_exclusive=True,
        ),
        Input(
            "tds_feed",
            "TDS nước cấp (ppm)",
            "Feed-water TDS (ppm)",
            "",
            None,
            0,
            1e5,
            min_exclusive=True,
        ),
        Input(
            "tds_boiler", "TDS cho phép trong nồi (ppm)", "Boiler TDS limit (ppm)", "", 3000, 1, 1e5
        ),
        Input(
            "t_boiler",
            "Nhiệt độ nước nồi (bão hòa)",
            "Boiler water (saturation) temperature",
            "degC",
            175,
            100,
            350,
        ),
        Input("t_out", "Nhiệt độ sau thu hồi", "Temperature after recovery", "degC", 40, 0, 200),
        Input(
            "share",
            "Tỷ lệ nhiệt thu hồi được (%)",
            "Share of heat recovered (%)",
            "",
            80,
            0,
            100,
            help_vi="%",
            help_en="%",
        ),
        HOURS,
        BOILER_EFFICIENCY,
        FUEL_NCV,
        FUEL_PRICE_KG,
    ),
    outputs=(
        Output("rate", "Lưu lượng xả đáy", "Blowdown rate", "kilogram / hour"),
        Output("heat", "Nhiệt thu hồi mỗi năm", "Heat recovered per year", "gigajoule"),
        Output("fuel", "Nhiên liệu tiết kiệm mỗi năm", "Fuel saved per year", "tonne", "fuel"),
        MONEY_SAVED,
    ),
    func=_calc,
    checks=(_check,),
    source="Spirax Sarco, The Steam and Condensate Loop, Block 3 (boiler blowdown)",
)
