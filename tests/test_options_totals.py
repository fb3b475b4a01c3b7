"""Options totals and the ``options`` command, with figures worked out by hand from
docs/DOMAIN.md §3 (Formulas)."""

import argparse
import json
from datetime import date

import pytest

from app.commands import options as options_cmd
from app.core import options as opt
from app.core.errors import UserError
from app.core.model import (
    Audit,
    AuditInfo,
    CPCategory,
    Option,
    OptionSaving,
    OptionStatus,
    PeriodRecord,
    ResourceStream,
    Screening,
    StreamKind,
)

# Vietnam grid emission factor 2023 (docs/DOMAIN.md §6.2 (Grid emission factor)), used for a
# 2024 baseline because no official 2024 value exists: the latest earlier year applies.
EF_GRID_2023_T_PER_KWH = 0.6592 / 1000


def programme_audit() -> Audit:
    audit = Audit(info=AuditInfo(baseline_start="2024-01", baseline_months=12, discount_rate=0.1))
    elec = ResourceStream(
        StreamKind.ELECTRICITY, "Điện", "kWh", name_en="Electricity", unit_price_vnd=2_000
    )
    water = ResourceStream(
        StreamKind.WATER, "Nước cấp", "m³", name_en="Mains water", unit_price_vnd=15_000
    )
    audit.streams += [elec, water]
    for period in audit.baseline_periods():
        audit.records.append(PeriodRecord(elec.id, period, 100_000))  # 1,200,000 kWh/yr
        audit.records.append(PeriodRecord(water.id, period, 4_000))  # 48,000 m³/yr
    audit.options = [
        Option(
            "Sửa rò rỉ khí nén",
            code="O-01",
            title_en="Fix compressed-air leaks",
            investment_vnd=10_000_000,
            savings=[OptionSaving(elec.id, 60_000)],
            scores={"technical": 5, "environmental": 3},
        ),
        Option(
            "Tái sử dụng nước làm mát",
            code="O-02",
            category=CPCategory.ONSITE_RECOVERY,
            industrial_symbiosis=True,
            investment_vnd=200_000_000,
            added_opex_vnd=10_000_000,
            savings=[OptionSaving(water.id, 6_000)],
            status=OptionStatus.IMPLEMENTED,
            screening=Screening.FURTHER_STUDY,
            implemented_date=date(2024, 6, 1),
            actual_investment_vnd=180_000_000,
            scores={"technical": 3, "environmental": 4},
        ),
        Option(
            "Tắt máy khi không sản xuất",
            code="O-03",
            investment_vnd=0,
            savings=[OptionSaving(elec.id, 30_000)],
            status=OptionStatus.VERIFIED,
            screening=Screening.IMPLEMENT_DIRECTLY,
            implemented_date=date(2024, 3, 1),
            actual_investment_vnd=0,
            verified_saving_vnd=50_000_000,
            scores={"technical": 5, "environmental": 2},
        ),
        Option(
            "Thay máy nén mới",
            code="O-04",
            category=CPCategory.TECHNOLOGY_CHANGE,
            investment_vnd=1_000_000_000,
            savings=[OptionSaving(elec.id, 100_000)],
            status=OptionStatus.SCREENED,
            screening=Screening.REJECTED,
            rejection_reason="Chưa có vốn",
        ),
    ]
    return audit


def test_totals_add_up_as_the_programme_counts():
    audit = programme_audit()
    totals = opt.option_totals(audit)
    assert totals.count == 4
    assert totals.implemented_count == 2  # implemented + verified
    assert totals.rejected_count == 1 and totals.symbiosis_count == 1
    assert totals.by_category["good_housekeeping"] == 2
    assert totals.by_category["onsite_recovery"] == 1
    assert totals.by_category["technology_change"] == 1
    assert sum(totals.by_category.values()) == 4 and len(totals.by_category) == 8
    assert totals.by_status == {
        "identified": 1,
        "screened": 1,
        "feasible": 0,
        "planned": 0,
        "implemented": 1,
        "verified": 1,
    }

    proposed = totals.proposed  # the rejected O-04 is left out
    assert proposed.count == 3
    assert proposed.investment_vnd == 10_000_000 + 200_000_000 + 0
    # S = Σ physical saving × price − added opex
    assert proposed.annual_saving_vnd == (60_000 * 2_000) + (6_000 * 15_000 - 10_000_000) + (
        30_000 * 2_000
    )
    assert proposed.avoided_co2e_t == pytest.approx(90_000 * EF_GRID_2023_T_PER_KWH, rel=1e-6)
    shares = {s.unit: (s.saving_per_year, s.baseline_per_year, s.share) for s in proposed.streams}
    assert shares["kWh"] == pytest.approx((90_000, 1_200_000, 0.075))
    assert shares["m³"] == pytest.approx((6_000, 48_000, 0.125))
    assert {(q.kind, q.unit): q.quantity for q in proposed.quantities} == {
        (StreamKind.ELECTRICITY, "kWh"): 90_000,
        (StreamKind.WATER, "m³"): 6_000,
    }

    done = totals.implemented  # actual investment where known
    assert done.count == 2
    assert done.investment_vnd == 180_000_000 + 0
    assert done.annual_saving_vnd == 80_000_000 + 60_000_000
    assert done.verified_saving_vnd == 50_000_000


def test_totals_of_an_audit_without_options():
    totals = opt.option_totals(Audit())
    assert totals.count == 0 and totals.proposed.investment_vnd == 0
    assert totals.proposed.streams == () and totals.implemented.avoided_co2e_t == 0
    json.dumps(opt.totals_as_dict(totals))


def test_analysis_recomputes_only_the_edited_option_and_matches_a_full_recompute():
    audit = programme_audit()
    analysis = opt.OptionsAnalysis(audit)
    edited = audit.options[0]
    edited.savings[0].quantity_per_year = 120_000  # as the screen's editor would
    fin = analysis.update(edited)
    assert fin.annual_net_saving_vnd == 120_000 * 2_000
    assert fin.payback_years == pytest.approx(10_000_000 / 240_000_000)
    assert opt.totals_as_dict(analysis.totals()) == opt.totals_as_dict(opt.option_totals(audit))


def test_economic_score_is_derived_from_the_real_payback():
    audit = programme_audit()
    ranked = {r.option.code: r for r in opt.rank_options(audit)}
    assert "O-04" not in ranked  # rejected
    # O-01 pays back in 10 M / 120 M = 0.08 years -> top economic band
    assert ranked["O-01"].score.economic_derived and ranked["O-01"].score.criteria["economic"] == 5
    # O-02: 200 M / 80 M = 2.5 years -> the "up to 3 years" band
    assert ranked["O-02"].score.criteria["economic"] == 3
    assert ranked["O-01"].rank == 1


# --- the command ------------------------------------------------------------------------------


@pytest.fixture()
def audit_path(tmp_path):
    from app.store.auditfile import AuditFile

    path = tmp_path / "a.recp"
    af = AuditFile.create(path, programme_audit())
    af.set_setting(opt.WEIGHTS_SETTING, {"economic": 0, "technical": 0, "environmental": 1})
    af.close()
    return path


def run_cmd(path, lang, as_json, capsys):
    code = options_cmd.run(argparse.Namespace(path=str(path), json=as_json, lang=lang))
    assert code == 0
    return capsys.readouterr().out


def test_command_json_has_totals_and_ranking_with_saved_weights(audit_path, capsys):
    data = json.loads(run_cmd(audit_path, "en", True, capsys))
    assert data["totals"]["implemented_count"] == 2
    assert data["totals"]["proposed"]["investment_vnd"] == 210_000_000
    assert data["weights"] == {"economic": 0.0, "technical": 0.0, "environmental": 1.0}
    # environmental-only weights: O-02 (4) before O-01 (3) before O-03 (2)
    assert [r["code"] for r in data["ranked"]] == ["O-02", "O-01", "O-03"]
    assert data["ranked"][0]["payback_years"] == pytest.approx(2.5)


def test_command_text_in_both_languages(audit_path, capsys):
    en = run_cmd(audit_path, "en", False, capsys)
    vi = run_cmd(audit_path, "vi", False, capsys)
    assert "4 options, 2 implemented, 1 rejected" in en
    assert "4 cơ hội, 2 đã thực hiện, 1 bị loại bỏ" in vi
    assert "210,000,000" in en and "210.000.000" in vi
    assert "Good housekeeping" in en and "Quản lý nội vi tốt" in vi
    assert "Fix compressed-air leaks" in en
    assert "(untranslated)" in en  # O-02 has no English title: shown in Vietnamese, marked
    assert "12.5 %" in en and "12,5 %" in vi  # share of the water baseline saved


def test_command_on_a_missing_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError):
        options_cmd.run(argparse.Namespace(path=str(tmp_path / "nope.recp"), json=False, lang="vi"))
