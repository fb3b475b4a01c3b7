"""Merge speed: merging a teammate's copy of a large audit vs copying the changed rows with plain
SQL, measured in the same run.

The audit: 500 options, 300 photos (~150 KB JPEG each), 50 streams x 120 months of records. It is
handed out; then 10 % of the objects (options, records, photos) change on each side, different
ones. Timed: ``plan_merge`` + ``apply_merge`` on the open audit (open and verify the teammate's
copy, read both sides' logs, hash the candidates, one transaction after a whole-file backup,
which is made in a thread while the plan is made), against ``INSERT OR REPLACE ... SELECT`` of
exactly the rows the teammate changed from the ATTACHed copy in one transaction, connection
opened and closed (the reference knows the answer; the merge has to find it). Target: <= 3x.
The whole session (opening and verifying this audit, and the close, which refreshes the stored
portfolio summary after any edit) is shown too. Each run starts from fresh copies, on disk.

Run: ``.venv/bin/python benchmarks/bench_merge.py``
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core import model  # noqa: E402
from app.store import backups  # noqa: E402
from app.store.auditfile import AuditFile  # noqa: E402
from app.store.teamwork import apply_merge, copy_rows_plain, hand_out, plan_merge  # noqa: E402
from tests.sample_store import sample_audit  # noqa: E402

RUNS = 5


def build(folder: Path) -> tuple[Path, Path, list[tuple[str, str]]]:
    rng = random.Random(7)
    audit = sample_audit(streams=50, months=120, findings=300, options=500, photos=0)
    for i, finding in enumerate(audit.findings):
        jpeg = b"\xff\xd8" + rng.randbytes(150_000) + b"\xff\xd9"
        audit.photos.append(
            model.Photo(finding.id, f"Ảnh {i}", 640, 480, jpeg, jpeg[:2000] + b"\xff\xd9")
        )
    mine = folder / "mine.recp"
    AuditFile.create(mine, audit).close()
    copy = folder / "copy.recp"
    with AuditFile.open(mine, backup=False) as af:
        hand_out(af, copy)
    changed: list[tuple[str, str]] = []
    for path, offset in ((mine, 0), (copy, 1)):
        with AuditFile.open(path, backup=False) as af:
            a = af.load()
            puts: list = []
            # Picked in id order: the copy's row order may differ (VACUUM renumbers rowids).
            by_id = {
                t: sorted(items, key=lambda o: o.id)
                for t, items in (
                    ("options", a.options),
                    ("records", a.records),
                    ("photos", a.photos),
                )
            }
            for items, table in ((by_id["options"], "options"), (by_id["records"], "records")):
                picked = items[offset * len(items) // 2 :][: len(items) // 10]
                for item in picked:
                    if table == "options":
                        item.title_vi += " (sửa)"
                    else:
                        item.quantity = (item.quantity or 0) + 1
                puts += picked
                if path == copy:
                    changed += [(table, item.id) for item in picked]
            photos = by_id["photos"][offset * 150 :][:30]
            for photo in photos:
                photo.caption += " (sửa)"
                photo.jpeg = None  # keep the stored JPEG
            puts += photos
            if path == copy:
                changed += [("photos", p.id) for p in photos]
            af.apply(put=puts)
    return mine, copy, changed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        mine, copy, changed = build(folder)
        print(f"audit: {mine.stat().st_size / 1e6:.1f} MB; teammate changed {len(changed)} rows")
        merge_t, plain_t, work_t, backup_t, open_t, close_t = [], [], [], [], [], []
        for run in range(RUNS):
            a = folder / f"a{run}.recp"
            b = folder / f"b{run}.recp"
            w = folder / f"w{run}.recp"
            for target in (a, b, w):
                shutil.copyfile(mine, target)
            # The three fresh copies (150 MB) on disk first: otherwise their write-back competes
            # with whichever timing comes first (the merge's), not with the reference's.
            os.sync()
            # The merge as a user runs it on the open audit (File -> Merge, or the CLI between
            # open and close): no backup of this state exists yet, so the merge makes one
            # (started with the plan, in a thread; apply waits for it).
            t0 = time.perf_counter()
            af = AuditFile.open(a, backup=False)
            t1 = time.perf_counter()
            plan = plan_merge(af, copy, backup=True)
            apply_merge(af, plan)
            t2 = time.perf_counter()
            af.close()  # the end of the session: the portfolio summary refreshed, as after any edit
            t3 = time.perf_counter()
            open_t.append(t1 - t0)
            merge_t.append(t2 - t1)
            close_t.append(t3 - t2)
            got = sorted((c.table, c.id) for c in plan.changes)
            missing = sorted(set(changed) - set(got))[:3]
            assert got == sorted(changed) and not plan.conflicts, (
                len(got),
                missing,
                plan.skipped[:2],
            )
            # The same merge when a backup of this state already exists (made on open): the
            # merge's own work, and the whole-file backup alone.
            with AuditFile.open(w, backup=False) as af:
                t0 = time.perf_counter()
                backups.make_backup(af._conn, af.path, af.meta()["modified"], force=True)
                backup_t.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                apply_merge(af, plan_merge(af, copy))
                work_t.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            conn = sqlite3.connect(b, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            copy_rows_plain(conn, copy, changed)
            conn.close()
            plain_t.append(time.perf_counter() - t0)
        med = statistics.median
        m, p, w, b = med(merge_t), med(plain_t), med(work_t), med(backup_t)
        o, c = med(open_t), med(close_t)
        s = med([x + y + z for x, y, z in zip(open_t, merge_t, close_t, strict=True)])
        print(f"plain SQL copy of the changed rows (reference): median {p * 1000:.0f} ms")
        print(f"merge when a backup of this state exists: median {w * 1000:.0f} ms  {w / p:.2f}x")
        print(f"a whole-file backup alone:                median {b * 1000:.0f} ms  {b / p:.2f}x")
        print(
            f"whole session (open {o * 1000:.0f} ms + merge + close {c * 1000:.0f} ms, the close "
            f"refreshing the portfolio summary as after any edit): median {s * 1000:.0f} ms  "
            f"{s / p:.2f}x"
        )
        verdict = "OK" if m / p <= 3 else "OVER TARGET"
        print(
            f"merge with its backup (made while planning): median {m * 1000:.0f} ms  {m / p:.2f}x (target <= 3x): {verdict}"
        )


if __name__ == "__main__":
    main()
