"""The message catalogue: every key in both languages, with the same placeholders."""

import ast
import re
import string
import tomllib
from pathlib import Path

from app.core import messages
from app.core.errors import Location, Problem

ROOT = Path(__file__).resolve().parent.parent


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_has_both_languages_and_same_placeholders():
    entries = messages.catalogue()
    assert entries
    for key, entry in entries.items():
        for lang in messages.LANGUAGES:
            assert entry.get(lang, "").strip(), f"{key} lacks {lang}"
        assert placeholders(entry["vi"]) == placeholders(entry["en"]), key


def test_no_key_is_defined_in_two_files():
    seen = {}
    for path in sorted((ROOT / "resources" / "messages").glob("*.toml")):
        for key in tomllib.loads(path.read_text(encoding="utf-8")):
            assert key not in seen, f"{key} in {seen.get(key)} and {path.name}"
            seen[key] = path.name


def test_every_key_used_in_code_exists():
    """String literals passed as message keys (UserError.of, Problem, text) must exist."""
    known = messages.catalogue()
    missing = []
    key_re = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")
    for path in (ROOT / "app").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in {"of", "Problem", "text", "warning", "error"}:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if key_re.match(first.value) and first.value not in known:
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {first.value}")
    assert not missing, "\n".join(missing)


def test_render_puts_location_first_in_each_language():
    problem = Problem(
        "error.unexpected",
        Location(file="a.xlsx", sheet="Điện", row=12, column="B"),
        {"detail": "x"},
    )
    assert (
        messages.render(problem, "vi")
        == "tệp a.xlsx, trang tính Điện, dòng 12, cột B: Lỗi không mong đợi: x"
    )
    assert (
        messages.render(problem, "en")
        == "file a.xlsx, sheet Điện, row 12, column B: Unexpected error: x"
    )


def test_unknown_key_is_shown_not_raised():
    assert messages.text("no.such.key", "en") == "no.such.key"
