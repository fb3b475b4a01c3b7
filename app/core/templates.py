"""Walkthrough checklist templates: loading and validating ``audit_templates/*.toml``.

A template is data written by a VNCPC expert, not by a programmer (see
``audit_templates/README.md``), so the loader never trusts it: every mistake becomes a
``Problem`` naming the file and the item, and a template with any error is not offered to the
auditor. TOML because ``tomllib`` is in the standard library (no YAML dependency) and its syntax
errors carry a line number.

Findings refer to templates by ``template_id`` + ``item_id`` and store the *area id* in
``Finding.area``; ``area_label`` and ``finding_title`` turn those back into text in either
language, falling back to what is stored when a template is missing.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import Level, Location, Problem
from app.core.model import ChecklistAnswer, CPCategory, Finding
from app.paths import data_path

LANGS = ("vi", "en")
ID_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
AREA_ID_RE = re.compile(r"^[a-z0-9_]+$")
ITEM_TEXT_FIELDS = ("question", "look_for", "option_idea")


@dataclass(frozen=True)
class Text:
    """One text in both languages."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.vi


@dataclass(frozen=True)
class TemplateItem:
    id: str
    area_id: str
    question: Text
    look_for: Text
    category: CPCategory
    option_idea: Text


@dataclass(frozen=True)
class TemplateArea:
    id: str
    name: Text
    items: tuple[TemplateItem, ...] = ()


@dataclass(frozen=True)
class Template:
    id: str
    version: str
    name: Text
    sectors: tuple[str, ...]  # VSIC 2018 codes (prefixes): "13" covers 1311..1399
    areas: tuple[TemplateArea, ...]
    description: Text = Text("", "")
    file: str = ""

    @property
    def items(self) -> list[TemplateItem]:
        return [item for area in self.areas for item in area.items]

    def item(self, item_id: str) -> TemplateItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def area(self, area_id: str) -> TemplateArea | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def fits_sector(self, vsic: str) -> bool:
        """True for a general template (no sectors) or when ``vsic`` starts with a listed code."""
        return not self.sectors or any(vsic.startswith(code) for code in self.sectors if vsic)


@dataclass
class TemplateSet:
    """Every template that loaded cleanly, and the problems of those that did not."""

    templates: list[Template] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, template_id: str) -> Template | None:
        return next((t for t in self.templates if t.id == template_id), None)

    def for_sector(self, vsic: str) -> list[Template]:
        return [t for t in self.templates if t.fits_sector(vsic)]


MAX_TEMPLATE_BYTES = 1_000_000  # one template file (the largest bundled one is 55 kB)
MAX_TEXT_CHARS = 2_000  # one text of a template (the longest bundled one is 135 characters)


def templates_dir() -> Path:
    return data_path("audit_templates")


def _problem(key: str, file: str, field_name: str = "", **params) -> Problem:
    return Problem(key, Location(file=file, field=field_name), params)


class _Reader:
    """Collects problems while reading one template file."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, key: str, field_name: str = "", **params) -> None:
        self.problems.append(_problem(key, self.file, field_name, **params))

    def text(self, raw: object, owner: str, field_name: str) -> Text:
        """A ``{vi = ..., en = ...}`` table; each language present, non-empty and NFC."""
        if raw is None:
            self.add("template.missing_field", field_name, item=owner)
            return Text("", "")
        if not isinstance(raw, dict):
            self.add("template.not_bilingual", field_name, item=owner)
            return Text("", "")
        values = {}
        for lang in LANGS:
            value = raw.get(lang)
            if not isinstance(value, str) or not value.strip():
                self.add("template.missing_translation", field_name, item=owner, lang=lang)
                value = ""
            elif len(value) > MAX_TEXT_CHARS:
                # a checklist text is a line or two; megabytes would stall every list showing it
                self.add(
                    "template.text_too_long",
                    field_name,
                    item=owner,
                    lang=lang,
                    length=len(value),
                    limit=MAX_TEXT_CHARS,
                )
                value = ""
            elif unicodedata.normalize("NFC", value) != value:
                # Decomposed marks look identical but break search and sorting.
                self.add("template.not_nfc", field_name, item=owner, lang=lang)
            values[lang] = value.strip() if isinstance(value, str) else ""
        return Text(values["vi"], values["en"])


def parse_template(data: dict, file: str) -> tuple[Template | None, list[Problem]]:
    """A template from parsed TOML ``data``; ``None`` when it has any error."""
    r = _Reader(file)
    header = "template"
    template_id = data.get("id")
    if not isinstance(template_id, str) or not ID_RE.match(template_id):
        r.add("template.bad_id", "id", item=header, id=str(template_id or ""))
        template_id = ""
    version = data.get("version")
    if not isinstance(version, str | int | float) or str(version).strip() == "":
        r.add("template.missing_field", "version", item=header)
    name = r.text(data.get("name"), header, "name")
    description = (
        r.text(data["description"], header, "description")
        if "description" in data
        else Text("", "")
    )
    sectors = data.get("sectors", [])
    if not isinstance(sectors, list) or not all(
        isinstance(s, str) and s.isdigit() for s in sectors
    ):
        r.add("template.bad_sectors", "sectors", item=header)
        sectors = []

    areas_raw = data.get("areas")
    if not isinstance(areas_raw, list) or not areas_raw:
        r.add("template.no_areas", "areas", item=header)
        areas_raw = []
    area_names: dict[str, Text] = {}
    for raw in areas_raw:
        if not isinstance(raw, dict):
            r.add("template.missing_field", "areas", item=header)
            continue
        area_id = raw.get("id")
        if not isinstance(area_id, str) or not AREA_ID_RE.match(area_id):
            r.add("template.bad_id", "id", item=str(area_id or "?"), id=str(area_id or ""))
            continue
        if area_id in area_names:
            r.add("template.duplicate_id", "id", item=area_id)
            continue
        area_names[area_id] = r.text(raw.get("name"), area_id, "name")

    items_raw = data.get("items")
    if not isinstance(items_raw, list) or not items_raw:
        r.add("template.no_items", "items", item=header)
        items_raw = []
    by_area: dict[str, list[TemplateItem]] = {a: [] for a in area_names}
    seen: set[str] = set()
    for index, raw in enumerate(items_raw, start=1):
        if not isinstance(raw, dict):
            continue
        item_id = raw.get("id")
        owner = item_id if isinstance(item_id, str) and item_id else f"#{index}"
        if not isinstance(item_id, str) or not ID_RE.match(item_id):
            r.add("template.bad_id", "id", item=owner, id=str(item_id or ""))
        elif item_id in seen:
            r.add("template.duplicate_id", "id", item=item_id)
        else:
            seen.add(item_id)
        area_id = raw.get("area")
        if area_id not in area_names:
            r.add("template.unknown_area", "area", item=owner, area=str(area_id or ""))
        category_raw = raw.get("category")
        try:
            category = CPCategory(str(category_raw))  # None -> "None": unknown too
        except ValueError:
            r.add(
                "template.unknown_category",
                "category",
                item=owner,
                category=str(category_raw or ""),
                known=", ".join(c.value for c in CPCategory),
            )
            category = CPCategory.GOOD_HOUSEKEEPING
        texts = {name: r.text(raw.get(name), owner, name) for name in ITEM_TEXT_FIELDS}
        unknown = set(raw) - {"id", "area", "category", *ITEM_TEXT_FIELDS}
        for key in sorted(unknown):
            r.problems.append(
                Problem(
                    "template.unknown_key",
                    Location(file=file, field=key),
                    {"item": owner},
                    Level.WARNING,
                )
            )
        if area_id in by_area and isinstance(item_id, str):
            by_area[area_id].append(TemplateItem(item_id, area_id, category=category, **texts))

    for area_id, items in by_area.items():
        if not items and area_id:
            r.add("template.empty_area", "areas", item=area_id)

    if any(p.is_error for p in r.problems):
        return None, r.problems
    template = Template(
        id=template_id,
        version=str(version),
        name=name,
        sectors=tuple(sectors),
        areas=tuple(TemplateArea(a, area_names[a], tuple(by_area[a])) for a in area_names),
        description=description,
        file=file,
    )
    return template, r.problems


def load_template(path: Path) -> tuple[Template | None, list[Problem]]:
    """One template file; ``None`` with problems when it cannot be used.

    A file over ``MAX_TEMPLATE_BYTES`` is refused unread (the largest bundled one is 55 kB).
    """
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            kb = MAX_TEMPLATE_BYTES // 1000
            return None, [_problem("template.too_large", path.name, size=size // 1000, limit=kb)]
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        return None, [_problem("template.syntax", path.name, detail=str(exc))]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [_problem("template.unreadable", path.name, detail=str(exc))]
    return parse_template(data, path.name)


def load_templates(folder: Path | None = None) -> TemplateSet:
    """Every ``*.toml`` template in ``folder`` (default: the bundled ``audit_templates``).

    Ids must be unique across files (findings refer to them), so a second file reusing a
    template id or an item id is refused.
    """
    folder = folder or templates_dir()
    result = TemplateSet()
    item_owner: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        template, problems = load_template(path)
        result.problems.extend(problems)
        if template is None:
            continue
        if (other := result.get(template.id)) is not None:
            result.problems.append(
                _problem(
                    "template.duplicate_template",
                    path.name,
                    "id",
                    id=template.id,
                    other=other.file,
                )
            )
            continue
        clash = [i.id for i in template.items if i.id in item_owner]
        if clash:
            result.problems.append(
                _problem(
                    "template.duplicate_id_across",
                    path.name,
                    "id",
                    item=clash[0],
                    other=item_owner[clash[0]],
                )
            )
            continue
        item_owner.update({i.id: path.name for i in template.items})
        result.templates.append(template)
    return result


def area_label(template_set: TemplateSet, finding: Finding, lang: str) -> str:
    """The finding's area in ``lang``: the template's name for it, else the stored text."""
    template = template_set.get(finding.template_id) if finding.template_id else None
    if template is None:
        # A free finding may use an area of any template in use.
        for t in template_set.templates:
            if area := t.area(finding.area):
                return area.name.get(lang)
        return finding.area
    area = template.area(finding.area)
    return area.name.get(lang) if area else finding.area


def finding_title(template_set: TemplateSet, finding: Finding, lang: str) -> str:
    """The finding's own title when it has one, else its checklist question in ``lang``."""
    if finding.title:
        return finding.title
    template = template_set.get(finding.template_id)
    item = template.item(finding.item_id) if template and finding.item_id else None
    return item.question.get(lang) if item else finding.item_id


def finding_order(template_set: TemplateSet, findings: list[Finding]) -> list[Finding]:
    """Findings in walkthrough order: templates as listed, their areas and items in file order,
    then free findings by position."""
    rank: dict[tuple[str, str], int] = {}
    for t_index, template in enumerate(template_set.templates):
        for i_index, item in enumerate(template.items):
            rank[(template.id, item.id)] = t_index * 10_000 + i_index
    last = len(template_set.templates) * 10_000
    return sorted(
        findings,
        key=lambda f: (rank.get((f.template_id, f.item_id), last), f.position, f.area, f.title),
    )


def area_progress(template: Template, findings: list[Finding]) -> dict[str, tuple[int, int]]:
    """Per area of ``template``: (items answered, items in the area). "Answered" is anything but
    not-checked, so not-applicable counts as done."""
    answered = {
        f.item_id
        for f in findings
        if f.template_id == template.id and f.item_id and f.answer != ChecklistAnswer.NOT_CHECKED
    }
    return {
        area.id: (sum(1 for i in area.items if i.id in answered), len(area.items))
        for area in template.areas
    }
