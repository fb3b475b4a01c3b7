"""The calculations behind an option's savings, as text lines in the report language: each
calculator run's name, its inputs (label = value unit), its results and its published source.

Called from the option detail of the PDF report and the XLSX export's calculations sheet; kept
apart from pdf.py so the wording has one home.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.errors import UserError
from app.core.messages import render, text
from app.core.model import CalculationRun, Option
from app.reports.fmt import smart


@dataclass(frozen=True)
class CalculationText:
    title: str
    inputs: list[str]
    outputs: list[str]
    source: str
    error: str = ""


def _value(value: float, lang: str) -> str:
    return "0" if value == 0 else smart(value, lang)


def _unit(q) -> str:
    unit = f"{q.units:~P}"
    return "" if unit in ("", "dimensionless") else f" {unit}"


MONEY_KEYS = frozenset(
    {
        "cost",
        "tariff",
        "fuel_price",
        "water_price",
        "steam_price",
        "chem_price",
        "price",
        "treatment",
        "operating",
        "export_price",
    }
)


def describe(run: CalculationRun, lang: str, money: bool = True) -> CalculationText:
    from app.core import calculators

    try:
        calc = calculators.get(run.calculator)
    except UserError as exc:
        return CalculationText(run.calculator, [], [], "", render(exc.problem, lang))
    inputs = [
        f"{calc.input(k).name(lang)} = {_input_value(calc.input(k), v, lang)}"
        for k, v in run.inputs.items()
        if k in {i.key for i in calc.inputs} and (money or k not in MONEY_KEYS)
    ]
    try:
        result = calc.run(run.inputs)
    except UserError as exc:
        return CalculationText(calc.name(lang), inputs, [], calc.source, render(exc.problem, lang))
    outputs = [
        f"{spec.name(lang)}: {_value(float(result[spec.key].magnitude), lang)}{_unit(result[spec.key])}"
        for spec in calc.outputs
        if money or spec.key not in MONEY_KEYS
    ]
    return CalculationText(calc.name(lang), inputs, outputs, calc.source)


def _input_value(spec: Any, stored: str, lang: str) -> str:
    """A stored input ('.' decimal mark, maybe a unit typed after it) as the report's language
    writes numbers, with the input's unit when none was typed."""
    try:
        value = float(stored)
    except ValueError:
        return stored  # "116 psi": as the auditor typed it
    unit = f" {calculators_unit(spec.unit)}" if spec.unit else ""
    return f"{_value(value, lang)}{unit}"


def calculators_unit(unit: str) -> str:
    from app.core.units import registry

    return f"{registry().Unit(unit):~P}"


def option_calculations(option: Option, lang: str) -> list[CalculationText]:
    """Every calculator run stored with ``option``, described in ``lang``."""
    return [describe(run, lang) for run in getattr(option, "calculations", [])]


def heading(lang: str) -> str:
    return text("report.calc.heading", lang)


def pdf_flowables(builder: Any, option: Any) -> list:
    """The option detail's "how the savings were calculated" paragraphs (none without runs);
    ``builder`` is the PDF builder (its ``p``, ``lang`` and ``money``)."""
    runs = getattr(option, "calculations", ())
    if not runs:
        return []
    lang = builder.lang
    out = [builder.p(heading(lang), "H3")]
    for run in runs:
        d = describe(run, lang, money=getattr(builder, "money", True))
        out.append(builder.p(d.title))
        if d.inputs:
            out.append(builder.p(f"{text('report.calc.inputs', lang)}: " + "; ".join(d.inputs)))
        if d.outputs:
            out.append(builder.p(f"{text('report.calc.results', lang)}: " + "; ".join(d.outputs)))
        if d.error:
            out.append(builder.p(d.error, "note"))
        if d.source:
            out.append(builder.p(f"{text('report.calc.source', lang)}: {d.source}", "note"))
    return out
