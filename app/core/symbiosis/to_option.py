"""A proposed exchange as a symbiosis option in each of the two audits.

The giver's option uses its by-product (``CPCategory.BYPRODUCT``: the waste goes to a neighbour
instead of disposal); the taker's replaces part of an input (``CPCategory.INPUT_CHANGE``). Both
are ``industrial_symbiosis`` options, "identified", with the exchanged quantity as the saving of
the stream concerned (the waste stream given, the input taken in, in that stream's unit) and the
reasons in the description. Money is left for the auditor to estimate.

An option's id is derived from the exchange and the audit, so adding the same proposal again
updates that option instead of making a second one.
"""

from __future__ import annotations

import uuid

from app.core import units
from app.core.errors import UserError
from app.core.messages import text
from app.core.model import Audit, CPCategory, Option, OptionSaving
from app.core.options import next_option_code
from app.core.symbiosis import match_text as mx
from app.core.symbiosis.matcher import Match

_NAMESPACE = uuid.UUID("6f2b8f1e-3c1d-4b5a-9a57-2d1c0e6b7a21")


def option_id(m: Match, audit_id: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "|".join((*m.key, audit_id))))


def _saving(audit: Audit, stream_id: str, quantity: float | None, unit: str) -> list[OptionSaving]:
    stream = audit.stream(stream_id) if stream_id else None
    if stream is None or quantity is None:
        return []
    try:
        value = units.convert(quantity, unit, stream.unit) if unit != stream.unit else quantity
    except UserError:  # a unit the stream does not share: no figure rather than a guess
        return []
    return [OptionSaving(stream.id, value)]


def _description(m: Match, lang: str) -> str:
    return "\n".join(mx.reasons_text(m, lang))


def option_for(m: Match, audit: Audit, giver: bool) -> Option:
    """The option the exchange ``m`` becomes in ``audit`` (the giver's when ``giver``)."""
    side = "giver" if giver else "taker"
    partner = m.taker.label if giver else m.giver.label
    offer_vi, offer_en = mx.class_name(m.offer.code, "vi"), mx.class_name(m.offer.code, "en")
    existing = next((o for o in audit.options if o.id == option_id(m, audit.info.id)), None)
    code = existing.code if existing else next_option_code(o.code for o in audit.options)
    position = (
        existing.position if existing else max((o.position for o in audit.options), default=-1) + 1
    )
    item = m.offer if giver else m.need
    return Option(
        title_vi=text(f"symbiosis.option.{side}", "vi", what=offer_vi, partner=partner),
        title_en=text(f"symbiosis.option.{side}", "en", what=offer_en, partner=partner),
        code=code,
        description_vi=_description(m, "vi"),
        description_en=_description(m, "en"),
        category=CPCategory.BYPRODUCT if giver else CPCategory.INPUT_CHANGE,
        industrial_symbiosis=True,
        savings=_saving(audit, item.stream_id, m.quantity, m.unit),
        position=position,
        id=option_id(m, audit.info.id),
    )
