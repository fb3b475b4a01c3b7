"""The RECP options log: validation, status workflow, screening, prioritisation, totals.

Everything here is plain Python over ``app.core.model`` objects so the Options screen, the CLI
(``python -m app options``), the reports and the tests share one set of rules. Money figures
(saving, payback, NPV, IRR, avoided CO2e, abatement cost) come from ``app.core.finance``: this
module never re-implements a formula, it only adds them up and ranks.

Status rules, after docs/DOMAIN.md §4.3 (Status workflow), each checked at the option's
current status and cumulative for the stages that build on each other:

- screened or later: a screening decision exists; a rejection carries its reason;
- feasible or later: the screening is not "rejected";
- planned: a responsible person and a target date (an option implemented straight away, e.g.
  no-cost housekeeping, need not have had a plan, so these are not required afterwards);
- implemented or later: the implementation date and the actual investment (0 is a valid value);
- verified: the measured saving per year.

The programme counts "implemented" as implemented or verified (``IMPLEMENTED_STATUSES``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from app.core.errors import Level, Location, Problem
from app.core.model import (
    OPTION_STATUS_ORDER,
    Audit,
    CPCategory,
    Finding,
    Option,
    OptionStatus,
    Screening,
    StatusChange,
    StreamKind,
    clean_text,
    new_id,
)

if TYPE_CHECKING:  # imported where used: finance and indicators are not needed to list options
    from app.core.finance import OptionFinance
    from app.core.indicators import FinanceContext

IMPLEMENTED_STATUSES = frozenset({OptionStatus.IMPLEMENTED, OptionStatus.VERIFIED})

# Prioritisation criteria, scored 0..5 by the auditor (``Option.scores``).
CRITERIA: tuple[str, ...] = ("economic", "technical", "environmental")
DEFAULT_WEIGHTS: dict[str, float] = {"economic": 0.4, "technical": 0.3, "environmental": 0.3}
WEIGHTS_SETTING = "option_weights"  # AuditFile setting key holding the audit's weights
MAX_SCORE = 5.0

# Economic score derived from the simple payback when the auditor has not entered one:
# (payback up to N years, score). Beyond the last band, or beyond the option's lifetime, or with
# no payback at all (saving <= 0), the score is 0.
PAYBACK_SCORE_BANDS: tuple[tuple[float, float], ...] = (
    (1.0, 5.0),
    (2.0, 4.0),
    (3.0, 3.0),
    (5.0, 2.0),
    (float("inf"), 1.0),
)

# Fields ``change_status`` may set together with the status.
STATUS_DATA_FIELDS = frozenset(
    {
        "screening",
        "rejection_reason",
        "rejection_reason_en",
        "responsible",
        "target_date",
        "implemented_date",
        "actual_investment_vnd",
        "verified_saving_vnd",
    }
)
_TEXT_FIELDS = frozenset({"rejection_reason", "rejection_reason_en", "responsible"})

# "Rejected" is one of the status choices (the option screened out, with its reason), though
# not an ``OptionStatus``: choosing it records the status "screened" with the screening
# "rejected" (``change_status``).
REJECTED_CHOICE = "rejected"
STATUS_CHOICES: tuple[str, ...] = (
    OptionStatus.IDENTIFIED.value,
    OptionStatus.SCREENED.value,
    REJECTED_CHOICE,
    *(s.value for s in OPTION_STATUS_ORDER[2:]),
)


def _rank(status: OptionStatus) -> int:
    return OPTION_STATUS_ORDER.index(OptionStatus(status))


def _loc(option: Option, field_name: str = "") -> Location:
    return Location(entity="option", entity_id=option.code or option.id, field=field_name)


def _error(key: str, option: Option, field_name: str = "", **params: Any) -> Problem:
    return Problem(key, _loc(option, field_name), params, Level.ERROR)


def _warning(key: str, option: Option, field_name: str = "", **params: Any) -> Problem:
    return Problem(key, _loc(option, field_name), params, Level.WARNING)


# ---------------------------------------------------------------------------------------------
# Baselines the savings are compared with


def baseline_quantities(audit: Audit) -> dict[str, float]:
    """Each stream's baseline consumption per year (stream id -> quantity in its unit).

    The sum of the records in the baseline months; when no baseline start is set, the records of
    the latest 12 periods. Streams without records are absent (their share is unknown).
    """
    periods = set(audit.baseline_periods())
    if not periods:
        periods = set(sorted({r.period for r in audit.records})[-12:])
    out: dict[str, float] = {}
    for record in audit.records:
        if record.period in periods:
            out[record.stream_id] = out.get(record.stream_id, 0.0) + record.quantity
    return out


# ---------------------------------------------------------------------------------------------
# Validation


def status_problems(option: Option) -> list[Problem]:
    """What the option's status requires and is missing (see the module docstring)."""
    problems: list[Problem] = []
    rank = _rank(option.status)
    if option.screening == Screening.REJECTED and not clean_text(option.rejection_reason):
        problems.append(_error("options.rejected_without_reason", option, "rejection_reason"))
    if option.screening == Screening.REJECTED and option.status == OptionStatus.IDENTIFIED:
        problems.append(_error("options.rejected_not_screened", option, "status"))
    if rank >= _rank(OptionStatus.SCREENED) and option.screening is None:
        problems.append(_error("options.screening_missing", option, "screening"))
    if rank >= _rank(OptionStatus.FEASIBLE) and option.screening == Screening.REJECTED:
        problems.append(_error("options.rejected_cannot_advance", option, "status"))
    if option.status == OptionStatus.PLANNED:
        if not clean_text(option.responsible):
            problems.append(_error("options.planned_needs_responsible", option, "responsible"))
        if option.target_date is None:
            problems.append(_error("options.planned_needs_target_date", option, "target_date"))
    if rank >= _rank(OptionStatus.IMPLEMENTED):
        if option.implemented_date is None:
            problems.append(_error("options.implemented_needs_date", option, "implemented_date"))
        if option.actual_investment_vnd is None:
            problems.append(
                _error(
                    "options.implemented_needs_actual_investment", option, "actual_investment_vnd"
                )
            )
    if option.status == OptionStatus.VERIFIED and option.verified_saving_vnd is None:
        problems.append(
            _error("options.verified_needs_measured_saving", option, "verified_saving_vnd")
        )
    return problems


def validate_option(
    option: Option, audit: Audit, baselines: Mapping[str, float] | None = None
) -> list[Problem]:
    """Every problem of one option: errors to fix and warnings to look at.

    ``baselines`` (from ``baseline_quantities``) may be passed in when validating many options.
    """
    if baselines is None:
        baselines = baseline_quantities(audit)
    problems: list[Problem] = []
    if not clean_text(option.title_vi) and not clean_text(option.title_en):
        problems.append(_error("options.title_missing", option, "title_vi"))
    if option.investment_vnd < 0:
        problems.append(_error("options.negative_investment", option, "investment_vnd"))
    if option.actual_investment_vnd is not None and option.actual_investment_vnd < 0:
        problems.append(
            _error("options.negative_actual_investment", option, "actual_investment_vnd")
        )
    if option.lifetime_years <= 0:
        problems.append(_error("options.lifetime_not_positive", option, "lifetime_years"))
    if option.discount_rate is not None and not 0 <= option.discount_rate <= 1:
        problems.append(
            _warning(
                "options.discount_rate_unusual",
                option,
                "discount_rate",
                rate=round(option.discount_rate * 100),
            )
        )
    if option.money_saving_override_vnd is not None and not clean_text(option.override_reason):
        problems.append(_error("options.override_without_reason", option, "override_reason"))
    for criterion, value in option.scores.items():
        if not 0 <= value <= MAX_SCORE:
            problems.append(
                _error("options.score_out_of_range", option, "scores", criterion=criterion)
            )
    streams = {s.id: s for s in audit.streams}
    seen: set[str] = set()
    for saving in option.savings:
        stream = streams.get(saving.stream_id)
        if stream is None:
            problems.append(_error("options.saving_unknown_stream", option, "savings"))
            continue
        name = stream.name_vi or stream.name_en
        if saving.stream_id in seen:
            problems.append(_error("options.saving_stream_twice", option, "savings", stream=name))
        seen.add(saving.stream_id)
        baseline = baselines.get(saving.stream_id)
        if baseline and baseline > 0 and saving.quantity_per_year > baseline:
            share = round(saving.quantity_per_year / baseline * 100)
            problems.append(
                _warning(
                    "options.saving_exceeds_baseline",
                    option,
                    "savings",
                    stream=name,
                    share=share,
                    unit=stream.unit,
                )
            )
    finding_ids = {f.id for f in audit.findings}
    if any(fid not in finding_ids for fid in option.finding_ids):
        problems.append(_warning("options.unknown_finding", option, "finding_ids"))
    if option.step_id and all(s.id != option.step_id for s in audit.steps):
        problems.append(_warning("options.unknown_step", option, "step_id"))
    problems.extend(status_problems(option))
    return problems


def validate_options(audit: Audit) -> list[Problem]:
    """Problems of every option of the audit, plus duplicate codes."""
    baselines = baseline_quantities(audit)
    problems: list[Problem] = []
    codes: dict[str, int] = {}
    for option in audit.options:
        problems.extend(validate_option(option, audit, baselines))
        if option.code:
            codes[option.code] = codes.get(option.code, 0) + 1
    for option in audit.options:
        if option.code and codes[option.code] > 1:
            problems.append(_error("options.duplicate_code", option, "code", code=option.code))
    return problems


# ---------------------------------------------------------------------------------------------
# Status workflow


def settle_workflow(option: Option) -> Option:
    """The option with its status, screening and rejection reason agreeing (a copy when one
    had to change): a rejection reason exists only under the screening "rejected", and an
    option still "identified" has no screening decision.

    One rule for every path that writes an option (the editor, ``change_status``, the store),
    so a reason never survives a change back and a report never prints it under an option
    that is not rejected.
    """
    screening = option.screening
    reason, reason_en = option.rejection_reason, option.rejection_reason_en
    if option.status == OptionStatus.IDENTIFIED:
        screening = None
    if screening != Screening.REJECTED:
        reason = reason_en = ""
    if (screening, reason, reason_en) == (
        option.screening,
        option.rejection_reason,
        option.rejection_reason_en,
    ):
        return option
    settled = copy.copy(option)
    settled.screening = screening
    settled.rejection_reason = reason
    settled.rejection_reason_en = reason_en
    return settled


def change_status(
    option: Option, new_status: OptionStatus | str, on: date, note: str = "", **data: Any
) -> tuple[Option, list[Problem]]:
    """The option moved to ``new_status`` on ``on``, with the data that status needs.

    ``new_status`` is one of ``STATUS_CHOICES``: ``REJECTED_CHOICE`` records "screened" with
    the screening "rejected" (a reason is then required). Status, screening and rejection
    reason change together or not at all (``settle_workflow``): moving back to "identified"
    clears the screening, any screening but "rejected" clears the reason.

    Returns ``(changed copy, warnings)`` with a ``StatusChange`` appended to its history, or
    ``(option unchanged, problems)`` when an error (missing required data, a date earlier than
    the last recorded change) stops the move. The input option is never modified, so an undo
    command can keep it as the "before" state. Moving back (plans change) is allowed and recorded.
    """
    unknown = set(data) - STATUS_DATA_FIELDS
    if unknown:
        raise TypeError(f"change_status() got unexpected data: {sorted(unknown)}")
    if new_status == REJECTED_CHOICE:
        new_status = OptionStatus.SCREENED
        data["screening"] = Screening.REJECTED
    elif data.get("screening") == Screening.REJECTED and OptionStatus(new_status) in (
        OptionStatus.IDENTIFIED,
        OptionStatus.SCREENED,
    ):
        new_status = OptionStatus.SCREENED  # a rejection is a screening decision
    new_status = OptionStatus(new_status)
    candidate = copy.deepcopy(option)
    for name, value in data.items():
        if name in _TEXT_FIELDS:
            value = clean_text(value)
        elif name == "screening" and value is not None:
            value = Screening(value)
        setattr(candidate, name, value)
    candidate.status = new_status
    candidate = settle_workflow(candidate)
    problems = status_problems(candidate)
    if option.status_history and on < option.status_history[-1].on:
        problems.append(_error("options.status_date_before_previous", option, "status_history"))
    if any(p.is_error for p in problems):
        return option, problems
    candidate.status_history = [
        *candidate.status_history,
        StatusChange(new_status, on, clean_text(note)),
    ]
    return candidate, problems


def screen_option(
    option: Option, screening: Screening | str, on: date, reason: str = "", note: str = ""
) -> tuple[Option, list[Problem]]:
    """Record the screening decision (implement directly / further study / rejected + reason)."""
    screening = Screening(screening)
    return change_status(
        option,
        OptionStatus.SCREENED,
        on,
        note,
        screening=screening,
        rejection_reason=reason if screening == Screening.REJECTED else option.rejection_reason,
    )


def is_rejected(option: Option) -> bool:
    return option.screening == Screening.REJECTED


def is_implemented(option: Option) -> bool:
    """Implemented in the programme's sense: implemented or verified."""
    return option.status in IMPLEMENTED_STATUSES


def has_verified_saving(option: Option) -> bool:
    """Verified with a measured saving per year above 0, and nothing its status requires is
    missing: an option "with results" (eco-enterprise criterion c, ``app.core.readiness``)."""
    return (
        option.status is OptionStatus.VERIFIED
        and (option.verified_saving_vnd or 0) > 0
        and not status_problems(option)
    )


# ---------------------------------------------------------------------------------------------
# New options: from a finding, duplicates, codes

_CODE_RE = re.compile(r"^O-(\d+)$")


def next_option_code(codes: Iterable[str]) -> str:
    """The next free code "O-NN" after the highest numbered one in ``codes``."""
    highest = 0
    for code in codes:
        match = _CODE_RE.match(code or "")
        if match:
            highest = max(highest, int(match.group(1)))
    return f"O-{highest + 1:02d}"


def duplicate_option(option: Option, taken_codes: Iterable[str] = ()) -> Option:
    """A copy to start a similar option from: new id and code, back to "identified".

    The workflow data (screening, plan, implementation, verification, history) belongs to the
    original and is cleared; the technical content (savings, costs, scores, links) is kept.
    """
    dup = copy.deepcopy(option)
    dup.id = new_id()
    dup.code = next_option_code([*taken_codes, option.code])
    dup.status = OptionStatus.IDENTIFIED
    dup.screening = None
    dup.rejection_reason = ""
    dup.rejection_reason_en = ""
    dup.responsible = ""
    dup.target_date = None
    dup.implemented_date = None
    dup.actual_investment_vnd = None
    dup.verified_saving_vnd = None
    dup.status_history = []
    return dup


def new_option_from_finding(finding: Finding, audit: Audit, title: str = "") -> Option:
    """A new "identified" option prefilled from a walkthrough finding.

    Category, process step and stream come from the finding; the title is ``title`` (e.g. the
    checklist item's option idea) or else the finding's own title or note. The stream's saving
    starts at 0 for the auditor to estimate.
    """
    from app.core.model import OptionSaving

    option = Option(
        title_vi=clean_text(title) or clean_text(finding.title) or clean_text(finding.note),
        code=next_option_code(o.code for o in audit.options),
        category=finding.cp_category or CPCategory.GOOD_HOUSEKEEPING,
        step_id=finding.step_id,
        finding_ids=[finding.id],
        position=max((o.position for o in audit.options), default=-1) + 1,
    )
    if finding.stream_id:
        option.savings.append(OptionSaving(finding.stream_id, 0.0))
    return option


# ---------------------------------------------------------------------------------------------
# Figures from app.core.finance


def finance_context(audit: Audit) -> FinanceContext:
    """Prices and emission factors shared by the finance of many options of one audit."""
    from app.core.indicators import finance_context as build

    return build(audit)


def option_finances(
    audit: Audit, context: FinanceContext | None = None
) -> dict[str, OptionFinance]:
    """``finance.option_finance`` of every option, by option id (one shared context)."""
    from app.core.finance import option_finance

    ctx = context if context is not None else finance_context(audit)
    return {o.id: option_finance(o, audit, context=ctx) for o in audit.options}


def _saving(fin: OptionFinance) -> int:
    return int(round(fin.annual_net_saving_vnd or 0))


def _payback(fin: OptionFinance) -> float | None:
    return fin.payback_years


def _co2e(fin: OptionFinance) -> float:
    return float(fin.avoided_co2e_t or 0.0)


# ---------------------------------------------------------------------------------------------
# Prioritisation


def weights_from_setting(value: Any) -> tuple[dict[str, float], list[Problem]]:
    """The audit's weights from its stored setting (None -> defaults), with any problems.

    Unknown criteria are dropped; a negative weight or all-zero weights fall back to the
    defaults with an error the screen shows next to the weights.
    """
    if not value:
        return dict(DEFAULT_WEIGHTS), []
    try:
        weights = {c: float(value.get(c, 0.0)) for c in CRITERIA}
    except (AttributeError, TypeError, ValueError):
        return dict(DEFAULT_WEIGHTS), [
            Problem("options.weights_invalid", Location(field="weights"))
        ]
    if any(w < 0 for w in weights.values()):
        return dict(DEFAULT_WEIGHTS), [
            Problem("options.weights_negative", Location(field="weights"))
        ]
    if sum(weights.values()) <= 0:
        return dict(DEFAULT_WEIGHTS), [
            Problem("options.weights_all_zero", Location(field="weights"))
        ]
    return weights, []


def economic_score_from_payback(payback: float | None, lifetime_years: int) -> float:
    """0..5 from the simple payback: shorter is better, none or beyond the lifetime is 0."""
    if payback is None or payback < 0 or payback > max(lifetime_years, 0):
        return 0.0
    for limit, score in PAYBACK_SCORE_BANDS:
        if payback <= limit:
            return score
    return 0.0


@dataclass(frozen=True)
class OptionScore:
    total: float  # 0..5, weighted mean over the criteria that have a score
    criteria: dict[str, float]  # criterion -> score used
    economic_derived: bool  # the economic score came from the payback
    missing: tuple[str, ...]  # criteria without a score (left out of the mean)


def score_option(
    option: Option, fin: OptionFinance | None, weights: Mapping[str, float]
) -> OptionScore:
    """The weighted score of one option.

    A criterion the auditor has not scored is left out and the weights of the others are
    renormalised (``missing`` says which), rather than counting it as 0 and burying the option.
    """
    used: dict[str, float] = {}
    derived = False
    for criterion in CRITERIA:
        if criterion in option.scores and option.scores[criterion] is not None:
            used[criterion] = min(max(float(option.scores[criterion]), 0.0), MAX_SCORE)
        elif criterion == "economic" and fin is not None and is_assessed(fin):
            used[criterion] = economic_score_from_payback(_payback(fin), option.lifetime_years)
            derived = True
    weight_sum = sum(weights.get(c, 0.0) for c in used)
    total = (
        sum(weights.get(c, 0.0) * s for c, s in used.items()) / weight_sum if weight_sum else 0.0
    )
    missing = tuple(c for c in CRITERIA if c not in used)
    return OptionScore(round(total, 4), used, derived, missing)


def is_assessed(fin: OptionFinance | None) -> bool:
    """Whether the option's money has been worked out (``finance.money_entered``): an option
    without any money figure is "not assessed", never the best payback of the audit."""
    return fin is not None and getattr(fin, "assessed", True)


@dataclass(frozen=True)
class RankedOption:
    rank: int
    option: Option
    score: OptionScore
    finance: OptionFinance | None

    @property
    def assessed(self) -> bool:
        return is_assessed(self.finance)


def rank_options(
    audit: Audit,
    weights: Mapping[str, float] | None = None,
    finances: Mapping[str, OptionFinance] | None = None,
    include_rejected: bool = False,
) -> list[RankedOption]:
    """Options best first by weighted score; ties by NPV (higher first), then code.

    Options without any money figure ("not assessed", ``is_assessed``) come after every
    assessed one, whatever their scores. Rejected options are left out unless
    ``include_rejected``: they are not candidates.
    """
    weights = dict(weights or DEFAULT_WEIGHTS)
    if finances is None:
        finances = option_finances(audit)
    scored = []
    for option in audit.options:
        if is_rejected(option) and not include_rejected:
            continue
        fin = finances.get(option.id)
        scored.append((option, score_option(option, fin, weights), fin))
    scored.sort(
        key=lambda t: (
            not is_assessed(t[2]),
            -t[1].total,
            -(getattr(t[2], "npv_vnd", None) or 0.0),
            t[0].code,
            t[0].title_vi,
        )
    )
    return [RankedOption(i + 1, o, s, f) for i, (o, s, f) in enumerate(scored)]


# ---------------------------------------------------------------------------------------------
# Totals


@dataclass(frozen=True)
class StreamSaving:
    """Saving per year of one stream over a group of options, and its share of the baseline."""

    stream_id: str
    kind: StreamKind
    name_vi: str
    name_en: str
    unit: str
    saving_per_year: float
    baseline_per_year: float | None
    share: float | None  # saving / baseline (0.12 = 12 %); None without a baseline


@dataclass(frozen=True)
class QuantityTotal:
    """Physical savings per year added up by stream kind and unit (never kWh + m³)."""

    kind: StreamKind
    unit: str
    quantity: float


@dataclass(frozen=True)
class GroupTotals:
    count: int
    investment_vnd: int
    annual_saving_vnd: int  # net of added operating cost, per year
    avoided_co2e_t: float  # per year
    quantities: tuple[QuantityTotal, ...]
    streams: tuple[StreamSaving, ...]
    verified_saving_vnd: int = 0  # measured savings per year, where verified


@dataclass(frozen=True)
class OptionTotals:
    count: int
    by_category: dict[str, int]  # every CPCategory value, 0 included
    by_status: dict[str, int]  # every OptionStatus value, 0 included
    implemented_count: int  # implemented + verified (programme convention)
    rejected_count: int
    symbiosis_count: int
    proposed: GroupTotals  # every option not rejected
    implemented: GroupTotals  # implemented + verified; actual investment where known


def _group_totals(
    options: list[Option],
    audit: Audit,
    finances: Mapping[str, Any],
    baselines: Mapping[str, float],
    actual: bool,
) -> GroupTotals:
    streams = {s.id: s for s in audit.streams}
    investment = saving = verified = 0
    co2e = 0.0
    per_stream: dict[str, float] = {}
    for option in options:
        fin = finances[option.id]
        if actual and option.actual_investment_vnd is not None:
            investment += option.actual_investment_vnd
        else:
            investment += option.investment_vnd
        saving += _saving(fin)
        co2e += _co2e(fin)
        if option.verified_saving_vnd is not None:
            verified += option.verified_saving_vnd
        for s in option.savings:
            if s.stream_id in streams:
                per_stream[s.stream_id] = per_stream.get(s.stream_id, 0.0) + s.quantity_per_year
    stream_rows = []
    quantities: dict[tuple[StreamKind, str], float] = {}
    for stream in audit.streams:  # the audit's stream order, as the baselines screen shows it
        if stream.id not in per_stream:
            continue
        qty = per_stream[stream.id]
        base = baselines.get(stream.id)
        stream_rows.append(
            StreamSaving(
                stream.id,
                stream.kind,
                stream.name_vi,
                stream.name_en,
                stream.unit,
                qty,
                base,
                qty / base if base else None,
            )
        )
        key = (stream.kind, stream.unit)
        quantities[key] = quantities.get(key, 0.0) + qty
    return GroupTotals(
        count=len(options),
        investment_vnd=investment,
        annual_saving_vnd=saving,
        avoided_co2e_t=co2e,
        quantities=tuple(QuantityTotal(k, u, q) for (k, u), q in quantities.items()),
        streams=tuple(stream_rows),
        verified_saving_vnd=verified,
    )


def option_totals(
    audit: Audit,
    finances: Mapping[str, Any] | None = None,
    baselines: Mapping[str, float] | None = None,
) -> OptionTotals:
    """Counts and sums of the audit's options (see ``OptionTotals``).

    Pass ``finances`` (by option id) and ``baselines`` when they are cached, e.g. by the screen
    recomputing only the edited option.
    """
    if finances is None:
        finances = option_finances(audit)
    if baselines is None:
        baselines = baseline_quantities(audit)
    by_category = {c.value: 0 for c in CPCategory}
    by_status = {s.value: 0 for s in OptionStatus}
    rejected = symbiosis = 0
    for option in audit.options:
        by_category[CPCategory(option.category).value] += 1
        by_status[OptionStatus(option.status).value] += 1
        rejected += is_rejected(option)
        symbiosis += bool(option.industrial_symbiosis)
    proposed = [o for o in audit.options if not is_rejected(o)]
    done = [o for o in audit.options if is_implemented(o)]
    return OptionTotals(
        count=len(audit.options),
        by_category=by_category,
        by_status=by_status,
        implemented_count=len(done),
        rejected_count=rejected,
        symbiosis_count=symbiosis,
        proposed=_group_totals(proposed, audit, finances, baselines, actual=False),
        implemented=_group_totals(done, audit, finances, baselines, actual=True),
    )


def _group_as_dict(group: GroupTotals) -> dict[str, Any]:
    return {
        "count": group.count,
        "investment_vnd": group.investment_vnd,
        "annual_saving_vnd": group.annual_saving_vnd,
        "verified_saving_vnd": group.verified_saving_vnd,
        "avoided_co2e_t": round(group.avoided_co2e_t, 3),
        "quantities": [
            {"kind": q.kind.value, "unit": q.unit, "quantity": q.quantity} for q in group.quantities
        ],
        "streams": [
            {
                "stream_id": s.stream_id,
                "kind": s.kind.value,
                "name_vi": s.name_vi,
                "name_en": s.name_en,
                "unit": s.unit,
                "saving_per_year": s.saving_per_year,
                "baseline_per_year": s.baseline_per_year,
                "share": s.share,
            }
            for s in group.streams
        ],
    }


def totals_as_dict(totals: OptionTotals) -> dict[str, Any]:
    """``OptionTotals`` as JSON-able data (CLI ``--json``, reports)."""
    return {
        "count": totals.count,
        "implemented_count": totals.implemented_count,
        "rejected_count": totals.rejected_count,
        "symbiosis_count": totals.symbiosis_count,
        "by_category": dict(totals.by_category),
        "by_status": dict(totals.by_status),
        "proposed": _group_as_dict(totals.proposed),
        "implemented": _group_as_dict(totals.implemented),
    }


class OptionsAnalysis:
    """Figures of every option of an audit, computed when first asked for and then kept up to
    date one option at a time.

    Opening a log of 500 options must paint in under 100 ms, so nothing is computed up front:
    ``finance(option)`` works out one option (the visible rows), ``finances`` (and ``totals``,
    ``ranked``) completes the rest in one batch whose IRRs are found together
    (``finance.option_finance_many``). ``update(option)`` recomputes one edited option only and
    ``totals()`` adds up cached figures, so a live edit stays well under 50 ms.
    """

    def __init__(self, audit: Audit) -> None:
        self.audit = audit
        self._finances: dict[str, OptionFinance] = {}
        self._baselines: dict[str, float] | None = None
        self._context: FinanceContext | None = None

    def refresh(self) -> None:
        """Forget everything (after streams, records or the audit defaults changed)."""
        self._finances = {}
        self._baselines = None
        self._context = None

    @property
    def context(self) -> FinanceContext:
        """Prices and emission factors shared by every option (built on first use)."""
        if self._context is None:
            self._context = finance_context(self.audit)
        return self._context

    @property
    def baselines(self) -> dict[str, float]:
        if self._baselines is None:
            self._baselines = baseline_quantities(self.audit)
        return self._baselines

    @property
    def finances(self) -> dict[str, OptionFinance]:
        """Figures of every option of the audit, by option id (missing ones computed now)."""
        missing = [o for o in self.audit.options if o.id not in self._finances]
        if missing:
            from app.core.finance import option_finance_many

            for option, fin in zip(
                missing,
                option_finance_many(missing, self.audit, context=self.context),
                strict=True,
            ):
                self._finances[option.id] = fin
        return self._finances

    def is_complete(self) -> bool:
        """True when every option's figures are cached (``finances`` costs nothing)."""
        return all(o.id in self._finances for o in self.audit.options)

    def update(self, option: Option) -> OptionFinance:
        """Recompute one option's figures (as edited, in or out of the audit); returns them."""
        from app.core.finance import option_finance

        fin = option_finance(option, self.audit, context=self.context)
        self._finances[option.id] = fin
        return fin

    def forget(self, option_id: str) -> None:
        self._finances.pop(option_id, None)

    def finance(self, option: Option) -> OptionFinance:
        fin = self._finances.get(option.id)
        return fin if fin is not None else self.update(option)

    def totals(self) -> OptionTotals:
        return option_totals(self.audit, self.finances, self.baselines)

    def ranked(self, weights: Mapping[str, float] | None = None) -> list[RankedOption]:
        return rank_options(self.audit, weights, self.finances)

    def problems(self, option: Option) -> list[Problem]:
        return validate_option(option, self.audit, self.baselines)
