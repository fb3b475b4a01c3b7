"""What the demo's exported pages look like (issue 18, "Look"): every text a chart draws stays
inside its drawing (measured in the font it is drawn in), the Sankey diagrams print every side
label whole with no two labels overlapping, and no table breaks a word that its column could
hold whole.

The geometry is read from the reportlab drawings of the report's story, the texts also from the
written PDF (pypdf), so each test checks what a reader sees, not how the code meant it."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.core.demo import build_demo_audit
from app.reports import fonts
from app.reports.pdf import BODY_W, PdfReport
from app.reports.snapshot import build_snapshot


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


@pytest.fixture(scope="module")
def reports(demo):
    """(report, story) per language, the full variant, built once."""
    out = {}
    for lang in ("en", "vi"):
        report = PdfReport(build_snapshot(demo, "full"), lang)
        out[lang] = (report, report.story())
    return out


def _shapes(node, m=(1, 0, 0, 1, 0, 0)):
    """Every shape of a drawing with the matrix that places it on the drawing."""
    for item in getattr(node, "contents", []):
        if isinstance(item, Group):
            t = item.transform
            yield from _shapes(
                item,
                (
                    m[0] * t[0] + m[2] * t[1],
                    m[1] * t[0] + m[3] * t[1],
                    m[0] * t[2] + m[2] * t[3],
                    m[1] * t[2] + m[3] * t[3],
                    m[0] * t[4] + m[2] * t[5] + m[4],
                    m[1] * t[4] + m[3] * t[5] + m[5],
                ),
            )
        else:
            yield item, m


def text_boxes(drawing):
    """(text, (x0, y0, x1, y1)) of every String, measured in the font it is drawn in."""
    fonts.register()
    out = []
    for item, m in _shapes(drawing):
        if not isinstance(item, String) or not item.text:
            continue
        w = stringWidth(item.text, item.fontName, item.fontSize)
        a = {"middle": -w / 2, "start": 0.0, "end": -w}[item.textAnchor]
        pts = [
            (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
            for x in (item.x + a, item.x + a + w)
            for y in (item.y - 0.2 * item.fontSize, item.y + 0.75 * item.fontSize)
        ]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        out.append((item.text, (min(xs), min(ys), max(xs), max(ys))))
    return out


def drawings(flowables):
    for f in flowables:
        if isinstance(f, Drawing):
            yield f
        yield from drawings(getattr(f, "_content", []))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_chart_text_lies_inside_its_drawing_and_the_text_frame(reports, lang):
    """A label holding "→" (drawn in the fallback font, wider than Noto Sans) was fitted as if
    in Noto Sans and ran past the flow chart's and the Sankey's right edge, into the margin."""
    _, story = reports[lang]
    found = list(drawings(story))
    assert len(found) >= 10  # the flow chart, three Sankey diagrams, the baseline charts...
    arrows = 0
    for d in found:
        assert d.width <= BODY_W + 0.01
        for t, (x0, _, x1, _) in text_boxes(d):
            arrows += "→" in t
            assert x0 >= -0.5 and x1 <= d.width + 0.5, (t, x0, x1, d.width)
    assert arrows >= 3  # the demo's "heating → waste heat" losses are covered
