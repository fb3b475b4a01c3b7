"""Shared set-up for the GUI tests: temporary settings, audit files, built translations."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core import model
from app.paths import data_path

os.environ.setdefault("RECP_NO_DIALOGS", "1")


def ensure_qm() -> None:
    """The .qm files are build products (not committed): build them once if missing."""
    if not list(data_path("translations").glob("*_vi.qm")):
        subprocess.run(
            [sys.executable, str(data_path("tools", "build_translations.py")), "--release-only"],
            check=True,
            capture_output=True,
        )


def sample_audit() -> model.Audit:
    info = model.AuditInfo(title="Đánh giá SXSH 2025", baseline_start="2024-01", baseline_months=12)
    info.enterprise.name = "Công ty TNHH Thử nghiệm"
    audit = model.Audit(info=info)
    audit.team = [model.TeamMember("Nguyễn Văn An", role="Trưởng nhóm", position=0)]
    audit.products = [model.Product("Vải thành phẩm", unit="t", position=0)]
    audit.production = [model.ProductionRecord(audit.products[0].id, "2024-01", 250.0)]
    audit.steps = [
        model.ProcessStep("Giũ hồ", name_en="Desizing", position=0),
        model.ProcessStep("Nhuộm", name_en="Dyeing", position=1),
        model.ProcessStep("Sấy", name_en="Drying", position=2),
    ]
    audit.flows = [
        model.StepFlow(audit.steps[1].id, model.FlowDirection.INPUT, "Nước", 1000.0, "m3"),
        model.StepFlow(audit.steps[1].id, model.FlowDirection.LOSS, "Nước thải", 900.0, "m3"),
    ]
    return audit


def make_file(tmp_path: Path, audit: model.Audit | None = None) -> Path:
    from app.store.auditfile import AuditFile

    path = tmp_path / "audit.recp"
    AuditFile.create(path, audit if audit is not None else sample_audit()).close()
    return path


def reload(path: Path) -> model.Audit:
    """The audit as it is on disk, read by a second (read-only) opener."""
    from app.store.auditfile import AuditFile

    with AuditFile.open(path) as af:
        return af.load()


@contextmanager
def textile_context(tmp_path: Path, lang: str = "en") -> Iterator:
    """An AuditContext over a file of the sample audit as a textile dyehouse (VSIC 1313), so the
    walkthrough offers the textile checklist; the file is closed afterwards."""
    from app.store.auditfile import AuditFile
    from app.ui.context import AuditContext

    audit = sample_audit()
    audit.info.enterprise.sector_vsic = "1313"
    path = make_file(tmp_path, audit)
    af = AuditFile.open(path)
    try:
        yield AuditContext(af, path=str(path), lang=lang)
    finally:
        af.close()


@contextmanager
def app_state(tmp_path: Path, qtbot, monkeypatch, lang: str = "vi") -> Iterator:
    """The whole app (``AppState``: main window, settings and logs under ``tmp_path``) in
    ``lang``; afterwards the Portfolio window (if one was opened) and the audit are closed and
    the language goes back to English for the next test."""
    from app.ui.main import AppState, make_app
    from app.ui.settings import AppSettings

    ensure_qm()
    monkeypatch.setenv("RECP_LOG_DIR", str(tmp_path / "logs"))
    st = AppState(make_app(), AppSettings.at(tmp_path / "settings.ini"), lang)
    qtbot.addWidget(st.window)
    try:
        yield st
    finally:
        if st.window.portfolio_menu.portfolio_window is not None:
            st.window.portfolio_menu.portfolio_window.close()
        st.window.close_context()
        st.translations.set_language("en")
