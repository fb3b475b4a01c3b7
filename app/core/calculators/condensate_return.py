"""Condensate return: the energy, water and treatment chemicals saved per tonne returned.

Formulas::

    energy = m · c_p · (T_condensate − T_make-up) / η_boiler     (fuel energy)
    fuel = energy / NCV;  water = m;  chemicals = m · dose
    money = fuel · fuel price + water · water price + chemicals · chemical price

Assumptions: c_p 4.186 kJ/(kg·K); returned condensate replaces cold make-up one for one.
Valid range: condensate hotter than make-up, boiler efficiency 0–100 %.
Source: US DOE Steam Tip Sheet #8 (Return condensate to the boiler); Spirax Sarco, The Steam
and Condensate Loop, Block 14 (condensate recovery).
"""

from __future__ import annotations

from app.core.calculators._common import BOILER_EFFICIENCY, FUEL_NCV, FUEL_PRICE_KG, MONEY_SAVED
from app.core.calculators.base import Calculator, Input, Output

CP_WATER = 4.186


def _calc(q: dict) -> dict:
    mass_t = q["condensate"].to("tonne").magnitude
    dt = q["t_condensate"].to("degC").magnitude - q["t_makeup"].to("degC").magnitude
    energy_gj = mass_t * 1000 * CP_WATER * dt / (q["efficiency"].magnitude / 100) / 1e6
    fuel_t = energy_gj / q["ncv"].to("gigajoule / tonne").magnitude
    chem_kg = mass_t * q["dose"].magnitude / 1000
    money = (
        fuel_t * 1000 * q["fuel_price"].magnitude
        + mass_t * q["water_price"].magnitude
        + chem_kg * q["chem_price"].magnitude
    )
    return {
        "energy": energy_gj,
        "fuel": fuel_t,
        "water": mass_t,
        "chemicals": chem_kg,
        "cost": money,
    }


def _order(q: dict) -> tuple[str, str] | None:
    return ("calc.condensate_temp", "t_condensate") if q["t_condensate"] <= q["t_makeup"] else None


CALCULATOR = Calculator(
    id="condensate_return",
    name_vi="Thu hồi nước ngưng",
    name_en="Condensate return",
    inputs=(
        Input(
            "condensate",
            "Lượng nước ngưng thu hồi thêm mỗi năm",
            "Extra condensate returned per year",
            "tonne",
            None,
            0,
            1e7,
            min_exclusive=True,
        ),
        Input("t_condensate", "Nhiệt độ nước ngưng", "Condensate temperature", "degC", 90, 0, 200),
        Input("t_makeup", "Nhiệt độ nước bổ sung", "Make-up water temperature", "degC", 28, 0, 100),
        BOILER_EFFICIENCY,
        FUEL_NCV,
        FUEL_PRICE_KG,
        Input(
            "water_price",
            "Giá nước đã xử lý (VND/m³)",
            "Treated water price (VND/m³)",
            "",
            0,
            0,
            None,
        ),
        Input(
            "dose",
            "Liều hóa chất xử lý nước (g/m³)",
            "Water treatment chemical dose (g/m³)",
            "",
            0,
            0,
            1e5,
        ),
        Input("chem_price", "Giá hóa chất (VND/kg)", "Chemical price (VND/kg)", "", 0, 0, None),
    ),
    outputs=(
        Output(
            "energy",
            "Năng lượng nhiên liệu tiết kiệm mỗi năm",
            "Fuel energy saved per year",
            "gigajoule",
        ),
        Output("fuel", "Nhiên liệu tiết kiệm mỗi năm", "Fuel saved per year", "tonne", "fuel"),
        Output("water", "Nước tiết kiệm mỗi năm", "Water saved per year", "meter ** 3", "water"),
        Output(
            "chemicals",
            "Hóa chất tiết kiệm mỗi năm",
            "Chemicals saved per year",
            "kilogram",
            "chemical",
        ),
        MONEY_SAVED,
    ),
    func=_calc,
    checks=(_order,),
    source="US DOE Steam Tip Sheet #8; Spirax Sarco, The Steam and Condensate Loop, Block 14",
)
