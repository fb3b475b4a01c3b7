"""Power-factor correction: capacitor kvar for a target cos φ and the reactive-power charge
avoided under EVN's rule.

Formulas::

    Q_c = P · (tan φ_1 − tan φ_2)            (kvar, P the average active power)
    k = cos φ_threshold / cos φ_1 − 1        when cos φ_1 < cos φ_threshold (else 0);
                                             below cos φ 0.6 the circular's table stops at
                                             k = 52.54 % (= 0.9 / 0.59 − 1)
    charge avoided = k · active-energy bill  (less any k still due at cos φ_2)

The threshold (0.9) and the charge k are reference data (``evn.reactive.cos_phi_threshold`` in
resources/reference/evn_reactive.csv), from Circular 15/2014/TT-BCT (purchase and sale of
reactive power, in force since 10/12/2014): its table of k per cos φ (0.89 → 1.12 %, 0.75 → 20 %,
0.60 → 50 %, below 0.60 → 52.54 %) is this formula rounded to two decimals, which the tests
check.
Valid range: cos φ 0.1–1, target above present.
"""

from __future__ import annotations

import math

from app.core.calculators._common import HOURS, TARIFF
from app.core.calculators.base import Calculator, Input, Output
from app.core.reference import lookup


def threshold() -> float:
    value, _ = lookup("evn.reactive.cos_phi_threshold")
    return value.value if value else 0.9


# The circular's table ends at cos φ 0.60; below it k stays at its "dưới 0,6" value, 0.9/0.59 − 1.
LOWEST_TABLED_COS = 0.59


def _k(cos_phi: float, limit: float) -> float:
    return max(0.0, limit / max(cos_phi, LOWEST_TABLED_COS) - 1)


def _calc(q: dict) -> dict:
    c1, c2 = q["cos_now"].magnitude, q["cos_target"].magnitude
    tan = lambda c: math.sqrt(1 - c * c) / c  # noqa: E731
    kvar = q["power"] * (tan(c1) - tan(c2))
    energy = (q["power"] * q["hours"]).to("kilowatt_hour").magnitude
    limit = threshold()
    bill = energy * q["tariff"].magnitude
    avoided = (_k(c1, limit) - _k(c2, limit)) * bill
    return {
        "kvar": kvar.to("kilowatt").magnitude,
        "k_now": _k(c1, limit) * 100,
        "cost": avoided,
    }


def _order(q: dict) -> tuple[str, str] | None:
    return ("calc.cos_phi_order", "cos_target") if q["cos_target"] <= q["cos_now"] else None


CALCULATOR = Calculator(
    id="power_factor",
    name_vi="Bù công suất phản kháng (nâng cos φ)",
    name_en="Power-factor correction",
    inputs=(
        Input(
            "power",
            "Công suất tác dụng trung bình",
            "Average active power",
            "kilowatt",
            None,
            0,
            1e6,
            min_exclusive=True,
        ),
        Input("cos_now", "cos φ hiện tại", "Present cos φ", "", None, 0.1, 1),
        Input("cos_target", "cos φ mục tiêu", "Target cos φ", "", 0.95, 0.1, 1),
        HOURS,
        TARIFF,
    ),
    outputs=(
        Output("kvar", "Dung lượng tụ bù cần (kvar)", "Capacitor needed (kvar)", ""),
        Output("k_now", "Hệ số k phạt hiện tại (%)", "Present reactive charge k (%)", ""),
        Output(
            "cost",
            "Tiền mua công suất phản kháng tránh được (VND/năm)",
            "Reactive-power charge avoided (VND/yr)",
            "",
        ),
    ),
    func=_calc,
    checks=(_order,),
    source="Thông tư 15/2014/TT-BCT (mua bán công suất phản kháng): ngưỡng cos φ 0,9, bảng hệ số k",
)
