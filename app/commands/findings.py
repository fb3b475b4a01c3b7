"""``python -m app findings PATH [--json]``: the walkthrough findings of an audit.

Checklist findings are shown with their template's area and question in the chosen language;
free findings with what the auditor typed. The JSON keeps the stored codes (answer, severity,
category) beside the translated labels so scripts need not parse text.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.commands import add_lang_option, add_path_argument
from app.core.messages import DEFAULT_LANGUAGE, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "findings",
        help=text("cli.findings.help", lang),
        description=text("cli.findings.description", lang),
    )
    add_path_argument(p, lang)
    p.add_argument("--json", action="store_true", help=text("cli.json.help", lang))
    p.add_argument("--issues", action="store_true", help=text("cli.findings.issues", lang))
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def findings_list(audit, lang: str, template_set=None) -> list[dict[str, Any]]:
    """One JSON-able row per finding, in walkthrough order."""
    from app.core.messages import text
    from app.core.templates import area_label, finding_order, finding_title, load_templates

    template_set = template_set or load_templates()
    steps = {s.id: s for s in audit.steps}
    photos: dict[str, int] = {}
    for photo in audit.photos:
        photos[photo.finding_id] = photos.get(photo.finding_id, 0) + 1
    rows = []
    for f in finding_order(template_set, audit.findings):
        step = steps.get(f.step_id) if f.step_id else None
        step_name = ""
        if step:
            step_name = (step.name_en or step.name_vi) if lang == "en" else step.name_vi
        rows.append(
            {
                "id": f.id,
                "template_id": f.template_id,
                "item_id": f.item_id,
                "area": f.area,
                "area_label": area_label(template_set, f, lang),
                "title": finding_title(template_set, f, lang),
                "answer": f.answer.value,
                "answer_label": text(f"walk.answer.{f.answer.value}", lang),
                "severity": f.severity.value if f.severity else None,
                "severity_label": text(f"walk.severity.{f.severity.value}", lang)
                if f.severity
                else "",
                "category": f.cp_category.value if f.cp_category else None,
                "category_label": text(f"walk.cpcat.{f.cp_category.value}", lang)
                if f.cp_category
                else "",
                "step_id": f.step_id,
                "step": step_name,
                "stream_id": f.stream_id,
                "note": f.note,
                "photos": photos.get(f.id, 0),
            }
        )
    return rows


def run(args: argparse.Namespace) -> int:
    from app.core.messages import text
    from app.store.auditfile import AuditFile

    with AuditFile.open(args.path, read_only=True, backup=False) as af:
        audit = af.load()
    rows = findings_list(audit, args.lang)
    if args.issues:
        rows = [r for r in rows if r["answer"] == "issue" or not r["item_id"]]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print(text("findings.none", args.lang))
        return 0
    print(text("findings.header", args.lang))
    for r in rows:
        item = r["item_id"] or text("walk.free_finding", args.lang)
        cells = [
            r["area_label"],
            f"{item} — {r['title']}" if r["title"] else item,
            r["answer_label"],
            r["severity_label"] or "–",
            r["category_label"] or "–",
            r["step"] or "–",
            " ".join(r["note"].split()) or "–",
            str(r["photos"]),
        ]
        print(" | ".join(cells))
    print(
        text(
            "findings.summary",
            args.lang,
            count=len(rows),
            issues=sum(1 for r in rows if r["answer"] == "issue"),
            unchecked=sum(1 for r in rows if r["answer"] == "not_checked"),
            photos=sum(r["photos"] for r in rows),
        )
    )
    return 0
