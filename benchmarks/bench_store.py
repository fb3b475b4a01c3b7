"""Store speed, each figure beside a bare-sqlite3 reference measured in the same run.

1. Commit one edit (``AuditFile.put`` of one record) vs a bare sqlite3 INSERT + COMMIT in the
   same mode (WAL, synchronous=FULL). Target: median <= 3x.
2. Open the demo audit and load it into core objects vs sqlite3 connecting and reading every
   row of every table. Target: <= 3x.

Run: ``.venv/bin/python benchmarks/bench_store.py``
"""

from __future__ import annotations

import copy
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core import model  # noqa: E402
from app.store.auditfile import AuditFile  # noqa: E402


def demo_audit() -> tuple[model.Audit, str]:
    try:
        from app.core.demo import build_demo_audit

        return build_demo_audit(), "demo audit (app.core.demo)"
    except ImportError:
        from tests.sample_store import sample_audit

        return sample_audit(streams=15, findings=15, options=20, photos=4), "sample audit"


def stats(times: list[float]) -> tuple[float, float, float]:
    """Median, 95th percentile and minimum. The minimum shows the work itself: on a machine
    shared with other jobs the median of the longer task also collects their time slices."""
    times = sorted(times)
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], times[0]


def bench_commit(folder: Path, audit: model.Audit, n: int = 200) -> None:
    path = folder / "commit.recp"
    af = AuditFile.create(path, copy.deepcopy(audit))
    record = copy.deepcopy(audit.records[0])
    ref = sqlite3.connect(folder / "bare.db", isolation_level=None)
    ref.execute("PRAGMA journal_mode=WAL")
    ref.execute("PRAGMA synchronous=FULL")
    ref.execute("CREATE TABLE t (id TEXT PRIMARY KEY, stream_id TEXT, period TEXT, quantity REAL)")
    store_times, bare_times = [], []
    for i in range(n):  # interleaved, as above
        record.quantity = float(i)
        t = time.perf_counter()
        af.put(record)
        store_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        ref.execute("BEGIN")
        ref.execute(
            "INSERT INTO t VALUES (?, ?, ?, ?)", (model.new_id(), record.stream_id, "2024-01", i)
        )
        ref.execute("COMMIT")
        bare_times.append(time.perf_counter() - t)
    ref.close()
    af.close()
    report("commit one edit", stats(store_times), stats(bare_times), "bare sqlite3 insert+commit")


def bench_open_load(folder: Path, audit: model.Audit, label: str, n: int = 60) -> None:
    path = folder / "demo.recp"
    AuditFile.create(path, copy.deepcopy(audit)).close()
    t = time.perf_counter()
    AuditFile.open(path).close()  # first open: makes the rotating backup
    first = time.perf_counter() - t
    tables = [
        r[0]
        for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='table'")
    ]

    def bare() -> int:
        conn = sqlite3.connect(path)
        rows = sum(len(conn.execute(f"SELECT * FROM {name}").fetchall()) for name in tables)
        conn.close()
        return rows

    # Interleaved, so both sides see the same load from whatever else runs on the machine.
    # Wall time is the figure; CPU time (this thread only) beside it shows the work itself,
    # without the waits a busy machine adds to the longer of the two.
    store_times, bare_times, store_cpu, bare_cpu = [], [], [], []
    phases: dict[str, list[float]] = {"open": [], "load": [], "close": []}
    for _ in range(n):
        c, t = time.thread_time(), time.perf_counter()
        af = AuditFile.open(path)
        t1 = time.perf_counter()
        loaded = af.load()
        t2 = time.perf_counter()
        af.close()
        t3 = time.perf_counter()
        store_cpu.append(time.thread_time() - c)
        store_times.append(t3 - t)
        for name, span in zip(phases, (t1 - t, t2 - t1, t3 - t2), strict=True):
            phases[name].append(span)
        c, t = time.thread_time(), time.perf_counter()
        rows = bare()
        bare_times.append(time.perf_counter() - t)
        bare_cpu.append(time.thread_time() - c)
    assert len(loaded.records) == len(audit.records)
    print(f"  ({label}: {len(audit.records)} records, {rows} rows in all)")
    report("open + load audit", stats(store_times), stats(bare_times), "sqlite3 read all rows")
    report("  same, CPU time", stats(store_cpu), stats(bare_cpu), "sqlite3 read all rows")
    print(
        "  parts (median): "
        + ", ".join(f"{name} {statistics.median(v) * 1000:.2f} ms" for name, v in phases.items())
    )
    # The integrity check on open is required; its own cost, on a fresh read-only connection
    # like the one open() verifies with, beside connecting and reading one row without it.
    check_times, plain_times = [], []
    uri = f"file:{path}?mode=ro"
    for _ in range(n):
        t = time.perf_counter()
        conn = sqlite3.connect(uri, uri=True)
        conn.execute("PRAGMA quick_check(5)").fetchall()
        conn.close()
        check_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        conn = sqlite3.connect(uri, uri=True)
        conn.execute("SELECT value FROM meta LIMIT 1").fetchall()
        conn.close()
        plain_times.append(time.perf_counter() - t)
    qc = statistics.median(check_times) - statistics.median(plain_times)
    print(f"  integrity quick_check on open: {qc * 1000:.2f} ms (connect + check - connect)")
    print(f"  first open of a changed file (with backup copy): {first * 1000:.2f} ms")
    # The GUI opens with the copy in a background thread (the first edit waits for it).
    with AuditFile.open(path) as af:
        af.set_setting("bench", 1)  # a change: the next open makes a backup again
    t = time.perf_counter()
    af = AuditFile.open(path, background_backup=True)
    background = time.perf_counter() - t
    af.wait_for_backup()
    af.close()
    print(f"  same, backup in a background thread (the GUI's open): {background * 1000:.2f} ms")
    # Loading alone, on an open file, beside the same rows read raw on that connection.
    load_times, read_times = [], []
    with AuditFile.open(path) as af:
        for _ in range(n):
            t = time.perf_counter()
            af.load()
            load_times.append(time.perf_counter() - t)
            t = time.perf_counter()
            for name in tables:
                af._conn.execute(f"SELECT * FROM {name}").fetchall()
            read_times.append(time.perf_counter() - t)
    report("  load only (file open)", stats(load_times), stats(read_times), "same rows, raw")


def report(name: str, store: tuple, bare: tuple, ref_name: str) -> None:
    ratio = store[0] / bare[0]
    verdict = "OK" if ratio <= 3 else "OVER TARGET"
    print(
        f"{name}: median {store[0] * 1000:.2f} ms, p95 {store[1] * 1000:.2f} ms, "
        f"min {store[2] * 1000:.2f} ms | {ref_name}: median {bare[0] * 1000:.2f} ms, "
        f"p95 {bare[1] * 1000:.2f} ms, min {bare[2] * 1000:.2f} ms | "
        f"ratio {ratio:.2f}x (min/min {store[2] / bare[2]:.2f}x; target <= 3x) {verdict}"
    )


def main() -> None:
    audit, label = demo_audit()
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp:
        folder = Path(tmp)
        bench_commit(folder, audit)
        bench_open_load(folder, audit, label)


if __name__ == "__main__":
    main()
