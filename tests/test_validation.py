"""Validation: each kind of bad input gives its key and location."""

from app.core.errors import Level
from app.core.model import (
    Audit,
    AuditInfo,
    FlowDirection,
    PeriodRecord,
    Product,
    ProductionRecord,
    ReferenceOverride,
    ResourceStream,
    StepFlow,
    StreamKind,
)
from app.core.validation import (
    validate_audit,
    validate_flow,
    validate_override,
    validate_product,
    validate_record,
    validate_stream,
)

BASELINE = [f"2024-{m:02d}" for m in range(1, 13)]


def keys(problems):
    return [p.key for p in problems]


def test_good_stream_has_no_problem():
    assert validate_stream(ResourceStream(StreamKind.WATER, "Nước", "m3")) == []
    coal = ResourceStream(StreamKind.FUEL, "Than", "tấn", fuel_code="anthracite")
    assert validate_stream(coal) == []


def test_incompatible_unit_for_kind():
    s = ResourceStream(StreamKind.ELECTRICITY, "Điện", "m³")
    (p,) = validate_stream(s)
    assert p.key == "units.wrong_for_kind" and p.is_error
    assert (p.location.entity, p.location.entity_id, p.location.field) == ("stream", s.id, "unit")


def test_fuel_without_or_with_unknown_code():
    assert keys(validate_stream(ResourceStream(StreamKind.FUEL, "Dầu", "L"))) == [
        "validation.fuel_code_missing"
    ]
    bad = ResourceStream(StreamKind.FUEL, "Dầu", "L", fuel_code="kerosene_x")
    (p,) = validate_stream(bad)
    assert p.key == "validation.unknown_fuel_code" and p.location.field == "fuel_code"
    # a fuel bought by energy content needs no code
    assert validate_stream(ResourceStream(StreamKind.FUEL, "Khí", "GJ")) == []


def test_negative_price_only_for_sold_waste():
    scrap = ResourceStream(StreamKind.SOLID_WASTE, "Phế liệu", "t", unit_price_vnd=-2_000_000)
    assert validate_stream(scrap) == []
    water = ResourceStream(StreamKind.WATER, "Nước", "m³", unit_price_vnd=-5)
    assert keys(validate_stream(water)) == ["validation.negative_price"]


def test_negative_quantity_is_an_error():
    s = ResourceStream(StreamKind.WATER, "Nước", "m³")
    r = PeriodRecord(s.id, "2024-02", -3.0)
    (p,) = validate_record(r, s, BASELINE)
    assert p.key == "validation.negative_quantity" and p.is_error
    assert (p.location.entity, p.location.entity_id, p.location.field) == (
        "record",
        r.id,
        "quantity",
    )


def test_period_outside_baseline_is_a_warning_and_bad_period_an_error():
    s = ResourceStream(StreamKind.WATER, "Nước", "m³")
    (p,) = validate_record(PeriodRecord(s.id, "2023-12", 3.0), s, BASELINE)
    assert p.key == "validation.period_outside_baseline" and p.level == Level.WARNING
    assert p.params["first"] == "2024-01" and p.params["last"] == "2024-12"
    (p,) = validate_record(PeriodRecord(s.id, "2024-13", 3.0), s, BASELINE)
    assert p.key == "validation.bad_period" and p.is_error


def test_record_for_a_missing_stream():
    assert keys(validate_record(PeriodRecord("nope", "2024-01", 1.0), None, BASELINE)) == [
        "validation.unknown_stream"
    ]


def test_product_with_zero_output():
    p = Product("Vải", "t")
    audit = Audit(
        info=AuditInfo(baseline_start="2024-01"),
        products=[p],
        production=[ProductionRecord(p.id, "2024-01", 0.0)],
    )
    (prob,) = validate_product(p, audit)
    assert prob.key == "validation.zero_output" and prob.location.entity_id == p.id


def test_flow_and_override_problems():
    f = StepFlow("step", FlowDirection.INPUT, "Nước", -1.0, "bao")
    assert keys(validate_flow(f)) == [
        "validation.negative_quantity",
        "validation.flow_unit_unknown",
    ]
    assert keys(validate_override(ReferenceOverride("grid_ef", 0.7, " "))) == [
        "validation.override_without_reason"
    ]


def test_validate_audit_collects_everything_including_reference_fallback():
    elec = ResourceStream(StreamKind.ELECTRICITY, "Điện", "kWh")
    water = ResourceStream(StreamKind.WATER, "Nước", "kWh")
    audit = Audit(
        info=AuditInfo(baseline_start="2024-01"),
        streams=[elec, water],
        records=[
            PeriodRecord(elec.id, "2024-01", 10.0),
            PeriodRecord(elec.id, "2024-01", 12.0),
            PeriodRecord(elec.id, "2025-01", -1.0),
        ],
    )
    found = keys(validate_audit(audit))
    assert "units.wrong_for_kind" in found
    assert "validation.duplicate_period" in found
    assert "validation.period_outside_baseline" in found
    assert "validation.negative_quantity" in found
    assert "reference.earlier_year" in found  # no 2024 grid factor: 2023's is used
    assert all(p.key for p in validate_audit(audit))


def test_messages_render_in_both_languages():
    from app.core.messages import render

    s = ResourceStream(StreamKind.ELECTRICITY, "Điện", "m3")
    (p,) = validate_stream(s)
    assert "m³ is not a unit" in render(p, "en") and "kWh, MWh, GJ" in render(p, "en")
    assert "không dùng được" in render(p, "vi")


def test_check_and_validation_name_a_duplicate_month_and_a_dangling_id_the_same_way():
    """One key for a duplicate month and for an id pointing at nothing, wherever found."""
    from app.core.model import Finding
    from app.core.validation import check_consistency

    elec = ResourceStream(StreamKind.ELECTRICITY, "Điện", "kWh")
    audit = Audit(
        info=AuditInfo(baseline_start="2024-01"),
        streams=[elec],
        records=[PeriodRecord(elec.id, "2024-01", 10.0), PeriodRecord(elec.id, "2024-01", 12.0)],
        findings=[Finding(area="Lò hơi", stream_id="gone")],
    )
    wanted = {"validation.duplicate_period", "validation.dangling_ref"}
    for problems in (validate_audit(audit), check_consistency(audit)):
        found = [p for p in problems if p.key in wanted]
        assert sorted(p.key for p in found) == sorted(wanted)
        assert all(not p.is_error for p in found)
