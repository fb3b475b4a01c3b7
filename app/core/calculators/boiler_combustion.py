"""Boiler combustion efficiency from flue-gas O2 and temperature (Siegert), and the fuel saved by
lowering excess air.

Formulas (Siegert's formula, as used in the German 1. BImSchV and EN 12953-11 style checks)::

    flue loss q_A [%] = (T_flue − T_air) · (A1 / (21 − O2) + B)
    efficiency η = 100 − q_A (combustion, on net calorific value)
    excess air λ − 1 = O2 / (21 − O2)
    fuel saved = fuel use · (1 − η_now / η_new)

A1, B per fuel, as in the fuel-parameter table of the Testo 330-1 flue-gas analyser manual
(section K.4.1, "Fuel parameters", where the factor is called A2; qA = (FT − AT)·(A2/(21 − O2)
+ B); https://www.easymanua.ls/testo/330-1/manual?p=54): natural gas 0.660 / 0.009; LPG
0.630 / 0.008; light oil 0.680 / 0.007 (used here for DO and FO alike); coal as anthracite
(the coal of Vietnamese industrial boilers) 0.758 / 0.000; wood and biomass as wood (and
pellets) 0.765 / 0.000. Heavy fuel oil, bituminous coal, rice husk and bagasse have no row of
their own there. Assumptions: complete combustion (CO negligible), dry flue gas O2. Valid
range: O2 0–20 %, flue above air temperature.
"""

from __future__ import annotations

from app.core.calculators._common import MONEY_SAVED
from app.core.calculators.base import Calculator, Input, Output

SIEGERT = {
    1: ("gas", 0.66, 0.009),
    2: ("lpg", 0.63, 0.008),
    3: ("oil", 0.68, 0.007),
    4: ("coal", 0.758, 0.0),
    5: ("wood", 0.765, 0.0),
}


def efficiency(t_flue: float, t_air: float, o2: float, fuel: int) -> float:
    _, a1, b = SIEGERT[fuel]
    return 100 - (t_flue - t_air) * (a1 / (21 - o2) + b)


def _calc(q: dict) -> dict:
    fuel = int(round(q["fuel"].magnitude))
    t_air = q["t_air"].to("degC").magnitude
    eff_now = efficiency(q["t_flue"].to("degC").magnitude, t_air, q["o2_now"].magnitude, fuel)
    eff_new = efficiency(q["t_flue_new"].to("degC").magnitude, t_air, q["o2_new"].magnitude, fuel)
    saved = q["fuel_use"].magnitude * (1 - eff_now / eff_new)
    o2 = q["o2_now"].magnitude
    return {
        "eff_now": eff_now,
        "eff_new": eff_new,
        "excess_air": o2 / (21 - o2) * 100,
        "fuel": saved,
        "cost": saved * q["fuel_price"].magnitude,
    }


def _check(q: dict) -> tuple[str, str] | None:
    if round(q["fuel"].magnitude) not in SIEGERT:
        return "calc.fuel_choice", "fuel"
    if q["t_flue"] <= q["t_air"]:
        return "calc.flue_below_air", "t_flue"
    return None


CALCULATOR = Calculator(
    id="boiler_combustion",
    name_vi="Hiệu suất đốt nồi hơi (O2 khói thải) và giảm không khí thừa",
    name_en="Boiler combustion efficiency (flue O2) and excess-air reduction",
    inputs=(
        Input(
            "fuel",
            "Nhiên liệu (1 khí, 2 LPG, 3 dầu, 4 than, 5 gỗ/sinh khối)",
            "Fuel (1 gas, 2 LPG, 3 oil, 4 coal, 5 wood/biomass)",
            "",
            3,
            1,
            5,
        ),
        Input("t_flue", "Nhiệt độ khói thải", "Flue-gas temperature", "degC", None, 30, 600),
        Input(
            "t_air", "Nhiệt độ không khí cấp", "Combustion air temperature", "degC", 30, -20, 100
        ),
        Input(
            "o2_now",
            "O2 khói thải hiện tại (%)",
            "Present flue O2 (%)",
            "",
            None,
            0,
            20,
            help_vi="% thể tích, khô.",
            help_en="% by volume, dry.",
        ),
        Input(
            "o2_new",
            "O2 khói thải sau cải tiến (%)",
            "Flue O2 after tuning (%)",
            "",
            3,
            0,
            20,
            help_vi="% thể tích, khô.",
            help_en="% by volume, dry.",
        ),
        Input(
            "t_flue_new",
            "Nhiệt độ khói thải sau cải tiến",
            "Flue temperature after tuning",
            "degC",
            None,
            30,
            600,
        ),
        Input(
            "fuel_use",
            "Lượng nhiên liệu mỗi năm (theo đơn vị dòng)",
            "Fuel used per year (stream unit)",
            "",
            None,
            0,
            None,
        ),
        Input("fuel_price", "Giá nhiên liệu (VND/đơn vị)", "Fuel price (VND/unit)", "", 0, 0, None),
    ),
    outputs=(
        Output("eff_now", "Hiệu suất đốt hiện tại (%)", "Present combustion efficiency (%)", ""),
        Output(
            "eff_new",
            "Hiệu suất đốt sau cải tiến (%)",
            "Combustion efficiency after tuning (%)",
            "",
        ),
        Output("excess_air", "Không khí thừa hiện tại (%)", "Present excess air (%)", ""),
        Output("fuel", "Nhiên liệu tiết kiệm mỗi năm", "Fuel saved per year", "", "fuel"),
        MONEY_SAVED,
    ),
    func=_calc,
    checks=(_check,),
    source="Siegert's formula (1. BImSchV, Germany), fuel factors of the Testo 330-1 manual §K.4.1; US DOE Steam Tip Sheet #4 (Improve your boiler's combustion efficiency)",
)
