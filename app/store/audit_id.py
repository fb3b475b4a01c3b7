"""The stable identity of an audit file written before ``AuditInfo.id`` was stored."""

from __future__ import annotations

import uuid

# Any fixed uuid will do; changing it would change every derived id.
_DERIVED_NS = uuid.UUID("6f2d3c8e-4b1a-5e7f-9a0c-52454350a0d1")


def derived_audit_id(created: str, info_data: dict) -> str:
    """A stable id for an audit file that has none stored: the same file, or any copy of it,
    always gets the same one (from its creation time and its header as first written)."""
    ent = info_data.get("enterprise") or {}
    key = "|".join(
        str(x)
        for x in (created, ent.get("name", ""), ent.get("tax_code", ""), info_data.get("title"))
    )
    return uuid.uuid5(_DERIVED_NS, key).hex
