"""The programme hub on a REAL PostgreSQL server (tests/pg_server.py): publish, re-publish,
anonymisation, SQL views, the portfolio read from a hub, and every bad case of issue 20."""

import copy
import hashlib
import json

import pytest

from app import cli
from app.core import model
from app.core import portfolio as pf
from app.core.demo import build_demo_audit
from app.core.errors import UserError
from app.store import hub
from app.store.auditfile import AuditFile
from tests import pg_server as pgs
from tests.pg_server import PROGRAMME_PASSWORD, require_bindir

# The real server's fixtures (see tests/pg_server.py).
pg_server = pgs.pg_server
hub_db = pgs.hub_db

psycopg = pytest.importorskip("psycopg")


def _audit(name, park, province, options=None, consent=model.PublicationConsent.ANONYMISED):
    audit = build_demo_audit()
    audit.info = copy.deepcopy(audit.info)
    audit.info.id = model.new_id()
    audit.info.enterprise.name = name
    audit.info.enterprise.industrial_park = park
    audit.info.enterprise.province = province
    audit.info.publication_consent = consent
    if options is not None:
        audit.options = audit.options[:options]
    return audit


def _same(a, b):
    """Equal, floats to rounding (sums taken in another order)."""
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) or isinstance(b, float):
        return a == pytest.approx(b)
    return a == b


def run_cli(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _count(url, table):
    with psycopg.connect(url) as conn:
        return conn.execute(f"SELECT count(*) FROM recp.{table}").fetchone()[0]


def _dump(url):
    """Everything the hub holds, to compare before and after."""
    with psycopg.connect(url) as conn:
        out = {}
        for table in ("audits", "savings", "techniques", "option_statuses", "hub_meta"):
            rows = conn.execute(f"SELECT * FROM recp.{table} ORDER BY 1, 2").fetchall()
            out[table] = [tuple(str(v) for v in r) for r in rows]
        return out


@pytest.fixture
def url(pg_server, hub_db):
    return pg_server.tcp_url(hub_db)


def test_publish_creates_schema_and_republish_updates(url, tmp_path, capsys):
    audit = _audit("Công ty CP Thép Hiệp Phước", "KCN Hiệp Phước", "TP. Hồ Chí Minh")
    path = tmp_path / "thep.recp"
    AuditFile.create(path, audit).close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, err = run_cli(capsys, "publish", str(path), "--to", url, "--lang", "en")
    assert code == 0, err
    assert f"Published audit {audit.info.id}" in out and "anonymised figures only" in out
    assert PROGRAMME_PASSWORD not in out
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT value FROM recp.hub_meta").fetchone()[0] == str(
            hub.HUB_SCHEMA_VERSION
        )
        name, tax, park, found = conn.execute(
            "SELECT enterprise, tax_code, park, options_found FROM recp.audits"
        ).fetchone()
        summary_json = conn.execute("SELECT summary::text FROM recp.audits").fetchone()[0]
    assert (name, tax, park, found) == ("", "", "KCN Hiệp Phước", len(audit.options))
    assert "Thép Hiệp Phước" not in summary_json and audit.info.enterprise.tax_code not in (
        summary_json
    )
    # The enterprise agrees to be named; one option is dropped; publish again: updated.
    with AuditFile.open(path, backup=False) as af:
        info = af.load_info()
        info.publication_consent = model.PublicationConsent.FULL
        af.save_info(info)
        af.delete(*af.load().options[:2])
    code, out, _ = run_cli(capsys, "publish", str(path), "--to", url, "--lang", "vi")
    assert code == 0 and "Đã cập nhật cuộc đánh giá" in out and "không tạo bản trùng" in out
    assert _count(url, "audits") == 1
    with psycopg.connect(url) as conn:
        name, found = conn.execute("SELECT enterprise, options_found FROM recp.audits").fetchone()
    assert name == "Công ty CP Thép Hiệp Phước" and found == len(audit.options) - 2
    assert hashlib.sha256(path.read_bytes()).hexdigest() != before  # (our own edit above)
    # Credentials are never written into the audit file.
    raw = path.read_bytes()
    assert PROGRAMME_PASSWORD.encode() not in raw and b"postgresql://" not in raw


def test_publish_never_writes_the_audit_file(url, tmp_path, capsys):
    path = tmp_path / "a.recp"
    AuditFile.create(path, _audit("DN A", "KCN Amata", "Đồng Nai")).close()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert run_cli(capsys, "publish", str(path), "--to", url)[0] == 0
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_portfolio_reads_a_hub_as_a_folder_and_views_agree(url, tmp_path, capsys):
    audits = [
        _audit("DN Hiệp Phước 1", "KCN Hiệp Phước", "TP. Hồ Chí Minh", 7),
        _audit("DN Hiệp Phước 2", "KCN Hiệp Phước", "TP. Hồ Chí Minh", 12),
        _audit("DN Amata", "KCN Amata", "Đồng Nai", consent=model.PublicationConsent.FULL),
        _audit("DN Đình Vũ", "KCN Đình Vũ", "Hải Phòng", 3),
    ]
    folder = tmp_path / "folder"
    folder.mkdir()
    for i, audit in enumerate(audits):
        path = folder / f"{i}.recp"
        AuditFile.create(path, audit).close()
        assert run_cli(capsys, "publish", str(path), "--to", url)[0] == 0
    _, folder_out, _ = run_cli(capsys, "portfolio", str(folder), "--json", "--confidential")
    code, hub_out, err = run_cli(capsys, "portfolio", url, "--json")
    assert code == 0, err
    from_folder, from_hub = json.loads(folder_out), json.loads(hub_out)
    assert _same(from_hub["totals"], from_folder["totals"])
    assert _same(from_hub["by"], from_folder["by"])
    assert from_hub["by_technique"] == from_folder["by_technique"]
    assert PROGRAMME_PASSWORD not in hub_out and from_hub["source"].startswith("postgresql://")
    names = {a["enterprise"] for a in from_hub["audits"]}
    assert names == {"", "DN Amata"}  # only the enterprise that agreed is named
    # The SQL views (what staff query with any SQL tool) give the same figures.
    summaries = hub.read_hub(url).summaries
    total, groups = hub.hub_rollup(url)
    core = pf.totals(summaries)
    for name in hub.SUMMED:
        assert getattr(total, name) == pytest.approx(getattr(core, name))
    assert (
        total.audits == 4
        and total.savings == pytest.approx(core.savings)
        or all(
            a.kind == b.kind and a.unit == b.unit and a.quantity == pytest.approx(b.quantity)
            for a, b in zip(total.savings, core.savings, strict=True)
        )
    )
    for dim in hub.BREAKDOWN_VIEWS:
        expected = pf.breakdown(summaries, dim)
        assert [k for k, _ in groups[dim]] == [k for k, _ in expected]
        for (_, a), (_, b) in zip(groups[dim], expected, strict=True):
            assert (a.audits, a.options_found, a.investment_vnd) == (
                b.audits,
                b.options_found,
                b.investment_vnd,
            )
    with psycopg.connect(url) as conn:
        park = dict(conn.execute("SELECT park, audits FROM recp.by_park").fetchall())
    assert park == {"KCN Hiệp Phước": 2, "KCN Amata": 1, "KCN Đình Vũ": 1}
    code, out, _ = run_cli(capsys, "portfolio", url, "--lang", "en")
    assert "By industrial park:" in out and "KCN Hiệp Phước" in out


def test_empty_hub_reads_as_empty_portfolio_without_writing(url, capsys):
    code, out, _ = run_cli(capsys, "portfolio", url, "--lang", "en")
    assert code == 0 and "No audit." in out
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT to_regclass('recp.hub_meta')").fetchone()[0] is None


def test_hub_init_command(url, capsys):
    code, out, _ = run_cli(capsys, "publish", "--init", "--to", url, "--lang", "en")
    assert code == 0 and f"ready (schema {hub.HUB_SCHEMA_VERSION})" in out
    assert _count(url, "audits") == 0
    assert run_cli(capsys, "publish", "--init", "--to", url)[0] == 0  # again: no change


def test_unreachable_hub_one_translated_line(pg_server, tmp_path, capsys):
    path = tmp_path / "a.recp"
    AuditFile.create(path, _audit("DN", "KCN", "Tỉnh")).close()
    closed = pg_server.tcp_url("x", port=_closed_port())
    for argv in (["publish", str(path), "--to", closed], ["portfolio", closed]):
        code, out, err = run_cli(capsys, *argv, "--lang", "en")
        assert code == 1 and out == ""
        assert err.startswith("Cannot reach the programme hub postgresql://programme@127.0.0.1:")
        assert len(err.strip().splitlines()) == 1
        assert PROGRAMME_PASSWORD not in err and "Traceback" not in err
    code, _, err = run_cli(capsys, "portfolio", closed, "--lang", "vi")
    assert "Không kết nối được cơ sở dữ liệu chương trình" in err


def _closed_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again once the block ends: nothing listens


def test_wrong_credentials(pg_server, hub_db, tmp_path, capsys):
    wrong = pg_server.tcp_url(hub_db, password="sai mật khẩu")
    code, _, err = run_cli(capsys, "portfolio", wrong, "--lang", "en")
    assert code == 1 and 'refused user "programme"' in err and "sai mật khẩu" not in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = run_cli(
        capsys, "portfolio", pg_server.tcp_url(hub_db, user="ai_do"), "--lang", "vi"
    )
    assert code == 1 and "từ chối người dùng" in err


def test_password_from_pgpassword_env(pg_server, hub_db, monkeypatch, capsys):
    monkeypatch.setenv("PGPASSWORD", PROGRAMME_PASSWORD)
    bare = pg_server.tcp_url(hub_db, password=None)
    assert PROGRAMME_PASSWORD not in bare
    code, out, err = run_cli(capsys, "publish", "--init", "--to", bare, "--lang", "en")
    assert code == 0, err


def test_newer_hub_schema_refused(url, tmp_path, capsys):
    hub.create_hub(url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE recp.hub_meta SET value = '99' WHERE key = 'schema_version'")
    path = tmp_path / "a.recp"
    AuditFile.create(path, _audit("DN", "KCN", "Tỉnh")).close()
    for argv in (["publish", str(path), "--to", url], ["portfolio", url]):
        code, _, err = run_cli(capsys, *argv, "--lang", "en")
        assert code == 1
        assert "made by a newer version of the app (schema 99" in err
        assert len(err.strip().splitlines()) == 1
    assert _count(url, "audits") == 0


def test_publish_interrupted_halfway_leaves_hub_unchanged(url, tmp_path, capsys, monkeypatch):
    first = _audit("DN cũ", "KCN Amata", "Đồng Nai", 4)
    path = tmp_path / "a.recp"
    AuditFile.create(path, first).close()
    assert run_cli(capsys, "publish", str(path), "--to", url)[0] == 0
    with AuditFile.open(path, backup=False) as af:  # more options since
        af.put(model.Option("Giải pháp mới", category=model.CPCategory.INPUT_CHANGE))
    other = tmp_path / "b.recp"
    AuditFile.create(other, _audit("DN mới", "KCN Đình Vũ", "Hải Phòng")).close()
    before = _dump(url)

    real = hub._write_children

    def killed(cur, summary):
        # The audit row is written; now the connection dies (as a network cut or a killed
        # server process would), before its savings and techniques are.
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'RECP Audit' AND pid <> pg_backend_pid()"
            )
        real(cur, summary)

    monkeypatch.setattr(hub, "_write_children", killed)
    for p in (path, other):
        code, out, err = run_cli(capsys, "publish", str(p), "--to", url, "--lang", "en")
        assert code == 1 and out == ""
        assert "was interrupted and nothing was written (the hub is as it was)" in err
        assert len(err.strip().splitlines()) == 1
    assert _dump(url) == before

    def failing(cur, summary):
        real(cur, summary)
        cur.execute("SELECT 1/0")  # any failure after every row was written

    monkeypatch.setattr(hub, "_write_children", failing)
    code, _, err = run_cli(capsys, "publish", str(other), "--to", url, "--lang", "vi")
    assert code == 1 and "không có gì được ghi" in err
    assert _dump(url) == before
    monkeypatch.setattr(hub, "_write_children", real)
    assert run_cli(capsys, "publish", str(other), "--to", url)[0] == 0
    assert _count(url, "audits") == 2


def test_display_address_hides_the_password():
    assert (
        hub.display_address("postgresql://u:s3cret@db.example:5433/prog?sslmode=require")
        == "postgresql://u@db.example:5433/prog?sslmode=require"
    )
    assert hub.display_address("postgresql:///prog") == "postgresql:///prog"


def test_not_a_hub_address(tmp_path, capsys):
    code, _, err = run_cli(capsys, "publish", "x.recp", "--to", "mysql://h/db", "--lang", "en")
    assert code == 1 and "This is not a programme hub address" in err


def test_publish_bad_audit_file(url, tmp_path, capsys):
    bad = tmp_path / "bad.recp"
    bad.write_text("not an audit")
    code, _, err = run_cli(capsys, "publish", str(bad), "--to", url, "--lang", "en")
    assert code == 1 and "bad.recp" in err and len(err.strip().splitlines()) == 1
    with pytest.raises(UserError):
        hub.read_hub(url.replace("/hub_", "/nohub_"))


def test_missing_postgres_skips_here_but_fails_in_ci(monkeypatch, tmp_path):
    monkeypatch.delenv("RECP_REQUIRE_POSTGRES", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no PostgreSQL binaries"):
        require_bindir(None)
    monkeypatch.setenv("RECP_REQUIRE_POSTGRES", "1")
    with pytest.raises(pytest.fail.Exception, match="RECP_REQUIRE_POSTGRES=1"):
        require_bindir(None)
    assert require_bindir(tmp_path) == tmp_path


def test_older_hub_schema_is_migrated_by_the_app(url, tmp_path, capsys, monkeypatch):
    path = tmp_path / "a.recp"
    AuditFile.create(path, _audit("DN", "KCN Amata", "Đồng Nai")).close()
    current = hub.HUB_SCHEMA_VERSION
    newer = current + 1
    assert run_cli(capsys, "publish", str(path), "--to", url)[0] == 0  # a hub of this app

    def v2():
        return ["ALTER TABLE recp.audits ADD COLUMN region text NOT NULL DEFAULT 'south'"]

    # A newer app (one more hub schema) reads this hub: migrated once, data kept.
    original = list(hub.HUB_MIGRATIONS)
    monkeypatch.setattr(hub, "HUB_MIGRATIONS", [*original, v2])
    monkeypatch.setattr(hub, "HUB_SCHEMA_VERSION", newer)
    code, out, err = run_cli(capsys, "portfolio", url, "--json")
    assert code == 0, err
    assert json.loads(out)["totals"]["audits"] == 1
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT value FROM recp.hub_meta").fetchone()[0] == str(newer)
        assert conn.execute("SELECT region FROM recp.audits").fetchone()[0] == "south"
    assert run_cli(capsys, "publish", str(path), "--to", url)[0] == 0  # and publishes on it
    assert _count(url, "audits") == 1
    # This app now meets a newer hub: refused, one line.
    monkeypatch.setattr(hub, "HUB_MIGRATIONS", original)
    monkeypatch.setattr(hub, "HUB_SCHEMA_VERSION", current)
    code, _, err = run_cli(capsys, "publish", str(path), "--to", url, "--lang", "en")
    assert code == 1 and f"newer version of the app (schema {newer}" in err
