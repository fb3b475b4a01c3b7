"""Walkthrough templates: every shipped file is valid; each authoring mistake is reported with
the file and the item it concerns."""

import unicodedata
from pathlib import Path

import pytest

from app.core.messages import render
from app.core.model import CPCategory, Finding
from app.core.templates import (
    area_label,
    finding_title,
    load_template,
    load_templates,
    templates_dir,
)

MINIMAL = """
id = "demo_tpl"
version = "1"
name = { vi = "Mẫu thử", en = "Test template" }
sectors = ["13"]

[[areas]]
id = "boiler"
name = { vi = "Nồi hơi", en = "Boiler" }

[[items]]
id = "demo.boiler.insulation"
area = "boiler"
category = "good_housekeeping"
question = { vi = "Ống hơi có bảo ôn không?", en = "Are steam pipes insulated?" }
look_for = { vi = "Ống trần", en = "Bare pipes" }
option_idea = { vi = "Bảo ôn lại", en = "Re-insulate" }
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def messages_of(problems, lang="en"):
    return [render(p, lang) for p in problems]


# --- the shipped templates ---------------------------------------------------------------------


def test_every_shipped_template_is_valid():
    result = load_templates()
    assert result.problems == [], "\n".join(messages_of(result.problems))
    files = sorted(p.name for p in templates_dir().glob("*.toml"))
    assert len(result.templates) == len(files) >= 7


def test_the_required_templates_and_areas_exist():
    result = load_templates()
    ids = {t.id for t in result.templates}
    assert {
        "general_utilities",
        "textile_dyeing",
        "food_seafood",
        "pulp_paper",
        "metal_finishing",
        "beverage_brewery",
        "rubber_plastics",
    } <= ids
    general = result.get("general_utilities")
    english_areas = {a.name.en for a in general.areas}
    for needed in (
        "Compressed air",
        "Power factor",
        "Condensate return",
        "Lighting",
        "Housekeeping",
    ):
        assert needed in english_areas
    assert len(general.areas) == 13


def test_each_area_has_6_to_15_items_and_all_texts_are_bilingual_nfc():
    for template in load_templates().templates:
        for area in template.areas:
            assert 6 <= len(area.items) <= 15, (template.id, area.id)
            for item in area.items:
                for text in (item.question, item.look_for, item.option_idea):
                    assert text.vi and text.en and text.vi != text.en, item.id
                    assert unicodedata.is_normalized("NFC", text.vi), item.id
                assert isinstance(item.category, CPCategory)


def test_sector_specific_losses_are_asked():
    result = load_templates()
    textile = {i.id for i in result.get("textile_dyeing").items}
    assert {
        "tex.liquor_ratio",
        "tex.stenter_exhaust",
        "tex.hot_water_reuse",
        "tex.dye_dosing",
    } <= textile
    brewery = " ".join(i.question.en for i in result.get("beverage_brewery").items)
    for word in ("CO2", "spent grain", "bottle washer", "CIP"):
        assert word in brewery
    plating = " ".join(i.question.en.lower() for i in result.get("metal_finishing").items)
    assert "drag-out" in plating and "counter-current" in plating


def test_templates_fit_sectors_by_vsic_prefix():
    result = load_templates()
    for_textile = {t.id for t in result.for_sector("1313")}
    assert for_textile == {"general_utilities", "textile_dyeing"}
    assert "beverage_brewery" in {t.id for t in result.for_sector("1103")}


def test_vietnamese_uses_diacritics():
    """A cheap guard against a file typed without a Vietnamese keyboard."""
    for template in load_templates().templates:
        sample = " ".join(i.question.vi for i in template.items)
        assert any(ch in sample for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


# --- authoring mistakes ------------------------------------------------------------------------


def test_minimal_template_loads(tmp_path):
    template, problems = load_template(write(tmp_path, "ok.toml", MINIMAL))
    assert problems == []
    assert (
        template.item("demo.boiler.insulation").question.get("en") == "Are steam pipes insulated?"
    )
    assert template.fits_sector("1313") and not template.fits_sector("2410")


@pytest.mark.parametrize(
    "change, key, field",
    [
        (
            ('en = "Are steam pipes insulated?"', 'en = ""'),
            "template.missing_translation",
            "question",
        ),
        (
            ('look_for = { vi = "Ống trần", en = "Bare pipes" }', 'look_for = { vi = "Ống trần" }'),
            "template.missing_translation",
            "look_for",
        ),
        (
            ('category = "good_housekeeping"', 'category = "housekeeping"'),
            "template.unknown_category",
            "category",
        ),
        (('area = "boiler"', 'area = "boilers"'), "template.unknown_area", "area"),
        (
            (
                'option_idea = { vi = "Bảo ôn lại", en = "Re-insulate" }',
                'option_idea = "Bảo ôn lại"',
            ),
            "template.not_bilingual",
            "option_idea",
        ),
        (
            ('option_idea = { vi = "Bảo ôn lại", en = "Re-insulate" }', ""),
            "template.missing_field",
            "option_idea",
        ),
        (('id = "demo.boiler.insulation"', 'id = "Demo Boiler"'), "template.bad_id", "id"),
    ],
)
def test_each_mistake_names_the_file_and_the_item(tmp_path, change, key, field):
    text = MINIMAL.replace(*change)
    assert text != MINIMAL
    template, problems = load_template(write(tmp_path, "broken.toml", text))
    assert template is None
    assert key in [p.key for p in problems]
    problem = next(p for p in problems if p.key == key)
    assert problem.location.file == "broken.toml"
    assert problem.location.field == field
    for lang in ("vi", "en"):
        message = render(problem, lang)
        assert "broken.toml" in message
        item = "Demo Boiler" if key == "template.bad_id" else "demo.boiler.insulation"
        assert item in message


def test_duplicate_item_id_in_one_file(tmp_path):
    second_item = MINIMAL[MINIMAL.index("[[items]]") :].replace("Ống hơi", "Van hơi")
    template, problems = load_template(write(tmp_path, "dup.toml", MINIMAL + second_item))
    assert template is None
    dup = [p for p in problems if p.key == "template.duplicate_id"]
    assert len(dup) == 1
    assert "demo.boiler.insulation" in render(dup[0], "vi") and "dup.toml" in render(dup[0], "vi")


def test_duplicate_item_id_across_files_keeps_the_first(tmp_path):
    write(tmp_path, "a.toml", MINIMAL)
    write(tmp_path, "b.toml", MINIMAL.replace('id = "demo_tpl"', 'id = "other_tpl"'))
    result = load_templates(tmp_path)
    assert [t.id for t in result.templates] == ["demo_tpl"]
    (problem,) = result.problems
    assert problem.key == "template.duplicate_id_across"
    message = render(problem, "en")
    assert "b.toml" in message and "a.toml" in message and "demo.boiler.insulation" in message


def test_duplicate_template_id_across_files(tmp_path):
    write(tmp_path, "a.toml", MINIMAL)
    write(tmp_path, "b.toml", MINIMAL.replace("demo.boiler", "demo.other"))
    result = load_templates(tmp_path)
    assert [p.key for p in result.problems] == ["template.duplicate_template"]


def test_syntax_error_reports_the_line(tmp_path):
    template, problems = load_template(
        write(tmp_path, "bad.toml", MINIMAL.replace('version = "1"', "version = "))
    )
    assert template is None
    assert problems[0].key == "template.syntax"
    assert "bad.toml" in render(problems[0], "en") and "line" in render(problems[0], "en")


def test_decomposed_vietnamese_is_refused(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Ống hơi có bảo ôn không?")
    text = MINIMAL.replace("Ống hơi có bảo ôn không?", decomposed)
    template, problems = load_template(write(tmp_path, "nfd.toml", text))
    assert template is None
    assert [p.key for p in problems] == ["template.not_nfc"]


def test_area_without_items_and_unknown_key(tmp_path):
    text = MINIMAL.replace(
        "[[items]]",
        '[[areas]]\nid = "lighting"\nname = { vi = "Chiếu sáng", en = "Lighting" }\n\n[[items]]',
    ).replace('category = "good_housekeeping"', 'category = "good_housekeeping"\nquestoin = "x"')
    template, problems = load_template(write(tmp_path, "empty.toml", text))
    keys = [p.key for p in problems]
    assert "template.empty_area" in keys and "template.unknown_key" in keys
    assert template is None  # the empty area is an error; the unknown key only a warning


def test_a_broken_file_does_not_hide_the_good_ones(tmp_path):
    write(tmp_path, "good.toml", MINIMAL)
    write(tmp_path, "zz_bad.toml", "id = ")
    result = load_templates(tmp_path)
    assert [t.id for t in result.templates] == ["demo_tpl"]
    assert [p.location.file for p in result.problems] == ["zz_bad.toml"]


def test_labels_resolve_in_both_languages():
    result = load_templates()
    finding = Finding(
        area="compressed_air", template_id="general_utilities", item_id="gen.air.leaks"
    )
    assert area_label(result, finding, "vi") == "Khí nén"
    assert area_label(result, finding, "en") == "Compressed air"
    assert finding_title(result, finding, "en").startswith("Are compressed-air leaks")
    free = Finding(area="Kho than", title="Than để ngoài trời")
    assert area_label(result, free, "en") == "Kho than"
    assert finding_title(result, free, "en") == "Than để ngoài trời"
