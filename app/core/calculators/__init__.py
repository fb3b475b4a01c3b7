"""Savings calculators: one module per calculator, each a ``Calculator`` (see ``base``).

``REGISTRY`` maps a calculator id to its ``Calculator``; ``get(id)`` raises a translated
``UserError`` for an unknown id.
"""

from __future__ import annotations

import importlib

from app.core.calculators.base import Calculator, Input, Output
from app.core.errors import Location, UserError

MODULES = (
    "air_leak_orifice",
    "air_leak_down",
    "air_pressure_reduction",
    "steam_trap",
    "motor_replacement",
    "vsd_pump_fan",
    "lighting_retrofit",
    "power_factor",
    "cooling_tower",
    "solar_pv",
    "material_recovery",
    "boiler_combustion",
    "counter_current_rinse",
    "liquor_ratio",
    "condensate_return",
    "blowdown",
    "air_intake_temperature",
    "insulation",
    "water_leak",
)


def _load() -> dict[str, Calculator]:
    out: dict[str, Calculator] = {}
    for name in MODULES:
        calc = importlib.import_module(f"app.core.calculators.{name}").CALCULATOR
        out[calc.id] = calc
    return out


REGISTRY: dict[str, Calculator] = _load()


def get(calc_id: str) -> Calculator:
    try:
        return REGISTRY[calc_id]
    except KeyError:
        raise UserError.of(
            "calc.unknown", Location(entity="calculator", entity_id=calc_id), id=calc_id
        ) from None


__all__ = ["REGISTRY", "Calculator", "Input", "Output", "get"]
