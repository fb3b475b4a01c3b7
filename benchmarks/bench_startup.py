"""Cold start to the first painted main window with the demo audit, vs a bare PySide6 start.

Each run is a fresh subprocess (imports included) that exits right after the window is painted.
The reference, in the same run: a bare QMainWindow shown and painted. Target: <= 1.5x.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1366, 768); w.show(); app.processEvents(); w.grab()
"""

APP = """
import sys
from app.ui.main import AppState, make_app
from app.ui.settings import AppSettings
app = make_app()
st = AppState(app, AppSettings.at(sys.argv[2]), 'vi')
assert st.open_path(sys.argv[1])
st.window.resize(1366, 768); st.window.show(); app.processEvents(); st.window.grab()
import os; os._exit(0)  # measure start-up, not teardown
"""


def timed(code: str, *args: str, env: dict) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - t


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from app.core.demo import build_demo_audit
    from app.store.auditfile import AuditFile

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as tmp:
        # As installed: bytecode cached (pip and PyInstaller ship .pyc). Some shells set
        # PYTHONDONTWRITEBYTECODE, which would make every run compile the app from source.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        path = Path(tmp) / "demo.recp"
        AuditFile.create(path, build_demo_audit()).close()
        ini = str(Path(tmp) / "s.ini")
        timed(BARE, env=env)  # warm the OS file cache for both
        timed(APP, str(path), ini, env=env)
        bare, app = [], []
        for _ in range(RUNS):
            bare.append(timed(BARE, env=env))
            app.append(timed(APP, str(path), ini, env=env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"runs: {RUNS} each, median seconds")
    print(f"reference: bare QMainWindow      {b:.3f} s")
    print(f"RECP Audit with the demo audit   {a:.3f} s")
    print(f"ratio: {a / b:.2f}x (target <= 1.5x: {'OK' if a / b <= 1.5 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
