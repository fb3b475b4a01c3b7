"""The layer rules of ARCHITECTURE.md, checked by parsing every module's imports."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"

FORBIDDEN = {
    "core": (
        "PySide6",
        "sqlite3",
        "sqlite_utils",
        "reportlab",
        "openpyxl",
        "matplotlib",
        "app.store",
        "app.reports",
        "app.ui",
        "app.cli",
        "app.commands",
    ),
    "store": ("PySide6", "reportlab", "app.reports", "app.ui"),
    "reports": ("PySide6.QtWidgets", "PySide6.QtGui", "app.ui"),
    "commands": ("PySide6.QtWidgets", "PySide6.QtGui"),
}


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def modules_of(layer: str) -> list[Path]:
    return sorted((APP / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(layer):
    assert modules_of(layer), f"layer {layer} has no modules"
    broken = [
        f"{path.relative_to(APP.parent)} imports {name}"
        for path in modules_of(layer)
        for name in imported_modules(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer])
    ]
    assert not broken, "\n".join(broken)


def test_cli_imports_no_qt_widgets():
    names = imported_modules(APP / "cli.py")
    assert not [n for n in names if n.startswith(("PySide6.QtWidgets", "PySide6.QtGui"))]


def test_the_checker_sees_a_forbidden_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    import sqlite3\n    from PySide6.QtWidgets import QWidget\n")
    assert imported_modules(bad) == ["sqlite3", "PySide6.QtWidgets"]
