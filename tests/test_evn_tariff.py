"""The EVN manufacturing tariff shipped in resources/reference/evn_tariff.csv.

Source named in the file: "Biểu giá bán lẻ điện cho sản xuất", annex to Decision 1279/QĐ-BCT of
9 May 2025 (effective 10 May 2025), VND/kWh excluding VAT. The Decision's own annex text could
not be read here (no copy of evn.com.vn, moit.gov.vn, thuvienphapluat.vn or luatvietnam.vn
showing the table was found). The twelve values were checked on 2026-12-07 against five public
transcriptions of the annex, in open-source EVN bill calculators on GitHub, which all give the
same twelve values:

- a Python `core/business_calc.py` (EVN_BUSINESS_TIERS["production"], citing
  vietnamsolar.vn/gia-dien-san-xuat/ for "QĐ 14/2025/QĐ-TTg + QĐ 1279/QĐ-BCT"), with its tests;
- a JavaScript EVN_TARIFFS table "based on QĐ 1279/QĐ-BCT (10/05/2025)" (retail_manufacturing);
- a chatbot decision tree quoting "Mục 1.1"–"Mục 1.4 biểu giá kèm Quyết định 1279/QĐ-BCT";
- the SCRIPTED_FACTS of a PC Điện Biên assistant ("Nguồn: Quyết định 1279/QĐ-BCT ngày 09/5/2025");
- a Python console bill calculator ("CHƯƠNG TRÌNH TÍNH TIỀN ĐIỆN", items 1.1–1.4).

They agree with the third-party transcription reported in the task on the four values that
differed from the figures first shipped from memory (6–22 kV off-peak 1231 -> 1234; < 6 kV
1934/1284/3646 -> 1987/1300/3640); no source gave the memory figures.

The average retail price 2,204.0655 VND/kWh (+4.8 % from 2,103.1159) is reported with Decision
1279/QĐ-BCT by xe.today (11 May 2025,
https://xe.today/2025/05/11/the-rising-cost-of-electricity-a-necessary-evil-or-unjust-burden);
SGGP (9 May 2025,
https://www.sggp.org.vn/gia-ban-le-dien-binh-quan-tang-48-tu-ngay-10-5-post794522.html) gives
2,204 VND/kWh from 10 May 2025 under EVN Decision 599/QĐ-EVN of 7 May 2025, the prices of each
customer group in Decision 1279/QĐ-BCT. Shipped rounded to 2,204.07."""

from __future__ import annotations

import pytest

from app.core import reference
from app.core.calculators._common import TARIFF
from app.reports import reference_labels

# (voltage level, period) -> VND/kWh excluding VAT, annex items 1.1 (>= 110 kV), 1.2 (22 to
# < 110 kV), 1.3 (6 to < 22 kV), 1.4 (< 6 kV); a) normal, b) off-peak, c) peak hours.
ANNEX_1279 = {
    ("ge_110kv", "normal"): 1811,
    ("ge_110kv", "off_peak"): 1146,
    ("ge_110kv", "peak"): 3266,
    ("22_110kv", "normal"): 1833,
    ("22_110kv", "off_peak"): 1190,
    ("22_110kv", "peak"): 3398,
    ("6_22kv", "normal"): 1899,
    ("6_22kv", "off_peak"): 1234,
    ("6_22kv", "peak"): 3508,
    ("lt_6kv", "normal"): 1987,
    ("lt_6kv", "off_peak"): 1300,
    ("lt_6kv", "peak"): 3640,
}


def _row(key: str) -> reference.RefValue:
    value, problem = reference.lookup(key)
    assert problem is None, key
    return value


@pytest.mark.parametrize(("level", "period"), sorted(ANNEX_1279))
def test_the_manufacturing_tariff_is_the_transcribed_annex_of_decision_1279(level, period):
    row = _row(f"tariff.manufacturing.{level}.{period}")
    assert row.value == ANNEX_1279[(level, period)]
    assert row.unit == "VND/kWh" and row.effective_date == "2025-05-10"
    assert "1279/QĐ-BCT" in row.source
    # checked against secondary transcriptions, and it says so (the official text not read)
    assert "(verify)" not in row.note
    assert "public transcriptions of the annex" in row.note and "Decision's own text" in row.note


def test_the_table_has_exactly_the_twelve_annex_rows():
    shipped = {k for k in reference.table() if k.startswith("tariff.manufacturing.")}
    assert shipped == {f"tariff.manufacturing.{lv}.{p}" for lv, p in ANNEX_1279}


def test_prices_fall_with_voltage_and_rise_from_off_peak_to_peak():
    """The annex's own shape: a higher connection voltage is cheaper in every period, and at
    every level off-peak < normal < peak (a transcription slip would most likely break it)."""
    levels = ("ge_110kv", "22_110kv", "6_22kv", "lt_6kv")
    for period in ("normal", "off_peak", "peak"):
        prices = [ANNEX_1279[(lv, period)] for lv in levels]
        assert prices == sorted(prices), period
    for lv in levels:
        assert ANNEX_1279[(lv, "off_peak")] < ANNEX_1279[(lv, "normal")] < ANNEX_1279[(lv, "peak")]


def test_the_average_retail_price_is_the_published_one_rounded_and_the_calculators_default():
    row = _row("tariff.average_retail")
    assert row.value == round(2204.0655, 2) == 2204.07
    assert "1279/QĐ-BCT" in row.source and "2.204,0655" in row.note
    assert TARIFF.default == row.value  # the calculators' default price is this row


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_annex_note_says_the_tariff_is_not_yet_checked_against_the_decision(lang):
    src = reference_labels.source(_row("tariff.manufacturing.lt_6kv.peak"))
    got = src.vi if lang == "vi" else src.en
    assert got.startswith("Biểu giá bán lẻ điện cho sản xuất kèm Quyết định 1279/QĐ-BCT")
    if lang == "vi":
        assert "chưa gồm VAT" in got and "chưa đối chiếu với văn bản gốc" in got
        assert "transcriptions" not in got and "memory" not in got
    else:
        assert "excluding VAT" in got and "not yet checked against the Decision" in got
