"""Peak memory (and time) of each hostile input of issue 25, each in a fresh process, beside a
reference measured in the same run: the same process handling a small valid input of the same
kind (so the imports, Pillow and openpyxl, are in both). Prints the message each one got.

    .venv/bin/python benchmarks/bench_hostile.py

Peak RSS: the child's ``VmHWM`` (Linux), the high-water mark of its own memory after exec
(``ru_maxrss`` would carry the parent's resident size over from the fork).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from app.core.errors import UserError
from app.core.messages import render
kind, path = sys.argv[1], Path(sys.argv[2])
start = time.perf_counter()
try:
    if kind == "photo":
        from app.core.photos import process_photo_file
        process_photo_file(path); outcome = "accepted"
    elif kind == "import":
        from app.store.importer import ColumnMap, Mapping, validate
        from tests.test_import import make_audit
        audit, *_ = make_audit()
        wide = Mapping(period_column="Tháng", columns=[ColumnMap("Điện (kWh)", "Điện lưới")])
        log = Mapping(layout="long", period_column="Ngày", stream_column="Loại",
                      quantity_column="Lượng", aggregate=True)
        r = validate(path, log if path.suffix == ".csv" or path.stem == "log" else wide, audit)
        outcome = f"accepted ({{r.rows_read}} rows)" if r.ok else render(r.problems[0], "en")
    else:
        from app.core.templates import load_template
        t, problems = load_template(path)
        outcome = "accepted" if t else render(problems[0], "en")
except UserError as exc:
    outcome = render(exc.problem, "en")
seconds = time.perf_counter() - start
status = Path("/proc/self/status").read_text()
peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps({{"peak_mb": peak, "seconds": seconds, "outcome": outcome}}))
"""


def run(kind: str, path: Path) -> dict:
    code = CHILD.format(root=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", code, kind, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from tests.hostile_files import (
        jpeg_claiming,
        log_rows,
        meter_rows,
        png_bomb,
        raw_xlsx,
        zip_bomb_xlsx,
    )
    from tests.test_import import to_cp1258

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)

        def write(name: str, data: bytes) -> Path:
            (d / name).write_bytes(data)
            return d / name

        log = "\n".join(["Ngày;Loại;Lượng", "01/01/2024;Điện lưới;1,5", "02/02/2024;Nước cấp;3"])
        template = (ROOT / "audit_templates" / "textile_dyeing.toml").read_text(encoding="utf-8")
        small_jpeg = jpeg_claiming(16, 16)
        cases = [
            # (label, kind, hostile file, reference file of the same kind)
            ("PNG bomb 30000x30000", "photo", write("b.png", png_bomb(30_000, 30_000)), None),
            ("PNG 8000x8000 (64 MP)", "photo", write("c.png", png_bomb(8_000, 8_000)), None),
            ("PNG 6000x6000 accepted", "photo", write("d.png", png_bomb(6_000, 6_000)), None),
            ("JPEG claims 65000^2", "photo", write("e.jpg", jpeg_claiming(65_000, 65_000)), None),
            (
                "zip named .jpg",
                "photo",
                write("f.jpg", (d / "g.zip").write_bytes(b"") or b""),
                None,
            ),
            ("xlsx zip bomb 3 GB", "import", zip_bomb_xlsx(d / "h.xlsx"), None),
            ("xlsx 1,048,575 rows", "import", raw_xlsx(d / "i.xlsx", meter_rows(1_048_574)), None),
            ("xlsx 150,000 rows ok", "import", raw_xlsx(d / "log.xlsx", log_rows(150_000)), None),
            ("csv cp1258", "import", write("j.csv", to_cp1258(log)), None),
            ("csv utf-16 200k rows", "import", d / "k.csv", None),
            ("template 10 MB string", "template", d / "l.toml", None),
        ]
        import zipfile

        with zipfile.ZipFile(d / "f.jpg", "w") as zf:
            zf.writestr("word/document.xml", "<x/>")
        lines = ["Ngày;Loại;Lượng"] + [";".join(map(str, r)) for r in list(log_rows(199_000))[1:]]
        (d / "k.csv").write_bytes("\n".join(lines).encode("utf-16"))
        (d / "l.toml").write_text(
            template.replace('vi = "', 'vi = "' + "Ô" * 5_000_000, 1), encoding="utf-8"
        )
        refs = {
            "photo": write("ref.jpg", small_jpeg),
            "import": raw_xlsx(d / "ref.xlsx", meter_rows(12)),
            "template": write("ref.toml", template.encode()),
        }
        ref_peak = {kind: run(kind, path) for kind, path in refs.items()}
        for kind, r in ref_peak.items():
            print(f"reference {kind:<9} peak {r['peak_mb']:6.0f} MB  {r['seconds']:6.2f} s")
        for label, kind, path, _ in cases:
            r = run(kind, path)
            ratio = r["peak_mb"] / ref_peak[kind]["peak_mb"]
            print(
                f"{label:<24} peak {r['peak_mb']:6.0f} MB  x{ratio:5.2f} of ref  "
                f"{r['seconds']:6.2f} s  file {path.stat().st_size / 1e6:7.2f} MB  "
                f"{r['outcome'][:110]}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
