"""What an English report would show untranslated, and where its one mark goes.

One table (``PAIRS``) of the user texts a report prints, each a (kind, Vietnamese field, English
field) pair. The report snapshot builds its texts from it (``texts``, ``carries_mark``) and the
list the auditor sees before an English export (``untranslated``) reads the same table, so the
marks in the report and the list cannot disagree.

The rule, once per item: an item (an option, a finding, a product ...) whose English is missing
in one or more of its printed fields is marked "(untranslated)" once, after the first of those
fields in table order; its other Vietnamese fields are printed without a second mark.

Adding an English field is one line of ``PAIRS``; a field the model does not have (yet) reads as
empty, so its Vietnamese text counts as untranslated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from app.core.model import Audit
from app.core.narrative import section_keys, section_text, step_id_of
from app.core.options import is_rejected

VARIANTS = ("full", "summary", "confidential")
_LONG = ("full", "confidential")  # the summary prints only stream names and option titles


@dataclass(frozen=True)
class TextPair:
    kind: str  # "option", "finding" ... (``KINDS``)
    vi: str  # the model's Vietnamese attribute
    en: str  # the model's English attribute
    variants: tuple[str, ...] = _LONG  # the report variants that print it
    when: Callable[[Any, Audit, str], bool] | None = None  # (obj, audit, variant): printed


def in_confidential_team(organisation: str, enterprise_name: str) -> bool:
    """The confidential variant keeps (without their names) only the team members of another
    organisation than the enterprise (the auditors): the enterprise's own staff are dropped."""
    org = (organisation or "").strip().casefold()
    return bool(org) and not (enterprise_name and org == enterprise_name.strip().casefold())


def _member_printed(member: Any, audit: Audit, variant: str) -> bool:
    return variant != "confidential" or in_confidential_team(
        member.organisation, audit.info.enterprise.name
    )


def _rejected(option: Any, _audit: Audit, _variant: str) -> bool:
    return is_rejected(option)


def _overridden(option: Any, _audit: Audit, _variant: str) -> bool:
    return option.money_saving_override_vnd is not None


# Report order (first untranslated field of an item carries its mark).
PAIRS: tuple[TextPair, ...] = (
    TextPair("audit", "title", "title_en", ("full", "summary")),  # the cover; withheld
    TextPair("enterprise", "sector_name", "sector_name_en", ("full", "summary")),  # the cover
    TextPair("member", "role", "role_en", when=_member_printed),  # the cover's team table
    TextPair("member", "organisation", "organisation_en", when=_member_printed),
    TextPair("member", "department", "department_en", when=_member_printed),
    TextPair("product", "name_vi", "name_en"),
    TextPair("step", "name_vi", "name_en"),
    TextPair("flow", "name", "name_en"),
    TextPair("stream", "name_vi", "name_en", VARIANTS),
    TextPair("finding", "title", "title_en"),
    TextPair("finding", "note", "note_en"),
    TextPair("photo", "caption", "caption_en"),
    TextPair("option", "title_vi", "title_en", VARIANTS),
    TextPair("option", "description_vi", "description_en"),
    TextPair("option", "rejection_reason", "rejection_reason_en", when=_rejected),
    TextPair("option", "override_reason", "override_reason_en", ("full",), when=_overridden),
    TextPair("narrative", "vi", "en"),
)


@dataclass(frozen=True)
class Kind:
    screen: str  # the phase screen that edits it (``app.ui.phases`` key)
    items: Callable[[Audit], Iterable[Any]]
    code: Callable[[Any], str]  # what names it in the list


@dataclass(frozen=True)
class NarrativeSection:
    """A narrative section as an object of the table (fields ``vi`` and ``en``)."""

    id: str  # the section key ("enterprise", "cause:<step id>" ...)
    vi: str
    en: str


def _sections(audit: Audit) -> list[NarrativeSection]:
    narrative = audit.info.narrative or {}
    return [
        NarrativeSection(
            key, section_text(narrative, key, "vi"), section_text(narrative, key, "en")
        )
        for key in section_keys(audit)
    ]


def _ordered(attr: str) -> Callable[[Audit], list]:
    return lambda audit: sorted(getattr(audit, attr), key=lambda x: x.position)


def _photos(audit: Audit) -> list:
    """Photos in report order: finding by finding (a photo without its finding is not printed)."""
    order = {f.id: f.position for f in audit.findings}
    return sorted(
        (p for p in audit.photos if p.finding_id in order),
        key=lambda p: (order[p.finding_id], p.position),
    )


KINDS: dict[str, Kind] = {
    "audit": Kind("enterprise", lambda a: [a.info], lambda i: i.title),
    "enterprise": Kind("enterprise", lambda a: [a.info.enterprise], lambda e: e.name),
    "member": Kind("enterprise", _ordered("team"), lambda m: m.name),
    "product": Kind("products", _ordered("products"), lambda p: p.name_vi),
    "step": Kind("products", _ordered("steps"), lambda s: s.name_vi),
    "flow": Kind("products", _ordered("flows"), lambda f: f.name),
    "stream": Kind("baselines", _ordered("streams"), lambda s: s.name_vi),
    "finding": Kind("walkthrough", _ordered("findings"), lambda f: f.title or f.area),
    "photo": Kind("walkthrough", _photos, lambda p: p.caption),
    "option": Kind(
        "options",
        lambda a: sorted(a.options, key=lambda o: (o.position, o.code)),
        lambda o: o.code,
    ),
    "narrative": Kind("narrative", _sections, lambda s: s.id),
}


def is_missing(vi: str, en: str) -> bool:
    """The English is missing: the Vietnamese stands in (and is marked)."""
    return bool((vi or "").strip()) and not (en or "").strip()


def pair(kind: str, vi_field: str) -> TextPair:
    for p in PAIRS:
        if p.kind == kind and p.vi == vi_field:
            return p
    raise KeyError((kind, vi_field))


def texts(obj: Any, kind: str, vi_field: str) -> tuple[str, str]:
    """(Vietnamese, English) of one field of ``obj`` as the table pairs them."""
    p = pair(kind, vi_field)
    return str(getattr(obj, p.vi, "") or ""), str(getattr(obj, p.en, "") or "")


def _printed(p: TextPair, obj: Any, audit: Audit | None, variant: str) -> bool:
    if variant not in p.variants:
        return False
    return p.when is None or audit is None or p.when(obj, audit, variant)


def missing_fields(
    obj: Any, kind: str, variant: str = "full", audit: Audit | None = None
) -> list[TextPair]:
    """The fields of ``obj`` that ``variant`` prints in Vietnamese in an English report
    (``audit``: for the rules that depend on it; None: every field the variant prints)."""
    return [
        p
        for p in PAIRS
        if p.kind == kind
        and _printed(p, obj, audit, variant)
        and is_missing(str(getattr(obj, p.vi, "") or ""), str(getattr(obj, p.en, "") or ""))
    ]


def carries_mark(
    obj: Any, kind: str, vi_field: str, variant: str = "full", audit: Audit | None = None
) -> bool:
    """True when this field carries the item's one "(untranslated)" mark."""
    fields = missing_fields(obj, kind, variant, audit)
    return bool(fields) and fields[0].vi == vi_field


@dataclass(frozen=True)
class Untranslated:
    """One item an English report would show (partly) in Vietnamese."""

    kind: str
    id: str  # the object's id (a narrative section: its key)
    code: str  # its code or name, as the list shows it
    fields: tuple[str, ...]  # the Vietnamese fields shown untranslated; the first is marked
    text: str  # the Vietnamese text of the marked field (what the report prints before the mark)
    screen: str  # where it is edited
    parent_id: str = ""  # a flow's or a narrative cause's step, a photo's finding


def untranslated(audit: Audit, variant: str = "full") -> list[Untranslated]:
    """Every item the English report of ``variant`` marks untranslated, in report order."""
    if variant not in VARIANTS:
        raise ValueError(variant)
    out = []
    for kind, k in KINDS.items():
        for obj in k.items(audit):
            fields = missing_fields(obj, kind, variant, audit)
            if not fields:
                continue
            parent = {
                "flow": lambda o: o.step_id,
                "narrative": lambda o: step_id_of(o.id) or "",
                "photo": lambda o: o.finding_id,
            }.get(kind, lambda o: "")(obj)
            out.append(
                Untranslated(
                    kind=kind,
                    id=getattr(obj, "id", ""),  # the enterprise has no id of its own
                    code=k.code(obj),
                    fields=tuple(p.vi for p in fields),
                    text=str(getattr(obj, fields[0].vi)),
                    screen=k.screen,
                    parent_id=parent,
                )
            )
    return out


def describe(item: Untranslated, audit: Audit, lang: str) -> dict[str, str]:
    """The item as the list shows it in ``lang``: kind, name, fields, where it is edited."""
    from app.core.messages import text
    from app.core.narrative import CONCLUSIONS, ENTERPRISE, FOCUS

    name = item.code
    if item.kind == "narrative":
        heading = {
            ENTERPRISE: "report.h.enterprise",
            FOCUS: "report.h.focus",
            CONCLUSIONS: "report.h.conclusions",
        }
        if item.id in heading:
            name = text(heading[item.id], lang)
        else:
            step = next((s for s in audit.steps if s.id == item.parent_id), None)
            step_name = (step.name_en or step.name_vi) if step and lang == "en" else ""
            step_name = step_name or (step.name_vi if step else "")
            name = f"{text('report.h.causes', lang)}: {step_name}"
    elif item.kind == "option":
        option = next((o for o in audit.options if o.id == item.id), None)
        if option is not None:
            title = (option.title_en or option.title_vi) if lang == "en" else option.title_vi
            name = f"{item.code} {title}".strip()
    elif item.kind == "photo":
        finding = next((f for f in audit.findings if f.id == item.parent_id), None)
        if finding is not None and finding.title:
            name = f"{finding.title} › {item.code}"
    elif item.kind == "flow":
        step = next((s for s in audit.steps if s.id == item.parent_id), None)
        if step is not None:
            step_name = (step.name_en or step.name_vi) if lang == "en" else step.name_vi
            name = f"{step_name} › {item.code}"
    return {
        "kind": text(f"untranslated.kind.{item.kind}", lang),
        "name": " ".join(name.split()),
        "fields": ", ".join(text(f"untranslated.field.{item.kind}.{f}", lang) for f in item.fields),
        "where": text(f"untranslated.where.{item.screen}", lang),
    }
