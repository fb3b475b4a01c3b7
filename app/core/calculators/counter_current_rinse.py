"""Counter-current rinsing (plating): rinse water for n stages.

Formula (ideal mixing in each tank; US EPA, Guides to Pollution Prevention: the Fabricated
Metal Products Industry, and standard plating texts)::

    Q = D · (C_process / C_final)^(1/n)

D: drag-out (L/h), C_process / C_final: the rinse ratio. Classic example: drag-out 1 L/h and a
rinse ratio of 1,000 need 1,000 L/h with one stage, 31.6 L/h with two, 10 L/h with three.
Valid range: stages 1–8, rinse ratio above 1.
"""

from __future__ import annotations

from app.core.calculators._common import HOURS, MONEY_SAVED
from app.core.calculators.base import Calculator, Input, Output


def flow(dragout: float, ratio: float, stages: int) -> float:
    return dragout * ratio ** (1 / stages)


def _calc(q: dict) -> dict:
    d = q["dragout"].to("liter / hour").magnitude
    r = q["ratio"].magnitude
    now = flow(d, r, int(round(q["stages_now"].magnitude)))
    new = flow(d, r, int(round(q["stages_new"].magnitude)))
    water = (now - new) * q["hours"].to("hour").magnitude / 1000
    return {
        "flow_now": now,
        "flow_new": new,
        "water": water,
        "cost": water * q["water_price"].magnitude,
    }


CALCULATOR = Calculator(
    id="counter_current_rinse",
    name_vi="Rửa ngược dòng nhiều bậc (xi mạ)",
    name_en="Counter-current rinsing (plating)",
    inputs=(
        Input(
            "dragout",
            "Lượng dung dịch kéo theo",
            "Drag-out",
            "liter / hour",
            None,
            0,
            1e4,
            min_exclusive=True,
        ),
        Input(
            "ratio",
            "Tỷ lệ rửa (nồng độ bể / nồng độ cho phép)",
            "Rinse ratio (bath / allowed concentration)",
            "",
            1000,
            1,
            1e7,
            min_exclusive=True,
        ),
        Input("stages_now", "Số bậc rửa hiện tại", "Present rinse stages", "", 1, 1, 8),
        Input("stages_new", "Số bậc rửa mới", "New rinse stages", "", 3, 1, 8),
        HOURS,
        Input(
            "water_price",
            "Giá nước + xử lý nước thải (VND/m³)",
            "Water + treatment price (VND/m³)",
            "",
            0,
            0,
            None,
        ),
    ),
    outputs=(
        Output("flow_now", "Nước rửa hiện tại", "Present rinse water", "liter / hour"),
        Output("flow_new", "Nước rửa mới", "New rinse water", "liter / hour"),
        Output("water", "Nước tiết kiệm mỗi năm", "Water saved per year", "meter ** 3", "water"),
        MONEY_SAVED,
    ),
    func=_calc,
    source="US EPA, Guides to Pollution Prevention: the Fabricated Metal Products Industry (EPA/625/7-90/006)",
)
