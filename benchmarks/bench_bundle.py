"""Installer bundle: its size, and the built program's cold start beside the app run from source.

    .venv/bin/python benchmarks/bench_bundle.py [DIST_FOLDER] [RUNS]

Builds the bundle from build_installer.spec into a temporary folder unless DIST_FOLDER (the
``dist/recp-audit`` folder of an earlier build) is given. Both programs run ``--smoke`` (open the
demo audit, paint the main window, exit) offscreen, interleaved, with the same fresh data folder.
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


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(work: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build_installer.spec"),
        ],
        check=True,
        cwd=work,
    )
    return work / "dist" / "recp-audit"


def timed(cmd: list[str], env: dict, cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        dist = Path(sys.argv[1]) if len(sys.argv) > 1 else build(tmp)
        exe = dist / ("recp-audit-cli.exe" if os.name == "nt" else "recp-audit-cli")
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            RECP_DATA_DIR=str(tmp / "data"),
            XDG_CONFIG_HOME=str(tmp / "config"),
            MPLCONFIGDIR=str(tmp / "mpl"),
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        source = [sys.executable, "-m", "app", "--smoke"]
        # Warm-up: creates the demo audit and compiles bytecode for both.
        timed(source, env, ROOT)
        timed([str(exe), "--smoke"], env, tmp)
        bundle_times, source_times = [], []
        for _ in range(runs):
            bundle_times.append(timed([str(exe), "--smoke"], env, tmp))
            source_times.append(timed(source, env, ROOT))
        b, s = statistics.median(bundle_times), statistics.median(source_times)
        print(f"bundle size: {folder_size(dist) / 2**20:.0f} MiB ({dist})")
        print(f"start to painted window and exit, median of {runs}:")
        print(f"  built program  {b:.3f} s")
        print(f"  from source    {s:.3f} s   (reference)")
        print(f"  ratio          {b / s:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
