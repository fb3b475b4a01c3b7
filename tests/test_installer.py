"""The PyInstaller bundle: built from build_installer.spec, then run as an auditor would run it.

One build serves every check (it takes about a minute); the built program must find its fonts,
templates, translations and reference data inside the bundle, never in the source tree, so the
checks run it from a folder outside the repository with a clean environment.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("PyInstaller is not installed: run tools/install.sh --test")
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_translations.py")], check=True, cwd=ROOT
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build_installer.spec"),
        ],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    folder = work / "dist" / "recp-audit"
    assert (folder / "recp-audit").exists() or (folder / "recp-audit.exe").exists()
    return folder


def run_bundled(bundle: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    exe = bundle / ("recp-audit-cli.exe" if os.name == "nt" else "recp-audit-cli")
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(cwd),
        "QT_QPA_PLATFORM": "offscreen",
        "RECP_DATA_DIR": str(cwd / "data"),
        "XDG_CONFIG_HOME": str(cwd / "config"),
        "XDG_DATA_HOME": str(cwd / "share"),
        "MPLCONFIGDIR": str(cwd / "mpl"),
    }
    return subprocess.run(
        [str(exe), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_bundle_contains_data_not_source(bundle):
    internal = bundle / "_internal"
    assert list((internal / "resources" / "fonts").glob("*.ttf")), "fonts missing"
    assert list((internal / "resources" / "messages").glob("*.toml")), "messages missing"
    assert list((internal / "resources" / "reference").glob("*.csv")), "reference data missing"
    assert list((internal / "audit_templates").glob("*.toml")), "templates missing"
    assert list((internal / "translations").glob("*_vi.qm")), "translations missing"
    assert not list(internal.rglob("*.ts")), "translation sources should not be shipped"
    # The report preview renders with PDFium: its native library must travel with the bundle.
    assert [p for p in internal.rglob("*pdfium*") if p.suffix in {".so", ".dll", ".dylib"}]


def test_built_program_smoke_paints_the_main_window(bundle, tmp_path):
    result = run_bundled(bundle, "--smoke", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]


def test_built_program_writes_demo_and_exports_reports(bundle, tmp_path):
    audit = tmp_path / "demo.recp"
    result = run_bundled(bundle, "--lang", "en", "demo", str(audit), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert audit.exists()

    pdf = tmp_path / "report-vi.pdf"
    result = run_bundled(
        bundle,
        "export",
        str(audit),
        "--lang",
        "vi",
        "--format",
        "pdf",
        "--variant",
        "full",
        "--out",
        str(pdf),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    text = " ".join((page.extract_text() or "") for page in reader.pages[:6])
    # Vietnamese headings prove the message catalogue and the embedded fonts were bundled.
    assert "Tóm tắt" in text or "TÓM TẮT" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "Noto" in fonts or "DejaVu" in fonts

    xlsx = tmp_path / "report-en.xlsx"
    result = run_bundled(
        bundle,
        "export",
        str(audit),
        "--lang",
        "en",
        "--format",
        "xlsx",
        "--out",
        str(xlsx),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert xlsx.stat().st_size > 5000


def test_built_program_reports_bad_input_without_traceback(bundle, tmp_path):
    result = run_bundled(
        bundle, "--lang", "en", "info", str(tmp_path / "missing.recp"), cwd=tmp_path
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "missing.recp" in result.stderr
