"""English says "1 option", not "1 options"; Vietnamese has one form."""

from app.core.messages import catalogue, text


def test_one_option_is_singular_in_english():
    assert text("report.decision.done", "en", count=1).endswith("1 option")
    assert text("report.decision.done", "en", count=3).endswith("3 options")
    assert text("report.decision.done", "vi", count=1) == text(
        "report.decision.done", "vi", count=1
    )


def test_every_singular_form_has_the_same_fields_as_its_plural():
    import string

    def fields(template):
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    for key, entry in catalogue().items():
        if "en_one" in entry:
            assert "count" in fields(entry["en"]), key
            assert fields(entry["en_one"]) <= fields(entry["en"]), key
