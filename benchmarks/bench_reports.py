"""Report export speed: each figure beside a reference measured in the same run.

    .venv/bin/python benchmarks/bench_reports.py [--quick]

Cases: the demo audit (full PDF and workbook, vi and en) and a large generated audit
(500 options, 300 photos, 50 streams x 120 months). References:
- PDF, "same pages" (the demo; issue 18's yardstick, "within 2x reportlab writing the same
  pages"): reportlab alone laying out and drawing the report's own flowables (tables,
  paragraphs, photos, charts, page breaks) with a plain SimpleDocTemplate, so the ratio is the
  cost of the report's own work (building the story, header, footer, contents, outline);
- PDF, "reference" (kept for comparison with earlier runs; stricter): reportlab alone building a
  document with the same number of table rows but one line of plain text per cell (in tables
  of the same width, with the same embedded font), no paragraphs, the same images and charts;
  it writes fewer pages than the report (26 against 42 for the demo);
- XLSX: openpyxl alone writing the same number of cells (values, no styles).
Target: report <= 2x its reference. The snapshot (all figures from the core modules) is timed
separately: it is computed once per export and shared by both formats.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import os  # noqa: E402

os.environ.setdefault("MPLBACKEND", "Agg")


def timed(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def pdf_reference(rows: int, images: list[bytes], charts: list) -> float:
    """reportlab alone: the same number of table rows (plain text cells, the cheapest kind),
    the same images and the report's own chart drawings (already built: building them is not in
    the reference, rendering them is), in one pass with no contents page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Image, SimpleDocTemplate, Table

    from app.reports import fonts

    fonts.register()

    def build():
        story = []
        chunk = 40
        for start in range(0, rows, chunk):
            n = min(chunk, rows - start)
            data = [
                [
                    f"Dòng {start + i} điện năng",
                    f"{i * 1.5:.1f}",
                    "kWh",
                    f"{i * 1000:,}",
                ]
                for i in range(n)
            ]
            story.append(
                Table(data, repeatRows=0, style=[("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR)])
            )
        for jpeg in images:
            story.append(Image(io.BytesIO(jpeg), 7.5 * cm, 5.6 * cm))
        for d in charts:  # platypus marks a flowable it moved to the next page; reused: unmark
            d.__dict__.pop("_postponed", None)
        story += charts
        # the report's body width: 2 cm margins, minus the frame's 6 pt padding
        margins = {f"{side}Margin": 2 * cm - 6 for side in ("left", "right", "top", "bottom")}
        SimpleDocTemplate(io.BytesIO(), pagesize=A4, **margins).build(story)  # report's frame

    return timed(build, 5 if rows < 5000 else 1)


def pdf_same_pages_reference(snap, lang: str) -> tuple[float, int]:
    """reportlab alone writing the report's own pages: the flowables the report's story holds
    (its tables, paragraphs, photos, charts and page breaks, already built: building them is
    the report's work, not reportlab's), laid out and drawn by a plain SimpleDocTemplate with
    the report's page size and margins, without the report's header and footer, contents
    numbers, bookmarks and outline. Returns (best of 5, pages written)."""
    from reportlab.platypus import Flowable, NextPageTemplate, SimpleDocTemplate

    from app.reports.pdf import MARGIN, PAGE_H, PAGE_W, PdfReport
    from app.reports.pdf_toc import ContentsPage, headings

    class Blank(Flowable):  # the contents page's room, left empty (its drawing is the report's)
        def __init__(self, page: ContentsPage):
            super().__init__()
            self.page = page

        def wrap(self, avail_width, avail_height):
            return self.page.wrap(avail_width, avail_height)

        def draw(self) -> None:
            pass

    def plain(flowable):
        if isinstance(flowable, ContentsPage):
            return Blank(flowable)
        return None if isinstance(flowable, NextPageTemplate) else flowable

    best, pages = float("inf"), 0
    for _ in range(5):
        report = PdfReport(snap, lang)
        story = report.story()
        if report.toc_flowable is not None:
            report.toc_flowable.set_headings(headings(story))
        story = [f for f in map(plain, story) if f is not None]
        margins = {f"{side}Margin": MARGIN for side in ("left", "right", "top", "bottom")}
        doc = SimpleDocTemplate(io.BytesIO(), pagesize=(PAGE_W, PAGE_H), **margins)
        t = time.perf_counter()
        doc.build(story)
        best = min(best, time.perf_counter() - t)
        pages = doc.page
    return best, pages


def xlsx_reference(cells: int) -> float:
    from openpyxl import Workbook

    def build():
        wb = Workbook()
        ws = wb.active
        cols = 8
        for r in range(cells // cols + 1):
            ws.append([r * 1.5, "Điện năng", r, r * 2.0, "=A1*2", r, "kWh", r])
        wb.save(io.BytesIO())

    return timed(build, 5 if cells < 50000 else 1)


def count_rows(snap) -> tuple[int, list, float]:
    """Table rows the full PDF lays out (counted while its story is built), its chart
    drawings, and the time building the story (charts included) took."""
    from app.reports.pdf import PdfReport

    report = PdfReport(snap, "vi")
    t = time.perf_counter()
    report.story()
    t_story = time.perf_counter() - t
    return report.table_rows, list(report._charts.values()), t_story


def count_cells(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    return sum(
        1 for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None
    )


def case(name: str, audit, tmp: Path, langs=("vi", "en"), photo_loader=None) -> None:
    from app.reports.export import write_report
    from app.reports.snapshot import build_snapshot

    t_snap = timed(lambda: build_snapshot(audit, "full", photo_loader=photo_loader))
    snap = build_snapshot(audit, "full", photo_loader=photo_loader)
    images = [p.jpeg for f in snap.findings for p in f.photos if p.jpeg]
    print(
        f"\n{name}: {len(snap.streams)} streams x {len(snap.periods)} months, "
        f"{len(snap.options)} options, {len(images)} photos"
    )
    print(f"  snapshot (all figures from core)      {t_snap:7.2f} s")
    rows, charts, t_story = count_rows(snap)
    ref_pdf = pdf_reference(rows, images, charts)
    print(
        f"  reference: {rows} table rows, {len(images)} photos + {len(charts)} chart drawings, "
        "one pass"
    )
    print(f"  story with {len(charts)} vector charts built: {t_story:6.2f} s")
    repeat = 5 if name == "demo" else 1  # best of 5: the demo's figures are tens of ms
    for lang in langs:
        out = tmp / f"{name}_{lang}.pdf"
        t = timed(lambda out=out, lang=lang: write_report(snap, out, lang, "pdf"), repeat)
        print(f"  PDF {lang}  {t:7.2f} s   reference {ref_pdf:6.2f} s   ratio {t / ref_pdf:4.2f}")
        if name == "demo":  # the yardstick: reportlab writing the same pages
            ref_same, pages = pdf_same_pages_reference(snap, lang)
            print(
                f"  PDF {lang}  {t:7.2f} s   same {pages} pages {ref_same:6.2f} s   "
                f"ratio {t / ref_same:4.2f}"
            )
    xl = tmp / f"{name}_vi.xlsx"
    t0 = timed(lambda: write_report(snap, xl, "vi", "xlsx"), repeat)
    ref_xl = xlsx_reference(count_cells(xl))
    for lang in langs:
        out = tmp / f"{name}_{lang}.xlsx"
        t = (
            t0
            if lang == "vi"
            else timed(lambda out=out, lang=lang: write_report(snap, out, lang, "xlsx"), repeat)
        )
        print(f"  XLSX {lang} {t:7.2f} s   reference {ref_xl:6.2f} s   ratio {t / ref_xl:4.2f}")


def main() -> int:
    import tempfile

    from app.core.demo import build_demo_audit
    from tests.sample_report import build_audit

    quick = "--quick" in sys.argv
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        case("demo", build_demo_audit(), tmp)
        if quick:
            big = build_audit(n_streams=10, n_months=24, n_options=50, n_photos=20)
        else:
            big = build_audit(n_streams=50, n_months=120, n_options=500, n_photos=300)
        case("large", big, tmp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
