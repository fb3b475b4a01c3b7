"""The park exchange board on a REAL PostgreSQL hub (issue 21, item 5): publishing an audit's
agreed offers/needs, the hub schema's migration, and ``python -m app exchange``."""

from __future__ import annotations

import copy
import json

import pytest

from app import cli
from app.core import model
from app.core.demo import build_demo_audit
from app.core.symbiosis import exchange as ex
from app.core.symbiosis.offers import Side
from app.store import hub
from app.store.auditfile import AuditFile
from tests import pg_server as pgs

pg_server = pgs.pg_server
hub_db = pgs.hub_db

psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def url(pg_server, hub_db):
    return pg_server.tcp_url(hub_db)


def run_cli(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _audit_file(tmp_path, name, park, consent=None):
    audit = build_demo_audit()
    audit.info = copy.deepcopy(audit.info)
    audit.info.id = model.new_id()
    audit.info.enterprise.name = name
    audit.info.enterprise.industrial_park = park
    if consent is not None:
        audit.info.exchange_consent = consent
    path = tmp_path / f"{model.new_id()}.recp"
    AuditFile.create(path, audit).close()
    return path, audit


def _publish(capsys, path, url, *extra):
    code, out, err = run_cli(
        capsys, "exchange-export", str(path), url, "--yes", "--lang", "en", *extra
    )
    assert code == 0, err
    return out


def test_publish_to_the_board_and_list_it(url, tmp_path, capsys):
    a, audit_a = _audit_file(tmp_path, "Công ty A Bí Mật", "KCN Đình Vũ")
    b, _ = _audit_file(tmp_path, "Công ty B", "kcn đình vũ ", model.ExchangeConsent(money=True))
    c, _ = _audit_file(tmp_path, "Công ty C", "KCN Nomura")
    out = _publish(capsys, a, url)
    assert "is now on the exchange board of KCN Đình Vũ" in out
    assert "Could give (3)" in out  # the preview came first
    _publish(capsys, b, url)
    _publish(capsys, c, url)
    again = _publish(capsys, a, url, "--share", "months")  # the same enterprise, replaced
    assert "was updated" in again
    code, out, err = run_cli(capsys, "exchange", url, "--park", "KCN ĐÌNH VŨ", "--json")
    assert code == 0, err
    board = json.loads(out)
    assert len(board["parties"]) == 2  # A and B (park names compared without case); not C
    consent_a = AuditFile.open(a, read_only=True, backup=False)
    key = consent_a.load_info().exchange_consent.id_key
    consent_a.close()
    ids = {p["enterprise_id"] for p in board["parties"]}
    assert ex.anonymous_id(audit_a.info.id, key) in ids
    by_id = {p["enterprise_id"]: p for p in board["parties"]}
    party_a = by_id[ex.anonymous_id(audit_a.info.id, key)]
    assert all(i["months"] == list(range(1, 13)) for i in party_a["offers"])  # now agreed
    assert all(i["cost_per_year_vnd"] is None for i in party_a["offers"])
    assert all(i["quantity_per_year"] is None and i["quantity_band"] for i in party_a["offers"])
    party_b = next(p for k, p in by_id.items() if p is not party_a)
    assert any(i["cost_per_year_vnd"] for i in party_b["offers"])  # B agreed to money
    # Nothing of the audits' identity is on the hub: not in the board's tables at all.
    with psycopg.connect(url) as conn:
        dump = json.dumps(
            [
                [str(v) for v in row]
                for table in ("exchange_parties", "exchange_items")
                for row in conn.execute(f"SELECT * FROM recp.{table}").fetchall()
            ],
            ensure_ascii=False,
        )
        assert conn.execute("SELECT count(*) FROM recp.exchange_board").fetchone()[0] == 18
    for secret in ("Bí Mật", "Công ty", audit_a.info.id, audit_a.info.enterprise.tax_code):
        assert secret not in dump
    assert "Wastewater sludge" not in dump and "Bùn thải xử lý nước thải" not in dump
    # The text listing, in Vietnamese.
    code, out, _ = run_cli(capsys, "exchange", url, "--park", "KCN Đình Vũ", "--lang", "vi")
    assert code == 0 and "Bảng trao đổi của KCN Đình Vũ" in out and ": 2 doanh nghiệp" in out
    assert "10 02 03 — " in out and "200–500 t/năm" in out


def test_board_parties_are_what_the_matcher_reads(url, tmp_path, capsys):
    a, audit = _audit_file(tmp_path, "A", "KCN Amata", model.ExchangeConsent(quantity=True))
    _publish(capsys, a, url)
    parties, problems = hub.read_board(url, "KCN Amata")
    assert not problems and len(parties) == 1
    party = parties[0]
    assert party.anonymous and party.park == "KCN Amata" and party.source.endswith(party.key)
    assert "password" not in party.source.lower() and pgs.PROGRAMME_PASSWORD not in party.source
    assert [i.side for i in party.items].count(Side.OFFER) == 3
    assert party.items[0].quantity_per_year == pytest.approx(262.4)


def test_empty_board_and_no_schema(url, capsys):
    code, out, err = run_cli(capsys, "exchange", url, "--park", "KCN X", "--lang", "en")
    assert code == 0 and "No enterprise has published" in out
    with psycopg.connect(url) as conn:  # reading wrote nothing
        assert conn.execute("SELECT to_regclass('recp.hub_meta')").fetchone()[0] is None


def test_a_board_entry_this_app_cannot_read_is_named(url, tmp_path, capsys):
    a, _ = _audit_file(tmp_path, "A", "KCN Amata")
    _publish(capsys, a, url)
    with psycopg.connect(url) as conn:
        conn.execute(
            "UPDATE recp.exchange_parties SET content = jsonb_set(content, "
            "'{items,0,class}', '\"W-FROM-A-NEWER-LIST\"')"
        )
    code, out, err = run_cli(capsys, "exchange", url, "--park", "KCN Amata", "--lang", "en")
    assert code == 0 and "W-FROM-A-NEWER-LIST" in err and "Entry #1" in err
    assert ": 0 enterprises" in out
    assert pgs.PROGRAMME_PASSWORD not in err


def test_a_version_1_hub_gets_the_board_by_migration(url, tmp_path, capsys, monkeypatch):
    """A hub made before the board (schema 1, audits only) is migrated to schema 2 when an
    exchange is published: its audits kept, the board's tables added."""
    assert hub.HUB_SCHEMA_VERSION >= 2
    path, _ = _audit_file(tmp_path, "A", "KCN Amata")
    monkeypatch.setattr(hub, "HUB_MIGRATIONS", hub.HUB_MIGRATIONS[:1])
    monkeypatch.setattr(hub, "HUB_SCHEMA_VERSION", 1)
    assert run_cli(capsys, "publish", str(path), "--to", url)[0] == 0
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT to_regclass('recp.exchange_parties')").fetchone()[0] is None
    monkeypatch.undo()
    _publish(capsys, path, url)
    with psycopg.connect(url) as conn:
        version = conn.execute("SELECT value FROM recp.hub_meta").fetchone()[0]
        assert version == str(hub.HUB_SCHEMA_VERSION)
        assert conn.execute("SELECT count(*) FROM recp.audits").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM recp.exchange_items").fetchone()[0] == 6


def test_exchange_needs_a_hub_address(capsys):
    code, _, err = run_cli(capsys, "exchange", "/tmp/folder", "--park", "X", "--lang", "en")
    assert code == 1 and err.strip()
