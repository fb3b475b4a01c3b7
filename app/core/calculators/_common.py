"""Inputs shared by several calculators (hours, tariff, specific compressor power)."""

from __future__ import annotations

from app.core.calculators.base import Input, Output

HOURS = Input(
    "hours",
    "Số giờ vận hành mỗi năm",
    "Operating hours per year",
    "hour",
    8000,
    0,
    8784,
    help_vi="Số giờ thiết bị chạy trong một năm (tối đa 8.784 giờ).",
    help_en="Hours the equipment runs in a year (at most 8,784).",
)
TARIFF = Input(
    "tariff",
    "Giá điện (VND/kWh)",
    "Electricity price (VND/kWh)",
    "",
    2204.07,
    0,
    None,
    help_vi="VND/kWh; mặc định: giá bán lẻ bình quân (QĐ 1279/QĐ-BCT).",
    help_en="VND/kWh; default: average retail price (Decision 1279/QĐ-BCT).",
)
SPECIFIC_POWER = Input(
    "specific_power",
    "Suất tiêu hao điện của máy nén",
    "Compressor specific power",
    "kilowatt / (meter ** 3 / minute)",
    6.5,
    0,
    20,
    min_exclusive=True,
    help_vi="kW điện cho 1 m³/phút khí tự do (thường 6–7,5).",
    help_en="Electric kW per m³/min of free air delivered (typically 6–7.5).",
)


# Boiler-side inputs of the steam calculators (traps, blowdown, insulation, condensate).
BOILER_EFFICIENCY = Input(
    "efficiency",
    "Hiệu suất nồi hơi (%)",
    "Boiler efficiency (%)",
    "",
    85,
    0,
    100,
    min_exclusive=True,
    help_vi="%",
    help_en="%",
)
FUEL_NCV = Input(
    "ncv",
    "Nhiệt trị thấp của nhiên liệu",
    "Fuel net calorific value",
    "megajoule / kilogram",
    43.0,
    1,
    60,
)
FUEL_PRICE_KG = Input(
    "fuel_price", "Giá nhiên liệu (VND/kg)", "Fuel price (VND/kg)", "", 0, 0, None
)
# The money a calculator's physical saving is worth per year (left out of confidential reports).
MONEY_SAVED = Output("cost", "Tiền tiết kiệm (VND/năm)", "Money saved (VND/yr)", "")
