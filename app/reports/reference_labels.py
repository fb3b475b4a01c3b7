"""What the annex prints for a reference value: a translated label (never the internal key),
a translated unit, the source as a translated note where the shipped text is prose (a
Vietnamese document's title with its English gloss, ``source_en``, in English), and no
"(verify)" to-do. Messages in resources/messages/report_references.toml."""

from __future__ import annotations

from app.core.messages import catalogue, text
from app.core.reference import RefValue
from app.reports.rows import Text2

_FUEL_KINDS = ("ncv", "ef_co2", "ef_ch4", "ef_n2o", "density", "toe_vn")
# shipped English prose (source or note, by its start) -> the note that says it in both languages
_SOURCES = (
    ("Project default", "project_default"),
    ("VNCPC report practice", "vncpc_practice"),
    ("Typical density", "typical_density"),
    ("IPCC 2006 Guidelines Vol. 2 ch. 1", "ipcc_energy"),
    ("IPCC 2006 Guidelines Vol. 2 ch. 2", "ipcc_stationary"),
    ("IPCC Fifth Assessment", "ar5"),
    ("IEA: 1 toe", "iea"),
    ("IPCC 2006 Guidelines Vol. 5", "ipcc_waste"),
    ("Assumption of this application (RECP Audit): the waste is all", "symbiosis_landfill"),
    ("Assumption of this application (RECP Audit)", "symbiosis_heat"),
)
_NOTES = (
    ("adjustable per audit", "adjustable"),
    ("biogenic CO2: reported separately", "biogenic"),
    ("reactive-power charge", "reactive_charge"),
    ("public transcriptions of the annex", "tariff_transcriptions"),
    ("from memory", "tariff_check"),
    ("excluding VAT", "excluding_vat"),
    ("Threshold unchanged by Decree 30/2026", "decree_30_same"),
    ("lower bound shipped", "lower_bound"),
    ("No official 2024 value", "grid_2024"),
)


def has_text(key: str) -> bool:
    return key in catalogue()


def _both(key: str, **params) -> Text2:
    return Text2(text(key, "vi", **params), text(key, "en", **params))


def _composed(key: str, plain: dict[str, str] | None = None, **parts: str) -> Text2:
    """Message ``key`` in both languages, each of ``parts`` (a message key) translated into
    the same language, ``plain`` values (a code) as they are."""
    vi, en = (
        text(key, lang, **(plain or {}), **{p: text(k, lang) for p, k in parts.items()})
        for lang in ("vi", "en")
    )
    return Text2(vi, en)


def label(key: str) -> Text2:
    """``ncv.coal_bituminous`` -> "Nhiệt trị thấp của than bitum" / "Net calorific value of
    bituminous coal"; the key itself only for a key no message knows."""
    kind, _, rest = key.partition(".")
    if kind in _FUEL_KINDS and rest:
        fuel, _, extra = rest.partition(".")
        if has_text(f"ref.fuel.{fuel}"):
            which = f"ref.kind.{kind}_volume" if extra == "volume" else f"ref.kind.{kind}"
            return _composed(which, fuel=f"ref.fuel.{fuel}")
    if kind == "tariff" and rest.startswith("manufacturing."):
        _, voltage, period = rest.split(".", 2)
        if has_text(f"ref.voltage.{voltage}") and has_text(f"ref.period.{period}"):
            return _composed(
                "ref.kind.tariff", voltage=f"ref.voltage.{voltage}", period=f"ref.period.{period}"
            )
    if kind == "symbiosis" and rest.startswith("heat_displaces."):
        code, _, fuel = rest.partition(".")[2].rpartition(".")
        if has_text(f"ref.fuel.{fuel}"):
            return _composed("ref.kind.heat_displaces", {"code": code}, fuel=f"ref.fuel.{fuel}")
    if kind == "symbiosis" and rest.startswith("landfill_diverts."):
        code, _, waste = rest.partition(".")[2].rpartition(".")
        if has_text(f"symbiosis.match.ipcc_waste.{waste}"):
            return _composed(
                "ref.kind.landfill_diverts",
                {"code": code},
                kind=f"symbiosis.match.ipcc_waste.{waste}",
            )
    if has_text(f"ref.key.{key}"):
        return _both(f"ref.key.{key}")
    return Text2(key, key)


def unit(raw: str) -> Text2:
    return _both(f"ref.unit.{raw}") if has_text(f"ref.unit.{raw}") else Text2(raw, raw)


def scale(raw_unit: str) -> float:
    """A share is printed in % (0.05 -> 5)."""
    return 100.0 if raw_unit == "fraction" else 1.0


def source(ref: RefValue) -> Text2:
    """The citation, translated where the shipped text is prose, then the notes; the shipped
    "(verify)" to-dos are never printed."""
    parts: list[Text2] = []
    known = next((k for start, k in _SOURCES if ref.source.startswith(start)), None)
    if known:
        parts.append(_both(f"ref.note.{known}"))
    elif ref.source:  # a Vietnamese document keeps its title; English adds the gloss
        gloss = f"{ref.source} ({ref.source_en})" if ref.source_en else ref.source
        parts.append(Text2(ref.source, gloss))
    note = ref.note.replace("(verify)", "").strip(" ;")
    for start, key in _NOTES:
        if start in note:
            if _both(f"ref.note.{key}") not in parts:
                parts.append(_both(f"ref.note.{key}"))
            break
    else:
        # an IPCC fuel name repeats the label; an English remark the known source covers
        covered = known in (
            "ipcc_energy",
            "ipcc_stationary",
            "ar5",
            "iea",
            "typical_density",
            "symbiosis_heat",
            "ipcc_waste",
            "symbiosis_landfill",
        )
        if note and not covered:
            parts.append(Text2(note, note))
    return Text2(" — ".join(p.vi for p in parts if p.vi), " — ".join(p.en for p in parts if p.en))
