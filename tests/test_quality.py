"""Data-quality flags: gaps, outliers (> 3x median), duplicate periods."""

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
    elec = ResourceStream(StreamKind.ELECTRICITY, "Điện", "kWh")
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
    assert report.problems[0].params["name"] == "Điện"
    assert not any(k[0] == cloth.id for k in report.flags)


def test_audit_without_baseline_judges_the_months_between_first_and_last():
    elec = ResourceStream(StreamKind.ELECTRICITY, "Điện", "kWh")
    audit = Audit(streams=[elec])
    audit.records = [PeriodRecord(elec.id, "2023-11", 10), PeriodRecord(elec.id, "2024-02", 12)]
    report = check_audit(audit)
    assert {p for (_, p), f in report.flags.items() if Flag.GAP in f} == {"2023-12", "2024-01"}
