"""Insulating bare pipes, valves and flanges: surface heat loss before and after.

Formulas (per metre of pipe, steady state)::

    bare: q = π·D·[h_c·(T_s − T_a) + ε·σ·(T_s⁴ − T_a⁴)],  h_c = Nu·k_air/D with
          Nu = {0.60 + 0.387·Ra^(1/6) / [1 + (0.559/Pr)^(9/16)]^(8/27)}²  (Churchill and Chu
          1975, natural convection from a horizontal cylinder, the correlation ASTM C680 uses),
          Ra = g·β·ΔT·D³/(ν·α), air properties at the film temperature (Sutherland's laws)
    insulated: 2π·k·(T_s − T_j)/ln(D_2/D) = π·D_2·[h_c(T_j − T_a) + ε_j·σ·(T_j⁴ − T_a⁴)]
          solved for the jacket temperature T_j (bisection), D_2 = D + 2·thickness
    heat saved = (q_bare − q_insulated) · equivalent length · hours;  fuel = heat / (η · NCV)

Valves and flanges count as an equivalent length of pipe (help text: about 1 m per valve and
0.5 m per flange pair). The valve figure is checked (tests/test_calculators.py) against the
table of Btu/h lost by bare gate valves, 3–10 inch at 200–400 °F, in Thermaxx Jackets, "The
Lonely Uninsulated Steam Valve" (https://www.thermaxxjackets.com/lonely-uninsulated-steam-valve/):
0.8–1.2 m of bare pipe of the same size. Both figures are the rule of UK Fuel Efficiency
Booklet 8, "The economic thickness of insulation for hot pipes" (Energy Efficiency Best Practice
Programme, 1993, reprinted 1996), section 1, p. 1: "An uninsulated valve loses about the same
amount of heat as 1 m of uninsulated pipe of the same diameter. Uninsulated flanges, which have a
smaller surface area, lose about half this amount" (the booklet does not say one flange or a
flanged joint; the help text reads it as a pair). Assumptions: still air, pipe wall at
the fluid temperature. Valid range: 30–600 °C, D 10–1,000 mm.
The simpler ASHRAE rule h_c = 1.32·(ΔT/D)^0.25 overstated a bare pipe's loss by about 20 %
against the DOE table below; Churchill–Chu at ε 0.8 lands within 10 % of it.
Source: Churchill & Chu, Int. J. Heat Mass Transfer 18 (1975) 1049; ASTM C680; checked against
US DOE Steam Tip Sheet #2 (Insulate steam distribution and condensate return lines), table of
heat lost by bare steel steam lines (75 °F still air, 8,760 h/yr).
"""

from __future__ import annotations

import math

from app.core.calculators._common import (
    BOILER_EFFICIENCY,
    FUEL_NCV,
    FUEL_PRICE_KG,
    HOURS,
    MONEY_SAVED,
)
from app.core.calculators.base import Calculator, Input, Output

SIGMA = 5.670374e-8
GRAVITY = 9.80665
AIR_GAS_CONSTANT = 287.05  # J/(kg·K)
AIR_CP = 1007.0  # J/(kg·K), near enough constant from 0 to 300 °C
ATMOSPHERE = 101325.0  # Pa


def air_properties(t: float) -> tuple[float, float, float]:
    """Kinematic viscosity ν (m²/s), thermal diffusivity α (m²/s) and conductivity k (W/m·K)
    of air at t (K) and one atmosphere: Sutherland's laws for viscosity and conductivity."""
    mu = 1.458e-6 * t**1.5 / (t + 110.4)
    k = 2.646e-3 * t**1.5 / (t + 245.4 * 10 ** (-12 / t))
    rho = ATMOSPHERE / (AIR_GAS_CONSTANT * t)
    return mu / rho, k / (rho * AIR_CP), k


def convection_coefficient(t_s: float, t_a: float, d: float) -> float:
    """h_c (W/m²·K) of a horizontal cylinder in still air (Churchill and Chu)."""
    t_film = (t_s + t_a) / 2
    nu, alpha, k = air_properties(t_film)
    rayleigh = GRAVITY / t_film * (t_s - t_a) * d**3 / (nu * alpha)
    prandtl = nu / alpha
    nusselt = (
        0.60 + 0.387 * rayleigh ** (1 / 6) / (1 + (0.559 / prandtl) ** (9 / 16)) ** (8 / 27)
    ) ** 2
    return nusselt * k / d


def surface_loss(t_s: float, t_a: float, d: float, emissivity: float) -> float:
    """W/m of a cylinder of diameter d (m) at t_s (K) in still air at t_a (K)."""
    dt = t_s - t_a
    if dt <= 0:
        return 0.0
    h_c = convection_coefficient(t_s, t_a, d)
    return math.pi * d * (h_c * dt + emissivity * SIGMA * (t_s**4 - t_a**4))


def insulated_loss(
    t_s: float, t_a: float, d: float, thickness: float, k: float, emissivity: float
) -> float:
    d2 = d + 2 * thickness
    lo, hi = t_a, t_s
    for _ in range(80):
        t_j = (lo + hi) / 2
        through = 2 * math.pi * k * (t_s - t_j) / math.log(d2 / d)
        if through > surface_loss(t_j, t_a, d2, emissivity):
            lo = t_j
        else:
            hi = t_j
    return surface_loss((lo + hi) / 2, t_a, d2, emissivity)


def _calc(q: dict) -> dict:
    t_s = q["t_pipe"].to("kelvin").magnitude
    t_a = q["t_ambient"].to("kelvin").magnitude
    d = q["diameter"].to("meter").magnitude
    bare = surface_loss(t_s, t_a, d, q["emissivity"].magnitude)
    ins = insulated_loss(
        t_s,
        t_a,
        d,
        q["thickness"].to("meter").magnitude,
        q["k"].magnitude,
        q["jacket_emissivity"].magnitude,
    )
    heat_gj = (
        (bare - ins)
        * q["length"].to("meter").magnitude
        * q["hours"].to("hour").magnitude
        * 3600
        / 1e9
    )
    fuel_t = (
        heat_gj / (q["efficiency"].magnitude / 100) / q["ncv"].to("gigajoule / tonne").magnitude
    )
    return {
        "bare": bare,
        "insulated": ins,
        "heat": heat_gj,
        "fuel": fuel_t,
        "cost": fuel_t * 1000 * q["fuel_price"].magnitude,
    }


def _check(q: dict) -> tuple[str, str] | None:
    return (
        ("calc.pipe_temp", "t_pipe")
        if q["t_pipe"].to("kelvin") <= q["t_ambient"].to("kelvin")
        else None
    )


CALCULATOR = Calculator(
    id="insulation",
    name_vi="Bảo ôn đường ống, van, mặt bích trần",
    name_en="Insulating bare pipes, valves and flanges",
    inputs=(
        Input(
            "diameter",
            "Đường kính ngoài ống",
            "Pipe outside diameter",
            "millimeter",
            None,
            10,
            1000,
        ),
        Input(
            "length",
            "Chiều dài tương đương",
            "Equivalent length",
            "meter",
            None,
            0,
            1e5,
            min_exclusive=True,
            help_vi="Ống + khoảng 1 m cho mỗi van, 0,5 m cho mỗi cặp mặt bích.",
            help_en="Pipe plus about 1 m per valve and 0.5 m per flange pair.",
        ),
        Input(
            "t_pipe", "Nhiệt độ ống (lưu chất)", "Pipe (fluid) temperature", "degC", 170, 30, 600
        ),
        Input("t_ambient", "Nhiệt độ môi trường", "Ambient temperature", "degC", 30, -20, 60),
        Input("emissivity", "Độ phát xạ bề mặt trần", "Bare surface emissivity", "", 0.9, 0.02, 1),
        Input("thickness", "Chiều dày bảo ôn", "Insulation thickness", "millimeter", 50, 5, 500),
        Input(
            "k",
            "Hệ số dẫn nhiệt bảo ôn (W/m·K)",
            "Insulation conductivity (W/m·K)",
            "",
            0.045,
            0.01,
            0.5,
        ),
        Input(
            "jacket_emissivity",
            "Độ phát xạ vỏ bọc",
            "Jacket emissivity",
            "",
            0.1,
            0.02,
            1,
            help_vi="Tôn nhôm ≈ 0,1.",
            help_en="Aluminium jacket ≈ 0.1.",
        ),
        HOURS,
        BOILER_EFFICIENCY,
        FUEL_NCV,
        FUEL_PRICE_KG,
    ),
    outputs=(
        Output("bare", "Tổn thất khi trần", "Loss when bare", "watt / meter"),
        Output("insulated", "Tổn thất khi bảo ôn", "Loss when insulated", "watt / meter"),
        Output("heat", "Nhiệt tiết kiệm mỗi năm", "Heat saved per year", "gigajoule"),
        Output("fuel", "Nhiên liệu tiết kiệm mỗi năm", "Fuel saved per year", "tonne", "fuel"),
        MONEY_SAVED,
    ),
    func=_calc,
    checks=(_check,),
    source=(
        "Churchill & Chu (1975), Int. J. Heat Mass Transfer 18; ASTM C680; US DOE Steam Tip Sheet #2;"
        " valves and flanges: UK Fuel Efficiency Booklet 8 (1993)"
    ),
)
