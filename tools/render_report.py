"""Render every page of the demo report to PNG in both languages, to look at them.

    .venv/bin/python tools/render_report.py [OUT_DIR] [--variant full|summary|confidential|all]

Writes OUT_DIR/report_<lang>_<variant>.pdf and OUT_DIR/<lang>_<variant>-NN.png (pdftoppm, 60 dpi;
needs poppler-utils), plus the workbook for each language.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="build/report-pages")
    parser.add_argument(
        "--variant", default="full", choices=("full", "summary", "confidential", "all")
    )
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()

    from app.core.demo import build_demo_audit

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    audit = build_demo_audit()
    variants = ("full", "summary", "confidential") if args.variant == "all" else (args.variant,)
    for variant in variants:
        render(audit, variant, out, args.dpi)
    return 0


def render(audit, variant: str, out: Path, dpi: int) -> None:
    from app.reports.export import write_report
    from app.reports.snapshot import build_snapshot

    snap = build_snapshot(audit, variant)
    for lang in ("vi", "en"):
        pdf = write_report(snap, out / f"report_{lang}_{variant}.pdf", lang, "pdf")
        write_report(snap, out / f"report_{lang}_{variant}.xlsx", lang, "xlsx")
        for old in out.glob(f"{lang}_{variant}-*.png"):
            old.unlink()
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out / f"{lang}_{variant}")],
            check=True,
        )
        pages = sorted(out.glob(f"{lang}_{variant}-*.png"))
        print(f"{pdf}: {len(pages)} pages -> {out}/{lang}_{variant}-*.png")


if __name__ == "__main__":
    raise SystemExit(main())
