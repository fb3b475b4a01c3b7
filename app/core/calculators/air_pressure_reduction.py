"""Compressed air: lowering the generation pressure.

Formula: saving = compressor power · hours · (saving per bar) · (P_before − P_after).
Assumption (US DOE Compressed Air Tip Sheet / Sourcebook rule of thumb for systems near
100 psig): every 2 psi of lower discharge pressure saves about 1 % of compressor energy,
i.e. 0.5 %/psi = 7.25 %/bar (the default; the auditor may enter the compressor's own figure).
Valid range: 1–40 bar g, P_after < P_before.
"""

from __future__ import annotations

from app.core.calculators._common import HOURS, MONEY_SAVED, TARIFF
from app.core.calculators.base import Calculator, Input, Output


def _calc(q: dict) -> dict:
    dp = (q["p_before"] - q["p_after"]).to("bar").magnitude
    share = q["rate"].magnitude / 100 * dp
    energy = (q["power"] * q["hours"] * share).to("kilowatt_hour")
    return {
        "share": share * 100,
        "electricity": energy,
        "cost": energy.magnitude * q["tariff"].magnitude,
    }


def _order(q: dict) -> tuple[str, str] | None:
    return ("calc.pressure_order", "p_after") if q["p_after"] >= q["p_before"] else None


CALCULATOR = Calculator(
    id="air_pressure_reduction",
    name_vi="Giảm áp suất khí nén",
    name_en="Compressed-air pressure reduction",
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
        Input("p_before", "Áp suất hiện tại (dư)", "Present pressure (gauge)", "bar", 8, 1, 40),
        Input("p_after", "Áp suất mới (dư)", "New pressure (gauge)", "bar", 7, 0.5, 40),
        Input(
            "rate",
            "Tiết kiệm cho mỗi bar (%)",
            "Saving per bar (%)",
            "",
            7.25,
            0,
            20,
            help_vi="% điện cho mỗi bar giảm (DOE: 1 % cho 2 psi = 7,25 %/bar).",
            help_en="% of energy per bar lower (DOE: 1 % per 2 psi = 7.25 %/bar).",
        ),
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
    source="US DOE, Improving Compressed Air System Performance: a Sourcebook for Industry (2003)",
)
