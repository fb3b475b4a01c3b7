"""Options log rules: validation, status workflow, screening, duplication, scoring."""

from dataclasses import dataclass
from datetime import date

import pytest

from app.core import options as opt
from app.core.errors import Level
from app.core.messages import render
from app.core.model import (
    Audit,
    AuditInfo,
    CPCategory,
    Finding,
    Option,
    OptionSaving,
    OptionStatus,
    PeriodRecord,
    ProcessStep,
    ResourceStream,
    Screening,
    Severity,
    StatusChange,
    StreamKind,
)


def small_audit() -> Audit:
    """Electricity 100,000 kWh/month and water 4,000 m³/month over a 12-month baseline."""
    audit = Audit(info=AuditInfo(baseline_start="2024-01", baseline_months=12))
    elec = ResourceStream(
        StreamKind.ELECTRICITY, "Điện", "kWh", name_en="Electricity", unit_price_vnd=2_000
    )
    water = ResourceStream(StreamKind.WATER, "Nước", "m³", name_en="Water", unit_price_vnd=15_000)
    audit.streams += [elec, water]
    for period in audit.baseline_periods():
        audit.records.append(PeriodRecord(elec.id, period, 100_000))
        audit.records.append(PeriodRecord(water.id, period, 4_000))
    # A record outside the baseline must not count.
    audit.records.append(PeriodRecord(elec.id, "2025-01", 999_999))
    audit.steps.append(ProcessStep("Nhuộm", "Dyeing"))
    return audit


def an_option(audit: Audit, **kw) -> Option:
    base = dict(
        title_vi="Sửa rò rỉ khí nén",
        code="O-01",
        investment_vnd=10_000_000,
        savings=[OptionSaving(audit.streams[0].id, 60_000)],
    )
    base.update(kw)
    return Option(**base)


def keys(problems):
    return [p.key for p in problems]


def both(problem) -> tuple[str, str]:
    return render(problem, "vi"), render(problem, "en")


# --- baselines --------------------------------------------------------------------------------


def test_baseline_is_the_sum_of_the_baseline_months_only():
    audit = small_audit()
    base = opt.baseline_quantities(audit)
    assert base[audit.streams[0].id] == pytest.approx(12 * 100_000)
    assert base[audit.streams[1].id] == pytest.approx(12 * 4_000)


def test_baseline_without_start_uses_latest_twelve_periods():
    audit = small_audit()
    audit.info.baseline_start = ""
    base = opt.baseline_quantities(audit)
    # 2024-02 .. 2025-01: 11 normal months + the 999,999 month
    assert base[audit.streams[0].id] == pytest.approx(11 * 100_000 + 999_999)


# --- validation: each bad case, with its message in both languages -----------------------------


def test_a_sound_option_has_no_problem():
    audit = small_audit()
    assert opt.validate_option(an_option(audit), audit) == []


def test_saving_above_baseline_is_a_warning_showing_the_share():
    audit = small_audit()
    option = an_option(audit, savings=[OptionSaving(audit.streams[0].id, 1_500_000)])
    (problem,) = opt.validate_option(option, audit)
    assert problem.key == "options.saving_exceeds_baseline"
    assert problem.level is Level.WARNING
    assert problem.location.entity == "option" and problem.location.entity_id == "O-01"
    vi, en = both(problem)
    assert "125%" in vi and "Điện" in vi and "kWh" in vi and "kiểm tra" in vi
    assert "125%" in en and "baseline" in en


def test_saving_equal_to_baseline_is_accepted():
    audit = small_audit()
    option = an_option(audit, savings=[OptionSaving(audit.streams[0].id, 1_200_000)])
    assert opt.validate_option(option, audit) == []


def test_negative_investment_is_an_error():
    audit = small_audit()
    (problem,) = opt.validate_option(an_option(audit, investment_vnd=-1), audit)
    assert problem.key == "options.negative_investment" and problem.is_error
    assert problem.location.field == "investment_vnd"
    vi, en = both(problem)
    assert "Vốn đầu tư không được âm" in vi and "investment_vnd" in vi
    assert "investment cannot be negative" in en


@pytest.mark.parametrize("lifetime", [0, -3])
def test_zero_or_negative_lifetime_is_an_error(lifetime):
    audit = small_audit()
    (problem,) = opt.validate_option(an_option(audit, lifetime_years=lifetime), audit)
    assert problem.key == "options.lifetime_not_positive" and problem.is_error
    vi, en = both(problem)
    assert "ít nhất 1 năm" in vi and "at least 1 year" in en


def test_rejected_without_reason_is_an_error():
    audit = small_audit()
    option = an_option(
        audit, status=OptionStatus.SCREENED, screening=Screening.REJECTED, rejection_reason="   "
    )
    (problem,) = opt.validate_option(option, audit)
    assert problem.key == "options.rejected_without_reason"
    vi, en = both(problem)
    assert "lý do" in vi and "reason" in en


def test_override_needs_a_reason():
    audit = small_audit()
    option = an_option(audit, money_saving_override_vnd=5_000_000)
    assert keys(opt.validate_option(option, audit)) == ["options.override_without_reason"]
    option.override_reason = "Hóa đơn thực tế"
    assert opt.validate_option(option, audit) == []


def test_saving_of_a_missing_stream_and_twice_the_same_stream():
    audit = small_audit()
    sid = audit.streams[1].id
    option = an_option(
        audit, savings=[OptionSaving("gone", 1), OptionSaving(sid, 1), OptionSaving(sid, 2)]
    )
    found = keys(opt.validate_option(option, audit))
    assert found == ["options.saving_unknown_stream", "options.saving_stream_twice"]


def test_score_out_of_range_and_dangling_links():
    audit = small_audit()
    option = an_option(audit, scores={"technical": 7}, finding_ids=["nope"], step_id="nope")
    problems = opt.validate_option(option, audit)
    assert keys(problems) == [
        "options.score_out_of_range",
        "options.unknown_finding",
        "options.unknown_step",
    ]
    assert "technical" in render(problems[0], "en")


def test_duplicate_codes_are_reported_for_each_option():
    audit = small_audit()
    audit.options = [an_option(audit), an_option(audit)]
    found = [p for p in opt.validate_options(audit) if p.key == "options.duplicate_code"]
    assert len(found) == 2
    assert "O-01" in render(found[0], "vi")


# --- status workflow ----------------------------------------------------------------------------


def test_status_change_records_the_date_and_leaves_the_input_untouched():
    audit = small_audit()
    option = an_option(audit)
    screened, problems = opt.screen_option(option, Screening.FURTHER_STUDY, date(2024, 3, 1))
    assert problems == []
    assert screened.status is OptionStatus.SCREENED
    assert screened.screening is Screening.FURTHER_STUDY
    assert screened.status_history == [StatusChange(OptionStatus.SCREENED, date(2024, 3, 1))]
    assert option.status is OptionStatus.IDENTIFIED and option.status_history == []
    assert screened.id == option.id


def test_full_workflow_to_verified():
    audit = small_audit()
    o = an_option(audit)
    o, p1 = opt.screen_option(o, "implement_directly", date(2024, 3, 1))
    o, p2 = opt.change_status(o, OptionStatus.FEASIBLE, date(2024, 3, 5))
    o, p3 = opt.change_status(
        o,
        OptionStatus.PLANNED,
        date(2024, 3, 6),
        responsible="  Anh Tuấn ",
        target_date=date(2024, 6, 30),
    )
    o, p4 = opt.change_status(
        o,
        OptionStatus.IMPLEMENTED,
        date(2024, 6, 20),
        implemented_date=date(2024, 6, 20),
        actual_investment_vnd=9_000_000,
    )
    o, p5 = opt.change_status(
        o,
        OptionStatus.VERIFIED,
        date(2024, 9, 1),
        verified_saving_vnd=110_000_000,
        note="đo 3 tháng",
    )
    assert p1 == p2 == p3 == p4 == p5 == []
    assert [c.status for c in o.status_history] == list(OptionStatus)[1:]
    assert o.responsible == "Anh Tuấn"
    assert o.status_history[-1].note == "đo 3 tháng"
    assert opt.validate_option(o, audit) == []


def test_rejecting_without_reason_is_refused():
    audit = small_audit()
    option = an_option(audit)
    same, problems = opt.screen_option(option, Screening.REJECTED, date(2024, 3, 1))
    assert same is option
    assert keys(problems) == ["options.rejected_without_reason"]
    done, problems = opt.screen_option(
        option, Screening.REJECTED, date(2024, 3, 1), reason="Không đủ mặt bằng"
    )
    assert problems == [] and done.rejection_reason == "Không đủ mặt bằng"


def test_rejected_option_cannot_become_feasible():
    audit = small_audit()
    rejected, _ = opt.screen_option(an_option(audit), "rejected", date(2024, 3, 1), reason="x")
    same, problems = opt.change_status(rejected, OptionStatus.FEASIBLE, date(2024, 3, 2))
    assert same is rejected
    assert keys(problems) == ["options.rejected_cannot_advance"]
    vi, en = both(problems[0])
    assert "loại bỏ" in vi and "screening first" in en


def test_jump_to_feasible_without_screening_is_refused():
    audit = small_audit()
    option = an_option(audit)
    same, problems = opt.change_status(option, OptionStatus.FEASIBLE, date(2024, 3, 2))
    assert same is option and keys(problems) == ["options.screening_missing"]


def test_planned_needs_responsible_and_target_date():
    audit = small_audit()
    option = an_option(audit, status=OptionStatus.FEASIBLE, screening=Screening.FURTHER_STUDY)
    same, problems = opt.change_status(option, OptionStatus.PLANNED, date(2024, 4, 1))
    assert same is option
    assert keys(problems) == [
        "options.planned_needs_responsible",
        "options.planned_needs_target_date",
    ]
    vi, en = both(problems[0])
    assert "người phụ trách" in vi and "person responsible" in en
    vi, en = both(problems[1])
    assert "ngày dự kiến" in vi and "target date" in en


def test_implemented_without_date_is_refused_with_a_message_saying_what_to_enter():
    audit = small_audit()
    option = an_option(audit, status=OptionStatus.SCREENED, screening=Screening.IMPLEMENT_DIRECTLY)
    same, problems = opt.change_status(
        option, OptionStatus.IMPLEMENTED, date(2024, 4, 1), actual_investment_vnd=0
    )
    assert same is option
    (problem,) = problems
    assert problem.key == "options.implemented_needs_date"
    assert problem.location.field == "implemented_date"
    vi, en = both(problem)
    assert "nhập ngày thực hiện" in vi and "enter the implementation date" in en


def test_implemented_needs_actual_investment_but_zero_is_fine():
    audit = small_audit()
    option = an_option(audit, status=OptionStatus.SCREENED, screening=Screening.IMPLEMENT_DIRECTLY)
    _, problems = opt.change_status(
        option, "implemented", date(2024, 4, 1), implemented_date=date(2024, 4, 1)
    )
    assert keys(problems) == ["options.implemented_needs_actual_investment"]
    done, problems = opt.change_status(
        option,
        "implemented",
        date(2024, 4, 1),
        implemented_date=date(2024, 4, 1),
        actual_investment_vnd=0,
    )
    assert problems == [] and done.status is OptionStatus.IMPLEMENTED


def test_verified_needs_measured_saving():
    audit = small_audit()
    option = an_option(
        audit,
        status=OptionStatus.IMPLEMENTED,
        screening=Screening.IMPLEMENT_DIRECTLY,
        implemented_date=date(2024, 4, 1),
        actual_investment_vnd=0,
    )
    same, problems = opt.change_status(option, OptionStatus.VERIFIED, date(2024, 8, 1))
    assert same is option and keys(problems) == ["options.verified_needs_measured_saving"]
    vi, en = both(problems[0])
    assert "tiết kiệm đo được" in vi and "measured" in en


def test_status_date_before_the_previous_change_is_refused():
    audit = small_audit()
    option, _ = opt.screen_option(an_option(audit), "further_study", date(2024, 3, 10))
    same, problems = opt.change_status(option, OptionStatus.FEASIBLE, date(2024, 3, 1))
    assert same is option and keys(problems) == ["options.status_date_before_previous"]


def test_moving_back_is_allowed_and_recorded():
    audit = small_audit()
    option = an_option(audit, status=OptionStatus.FEASIBLE, screening=Screening.FURTHER_STUDY)
    back, problems = opt.change_status(option, OptionStatus.SCREENED, date(2024, 5, 1))
    assert problems == [] and back.status is OptionStatus.SCREENED
    assert back.status_history[-1].status is OptionStatus.SCREENED


def test_unknown_status_data_is_a_programming_error():
    audit = small_audit()
    with pytest.raises(TypeError):
        opt.change_status(an_option(audit), "screened", date(2024, 1, 1), title_vi="x")


# --- new options ------------------------------------------------------------------------------


def test_duplicate_gets_new_id_next_code_and_a_fresh_workflow():
    audit = small_audit()
    original = an_option(
        audit,
        code="O-07",
        status=OptionStatus.IMPLEMENTED,
        screening=Screening.IMPLEMENT_DIRECTLY,
        responsible="Chị Lan",
        implemented_date=date(2024, 4, 1),
        actual_investment_vnd=5,
        status_history=[StatusChange(OptionStatus.IMPLEMENTED, date(2024, 4, 1))],
        scores={"technical": 4},
    )
    dup = opt.duplicate_option(original, taken_codes=["O-01", "O-12", "X-99"])
    assert dup.id != original.id
    assert dup.code == "O-13"
    assert dup.status is OptionStatus.IDENTIFIED and dup.screening is None
    assert dup.status_history == [] and dup.responsible == ""
    assert dup.implemented_date is None and dup.actual_investment_vnd is None
    assert dup.title_vi == original.title_vi and dup.scores == {"technical": 4}
    # A deep copy: editing the duplicate's savings leaves the original alone.
    dup.savings[0].quantity_per_year = 1
    assert original.savings[0].quantity_per_year == 60_000
    assert original.status_history and original.code == "O-07"


def test_new_option_from_finding_is_prefilled():
    audit = small_audit()
    audit.options.append(an_option(audit, code="O-04"))
    finding = Finding(
        "Lò hơi",
        title="Đường ống hơi không bảo ôn",
        severity=Severity.HIGH,
        cp_category=CPCategory.EQUIPMENT_MODIFICATION,
        step_id=audit.steps[0].id,
        stream_id=audit.streams[0].id,
    )
    option = opt.new_option_from_finding(finding, audit)
    assert option.title_vi == "Đường ống hơi không bảo ôn"
    assert option.code == "O-05"
    assert option.category is CPCategory.EQUIPMENT_MODIFICATION
    assert option.finding_ids == [finding.id] and option.step_id == audit.steps[0].id
    assert [s.stream_id for s in option.savings] == [audit.streams[0].id]
    assert option.status is OptionStatus.IDENTIFIED
    titled = opt.new_option_from_finding(finding, audit, title="Bảo ôn đường ống hơi")
    assert titled.title_vi == "Bảo ôn đường ống hơi"


# --- prioritisation -----------------------------------------------------------------------------


@dataclass
class FakeFinance:
    payback_years: float | None
    npv_vnd: float = 0.0


@pytest.mark.parametrize(
    "payback, lifetime, expected",
    [
        (0.0, 5, 5.0),
        (0.9, 5, 5.0),
        (1.5, 5, 4.0),
        (3.0, 5, 3.0),
        (4.9, 5, 2.0),
        (7.0, 10, 1.0),
        (6.0, 5, 0.0),
        (None, 5, 0.0),
    ],
)
def test_economic_score_from_payback(payback, lifetime, expected):
    assert opt.economic_score_from_payback(payback, lifetime) == expected


def test_weighted_score_uses_entered_scores_and_derives_economic():
    option = Option("a", scores={"technical": 4, "environmental": 2})
    score = opt.score_option(
        option, FakeFinance(1.5), {"economic": 0.5, "technical": 0.25, "environmental": 0.25}
    )
    assert score.economic_derived and score.criteria["economic"] == 4.0
    assert score.total == pytest.approx(0.5 * 4 + 0.25 * 4 + 0.25 * 2)
    entered = opt.score_option(
        Option("b", scores={"economic": 1, "technical": 4, "environmental": 2}),
        FakeFinance(1.5),
        opt.DEFAULT_WEIGHTS,
    )
    assert not entered.economic_derived and entered.criteria["economic"] == 1


def test_missing_criterion_is_left_out_not_counted_as_zero():
    option = Option("a", scores={"technical": 3})
    score = opt.score_option(
        option, FakeFinance(0.5), {"economic": 1, "technical": 1, "environmental": 1}
    )
    assert score.missing == ("environmental",)
    assert score.total == pytest.approx((5 + 3) / 2)


def test_ranking_orders_by_score_then_npv_and_leaves_out_rejected():
    audit = small_audit()
    a = Option("A", code="O-01", scores={"economic": 2, "technical": 2, "environmental": 2})
    b = Option("B", code="O-02", scores={"economic": 4, "technical": 4, "environmental": 4})
    c = Option("C", code="O-03", scores={"economic": 2, "technical": 2, "environmental": 2})
    r = Option(
        "R",
        code="O-04",
        scores={"economic": 5, "technical": 5, "environmental": 5},
        status=OptionStatus.SCREENED,
        screening=Screening.REJECTED,
        rejection_reason="x",
    )
    audit.options = [a, b, c, r]
    fins = {
        a.id: FakeFinance(1, npv_vnd=10),
        b.id: FakeFinance(1, npv_vnd=0),
        c.id: FakeFinance(1, npv_vnd=99),
        r.id: FakeFinance(1),
    }
    ranked = opt.rank_options(audit, finances=fins)
    assert [x.option.code for x in ranked] == ["O-02", "O-03", "O-01"]
    assert [x.rank for x in ranked] == [1, 2, 3]
    everything = opt.rank_options(audit, finances=fins, include_rejected=True)
    assert everything[0].option.code == "O-04"


def test_changing_weights_changes_the_ranking():
    audit = small_audit()
    cheap = Option("cheap", code="O-01", scores={"economic": 5, "technical": 1, "environmental": 1})
    green = Option("green", code="O-02", scores={"economic": 1, "technical": 1, "environmental": 5})
    audit.options = [cheap, green]
    fins = {cheap.id: FakeFinance(1), green.id: FakeFinance(1)}
    econ = opt.rank_options(audit, {"economic": 1, "technical": 0, "environmental": 0}, fins)
    env = opt.rank_options(audit, {"economic": 0, "technical": 0, "environmental": 1}, fins)
    assert econ[0].option is cheap and env[0].option is green


def test_weights_from_setting():
    assert opt.weights_from_setting(None) == (opt.DEFAULT_WEIGHTS, [])
    weights, problems = opt.weights_from_setting({"economic": 2, "technical": 1, "bogus": 9})
    assert weights == {"economic": 2.0, "technical": 1.0, "environmental": 0.0}
    assert problems == []
    for bad, key in [
        ({"economic": -1}, "options.weights_negative"),
        ({"economic": 0}, "options.weights_all_zero"),
        ({"economic": "abc"}, "options.weights_invalid"),
    ]:
        weights, problems = opt.weights_from_setting(bad)
        assert weights == opt.DEFAULT_WEIGHTS and keys(problems) == [key]
        assert render(problems[0], "vi") != render(problems[0], "en")
