"""Costs that grow with the audit or the file, each at three sizes beside a reference measured
in the same run (issue 25). A cost is linear when its ratio to the (linear) reference stays flat
as the size grows; the growth column is the cost's own factor from one size to the next.

1. ``info --json`` of an audit of N products x N streams x 12 months (N = 50, 100, 200), run
   in-process through ``app.cli.main``. Reference: every row of every table of the same file
   read with bare sqlite3 and dumped with ``json.dumps`` (the audit's content, linear).
   Before issue 25: 200 x 200 took 15 s and printed 66 MB. Then the same with ``--specific``,
   the streams x products x periods matrix, which grows with N x N by design.
2. XLSX import (``validate``) of a meter log of R readings (long layout, summed per month;
   R = 10k, 40k, 160k). Reference:
   openpyxl's read-only streaming of the same sheet's values (what reading alone costs).
3. The refusal of a 1,048,575-row sheet (over ``MAX_ROWS``). Reference: openpyxl's
   ``load_workbook(read_only=True)`` of it, which alone parses the whole sheet when it has no
   ``<dimension>`` (before issue 25 the import took 113 s to refuse such a file).

    .venv/bin/python benchmarks/bench_growth.py [--quick]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import cli  # noqa: E402
from app.core.errors import UserError  # noqa: E402
from app.store.auditfile import AuditFile  # noqa: E402
from app.store.importer import ColumnMap, Mapping, validate  # noqa: E402
from tests.hostile_files import log_rows, meter_rows, raw_xlsx  # noqa: E402
from tests.test_import import make_audit  # noqa: E402
from tests.test_info_growth import grid_audit  # noqa: E402


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def info_json(path: Path, *flags: str) -> int:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["info", str(path), "--json", *flags]) == 0
    return len(out.getvalue().encode())


def dump_rows(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        content = {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
    finally:
        conn.close()
    return len(json.dumps(content, ensure_ascii=False, default=lambda b: len(b)).encode())


def stream_values(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    finally:
        wb.close()


def row(
    label: str, size: str, ours: float, ref: float, prev: float | None, extra: str = ""
) -> None:
    growth = f"x{ours / prev:5.2f}" if prev else "     "
    print(
        f"{label:<18}{size:>10}  ours {ours:7.3f} s  ref {ref:7.3f} s  "
        f"ratio {ours / ref:6.2f}  growth {growth} {extra}"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    args = parser.parse_args()
    grids = (25, 50, 100) if args.quick else (50, 100, 200)
    sheets = (5_000, 20_000, 80_000) if args.quick else (10_000, 40_000, 160_000)
    mapping = Mapping(
        period_column="Tháng",
        columns=[ColumnMap("Điện (kWh)", "Điện lưới"), ColumnMap("Nước (m3)", "Mains water")],
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(
            "1. info --json, N products x N streams x 12 months (N doubles: content x2, the old matrix x4)"
        )
        prev = None
        for n in grids:
            path = folder / f"grid{n}.recp"
            AuditFile.create(path, grid_audit(n)).close()
            info_json(path)  # warm: imports, the first generated decoders
            ours, size = timed(lambda p=path: info_json(p))
            ref, content = timed(lambda p=path: dump_rows(p))
            row("info --json", f"{n}x{n}", ours, ref, prev, f"output {size / 1e3:,.0f} kB")
            prev = ours
        prev = None
        for n in grids:  # the matrix, where it is asked for: grows with N x N by design
            path = folder / f"grid{n}.recp"
            ours, size = timed(lambda p=path: info_json(p, "--specific"))
            ref, content = timed(lambda p=path: dump_rows(p))
            row("  --specific", f"{n}x{n}", ours, ref, prev, f"output {size / 1e6:,.1f} MB")
            prev = ours
        print("2. XLSX import (validate), meter log (rows grow 4x per step)")
        log = Mapping(
            layout="long",
            period_column="Ngày",
            stream_column="Loại",
            quantity_column="Lượng",
            aggregate=True,
        )
        audit, *_ = make_audit()
        prev = None
        for rows in sheets:
            src = raw_xlsx(folder / f"m{rows}.xlsx", log_rows(rows))
            ours, result = timed(lambda s=src: validate(s, log, audit))
            ref, _ = timed(lambda s=src: stream_values(s))
            assert result.ok, result.problems[:3]
            row("xlsx validate", f"{rows:,}", ours, ref, prev)
            prev = ours
        print("3. refusal of a 1,048,575-row sheet")
        src = raw_xlsx(folder / "full.xlsx", meter_rows(1_048_574))

        def refuse() -> str:
            try:
                validate(src, mapping, audit)
            except UserError as exc:
                return exc.problem.key
            return "accepted!"

        ours, key = timed(refuse)
        ref, _ = timed(lambda: _load_only(src))
        row("xlsx refusal", "1,048,575", ours, ref, None, key)
    return 0


def _load_only(path: Path) -> None:
    from openpyxl import load_workbook

    load_workbook(path, read_only=True, data_only=True).close()


if __name__ == "__main__":
    raise SystemExit(main())
