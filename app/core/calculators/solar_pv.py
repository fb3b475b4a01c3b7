"""Rooftop solar PV: yield, money and CO2e.

Formulas::

    E = kWp · specific yield (kWh/kWp/yr)
    money = E · (self-consumption · tariff + (1 − self-consumption) · export price)
    CO2e = E · EF_grid (tCO2/MWh of the year, resources/reference/grid_emission_factors.csv)

Specific yield default 1,300 kWh/kWp/yr, typical of southern Vietnam (World Bank/ESMAP Global
Solar Atlas PVOUT: about 1,100 in the north to 1,600 in the south; (verify) per province).
Valid range: self-consumption 0–100 %.
"""

from __future__ import annotations

from app.core.calculators._common import MONEY_SAVED, TARIFF
from app.core.calculators.base import Calculator, Input, Output
from app.core.reference import lookup


def grid_factor() -> float:
    value, _ = lookup("grid_ef")
    return value.value if value else 0.0


def _calc(q: dict) -> dict:
    energy = q["kwp"].magnitude * q["yield_"].magnitude
    share = q["self_share"].magnitude / 100
    money = energy * (share * q["tariff"].magnitude + (1 - share) * q["export_price"].magnitude)
    co2 = energy / 1000 * q["grid_ef"].magnitude
    return {"electricity": energy, "cost": money, "co2": co2}


CALCULATOR = Calculator(
    id="solar_pv",
    name_vi="Điện mặt trời mái nhà",
    name_en="Rooftop solar PV",
    inputs=(
        Input(
            "kwp",
            "Công suất lắp đặt (kWp)",
            "Installed capacity (kWp)",
            "",
            None,
            0,
            1e5,
            min_exclusive=True,
        ),
        Input(
            "yield_",
            "Sản lượng riêng (kWh/kWp/năm)",
            "Specific yield (kWh/kWp/yr)",
            "",
            1300,
            500,
            2200,
            # no per-province table could be sourced yet: the auditor reads the site's value
            help_vi=(
                "Đọc PVOUT (kWh/kWp/năm) tại vị trí nhà máy trên Global Solar Atlas "
                "(globalsolaratlas.info) và nhập vào đây; mặc định 1.300 chỉ là giá trị "
                "tạm, chưa theo tỉnh."
            ),
            help_en=(
                "Read the site's PVOUT (kWh/kWp/yr) on the Global Solar Atlas "
                "(globalsolaratlas.info) and enter it here; the default 1,300 is a placeholder, "
                "not a per-province value."
            ),
        ),
        Input(
            "self_share",
            "Tỷ lệ tự dùng (%)",
            "Self-consumption share (%)",
            "",
            100,
            0,
            100,
            help_vi="%",
            help_en="%",
        ),
        TARIFF,
        Input(
            "export_price", "Giá bán điện dư (VND/kWh)", "Export price (VND/kWh)", "", 0, 0, None
        ),
        Input(
            "grid_ef",
            "Hệ số phát thải lưới điện (tCO2/MWh)",
            "Grid emission factor (tCO2/MWh)",
            "",
            grid_factor(),
            0,
            2,
        ),
    ),
    outputs=(
        Output(
            "electricity",
            "Điện sản xuất mỗi năm",
            "Electricity generated per year",
            "kilowatt_hour",
            "electricity",
        ),
        MONEY_SAVED,
        Output("co2", "CO2e giảm mỗi năm", "CO2e avoided per year", "tonne"),
    ),
    func=_calc,
    source="World Bank/ESMAP Global Solar Atlas (PVOUT); Cục Biến đổi khí hậu grid emission factor",
)
