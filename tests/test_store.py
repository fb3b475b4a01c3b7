"""AuditFile: round trip, one-transaction edits (undo patterns), settings, backups, migrations."""

from __future__ import annotations

import copy
import dataclasses
import json
import sqlite3
from datetime import date

import pytest

from app.core import model
from app.core.errors import UserError
from app.store import backups, codec, schema
from app.store.auditfile import AuditFile
from tests.sample_store import sample_audit, without_jpeg


@pytest.fixture
def audit():
    return sample_audit(streams=5, months=12, findings=6, options=8, photos=3)


@pytest.fixture
def af(tmp_path, audit):
    f = AuditFile.create(tmp_path / "a.recp", copy.deepcopy(audit))
    yield f
    f.close()


def test_create_then_load_gives_back_the_same_audit(af, audit):
    assert af.load() == without_jpeg(copy.deepcopy(audit))
    assert not af.read_only and af.read_only_reason is None


def test_photo_jpeg_is_loaded_on_demand(af, audit):
    photo = audit.photos[1]
    loaded = {p.id: p for p in af.load().photos}[photo.id]
    assert loaded.jpeg is None and loaded.thumbnail == photo.thumbnail
    assert af.photo_jpeg(photo.id) == photo.jpeg
    with pytest.raises(UserError) as exc:
        af.photo_jpeg("nope")
    assert exc.value.problem.key == "store.photo_missing"


def test_an_empty_audit_round_trips(tmp_path):
    with AuditFile.create(tmp_path / "e.recp") as f:
        assert f.load() == model.Audit(info=f.load_info())
        assert f.schema_version == schema.SCHEMA_VERSION


def test_create_refuses_an_existing_path(tmp_path):
    path = tmp_path / "x.recp"
    path.write_bytes(b"keep me")
    with pytest.raises(UserError) as exc:
        AuditFile.create(path)
    assert exc.value.problem.key == "store.exists"
    assert path.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.recp"]


def test_edits_survive_close_and_reopen(tmp_path, af, audit):
    stream = audit.streams[0]
    stream.unit_price_vnd = 2_100
    info = dataclasses.replace(audit.info, title="Đã sửa", end_date=date(2025, 6, 30))
    af.apply(put=[stream], info=info)
    af.set_setting("import.mapping", {"sheet": "Điện", "columns": ["A", "B"]})
    af.close()
    with AuditFile.open(tmp_path / "a.recp") as again:
        loaded = again.load()
        assert loaded.streams[0].unit_price_vnd == 2_100
        assert loaded.info.title == "Đã sửa" and loaded.info.end_date == date(2025, 6, 30)
        assert again.get_setting("import.mapping") == {"sheet": "Điện", "columns": ["A", "B"]}
        assert again.get_setting("missing", 7) == 7


def test_delete_stream_cascades_records_and_undo_reinserts_both_in_one_apply(af, audit):
    stream = audit.streams[2]
    records = audit.records_of(stream.id)
    af.apply(delete=[stream, *records])
    loaded = af.load()
    assert stream.id not in {s.id for s in loaded.streams}
    assert not loaded.records_of(stream.id)
    # undo: children listed before their parent must still work (deferred foreign keys)
    af.apply(put=[*records, stream])
    loaded = af.load()
    assert loaded.stream(stream.id) == stream
    assert loaded.records_of(stream.id) == records


def test_deleting_a_parent_alone_removes_what_it_owns_in_the_file(af, audit):
    finding = audit.findings[0]
    af.delete(finding)
    assert finding.id not in {p.finding_id for p in af.load().photos}


def test_updating_a_parent_keeps_its_children(af, audit):
    """An upsert, not INSERT OR REPLACE: replacing a stream row must not cascade its records."""
    stream = audit.streams[1]
    stream.name_vi = "Điện lưới (đổi tên)"
    af.put(stream)
    assert len(af.load().records_of(stream.id)) == 12


def test_putting_a_photo_without_jpeg_keeps_the_stored_one(af, audit):
    photo = copy.deepcopy(audit.photos[0])
    photo.caption, photo.jpeg = "Chú thích mới", None
    af.put(photo)
    assert af.photo_jpeg(photo.id) == audit.photos[0].jpeg
    assert {p.id: p for p in af.load().photos}[photo.id].caption == "Chú thích mới"


def test_a_failing_apply_writes_nothing(af, audit):
    before = af.load()
    orphan = model.PeriodRecord(stream_id="no-such-stream", period="2024-05", quantity=1.0)
    renamed = copy.deepcopy(audit.streams[0])
    renamed.name_vi = "không được lưu"
    with pytest.raises(UserError) as exc:
        af.apply(put=[renamed, orphan], delete=[audit.options[0]])
    assert exc.value.problem.key == "store.write_failed"
    assert af.load() == before
    af.put(audit.streams[0])  # the connection is usable afterwards


def test_an_exception_inside_the_transaction_rolls_back(af, audit, monkeypatch):
    before = af.load()

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("app.store.auditfile._write_info", boom)
    with pytest.raises(RuntimeError):
        af.apply(delete=audit.records, info=audit.info)
    assert af.load() == before


def test_apply_refuses_what_is_not_an_entity(af):
    with pytest.raises(TypeError):
        af.put(model.Enterprise())


def test_meta_records_versions_and_modification_time(af, audit):
    first = af.meta()
    assert first["app_version_created"] and first["created"] <= first["modified"]
    af.put(audit.products[0])
    assert af.meta()["modified"] > first["modified"]


def test_codec_ignores_unknown_keys_and_defaults_missing_ones():
    data = {"kind": "water", "name_vi": "Nước", "unit": "m3", "added_by_v9": [1, 2]}
    stream = codec.decode(model.ResourceStream, data)
    assert stream.kind is model.StreamKind.WATER and stream.position == 0 and stream.id
    # a required field missing and an enum value this version does not know
    odd = codec.decode(model.ResourceStream, {"kind": "plasma", "unit": "t"})
    assert odd.name_vi == "" and odd.kind in model.StreamKind


def test_fields_added_later_are_stored_in_data_without_schema_change(af, audit):
    """A value that has no column of its own still round-trips (the JSON ``data`` column)."""
    option = audit.options[0]
    option.scores = {"kỹ thuật": 4.5}
    option.status_history.append(model.StatusChange(model.OptionStatus.PLANNED, date(2025, 9, 1)))
    af.put(option)
    raw = af._conn.execute("SELECT data FROM options WHERE id = ?", (option.id,)).fetchone()[0]
    assert json.loads(raw)["scores"] == {"kỹ thuật": 4.5}
    assert {o.id: o for o in af.load().options}[option.id] == option


def test_file_has_recp_application_id_wal_and_schema_version(af):
    conn = af._conn
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


# -- backups ------------------------------------------------------------------------------------


def test_open_makes_a_backup_only_when_the_file_changed(tmp_path, af, audit):
    path = tmp_path / "a.recp"
    af.close()
    AuditFile.open(path).close()
    assert len(backups.list_backups(path)) == 1
    AuditFile.open(path).close()  # unchanged: no second copy of the same state
    assert len(backups.list_backups(path)) == 1
    with AuditFile.open(path) as f:
        f.put(audit.products[0])
    AuditFile.open(path).close()
    saved = backups.list_backups(path)
    assert len(saved) == 2
    with AuditFile.open(saved[0], read_only=True) as old:
        assert old.load() == without_jpeg(copy.deepcopy(audit))


def test_backups_rotate_keeping_the_newest(tmp_path, audit):
    path = tmp_path / "r.recp"
    AuditFile.create(path, audit).close()
    for i in range(7):
        with AuditFile.open(path, keep_backups=3) as f:
            f.put(model.Product(f"Sản phẩm {i}"))
    kept = backups.list_backups(path)
    assert len(kept) == 3
    with AuditFile.open(kept[-1], read_only=True) as newest:
        assert len(newest.load().products) == 1 + 6  # state when the 7th open began


# -- migrations ---------------------------------------------------------------------------------


def _v2_add_unit_column(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE streams ADD COLUMN migrated TEXT NOT NULL DEFAULT 'v2'")


def test_an_old_file_is_migrated_forward_after_a_backup(tmp_path, audit):
    path = tmp_path / "old.recp"
    AuditFile.create(path, audit).close()  # a version-1 file
    with AuditFile.open(path, migrations=[_v2_add_unit_column], backup=False) as f:
        assert f.schema_version == 2 and not f.read_only
        assert f._conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert {r[0] for r in f._conn.execute("SELECT migrated FROM streams")} == {"v2"}
        assert f.load() == without_jpeg(copy.deepcopy(audit))
    saved = backups.list_backups(path)
    assert len(saved) == 1  # taken before migrating, even with backup=False
    with AuditFile.open(saved[0], read_only=True) as pre:
        assert pre.schema_version == 1
    # The same file opened by the current app (supports version 1 only) is read-only.
    with AuditFile.open(path) as newer:
        assert newer.read_only and newer.read_only_reason.key == "store.readonly.newer_version"
        assert newer.read_only_reason.params == {"found": 2, "supported": 1}
        assert len(newer.load().streams) == len(audit.streams)
        with pytest.raises(UserError) as exc:
            newer.put(audit.products[0])
        assert exc.value.problem.key == "store.read_only"


def test_a_failing_migration_leaves_the_file_at_its_version(tmp_path, audit):
    path = tmp_path / "old.recp"
    AuditFile.create(path, audit).close()

    def broken(conn):
        conn.execute("DELETE FROM records")
        raise ValueError("bad migration")

    with pytest.raises(UserError) as exc:
        AuditFile.open(path, migrations=[_v2_add_unit_column, broken])
    assert exc.value.problem.key == "store.migration_failed"
    assert exc.value.problem.params["found"] == 1
    with AuditFile.open(path) as f:
        assert f.schema_version == 1
        assert len(f.load().records) == len(audit.records)
        assert "migrated" not in {r[1] for r in f._conn.execute("PRAGMA table_info(streams)")}
    assert not (tmp_path / "old.recp.lock").exists()


# -- check() --------------------------------------------------------------------------------------


def test_check_is_clean_for_a_consistent_audit(af):
    assert af.check() == []


def test_check_reports_dangling_references_and_duplicate_months(af, audit):
    finding = audit.findings[0]
    finding.stream_id = "gone"
    dup = dataclasses.replace(audit.records[0], id=model.new_id())
    bad = dataclasses.replace(audit.records[1], id=model.new_id(), period="2024-13")
    af.put(finding, dup, bad)
    problems = af.check()
    keys = sorted(p.key for p in problems)
    assert keys == [
        "validation.bad_period",
        "validation.dangling_ref",
        "validation.duplicate_period",
    ]
    dangling = next(p for p in problems if p.key == "validation.dangling_ref")
    assert dangling.location.entity_id == finding.id and dangling.location.field == "stream_id"
    assert all(p.location.file == str(af.path) for p in problems)
    assert not any(p.is_error for p in problems)


def test_check_reports_rows_whose_owner_is_missing(af, audit):
    conn = af._conn
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM streams WHERE id = ?", (audit.streams[0].id,))
    conn.execute("PRAGMA foreign_keys=ON")
    orphans = [p for p in af.check() if p.key == "store.orphan"]
    assert len(orphans) == 12 and orphans[0].params["table"] == "records"


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="POSIX user database")
def test_lock_names_the_user_when_the_environment_does_not(monkeypatch):
    """The lock file says who holds an audit; with no user variables set (services, some
    sandboxes) the name comes from the user database, as getpass would find it."""
    import os
    import pwd

    from app.store import lock

    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(var, raising=False)
    lock._user.cache_clear()
    try:
        assert lock._user() == pwd.getpwuid(os.getuid()).pw_name
        monkeypatch.setenv("USER", "kiem.toan")
        lock._user.cache_clear()
        assert lock._user() == "kiem.toan"
    finally:
        lock._user.cache_clear()


def test_the_children_deleted_with_a_parent_are_the_databases_cascades(tmp_path):
    """schema.owned_children (what undo of a delete restores) is what SQLite cascades."""
    from app.store import schema

    path = tmp_path / "c.recp"
    AuditFile.create(path, model.Audit()).close()
    conn = sqlite3.connect(path)
    try:
        tables = {spec.table: spec.cls for spec in schema.TABLES}
        cascades = {
            (tables[table], row[3], tables[row[2]])
            for table in tables
            for row in conn.execute(f"PRAGMA foreign_key_list({table})")
            if row[6] == "CASCADE"
        }
    finally:
        conn.close()
    assert cascades == set(schema.owned_children())
    assert {child for child, _, _ in cascades} == {
        model.ProductionRecord,
        model.StepFlow,
        model.PeriodRecord,
        model.Photo,
    }
