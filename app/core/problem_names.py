"""A problem about an object of the audit, said with the object's name instead of its id.

``messages.render`` knows only the ``Location``: "stream 10a7a7fd…, field step_id". The
command line's ``check`` and any list a user reads name the object as the screens do: the
stream's or step's name, the finding's title and area, the option's code and title, a monthly
figure by its stream and month; the field and the kind of object in the message's language; a
fuel code or a walkthrough area by its label.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from app.core.errors import Location, Problem
from app.core.messages import DEFAULT_LANGUAGE, catalogue, month_label, render_location, text
from app.core.model import Audit

if TYPE_CHECKING:
    from app.core.templates import TemplateSet


def _pick(vi: str, en: str, lang: str) -> str:
    return (en or vi) if lang == "en" else (vi or en)


def _label(prefix: str, value: str, lang: str) -> str:
    """The catalogue's ``prefix.value`` in ``lang``, or ``value`` itself when there is none."""
    key = f"{prefix}.{value}"
    return text(key, lang) if key in catalogue() else value


def fuel_label(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A fuel code ("coal_bituminous") as the user reads it ("Than bitum")."""
    return _label("fuel", code, lang)


class Namer:
    """Names the objects of one audit for messages; templates (for the walkthrough's areas and
    questions) are loaded on first need."""

    def __init__(self, audit: Audit, template_set: TemplateSet | None = None):
        self.audit = audit
        self._templates = template_set
        self._index: dict[str, dict] | None = None

    def templates(self) -> TemplateSet:
        if self._templates is None:
            from app.core.templates import load_templates

            self._templates = load_templates()
        return self._templates

    def _objects(self, entity: str) -> dict:
        if self._index is None:
            a = self.audit
            lists: dict[str, list] = {
                "stream": a.streams,
                "step": a.steps,
                "flow": a.flows,
                "finding": a.findings,
                "option": a.options,
                "record": a.records,
                "production": a.production,
                "product": a.products,
                "override": a.overrides,
                "team": a.team,
                "photo": a.photos,
            }
            self._index = {k: {o.id: o for o in v} for k, v in lists.items()}
            # option problems are located by code when the option has one
            self._index["option"].update({o.code: o for o in a.options if o.code})
        return self._index.get(entity, {})

    def name(self, entity: str, entity_id: str, lang: str) -> str | None:
        """The object's name in ``lang`` (None when there is no such object)."""
        obj = self._objects(entity).get(entity_id)
        if obj is None:
            return None
        if entity in ("stream", "step", "product"):
            return _pick(obj.name_vi, obj.name_en, lang)
        if entity == "flow":
            return _pick(obj.name, obj.name_en, lang)
        if entity == "option":
            title = _pick(obj.title_vi, obj.title_en, lang)
            return f"{obj.code} {title}".strip()
        if entity == "finding":
            from app.core.templates import area_label, finding_title

            title = finding_title(self.templates(), obj, lang)
            if lang == "en" and (obj.title_en or obj.item_id):
                # the English title, else the checklist's English question over a Vietnamese
                # title (a free finding without an English title keeps its own)
                title = obj.title_en or finding_title(
                    self.templates(), replace(obj, title=""), lang
                )
            area = area_label(self.templates(), obj, lang)
            return text("loc.finding_in_area", lang, title=title, area=area) if area else title
        if entity == "record":
            stream = self.name("stream", obj.stream_id, lang) or obj.stream_id
            return text("loc.of_month", lang, name=stream, period=month_label(obj.period, lang))
        if entity == "production":
            product = self.name("product", obj.product_id, lang) or obj.product_id
            return text("loc.of_month", lang, name=product, period=month_label(obj.period, lang))
        if entity == "override":
            return obj.key
        if entity == "team":
            return obj.name
        return None

    def location(self, loc: Location, lang: str) -> str:
        """The location as ``render_location`` says it, with the object named."""
        if not loc.entity or loc.row:
            return render_location(loc, lang)
        parts = [render_location(Location(file=loc.file, sheet=loc.sheet), lang)]
        kind = _label("entity", loc.entity, lang)
        if loc.entity == "audit":
            parts.append(kind)
        else:
            name = self.name(loc.entity, loc.entity_id, lang)
            if name is None:
                parts.append(text("loc.entity", lang, entity=kind, id=loc.entity_id))
            else:
                parts.append(text("loc.entity_named", lang, entity=kind, name=name))
        if loc.field:
            parts.append(text("loc.field", lang, field=_label("field", loc.field, lang)))
        return ", ".join(p for p in parts if p)

    def params(self, problem: Problem, lang: str) -> dict:
        """The message's parameters with kinds, fuels and areas as labels."""
        params = dict(problem.params)
        if isinstance(params.get("target"), str):
            params["target"] = _label("entity", params["target"], lang)
        if problem.key == "validation.unknown_fuel_code" or isinstance(params.get("fuel"), str):
            for k in ("code", "fuel"):
                if isinstance(params.get(k), str):
                    params[k] = fuel_label(params[k], lang)
        return params

    def render(self, problem: Problem, lang: str = DEFAULT_LANGUAGE) -> str:
        """One translated line, like ``messages.render``, with the objects named."""
        message = text(problem.key, lang, **self.params(problem, lang))
        loc = problem.location
        if "name" in problem.params and problem.key.startswith("quality."):
            loc = replace(loc, entity="", entity_id="")  # the message names it already
        where = self.location(loc, lang)
        return f"{where}: {message}" if where else message


def render_named(
    problem: Problem,
    audit: Audit,
    lang: str = DEFAULT_LANGUAGE,
    template_set: TemplateSet | None = None,
) -> str:
    """``problem`` as one line naming the audit's objects (see ``Namer``)."""
    return Namer(audit, template_set).render(problem, lang)
