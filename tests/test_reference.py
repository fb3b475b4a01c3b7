"""Reference data: every row well formed, year fallback, overrides, values used."""

import pytest

from app.core import reference
from app.core.errors import Level
from app.core.model import Audit, AuditInfo, ReferenceOverride

FUELS = [
    "do",
    "fo",
    "lpg",
    "gasoline",
    "natural_gas",
    "anthracite",
    "coal_bituminous",
    "coal_subbituminous",
    "wood",
    "rice_husk",
]


def test_every_row_has_a_unit_and_a_source():
    for key, rows in reference.table().items():
        for row in rows:
            assert row.unit and row.source, key


def test_every_fuel_code_has_ncv_and_factors():
    t = reference.table()
    for code in FUELS:
        for prefix in ("ncv", "ef_co2", "ef_ch4", "ef_n2o", "biogenic"):
            assert f"{prefix}.{code}" in t, f"{prefix}.{code}"
    assert t["biogenic.wood"][0].value == 1 and t["biogenic.do"][0].value == 0


def test_domain_values_shipped():
    v = lambda key, year=None: reference.lookup(key, year)[0].value  # noqa: E731
    assert v("grid_ef", 2022) == 0.6766
    assert v("grid_ef", 2019) == 0.8458
    assert v("ncv.coal_bituminous") == 25.8
    assert v("gwp.ch4") == 28 and v("gwp.n2o") == 265
    assert v("toe_vn.electricity") == 0.1543
    assert v("key_energy_user.industrial_toe") == 1000


def test_key_energy_user_thresholds_cite_decree_30_2026_and_decree_21_2011():
    # Decree 30/2026/NĐ-CP of 21 Jan 2026 keeps 1,000 TOE/year (industry, agriculture, transport)
    # and 500 TOE/year (offices, housing, schools, hospitals, hotels, shops...): the decree's
    # summary at vsuee.vn/tin-tuc/t40599. Both figures are Decree 21/2011/NĐ-CP art. 6, clause 1,
    # points a and b (IEA policy 8725's translation; clause 2 is the ministry's duty to propose
    # changes), in force from 15 May 2011.
    for key, toe, point in (
        ("key_energy_user.industrial_toe", 1000, "a"),
        ("key_energy_user.building_toe", 500, "b"),
    ):
        (row,) = reference.table()[key]
        assert row.value == toe and row.unit == "TOE/year"
        assert row.source.startswith("Nghị định 30/2026/NĐ-CP ngày 21/01/2026")
        assert f"21/2011/NĐ-CP, điều 6 khoản 1 điểm {point}" in row.source
        assert row.source_en.startswith("Decree 30/2026/NĐ-CP of 21 January 2026")
        assert f"article 6, clause 1, point {point}" in row.source_en
        assert row.effective_date == "2011-05-15"


def test_year_falls_back_to_the_nearest_earlier_year_and_says_so():
    value, problem = reference.lookup("grid_ef", 2025)
    assert value.year == 2023 and value.value == 0.6592
    assert problem.key == "reference.earlier_year" and problem.level == Level.WARNING
    assert problem.params == {"key": "grid_ef", "year": 2025, "used_year": 2023}
    assert problem.location.entity_id == "grid_ef"


def test_year_before_any_data_uses_the_earliest_and_warns():
    value, problem = reference.lookup("grid_ef", 2010)
    assert value.year == 2019 and problem.key == "reference.later_year"


def test_exact_year_has_no_problem():
    assert reference.lookup("grid_ef", 2021)[1] is None


def test_missing_key_is_an_error():
    value, problem = reference.lookup("grid_ef_mars", 2021)
    assert value is None and problem.key == "reference.missing" and problem.is_error


def test_override_wins_and_keeps_its_reason():
    audit = Audit(
        info=AuditInfo(baseline_start="2024-01"),
        overrides=[ReferenceOverride("grid_ef", 0.7, "EVN Hải Phòng figure for the park")],
    )
    r = reference.Resolver(audit)
    v = r.get("grid_ef", by_year=True)
    assert v.value == 0.7 and v.overridden and "Hải Phòng" in v.override_reason
    assert r.problems == []  # no fallback warning: the auditor's own value is used
    assert r.used["grid_ef"] is v


def test_reference_year_is_the_baseline_year():
    audit = Audit(info=AuditInfo(baseline_start="2023-07", baseline_months=12))
    # 6 months in 2023, 6 in 2024: the later year on a tie
    assert reference.reference_year(audit) == 2024
    audit.info.baseline_start = "2023-03"
    assert reference.reference_year(audit) == 2023
    assert reference.reference_year(Audit()) is None


def test_values_used_lists_grid_factor_for_an_audit_with_electricity():
    from app.core.model import PeriodRecord, ResourceStream, StreamKind

    s = ResourceStream(StreamKind.ELECTRICITY, "Điện", "kWh", unit_price_vnd=2000)
    audit = Audit(
        info=AuditInfo(baseline_start="2024-01"),
        streams=[s],
        records=[PeriodRecord(s.id, "2024-01", 100.0)],
    )
    from app.core.indicators import compute_indicators

    used = {v.key: v for v in compute_indicators(audit).reference_used}
    assert used["grid_ef"].year == 2023
    assert "toe_vn.electricity" in used
    assert pytest.approx(used["grid_ef"].value) == 0.6592
