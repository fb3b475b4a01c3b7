"""The stream's disposal route in the audit file (schema v4, issue 21): a v3 file opens,
migrates without rewriting its rows and reads the route as empty; the v3 app may only read a
v4 file (it would drop the route when it rewrites a stream)."""

from __future__ import annotations

import json
import sqlite3

from app.core.demo import build_demo_audit
from app.store import schema
from app.store.auditfile import AuditFile


def _as_written_by_v3(path) -> None:
    conn = sqlite3.connect(path)
    for sid, data in conn.execute("SELECT id, data FROM streams").fetchall():
        fields = json.loads(data)
        fields.pop("disposal_route")
        conn.execute("UPDATE streams SET data = ? WHERE id = ?", (json.dumps(fields), sid))
    conn.execute("PRAGMA user_version=3")
    conn.commit()
    conn.close()


def test_a_version_3_file_is_migrated_and_reads_no_disposal_route(tmp_path):
    assert schema.SCHEMA_VERSION == 4
    path = tmp_path / "v3.recp"
    AuditFile.create(path, build_demo_audit()).close()
    _as_written_by_v3(path)
    conn = sqlite3.connect(path)
    before = conn.execute("SELECT data FROM streams").fetchall()
    conn.close()
    with AuditFile.open(path, backup=False) as af:
        assert af.schema_version == 4 and not af.read_only
        audit = af.load()
        assert all(s.disposal_route == "" for s in audit.streams)
        assert [s.waste_class for s in audit.streams if s.waste_class]  # the rest is there
        assert af._conn.execute("SELECT data FROM streams").fetchall() == before  # not rewritten
        slag = next(s for s in audit.streams if s.waste_class == "W-ASH-BOTTOM")
        slag.disposal_route = "Bán cho cơ sở gạch không nung"
        af.put(slag)
    with AuditFile.open(path, backup=False) as af:
        routes = {s.name_vi: s.disposal_route for s in af.load().streams}
    assert routes["Xỉ, tro lò hơi"] == "Bán cho cơ sở gạch không nung"


def test_the_previous_app_opens_a_version_4_file_read_only(tmp_path):
    path = tmp_path / "v4.recp"
    AuditFile.create(path, build_demo_audit()).close()
    with AuditFile.open(path, migrations=schema.MIGRATIONS[:2], backup=False) as old:
        assert old.read_only
        assert old.read_only_reason.key == "store.readonly.newer_version"
        assert old.read_only_reason.params == {"found": 4, "supported": 3}
