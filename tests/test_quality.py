"""Data-quality flags: gaps, outliers (3x above or below the other months' median, or the same
month last year), duplicate periods."""

from app.core.messages import text
from app.core.model import (
    Audit,
    AuditInfo,
    PeriodRecord,
    Product,
    ProductionRecord,
    ResourceStream,
    StreamKind,
)
from app.core.quality import Flag, check_audit, check_series


def months(n, start=1):
    return [f"2024-{m:02d}" for m in range(start, start + n)]


def recs(values, sid="s"):
    return [PeriodRecord(sid, p, q) for p, q in zip(months(len(values)), values, strict=True)]


def test_clean_series_has_no_flags():
    report = check_series("s", "stream", recs([100, 110, 95, 120]), months(4))
    assert report.flags == {} and report.problems == []


def test_missing_month_is_a_gap():
    records = [r for r in recs([100, 110, 95, 120]) if r.period != "2024-03"]
    report = check_series("s", "stream", records, months(4))
    assert report.flags_of("s", "2024-03") == {Flag.GAP}
    assert [p.key for p in report.problems] == ["quality.gap"]
    assert not report.problems[0].is_error


def test_outlier_above_three_times_the_median():
    report = check_series("s", "stream", recs([100, 100, 100, 301, 299]), months(5))
    assert report.flags_of("s", "2024-04") == {Flag.OUTLIER}
    assert report.flags_of("s", "2024-05") == set()  # 2.99x is not flagged
    assert report.count(Flag.OUTLIER) == 1


def outlier_keys(report):
    return {p.params["period"]: p.key for p in report.problems if p.key.startswith("quality.out")}


# A seafood plant's electricity: high in the catch season (Mar-Jun), low at Tet (Feb).
SEASON = [41_200, 27_500, 52_300, 58_900, 61_400, 55_800, 46_890, 44_100, 43_700, 42_600, 40_900]


def test_a_normal_seasonal_series_is_not_flagged():
    report = check_series("s", "stream", recs(SEASON + [45_300]), months(12))
    assert report.flags == {} and report.problems == []


def test_a_figure_typed_ten_times_too_small_is_flagged_low():
    values = SEASON + [4_689]  # 46,890 with a digit missing
    report = check_series("s", "stream", recs(values), months(12), name="Điện", unit="kWh")
    assert report.flags_of("s", "2024-12") == {Flag.OUTLIER}
    assert outlier_keys(report) == {"2024-12": "quality.outlier_low"}
    problem = report.problems[0]
    assert problem.params["figure"] == 4_689 and problem.params["reference"] == 44_100
    assert problem.params["ratio"] == 9.4
    assert text(problem.key, "vi", **problem.params) == (
        "“Điện”: tháng 12/2024 là 4.689 kWh, chỉ bằng 1/9,4 trung vị các tháng khác (44.100 kWh)"
    )
    assert text(problem.key, "en", **problem.params) == (
        "“Điện”: Dec 2024 is 4,689 kWh, only 1/9.4 of the median of the other months (44,100 kWh)"
    )


def test_a_figure_typed_ten_times_too_large_is_flagged_high():
    values = SEASON[:6] + [468_900] + SEASON[7:] + [45_300]
    report = check_series("s", "stream", recs(values), months(12), unit="kWh")
    assert outlier_keys(report) == {"2024-07": "quality.outlier_high"}
    assert "là 468.900 kWh, gấp 10,6 lần trung vị" in text(
        report.problems[0].key, "vi", **report.problems[0].params
    )


def test_zero_months_and_short_series_are_not_flagged():
    # a month at zero is a shutdown, not 1/infinity of the median, and is not in the median
    report = check_series("s", "stream", recs([0, 0, 100, 110, 95, 120]), months(6))
    assert report.flags == {}
    # three months: no median of three other months to judge by
    assert check_series("s", "stream", recs([100, 110, 1]), months(3)).flags == {}


def test_same_month_last_year_flags_what_the_median_lets_pass():
    # A seasonal stream (the catch season, May-Jul, at 2.75x the rest): Jun 2024 at 12,000 is
    # near the other months' median (20,000) but under a quarter of Jun 2023.
    year = [20_000] * 4 + [55_000] * 3 + [20_000] * 5
    last = [PeriodRecord("s", f"2023-{m:02d}", q) for m, q in enumerate(year, start=1)]
    this = year[:5] + [12_000] + year[6:]
    report = check_series("s", "stream", last + recs(this), months(12), unit="t")
    assert outlier_keys(report) == {"2024-06": "quality.outlier_year_low"}
    problem = report.problems[0]
    assert problem.params["previous"] == "2023-06" and problem.params["reference"] == 55_000
    assert text(problem.key, "en", **problem.params) == (
        "“”: Jun 2024 is 12,000 t, only 1/4.6 of the same month last year (Jun 2023: 55,000 t)"
    )
    assert "cùng tháng năm trước (06/2023: 55.000 t)" in text(problem.key, "vi", **problem.params)


def test_last_years_typo_does_not_flag_this_years_right_figure():
    last = [PeriodRecord("s", f"2023-{m:02d}", 46_000.0) for m in range(1, 13)]
    last[2].quantity = 4_600  # Mar 2023 typed 10x too small
    report = check_series("s", "stream", last + recs([46_000.0] * 12), months(12))
    assert outlier_keys(report) == {"2023-03": "quality.outlier_low"}


def test_duplicate_period():
    records = recs([100, 100, 100]) + [PeriodRecord("s", "2024-02", 90)]
    report = check_series("s", "stream", records, months(3))
    assert report.flags_of("s", "2024-02") == {Flag.DUPLICATE}
    assert report.problems[0].params["count"] == 2


def test_empty_series_is_one_no_data_problem_not_twelve_gaps():
    report = check_series("s", "stream", [], months(12), name="Điện")
    assert [p.key for p in report.problems] == ["quality.no_data"]
    assert report.flags == {}


def test_audit_check_uses_baseline_months_for_streams_and_products():
    elec = ResourceStream(StreamKind.ELECTRICITY, "Điện", "kWh", name_en="Power")
    cloth = Product("Vải")
    audit = Audit(
        info=AuditInfo(baseline_start="2024-01", baseline_months=3),
        streams=[elec],
        products=[cloth],
    )
    audit.records = [PeriodRecord(elec.id, "2024-01", 10), PeriodRecord(elec.id, "2024-03", 12)]
    audit.production = [ProductionRecord(cloth.id, p, 5) for p in months(3)]
    report = check_audit(audit)
    assert report.flags_of(elec.id, "2024-02") == {Flag.GAP}
    assert text(report.problems[0].key, "vi", **report.problems[0].params).startswith("“Điện”")
    assert text(report.problems[0].key, "en", **report.problems[0].params).startswith("“Power”")
    assert not any(k[0] == cloth.id for k in report.flags)


def test_audit_without_baseline_judges_the_months_between_first_and_last():
    elec = ResourceStream(StreamKind.ELECTRICITY, "Điện", "kWh")
    audit = Audit(streams=[elec])
    audit.records = [PeriodRecord(elec.id, "2023-11", 10), PeriodRecord(elec.id, "2024-02", 12)]
    report = check_audit(audit)
    assert {p for (_, p), f in report.flags.items() if Flag.GAP in f} == {"2023-12", "2024-01"}
