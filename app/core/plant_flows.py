"""The plant's step flows as diagrams: one per resource kind, with step-to-step links.

A Sankey of the whole plant must not count an intermediate product once per step. Here:

* every flow gets a resource kind: ``material`` (t), ``water`` (m³) or ``energy`` (GJ). A fuel
  stream (coal in t, DO in litres) is energy: its quantity goes through the fuel's net calorific
  value; so do the outputs and losses listed after it in the same step without a stream of their
  own ("Heat in hot wastewater", entered in t of coal equivalent). A fuel whose energy content is
  unknown (no fuel code) gets a diagram of its own (``fuel``, in t), never the materials one.
* an input of a step with no stream ("Fabric from the previous step") is supplied by the
  stream-less outputs of the step before it, of the same kind: that amount is a link
  ``next`` from the earlier step and ``prev`` into the later one, not an outside input; what of
  those outputs no later step takes leaves the plant as a product.

So outside inputs only enter, products and losses only leave, and Σ outside inputs =
Σ products + Σ losses + Σ unaccounted (what the step balances do not close) per diagram.
No Qt, no plotting: the Balances screen and the report draw from the same lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core import units
from app.core.model import Audit, StreamKind
from app.core.reference import Resolver

KINDS = ("material", "water", "energy", "fuel")
UNIT = {"material": "t", "water": "m³", "energy": "GJ", "fuel": "t"}
_BASE = {units.MASS: "material", units.VOLUME: "water", units.ENERGY: "energy"}
_FUEL_KINDS = (StreamKind.FUEL, StreamKind.STEAM)


@dataclass(frozen=True)
class DiagramFlow:
    step_id: str
    direction: str  # "input", "output", "loss"; "next" (to the following step), "prev" (from it)
    name: str  # Vietnamese (as entered)
    name_en: str
    quantity: float  # in the diagram's unit


@dataclass(frozen=True)
class Diagram:
    kind: str  # one of KINDS
    unit: str
    flows: tuple[DiagramFlow, ...]

    def outside(self, direction: str) -> float:
        return sum(f.quantity for f in self.flows if f.direction == direction)


def plant_diagrams(audit: Audit, resolver: Resolver | None = None) -> list[Diagram]:
    """The audit's step flows as one diagram per resource kind (in ``KINDS`` order, only the
    kinds with flows), steps in process order, each step's flows in entry order."""
    ref = resolver or Resolver(audit)
    streams = {s.id: s for s in audit.streams}
    steps = sorted(audit.steps, key=lambda s: s.position)
    # per step: (kind, direction, name, name_en, quantity, traced) in entry order
    rows: dict[str, list[tuple[str, str, str, str, float, bool]]] = {}
    for step in steps:
        mine = sorted((f for f in audit.flows if f.step_id == step.id), key=lambda f: f.position)
        fuel_of_input = None  # the fuel stream of the last input, for the flows listed after it
        out = rows.setdefault(step.id, [])
        for f in mine:
            stream = streams.get(f.stream_id or "")
            direction = str(f.direction)
            if direction == "input":
                fuel_of_input = (
                    stream if stream is not None and stream.kind in _FUEL_KINDS else None
                )
            if f.quantity is None or not f.quantity > 0:
                continue
            dim = units.dimension(f.unit)
            if dim not in _BASE:
                continue
            fuel = stream if stream is not None and stream.kind in _FUEL_KINDS else None
            if fuel is None and stream is None and direction != "input":
                fuel = fuel_of_input
            kind, q = _kind_quantity(f.quantity, f.unit, dim, fuel, ref)
            if kind is None:
                continue
            out.append((kind, direction, f.name, f.name_en, q, stream is not None))
    diagrams = []
    for kind in KINDS:
        flows = _link([(s.id, [r for r in rows[s.id] if r[0] == kind]) for s in steps])
        if flows:
            diagrams.append(Diagram(kind, UNIT[kind], tuple(flows)))
    return diagrams


def _kind_quantity(q: float, unit: str, dim: str, fuel, ref) -> tuple[str | None, float]:
    if dim == units.ENERGY:
        return "energy", q * units.factor(unit, "GJ")
    if fuel is not None:
        gj = units.fuel_energy_gj(q, unit, fuel.fuel_code, ref) if fuel.fuel_code else None
        if gj is not None:
            return "energy", gj
        mass = units.fuel_mass_t(q, unit, fuel.fuel_code, ref) if fuel.fuel_code else None
        if mass is None and dim == units.MASS:
            mass = q * units.factor(unit, "t")
        return ("fuel", mass) if mass is not None else (None, 0.0)
    kind = _BASE[dim]
    return kind, q * units.factor(unit, UNIT[kind])


def _link(steps) -> list[DiagramFlow]:
    """Each step's stream-less inputs taken from the previous step's stream-less outputs."""
    out: list[DiagramFlow] = []
    carry: list[list] = []  # the previous step's stream-less outputs: [name, name_en, q]
    prev_id = ""
    for step_id, rows in steps:
        if not rows and not carry:
            continue
        passed = 0.0
        here: list[DiagramFlow] = []
        made: list[list] = []
        for _kind, direction, name, name_en, q, traced in rows:
            if direction == "input" and not traced and carry:
                take = 0.0
                while carry and q - take > 1e-12:
                    part = min(carry[0][2], q - take)
                    take += part
                    carry[0][2] -= part
                    if carry[0][2] <= 1e-12:
                        carry.pop(0)
                if take > 0:
                    here.append(DiagramFlow(step_id, "prev", name, name_en, take))
                    passed += take
                if q - take > 1e-12:
                    here.append(DiagramFlow(step_id, "input", name, name_en, q - take))
            elif direction == "output" and not traced:
                made.append([name, name_en, q])
            else:
                here.append(DiagramFlow(step_id, direction, name, name_en, q))
        if passed > 0:
            out.append(DiagramFlow(prev_id, "next", "", "", passed))
        # what the previous step made and this one did not take is a product of that step
        out += [DiagramFlow(prev_id, "output", n, e, q) for n, e, q in carry if q > 1e-12]
        out += here
        carry, prev_id = made, step_id
    out += [DiagramFlow(prev_id, "output", n, e, q) for n, e, q in carry if q > 1e-12]
    return _in_step_order(out, [s for s, _ in steps])


def _in_step_order(flows: list[DiagramFlow], order: list[str]) -> list[DiagramFlow]:
    rank = {s: i for i, s in enumerate(order)}
    return sorted(flows, key=lambda f: rank.get(f.step_id, len(rank)))  # stable within a step
