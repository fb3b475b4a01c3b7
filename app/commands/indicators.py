"""``python -m app indicators PATH [--json]``: an audit's indicators as a readable table.

Numbers are written the way the chosen language writes them (Babel): Vietnamese ``1.234.567,5``,
English ``1,234,567.5``. ``--json`` prints ``indicators_as_dict`` (the same data ``info --json``
carries).
"""

from __future__ import annotations

import argparse
import json
import sys

from app.commands import add_lang_option, add_path_argument
from app.core.messages import DEFAULT_LANGUAGE, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "indicators",
        help=text("cli.indicators.help", lang),
        description=text("cli.indicators.description", lang),
    )
    add_path_argument(p, lang)
    p.add_argument("--json", action="store_true", help=text("cli.indicators.json", lang))
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core.indicators import compute_indicators, indicators_as_dict
    from app.store.auditfile import AuditFile

    with AuditFile.open(args.path, read_only=True, backup=False) as af:
        audit = af.load()
    if args.json:
        json.dump(indicators_as_dict(audit), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print("\n".join(format_indicators(audit, compute_indicators(audit), args.lang)))
    return 0


def _table(header: list[str], rows: list[list[str]], numeric_from: int = 1) -> list[str]:
    """Rows padded to column widths: text left-aligned, numbers right-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i >= numeric_from else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def format_indicators(audit, ind, lang: str) -> list[str]:
    """The indicators as text lines in ``lang``."""
    from babel.numbers import format_decimal

    from app.core.messages import text

    locale = "vi_VN" if lang == "vi" else "en_US"

    def num(value, pattern: str = "#,##0.##") -> str:
        if value is None:
            return "—"
        return format_decimal(value, format=pattern, locale=locale)

    def pct(value) -> str:
        return (
            "—"
            if value is None
            else format_decimal(value * 100, format="0.0", locale=locale) + " %"
        )

    names = {s.id: (s.name_en or s.name_vi) if lang == "en" else s.name_vi for s in audit.streams}
    products = {
        p.id: (p.name_en or p.name_vi) if lang == "en" else p.name_vi for p in audit.products
    }
    products[""] = text("report.plant_level", lang)  # a stream not allocated to products
    steps = {s.id: (s.name_en or s.name_vi) if lang == "en" else s.name_vi for s in audit.steps}
    first, last = (ind.periods[0], ind.periods[-1]) if ind.periods else ("—", "—")
    out = [
        text("indicators.title", lang, name=audit.info.enterprise.name or audit.info.title or "—"),
        text("indicators.baseline", lang, first=first, last=last, year=ind.reference_year or "—"),
        "",
        text("indicators.section.streams", lang),
    ]
    rows = [
        [
            names.get(s.stream_id, ""),
            text(f"indicators.kind.{s.kind}", lang),
            s.unit,
            num(s.quantity),
            num(s.cost_vnd, "#,##0"),
            pct(s.cost_share),
            num(s.energy_gj, "#,##0.#") if s.energy_gj else "",
            num(s.co2e_t, "#,##0.#") if s.co2e_t else "",
        ]
        for s in ind.streams
    ]
    rows.append(
        [text("indicators.total", lang), "", "", "", num(ind.total_cost_vnd, "#,##0"), "", "", ""]
    )
    header = [
        text("indicators.col.stream", lang),
        text("indicators.col.kind", lang),
        text("indicators.col.unit", lang),
        text("indicators.col.quantity", lang),
        text("indicators.col.cost", lang),
        text("indicators.col.share", lang),
        "GJ",
        "t CO2e",
    ]
    out += _table(header, rows, numeric_from=3)

    e = ind.energy
    out += ["", text("indicators.section.energy", lang)]
    out.append(
        text(
            "indicators.energy_line",
            lang,
            total=num(e.total_gj, "#,##0.#"),
            electricity=num(e.electricity_gj, "#,##0.#"),
            fuel=num(e.fuel_gj, "#,##0.#"),
        )
    )
    verdict = (
        "indicators.key_user_yes"
        if e.key_energy_user
        else "indicators.key_user_no"
        if e.key_energy_user is not None
        else "indicators.key_user_unknown"
    )
    out.append(
        text(
            "indicators.toe_line",
            lang,
            toe=num(e.total_toe, "#,##0.#"),
            threshold=num(e.threshold_toe, "#,##0"),
            verdict=text(verdict, lang),
        )
    )

    m = ind.emissions
    out += ["", text("indicators.section.emissions", lang)]
    out.append(
        text(
            "indicators.co2e_line",
            lang,
            scope1=num(m.scope1_t, "#,##0.#"),
            scope2=num(m.scope2_t, "#,##0.#"),
            total=num(m.total_t, "#,##0.#"),
            biogenic=num(m.biogenic_co2_t, "#,##0.#"),
        )
    )
    if m.grid_ef is not None:
        out.append(
            text(
                "indicators.grid_line",
                lang,
                ef=num(m.grid_ef, "0.0000"),
                year=m.grid_ef_year or "—",
            )
        )

    out += ["", text("indicators.section.specific", lang)]
    rows = [
        [
            names.get(sc.stream_id, ""),
            products.get(sc.product_id, ""),
            sc.unit,
            num(sc.annual, "#,##0.###"),
            pct(sc.share) if sc.allocation == "key" else "",
        ]
        for sc in ind.specific
    ]
    header = [
        text("indicators.col.stream", lang),
        text("indicators.col.product", lang),
        text("indicators.col.unit", lang),
        text("indicators.col.per_unit", lang),
        text("indicators.col.allocated", lang),
    ]
    out += _table(header, rows, numeric_from=3) if rows else ["  —"]

    r = ind.recp
    out += ["", text("indicators.section.recp", lang)]
    basis = text(f"indicators.basis.{r.basis}", lang, unit=r.basis_unit)
    out.append(text("indicators.basis_line", lang, basis=basis, amount=num(r.basis_amount)))
    rows = [
        [text("indicators.recp.energy_productivity", lang), num(r.energy_productivity, "#,##0.####"), f"{r.basis_unit}/GJ"],
        [text("indicators.recp.water_productivity", lang), num(r.water_productivity, "#,##0.####"), f"{r.basis_unit}/m³"],
        [text("indicators.recp.materials_productivity", lang), num(r.materials_productivity, "#,##0.####"), f"{r.basis_unit}/t"],
        [text("indicators.recp.waste_intensity", lang), num(r.waste_intensity, "#,##0.####"), f"t/{r.basis_unit}"],
        [text("indicators.recp.wastewater_intensity", lang), num(r.wastewater_intensity, "#,##0.####"), f"m³/{r.basis_unit}"],
        [text("indicators.recp.carbon_intensity", lang), num(r.carbon_intensity, "#,##0.####"), f"t CO2e/{r.basis_unit}"],
    ]  # fmt: skip
    out += [f"  {a}: {b} {c}" if r.basis_amount else f"  {a}: —" for a, b, c in rows]

    if ind.balances:
        out += ["", text("indicators.section.balances", lang)]
        rows = [
            [
                steps.get(b.step_id, ""),
                b.unit,
                num(b.inputs),
                num(b.outputs),
                num(b.losses),
                num(b.unaccounted),
                pct(b.share) if b.share is not None else text("indicators.no_inputs", lang),
                "⚠" if b.flagged else "",
            ]
            for b in ind.balances  # one row per step and unit family: t and m³ never added
        ]
        header = [
            text("indicators.col.step", lang),
            text("indicators.col.unit", lang),
            text("indicators.col.inputs", lang),
            text("indicators.col.outputs", lang),
            text("indicators.col.losses", lang),
            text("indicators.col.unaccounted", lang),
            text("indicators.col.share", lang),
            "",
        ]
        out += _table(header, rows, numeric_from=2)

    if ind.problems:
        out += ["", text("indicators.section.notes", lang)]
        seen = set()
        english = {s.name_vi: s.name_en for s in audit.streams if s.name_en}
        for p in ind.problems:
            # the messages name the stream or value concerned; an entity id means nothing here
            params = dict(p.params)
            if lang == "en" and params.get("stream") in english:
                params["stream"] = english[params["stream"]]
            line = text(p.key, lang, **params)
            if line not in seen:
                seen.add(line)
                out.append(f"  - {line}")
    return out
