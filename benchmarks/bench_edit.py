"""Undoable edit to committed on disk, through AuditContext.edit (the GUI's only edit path).

Prints median and p95 of one edit (snapshot + undo command + one store transaction + in-memory
update + changed signal) beside the bare store apply() of the same entity in the same run.
Target: p95 <= 50 ms.
"""

from __future__ import annotations

import copy
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

N = 200


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def main() -> int:
    from PySide6.QtCore import QCoreApplication

    from app.core.demo import build_demo_audit
    from app.store.auditfile import AuditFile
    from app.ui.context import AuditContext

    QCoreApplication.instance() or QCoreApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.recp"
        AuditFile.create(path, build_demo_audit()).close()
        af = AuditFile.open(path)
        ctx = AuditContext(af, path=str(path))
        flows = ctx.audit.flows
        edit_ms, undo_ms, bare_ms = [], [], []
        for i in range(N):
            flow = copy.deepcopy(flows[i % len(flows)])
            flow.note = f"note {i}"
            t = time.perf_counter()
            assert ctx.edit("Edit note", put=[flow])
            edit_ms.append((time.perf_counter() - t) * 1000)
        for _ in range(50):
            t = time.perf_counter()
            ctx.undo_stack.undo()
            undo_ms.append((time.perf_counter() - t) * 1000)
        for i in range(N):
            flow = copy.deepcopy(flows[i % len(flows)])
            flow.note = f"bare {i}"
            t = time.perf_counter()
            af.apply(put=[flow])
            bare_ms.append((time.perf_counter() - t) * 1000)
        af.close()
        ctx.undo_stack.clear()  # free Qt undo commands before interpreter teardown
        del ctx
    print(f"audit: demo ({len(flows)} flows); {N} edits")
    print(f"{'':28}{'median ms':>10}{'p95 ms':>10}")
    print(
        f"{'undoable edit (context)':28}{statistics.median(edit_ms):10.2f}{pct(edit_ms, 0.95):10.2f}"
    )
    print(f"{'undo (context)':28}{statistics.median(undo_ms):10.2f}{pct(undo_ms, 0.95):10.2f}")
    print(
        f"{'reference: bare apply()':28}{statistics.median(bare_ms):10.2f}{pct(bare_ms, 0.95):10.2f}"
    )
    ratio = pct(edit_ms, 0.95) / pct(bare_ms, 0.95)
    p95 = pct(edit_ms, 0.95)
    print(
        f"ratio p95 edit / bare apply: {ratio:.2f}x; target p95 <= 50 ms: {'OK' if p95 <= 50 else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
