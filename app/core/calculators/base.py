"""The calculator framework: a calculator is a pure function on pint quantities plus its
metadata as data (id, bilingual name, inputs with bilingual labels and help, units, valid
ranges, outputs, published source).

``Calculator.run(values)`` converts each input to its declared unit (a plain number is taken in
that unit; a string such as ``"90 psi"`` or a pint quantity is converted), checks the valid range
and raises ``UserError`` with key ``calc.*`` whose parameters name the input in both languages
(``input``, given in both languages), so the CLI and UI show a one-line translated message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.errors import Location, UserError
from app.core.units import registry


@dataclass(frozen=True)
class Input:
    key: str
    name_vi: str
    name_en: str
    unit: str  # pint expression; "" for a pure number
    default: float | None = None
    min: float | None = None  # inclusive unless min_exclusive
    max: float | None = None
    min_exclusive: bool = False
    help_vi: str = ""
    help_en: str = ""

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


@dataclass(frozen=True)
class Output:
    key: str
    name_vi: str
    name_en: str
    unit: str
    stream_kind: str = (
        ""  # "electricity", "fuel", "steam", "water", "material": the saving it fills
    )

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


@dataclass(frozen=True)
class Calculator:
    id: str
    name_vi: str
    name_en: str
    inputs: tuple[Input, ...]
    outputs: tuple[Output, ...]
    func: Callable[[dict[str, Any]], dict[str, Any]]
    source: str = ""
    checks: tuple[Callable[[dict[str, Any]], tuple[str, str] | None], ...] = field(default=())

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en

    def input(self, key: str) -> Input:
        for item in self.inputs:
            if item.key == key:
                return item
        raise UserError.of(
            "calc.unknown_input", Location(entity="calculator", entity_id=self.id), input=key
        )

    def run(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The outputs (pint quantities in each output's unit) for ``values``."""
        for key in values:
            self.input(key)
        q = {spec.key: _quantity(self, spec, values.get(spec.key)) for spec in self.inputs}
        for check in self.checks:
            failed = check(q)
            if failed:
                key, input_key = failed
                raise _error(self, self.input(input_key), key)
        raw = self.func(q)
        ureg = registry()
        out: dict[str, Any] = {}
        for spec in self.outputs:
            value = raw[spec.key]
            if not hasattr(value, "to"):
                value = ureg.Quantity(float(value), spec.unit or "dimensionless")
            out[spec.key] = value.to(spec.unit or "dimensionless")
        return out

    def run_magnitudes(self, values: Mapping[str, Any]) -> dict[str, float]:
        return {k: float(v.magnitude) for k, v in self.run(values).items()}


def _error(calc: Calculator, spec: Input, key: str, **params: Any) -> UserError:
    return UserError.of(
        key,
        Location(entity="calculator", entity_id=calc.id, field=spec.key),
        input={"vi": spec.name_vi, "en": spec.name_en},
        unit=_unit_text(spec.unit),
        **params,
    )


def _unit_text(unit: str) -> str:
    if not unit:
        return ""
    return " " + f"{registry().Unit(unit):~P}"


def _quantity(calc: Calculator, spec: Input, value: Any) -> Any:
    ureg = registry()
    unit = spec.unit or "dimensionless"
    if value is None or value == "":
        if spec.default is None:
            raise _error(calc, spec, "calc.missing_input")
        value = spec.default
    try:
        if isinstance(value, str):
            text = value.strip().replace(",", ".")
            match = re.fullmatch(r"([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(.*)", text)
            if match is None:
                raise ValueError(text)
            qty = ureg.Quantity(float(match.group(1)), match.group(2).strip() or unit)
        elif hasattr(value, "to"):
            qty = value
        else:
            qty = ureg.Quantity(float(value), unit)
        qty = qty.to(unit)
    except Exception as exc:  # pint's parse and dimensionality errors
        raise _error(calc, spec, "calc.bad_input", value=str(value)) from exc
    magnitude = float(qty.magnitude)
    if magnitude != magnitude:  # NaN
        raise _error(calc, spec, "calc.bad_input", value=str(value))
    if spec.min is not None and (
        magnitude < spec.min or (spec.min_exclusive and magnitude <= spec.min)
    ):
        raise _error(calc, spec, "calc.below_min", value=f"{magnitude:g}", min=f"{spec.min:g}")
    if spec.max is not None and magnitude > spec.max:
        raise _error(calc, spec, "calc.above_max", value=f"{magnitude:g}", max=f"{spec.max:g}")
    return qty
