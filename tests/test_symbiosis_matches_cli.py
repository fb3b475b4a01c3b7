"""``python -m app matches``: a folder of audits matched, printed, and exported to PDF and XLSX."""

from __future__ import annotations

import copy
import json

import pytest
import symbiosis_fixture as fx

from app.cli import main
from app.core import model
from app.core.symbiosis.matcher import match
from app.reports.symbiosis_export import MatchReport, write_matches_pdf, write_matches_xlsx
from app.store.auditfile import AuditFile
from app.store.symbiosis_source import gather_parties


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The dyer and the brick maker, a copy of the brick maker (counted once), an audit with no
    classified stream, and a file that is not an audit."""
    root = tmp_path_factory.mktemp("park")
    dyer, brick = fx.audits()
    plain = copy.deepcopy(brick)
    plain.info = copy.deepcopy(brick.info)
    plain.info.id = model.new_id()
    plain.info.enterprise.name = "Công ty Chưa Phân Loại"
    for s in plain.streams:
        s.waste_class = ""
    for name, audit in (("dyer", dyer), ("brick", brick), ("plain", plain)):
        with AuditFile.create(root / f"{name}.recp", audit):
            pass
    sub = root / "copies"
    sub.mkdir()
    with AuditFile.create(sub / "brick-copy.recp", brick):
        pass
    (root / "broken.recp").write_bytes(b"not an audit at all")
    return root


def test_gathering_reads_each_audit_once_and_says_what_it_skipped(folder):
    got = gather_parties(folder)
    labels = sorted(p.label for p in got.parties)
    assert labels == sorted(
        [
            "Công ty TNHH Dệt nhuộm Lam Hải",
            "Công ty Gạch không nung Hòa Bình",
            "Công ty Chưa Phân Loại",
        ]
    )
    assert [p.location.file for p in got.skipped] == [str(folder / "broken.recp")]
    assert any(n.key == "exchange.folder.none_classified" for n in got.notes)


def test_cli_prints_the_proposal_in_english_and_vietnamese(folder, capsys):
    assert main(["matches", str(folder), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "1 proposal from 3 firms" in out
    assert "Công ty TNHH Dệt nhuộm Lam Hải → Công ty Gạch không nung Hòa Bình" in out
    assert "W-ASH-BOTTOM — Bottom ash, slag and boiler dust" in out
    assert "CO2e avoided: not estimated (landfill methane is counted only for degradable" in out
    assert "streams classified: nothing to match" in out
    assert main(["matches", str(folder), "--lang", "vi"]) == 0
    out = capsys.readouterr().out
    assert "chỉ chất thải hữu cơ phân hủy được" in out
    assert "1 đề xuất từ 3 doanh nghiệp" in out and "Cùng khu công nghiệp: KCN Đình Vũ" in out


def test_cli_json_and_a_park_without_partners(folder, capsys):
    assert main(["matches", str(folder), "--json", "--park", "kcn đình vũ", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(m["offer"]["class"], m["need"]["class"]) for m in data["matches"]] == [
        ("W-ASH-BOTTOM", "IN-CEMENT-RAW")
    ]
    first = data["matches"][0]
    assert first["quantity_per_year"] == first["offer"]["quantity_per_year"]  # under the 600 t
    assert first["waste_avoided_t_per_year"] == first["quantity_per_year"]
    assert first["co2e_avoided_t_per_year"] is None
    assert main(["matches", str(folder), "--park", "KCN Hòa Khánh", "--lang", "en"]) == 0
    assert "No proposal" in capsys.readouterr().out


def test_cli_a_missing_folder_is_one_line(tmp_path, capsys):
    assert main(["matches", str(tmp_path / "nope"), "--lang", "en"]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _report():
    matches = match(fx.PARTIES, park=fx.HK, neighbours=True)
    return MatchReport(matches, fx.HK, True, "fixture", len(fx.PARTIES), skipped=["broken.recp"])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pdf_lists_every_proposal_with_diacritics(tmp_path, lang):
    report = _report()
    path = tmp_path / f"matches-{lang}.pdf"
    write_matches_pdf(report, lang, path)
    content = " ".join(_pdf_text(path).split())
    for label in ("Tái chế dung môi Miền Trung", "Giặt là công nghiệp Sông Hàn", "Giấy Liên Chiểu"):
        assert label in content
    if lang == "vi":
        assert "Đề xuất trao đổi cộng sinh công nghiệp: KCN Hòa Khánh" in content
        assert "12 đề xuất từ 15 doanh nghiệp" in content
        assert "chất thải tránh được 2.147 t/năm" in content
        assert "Tệp không đọc được (1)" in content
    else:
        assert "Proposed industrial-symbiosis exchanges: KCN Hòa Khánh" in content
        assert "12 proposals from 15 firms" in content
        assert "waste avoided 2,147 t/year" in content
        assert "Same industrial park: KCN Hòa Khánh" in content
    # the paper scrap kept out of landfill: 30 t x 2.24 tCO2e/t (IPCC 2006 mass balance)
    if lang == "vi":
        assert (
            "CO2e tránh được: 67,2 t/năm (giả định: hiện chất thải này vào bãi chôn lấp" in content
        )
    else:
        assert "CO2e avoided: 67.2 t/year (assumption: this waste goes to landfill today" in content
    assert "Giấy Bình Dương" not in content and "Nội thất Hòa Khánh" not in content


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_xlsx_rows_hold_the_numbers(tmp_path, lang):
    from openpyxl import load_workbook

    report = _report()
    path = tmp_path / f"matches-{lang}.xlsx"
    write_matches_xlsx(report, lang, path)
    ws = load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "#")
    body = [r for r in rows[head + 1 :] if isinstance(r[0], int)]
    assert len(body) == len(report.matches) == 12
    by_pair = {(r[1], r[3], r[6]): r for r in body}
    heat = by_pair[("Bia Hòa Khánh", "Giặt là công nghiệp Sông Hàn", "MWh")]
    assert heat[5] == pytest.approx(1500) and heat[9] is None and heat[11] == 92.5
    assert heat[10] == pytest.approx(1500 * 3.6 * 0.0989775 / 0.85)  # 5 400 GJ of heat
    paper = by_pair[("Sơn Hòa Khánh", "Giấy Liên Chiểu", "kg")]
    assert paper[5] == pytest.approx(30_000) and paper[9] == pytest.approx(30)
    assert paper[8] == pytest.approx(5.56, abs=0.01)
    # 30 t of paper kept out of landfill: 30 x 0.40 x 0.5 x 0.6 x 0.5 x 16/12 x 28 = 67.2 t
    assert paper[10] == pytest.approx(67.2)
    assert ("IPCC 2006" in paper[12]) and ("MCF 0" in paper[12])
    assert [r[0] for r in body] == list(range(1, 13))
    word = "Khoảng cách" if lang == "vi" else "Distance"
    assert f"{word}: 5" in paper[12]


def test_cli_writes_both_exports(folder, tmp_path, capsys):
    pdf, xlsx = tmp_path / "m.pdf", tmp_path / "m.xlsx"
    assert (
        main(["matches", str(folder), "--pdf", str(pdf), "--xlsx", str(xlsx), "--lang", "vi"]) == 0
    )
    assert "Công ty Gạch không nung Hòa Bình" in " ".join(_pdf_text(pdf).split())
    from openpyxl import load_workbook

    assert load_workbook(xlsx).active.title == "Đề xuất"


def _copy_folder(folder, tmp_path):
    import shutil

    target = tmp_path / "park"
    target.mkdir()
    for name in ("dyer.recp", "brick.recp"):
        shutil.copy(folder / name, target / name)
    return target


def _options(path):
    with AuditFile.open(path, read_only=True, backup=False) as af:
        audit = af.load()
    return audit, [o for o in audit.options if o.industrial_symbiosis]


def test_a_proposal_becomes_an_option_in_both_audits_once(folder, tmp_path, capsys):
    park = _copy_folder(folder, tmp_path)
    dyer_before, before = _options(park / "dyer.recp")
    assert main(["matches", str(park), "--to-options", "1", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.count("Added option") == 2
    dyer, given = _options(park / "dyer.recp")
    brick, taken = _options(park / "brick.recp")
    new = [o for o in given if o.id not in {b.id for b in before}]
    assert len(new) == 1 and len(taken) == 1
    give, take = new[0], taken[0]
    assert give.category is model.CPCategory.BYPRODUCT
    assert take.category is model.CPCategory.INPUT_CHANGE
    assert "Công ty Gạch không nung Hòa Bình" in give.title_vi and "Bottom ash" in give.title_en
    slag = next(s for s in dyer.streams if s.waste_class == "W-ASH-BOTTOM")
    cement = next(s for s in brick.streams if s.waste_class == "IN-CEMENT-RAW")
    qty = next(m for m in match(gather_parties(park).parties)).quantity
    assert give.savings[0].stream_id == slag.id and give.savings[0].quantity_per_year == qty
    assert take.savings[0].stream_id == cement.id and take.savings[0].quantity_per_year == qty
    assert "KCN Đình Vũ" in take.description_vi
    assert give.code not in {o.code for o in dyer_before.options}
    # again: the same options are updated, not repeated
    assert main(["matches", str(park), "--to-options", "1", "--lang", "en"]) == 0
    assert len(_options(park / "dyer.recp")[1]) == len(given)
    assert len(_options(park / "brick.recp")[1]) == 1


def test_options_are_refused_when_an_audit_is_open_elsewhere_or_rank_is_wrong(
    folder, tmp_path, capsys
):
    park = _copy_folder(folder, tmp_path)
    assert main(["matches", str(park), "--to-options", "2", "--lang", "en"]) == 1
    assert "no proposal number 2" in capsys.readouterr().err
    with AuditFile.open(park / "brick.recp"):  # a window holds the brick maker's audit
        assert main(["matches", str(park), "--to-options", "1", "--lang", "en"]) == 1
    assert "read-only" in capsys.readouterr().err
    assert _options(park / "brick.recp")[1] == []
    dyer_symbiosis = _options(folder / "dyer.recp")[1]
    assert len(_options(park / "dyer.recp")[1]) == len(dyer_symbiosis)  # nothing half-written


def _steam(side: str, gj: float) -> dict:
    item = {"side": side, "class": "ENERGY-STEAM", "unit": "GJ", "hazardous": False}
    item["quantity_per_year"] = gj
    item["months"] = list(range(1, 13))
    if side == "need":
        item["hazardous_permit"] = False
    return item


@pytest.fixture
def steam_folder(tmp_path):
    """Two exchange files of one park: surplus steam of 2 000 GJ a year, a need of 1 500 GJ."""
    d = tmp_path / "steam"
    d.mkdir()
    for eid, side, gj in (("ex-boiler", "offer", 2000.0), ("ex-dryer", "need", 1500.0)):
        content = {
            "format": "recp-exchange",
            "version": 1,
            "enterprise_id": eid,
            "park": "KCN Hòa Khánh",
            "province": "Đà Nẵng",
            "written": "2026-12-07",
            "shared": ["quantity", "months"],
            "items": [_steam(side, gj)],
        }
        (d / f"{eid}.recpx.json").write_text(json.dumps(content, ensure_ascii=False), "utf-8")
    return d


# 1 500 GJ exchanged x (98 300 + 10 x 28 + 1.5 x 265) kg/TJ of anthracite = 0.0989775 t/GJ
# / 0.85 boiler efficiency = 174.666 t CO2e a year
STEAM_CO2E_T = 1500 * 0.0989775 / 0.85


def test_cli_and_exports_show_the_co2e_of_exchanged_steam_and_its_source(
    steam_folder, tmp_path, capsys
):
    from openpyxl import load_workbook

    assert STEAM_CO2E_T == pytest.approx(174.666, abs=1e-3)
    assert main(["matches", str(steam_folder), "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    (m,) = data["matches"]
    assert m["quantity_per_year"] == 1500 and m["co2e_avoided_t_per_year"] == pytest.approx(
        STEAM_CO2E_T
    )
    assert "IPCC 2006 Guidelines Vol. 2" in m["co2e_source"]
    assert data["co2e_avoided_t_per_year"] == pytest.approx(STEAM_CO2E_T)
    assert main(["matches", str(steam_folder), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "CO2e avoided: 174.7 t/year (assumption: this heat replaces heat from a boiler" in out
    assert main(["matches", str(steam_folder), "--lang", "vi"]) == 0
    out = capsys.readouterr().out
    assert "CO2e tránh được: 174,7 t/năm (giả định: nhiệt này thay cho nhiệt của nồi hơi" in out
    for lang in ("vi", "en"):
        pdf, xlsx = tmp_path / f"s-{lang}.pdf", tmp_path / f"s-{lang}.xlsx"
        argv = ["matches", str(steam_folder), "--pdf", str(pdf), "--xlsx", str(xlsx)]
        assert main([*argv, "--lang", lang]) == 0
        capsys.readouterr()
        content = " ".join(_pdf_text(pdf).split())
        assert ("174,7" if lang == "vi" else "174.7") in content
        assert "IPCC 2006" in content
        rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
        head = next(i for i, r in enumerate(rows) if r[0] == "#")
        (row,) = [r for r in rows[head + 1 :] if isinstance(r[0], int)]
        assert row[10] == pytest.approx(STEAM_CO2E_T)
        assert "IPCC 2006" in row[12]
