"""Liquor-ratio reduction in textile dyeing: water, steam and chemicals per kg of fabric.

Formulas::

    water = fabric · LR · baths                       (L, LR in L/kg)
    steam = water · c_p · (T_dye − T_water) / Δh_steam (kg; c_p 4.186 kJ/(kg·K))
    chemicals = water · dose (g/L)
    saving = value at LR_now − value at LR_new

Assumptions: the number of baths and the chemical dose in g/L stay the same; heat losses of
the machine neglected. Valid range: LR 2–50 L/kg.
Source: UNEP/UNIDO textile cleaner-production guides (liquor ratio: water and energy
proportional to the bath volume); EU BREF Textiles Industry (2003) §4.6.
"""

from __future__ import annotations

from app.core.calculators.base import Calculator, Input, Output

CP_WATER = 4.186  # kJ/(kg·K)


def _calc(q: dict) -> dict:
    fabric = q["fabric"].to("kilogram").magnitude
    d_lr = q["lr_now"].magnitude - q["lr_new"].magnitude
    water_l = fabric * d_lr * q["baths"].magnitude
    dt = q["t_dye"].to("degC").magnitude - q["t_water"].to("degC").magnitude
    steam_kg = water_l * CP_WATER * dt / q["latent"].magnitude
    chem_kg = water_l * q["dose"].magnitude / 1000
    return {"water": water_l / 1000, "steam": steam_kg / 1000, "chemicals": chem_kg}


def _order(q: dict) -> tuple[str, str] | None:
    if q["lr_new"] >= q["lr_now"]:
        return "calc.lr_order", "lr_new"
    if q["t_dye"] <= q["t_water"]:
        return "calc.dye_temp", "t_dye"
    return None


CALCULATOR = Calculator(
    id="liquor_ratio",
    name_vi="Giảm tỷ lệ dung dịch (nhuộm vải)",
    name_en="Liquor-ratio reduction (textile dyeing)",
    inputs=(
        Input(
            "fabric",
            "Lượng vải nhuộm mỗi năm",
            "Fabric dyed per year",
            "tonne",
            None,
            0,
            1e6,
            min_exclusive=True,
        ),
        Input(
            "lr_now",
            "Tỷ lệ dung dịch hiện tại (L/kg)",
            "Present liquor ratio (L/kg)",
            "",
            None,
            2,
            50,
        ),
        Input("lr_new", "Tỷ lệ dung dịch mới (L/kg)", "New liquor ratio (L/kg)", "", None, 2, 50),
        Input("baths", "Số bể cho mỗi mẻ", "Baths per batch", "", 1, 1, 30),
        Input("t_dye", "Nhiệt độ nhuộm", "Dyeing temperature", "degC", 80, 20, 140),
        Input("t_water", "Nhiệt độ nước cấp", "Supply water temperature", "degC", 28, 0, 100),
        Input(
            "latent",
            "Nhiệt cấp bởi 1 kg hơi (kJ/kg)",
            "Heat given by 1 kg of steam (kJ/kg)",
            "",
            2100,
            500,
            3000,
        ),
        Input("dose", "Liều hóa chất (g/L)", "Chemical dose (g/L)", "", 0, 0, 1000),
    ),
    outputs=(
        Output("water", "Nước tiết kiệm mỗi năm", "Water saved per year", "meter ** 3", "water"),
        Output("steam", "Hơi tiết kiệm mỗi năm", "Steam saved per year", "tonne", "steam"),
        Output(
            "chemicals",
            "Hóa chất tiết kiệm mỗi năm",
            "Chemicals saved per year",
            "kilogram",
            "chemical",
        ),
    ),
    func=_calc,
    checks=(_order,),
    source="EU BREF Textiles Industry (2003) §4.6; UNEP/UNIDO textile cleaner-production guides",
)
