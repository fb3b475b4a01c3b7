"""What an enterprise could give to and take from its neighbours, derived from its audit.

A stream the auditor classified (``ResourceStream.waste_class``, a code of the class list in
``app.core.symbiosis.classes``) becomes an *offer* (a waste, by-product, surplus heat: what it
could give) or a *need* (an input material, water or energy it could take in):

- the class's ``direction`` decides (``give`` -> offer, ``take`` -> need); a class that goes
  both ways (heat, steam, condensate) is an offer on a waste or emission stream and a need on
  any other stream;
- quantity per year in the stream's own unit, from the baseline months' records (scaled to 12
  months when the baseline is shorter, and said so); the months with a quantity;
- the stream's cost per year through ``app.core.costs`` (for a waste: what its disposal costs;
  negative: what selling it brings), and its unit price;
- the disposal route as the auditor wrote it on the stream (``ResourceStream.disposal_route``).

Unclassified streams give nothing. A stream whose class is not in the list is skipped with a
warning (``Problem``), never guessed. Nothing here is anonymised: the exchange file does that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.core.costs import stream_cost
from app.core.errors import Level, Location, Problem
from app.core.model import STREAM_GROUP, Audit, ResourceStream, StreamGroup
from app.core.symbiosis.classes import ClassList, Direction, ResourceClass, shipped_classes

MONTHS_PER_YEAR = 12


class Side(StrEnum):
    OFFER = "offer"  # the enterprise could give it
    NEED = "need"  # the enterprise could take it in


# Stream groups whose streams leave the plant: a both-ways class on them is an offer.
_OUTGOING = frozenset({StreamGroup.WASTE, StreamGroup.EMISSIONS})


@dataclass(frozen=True)
class OfferNeed:
    """One classified stream as an offer or a need."""

    side: Side
    resource_class: ResourceClass
    stream_id: str
    stream_name_vi: str
    stream_name_en: str
    unit: str
    quantity_per_year: float | None  # None: no record in the baseline
    annualised: bool  # scaled from fewer than 12 months
    months_counted: int  # baseline months the figure comes from
    months: tuple[str, ...]  # "YYYY-MM" with a quantity above zero
    cost_per_year_vnd: int | None  # disposal cost (waste) or purchase cost; negative: revenue
    cost_complete: bool
    unit_price_vnd: int | None
    hazardous: bool
    confidential: bool  # the stream is marked confidential in the audit
    notes: str = ""  # the stream's notes (quality, origin), as the auditor wrote them
    disposal_route: str = ""  # where it goes today (ResourceStream.disposal_route)

    @property
    def code(self) -> str:
        return self.resource_class.code

    def stream_name(self, lang: str) -> str:
        return (self.stream_name_en or self.stream_name_vi) if lang == "en" else self.stream_name_vi

    @property
    def calendar_months(self) -> tuple[int, ...]:
        """Months of the year (1-12) in which the stream has a quantity."""
        return tuple(sorted({int(p[5:7]) for p in self.months}))


@dataclass(frozen=True)
class OffersNeeds:
    enterprise: str
    industrial_park: str
    province: str
    offers: tuple[OfferNeed, ...]
    needs: tuple[OfferNeed, ...]
    problems: tuple[Problem, ...] = ()
    classified_streams: int = 0
    streams: int = 0
    file: str = ""
    class_source: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def is_empty(self) -> bool:
        return not self.offers and not self.needs


def side_of(cls: ResourceClass, stream: ResourceStream) -> Side:
    """Offer or need: the class's direction, else (both ways) where the stream goes."""
    if cls.direction is Direction.GIVE:
        return Side.OFFER
    if cls.direction is Direction.TAKE:
        return Side.NEED
    return Side.OFFER if STREAM_GROUP[stream.kind] in _OUTGOING else Side.NEED


def _periods(audit: Audit) -> list[str]:
    periods = audit.baseline_periods()
    if periods:
        return periods
    return sorted({r.period for r in audit.records})


def offer_or_need(
    audit: Audit, stream: ResourceStream, cls: ResourceClass, periods: list[str] | None = None
) -> OfferNeed:
    """``stream`` (classified ``cls``) as an offer or a need, over the baseline months."""
    periods = _periods(audit) if periods is None else periods
    wanted = set(periods)
    records = [r for r in audit.records if r.stream_id == stream.id and r.period in wanted]
    counted = len({r.period for r in records})
    quantity = sum(r.quantity for r in records) if records else None
    cost = stream_cost(stream, records)
    scale = MONTHS_PER_YEAR / counted if counted and counted != MONTHS_PER_YEAR else 1.0
    return OfferNeed(
        side=side_of(cls, stream),
        resource_class=cls,
        stream_id=stream.id,
        stream_name_vi=stream.name_vi,
        stream_name_en=stream.name_en,
        unit=stream.unit,
        quantity_per_year=quantity * scale if quantity is not None else None,
        annualised=scale != 1.0,
        months_counted=counted,
        months=tuple(sorted({r.period for r in records if r.quantity > 0})),
        cost_per_year_vnd=round(cost.vnd * scale) if cost.vnd is not None else None,
        cost_complete=cost.complete,
        unit_price_vnd=stream.unit_price_vnd,
        hazardous=cls.hazardous,
        confidential=stream.confidential,
        notes=stream.notes,
        disposal_route=stream.disposal_route,
    )


def offers_and_needs(audit: Audit, classes: ClassList | None = None, file: str = "") -> OffersNeeds:
    """Every classified stream of ``audit`` as an offer or a need, in the audit's stream order.

    A class code not in ``classes`` (default: the shipped list) is reported, not guessed."""
    classes = classes if classes is not None else shipped_classes()
    periods = _periods(audit)
    offers: list[OfferNeed] = []
    needs: list[OfferNeed] = []
    problems: list[Problem] = []
    classified = 0
    for stream in sorted(audit.streams, key=lambda s: s.position):
        if not stream.waste_class:
            continue
        classified += 1
        cls = classes.get(stream.waste_class)
        if cls is None:
            problems.append(
                Problem(
                    "symbiosis.offers.unknown_class",
                    Location(entity="stream", entity_id=stream.id, field="waste_class"),
                    {"code": stream.waste_class, "stream": stream.name_vi},
                    Level.WARNING,
                )
            )
            continue
        item = offer_or_need(audit, stream, cls, periods)
        (offers if item.side is Side.OFFER else needs).append(item)
    enterprise = audit.info.enterprise
    return OffersNeeds(
        enterprise=enterprise.name,
        industrial_park=enterprise.industrial_park,
        province=enterprise.province,
        offers=tuple(offers),
        needs=tuple(needs),
        problems=tuple(problems),
        classified_streams=classified,
        streams=len(audit.streams),
        file=file,
        class_source={"vi": classes.source("vi"), "en": classes.source("en")},
    )


def item_as_dict(item: OfferNeed, lang: str) -> dict[str, Any]:
    cls = item.resource_class
    return {
        "side": item.side.value,
        "class": cls.code,
        "class_name": cls.name(lang),
        "group": cls.group.value,
        "hazardous": item.hazardous,
        "mark": cls.mark,
        "ewc": cls.ewc,
        "class_checked": cls.checked,
        "stream_id": item.stream_id,
        "stream": item.stream_name(lang),
        "unit": item.unit,
        "quantity_per_year": item.quantity_per_year,
        "annualised": item.annualised,
        "months_counted": item.months_counted,
        "months": list(item.months),
        "calendar_months": list(item.calendar_months),
        "cost_per_year_vnd": item.cost_per_year_vnd,
        "cost_complete": item.cost_complete,
        "unit_price_vnd": item.unit_price_vnd,
        "disposal_route": item.disposal_route,
        "confidential": item.confidential,
        "notes": item.notes,
    }


def offers_as_dict(result: OffersNeeds, lang: str) -> dict[str, Any]:
    """A JSON-ready view (``python -m app offers --json``)."""
    from app.core.messages import render

    return {
        "enterprise": result.enterprise,
        "industrial_park": result.industrial_park,
        "province": result.province,
        "file": result.file,
        "streams": result.streams,
        "classified_streams": result.classified_streams,
        "offers": [item_as_dict(i, lang) for i in result.offers],
        "needs": [item_as_dict(i, lang) for i in result.needs],
        "problems": [
            {"key": p.key, "level": p.level.value, "message": render(p, lang)}
            for p in result.problems
        ],
        "class_source": result.class_source.get(lang, ""),
    }
