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


def test_months_in_messages_read_as_the_language_writes_them():
    """A month parameter ("2025-02") reads like the screens: 02/2025, Feb 2025."""
    args = {"period": "2025-02", "first": "2024-01", "last": "2024-12"}
    vi = text("validation.period_outside_baseline", "vi", **args)
    en = text("validation.period_outside_baseline", "en", **args)
    assert "02/2025" in vi and "01/2024" in vi and "2025-02" not in vi
    assert "Feb 2025" in en and "Dec 2024" in en
    bad = text("validation.bad_period", "en", period="2025-13")  # a wrong one stays as typed
    assert "2025-13" in bad or bad == "validation.bad_period"


def test_amounts_in_messages_carry_the_languages_thousands_mark():
    """A limit reads at a glance (1.048.576 / 1,048,576); a row number or year stays as is."""
    vi = text("import.too_many_rows", "vi", rows=2_000_000, limit=1_048_576)
    en = text("import.too_many_rows", "en", rows=2_000_000, limit=1_048_576)
    assert "1.048.576" in vi and "1048576" not in vi
    assert "1,048,576" in en and "1048576" not in en
    assert text("quality.duplicate", "en", name="Power", period="2025-02", count=2) == (
        "“Power”: Feb 2025 has 2 figures"
    )
    # A year is not an amount: no mark in it.
    assert "2024" in text("reference.earlier_year", "vi", key="ef", year=2025, used_year=2024)
