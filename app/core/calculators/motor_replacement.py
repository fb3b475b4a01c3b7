"""Replacing a motor by a higher efficiency class (e.g. IE1 → IE3/IE4).

Formula (US DOE Motor Tip Sheet, "When to purchase premium efficiency motors")::

    kW saved = P_rated · load · (100/η_old − 100/η_new)
    kWh saved = kW saved · hours;  money = kWh · tariff

P_rated is the shaft (nameplate) power; η in %, at the operating load (IEC 60034-30-1 tables
give η by class, poles and size). Valid range: load 0–125 %, efficiencies 0–100 %.
"""

from __future__ import annotations

from app.core.calculators._common import HOURS, MONEY_SAVED, TARIFF
from app.core.calculators.base import Calculator, Input, Output


def _calc(q: dict) -> dict:
    load = q["load"].magnitude / 100
    kw = q["power"] * load * (100 / q["eff_old"].magnitude - 100 / q["eff_new"].magnitude)
    energy = (kw * q["hours"]).to("kilowatt_hour")
    return {
        "power_saved": kw,
        "electricity": energy,
        "cost": energy.magnitude * q["tariff"].magnitude,
    }


def _order(q: dict) -> tuple[str, str] | None:
    return ("calc.efficiency_not_higher", "eff_new") if q["eff_new"] <= q["eff_old"] else None


EFF_HELP = ("% ở tải vận hành (0–100).", "% at the operating load (0–100).")

CALCULATOR = Calculator(
    id="motor_replacement",
    name_vi="Thay động cơ hiệu suất cao hơn (IE3/IE4)",
    name_en="Higher-efficiency motor (IE3/IE4)",
    inputs=(
        Input(
            "power",
            "Công suất định mức (trục)",
            "Rated (shaft) power",
            "kilowatt",
            None,
            0,
            100000,
            min_exclusive=True,
        ),
        Input(
            "load",
            "Hệ số tải (%)",
            "Load (%)",
            "",
            75,
            0,
            125,
            min_exclusive=True,
            help_vi="% công suất định mức.",
            help_en="% of rated power.",
        ),
        Input(
            "eff_old",
            "Hiệu suất động cơ cũ (%)",
            "Present motor efficiency (%)",
            "",
            None,
            0,
            100,
            min_exclusive=True,
            help_vi=EFF_HELP[0],
            help_en=EFF_HELP[1],
        ),
        Input(
            "eff_new",
            "Hiệu suất động cơ mới (%)",
            "New motor efficiency (%)",
            "",
            None,
            0,
            100,
            min_exclusive=True,
            help_vi=EFF_HELP[0],
            help_en=EFF_HELP[1],
        ),
        HOURS,
        TARIFF,
    ),
    outputs=(
        Output("power_saved", "Công suất điện giảm", "Electric power saved", "kilowatt"),
        Output(
            "electricity", "Điện tiết kiệm", "Electricity saved", "kilowatt_hour", "electricity"
        ),
        MONEY_SAVED,
    ),
    func=_calc,
    checks=(_order,),
    source="US DOE Motor Systems Tip Sheet (premium efficiency motors); IEC 60034-30-1",
)
