"""Steam lost through failed-open traps and leaks, and the fuel behind it.

Formula (Napier's equation for saturated steam through an orifice, choked)::

    W [lb/s] = Cd · A [in²] · P [psia] / 70
    steam per year = n · W · hours
    fuel = steam · Δh / (η_boiler · NCV)

Cd: the DOE Steam Tip Sheet #1 table ("Leaking steam trap discharge rate") equals Napier's
equation with Cd ≈ 0.72 throughout (e.g. 1/8 in at 150 psig: 75.8 lb/h), hence the default.
Δh: heat to raise the steam from feed water (default 2,450 kJ/kg: about 10 bar g steam from
80 °C feed water, Spirax Sarco steam tables). Valid range: 0.5–100 bar g (choked flow),
orifice 0.5–25 mm, boiler efficiency 0–100 %.
Source: US DOE Steam Tip Sheet #1, Inspect and repair steam traps; Napier's formula.
"""

from __future__ import annotations

import math

from app.core.calculators._common import FUEL_PRICE_KG, HOURS, MONEY_SAVED
from app.core.calculators.base import Calculator, Input, Output
from app.core.units import registry


def _calc(q: dict) -> dict:
    ureg = registry()
    d_in = q["diameter"].to("inch").magnitude
    p_psia = (q["pressure"] + q["atmospheric"]).to("psi").magnitude
    lb_s = q["cd"].magnitude * math.pi * d_in**2 / 4 * p_psia / 70
    rate = ureg.Quantity(lb_s * q["count"].magnitude, "pound / second")
    steam = (rate * q["hours"]).to("tonne")
    heat = steam * q["enthalpy"]
    fuel = (heat / (q["efficiency"] / 100 * q["ncv"])).to("tonne")
    cost = (
        steam.magnitude * q["steam_price"].magnitude
        + fuel.magnitude * 1000 * q["fuel_price"].magnitude
    )
    return {"rate": rate, "steam": steam, "fuel": fuel, "cost": cost}


CALCULATOR = Calculator(
    id="steam_trap",
    name_vi="Tổn thất hơi qua bẫy hơi hỏng / chỗ rò",
    name_en="Steam lost through failed traps and leaks",
    inputs=(
        Input(
            "diameter",
            "Đường kính lỗ (bẫy hơi / chỗ rò)",
            "Orifice diameter (trap or leak)",
            "millimeter",
            None,
            0.5,
            25,
        ),
        Input("pressure", "Áp suất hơi (dư)", "Steam pressure (gauge)", "bar", 8, 0.5, 100),
        Input(
            "atmospheric",
            "Áp suất khí quyển",
            "Atmospheric pressure",
            "kilopascal",
            101.325,
            80,
            110,
        ),
        Input("cd", "Hệ số lưu lượng", "Discharge coefficient", "", 0.72, 0.1, 1.0),
        Input("count", "Số bẫy hơi / chỗ rò", "Number of traps or leaks", "", 1, 1, 100000),
        HOURS,
        Input(
            "enthalpy",
            "Nhiệt để sinh 1 kg hơi",
            "Heat to raise 1 kg of steam",
            "kilojoule / kilogram",
            2450,
            100,
            3500,
        ),
        Input(
            "efficiency",
            "Hiệu suất nồi hơi (%)",
            "Boiler efficiency (%)",
            "",
            85,
            0,
            100,
            min_exclusive=True,
            help_vi="% (0–100).",
            help_en="% (0–100).",
        ),
        Input(
            "ncv",
            "Nhiệt trị thấp của nhiên liệu",
            "Fuel net calorific value",
            "megajoule / kilogram",
            43.0,
            1,
            60,
            help_vi="Mặc định DO 43,0 GJ/t (IPCC 2006).",
            help_en="Default DO 43.0 GJ/t (IPCC 2006).",
        ),
        FUEL_PRICE_KG,
        Input(
            "steam_price",
            "Giá hơi (VND/t), nếu mua hơi",
            "Steam price (VND/t), if bought",
            "",
            0,
            0,
            None,
        ),
    ),
    outputs=(
        Output("rate", "Lưu lượng hơi thất thoát", "Steam lost", "kilogram / hour"),
        Output("steam", "Hơi tiết kiệm mỗi năm", "Steam saved per year", "tonne", "steam"),
        Output("fuel", "Nhiên liệu tiết kiệm mỗi năm", "Fuel saved per year", "tonne", "fuel"),
        MONEY_SAVED,
    ),
    func=_calc,
    source="US DOE Steam Tip Sheet #1 (Inspect and repair steam traps); Napier's equation",
)
