"""Render every phase screen (and the start page) in both languages at 1366x768 to PNG.

    .venv/bin/python tools/screenshots.py [OUT_DIR] [--audit FILE]

Uses the demo audit (a temporary copy) unless --audit is given. To add a screen: add one line
to SCREENS (the phase key from app/ui/phases.py, or a callable taking the main window and
returning the shot's name, or its name and a dialog it opened to grab instead).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RECP_NO_DIALOGS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SCREENS = [
    "enterprise",
    "products",
    "walkthrough",
    "baselines",
    *__import__("app.ui.screens.baselines", fromlist=["_"]).screenshot_steps(),
    "options",
    *__import__("app.ui.screens.options", fromlist=["_"]).screenshot_steps(),
    "symbiosis",
    *__import__("app.ui.screens.symbiosis", fromlist=["_"]).screenshot_steps(),
    "readiness",
    "narrative",
    "reports",
    *__import__("app.ui.screens.reports", fromlist=["_"]).screenshot_steps(),
]


def demo_copy(folder: Path) -> Path:
    from app.core.demo import build_demo_audit
    from app.store.auditfile import AuditFile

    path = folder / "demo.recp"
    AuditFile.create(path, build_demo_audit()).close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="screenshots")
    parser.add_argument("--audit", help="audit file to show (copied first)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from app.ui.main import AppState, make_app
    from app.ui.settings import AppSettings

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.audit:
            path = tmp / "audit.recp"
            shutil.copy(args.audit, path)
        else:
            path = demo_copy(tmp)
        app = make_app()
        state = AppState(app, AppSettings.at(tmp / "settings.ini"), "vi")
        window = state.window
        window.resize(1366, 768)
        window.show()
        for lang in ("vi", "en"):
            state.set_language(lang)
            window.show_start_page()
            app.processEvents()
            window.grab().save(str(out / f"start_{lang}.png"))
            if not state.open_path(path):
                print("cannot open", path, file=sys.stderr)
                return 1
            for key in SCREENS:
                shown = window
                if callable(key):
                    name = key(window)
                    if isinstance(name, tuple):  # (name, a dialog the step opened)
                        name, shown = name
                else:
                    window.workspace.show_phase(key)
                    name = key
                app.processEvents()
                shown.grab().save(str(out / f"{name}_{lang}.png"))
                if shown is not window:
                    shown.close()
            window.close_context()
        window.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
