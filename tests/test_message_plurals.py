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
