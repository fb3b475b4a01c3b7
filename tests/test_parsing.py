"""Locale-aware reading of numbers and periods (app.core.parsing)."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.parsing import format_number, parse_number, parse_period, read_number_block


@pytest.mark.parametrize(
    ("text", "locale", "value"),
    [
        ("1.234,5", "vi", 1234.5),
        ("1,234.5", "en", 1234.5),
        ("1.234.567", "vi", 1234567),
        ("1,234,567.25", "en", 1234567.25),
        ("0,5", "vi", 0.5),
        ("12", "en", 12),
        ("-3,5", "vi", -3.5),
        ("(1.200,5)", "vi", -1200.5),
        ("1 234,5", "vi", 1234.5),
        ("1\u00a0234", "en", 1234),
        # valid only in the other convention: read that way, not ambiguous
        ("1.234.567", "en", 1234567),
        ("0,75", "en", 0.75),
        ("1.5", "vi", 1.5),
    ],
)
def test_numbers_in_both_conventions(text, locale, value):
    parsed = parse_number(text, locale)
    assert parsed.ok and not parsed.ambiguous
    assert parsed.value == pytest.approx(value)


def test_ambiguous_thousands_are_decided_by_the_locale_and_reported():
    vi, en = parse_number("1.234", "vi"), parse_number("1.234", "en")
    assert (vi.value, en.value) == (1234, 1.234)
    assert vi.ambiguous and en.ambiguous
    assert vi.alternative == 1.234 and en.alternative == 1234
    assert parse_number("1,234", "vi").value == pytest.approx(1.234)


@pytest.mark.parametrize("text", ["abc", "12kWh", "1.2.3,4,5", "--5", "1,23,4", ".", "N/A"])
def test_text_in_a_number_cell_is_a_problem(text):
    parsed = parse_number(text, "vi")
    assert parsed.key == "parse.not_a_number" and parsed.value is None
    assert parsed.params["text"] == text


def test_blank_and_numeric_cells():
    assert parse_number(None).value is None and parse_number(None).ok
    assert parse_number("   ").ok and parse_number("  ").value is None
    assert parse_number(42).value == 42.0
    assert parse_number(True).key == "parse.not_a_number"
    assert parse_number(float("nan")).key == "parse.not_a_number"


@given(st.integers(min_value=-(10**12), max_value=10**12), st.integers(min_value=0, max_value=99))
def test_formatted_numbers_read_back_in_each_locale(whole, cents):
    value = whole + (cents / 100 if whole >= 0 else -cents / 100)
    for locale in ("vi", "en"):
        text = format_number(value, locale)
        parsed = parse_number(text, locale)
        assert parsed.ok, text
        assert parsed.value == pytest.approx(value, abs=1e-6), text


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False))
def test_english_plain_decimals_read_the_same_in_english(d):
    text = f"{d:f}"
    assert parse_number(text, "en").value == pytest.approx(float(d))


@pytest.mark.parametrize(
    ("cell", "period"),
    [
        ("15/03/2024", "2024-03"),
        ("1-12-2023", "2023-12"),
        ("03/2024", "2024-03"),
        ("3/2024", "2024-03"),
        ("2024-03", "2024-03"),
        ("2024/3", "2024-03"),
        ("2024-03-31", "2024-03"),
        ("Tháng 1/2024", "2024-01"),
        ("tháng 12 năm 2023", "2023-12"),
        ("T5-2024", "2024-05"),
        ("Jan 2024", "2024-01"),
        ("September 2023", "2023-09"),
        ("Jan-24", "2024-01"),
        ("2024 Feb", "2024-02"),
        (datetime(2024, 7, 1, 0, 0), "2024-07"),
        (date(2023, 2, 28), "2023-02"),
        (45292, "2024-01"),  # Excel serial of 2024-01-01
    ],
)
def test_periods(cell, period):
    parsed = parse_period(cell)
    assert parsed.ok, parsed
    assert parsed.value == period


def test_decomposed_vietnamese_is_accepted():
    import unicodedata

    assert parse_period(unicodedata.normalize("NFD", "Tháng 2/2024")).value == "2024-02"


@pytest.mark.parametrize(
    "text", ["31/02/2024", "30/02/2023", "29/02/2023", "13/2024", "2024-13", "Tháng 13/2024"]
)
def test_impossible_dates(text):
    parsed = parse_period(text)
    assert parsed.key == "parse.impossible_date"
    assert parsed.params["text"] == text


def test_leap_day_is_possible():
    assert parse_period("29/02/2024").value == "2024-02"


def test_day_first_decides_the_order():
    assert parse_period("03/04/2024").value == "2024-04"
    assert parse_period("03/04/2024", day_first=False).value == "2024-03"


def test_month_without_year_needs_a_default():
    assert parse_period("Tháng 3").key == "parse.no_year"
    assert parse_period("Tháng 3", default_year=2024).value == "2024-03"
    assert parse_period("Mar", default_year=2023).value == "2023-03"


@pytest.mark.parametrize("cell", ["hello", "2024", "Foo 2024", 12.5])
def test_not_a_date(cell):
    assert parse_period(cell).key == "parse.not_a_date"


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)))
def test_any_real_date_reads_as_its_month(d):
    month = f"{d.year:04d}-{d.month:02d}"
    assert parse_period(d.strftime("%d/%m/%Y")).value == month
    assert parse_period(d.strftime("%Y-%m-%d")).value == month
    assert parse_period(d.strftime("%m/%Y")).value == month
    assert parse_period(d.strftime("%b %Y")).value == month
    assert parse_period(f"Tháng {d.month}/{d.year}").value == month


@given(st.integers(1, 31), st.integers(1, 12), st.integers(1950, 2150))
def test_day_month_year_is_valid_exactly_when_the_calendar_says_so(day, month, year):
    try:
        date(year, month, day)
        real = True
    except ValueError:
        real = False
    parsed = parse_period(f"{day:02d}/{month:02d}/{year}")
    assert parsed.ok == real
    if not real:
        assert parsed.key == "parse.impossible_date"


# -- blocks (a paste): one convention per block ------------------------------------------------


def _values(block):
    return [p.value for p in block.values]


def test_block_of_english_thousands_in_a_vietnamese_ui_is_ambiguous():
    block = read_number_block(["22,100", "25,300", "24,200"], "vi")
    assert block.ambiguous and block.locale == "vi" and block.alternative_locale == "en"
    assert _values(block) == [22.1, 25.3, 24.2]
    assert [p.value for p in block.alternatives] == [22100, 25300, 24200]
    assert block.ambiguous_cells() == [0, 1, 2]


def test_block_with_dots_in_an_english_ui_is_ambiguous():
    block = read_number_block(["1.234", "", "2.500"], "en")
    assert block.ambiguous and _values(block) == [1.234, None, 2.5]
    assert [p.value for p in block.alternatives] == [1234, None, 2500]
    assert block.ambiguous_cells() == [0, 2]


@pytest.mark.parametrize(
    ("cells", "locale", "values"),
    [
        (["22,1", "25,3"], "vi", [22.1, 25.3]),  # a decimal comma with one digit: no doubt
        (["1.234,5", "900"], "vi", [1234.5, 900]),
        (["1.234", "0,5"], "vi", [1234, 0.5]),  # "0,5" settles Vietnamese for "1.234"
        (["22,100", "1,234.5"], "vi", [22100, 1234.5]),  # "1,234.5" settles English
        (["22,100", "1,234.5"], "en", [22100, 1234.5]),
        (["1000", "250", 12.5], "vi", [1000, 250, 12.5]),  # no separators at all
        (["-1.234,5", "(2.000)"], "vi", [-1234.5, -2000]),
    ],
)
def test_settled_or_plain_blocks_are_not_ambiguous(cells, locale, values):
    block = read_number_block(cells, locale)
    assert not block.ambiguous
    assert _values(block) == values


def test_block_read_in_the_other_convention_says_so():
    block = read_number_block(["22,100", "1,234.5"], "vi")
    assert block.locale == "en" and block.alternative_locale == "vi"


def test_block_whose_cells_disagree_is_ambiguous_when_a_cell_could_be_either():
    block = read_number_block(["0,5", "1,234.5", "22,100"], "vi")
    assert block.ambiguous and block.ambiguous_cells() == [2]


def test_block_keeps_bad_cells_as_problems():
    block = read_number_block(["abc", "22,100"], "vi")
    assert block.values[0].key == "parse.not_a_number" and block.ambiguous
