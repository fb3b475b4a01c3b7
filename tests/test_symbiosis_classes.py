"""The resource class list (resources/reference/waste_classes.toml) and the suggestions."""

from pathlib import Path

import pytest

from app.core.errors import UserError
from app.core.messages import render
from app.core.model import StreamKind
from app.core.symbiosis import classes as cl

SHIPPED = cl.classes_path()


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "classes.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_list_loads_and_says_its_source():
    shipped = cl.load_classes()
    assert len(shipped.classes) >= 30
    assert "02/2022/TT-BTNMT" in shipped.source("vi") and "02/2022/TT-BTNMT" in shipped.source("en")
    groups = {c.group for c in shipped.classes}
    assert groups == set(cl.Group)
    for c in shipped.classes:
        assert c.name_vi and c.name_en and c.keywords and c.stream_kinds


def test_annex_codes_are_three_pairs_and_none_claims_a_check_it_did_not_get():
    annex = [c for c in cl.shipped_classes().classes if c.is_annex_code]
    assert len(annex) >= 8
    for c in annex:
        assert len(c.code.split()) == 3 and all(len(p) == 2 for p in c.code.split())
        assert c.mark in cl.MARKS
        # the header says the Annex III codes were written from memory, not read off the text
        assert c.checked is False


def test_lookup_accepts_any_spacing_and_is_hazardous_follows_the_mark():
    assert cl.lookup("170204") is cl.lookup("17 02 04") is cl.lookup(" 17-02-04 ")
    assert cl.lookup("17 02 04").ewc == "13 02 08*"
    assert cl.is_hazardous("17 02 04")  # NH
    assert cl.is_hazardous("12 06 05")  # KS: handled as hazardous
    assert not cl.is_hazardous("W-PLASTIC")
    assert not cl.is_hazardous("no-such-code")
    assert cl.lookup("w-plastic").code == "W-PLASTIC"


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Bùn thải hữu cơ", None, "W-SLUDGE-BIO"),
        ("BUN THAI HUU CO", None, "W-SLUDGE-BIO"),  # no accents, capitals
        ("plastic offcuts", None, "W-PLASTIC"),
        ("Nhựa vụn từ máy ép", None, "W-PLASTIC"),
        ("xỉ than", None, "W-ASH-BOTTOM"),
        ("Boiler slag", None, "W-ASH-BOTTOM"),
        ("Tro bay", None, "W-ASH-FLY"),
        ("Giấy vụn, bìa carton", None, "W-PAPER"),
        ("Spent solvent from printing", None, "17 08 04"),
        ("Dầu nhớt thải", None, "17 02 04"),
        ("Vải vụn (bán phế liệu)", StreamKind.SOLID_WASTE, "W-TEXTILE"),
        ("Pallet gỗ hỏng", None, "W-WOOD"),
        ("Nước ngưng", StreamKind.STEAM, "ENERGY-HEAT-CONDENSATE"),
        ("Nước cấp KCN", StreamKind.WATER, "WATER-PROCESS"),
        ("Caustic soda (NaOH)", StreamKind.CHEMICAL, "IN-ALKALI"),
    ],
)
def test_suggestions_for_typical_names_in_both_languages(name, kind, expected):
    got = cl.suggest(name, kind)
    assert got and got[0].code == expected


def test_the_kind_filters_the_suggestions():
    # "nhựa" as a waste stream is scrap; as a raw material it is an input
    assert cl.suggest("Nhựa", StreamKind.SOLID_WASTE)[0].code == "W-PLASTIC"
    assert cl.suggest("Nhựa", StreamKind.RAW_MATERIAL)[0].code == "IN-PLASTIC"
    assert all(c.fits(StreamKind.WATER) for c in cl.suggest("nước", StreamKind.WATER))


def test_a_keyword_matches_whole_words_only_and_nothing_suggests_nothing():
    assert cl.suggest("") == [] and cl.suggest("   ") == []
    assert cl.suggest("Điện lưới", StreamKind.ELECTRICITY) == []
    # "tro" must not match inside "trong"
    assert not any(c.code.startswith("W-ASH") for c in cl.suggest("Nước trong"))


def test_for_kind_lists_only_fitting_classes():
    codes = [c.code for c in cl.shipped_classes().for_kind(StreamKind.HAZARDOUS_WASTE)]
    assert "17 02 04" in codes and "W-PLASTIC" not in codes


@pytest.mark.parametrize(
    ("change", "entry", "words_en"),
    [
        (('code = "17 02 04"', 'code = "17 02 4"'), "#3", "is not valid"),
        (('code = "17 02 03"', 'code = "17 02 04"'), "#4 (17 02 04)", "already used"),
        (('mark = "NH"', 'mark = "XX"'), "#1 (17 08 04)", "“mark”"),
        (('group = "input"', 'group = "inputs"'), "(IN-PLASTIC)", "“group”"),
        (
            ('stream_kinds = ["solid_waste", "packaging"]', 'stream_kinds = ["rubbish"]'),
            "(W-PLASTIC)",
            "no stream kind “rubbish”",
        ),
        (("hazardous = true", 'hazardous = "yes"'), "#1 (17 08 04)", "true or false"),
        (
            ('mark = "KS"\nhazardous = true', 'mark = "KS"\nhazardous = false'),
            "(18 02 01)",
            "disagrees",
        ),
        (('ewc = "13 02 08*"', 'ewc = "130208"'), "(17 02 04)", "EWC code"),
    ],
)
def test_a_malformed_file_names_the_file_and_the_entry(tmp_path, change, entry, words_en):
    text = SHIPPED.read_text(encoding="utf-8")
    assert change[0] in text
    path = _write(tmp_path, text.replace(change[0], change[1], 1))
    with pytest.raises(UserError) as info:
        cl.load_classes(path)
    en, vi = render(info.value.problem, "en"), render(info.value.problem, "vi")
    assert str(path) in en and str(path) in vi
    assert entry in en and entry in vi
    assert "Class " in en and "Mục phân loại" in vi
    assert words_en in en


def test_a_missing_name_is_named(tmp_path):
    text = SHIPPED.read_text(encoding="utf-8")
    old = 'name_en = "Clean plastic offcuts, trimmings and scrap"\n'
    path = _write(tmp_path, text.replace(old, ""))
    with pytest.raises(UserError) as info:
        cl.load_classes(path)
    assert "Class #11 (W-PLASTIC): the field “name_en” is missing" in render(
        info.value.problem, "en"
    )


def test_not_toml_a_newer_version_and_no_file_are_said(tmp_path):
    path = _write(tmp_path, "[[class]\ncode = ")
    with pytest.raises(UserError) as info:
        cl.load_classes(path)
    assert "not valid TOML" in render(info.value.problem, "en")
    text = SHIPPED.read_text(encoding="utf-8").replace("\nversion = 1\n", "\nversion = 9\n", 1)
    with pytest.raises(UserError) as info:
        cl.load_classes(_write(tmp_path, text))
    assert "version 9" in render(info.value.problem, "en")
    assert "phiên bản 9" in render(info.value.problem, "vi")
    with pytest.raises(UserError) as info:
        cl.load_classes(tmp_path / "absent.toml")
    assert "absent.toml" in render(info.value.problem, "en")
