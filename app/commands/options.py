"""``python -m app options PATH [--json]``: totals of the CP options and the ranked list.

The same figures as the Options screen (``app.core.options``): counts by CP technique and
status, investment, savings (money and each physical quantity), avoided CO2e, share of each
stream's baseline saved, and the options ranked with the audit's saved priority weights.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.commands import add_lang_option, add_path_argument
from app.core.messages import DEFAULT_LANGUAGE, text


def register(subparsers: argparse._SubParsersAction, lang: str = DEFAULT_LANGUAGE) -> None:
    p = subparsers.add_parser(
        "options",
        help=text("cli.options.help", lang),
        description=text("cli.options.description", lang),
    )
    add_path_argument(p, lang)
    p.add_argument("--json", action="store_true", help=text("cli.options.json", lang))
    add_lang_option(p, lang)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core import options as opt
    from app.store.auditfile import AuditFile

    with AuditFile.open(args.path, read_only=True, backup=False) as af:
        audit = af.load()
        weights, weight_problems = opt.weights_from_setting(af.get_setting(opt.WEIGHTS_SETTING))
    analysis = opt.OptionsAnalysis(audit)
    totals = analysis.totals()
    ranked = analysis.ranked(weights)
    problems = weight_problems + opt.validate_options(audit)
    if args.json:
        print(
            json.dumps(
                as_json(totals, ranked, weights, problems, args.lang), ensure_ascii=False, indent=2
            )
        )
    else:
        print(as_text(audit, totals, ranked, weights, problems, args.lang))
    return 0


def _finance_dict(fin: Any) -> dict[str, Any]:
    return {
        "annual_net_saving_vnd": fin.annual_net_saving_vnd,
        "investment_vnd": fin.investment_vnd,
        "payback_years": fin.payback_years,
        "npv_vnd": round(fin.npv_vnd),
        "irr": fin.irr,
        "discounted_payback_years": fin.discounted_payback_years,
        "avoided_co2e_t": fin.avoided_co2e_t,
        "abatement_cost_vnd_per_t": fin.abatement_cost_vnd_per_t,
        "cost_class": fin.cost_class,
        "assessed": getattr(fin, "assessed", True),  # False: no money entered, ranked last
    }


def as_json(totals: Any, ranked: list, weights: dict, problems: list, lang: str) -> dict:
    """Totals, ranking and problems as JSON-able data."""
    from app.core.messages import render
    from app.core.options import totals_as_dict

    return {
        "totals": totals_as_dict(totals),
        "weights": weights,
        "ranked": [
            {
                "rank": r.rank,
                "id": r.option.id,
                "code": r.option.code,
                "title_vi": r.option.title_vi,
                "title_en": r.option.title_en,
                "category": r.option.category.value,
                "status": r.option.status.value,
                "screening": r.option.screening.value if r.option.screening else None,
                "score": r.score.total,
                "criteria": r.score.criteria,
                "economic_derived": r.score.economic_derived,
                **_finance_dict(r.finance),
            }
            for r in ranked
        ],
        "problems": [
            {
                "key": p.key,
                "level": p.level.value,
                "option": p.location.entity_id,
                "field": p.location.field,
                "message": render(p, lang),
            }
            for p in problems
        ],
    }


def _table(headers: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    """A plain text table; columns in ``right`` are right-aligned (numbers)."""
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return [line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def _title(option: Any, lang: str) -> str:
    if lang == "en":
        if option.title_en:
            return option.title_en
        return f"{option.title_vi} {text('options.cli.untranslated', lang)}"
    return option.title_vi or option.title_en


def _short(value: str, width: int = 48) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def as_text(audit: Any, totals: Any, ranked: list, weights: dict, problems: list, lang: str) -> str:
    """A readable report of the totals and the ranking, in ``lang``."""
    from app.core.messages import render
    from app.reports import fmt

    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731 - local shorthand
    out = [
        t(
            "options.cli.title",
            count=totals.count,
            implemented=totals.implemented_count,
            rejected=totals.rejected_count,
            symbiosis=totals.symbiosis_count,
        ),
        "",
    ]
    if not totals.count:
        out.append(t("options.cli.none"))
        return "\n".join(out)
    out.append(t("options.cli.by_category"))
    out += _table(
        [t("options.cli.category"), t("options.cli.count")],
        [[t(f"options.category.{k}"), fmt.number(v, lang)] for k, v in totals.by_category.items()],
        {1},
    )
    out.append("")
    out.append(t("options.cli.by_status"))
    out += _table(
        [t("options.cli.status"), t("options.cli.count")],
        [[t(f"options.status.{k}"), fmt.number(v, lang)] for k, v in totals.by_status.items()],
        {1},
    )
    for key, group in (
        ("options.cli.proposed", totals.proposed),
        ("options.cli.implemented", totals.implemented),
    ):
        out += ["", t(key)]
        out += _table(
            ["", ""],
            [
                [t("options.cli.count"), fmt.number(group.count, lang)],
                [t("options.cli.investment"), fmt.money(group.investment_vnd, lang)],
                [t("options.cli.saving"), fmt.money(group.annual_saving_vnd, lang)],
                [t("options.cli.verified_saving"), fmt.money(group.verified_saving_vnd, lang)],
                [t("options.cli.co2e"), fmt.number(group.avoided_co2e_t, lang, 1)],
            ],
            {1},
        )[2:]
        if group.streams:
            out.append("")
            out += _table(
                [
                    t("options.cli.stream"),
                    t("options.cli.stream_saving"),
                    t("options.cli.baseline"),
                    t("options.cli.unit"),
                    t("options.cli.share"),
                ],
                [
                    [
                        (s.name_en or s.name_vi) if lang == "en" else (s.name_vi or s.name_en),
                        fmt.smart(s.saving_per_year, lang),
                        fmt.smart(s.baseline_per_year, lang),
                        s.unit,
                        fmt.percent(s.share, lang),
                    ]
                    for s in group.streams
                ],
                {1, 2, 4},
            )
    out += ["", t("options.cli.ranked", **{c: fmt.number(w, lang, 2) for c, w in weights.items()})]
    out += _table(
        [
            t("options.cli.rank"),
            t("options.cli.code"),
            t("options.cli.option"),
            t("options.cli.score"),
            t("options.cli.saving"),
            t("options.cli.payback"),
            t("options.cli.npv"),
            t("options.cli.status"),
        ],
        [
            [
                str(r.rank),
                r.option.code,
                _short(_title(r.option, lang)),
                fmt.number(r.score.total, lang, 2),
                fmt.money(r.finance.annual_net_saving_vnd, lang),
                (
                    fmt.number(r.finance.payback_years, lang, 1)
                    if r.assessed
                    else t("options.not_assessed")
                ),
                fmt.money(r.finance.npv_vnd, lang),
                t(f"options.status.{r.option.status.value}"),
            ]
            for r in ranked
        ],
        {0, 3, 4, 5, 6},
    )
    if problems:
        out += ["", t("options.cli.problems", count=len(problems))]
        out += [f"- {render(p, lang)}" for p in problems]
    return "\n".join(out)
