"""Eco-enterprise readiness per park in the portfolio (issue 22 item 3): criterion c of Decree
35/2022/NĐ-CP art. 37 cl. 2 (at least 20 % of the park's enterprises with RECP results), counted
over the audited firms, with the threshold read from the checklist file.

The fixture folder (worked by hand):

- KCN Nam Cầu Kiền: 21 firms; 4 with a verified saving (criterion c met), 2 with options
  implemented but none verified (c partly: NOT counted), 15 with no option implemented.
  4/21 = 19.05 % < 20 %: not met. Symbiosis links: the demo's implemented O-18 is kept by the
  4 + 2 firms: 6.
- KCN Đình Vũ: 24 firms; 5 with a verified saving, 19 with none implemented. 5/24 = 20.83 %
  >= 20 %: met. Links: 5.
- One firm with no park recorded (none implemented): its own group, last; 0/1.
"""

from __future__ import annotations

import copy
import json
import re
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.core import model
from app.core import park_readiness as prd
from app.core import portfolio as pf
from app.core import readiness as rd
from app.core.demo import build_demo_audit
from app.core.model import OptionStatus
from app.store import schema, stored_summary
from app.store.auditfile import AuditFile
from app.store.portfolio_folder import read_entry, read_folder
from tests import pg_server as pgs

SHIPPED = Path(rd.checklist_path())
NAM_CAU_KIEN = "KCN Nam Cầu Kiền"
DINH_VU = "KCN Đình Vũ"
DONE = (OptionStatus.IMPLEMENTED, OptionStatus.VERIFIED)


def _firm(demo: model.Audit, name: str, park: str, kind: str) -> model.Audit:
    audit = copy.deepcopy(demo)
    audit.info.id = model.new_id()
    audit.info.enterprise.name = name
    audit.info.enterprise.industrial_park = park
    if kind == "partly":  # implemented, none verified
        audit.options = [o for o in audit.options if o.status != OptionStatus.VERIFIED]
    elif kind == "none":  # nothing implemented
        audit.options = [o for o in audit.options if o.status not in DONE]
    return audit


PLAN = (
    [(NAM_CAU_KIEN, "results")] * 4
    + [(NAM_CAU_KIEN, "partly")] * 2
    + [(NAM_CAU_KIEN, "none")] * 15
    + [(DINH_VU, "results")] * 5
    + [(DINH_VU, "none")] * 19
    + [("", "none")]
)


@pytest.fixture(scope="module")
def demo():
    return build_demo_audit()


@pytest.fixture(scope="module")
def folder(tmp_path_factory, demo):
    d = tmp_path_factory.mktemp("parks")
    for i, (park, kind) in enumerate(PLAN):
        name = f"Công ty {i:02d} ({kind})"
        AuditFile.create(d / f"firm-{i:02d}.recp", _firm(demo, name, park, kind)).close()
    return d


@pytest.fixture(scope="module")
def summaries(folder):
    portfolio = read_folder(folder)
    assert not portfolio.skipped and len(portfolio.summaries) == len(PLAN)
    return portfolio.summaries


def _park(parks, name):
    return next(p for p in parks if p.park == name)


def test_the_summary_carries_each_criterion_and_the_park_flag(demo):
    full = pf.summarize(demo)
    assert full.readiness == {"a": "unknown", "b": "partly", "c": "met"}
    assert full.recp_results is True and full.symbiosis_links == 1
    partly = pf.summarize(_firm(demo, "P", DINH_VU, "partly"))
    assert partly.readiness["c"] == "partly" and partly.recp_results is False
    assert partly.symbiosis_links == 1
    none = pf.summarize(_firm(demo, "N", DINH_VU, "none"))
    assert none.readiness["c"] == "not_met" and none.recp_results is False
    assert none.symbiosis_links == 0
    # The auditor's answers (the audit's setting) count, as on the readiness screen.
    answered = pf.summarize(demo, readiness_answers={"a": {"status": "met", "evidence": "BQL"}})
    assert answered.readiness["a"] == "met"
    # Anonymising keeps the figures.
    assert pf.anonymise(full).readiness == full.readiness
    assert pf.summary_from_dict(pf.summary_as_dict(full)) == full


def test_park_at_19_percent_misses_and_at_21_percent_meets_criterion_c(summaries):
    parks = prd.by_park(summaries)
    # Sorted as the portfolio's breakdowns are (by code point), an unset park last.
    assert [p.park for p in parks] == [NAM_CAU_KIEN, DINH_VU, ""]
    ncq = _park(parks, NAM_CAU_KIEN)
    assert (ncq.audited, ncq.with_recp_results) == (21, 4)
    assert ncq.share == pytest.approx(4 / 21) and ncq.share == pytest.approx(0.1905, abs=1e-4)
    assert ncq.required_share == pytest.approx(0.20) and not ncq.share_met
    assert ncq.symbiosis_links == 6 and ncq.unknown == 0
    dv = _park(parks, DINH_VU)
    assert (dv.audited, dv.with_recp_results) == (24, 5)
    assert dv.share == pytest.approx(0.2083, abs=1e-4) and dv.share_met
    assert dv.symbiosis_links == 5
    unset = _park(parks, "")
    assert (unset.audited, unset.with_recp_results, unset.share_met) == (1, 0, False)
    # Each firm's status per criterion, in the checklist's order.
    assert ncq.criteria == ("a", "b", "c")
    partly = [f for f in ncq.firms if "(partly)" in f.enterprise]
    assert len(partly) == 2
    assert all(f.status("c") is rd.Status.PARTLY and not f.recp_results for f in partly)
    assert all(f.status("b") is rd.Status.PARTLY for f in partly)  # a link, no ISO certificate


def test_an_edited_threshold_in_a_copied_checklist_changes_the_result(summaries, tmp_path):
    def checklist(share: str) -> rd.Checklist:
        path = tmp_path / f"criteria-{share}.toml"
        text = SHIPPED.read_text(encoding="utf-8")
        assert "park_share = 0.20" in text
        path.write_text(text.replace("park_share = 0.20", f"park_share = {share}"), "utf-8")
        return rd.load_checklist(path)

    lower = prd.by_park(summaries, checklist("0.19"))
    assert _park(lower, NAM_CAU_KIEN).share_met  # 19.05 % >= 19 %
    assert _park(lower, NAM_CAU_KIEN).required_share == pytest.approx(0.19)
    higher = prd.by_park(summaries, checklist("0.25"))
    assert not _park(higher, DINH_VU).share_met  # 20.83 % < 25 %
    assert not _park(higher, NAM_CAU_KIEN).share_met


def test_exactly_at_the_threshold_despite_floats(demo):
    firm = prd.firm_from_summary(pf.summarize(demo))
    bare = prd.firm_from_summary(pf.summarize(_firm(demo, "N", DINH_VU, "none")))
    assert prd.park_readiness([firm] * 7 + [bare] * 28).share_met  # 7/35 = 20 %
    assert not prd.park_readiness([firm] * 6 + [bare] * 29).share_met  # 17.1 %
    assert not prd.park_readiness([]).share_met


def test_a_summary_from_an_older_app_is_audited_but_unknown(demo):
    old = pf.summary_as_dict(pf.summarize(demo))
    for key in ("readiness", "recp_results", "symbiosis_links"):
        del old[key]  # as a hub row published before readiness was summed up
    summary = pf.summary_from_dict(old)
    assert summary.recp_results is None
    (park,) = prd.by_park([summary, pf.summarize(demo)])
    assert (park.audited, park.with_recp_results, park.unknown) == (2, 1, 1)
    firm = next(f for f in park.firms if f.recp_results is None)
    assert firm.status("c") is rd.Status.UNKNOWN


def test_an_old_cached_summary_is_recomputed(tmp_path, demo):
    path = tmp_path / "old.recp"
    AuditFile.create(path, demo).close()
    conn = sqlite3.connect(path)
    with conn:
        raw, stamp = (
            conn.execute("SELECT value FROM meta WHERE key = ?", (k,)).fetchone()[0]
            for k in (stored_summary.SUMMARY_KEY, stored_summary.STAMP_KEY)
        )
        assert stamp.startswith("2|") and stored_summary.FORMAT == 2
        old = json.loads(raw)
        for key in ("readiness", "recp_results", "symbiosis_links"):
            del old[key]
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = ?",
            (json.dumps(old), stored_summary.SUMMARY_KEY),
        )
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = ?",
            ("1|" + stamp.split("|", 1)[1], stored_summary.STAMP_KEY),
        )
    conn.close()
    summary = read_entry(path).summary
    assert summary is not None and summary.recp_results is True
    assert summary.readiness["c"] == "met"


def test_the_auditors_answers_reach_the_stored_summary(tmp_path, demo):
    path = tmp_path / "answered.recp"
    with AuditFile.create(path, demo) as af:
        af.set_setting(rd.ANSWERS_SETTING, {"a": {"status": "met", "evidence": "Công văn BQL"}})
    with AuditFile.open(path, read_only=True) as af:
        meta = af.meta()
    kept = stored_summary.stored(meta, schema.SCHEMA_VERSION)
    assert kept is not None and kept.readiness["a"] == "met"  # stored as the session closed
    assert read_entry(path).summary.readiness["a"] == "met"


# --- The command -------------------------------------------------------------------------------


def test_cli_json_has_park_readiness_with_the_note(folder, capsys):
    assert main(["portfolio", str(folder), "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)["park_readiness"]
    assert data["denominator"] == "audited_enterprises"
    assert "not of all the park's enterprises" in data["note"]
    by = {p["park"]: p for p in data["parks"]}
    assert by[NAM_CAU_KIEN]["firms"] == 21 and by[NAM_CAU_KIEN]["with_recp_results"] == 4
    assert by[NAM_CAU_KIEN]["share_met"] is False and by[NAM_CAU_KIEN]["symbiosis_links"] == 6
    assert by[DINH_VU]["firms"] == 24 and by[DINH_VU]["share_met"] is True
    assert by[DINH_VU]["required_share"] == 0.2
    firm = next(e for e in by[DINH_VU]["enterprises"] if "(results)" in e["enterprise"])
    assert firm["criteria"] == {"a": "unknown", "b": "partly", "c": "met"}
    assert firm["recp_results"] is True


def test_cli_json_confidential_names_no_enterprise(folder, capsys):
    assert main(["portfolio", str(folder), "--json", "--confidential"]) == 0
    data = json.loads(capsys.readouterr().out)["park_readiness"]
    names = [e["enterprise"] for p in data["parks"] for e in p["enterprises"]]
    assert names and set(names) == {""}


def _after(out: str, title: str) -> list[str]:
    """The report's lines from the park readiness table's title on."""
    lines = out.splitlines()
    start = next(i for i, x in enumerate(lines) if x.startswith(title))
    return lines[start:]


def _row(lines: list[str], start: str) -> list[str]:
    line = next(x for x in lines if x.strip().startswith(start))
    return re.split(r"\s{2,}", line.strip())


def test_cli_text_shows_the_per_park_table_in_both_languages(folder, capsys):
    assert main(["portfolio", str(folder), "--lang", "vi"]) == 0
    lines = _after(capsys.readouterr().out, "Sẵn sàng doanh nghiệp sinh thái theo KCN")
    head = _row([x for x in lines if "DN đã đánh giá" in x], "Khu công nghiệp")
    assert head == [
        "Khu công nghiệp",
        "DN đã đánh giá",
        "Có kết quả SXSH",
        "Tỷ lệ",
        "≥ 20 %?",
        "Liên kết cộng sinh",
    ]
    assert _row(lines, NAM_CAU_KIEN)[:6] == [NAM_CAU_KIEN, "21", "4", "19 %", "Chưa đạt", "6"]
    assert _row(lines, DINH_VU)[:6] == [DINH_VU, "24", "5", "20,8 %", "Đạt", "5"]
    assert any("không phải trên tổng số doanh nghiệp của KCN" in x for x in lines)
    assert main(["portfolio", str(folder), "--lang", "en"]) == 0
    lines = _after(capsys.readouterr().out, "Eco-enterprise readiness by park")
    assert _row(lines, DINH_VU)[:6] == [DINH_VU, "24", "5", "20.8 %", "Met", "5"]
    assert _row(lines, "(no park recorded)")[:6] == [
        "(no park recorded)",
        "1",
        "0",
        "0 %",
        "Not met",
        "0",
    ]
    assert any("Each enterprise's readiness per criterion" in x for x in lines)
    assert any("the app does not know how many enterprises the park has" in x for x in lines)


def test_cli_with_a_broken_checklist_gives_one_line(folder, tmp_path, monkeypatch, capsys):
    bad = tmp_path / "criteria.toml"
    bad.write_text(
        SHIPPED.read_text(encoding="utf-8").replace("park_share = 0.20", "park_share = 2")
    )
    monkeypatch.setattr(rd, "checklist_path", lambda: bad)
    rd.shipped_checklist.cache_clear()
    try:
        assert main(["portfolio", str(folder), "--lang", "en"]) == 1
        err = capsys.readouterr().err
        assert str(bad) in err and "Criterion #3 (c)" in err and "Traceback" not in err
    finally:
        rd.shipped_checklist.cache_clear()


# --- Exports -------------------------------------------------------------------------------------


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pdf_export_has_the_park_readiness_table(folder, tmp_path, lang):
    from app.reports.portfolio_export import write_portfolio_pdf

    out = tmp_path / f"portfolio-{lang}.pdf"
    write_portfolio_pdf(read_folder(folder), lang, out)
    text = _pdf_text(out)
    # the bold header's "≥" is drawn in the fallback font, not replaced by ">="
    assert "≥ 20 %?" in text and ">= 20" not in text
    if lang == "vi":
        assert "Sẵn sàng doanh nghiệp sinh thái theo KCN" in text
        assert f"{NAM_CAU_KIEN} 21 4 19 % Chưa đạt 6" in text
        assert f"{DINH_VU} 24 5 20,8 % Đạt 5" in text
        assert "không phải trên tổng số doanh nghiệp của KCN" in text
        assert "Mức sẵn sàng của từng doanh nghiệp theo tiêu chí" in text
    else:
        assert "Eco-enterprise readiness by park" in text
        assert f"{DINH_VU} 24 5 20.8 % Met 5" in text
        assert "not of all the park's enterprises" in text
        assert "Criterion c" in text


def _sheet_rows(path, name):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    assert name in wb.sheetnames
    return [list(r) for r in wb[name].iter_rows(values_only=True)]


def test_xlsx_export_has_the_park_readiness_sheet_in_both_languages(folder, tmp_path):
    from app.reports.portfolio_export import write_portfolio_xlsx

    portfolio = read_folder(folder)
    vi = tmp_path / "vi.xlsx"
    write_portfolio_xlsx(portfolio, "vi", vi)
    rows = _sheet_rows(vi, "DN sinh thái theo KCN")
    ncq = next(r for r in rows if r[0] == NAM_CAU_KIEN and r[1] == 21)
    assert ncq[:3] == [NAM_CAU_KIEN, 21, 4] and ncq[3] == pytest.approx(4 / 21)
    assert ncq[4:6] == ["Chưa đạt", 6]
    assert any(r[0] and "không phải trên tổng số doanh nghiệp" in str(r[0]) for r in rows)
    firm = next(r for r in rows if r[1] == "Công ty 00 (results)")
    assert firm[:4] == [NAM_CAU_KIEN, "Công ty 00 (results)", "Có", 1]
    assert firm[4:8] == ["Chưa xác định", "Đạt một phần", "Đạt", "Chưa xác định"]
    en = tmp_path / "en.xlsx"
    write_portfolio_xlsx(portfolio, "en", en, confidential=True)
    rows = _sheet_rows(en, "Eco-enterprise by park")
    dv = next(r for r in rows if r[0] == DINH_VU and r[1] == 24)
    assert dv[1:3] == [24, 5] and dv[4] == "Met"
    cells = [str(c) for r in rows for c in r if c]
    assert not any("Công ty" in c for c in cells)  # confidential: no enterprise named
    assert any(c.startswith("Anonymous enterprise") for c in cells)


# --- The programme hub (a real PostgreSQL server, tests/pg_server.py) ---------------------------

pg_server = pgs.pg_server
hub_db = pgs.hub_db


@pytest.fixture
def url(pg_server, hub_db):
    return pg_server.tcp_url(hub_db)


def test_the_hub_carries_readiness_and_its_park_view(url, tmp_path, demo, capsys):
    psycopg = pytest.importorskip("psycopg")
    for i, (park, kind) in enumerate(
        [(DINH_VU, "results"), (DINH_VU, "none"), (NAM_CAU_KIEN, "partly")]
    ):
        path = tmp_path / f"{i}.recp"
        AuditFile.create(path, _firm(demo, f"DN {i}", park, kind)).close()
        assert main(["publish", str(path), "--to", url]) == 0
    capsys.readouterr()
    assert main(["portfolio", url, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["park_readiness"]
    by = {p["park"]: p for p in data["parks"]}
    assert (by[DINH_VU]["firms"], by[DINH_VU]["with_recp_results"]) == (2, 1)
    assert by[DINH_VU]["share_met"] is True and by[DINH_VU]["symbiosis_links"] == 1
    assert (by[NAM_CAU_KIEN]["firms"], by[NAM_CAU_KIEN]["with_recp_results"]) == (1, 0)
    assert by[NAM_CAU_KIEN]["symbiosis_links"] == 1  # implemented, though not verified
    partly = by[NAM_CAU_KIEN]["enterprises"][0]
    assert partly["enterprise"] == "" and partly["criteria"]["c"] == "partly"  # anonymised
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT park, audits, with_recp_results, readiness_unknown, share, symbiosis_links "
            "FROM recp.park_readiness"
        ).fetchall()
    assert sorted(rows) == [(NAM_CAU_KIEN, 1, 0, 0, 0.0, 1), (DINH_VU, 2, 1, 0, 0.5, 1)]


def test_a_row_of_an_older_hub_is_migrated_and_unknown(url, demo, monkeypatch, capsys):
    psycopg = pytest.importorskip("psycopg")
    from app.store import hub

    original = list(hub.HUB_MIGRATIONS)
    monkeypatch.setattr(hub, "HUB_MIGRATIONS", original[:2])
    monkeypatch.setattr(hub, "HUB_SCHEMA_VERSION", 2)
    assert hub.create_hub(url) == 2
    old = pf.summary_as_dict(pf.anonymise(pf.summarize(_firm(demo, "DN", DINH_VU, "results"))))
    for key in ("readiness", "recp_results", "symbiosis_links"):
        del old[key]  # as an app before readiness published it
    with psycopg.connect(url) as conn:
        conn.execute(
            "INSERT INTO recp.audits (audit_id, park, anonymised, summary) "
            "VALUES (%s, %s, true, %s)",
            (old["audit_id"], DINH_VU, json.dumps(old)),
        )
    monkeypatch.setattr(hub, "HUB_MIGRATIONS", original)
    monkeypatch.setattr(hub, "HUB_SCHEMA_VERSION", len(original))
    assert main(["portfolio", url, "--json", "--lang", "en"]) == 0  # reading migrates
    (park,) = json.loads(capsys.readouterr().out)["park_readiness"]["parks"]
    assert (park["firms"], park["with_recp_results"], park["readiness_unknown"]) == (1, 0, 1)
    assert park["enterprises"][0]["criteria"] == {"a": "unknown", "b": "unknown", "c": "unknown"}
    with psycopg.connect(url) as conn:
        version = conn.execute("SELECT value FROM recp.hub_meta").fetchone()[0]
        view = conn.execute(
            "SELECT audits, with_recp_results, readiness_unknown FROM recp.park_readiness"
        ).fetchone()
    assert version == str(len(original)) and view == (1, 0, 1)
    assert main(["portfolio", url, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "1 enterprise with readiness unknown" in out
