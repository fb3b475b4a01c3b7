"""Cold start to the first painted main window with the demo audit, vs a bare PySide6 start.

The target (issue #17): the cold first paint of ``python -m app AUDIT`` as an auditor starts
it, within 2x a bare PySide6 QMainWindow shown and painted, both measured in this run, with no
private API of PySide6/Qt/CPython, no patched standard library and no cache of generated code.
Each run is a fresh subprocess (interpreter, imports and all).

Runs are interleaved (bare, app, bare, app, ...) so a busy machine slows both alike; beside
the wall-clock medians the CPU time of each child (user + sys, from getrusage) is shown, which
a busy machine disturbs less. For information, not the target:
- the same widgets as the first screen in plain PySide6 (no app code, no audit): what Qt
  itself needs to draw such a screen, apart from the app's own Python;
- the window built in-process from ``AppState`` (no command line), and
  the same run on until the side navigation shows every phase's figure (measured just after
  the first paint).

    python benchmarks/bench_startup.py [runs]
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
TARGET = 2.0  # the launch's first paint, as a multiple of the bare window's

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1366, 768); w.show(); app.processEvents(); w.grab()
import os; os._exit(0)
"""

# For information, not the target: the same widgets as the first screen (menus, status bar,
# navigation list, two forms of 14 and 5 fields, a 4x4 table) in plain PySide6, with no app
# code and no audit. It shows how much of the gap to the bare window is Qt drawing a real
# screen and how much is the app's own Python (imports, model, store, loading the audit).
EQUIV = r"""
from PySide6.QtWidgets import (QApplication, QMainWindow, QListWidget, QWidget, QHBoxLayout, QVBoxLayout,
    QGroupBox, QFormLayout, QLineEdit, QLabel, QTableWidget, QTableWidgetItem, QPushButton, QScrollArea, QStackedWidget)
from PySide6.QtGui import QAction
app = QApplication([])
w = QMainWindow()
for m in ("&Tệp", "&Sửa", "&Ngôn ngữ", "&Trợ giúp"):
    menu = w.menuBar().addMenu(m); menu.addAction(QAction("Mở…", w))
w.statusBar().addWidget(QLabel("/tmp/demo.recp"), 1); w.statusBar().addPermanentWidget(QLabel("Đã lưu"))
central = QWidget(); h = QHBoxLayout(central)
nav = QListWidget()
for i in range(6): nav.addItem(f"{i+1}. Doanh nghiệp & nhóm\n     80 %")
h.addWidget(nav); stack = QStackedWidget(); h.addWidget(stack, 1)
inner = QWidget(); cols = QHBoxLayout(inner)
for n in (14, 5):
    box = QGroupBox("Doanh nghiệp"); f = QFormLayout(box)
    for j in range(n): f.addRow(QLabel(f"Trường số {j}"), QLineEdit("Công ty Dệt nhuộm Thành Công"))
    cols.addWidget(box)
t = QTableWidget(4, 4)
for r in range(4):
    for c in range(4): t.setItem(r, c, QTableWidgetItem("Nguyễn Văn A"))
cols.addWidget(t); cols.addWidget(QPushButton("Thêm thành viên"))
sc = QScrollArea(); sc.setWidgetResizable(True); sc.setWidget(inner); stack.addWidget(sc)
w.setCentralWidget(central)
w.resize(1366, 768); w.show(); app.processEvents(); w.grab()
import os; os._exit(0)
"""

# The real launch, as an auditor starts it: ``python -m app --smoke AUDIT`` runs exactly what
# ``python -m app AUDIT`` does up to the first paint (command line, crash handler, the user's
# settings, opening the audit), then paints and reports it on stderr: timed to that line.
LAUNCH = ("-m", "app", "--smoke", "--lang", "vi")

APP = """
import sys
from app.ui.main import AppState, make_app
from app.ui.settings import AppSettings
app = make_app()
st = AppState(app, AppSettings.at(sys.argv[2]), 'vi')
assert st.open_path(sys.argv[1])
st.window.resize(1366, 768); st.window.show(); app.processEvents(); st.window.grab()
if sys.argv[3] == 'settled':
    ws = st.window.workspace
    while not ws.nav_measured():
        app.processEvents()
    st.window.grab()
import os; os._exit(0)  # measure start-up, not teardown
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # microseconds, not os.times' ticks
    return usage.ru_utime + usage.ru_stime


def timed(code: str, *args: str, env: dict) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child)."""
    before = _children_cpu()
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, check=True)
    wall = time.perf_counter() - t
    return wall, _children_cpu() - before


def timed_launch(path: str, env: dict) -> tuple[float, float]:
    """(wall seconds until the smoke run reports its first paint, CPU seconds of the child)."""
    before = _children_cpu()
    t = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, *LAUNCH, path], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )
    wall = None
    for line in child.stderr:
        if line.startswith("smoke:"):
            wall = time.perf_counter() - t
            if "painted" not in line:
                raise RuntimeError(line)
            break
    child.kill()  # the paint is what is timed, not the teardown
    child.communicate()
    if wall is None:
        raise RuntimeError(f"the smoke run ended without painting (exit {child.returncode})")
    return wall, _children_cpu() - before  # (up to the kill, a few ms past the paint)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    runs = int(argv[0]) if argv else RUNS
    sys.path.insert(0, str(ROOT))
    from app.core.demo import build_demo_audit
    from app.store.auditfile import AuditFile

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    results: dict[str, list[tuple[float, float]]] = {
        "bare": [],
        "equiv": [],
        "first": [],
        "settled": [],
        "launch": [],
    }
    with tempfile.TemporaryDirectory() as tmp:
        # As installed: bytecode cached (pip and PyInstaller ship .pyc). Some shells set
        # PYTHONDONTWRITEBYTECODE, which would make every run compile the app from source.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # settings of a first start
        env["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")  # no cache from an earlier run
        path = Path(tmp) / "demo.recp"
        AuditFile.create(path, build_demo_audit()).close()
        ini = str(Path(tmp) / "s.ini")
        timed(BARE, env=env)  # warm the OS file cache and the bytecode cache
        timed(APP, str(path), ini, "settled", env=env)
        timed_launch(str(path), env)
        for _ in range(runs):
            results["bare"].append(timed(BARE, env=env))
            results["equiv"].append(timed(EQUIV, env=env))
            results["first"].append(timed(APP, str(path), ini, "first", env=env))
            results["settled"].append(timed(APP, str(path), ini, "settled", env=env))
            results["launch"].append(timed_launch(str(path), env))

    def med(key: str, i: int) -> float:
        return statistics.median(r[i] for r in results[key])

    b_wall, b_cpu = med("bare", 0), med("bare", 1)
    print(f"runs: {runs} each, interleaved; median seconds (wall | CPU of the child)")
    print(f"reference: bare QMainWindow              {b_wall:.3f} | {b_cpu:.3f}")
    for key, label in (
        ("launch", "python -m app AUDIT, first paint"),
        ("equiv", "(info) same widgets, plain PySide6"),
        ("first", "(info) built in-process, first paint"),
        ("settled", "(info)   ... all navigation figures"),
    ):
        wall, cpu = med(key, 0), med(key, 1)
        print(
            f"{label:40s} {wall:.3f} | {cpu:.3f}   ratio {wall / b_wall:.2f}x | {cpu / b_cpu:.2f}x"
        )
    ratio = med("launch", 0) / b_wall
    verdict = "met" if ratio <= TARGET else "MISSED"
    print(f"real launch: {ratio:.2f}x the bare window, wall (target <= {TARGET}x: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
