"""Programme portfolio (issue 20): a folder of audits, and a hub on PostgreSQL.

    .venv/bin/python benchmarks/bench_portfolio.py [--audits 200] [--hub-audits 5000] [--hub URL]

1. Folder of N generated audits: ``read_folder`` (read-only open of each file, summary of its
   options with the finance rules, copies marked) beside opening each file with plain
   ``sqlite3`` and reading its option and stream rows. Target: ≤ 2×.
2. Hub with M published audits (generated): programme totals and the by-park breakdown from the
   SQL views, connection included. Target: < 1 s.
3. Publishing one audit (``hub.publish``: connect, schema check, upsert, child rows, one
   transaction) beside a plain psycopg insert of the same rows (connect, the same INSERTs, one
   transaction). Target: ≤ 3×.

Without ``--hub`` a throwaway PostgreSQL server is started (tests/pg_server.py).

Measured 2026-12-06 (shared 2-core machine, PostgreSQL 15 throwaway cluster, one run):

    folder: portfolio of 200 audits                57.6 ms   plain sqlite3 34.9 ms   ratio 1.65 (target ≤ 2×: met)
    hub: totals + by park, 5000 audits             20.8 ms                           (target < 1 s: met)
    hub: read every summary (5000)                373.3 ms                           (for information)
    publish one audit                               7.9 ms   plain psycopg  7.2 ms   ratio 1.10 (target ≤ 3×: met)

The folder meets its target because each audit file keeps its own summary, stamped with the
file's modified stamp, the schema and the app version (app/store/stored_summary.py): a file
whose summary is current costs one ``meta`` read. A file without a current one (an older app
wrote it, a crash ended the session) is summed up from its rows, ~8× the bare read; the second
folder line prints that figure (for information).
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core import model  # noqa: E402
from app.core import portfolio as pf  # noqa: E402
from app.core.demo import build_demo_audit  # noqa: E402
from app.store import hub, stored_summary  # noqa: E402
from app.store.auditfile import AuditFile  # noqa: E402
from app.store.portfolio_folder import audit_files, read_folder  # noqa: E402

PARKS = [
    ("KCN Hiệp Phước", "TP. Hồ Chí Minh"),
    ("KCN Amata", "Đồng Nai"),
    ("KCN Đình Vũ", "Hải Phòng"),
    ("KCN Long Hậu", "Long An"),
    ("KCN VSIP Bắc Ninh", "Bắc Ninh"),
]


def make_folder(folder: Path, n: int) -> None:
    base = build_demo_audit()
    rng = random.Random(7)
    for i in range(n):
        audit = copy.copy(base)
        audit.info = copy.deepcopy(base.info)
        audit.info.id = model.new_id()
        audit.info.enterprise.name = f"Doanh nghiệp {i + 1}"
        park, province = PARKS[i % len(PARKS)]
        audit.info.enterprise.industrial_park = park
        audit.info.enterprise.province = province
        audit.options = base.options[: rng.randint(5, len(base.options))]
        AuditFile.create(folder / f"audit-{i:03d}.recp", audit).close()


def plain_sqlite(folder: Path) -> int:
    rows = 0
    for path in audit_files(folder):
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        rows += len(conn.execute("SELECT * FROM options").fetchall())
        rows += len(conn.execute("SELECT * FROM streams").fetchall())
        conn.close()
    return rows


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def fill_hub(url: str, m: int, summary: pf.AuditSummary) -> None:
    """M published audits (generated rows written in bulk: generation is not what is timed)."""
    import psycopg

    hub.create_hub(url)
    rng = random.Random(11)
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        audits, children = [], {k: [] for k in hub._INSERT_CHILD}
        for i in range(m):
            park, province = PARKS[i % len(PARKS)]
            s = dataclasses.replace(
                summary,
                audit_id=f"gen-{i:05d}",
                park=park if i % 17 else "",
                province=province,
                options_found=rng.randint(3, 30),
                investment_vnd=rng.randint(1, 50) * 100_000_000,
            )
            audits.append(hub.audit_row(s))
            for k, rows in hub.child_rows(s).items():
                children[k].extend(rows)
        insert = hub._insert_audit(hub.audit_columns()).split(" ON CONFLICT")[0]
        cur.executemany(insert, audits)
        for k, rows in children.items():
            cur.executemany(hub._INSERT_CHILD[k], rows)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ANALYZE")


def plain_publish(url: str, summary: pf.AuditSummary) -> None:
    import psycopg

    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute(hub._insert_audit(hub.audit_columns()), hub.audit_row(summary))
        for k, rows in hub.child_rows(summary).items():
            cur.executemany(hub._INSERT_CHILD[k], rows)
        # (commit on leaving the block)


def line(label: str, value: float, reference: float | None, ref_label: str, target: str) -> None:
    if reference is None:
        print(f"{label:<46} {value * 1000:9.1f} ms   ({target})")
    else:
        print(
            f"{label:<46} {value * 1000:9.1f} ms   {ref_label} {reference * 1000:8.1f} ms   "
            f"ratio {value / reference:4.2f}  ({target})"
        )


def bench_hub(url: str, m: int) -> None:
    import psycopg

    summary = pf.publishable(pf.summarize(build_demo_audit()))
    t0 = time.perf_counter()
    fill_hub(url, m, summary)
    print(f"(hub filled with {m} audits in {time.perf_counter() - t0:.1f} s)")
    rollup = best(lambda: hub.hub_rollup(url, ("park",)), 5)
    line(f"hub: totals + by park, {m} audits", rollup, None, "", "target < 1 s")
    whole = best(lambda: hub.read_hub(url), 3)
    line(f"hub: read every summary ({m}) as a portfolio", whole, None, "", "for information")
    # Publish one audit: ours and the plain insert, interleaved, each on a fresh audit id.
    ours, plain = [], []
    for i in range(15):
        s = dataclasses.replace(summary, audit_id=f"pub-{i}")
        start = time.perf_counter()
        hub.publish(url, s)
        ours.append(time.perf_counter() - start)
        s = dataclasses.replace(summary, audit_id=f"plain-{i}")
        start = time.perf_counter()
        plain_publish(url, s)
        plain.append(time.perf_counter() - start)
    line(
        "publish one audit (hub.publish)",
        statistics.median(ours),
        statistics.median(plain),
        "plain psycopg",
        "target ≤ 3×",
    )
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM recp.audits").fetchone()[0] == m + 30


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--audits", type=int, default=200)
    parser.add_argument("--hub-audits", type=int, default=5000)
    parser.add_argument("--hub", help="postgresql://… of an empty database (default: throwaway)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "audits"
        folder.mkdir()
        t0 = time.perf_counter()
        make_folder(folder, args.audits)
        print(f"({args.audits} audit files generated in {time.perf_counter() - t0:.1f} s)")
        plain_sqlite(folder)  # warm the file cache for both
        ours = best(lambda: read_folder(folder), 3)
        ref = best(lambda: plain_sqlite(folder), 3)
        assert len(read_folder(folder).summaries) == args.audits
        line(
            f"folder: portfolio of {args.audits} audits", ours, ref, "plain sqlite3", "target ≤ 2×"
        )
        # Files whose stored summary is stale (written by an older app, or left by a crash):
        # the summary is computed from the rows, as every file was before.
        for path in audit_files(folder):
            conn = sqlite3.connect(path, isolation_level=None)
            stored_summary.drop(conn)
            conn.close()
        stale = best(lambda: read_folder(folder), 3)
        ref = best(lambda: plain_sqlite(folder), 3)
        line("folder: same, no current stored summary", stale, ref, "plain sqlite3", "information")
    if args.hub:
        bench_hub(args.hub, args.hub_audits)
        return 0
    from tests.pg_server import postgres_bindir, start_server

    bindir = postgres_bindir()
    if bindir is None:
        print("hub: skipped (no PostgreSQL binaries; give --hub URL)")
        return 0
    with start_server(bindir) as server:
        db = server.new_database()
        bench_hub(server.tcp_url(db), args.hub_audits)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
