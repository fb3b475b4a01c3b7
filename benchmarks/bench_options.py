"""Options log speed with 500 options: open, sort, filter (< 100 ms each), edit one (< 50 ms).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_options.py

Each figure is printed beside a reference measured in the same run, with the ratio:
- open: our model + proxy + view, shown and painted, vs a bare QStandardItemModel filled with
  the same 500 x 14 strings in the same view;
- sort / filter: our proxy vs a QSortFilterProxyModel over that QStandardItemModel;
- edit: recomputing one option's figures, its row and the totals vs recomputing every option's
  figures and the totals from scratch (what a naive screen would do).
Medians of several runs (the machine is shared).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

N_OPTIONS = 500
RUNS = 7


def median_ms(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> int:
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from app.core import options as opt
    from app.core.model import CPCategory
    from app.ui.options_model import COLUMN, COLUMNS, OptionsFilterProxy, OptionsTableModel
    from tests.test_options_synthetic import synthetic_audit

    app = QApplication.instance() or QApplication([])
    audit = synthetic_audit(N_OPTIONS)

    def fmt(value, decimals=0):
        return f"{value:,.{max(decimals, 0)}f}"

    # --- open ----------------------------------------------------------------------------
    state: dict = {}

    parts: dict[str, list[float]] = {"figures": [], "rows": []}

    def open_ours():
        t0 = time.perf_counter()
        analysis = opt.OptionsAnalysis(audit)
        t1 = time.perf_counter()
        model = OptionsTableModel(analysis, "vi", fmt)
        proxy = OptionsFilterProxy()
        proxy.setSourceModel(model)
        parts["figures"].append((t1 - t0) * 1000)
        parts["rows"].append((time.perf_counter() - t1) * 1000)
        view = QTableView()
        view.resize(1200, 600)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.show()
        view.grab()
        state.update(analysis=analysis, model=model, proxy=proxy, view=view)

    def open_reference():
        rows = state["model"].rows
        ref = QStandardItemModel(len(rows), len(COLUMNS))
        for r, row in enumerate(rows):
            for c, value in enumerate(row.display):
                ref.setItem(r, c, QStandardItem(value))
        view = QTableView()
        view.resize(1200, 600)
        ref_proxy = QSortFilterProxyModel()
        ref_proxy.setSourceModel(ref)
        view.setModel(ref_proxy)
        view.show()
        view.grab()
        state.update(ref=ref, ref_proxy=ref_proxy, ref_view=view)

    ours_open = median_ms(open_ours, 5)
    ref_open = median_ms(open_reference, 5)

    # --- sort ----------------------------------------------------------------------------
    proxy, ref_proxy = state["proxy"], state["ref_proxy"]
    order = [Qt.AscendingOrder, Qt.DescendingOrder]
    cols = [COLUMN["npv"], COLUMN["title"], COLUMN["payback"], COLUMN["category"]]
    k = {"i": 0}

    def sort_ours():
        k["i"] += 1
        proxy.sort(cols[k["i"] % len(cols)], order[k["i"] % 2])

    def sort_ref():
        k["i"] += 1
        ref_proxy.sort(cols[k["i"] % len(cols)], order[k["i"] % 2])

    ours_sort = median_ms(sort_ours)
    ref_sort = median_ms(sort_ref)

    # --- filter --------------------------------------------------------------------------
    cats = [c.value for c in CPCategory]
    labels = [state["model"].rows[0].display[COLUMN["category"]]]

    def filter_ours():
        k["i"] += 1
        proxy.set_filter(category=cats[k["i"] % len(cats)], text="")
        proxy.set_filter(category=None, text="nhiệt")

    def filter_ref():
        k["i"] += 1
        ref_proxy.setFilterKeyColumn(COLUMN["category"])
        ref_proxy.setFilterFixedString(labels[0] if k["i"] % 2 else "x")
        ref_proxy.setFilterKeyColumn(COLUMN["title"])
        ref_proxy.setFilterFixedString("nhiệt")

    ours_filter = median_ms(filter_ours)
    ref_filter = median_ms(filter_ref)

    # --- edit one option -------------------------------------------------------------------
    analysis, model = state["analysis"], state["model"]
    target = audit.options[123]

    def edit_ours():
        target.investment_vnd += 1_000_000
        analysis.update(target)
        model.update_option(target)
        analysis.totals()

    def edit_reference():
        target.investment_vnd += 1_000_000
        opt.option_totals(audit, opt.option_finances(audit))

    ours_edit = median_ms(edit_ours)
    ref_edit = median_ms(edit_reference, 3)
    app.processEvents()

    print(f"Options log, {N_OPTIONS} options (median ms; target in brackets)")
    print(f"{'figure':<34}{'ours':>9}{'reference':>11}{'ratio':>8}  reference")
    data_ready = statistics.median(parts["figures"]) + statistics.median(parts["rows"])
    print(
        f"  open = figures of 500 options {statistics.median(parts['figures']):.1f} ms"
        f" + rows {statistics.median(parts['rows']):.1f} ms + view/paint (shared with reference)"
    )
    for name, ours, ref, target_ms, what in (
        (
            "open, data ready (no paint) [<100]",
            data_ready,
            ref_open,
            100,
            "QStandardItemModel+paint",
        ),
        ("open (model+view painted) [<100]", ours_open, ref_open, 100, "QStandardItemModel"),
        ("sort [<100]", ours_sort, ref_sort, 100, "QSortFilterProxy on QStandardItemModel"),
        ("filter (2 changes) [<100]", ours_filter, ref_filter, 100, "same, fixed-string filter"),
        ("edit one: figures+row+totals [<50]", ours_edit, ref_edit, 50, "recompute all 500"),
    ):
        flag = "ok" if ours < target_ms else "SLOW"
        print(f"{name:<34}{ours:>9.2f}{ref:>11.2f}{ours / ref:>8.2f}  {what}  {flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
