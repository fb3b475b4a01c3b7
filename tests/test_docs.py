"""The developer documents stay true to the code: every file, module, class member and test they
name exists; every citation of the domain reference in the code names a section that exists;
the reference tables equal the shipped data; the layer table equals the layer test; the CI
commands in CONTRIBUTING.md equal ``.ci/run``; app/ui/README.md lists every module of app/ui.

Each checker is a function of text, so the last tests show that it finds a planted mistake."""

from __future__ import annotations

import ast
import builtins
import csv
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ("docs/architecture.md", "docs/DOMAIN.md", "docs/recipes.md", "CONTRIBUTING.md")
UI_README = "app/ui/README.md"
ALL_DOCS = (*DOCS, UI_README, "README.md")
DOMAIN = ROOT / "docs" / ("DOMAIN" + ".md")  # spelt apart: this file cites nothing itself

ROOTS = "app|tests|tools|benchmarks|resources|translations|audit_templates|docs|\\.ci"
PATH_RE = re.compile(rf"(?<![\w./-])((?:{ROOTS})/[\w./*<>-]*(?:::\w+)?)")
MODULE_RE = re.compile(r"(?<![\w./])app(?:\.\w+)+(?::\w+)?")
MEMBER_RE = re.compile(r"`([A-Z]\w*[a-z]\w*)\.(\w+)(?:\([^`]*\))?`")
NAME_RE = re.compile(r"`([A-Z][a-z]\w*)`")
LINK_RE = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
CITATION_RE = re.compile(r"DOMAIN\.md(?P<rest>.{0,80})", re.DOTALL)
CITED_RE = re.compile(r"^ §(?P<id>\d+(?:\.\d+)*) \((?P<title>[^)]+)\)")
BUILTINS = frozenset(dir(builtins))
HEADING_RE = re.compile(r"^(#{2,3}) (\d+(?:\.\d+)*)\.? (.+)$", re.MULTILINE)


def read(rel: str) -> str:
    return (ROOT / rel).read_text(encoding="utf-8")


# -- files --------------------------------------------------------------------------------------


def _is_placeholder(path: str) -> bool:
    """``translations/<area>_vi.ts``, ``app/ui/screens/X*.py``: a pattern, not a file."""
    return "<" in path or bool(re.search(r"(^|/)X([*_/.]|$)", path))


def _test_exists(file: Path, name: str) -> bool:
    tree = ast.parse(file.read_text(encoding="utf-8"))
    return any(
        isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name == name
        for n in ast.walk(tree)
    )


def missing_paths(text: str, base: Path = ROOT) -> list[str]:
    """Repository paths named in ``text`` that do not exist (a glob must match something;
    ``file.py::name`` must define ``name``)."""
    out = []
    for found in PATH_RE.findall(text):
        path = found.rstrip(".,:;")
        if _is_placeholder(path):
            continue
        path, _, test = path.partition("::")
        target = base / path
        if "*" in path:
            ok = any(base.glob(path))
        else:
            ok = target.exists() and (not test or _test_exists(target, test))
        if not ok:
            out.append(found)
    return out


@pytest.mark.parametrize("doc", ALL_DOCS)
def test_every_file_named_in_the_docs_exists(doc):
    assert missing_paths(read(doc)) == []


@pytest.mark.parametrize("doc", ALL_DOCS)
def test_every_link_in_the_docs_leads_somewhere(doc):
    assert broken_links(read(doc), (ROOT / doc).parent) == []


def slug(heading: str) -> str:
    """GitHub's anchor of a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def broken_links(text: str, folder: Path) -> list[str]:
    out = []
    for target in LINK_RE.findall(text):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        file, _, anchor = target.partition("#")
        path = (folder / file).resolve() if file else None
        if path is not None and not path.exists():
            out.append(target)
        elif anchor and (path is None or path.suffix == ".md"):
            source = path.read_text(encoding="utf-8") if path else text
            anchors = {slug(h) for h in re.findall(r"^#+ (.+)$", source, re.MULTILINE)}
            if anchor not in anchors:
                out.append(target)
    return out


# -- modules, classes and their members ---------------------------------------------------------


def _defined(body: list[ast.stmt]) -> set[str]:
    names: set[str] = set()
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.If | ast.Try):  # ``if TYPE_CHECKING:``, platform branches
            names |= _defined(node.body)
    return names


def _members(cls: ast.ClassDef) -> set[str]:
    """A class's methods and fields, and the attributes its methods set on ``self``."""
    names = _defined(cls.body)
    for node in ast.walk(cls):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            if isinstance(node.value, ast.Name) and node.value.id == "self":
                names.add(node.attr)
    return names


@cache
def _module_tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


@cache
def class_index() -> dict[str, set[str]]:
    """Every class defined in app/ -> its members (united over classes of the same name)."""
    index: dict[str, set[str]] = {}
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(_module_tree(path)):
            if isinstance(node, ast.ClassDef):
                index.setdefault(node.name, set()).update(_members(node))
    return index


@cache
def defined_names() -> frozenset[str]:
    """Every name defined at the top of a module or a class in app/."""
    names: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        tree = _module_tree(path)
        names |= _defined(tree.body)
        names |= {
            m for n in ast.walk(tree) if isinstance(n, ast.ClassDef) for m in _defined(n.body)
        }
    return frozenset(names)


def _module_file(parts: list[str]) -> Path | None:
    base = ROOT.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def unknown_modules(text: str) -> list[str]:
    """``app.x.y``, ``app.x.y.name``, ``app.x.y.Class.member`` and ``app.x:Class`` that do not
    resolve, read from the source (nothing is imported)."""
    out = []
    for name in MODULE_RE.findall(text):
        parts = name.replace(":", ".").split(".")
        for i in range(len(parts), 0, -1):
            file = _module_file(parts[:i])
            if file is not None:
                break
        else:
            out.append(name)
            continue
        rest = parts[i:]
        if not rest:
            continue
        tree = _module_tree(file)
        if rest[0] not in _defined(tree.body):
            out.append(name)
            continue
        if len(rest) > 1:
            classes = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == rest[0]]
            if classes and rest[1] not in _members(classes[0]):
                out.append(name)
    return out


def unknown_members(text: str) -> list[str]:
    """```Class.member``` and ```ClassName``` in backticks that no class of app/ has (Qt's own
    classes, ``Q…``, are not checked)."""
    out = []
    index = class_index()
    for cls, member in MEMBER_RE.findall(text):
        if re.match(r"Q[A-Z]", cls):
            continue
        if cls not in index or member not in index[cls]:
            out.append(f"{cls}.{member}")
    for name in NAME_RE.findall(text):
        if not re.match(r"Q[A-Z]", name) and name not in defined_names() | BUILTINS:
            out.append(name)
    return out


@pytest.mark.parametrize("doc", ALL_DOCS)
def test_every_module_and_member_named_in_the_docs_exists(doc):
    text = read(doc)
    assert unknown_modules(text) == []
    assert unknown_members(text) == []


# -- the domain reference -----------------------------------------------------------------------


def domain_sections(text: str) -> dict[str, str]:
    """Section number -> title of the domain reference's numbered headings."""
    return {number: title.strip() for _, number, title in HEADING_RE.findall(text)}


def citation_problems(text: str, sections: dict[str, str]) -> list[str]:
    """Each citation must read ``docs/DOMAIN.md §N (Title)`` with a section that exists."""
    out = []
    for found in CITATION_RE.finditer(text):
        start = found.start()
        cited = CITED_RE.match(found.group("rest"))
        line = text[text.rfind("\n", 0, start) + 1 : text.find("\n", start)].strip()
        if not text[:start].endswith("docs/") or cited is None:
            out.append(f"not of the form docs/DOMAIN.md §N (Title): {line}")
        elif sections.get(cited["id"]) != " ".join(cited["title"].split()):
            out.append(f"no section {cited['id']} ({cited['title']}): {line}")
    return out


def _python_files() -> list[Path]:
    me = Path(__file__).resolve()
    return [
        p
        for folder in ("app", "tests", "tools", "benchmarks")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if p.resolve() != me
    ]


def test_every_domain_citation_in_the_code_names_a_section_that_exists():
    sections = domain_sections(DOMAIN.read_text(encoding="utf-8"))
    problems = [
        f"{path.relative_to(ROOT)}: {p}"
        for path in _python_files()
        for p in citation_problems(path.read_text(encoding="utf-8"), sections)
    ]
    assert problems == []


def test_the_code_cites_the_domain_reference():
    """The sections the issue asked for: finance, the model, the stream cost."""
    cited = {
        path.relative_to(ROOT).as_posix()
        for path in _python_files()
        if CITATION_RE.search(path.read_text(encoding="utf-8"))
    }
    assert {"app/core/finance.py", "app/core/model.py", "app/core/costs.py"} <= cited


def test_section_references_inside_the_docs_exist():
    sections = domain_sections(DOMAIN.read_text(encoding="utf-8"))
    for doc in ALL_DOCS:
        for number in re.findall(r"§(\d+(?:\.\d+)*)", read(doc)):
            assert number in sections, f"{doc}: §{number}"


def _reference_rows() -> dict[str, list[tuple[float, str]]]:
    rows: dict[str, list[tuple[float, str]]] = {}
    for path in (ROOT / "resources" / "reference").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                rows.setdefault(row["key"], []).append((float(row["value"]), row["year"]))
    return rows


def _number(cell: str) -> float:
    return float(cell.replace(",", "").split()[0])


def reference_mismatches(text: str, shipped: dict[str, list[tuple[float, str]]]) -> list[str]:
    """Tables of section 6 against ``resources/reference/*.csv``. A row starts with a key in
    backticks; its value is the second cell, or, under a header cell ```prefix```, the key is
    ``prefix.code``. A ``year`` column picks the row of that year."""
    out: list[str] = []
    section = ""
    header: list[str] = []
    for line in text.splitlines():
        heading = HEADING_RE.match(line)
        if heading:
            section = heading.group(2)
            continue
        if not line.startswith("|") or not section.startswith("6"):
            header = [] if not line.startswith("|") else header
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if not header:
            header = cells
            continue
        code = re.fullmatch(r"`([\w.]+)`", cells[0])
        if code is None:
            continue
        prefixes = {j: re.search(r"`(\w+)`", h) for j, h in enumerate(header)}
        pairs = [(f"{m.group(1)}.{code.group(1)}", j) for j, m in prefixes.items() if m]
        if not pairs:
            pairs = [(code.group(1), 1)]
        year = cells[header.index("year")] if "year" in header else ""
        for key, j in pairs:
            values = [v for v, y in shipped.get(key, []) if not year or y == year]
            try:
                value = _number(cells[j])
            except (ValueError, IndexError):
                out.append(f"{key}: {cells[j : j + 1]} is not a number")
                continue
            if not values or all(abs(v - value) > 1e-9 * max(1.0, abs(v)) for v in values):
                out.append(f"{key} {year}: docs say {value}, shipped {values}")
    return out


def test_the_reference_tables_equal_the_shipped_values():
    text = DOMAIN.read_text(encoding="utf-8")
    assert reference_mismatches(text, _reference_rows()) == []
    part = re.split(r"^## [67]\. ", text, flags=re.MULTILINE)[1]
    checked = len(re.findall(r"^\| `[\w.]+` \|", part, re.MULTILINE))
    assert checked >= 35  # the fuels, grid factors, TOE, densities, thresholds, tariff, GWP


# -- the layers ---------------------------------------------------------------------------------


def layer_table(text: str) -> dict[str, set[str]]:
    """``app/<layer>`` -> the names in the "must not import" column of the layer table."""
    out = {}
    for line in text.splitlines():
        row = re.match(r"^\| `app/(\w+)` \|.*\| ([^|]*) \|$", line)
        if row:
            out[row.group(1)] = {n.strip() for n in row.group(2).split(",") if n.strip() != "—"}
    return out


def test_the_layer_table_is_the_layer_test():
    from tests.test_layers import FORBIDDEN

    table = layer_table(read("docs/architecture.md"))
    assert {layer: table.get(layer) for layer in FORBIDDEN} == {
        layer: set(names) for layer, names in FORBIDDEN.items()
    }


# -- CONTRIBUTING and CI ------------------------------------------------------------------------


def ci_commands(script: str) -> list[str]:
    """The commands ``.ci/run`` runs at the top level: installs, exports, the .venv tools."""
    out = []
    for line in script.splitlines():
        line = line.split("  #", 1)[0].rstrip()
        if re.match(r"^(tools/install\.sh|export \w+=|\.venv/bin/)", line):
            out.append(line)
    return out


def contributing_ci_block(text: str) -> list[str]:
    block = text.split("<!-- ci:begin -->", 1)[1].split("<!-- ci:end -->", 1)[0]
    return [ln.strip() for ln in block.splitlines() if ln.strip() and not ln.startswith("```")]


def test_contributing_lists_the_ci_commands_exactly():
    commands = ci_commands(read(".ci/run"))
    assert any("ruff format --check" in c for c in commands)
    assert any("mypy" in c for c in commands)
    assert any("pytest" in c for c in commands)
    assert contributing_ci_block(read("CONTRIBUTING.md")) == commands


def _tool_and_targets(command: str) -> tuple[str, list[str]]:
    words = command.split("#", 1)[0].split()
    size = 2 if words[0].endswith("/ruff") else 1  # ruff has subcommands
    return " ".join(words[:size]), [w for w in words[size:] if not w.startswith("-")]


def test_every_lint_and_type_command_in_contributing_checks_what_ci_checks():
    """``ruff format`` (without --check) fixes the same folders CI checks."""
    ci = dict(_tool_and_targets(c) for c in ci_commands(read(".ci/run")) if "/bin/" in c)
    seen = 0
    for line in read("CONTRIBUTING.md").splitlines():
        if line.startswith((".venv/bin/ruff", ".venv/bin/mypy")):
            tool, targets = _tool_and_targets(line)
            assert targets == ci[tool], line
            seen += 1
    assert seen >= 6


# -- app/ui/README.md ---------------------------------------------------------------------------


def test_ui_readme_lists_every_module_and_package_of_app_ui():
    text = read(UI_README)
    named = set(re.findall(r"^\| `([\w/.]+)` \|", text, re.MULTILINE))
    ui = ROOT / "app" / "ui"
    wanted = set()
    for folder, prefix in ((ui, ""), (ui / "screens", "screens/")):
        for entry in folder.iterdir():
            if entry.suffix == ".py" and entry.name != "__init__.py":
                wanted.add(prefix + entry.name)
            elif entry.is_dir() and (entry / "__init__.py").exists() and entry.name != "screens":
                wanted.add(prefix + entry.name + "/")
    assert sorted(wanted - named) == []
    assert sorted(n for n in named if not (ui / n).exists()) == []


# -- the checkers find mistakes -----------------------------------------------------------------


def test_the_checkers_find_planted_mistakes(tmp_path):
    assert missing_paths("see `app/core/nowhere.py` and tests/test_layers.py::test_nothing") == [
        "app/core/nowhere.py",
        "tests/test_layers.py::test_nothing",
    ]
    assert (
        missing_paths("`app/core/costs.py`, resources/messages/*.toml, `translations/<a>_vi.ts`")
        == []
    )
    assert unknown_modules("`app.core.costs.stream_cost` `app.core.costs.nothing` `app.nope`") == [
        "app.core.costs.nothing",
        "app.nope",
    ]
    assert unknown_modules("`app.ui.phases.Phase.screen_class` `app.ui.phases.Phase.flies`") == [
        "app.ui.phases.Phase.flies"
    ]
    assert unknown_members("`AuditFile.apply` `AuditFile.fly` `QUndoStack.push` `Nobody`") == [
        "AuditFile.fly",
        "Nobody",
    ]
    sections = {"3": "Formulas", "3.8": "Finance of an option"}
    good = "docs/" + "DOMAIN.md §3.8 (Finance of an option)"
    assert citation_problems(good, sections) == []
    for bad in ("DOMAIN.md section 3", "docs/DOMAIN.md §4 (Options)", "docs/DOMAIN.md §3 (Maths)"):
        assert citation_problems(bad, sections), bad
    shipped = {"ncv.do": [(43.0, "")], "grid_ef": [(0.6592, "2023"), (0.6766, "2022")]}
    table = (
        "### 6.1 Fuels\n\n| code | `ncv` GJ/t |\n|---|---|\n| `do` | 43.1 |\n\n"
        "### 6.2 Grid\n\n| key | value | year |\n|---|---|---|\n| `grid_ef` | 0.6592 | 2022 |\n"
    )
    assert len(reference_mismatches(table, shipped)) == 2
    assert ci_commands("set -e\n.venv/bin/ruff check app  # lint\n  $sudo apt-get x\n") == [
        ".venv/bin/ruff check app"
    ]
    (tmp_path / "a.md").write_text("# Top\n", encoding="utf-8")
    assert broken_links("[x](a.md#top) [y](a.md#nope) [z](b.md)", tmp_path) == [
        "a.md#nope",
        "b.md",
    ]
