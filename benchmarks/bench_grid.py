"""Scrolling the Baselines records grid: 120 months x 50 streams, offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_grid.py [--frames 200]

Each frame scrolls the grid by a few rows (alternately columns) and repaints it synchronously
(``viewport().repaint()``); the time per frame is compared with the 16 ms budget of 60 fps.
A bare QTableView over a static model of the same size is measured as the reference.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
BUDGET_MS = 16.0


def build_audit(months: int, streams: int):
    from app.core import model

    info = model.AuditInfo(baseline_start="2015-01", baseline_months=months)
    audit = model.Audit(info=info)
    kinds = list(model.StreamKind)
    for i in range(streams):
        s = model.ResourceStream(kinds[i % len(kinds)], f"Dòng {i}", "t")
        audit.streams.append(s)
        for j, p in enumerate(audit.baseline_periods()):
            if (i + j) % 37:  # a few gaps so quality colours are painted too
                audit.records.append(
                    model.PeriodRecord(s.id, p, 1000.0 + i * j + (j % 11 == 0) * 9000)
                )
    return audit


def frames(view, count: int) -> list[float]:
    from PySide6.QtWidgets import QApplication

    vbar, hbar = view.verticalScrollBar(), view.horizontalScrollBar()
    out = []
    for i in range(count):
        t = time.perf_counter()
        if i % 2:
            hbar.setValue((hbar.value() + 2 * 110) % (hbar.maximum() + 1))
        else:
            vbar.setValue((vbar.value() + 3 * 24) % (vbar.maximum() + 1))
        view.viewport().repaint()
        QApplication.processEvents()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=200)
    args = parser.parse_args()
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from app.store.auditfile import AuditFile
    from app.ui.context import AuditContext
    from app.ui.screens.baselines import BaselinesScreen

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "grid.recp"
        AuditFile.create(path, build_audit(120, 50)).close()
        af = AuditFile.open(path)
        ctx = AuditContext(af, path=str(path), lang="vi")
        screen = BaselinesScreen(ctx)
        screen.resize(1366, 768)
        screen.show()
        app.processEvents()
        grid = screen.grid
        assert grid.model().rowCount() == 120 and grid.model().columnCount() == 50
        frames(grid, 10)  # warm-up
        ours = frames(grid, args.frames)
        # reference: a plain QTableView over a static QStandardItemModel of the same size
        static = QStandardItemModel(120, 50)
        for r in range(120):
            for c in range(50):
                static.setItem(r, c, QStandardItem(f"{1000 + r * c:,}"))
        ref_view = QTableView()
        ref_view.setModel(static)
        ref_view.resize(grid.size())
        ref_view.show()
        app.processEvents()
        frames(ref_view, 10)
        ref = frames(ref_view, args.frames)
        af.close()

    def p95(xs):
        return statistics.quantiles(xs, n=20)[18]

    print("grid 120 months x 50 streams, offscreen, per frame (scroll + repaint)")
    print(
        f"bare QTableView (reference): median {statistics.median(ref):6.2f} ms  p95 {p95(ref):6.2f} ms"
    )
    print(
        f"baselines grid             : median {statistics.median(ours):6.2f} ms  p95 {p95(ours):6.2f} ms"
    )
    print(f"ratio (median): {statistics.median(ours) / statistics.median(ref):.2f}x")
    ok = p95(ours) <= BUDGET_MS
    print(f"p95 vs budget {BUDGET_MS:.0f} ms: {'OK' if ok else 'OVER BUDGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
