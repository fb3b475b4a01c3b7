"""The anonymised exchange file: what an enterprise offers and needs, and nothing it did not agree
to share (format ``recp-exchange``, documented in ``docs/exchange-format.md``).

- ``exchange_content(audit, consent)``: the file's content as a JSON-ready dict, built field by
  field from ``AuditInfo.exchange_consent``: an anonymous enterprise id (a keyed one-way hash of
  the audit id), park, province, and per offer/need its class, unit, hazardous flag and a
  quantity *band*; the exact quantity, months, notes, money and location only when agreed.
  Never the name, address, tax code, contact, process steps or stream names.
- ``exchange_json`` / ``exchange_csv``: the same content as JSON and as its CSV twin.
- ``read_exchange(path)``: a file back as a ``Party`` (``anonymous=True``); anything wrong is a
  ``UserError`` naming the file and the entry. A newer format version is refused.

Writing a file belongs to the caller (``app.commands.exchange_export``): core holds no writer.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import math
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from app.core.errors import Level, Location, Problem, UserError
from app.core.model import Audit, ExchangeConsent
from app.core.symbiosis.classes import ClassList, shipped_classes
from app.core.symbiosis.offers import OfferNeed, Side, offers_and_needs
from app.core.symbiosis.party import Party, PartyItem

FORMAT = "recp-exchange"
FORMAT_VERSION = 1
SUFFIX = ".recpx.json"  # what a portfolio folder reads as an exchange file
CSV_SUFFIX = ".recpx.csv"
# The fields an enterprise may agree to share, in the order the preview and the file list them.
FIELDS = ("quantity", "months", "notes", "money", "location")
LOCATION_DECIMALS = 3  # about 100 m: enough for a distance between neighbours
QUANTITY_DIGITS = 6  # significant digits of an exact quantity (no float noise in the file)
_ID_PREFIX = "ex-"
_BAND_STEPS = (1, 2, 5)


# ---------------------------------------------------------------------------------------------
# Consent and identity


def shared_fields(consent: ExchangeConsent) -> tuple[str, ...]:
    """The agreed fields, in ``FIELDS`` order. Only a stored ``True`` counts: a damaged value
    never opens a field."""
    return tuple(f for f in FIELDS if getattr(consent, f) is True)


def consent_of(fields: Iterable[str], base: ExchangeConsent | None = None) -> ExchangeConsent:
    """A consent sharing exactly ``fields`` (keeping ``base``'s id key)."""
    wanted = set(fields)
    unknown = wanted - set(FIELDS)
    if unknown:
        raise UserError.of(
            "exchange.unknown_field", field=", ".join(sorted(unknown)), fields=", ".join(FIELDS)
        )
    base = base or ExchangeConsent()
    return replace(
        base,
        quantity="quantity" in wanted,
        months="months" in wanted,
        notes="notes" in wanted,
        money="money" in wanted,
        location="location" in wanted,
    )


def new_id_key() -> str:
    return secrets.token_hex(16)


def with_id_key(consent: ExchangeConsent) -> ExchangeConsent:
    """``consent`` with an id key (a fresh one when it has none yet): store it before writing."""
    return consent if consent.id_key else replace(consent, id_key=new_id_key())


def anonymous_id(audit_id: str, id_key: str) -> str:
    """The enterprise's id in exchange files and on the hub board: stable for the audit (and
    its copies), one-way, and keyed so that the audit ids the hub publishes cannot be linked to
    it. Never derived from the name or tax code."""
    if not id_key:
        raise ValueError("an exchange id needs the audit's id key")
    digest = hmac.new(id_key.encode(), f"{FORMAT}:{audit_id}".encode(), hashlib.sha256)
    return _ID_PREFIX + digest.hexdigest()[:20]


# ---------------------------------------------------------------------------------------------
# Building the content


def quantity_band(quantity: float) -> tuple[float, float]:
    """The band ``[low, high)`` of a 1-2-5 series holding ``quantity`` (262.4 -> 200-500): what
    is shared when the exact figure is not. Zero is the band (0, 0)."""
    if quantity <= 0 or not math.isfinite(quantity):
        return (0.0, 0.0)
    exponent = math.floor(math.log10(quantity))
    bounds = [s * 10.0**e for e in (exponent - 1, exponent, exponent + 1) for s in _BAND_STEPS]
    bounds = [float(f"{b:.12g}") for b in bounds]
    low = max(b for b in bounds if b <= quantity * (1 + 1e-12))
    high = min(b for b in bounds if b > low)
    return (low, high)


@dataclass(frozen=True)
class ExchangeExport:
    """The content of one audit's exchange file, and what was held back and why."""

    content: dict[str, Any]
    confidential_left_out: int = 0  # offers/needs of streams marked confidential
    no_location: bool = False  # location agreed but the audit records none
    problems: tuple[Problem, ...] = ()


def _item(on: OfferNeed, shared: Sequence[str]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "side": on.side.value,
        "class": on.code,
        "unit": on.unit,
        "hazardous": bool(on.hazardous),
    }
    if on.quantity_per_year is not None:
        if "quantity" in shared:
            item["quantity_per_year"] = float(f"{on.quantity_per_year:.{QUANTITY_DIGITS}g}")
        else:
            item["quantity_band"] = list(quantity_band(on.quantity_per_year))
    if "months" in shared:
        item["months"] = list(on.calendar_months)
    if "notes" in shared:
        item["notes"] = on.notes
    if "money" in shared:
        item["cost_per_year_vnd"] = on.cost_per_year_vnd
    if on.side is Side.NEED:
        item["hazardous_permit"] = False  # the audit holds no permit record: never claimed
    return item


def exchange_content(
    audit: Audit,
    consent: ExchangeConsent | None = None,
    classes: ClassList | None = None,
    written: date | None = None,
) -> ExchangeExport:
    """The exchange file of ``audit`` under ``consent`` (default: the audit's own). The consent
    must hold an id key (``with_id_key``). ``UserError`` when there is nothing to exchange or
    the park is not recorded (a reader would refuse the file)."""
    consent = consent if consent is not None else audit.info.exchange_consent
    shared = shared_fields(consent)
    result = offers_and_needs(audit, classes)
    if not result.industrial_park.strip():
        raise UserError.of("exchange.export.no_park")
    kept = [i for i in (*result.offers, *result.needs) if not i.confidential]
    if not kept:
        key = "exchange.export.nothing" if result.classified_streams else "exchange.export.none"
        raise UserError.of(key, streams=result.streams)
    content: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "enterprise_id": anonymous_id(audit.info.id, consent.id_key),
        "park": result.industrial_park.strip(),
        "province": result.province.strip(),
        "written": (written or date.today()).isoformat(),
        "shared": list(shared),
    }
    enterprise = audit.info.enterprise
    located = enterprise.latitude is not None and enterprise.longitude is not None
    if "location" in shared and located:
        content["location"] = {
            "latitude": round(float(enterprise.latitude or 0), LOCATION_DECIMALS),
            "longitude": round(float(enterprise.longitude or 0), LOCATION_DECIMALS),
        }
    content["items"] = [_item(i, shared) for i in kept]
    return ExchangeExport(
        content=content,
        confidential_left_out=len(result.offers) + len(result.needs) - len(kept),
        no_location="location" in shared and not located,
        problems=result.problems,
    )


def exchange_json(content: dict[str, Any]) -> str:
    return json.dumps(content, ensure_ascii=False, indent=2) + "\n"


def csv_columns(content: dict[str, Any]) -> list[str]:
    """The CSV twin's columns: the file's own, then one per item field the content holds."""
    columns = ["format", "version", "enterprise_id", "park", "province", "written", "shared"]
    if "location" in content:
        columns += ["latitude", "longitude"]
    columns += ["side", "class", "unit", "hazardous"]
    items = content.get("items", [])
    if any("quantity_per_year" in i for i in items):
        columns.append("quantity_per_year")
    if any("quantity_band" in i for i in items):
        columns += ["quantity_low", "quantity_high"]
    for name in ("months", "notes", "cost_per_year_vnd", "hazardous_permit"):
        if any(name in i for i in items):
            columns.append(name)
    return columns


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.15g}"
    return str(value)


def exchange_csv(content: dict[str, Any]) -> str:
    """The CSV twin: one row per offer/need, the file's fields repeated on each row; numbers
    plain (``.`` decimal, no grouping), months and shared fields joined by ``;``."""
    columns = csv_columns(content)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    top = {k: v for k, v in content.items() if k not in ("items", "location", "shared")}
    top["shared"] = ";".join(content.get("shared", []))
    top.update(content.get("location", {}))
    for item in content.get("items", []):
        row = dict(top)
        row.update({k: v for k, v in item.items() if k not in ("quantity_band", "months")})
        if "quantity_band" in item:
            row["quantity_low"], row["quantity_high"] = item["quantity_band"]
        if "months" in item:
            row["months"] = ";".join(str(m) for m in item["months"])
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()


def csv_path(json_path: str | Path) -> Path:
    """The CSV twin beside ``json_path``: ``x.recpx.json`` -> ``x.recpx.csv``."""
    path = Path(json_path)
    name = path.name
    if name.endswith(SUFFIX):
        return path.with_name(name[: -len(SUFFIX)] + CSV_SUFFIX)
    return path.with_suffix(".csv")


# ---------------------------------------------------------------------------------------------
# Reading

MAX_FILE_BYTES = 5_000_000  # a park's file is a few kB; anything far larger is not one


def _bad(path: Path | str, entry: str, key: str, **params: Any) -> UserError:
    return UserError.of(key, Location(file=str(path)), entry=entry, **params)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def read_exchange(path: str | Path, classes: ClassList | None = None) -> Party:
    """The exchange file at ``path`` as an anonymous ``Party``; ``UserError`` naming the file
    and the entry for a file this version cannot trust."""
    path = Path(path)
    classes = classes if classes is not None else shipped_classes()
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _bad(path, "-", "exchange.read.too_large", limit=MAX_FILE_BYTES)
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError.of(
            "exchange.read.unreadable", Location(file=str(path)), reason=exc.strerror or str(exc)
        ) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _bad(path, "-", "exchange.read.syntax", detail=str(exc)[:200]) from None
    return party_of(data, path, classes)


def party_of(data: Any, path: Path | str, classes: ClassList) -> Party:
    """A parsed exchange file (``data``) as a ``Party``, checked field by field; ``path``
    names where it came from (a file, or a hub board's entry) in messages."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _bad(path, "-", "exchange.read.bad_format", format=FORMAT)
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _bad(path, "version", "exchange.read.bad_version")
    if version > FORMAT_VERSION:
        raise _bad(
            path, "version", "exchange.read.newer_version", found=version, known=FORMAT_VERSION
        )
    enterprise_id = data.get("enterprise_id")
    if not isinstance(enterprise_id, str) or not enterprise_id.strip():
        raise _bad(path, "enterprise_id", "exchange.read.missing", field="enterprise_id")
    park = data.get("park")
    if not isinstance(park, str) or not park.strip():
        raise _bad(path, "park", "exchange.read.no_park")
    province = data.get("province", "")
    if not isinstance(province, str):
        raise _bad(path, "province", "exchange.read.not_text", field="province")
    location = _location(data.get("location"), path)
    items = data.get("items")
    if not isinstance(items, list):
        raise _bad(path, "items", "exchange.read.missing", field="items")
    return Party(
        key=enterprise_id.strip(),
        label=enterprise_id.strip(),
        park=park.strip(),
        province=province.strip(),
        items=tuple(_read_item(path, n, item, classes) for n, item in enumerate(items, 1)),
        location=location,
        source=str(path),
        anonymous=True,
    )


def _location(value: Any, path: Path | str) -> tuple[float, float] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _bad(path, "location", "exchange.read.bad_location")
    lat, lon = _number(value.get("latitude")), _number(value.get("longitude"))
    if lat is None or lon is None or not (-90 <= lat <= 90) or not (-180 <= lon <= 180):
        raise _bad(path, "location", "exchange.read.bad_location")
    return (lat, lon)


def _read_item(path: Path | str, number: int, item: Any, classes: ClassList) -> PartyItem:
    entry = f"#{number}"
    if not isinstance(item, dict):
        raise _bad(path, entry, "exchange.read.not_object")
    code = item.get("class")
    cls = classes.get(code) if isinstance(code, str) else None
    if cls is None:
        raise _bad(path, entry, "exchange.read.unknown_class", code=str(code or ""))
    entry = f"#{number} ({cls.code})"
    try:
        side = Side(str(item.get("side")))
    except ValueError:
        raise _bad(path, entry, "exchange.read.bad_side", side=str(item.get("side"))) from None
    unit = item.get("unit")
    if not isinstance(unit, str) or not unit.strip():
        raise _bad(path, entry, "exchange.read.missing", field="unit")
    for flag in ("hazardous", "hazardous_permit"):
        if flag in item and not isinstance(item[flag], bool):
            raise _bad(path, entry, "exchange.read.not_bool", field=flag)
    quantity, band = _quantity(path, entry, item)
    months = item.get("months", [])
    if not isinstance(months, list) or not all(
        isinstance(m, int) and not isinstance(m, bool) and 1 <= m <= 12 for m in months
    ):
        raise _bad(path, entry, "exchange.read.bad_months")
    notes = item.get("notes", "")
    if not isinstance(notes, str):
        raise _bad(path, entry, "exchange.read.not_text", field="notes")
    raw_cost = item.get("cost_per_year_vnd")
    cost: int | None = None
    if raw_cost is not None:
        amount = _number(raw_cost)
        if amount is None or amount != int(amount):
            raise _bad(
                path, entry, "exchange.read.bad_number", field="cost_per_year_vnd", value=raw_cost
            )
        cost = int(amount)
    return PartyItem(
        side=side,
        code=cls.code,
        unit=unit.strip(),
        quantity_per_year=quantity,
        months=tuple(sorted(set(months))),
        # The class list knows better than a file: a hazardous class stays hazardous.
        hazardous=bool(item.get("hazardous", False)) or cls.hazardous,
        notes=notes,
        cost_per_year_vnd=cost,
        hazardous_permit=side is Side.NEED and item.get("hazardous_permit", False) is True,
        quantity_band=band,
    )


def _quantity(
    path: Path | str, entry: str, item: dict[str, Any]
) -> tuple[float | None, tuple[float, float] | None]:
    if "quantity_per_year" in item and "quantity_band" in item:
        raise _bad(path, entry, "exchange.read.both_quantities")
    if "quantity_per_year" in item:
        value = item["quantity_per_year"]
        number = _number(value)
        if number is None or number < 0:
            raise _bad(
                path, entry, "exchange.read.bad_number", field="quantity_per_year", value=value
            )
        return number, None
    if "quantity_band" in item:
        value = item["quantity_band"]
        low = high = None
        if isinstance(value, list) and len(value) == 2:
            low, high = _number(value[0]), _number(value[1])
        if low is None or high is None or low < 0 or high < low:
            raise _bad(path, entry, "exchange.read.bad_number", field="quantity_band", value=value)
        return None, (low, high)
    return None, None


def read_exchanges(paths: Iterable[str | Path], classes: ClassList | None = None) -> list[Party]:
    """Several exchange files; ``UserError`` at the first bad one or at a second file of the
    same enterprise (the same anonymous id)."""
    parties: list[Party] = []
    seen: dict[str, str] = {}
    for path in paths:
        party = read_exchange(path, classes)
        if party.key in seen:
            raise duplicate_error(party, seen[party.key])
        seen[party.key] = party.source
        parties.append(party)
    return parties


def duplicate_error(party: Party, first: str) -> UserError:
    return UserError(duplicate_problem(party, first, Level.ERROR))


def duplicate_problem(party: Party, first: str, level: Level = Level.WARNING) -> Problem:
    return Problem(
        "exchange.read.duplicate",
        Location(file=party.source),
        {"entry": "enterprise_id", "id": party.key, "first": first},
        level,
    )
