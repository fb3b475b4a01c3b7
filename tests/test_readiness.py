"""Eco-enterprise readiness: the checklist file, per-audit evaluation on the demo audit, the
park level (19 % / 21 %) and the ``readiness`` command."""

import copy
import dataclasses
import json
import os
from pathlib import Path

import pytest

from app.cli import main
from app.core import park_readiness as prd
from app.core import readiness as rd
from app.core.demo import build_demo_audit
from app.core.errors import UserError
from app.core.messages import render
from app.core.model import OptionStatus
from app.store.auditfile import AuditFile

SHIPPED = rd.checklist_path()


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "criteria.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- The checklist file ------------------------------------------------------------------------


def test_shipped_checklist_has_art37_cl2_points_with_source():
    checklist = rd.load_checklist()
    assert [c.id for c in checklist.criteria] == ["a", "b", "c"]
    for c in checklist.criteria:
        assert "35/2022/NĐ-CP" in c.legal_ref_vi and "37" in c.legal_ref_en
        assert c.text_vi and c.text_en and c.evidence_vi and c.evidence_en
    assert checklist.criterion("c").park_share == pytest.approx(0.20)
    assert checklist.criterion("b").rule is rd.Rule.SYMBIOSIS_ISO
    assert "05/2025/TT-BKHĐT" in checklist.source_vi
    raw = SHIPPED.read_text(encoding="utf-8")
    assert "NOT CHECKED against the Official Gazette" in raw  # the source is recorded honestly
    assert "82/2018" in raw  # ... and says the superseded thresholds are not used


def test_a_new_criterion_in_an_edited_file_appears_without_code_changes(tmp_path, demo):
    text = SHIPPED.read_text(encoding="utf-8") + (
        '\n[[criterion]]\nid = "d_waste"\nlegal_ref_vi = "Điều X"\nlegal_ref_en = "Art. X"\n'
        'text_vi = "Phân loại chất thải tại nguồn"\ntext_en = "Waste sorted at source"\n'
        'evidence_vi = "Sổ theo dõi"\nevidence_en = "Log book"\n'
    )
    checklist = rd.load_checklist(_write(tmp_path, text))
    result = rd.evaluate(demo, {"d_waste": rd.Answer(rd.Status.MET, "Sổ 2025")}, checklist)
    new = result.result("d_waste")
    assert new is not None and new.status is rd.Status.MET and new.source == "auditor"
    as_dict = rd.readiness_as_dict(result, "en")
    assert [c["id"] for c in as_dict["criteria"]] == ["a", "b", "c", "d_waste"]
    assert as_dict["criteria"][-1]["text"] == "Waste sorted at source"


@pytest.mark.parametrize(
    ("change", "entry", "words_en"),
    [
        (('rule = "recp_results"', 'rule = "magic"'), "#3 (c)", "no rule “magic”"),
        (('id = "b"', 'id = "a"'), "#2 (a)", "already used"),
        (('text_en = "At least', 'text_xx = "At least'), "#2 (b)", "“text_en” is missing"),
        (("park_share = 0.20", "park_share = 20"), "#3 (c)", "park_share must be"),
        (('id = "c"', 'id = "c d"'), "#3", "id is missing"),
    ],
)
def test_a_malformed_file_names_the_file_and_the_entry(tmp_path, change, entry, words_en):
    text = SHIPPED.read_text(encoding="utf-8")
    assert change[0] in text
    path = _write(tmp_path, text.replace(change[0], change[1], 1))
    with pytest.raises(UserError) as info:
        rd.load_checklist(path)
    en, vi = render(info.value.problem, "en"), render(info.value.problem, "vi")
    assert str(path) in en and str(path) in vi
    assert f"Criterion {entry}" in en and f"Tiêu chí {entry}" in vi
    assert words_en in en


def test_a_file_that_is_not_toml_says_so(tmp_path):
    path = _write(tmp_path, "[[criterion]\nid = ")
    with pytest.raises(UserError) as info:
        rd.load_checklist(path)
    assert str(path) in render(info.value.problem, "en")
    assert "not valid TOML" in render(info.value.problem, "en")


# --- Per audit: one test per criterion on the demo audit ---------------------------------------


def test_demo_criterion_a_is_unknown_until_the_auditor_answers(demo):
    result = rd.evaluate(demo).result("a")
    assert result.status is rd.Status.UNKNOWN and result.source == ""
    answered = rd.evaluate(demo, {"a": rd.Answer(rd.Status.MET, "Không bị xử phạt 2022–2025")})
    assert answered.result("a").status is rd.Status.MET
    assert answered.result("a").source == "auditor"
    assert answered.result("a").auditor_evidence == "Không bị xử phạt 2022–2025"


def test_demo_criterion_b_partly_symbiosis_without_iso(demo):
    links = [o for o in demo.options if o.industrial_symbiosis and o.status.value == "implemented"]
    assert len(links) == 1  # what the demo data says: the slag-to-brick-plant link
    assert not demo.info.enterprise.iso14001_certificate
    result = rd.evaluate(demo).result("b")
    assert result.status is rd.Status.PARTLY and result.source == "auto"
    keys = [e.key for e in result.evidence]
    assert keys == ["readiness.evidence.symbiosis_option", "readiness.evidence.no_certificate"]
    assert links[0].code in result.evidence[0].params["option"]


def test_demo_criterion_b_met_with_an_iso_certificate(demo):
    audit = copy.deepcopy(demo)
    audit.info.enterprise.iso14001_certificate = "VN-EMS-1234, hiệu lực đến 2027"
    result = rd.evaluate(audit).result("b")
    assert result.status is rd.Status.MET
    assert "VN-EMS-1234" in rd.evidence_text(result.evidence[-1], "en")
    for option in audit.options:
        option.industrial_symbiosis = False
    assert rd.evaluate(audit).result("b").status is rd.Status.PARTLY
    audit.info.enterprise.iso14001_certificate = ""
    assert rd.evaluate(audit).result("b").status is rd.Status.NOT_MET


def test_demo_criterion_c_met_by_verified_savings(demo):
    verified = [o for o in demo.options if o.status is OptionStatus.VERIFIED]
    assert verified and all(o.verified_saving_vnd for o in verified)
    result = rd.evaluate(demo).result("c")
    assert result.status is rd.Status.MET and result.source == "auto"
    met = [e for e in result.evidence if e.key == "readiness.evidence.verified_option"]
    assert len(met) == len(verified)
    assert rd.evaluate(demo).has_recp_results
    vi = rd.evidence_text(met[0], "vi")
    assert f"{verified[0].verified_saving_vnd:,}".replace(",", ".") in vi


def test_criterion_c_partly_not_met_unknown(demo):
    audit = copy.deepcopy(demo)
    for option in audit.options:
        if option.status is OptionStatus.VERIFIED:
            option.status = OptionStatus.IMPLEMENTED
    assert rd.evaluate(audit).result("c").status is rd.Status.PARTLY
    assert not rd.evaluate(audit).has_recp_results
    for option in audit.options:
        option.status = OptionStatus.IDENTIFIED
    assert rd.evaluate(audit).result("c").status is rd.Status.NOT_MET
    audit.options = []
    assert rd.evaluate(audit).result("c").status is rd.Status.UNKNOWN
    answered = rd.evaluate(audit, {"c": rd.Answer(rd.Status.NOT_APPLICABLE)})
    assert answered.result("c").status is rd.Status.NOT_APPLICABLE


def test_answers_setting_round_trip_ignores_bad_entries():
    stored = rd.answers_to_setting(
        {"a": rd.Answer(rd.Status.MET, " giấy xác nhận "), "b": rd.Answer()}
    )
    assert stored == {"a": {"status": "met", "evidence": "giấy xác nhận"}}
    back = rd.answers_from_setting({**stored, "x": "nonsense", "y": {"status": "great"}})
    assert back["a"] == rd.Answer(rd.Status.MET, "giấy xác nhận")
    assert back["y"].status is rd.Status.UNKNOWN and "x" not in back
    assert rd.answers_from_setting(None) == {}


def test_overall_status():
    s = rd.Status
    assert rd.overall_status([s.MET, s.NOT_APPLICABLE]) is s.MET
    assert rd.overall_status([s.MET, s.PARTLY]) is s.PARTLY
    assert rd.overall_status([s.MET, s.UNKNOWN, s.PARTLY]) is s.UNKNOWN
    assert rd.overall_status([s.NOT_MET, s.UNKNOWN]) is s.NOT_MET


def test_iso_certificates_are_stored_on_the_enterprise(tmp_path, demo):
    audit = copy.deepcopy(demo)
    audit.info.enterprise.iso50001_certificate = "EnMS 77, đến 2026"
    with AuditFile.create(tmp_path / "a.recp", audit) as af:
        pass
    with AuditFile.open(tmp_path / "a.recp", read_only=True, backup=False) as af:
        assert af.load_info().enterprise.iso50001_certificate == "EnMS 77, đến 2026"


# --- Park level --------------------------------------------------------------------------------


def _firms(demo, with_results: int, total: int) -> list[prd.FirmReadiness]:
    good = rd.evaluate(demo)
    bare = copy.deepcopy(demo)
    bare.options = []
    bad = rd.evaluate(bare)
    assert good.has_recp_results and not bad.has_recp_results
    return [
        prd.firm_from_readiness(
            dataclasses.replace(good if i < with_results else bad, enterprise=f"DN {i:03d}")
        )
        for i in range(total)
    ]


def test_park_at_19_percent_misses_criterion_c(demo):
    park = prd.park_readiness(_firms(demo, 19, 100))
    assert park.with_recp_results == 19 and park.share == pytest.approx(0.19)
    assert park.required_share == pytest.approx(0.20)
    assert not park.share_met
    assert park.park == "KCN Đình Vũ"
    assert park.symbiosis_links == 19  # one link per firm with the demo's options


def test_park_at_21_percent_meets_criterion_c(demo):
    park = prd.park_readiness(_firms(demo, 21, 100))
    assert park.share == pytest.approx(0.21) and park.share_met
    as_dict = prd.park_as_dict(park)
    assert as_dict["firms"] == 100 and as_dict["share_met"] is True
    assert len(as_dict["enterprises"]) == 100


def test_park_exactly_at_the_threshold_and_empty(demo):
    assert prd.park_readiness(_firms(demo, 1, 5)).share_met  # 20 % is "at least 20 %"
    empty = prd.park_readiness([])
    assert empty.share == 0.0 and not empty.share_met


# --- The command -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory, demo):
    path = tmp_path_factory.mktemp("rd") / "demo.recp"
    with AuditFile.create(path, demo):
        pass
    return path


def test_cli_readiness_json_and_text(demo_file, capsys):
    assert main(["readiness", str(demo_file), "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {c["id"]: c["status"] for c in data["criteria"]} == {
        "a": "unknown",
        "b": "partly",
        "c": "met",
    }
    assert main(["readiness", str(demo_file), "--lang", "vi"]) == 0
    out = capsys.readouterr().out
    assert "Mức sẵn sàng doanh nghiệp sinh thái" in out and "Đạt một phần" in out


def test_cli_readiness_reads_auditor_answers(tmp_path, demo, capsys):
    path = tmp_path / "answered.recp"
    with AuditFile.create(path, demo) as af:
        af.set_setting(rd.ANSWERS_SETTING, {"a": {"status": "met", "evidence": "Xác nhận của BQL"}})
    assert main(["readiness", str(path), "--json"]) == 0
    a = json.loads(capsys.readouterr().out)["criteria"][0]
    assert a["status"] == "met" and a["source"] == "auditor"
    assert a["auditor_evidence"] == "Xác nhận của BQL"


def test_cli_park_reads_a_folder_read_only(tmp_path, demo, capsys):
    bare = copy.deepcopy(demo)
    bare.options = []
    bare.info.enterprise.name = "Công ty B"
    for name, audit in (("a.recp", demo), ("b.recp", bare)):
        with AuditFile.create(tmp_path / name, audit):
            pass
    (tmp_path / "junk.recp").write_text("not an audit")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    assert main(["readiness", "--park", str(tmp_path), "--json", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["firms"] == 2 and data["with_recp_results"] == 1 and data["share"] == 0.5
    assert "junk.recp" in captured.err
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    assert after == before  # nothing written, migrated, locked or left beside the files
    assert main(["readiness", "--park", str(tmp_path), "--lang", "en"]) == 0
    assert "Enterprises with RECP results: 1/2 (50 %)" in capsys.readouterr().out


def test_cli_bad_arguments_give_one_line(tmp_path, capsys):
    assert main(["readiness", "--lang", "en"]) == 1
    assert "Give an audit file or --park FOLDER." in capsys.readouterr().err
    assert main(["readiness", "--park", str(tmp_path / "none"), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "Not a folder" in err and "Traceback" not in err
    os.makedirs(tmp_path / "empty")
    assert main(["readiness", "--park", str(tmp_path / "empty"), "--lang", "vi"]) == 1
    assert "không có tệp .recp" in capsys.readouterr().err


def test_has_verified_saving_follows_the_options_status_rules(demo):
    from app.core.options import has_verified_saving

    option = copy.deepcopy(next(o for o in demo.options if o.status is OptionStatus.VERIFIED))
    assert has_verified_saving(option)
    option.implemented_date = None  # a verified option must say when it was implemented
    assert not has_verified_saving(option)
    option = copy.deepcopy(next(o for o in demo.options if o.status is OptionStatus.VERIFIED))
    option.verified_saving_vnd = 0
    assert not has_verified_saving(option)


def test_cli_with_a_broken_checklist_file_gives_one_line(demo_file, tmp_path, monkeypatch, capsys):
    bad = tmp_path / "criteria.toml"
    bad.write_text(SHIPPED.read_text(encoding="utf-8").replace('rule = "recp_results"', "rule = 3"))
    monkeypatch.setattr(rd, "checklist_path", lambda: bad)
    rd.shipped_checklist.cache_clear()
    try:
        assert main(["readiness", str(demo_file), "--lang", "en"]) == 1
        err = capsys.readouterr().err
        assert str(bad) in err and "Criterion #3 (c)" in err and "Traceback" not in err
    finally:
        rd.shipped_checklist.cache_clear()
