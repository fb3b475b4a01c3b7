"""Helper for test_store_crash: commits edits in a loop until killed.

Usage: ``python tests/crash_writer.py PATH``. After each committed ``apply`` it prints
``single ID`` (one product) or ``group ID N`` (a stream with N records in one transaction), and
flushes, so every line the parent reads names an edit that was committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core import model  # noqa: E402
from app.store.auditfile import AuditFile  # noqa: E402


def main(path: str) -> None:
    af = AuditFile.open(path)
    n = 0
    print("ready", flush=True)
    while True:
        n += 1
        if n % 5 == 0:
            group = model.ResourceStream(model.StreamKind.WATER, f"Nước {n}", "m3")
            records = [model.PeriodRecord(group.id, f"2024-{m:02d}", float(m)) for m in (1, 2, 3)]
            af.apply(put=[group, *records])
            print(f"group {group.id} {len(records)}", flush=True)
        else:
            product = model.Product(f"Sản phẩm {n}", name_en="y" * (n % 700), position=n)
            af.put(product)
            print(f"single {product.id}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
