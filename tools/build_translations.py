"""Update the Qt Linguist sources (translations/<area>_vi.ts) and build the .qm files.

    .venv/bin/python tools/build_translations.py           # lupdate every area, then lrelease
    .venv/bin/python tools/build_translations.py --check   # no writes: exit 1 when a .ts is stale
                                                          # or has an unfinished translation
    .venv/bin/python tools/build_translations.py --release-only   # just build .qm (installers)

Areas and their files: translations/areas.toml (see the comment there and app/ui/README.md).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
UI = ROOT / "app" / "ui"
LANGS = ("vi",)


def tool(name: str) -> str:
    """pyside6-lupdate / -lrelease from the running interpreter's environment."""
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def areas() -> dict[str, list[Path]]:
    """Area name -> its source files (sorted, existing only)."""
    with (TRANSLATIONS / "areas.toml").open("rb") as fh:
        config = tomllib.load(fh)
    names = set(config) | {p.stem.rsplit("_", 1)[0] for p in TRANSLATIONS.glob("*_vi.ts")}
    names.add("app")
    claimed: dict[str, list[Path]] = {}
    for name in sorted(names - {"app"}):
        globs = config.get(name, {}).get(
            "files",
            [
                f"app/ui/screens/{name}*.py",
                f"app/ui/screens/{name}/**/*.py",
                f"app/ui/{name}_*.py",
                f"app/ui/{name}/**/*.py",
            ],
        )
        claimed[name] = sorted({p for g in globs for p in ROOT.glob(g) if p.is_file()})
    taken = {p for files in claimed.values() for p in files}
    if "files" in config.get("app", {}):
        app_files = sorted({p for g in config["app"]["files"] for p in ROOT.glob(g)})
    else:
        app_files = sorted(p for p in UI.rglob("*.py") if p not in taken)
    claimed["app"] = app_files
    return claimed


def ts_path(area: str, lang: str) -> Path:
    return TRANSLATIONS / f"{area}_{lang}.ts"


def lupdate(files: list[Path], ts: Path) -> None:
    cmd = [
        tool("pyside6-lupdate"),
        *map(str, files),
        "-locations",
        "none",
        "-no-obsolete",
        "-target-language",
        ts.stem.rsplit("_", 1)[1],
        "-ts",
        str(ts),
    ]
    subprocess.run(cmd, check=True, capture_output=True, text=True)


def lrelease(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        text=True,
    )
    return qm


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation text, or None when unfinished/empty."""
    out: dict[tuple[str, str], str | None] = {}
    if not ts.exists():
        return out
    root = ET.parse(ts).getroot()
    for ctx in root.iter("context"):
        cname = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type") if tr is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            text = (tr.text or "") if tr is not None else ""
            out[(cname, msg.findtext("source") or "")] = (
                text if text and kind != "unfinished" else None
            )
    return out


def problems() -> list[str]:
    """Stale or unfinished translations, as lines for a person (no file is written)."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for area, files in areas().items():
            for lang in LANGS:
                ts = ts_path(area, lang)
                if not files:
                    # A hand-kept file (e.g. Qt's own texts): nothing to compare, but finished.
                    found.extend(
                        f"{ts.name}: unfinished translation: {key[0]}: {key[1]!r}"
                        for key, text in sorted(messages(ts).items())
                        if text is None
                    )
                    continue
                if not ts.exists():
                    found.append(f"{ts.name}: missing (run tools/build_translations.py)")
                    continue
                copy = Path(tmp) / ts.name
                shutil.copy(ts, copy)
                lupdate(files, copy)
                committed, fresh = messages(ts), messages(copy)
                for key in sorted(set(fresh) - set(committed)):
                    found.append(
                        f"{ts.name}: new string not in the .ts (stale): {key[0]}: {key[1]!r}"
                    )
                for key in sorted(set(committed) - set(fresh)):
                    found.append(
                        f"{ts.name}: string no longer in the sources: {key[0]}: {key[1]!r}"
                    )
                for key, text in sorted(fresh.items()):
                    if text is None:
                        found.append(f"{ts.name}: unfinished translation: {key[0]}: {key[1]!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="report stale/unfinished, write nothing"
    )
    parser.add_argument("--release-only", action="store_true", help="only build .qm from .ts")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for line in found:
            print(line)
        print("translations: OK" if not found else f"translations: {len(found)} problem(s)")
        return 1 if found else 0
    unfinished = 0
    for area, files in areas().items():
        for lang in LANGS:
            ts = ts_path(area, lang)
            if files and not args.release_only:
                lupdate(files, ts)
            if ts.exists():
                lrelease(ts)
                missing = [k for k, v in messages(ts).items() if v is None]
                unfinished += len(missing)
                for ctx, src in missing:
                    print(f"{ts.name}: to translate: {ctx}: {src!r}")
    print(f"translations built; {unfinished} string(s) still to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
