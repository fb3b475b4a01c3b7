"""``python -m app untranslated PATH [--json] [--variant …]`` on a small audit built here."""

import json

import pytest

from app.cli import main
from app.core.model import (
    Audit,
    Finding,
    Option,
    OptionStatus,
    ProcessStep,
    Product,
    Screening,
    StepFlow,
)
from app.store.auditfile import AuditFile


@pytest.fixture
def audit_path(tmp_path):
    step = ProcessStep(name_vi="Nhuộm", name_en="Dyeing")
    audit = Audit(
        products=[Product(name_vi="Vải cotton", name_en="Cotton fabric")],
        steps=[step],
        flows=[StepFlow(step_id=step.id, name="Hơi nước", direction="input")],
        findings=[Finding(area="Kho than", title="Than để ngoài trời", note="Bị ướt")],
        options=[
            Option(code="O-01", title_vi="Thu hồi nước ngưng", description_vi="Lắp bơm"),
            Option(
                code="O-02",
                title_vi="Làm bóng",
                title_en="Mercerising",
                status=OptionStatus.SCREENED,
                screening=Screening.REJECTED,
                rejection_reason="Không có công đoạn làm bóng",
            ),
        ],
    )
    audit.info.narrative = {"focus": {"vi": "Lò hơi", "en": ""}}
    path = tmp_path / "a.recp"
    AuditFile.create(path, audit).close()
    return path


def test_json_lists_each_item_once_with_where_to_edit_it(audit_path, capsys):
    assert main(["--lang", "en", "untranslated", str(audit_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    got = [(r["kind"], r["code"], r["fields"], r["screen"]) for r in rows]
    assert got == [
        ("flow", "Hơi nước", ["name"], "products"),
        ("finding", "Than để ngoài trời", ["title", "note"], "walkthrough"),
        ("option", "O-01", ["title_vi", "description_vi"], "options"),
        ("option", "O-02", ["rejection_reason"], "options"),
        ("narrative", "focus", ["vi"], "narrative"),
    ]
    assert rows[0]["name"] == "Dyeing › Hơi nước" and rows[4]["name"] == "Audit focus"
    assert rows[3]["name"] == "O-02 Mercerising"
    assert rows[2]["fields_label"] == "title, description" and rows[2]["where"] == "Options"


def test_text_in_both_languages_and_per_variant(audit_path, capsys):
    assert main(["--lang", "vi", "untranslated", str(audit_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "5 mục chưa dịch trong báo cáo tiếng Anh (bản đầy đủ):"
    assert "Cơ hội SXSH | Cơ hội SXSH | O-02 Làm bóng | lý do loại" in out
    # the summary prints option titles and stream names only
    assert main(["--lang", "en", "untranslated", str(audit_path), "--variant", "summary"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "1 item untranslated in the English report (summary):",
        "Options | Option | O-01 Thu hồi nước ngưng | title",
    ]


def test_nothing_untranslated_and_a_missing_file(tmp_path, capsys):
    path = tmp_path / "b.recp"
    AuditFile.create(path, Audit(products=[Product(name_vi="Vải", name_en="Fabric")])).close()
    assert main(["--lang", "en", "untranslated", str(path)]) == 0
    assert capsys.readouterr().out == "The English report (full) has nothing untranslated.\n"
    assert main(["--lang", "en", "untranslated", str(tmp_path / "nope.recp")]) == 1
    err = capsys.readouterr().err
    assert "not found" in err and err.count("\n") == 1
