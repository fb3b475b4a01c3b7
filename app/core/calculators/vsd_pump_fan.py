"""Variable-speed drive on a centrifugal pump or fan (affinity laws with static head).

Formula: system curve H(Q) = H_s + (H_1 − H_s)·(Q/Q_1)²; hydraulic power ∝ Q·H; with the
pump/fan efficiency taken constant, the input power at the reduced flow is::

    P_2 = P_1 · (Q_2/Q_1) · H(Q_2)/H_1 / η_drive

and the saving is the present throttled/damper power P_throttled minus P_2. With H_s = 0 this
is the cube law P_2/P_1 = (Q_2/Q_1)³. Valid range: flow ratio 0–100 %, static head below the
total head, drive efficiency 0–100 %.
Source: Europump & Hydraulic Institute, Variable Speed Driven Pumps: Best Practice Guide;
US DOE Pumping System Tip Sheet #11 (Adjustable speed pumping applications).
"""

from __future__ import annotations

from app.core.calculators._common import HOURS, MONEY_SAVED, TARIFF
from app.core.calculators.base import Calculator, Input, Output


def _calc(q: dict) -> dict:
    ratio = q["flow_ratio"].magnitude / 100
    hs = q["static_share"].magnitude / 100
    head = hs + (1 - hs) * ratio**2
    p2 = q["power_full"] * ratio * head / (q["drive_eff"].magnitude / 100)
    saved = q["power_now"] - p2
    energy = (saved * q["hours"]).to("kilowatt_hour")
    return {
        "power_vsd": p2,
        "electricity": energy,
        "cost": energy.magnitude * q["tariff"].magnitude,
    }


CALCULATOR = Calculator(
    id="vsd_pump_fan",
    name_vi="Biến tần cho bơm / quạt ly tâm",
    name_en="Variable-speed drive on a centrifugal pump or fan",
    inputs=(
        Input(
            "power_full",
            "Công suất điện ở lưu lượng định mức",
            "Electric power at full flow",
            "kilowatt",
            None,
            0,
            100000,
            min_exclusive=True,
        ),
        Input(
            "power_now",
            "Công suất điện hiện tại (tiết lưu)",
            "Present electric power (throttled)",
            "kilowatt",
            None,
            0,
            100000,
            min_exclusive=True,
        ),
        Input(
            "flow_ratio",
            "Lưu lượng cần / định mức (%)",
            "Required flow / full flow (%)",
            "",
            70,
            0,
            100,
            min_exclusive=True,
            help_vi="%",
            help_en="%",
        ),
        Input(
            "static_share",
            "Cột áp tĩnh / cột áp toàn phần (%)",
            "Static head / total head (%)",
            "",
            0,
            0,
            99,
            help_vi="%; 0 với quạt và hệ tuần hoàn kín.",
            help_en="%; 0 for fans and closed loops.",
        ),
        Input(
            "drive_eff",
            "Hiệu suất biến tần (%)",
            "Drive efficiency (%)",
            "",
            97,
            0,
            100,
            min_exclusive=True,
            help_vi="%",
            help_en="%",
        ),
        HOURS,
        TARIFF,
    ),
    outputs=(
        Output(
            "power_vsd", "Công suất điện với biến tần", "Electric power with the drive", "kilowatt"
        ),
        Output(
            "electricity", "Điện tiết kiệm", "Electricity saved", "kilowatt_hour", "electricity"
        ),
        MONEY_SAVED,
    ),
    func=_calc,
    source="Europump/Hydraulic Institute, Variable Speed Driven Pumps – Best Practice Guide; US DOE Pumping Tip Sheet #11",
)
