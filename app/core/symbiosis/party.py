"""A participant of a park's exchange, however it came: a full audit or an exchange file.

The matcher (``app.core.symbiosis.matcher``) reads only this, so a full audit on the
auditor's laptop, an anonymised exchange file and a board published to the hub are matched
the same way. An exchange file carries only what the enterprise agreed to share: the fields
it did not agree to are ``None`` / empty here, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.symbiosis.offers import OfferNeed, OffersNeeds, Side


@dataclass(frozen=True)
class PartyItem:
    """One offer or need of a participant."""

    side: Side
    code: str  # a class code of app.core.symbiosis.classes
    unit: str
    quantity_per_year: float | None  # None: not known or not shared
    months: tuple[int, ...] = ()  # calendar months 1-12 with a quantity; empty: not known
    hazardous: bool = False
    notes: str = ""  # quality notes, only when shared
    cost_per_year_vnd: int | None = None  # only when the enterprise agreed to share money
    # A need only: the taker holds an environmental permit to treat or use hazardous waste of
    # this class (a hazardous offer is never proposed to a need without it).
    hazardous_permit: bool = False
    stream_id: str = ""  # the audit's stream, for a full audit; empty from an exchange file
    # An exchange file that did not share the exact quantity gives its band (low, high) in
    # ``unit`` per year instead (``quantity_per_year`` is then None): a range, never a guess.
    quantity_band: tuple[float, float] | None = None
    # An offer only: where it goes today as the auditor wrote it (a full audit); empty: not
    # known (an exchange file does not carry it). The matcher's landfill CO2e reads it.
    disposal_route: str = ""

    def quantity_range(self) -> tuple[float, float] | None:
        """(low, high) per year: the exact quantity twice, the shared band, or None."""
        if self.quantity_per_year is not None:
            return (self.quantity_per_year, self.quantity_per_year)
        return self.quantity_band


@dataclass(frozen=True)
class Party:
    """An enterprise as the matcher sees it."""

    key: str  # stable identity: the audit id, or the exchange file's anonymous enterprise id
    label: str  # what a reader sees: the name for a full audit, else the anonymous id
    park: str
    province: str
    items: tuple[PartyItem, ...]
    location: tuple[float, float] | None = None  # (latitude, longitude) in degrees, if given
    source: str = ""  # the file it came from
    anonymous: bool = False  # from an exchange file: no name, no process, no money unless agreed

    def offers(self) -> tuple[PartyItem, ...]:
        return tuple(i for i in self.items if i.side is Side.OFFER)

    def needs(self) -> tuple[PartyItem, ...]:
        return tuple(i for i in self.items if i.side is Side.NEED)


def item_from(on: OfferNeed) -> PartyItem:
    return PartyItem(
        side=on.side,
        code=on.code,
        unit=on.unit,
        quantity_per_year=on.quantity_per_year,
        months=on.calendar_months,
        hazardous=on.hazardous,
        notes=on.notes,
        cost_per_year_vnd=on.cost_per_year_vnd,
        stream_id=on.stream_id,
        disposal_route=on.disposal_route,
    )


def party_from(
    offers_needs: OffersNeeds, key: str, location: tuple[float, float] | None = None
) -> Party:
    """A full audit's offers and needs as a participant (names kept: it is the auditor's own)."""
    return Party(
        key=key,
        label=offers_needs.enterprise or key,
        park=offers_needs.industrial_park,
        province=offers_needs.province,
        items=tuple(item_from(i) for i in (*offers_needs.offers, *offers_needs.needs)),
        location=location,
        source=offers_needs.file,
    )
