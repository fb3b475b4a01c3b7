"""``python -m app findings PATH [--json]`` on a small audit built here."""

import json

import pytest

from app.cli import main
from app.core.model import (
    Audit,
    ChecklistAnswer,
    CPCategory,
    Finding,
    Photo,
    ProcessStep,
    Severity,
)
from app.store.auditfile import AuditFile


@pytest.fixture
def audit_path(tmp_path):
    step = ProcessStep(name_vi="Nhuộm", name_en="Dyeing")
    checked = Finding(
        area="tex_dyeing",
        template_id="textile_dyeing",
        item_id="tex.liquor_ratio",
        answer=ChecklistAnswer.ISSUE,
        severity=Severity.HIGH,
        cp_category=CPCategory.TECHNOLOGY_CHANGE,
        step_id=step.id,
        note="Máy jet cũ,\ntỷ lệ 1:12",
        position=1,
    )
    fine = Finding(
        area="compressed_air",
        template_id="general_utilities",
        item_id="gen.air.leaks",
        answer=ChecklistAnswer.NO_ISSUE,
        position=0,
    )
    free = Finding(
        area="Kho than", title="Than để ngoài trời, bị ướt", answer=ChecklistAnswer.ISSUE
    )
    photos = [
        Photo(finding_id=checked.id, jpeg=b"\xff\xd8x", thumbnail=b"\xff\xd8t") for _ in range(2)
    ]
    path = tmp_path / "a.recp"
    AuditFile.create(
        path, Audit(steps=[step], findings=[checked, fine, free], photos=photos)
    ).close()
    return path


def test_json_lists_every_finding_in_walkthrough_order(audit_path, capsys):
    assert main(["--lang", "en", "findings", str(audit_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    # general_utilities sorts before textile_dyeing (file order), free findings last
    assert [r["item_id"] for r in rows] == ["gen.air.leaks", "tex.liquor_ratio", ""]
    liquor = rows[1]
    assert liquor["area_label"] == "Dyeing"
    assert liquor["title"].startswith("What is the dyeing machines' liquor ratio")
    assert (liquor["answer"], liquor["severity"], liquor["category"]) == (
        "issue",
        "high",
        "technology_change",
    )
    assert liquor["answer_label"] == "Issue found"
    assert liquor["step"] == "Dyeing" and liquor["photos"] == 2
    assert rows[2]["title"] == "Than để ngoài trời, bị ướt" and rows[2]["photos"] == 0


def test_text_in_vietnamese(audit_path, capsys):
    assert main(["--lang", "vi", "findings", str(audit_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Khu vực | Mục | Trả lời")
    liquor = next(line for line in out if "tex.liquor_ratio" in line)
    cells = liquor.split(" | ")
    assert cells[0] == "Nhuộm" and cells[2] == "Có vấn đề" and cells[3] == "Cao"
    assert cells[4] == "Thay đổi công nghệ" and cells[5] == "Nhuộm"
    assert cells[6] == "Máy jet cũ, tỷ lệ 1:12" and cells[7] == "2"
    assert "(phát hiện tự do)" in next(line for line in out if "Kho than" in line)
    assert out[-1] == "3 phát hiện: 2 có vấn đề, 0 chưa kiểm tra, 2 ảnh"


def test_issues_filter(audit_path, capsys):
    assert main(["--lang", "en", "findings", str(audit_path), "--json", "--issues"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["item_id"] for r in rows} == {"tex.liquor_ratio", ""}


def test_empty_audit(tmp_path, capsys):
    path = tmp_path / "empty.recp"
    AuditFile.create(path, Audit()).close()
    assert main(["--lang", "en", "findings", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "The audit has no findings yet."


def test_not_an_audit_file_exits_1_with_a_message(tmp_path, capsys):
    bad = tmp_path / "photo.jpg"
    bad.write_bytes(b"\xff\xd8\xff not an audit")
    assert main(["--lang", "en", "findings", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "photo.jpg" in err and "Traceback" not in err
