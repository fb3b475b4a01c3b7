"""The layer rules of docs/architecture.md, checked by parsing every module's imports."""

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


def _module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph(packages: tuple[str, ...]) -> dict[str, set[str]]:
    """Module -> the app modules it imports (at the top or inside functions), for ``packages``.
    ``from app.x import y`` counts as an import of ``app.x.y`` when that is a module."""
    paths = [p for pkg in packages for p in (APP / pkg).rglob("*.py")]
    modules = {_module_name(p) for p in paths}
    graph: dict[str, set[str]] = {}
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
        graph[_module_name(path)] = {m for m in found if m in modules} - {_module_name(path)}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return cycles


def test_no_import_cycles_in_core_store_and_reports():
    """Not even through an import inside a function: a cycle means two modules that are one."""
    assert _cycles(_import_graph(("core", "store", "reports"))) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_product_code_imports_no_library_it_does_not_depend_on():
    """pandas (benchmarks only, the ``bench`` extra) and sqlite-utils are not dependencies."""
    used = {name.split(".")[0] for path in APP.rglob("*.py") for name in imported_modules(path)}
    assert not used & {"pandas", "sqlite_utils"}
