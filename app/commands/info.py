"""``python -m app info PATH [--json]``: what an audit file holds, at a glance.

``info_dict`` is the one place that decides the JSON: other areas add sections through
``SECTIONS`` (name -> function of the loaded ``Audit`` returning something JSON-able).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable
from typing import Any

from app.commands import add_lang_option, add_path_argument
from app.core import model
from app.core.messages import DEFAULT_LANGUAGE, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "info",
        help=text("cli.info.help", lang),
        description=text("cli.info.description", lang),
    )
    add_path_argument(p, lang)
    p.add_argument("--json", action="store_true", help=text("cli.json.help", lang))
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def _indicators_section(audit: model.Audit) -> Any:
    from app.core import indicators  # the domain-core engineer's module

    return indicators.indicators_as_dict(audit)


# Extra JSON sections: name -> function(audit). Indicators join when their module exists.
SECTIONS: dict[str, Callable[[model.Audit], Any]] = {}
if importlib.util.find_spec("app.core.indicators") is not None:
    SECTIONS["indicators"] = _indicators_section


def stream_totals(audit: model.Audit) -> list[dict[str, Any]]:
    """Per stream: quantity and cost over the baseline year (all records when no baseline).

    Cost: ``app.core.costs.stream_cost`` (invoice total, else quantity x unit price).
    """
    from app.core.costs import stream_cost

    periods = set(audit.baseline_periods())
    out = []
    for stream in audit.streams:
        records = [r for r in audit.records_of(stream.id) if not periods or r.period in periods]
        quantity = sum(r.quantity or 0.0 for r in records)
        cost = stream_cost(stream, records)
        out.append(
            {
                "id": stream.id,
                "kind": stream.kind.value,
                "name_vi": stream.name_vi,
                "name_en": stream.name_en,
                "unit": stream.unit,
                "periods": len(records),
                "quantity": quantity,
                "cost_vnd": cost.vnd,
                "cost_complete": cost.complete,
            }
        )
    return out


def info_dict(af, audit: model.Audit) -> dict[str, Any]:
    """Everything ``info`` shows, JSON-able. ``af`` is the open ``AuditFile``."""
    from app.store import codec, schema

    meta = af.meta()
    data: dict[str, Any] = {
        "file": str(af.path),
        "schema_version": af.schema_version,
        "app_version_created": meta.get("app_version_created"),
        "app_version_written": meta.get("app_version_written"),
        "created": meta.get("created"),
        "modified": meta.get("modified"),
        # Why the file could not be edited now (info itself always reads read-only).
        "read_only_reason": (
            af.read_only_reason.key
            if af.read_only_reason and af.read_only_reason.key != "store.readonly.requested"
            else None
        ),
        "title": audit.info.title,
        "enterprise": codec.encode(audit.info.enterprise),
        "baseline_start": audit.info.baseline_start,
        "baseline_months": audit.info.baseline_months,
        "counts": {attr: len(getattr(audit, attr)) for attr in schema.AUDIT_ATTR.values()},
        "streams": stream_totals(audit),
    }
    for name, section in SECTIONS.items():
        data[name] = section(audit)
    return data


def run(args: argparse.Namespace) -> int:
    from app.core.messages import render, text
    from app.store.auditfile import AuditFile

    lang = args.lang
    with AuditFile.open(args.path, read_only=True, backup=False) as af:
        audit = af.load()
        data = info_dict(af, audit)
        reason = af.read_only_reason
    if reason is not None and reason.key != "store.readonly.requested":
        print(text("info.read_only", lang, reason=render(reason, lang)), file=sys.stderr)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print("\n".join(format_text(data, lang)))
    return 0


def format_text(data: dict[str, Any], lang: str) -> list[str]:
    """The human-readable report, numbers formatted the way ``lang`` writes them."""
    from babel.numbers import format_decimal

    from app.core.messages import text

    locale = "vi_VN" if lang == "vi" else "en_US"

    def num(value: float | int | None) -> str:
        if value is None:
            return "—"
        return format_decimal(value, format="#,##0.###", locale=locale)

    ent = data["enterprise"]
    lines = [
        text("info.title", lang, path=data["file"]),
        text(
            "info.schema",
            lang,
            version=data["schema_version"],
            created_by=data["app_version_created"] or "?",
            modified=(data["modified"] or "?")[:19].replace("T", " "),
        ),
    ]
    if data["title"]:
        lines.append(text("info.audit_title", lang, title=data["title"]))
    lines.append(text("info.enterprise", lang, name=ent.get("name") or "—"))
    lines.append(
        text(
            "info.enterprise_where",
            lang,
            park=ent.get("industrial_park") or "—",
            province=ent.get("province") or "—",
            sector=" ".join(filter(None, [ent.get("sector_vsic"), ent.get("sector_name")])) or "—",
        )
    )
    if data["baseline_start"]:
        lines.append(
            text(
                "info.baseline", lang, start=data["baseline_start"], months=data["baseline_months"]
            )
        )
    lines.append(text("info.counts", lang))
    for kind, count in data["counts"].items():
        lines.append(f"  {text(f'info.kind.{kind}', lang)}: {num(count)}")
    lines.append(text("info.totals", lang))
    if not data["streams"]:
        lines.append("  " + text("info.no_streams", lang))
    for s in data["streams"]:
        name = (s["name_en"] or s["name_vi"]) if lang == "en" else s["name_vi"]
        lines.append(
            "  "
            + text(
                "info.stream_line",
                lang,
                name=name,
                quantity=num(s["quantity"]),
                unit=s["unit"],
                cost=num(s["cost_vnd"]),
                periods=s["periods"],
            )
        )
    return lines
