"""The demo audit: deterministic, complete, internally consistent and plausible for a dyehouse."""

from __future__ import annotations

import dataclasses
import io
import unicodedata
from collections import defaultdict

import pytest

from app.core.demo import build_demo_audit
from app.core.model import (
    OPTION_STATUS_ORDER,
    CPCategory,
    FlowDirection,
    OptionStatus,
    Screening,
    StreamKind,
)


@pytest.fixture(scope="module")
def audit():
    return build_demo_audit()


def annual(audit, stream_id):
    return sum(r.quantity for r in audit.records if r.stream_id == stream_id)


def stream_by_kind(audit, kind, fuel_code=None):
    found = [s for s in audit.streams if s.kind == kind and (fuel_code in (None, s.fuel_code))]
    assert found, kind
    return found[0]


def total_output(audit):
    return sum(p.quantity for p in audit.production)


def test_two_builds_are_identical(audit):
    again = build_demo_audit()
    assert again == audit
    assert [s.id for s in again.streams] == [s.id for s in audit.streams]


def test_counts(audit):
    periods = audit.baseline_periods()
    assert len(periods) == 12 and periods[0] == "2024-01" and periods[-1] == "2024-12"
    assert len(audit.steps) == 8
    assert len(audit.findings) == 15
    assert len(audit.options) == 20
    assert 4 <= len(audit.team) <= 5
    assert len(audit.production) == 12 * len(audit.products)
    for s in audit.streams:
        assert sorted(r.period for r in audit.records_of(s.id)) == periods, s.name_en
    assert len(audit.records) == 12 * len(audit.streams)
    kinds = {s.kind for s in audit.streams}
    assert {
        StreamKind.ELECTRICITY,
        StreamKind.FUEL,
        StreamKind.WATER,
        StreamKind.WASTEWATER,
        StreamKind.CHEMICAL,
        StreamKind.RAW_MATERIAL,
        StreamKind.SOLID_WASTE,
        StreamKind.HAZARDOUS_WASTE,
    } <= kinds
    assert 3 <= len(audit.photos) <= 5


def test_every_record_cost_is_quantity_times_price(audit):
    price = {s.id: s.unit_price_vnd for s in audit.streams}
    for r in audit.records:
        assert price[r.stream_id] is not None
        assert isinstance(r.cost_vnd, int)
        assert r.cost_vnd == round(r.quantity * price[r.stream_id]), r


def test_records_and_production_lie_in_the_baseline(audit):
    periods = set(audit.baseline_periods())
    assert all(r.period in periods for r in audit.records)
    assert all(p.period in periods for p in audit.production)
    assert all(p.quantity > 0 for p in audit.production)


def test_every_link_resolves(audit):
    steps = {s.id for s in audit.steps}
    streams = {s.id for s in audit.streams}
    products = {p.id for p in audit.products}
    findings = {f.id for f in audit.findings}
    assert all(r.stream_id in streams for r in audit.records)
    assert all(p.product_id in products for p in audit.production)
    assert all(s.step_id is None or s.step_id in steps for s in audit.streams)
    for f in audit.flows:
        assert f.step_id in steps
        assert f.stream_id is None or f.stream_id in streams
    for f in audit.findings:
        assert f.step_id is None or f.step_id in steps
        assert f.stream_id is None or f.stream_id in streams
    assert all(p.finding_id in findings for p in audit.photos)
    for o in audit.options:
        assert o.step_id is None or o.step_id in steps
        assert set(o.finding_ids) <= findings
        assert all(s.stream_id in streams for s in o.savings)
    # Ids are unique across every entity list.
    ids = [
        e.id
        for name in (
            "team",
            "products",
            "production",
            "steps",
            "flows",
            "streams",
            "records",
            "findings",
            "photos",
            "options",
        )
        for e in getattr(audit, name)
    ]
    assert len(ids) == len(set(ids))


def test_specific_consumptions_are_plausible_for_a_knit_dyehouse(audit):
    out = total_output(audit)
    assert 3000 <= out <= 4200  # t/year, ~300 t/month
    elec = annual(audit, stream_by_kind(audit, StreamKind.ELECTRICITY).id)
    coal = annual(audit, stream_by_kind(audit, StreamKind.FUEL, "coal_bituminous").id)
    water = annual(audit, stream_by_kind(audit, StreamKind.WATER).id)
    wastewater = annual(audit, stream_by_kind(audit, StreamKind.WASTEWATER).id)
    assert 1500 <= elec / out <= 2500  # kWh/t
    assert 0.8 <= coal / out <= 1.2  # t coal/t fabric
    assert 100 <= water / out <= 150  # m³/t
    assert 0.8 <= wastewater / water <= 0.92
    # Monthly figures of the brief's order of magnitude.
    for r in audit.records_of(stream_by_kind(audit, StreamKind.WATER).id):
        assert 20_000 <= r.quantity <= 40_000
    for r in audit.records_of(stream_by_kind(audit, StreamKind.ELECTRICITY).id):
        assert 350_000 <= r.quantity <= 650_000
    # Seasonal variation exists but stays modest (Tết dip in February).
    monthly = defaultdict(float)
    for p in audit.production:
        monthly[p.period] += p.quantity
    assert min(monthly, key=monthly.get) == "2024-02"
    assert max(monthly.values()) / min(monthly.values()) < 1.6


def test_prices_are_in_plausible_vnd_ranges(audit):
    price = {s.kind: s.unit_price_vnd for s in audit.streams if s.kind != StreamKind.FUEL}
    assert 1_500 <= price[StreamKind.ELECTRICITY] <= 2_500  # VND/kWh
    assert 10_000 <= price[StreamKind.WATER] <= 20_000  # VND/m³
    coal = stream_by_kind(audit, StreamKind.FUEL, "coal_bituminous")
    assert coal.unit == "t" and 2_500_000 <= coal.unit_price_vnd <= 4_000_000
    total_cost = sum(r.cost_vnd for r in audit.records)
    assert 100e9 <= total_cost <= 600e9  # VND/year for ~3,600 t of fabric


def test_step_flows_are_consistent_with_the_streams(audit):
    # Step inputs of a stream never exceed the stream's annual total.
    step_input = defaultdict(float)
    for f in audit.flows:
        if f.stream_id and f.direction == FlowDirection.INPUT:
            step_input[f.stream_id] += f.quantity
    for sid, q in step_input.items():
        assert q <= annual(audit, sid) * 1.0001, audit.stream(sid).name_en
    # Losses linked to a stream (wastewater, scrap) stay within that stream's total.
    linked_loss = defaultdict(float)
    for f in audit.flows:
        if f.stream_id and f.direction == FlowDirection.LOSS:
            linked_loss[f.stream_id] += f.quantity
    for sid, q in linked_loss.items():
        assert q <= annual(audit, sid) * 1.0001
    # The last step delivers the production of the year.
    last = max(audit.steps, key=lambda s: s.position)
    delivered = sum(
        f.quantity
        for f in audit.flows
        if f.step_id == last.id and f.direction == FlowDirection.OUTPUT and f.unit == "t"
    )
    assert delivered == pytest.approx(total_output(audit), rel=1e-6)


def test_balances_leave_a_small_remainder_and_one_step_over_five_percent(audit):
    """Inputs − outputs − losses per step and unit: small, never negative, one flagged."""
    sums = defaultdict(lambda: [0.0, 0.0])
    for f in audit.flows:
        key = (f.step_id, f.unit)
        sums[key][0] += f.quantity if f.direction == FlowDirection.INPUT else 0.0
        sums[key][1] += f.quantity if f.direction != FlowDirection.INPUT else 0.0
    shares = {k: (i - o) / i for k, (i, o) in sums.items()}
    assert all(-1e-6 <= s < 0.2 for s in shares.values()), shares
    flagged = [k for k, s in shares.items() if s > 0.05]
    assert len(flagged) == 1
    assert sum(1 for s in shares.values() if s > 0.001) >= 4  # something to show elsewhere too


def test_options_cover_all_categories_and_statuses(audit):
    assert {o.category for o in audit.options} == set(CPCategory)
    assert [o.code for o in audit.options] == [f"O-{i:02d}" for i in range(1, 21)]
    statuses = {o.status for o in audit.options}
    assert {
        OptionStatus.IDENTIFIED,
        OptionStatus.SCREENED,
        OptionStatus.FEASIBLE,
        OptionStatus.PLANNED,
        OptionStatus.IMPLEMENTED,
        OptionStatus.VERIFIED,
    } == statuses
    assert any(o.screening == Screening.REJECTED for o in audit.options)
    assert any(o.industrial_symbiosis for o in audit.options)
    assert any(o.investment_vnd == 0 for o in audit.options)
    assert max(o.investment_vnd for o in audit.options) <= 10_000_000_000
    assert any(o.money_saving_override_vnd and o.override_reason for o in audit.options)


def test_option_savings_are_real_shares_of_the_baseline(audit):
    for o in audit.options:
        assert o.title_vi and o.title_en and o.description_vi and o.description_en
        assert o.savings or o.money_saving_override_vnd, o.code
        for s in o.savings:
            base = annual(audit, s.stream_id)
            assert 0 < s.quantity_per_year < 0.9 * base, (o.code, s)
        assert o.lifetime_years >= 3 and o.added_opex_vnd >= 0


def test_option_money_is_of_plausible_size(audit):
    price = {s.id: s.unit_price_vnd for s in audit.streams}
    for o in audit.options:
        gross = sum(s.quantity_per_year * price[s.stream_id] for s in o.savings)
        net = (o.money_saving_override_vnd or gross) - o.added_opex_vnd
        assert 50e6 <= net <= 5e9, (o.code, net)  # 50 million to 5 billion VND a year
        if o.screening != Screening.REJECTED:
            assert o.investment_vnd / net < 6, o.code  # kept options pay back within 6 years


def test_option_life_cycle_data_is_consistent(audit):
    order = list(OPTION_STATUS_ORDER)
    for o in audit.options:
        history = [c.status for c in o.status_history]
        assert history == order[: order.index(o.status) + 1], o.code
        dates = [c.on for c in o.status_history]
        assert dates == sorted(dates), o.code
        done = o.status in (OptionStatus.IMPLEMENTED, OptionStatus.VERIFIED)
        assert (o.implemented_date is not None) == done, o.code
        assert (o.actual_investment_vnd is not None) == done, o.code
        if done:
            assert o.implemented_date == next(
                c.on for c in o.status_history if c.status == OptionStatus.IMPLEMENTED
            )
            assert o.responsible
        assert (o.verified_saving_vnd is not None) == (o.status == OptionStatus.VERIFIED)
        if o.status == OptionStatus.PLANNED:
            assert o.responsible and o.target_date and o.target_date > dates[-1]
        if o.screening == Screening.REJECTED:
            assert o.rejection_reason and o.status == OptionStatus.SCREENED
        else:
            assert not o.rejection_reason
        if o.status == OptionStatus.IDENTIFIED:
            assert o.screening is None
        assert set(o.scores) == {"economic", "technical", "environmental"}
        assert all(0 <= v <= 5 for v in o.scores.values())


def test_findings_use_the_walkthrough_templates(audit):
    from app.core.templates import load_templates

    templates = load_templates()
    assert set(audit.info.template_ids) <= {t.id for t in templates.templates}
    for f in audit.findings:
        template = templates.get(f.template_id)
        item = template.item(f.item_id)
        assert item is not None, f.item_id
        assert item.area_id == f.area
        assert f.title and f.note and f.severity and f.cp_category


def test_photos_are_jpegs_with_thumbnails(audit):
    from PIL import Image

    for p in audit.photos:
        assert p.caption
        img = Image.open(io.BytesIO(p.jpeg))
        assert img.format == "JPEG" and img.size == (p.width, p.height)
        thumb = Image.open(io.BytesIO(p.thumbnail))
        assert thumb.format == "JPEG" and max(thumb.size) <= 160
        assert len(p.thumbnail) < len(p.jpeg) < 200_000


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from _strings(getattr(obj, f.name))
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            yield from _strings(x)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(k)
            yield from _strings(v)


def test_texts_are_nfc_and_bilingual(audit):
    for s in _strings(audit):
        assert unicodedata.normalize("NFC", s) == s
        assert s == s.strip()
    for entity in [*audit.streams, *audit.steps, *audit.products]:
        assert entity.name_vi and entity.name_en
    for f in audit.flows:
        assert f.name and f.name_en
    e = audit.info.enterprise
    assert e.sector_vsic == "1313" and e.province == "Hải Phòng" and "Đình Vũ" in e.industrial_park
    assert 250 <= e.employees <= 350 and e.shifts_per_day == 3 and e.operating_days_per_year == 300
    assert audit.info.start_date.year == 2025


def test_core_validation_finds_no_error(audit):
    from app.core.options import validate_options
    from app.core.validation import validate_audit

    errors = [p for p in validate_audit(audit) + validate_options(audit) if p.is_error]
    assert not errors, errors
