"""Import of a 10,000-row workbook, validated and committed, vs ``pandas.read_excel`` alone.

    .venv/bin/python benchmarks/bench_import.py [--rows 10000] [--repeat 3]

Target: import <= 3x read_excel on the same file, both measured in this run (best of N).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def make_workbook(path: Path, rows: int, streams: list[str]) -> None:
    """A long-layout meter log: date, stream, quantity (Vietnamese text), cost."""
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Nhật ký")
    ws.append(["Ngày", "Dòng", "Lượng", "Thành tiền"])
    for i in range(rows):
        day = i // len(streams)
        ws.append(
            [
                f"{day % 28 + 1:02d}/{(day // 28) % 12 + 1:02d}/{2015 + day // 336}",
                streams[i % len(streams)],
                f"{1000 + i % 97},5",
                2_000_000 + i,
            ]
        )
    wb.save(path)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import pandas as pd

    from app.core.model import Audit, ResourceStream, StreamKind
    from app.store.auditfile import AuditFile
    from app.store.importer import Mapping, commit, validate

    names = [f"Dòng {i}" for i in range(10)]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "log.xlsx"
        make_workbook(src, args.rows, names)
        mapping = Mapping(
            layout="long",
            period_column="Ngày",
            stream_column="Dòng",
            quantity_column="Lượng",
            cost_column="Thành tiền",
            aggregate=True,
        )
        runs = iter(range(1000))

        def do_import() -> None:
            streams = [ResourceStream(StreamKind.WATER, n, "m³") for n in names]
            with AuditFile.create(tmp / f"a{next(runs)}.recp", Audit(streams=streams)) as af:
                result = validate(src, mapping, af.load())
                assert result.ok and result.rows_read == args.rows, result.problems[:3]
                commit(af, result)

        reference = best(lambda: pd.read_excel(src, engine="openpyxl"), args.repeat)
        ours = best(do_import, args.repeat)
    ratio = ours / reference
    print(f"rows: {args.rows}")
    print(f"pandas.read_excel alone        : {reference * 1000:8.1f} ms")
    print(f"import (read+validate+commit)  : {ours * 1000:8.1f} ms")
    print(f"ratio: {ratio:.2f}x (target <= 3x) -> {'OK' if ratio <= 3 else 'TOO SLOW'}")
    return 0 if ratio <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
