"""Team work: identity and authorship, hand out, 3-way merge, and the bad input around it."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app import cli
from app.core import model
from app.core.errors import UserError
from app.store import backups, schema
from app.store.auditfile import AuditFile
from app.store.teamwork import apply_merge, hand_out, plan_merge
from tests.sample_store import sample_audit


@pytest.fixture
def mine(tmp_path):
    audit = sample_audit(streams=3, findings=4, options=5, photos=2)
    path = tmp_path / "mine.recp"
    AuditFile.create(path, audit).close()
    return path


def _handout(mine_path, out, **kw):
    with AuditFile.open(mine_path, backup=False) as af:
        af.author = "Lan"
        return hand_out(af, out, **kw)


def _edit(path, author, fn):
    with AuditFile.open(path, backup=False) as af:
        af.author = author
        audit = af.load()
        fn(af, audit)


def _plan(mine_path, theirs_path):
    with AuditFile.open(mine_path, read_only=True, backup=False) as af:
        return plan_merge(af, theirs_path)


def test_every_edit_is_logged_with_author_and_time(mine):
    _edit(mine, "Nguyễn Văn An", lambda af, a: af.put(model.Product("Vải mộc")))
    conn = sqlite3.connect(mine)
    rows = conn.execute("SELECT author, tbl, op, at FROM changes").fetchall()
    assert rows[-1][:3] == ("Nguyễn Văn An", "products", "put") and rows[-1][3].startswith("20")
    assert conn.execute("SELECT value FROM meta WHERE key='audit_uid'").fetchone()[0]


def test_an_old_file_gets_the_log_and_an_identity_by_migration(tmp_path):
    path = tmp_path / "v1.recp"
    AuditFile.create(path, sample_audit(streams=1)).close()
    conn = sqlite3.connect(path)
    for t in ("changes", "handouts", "handout_base"):
        conn.execute(f"DROP TABLE {t}")
    conn.execute("DELETE FROM meta WHERE key='audit_uid'")
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    with AuditFile.open(path, backup=False) as af:
        assert af.schema_version == schema.SCHEMA_VERSION == 4
        af.author = "Bình"
        af.put(model.Product("Bia"))
        assert af._conn.execute("SELECT author FROM changes").fetchall() == [("Bình",)]
        assert af.meta()["audit_uid"]


def test_handout_then_merge_brings_new_and_changed_objects_and_is_idempotent(mine, tmp_path):
    copy = tmp_path / "copy.recp"
    _handout(mine, copy, to="Hoa")

    def teammate(af, audit):
        finding = model.Finding("Lò hơi", title="Rò hơi ở van xả")
        option = audit.options[0]
        option.title_vi = "Thu hồi nước ngưng (đã đo)"
        af.apply(
            put=[finding, model.Photo(finding.id, "van", 10, 10, b"\xff\xd8xx\xff\xd9"), option],
            delete=[audit.options[1]],
        )

    _edit(copy, "Hoa", teammate)
    _edit(mine, "Lan", lambda af, a: af.put(model.Product("Sản phẩm của tôi")))
    plan = _plan(mine, copy)
    actions = sorted((c.table, c.action) for c in plan.changes)
    assert actions == [
        ("findings", "insert"),
        ("options", "delete"),
        ("options", "update"),
        ("photos", "insert"),
    ]
    assert not plan.conflicts
    with AuditFile.open(mine, backup=False) as af:
        apply_merge(af, plan)
        audit = af.load()
        assert any(f.title == "Rò hơi ở van xả" for f in audit.findings)
        assert "Sản phẩm của tôi" in [p.name_vi for p in audit.products]  # mine kept
        assert len(audit.options) == 4
        authors = {
            r[0] for r in af._conn.execute("SELECT author FROM changes WHERE source IS NOT NULL")
        }
        assert authors == {"Hoa"}  # who made the change, not who merged it
        assert af.photo_jpeg(
            plan.changes[-1].id
            if plan.changes[-1].table == "photos"
            else [c for c in plan.changes if c.table == "photos"][0].id
        )
    assert backups.list_backups(mine)  # a backup before the merge
    again = _plan(mine, copy)
    assert again.empty and not again.skipped


def test_both_sides_changed_is_a_field_conflict_refused_until_resolved(mine, tmp_path):
    copy = tmp_path / "copy.recp"
    _handout(mine, copy)

    def change(title, invest):
        def fn(af, audit):
            o = audit.options[0]
            o.title_vi, o.investment_vnd = title, invest
            af.put(o)

        return fn

    _edit(mine, "Lan", change("Của tôi", 100))
    _edit(copy, "Hoa", change("Của Hoa", 100))
    plan = _plan(mine, copy)
    [conflict] = plan.conflicts
    assert conflict.kind == "edit_edit"
    assert [(f.name, f.mine, f.theirs) for f in conflict.fields] == [
        ("title_vi", "Của tôi", "Của Hoa")
    ]
    before = mine.read_bytes()
    with AuditFile.open(mine, backup=False) as af, pytest.raises(UserError) as exc:
        apply_merge(af, plan)
    assert exc.value.problem.key == "team.unresolved"
    with AuditFile.open(mine, backup=False) as af:
        assert af.load().options[0].title_vi == "Của tôi"  # nothing applied
        apply_merge(af, plan, {("options", conflict.id): {"title_vi": "theirs"}})
        assert af.load().options[0].title_vi == "Của Hoa"
    assert before  # file was readable before
    assert _plan(mine, copy).empty


def test_delete_against_edit_is_shown_and_prefer_decides(mine, tmp_path):
    copy = tmp_path / "copy.recp"
    _handout(mine, copy)
    _edit(mine, "Lan", lambda af, a: af.delete(a.options[2]))

    def edit(af, audit):
        audit.options[2].title_vi = "Sửa bởi Hoa"
        af.put(audit.options[2])

    _edit(copy, "Hoa", edit)
    plan = _plan(mine, copy)
    assert [c.kind for c in plan.conflicts] == ["deleted_mine"]
    assert plan.conflicts[0].fields[0].mine is None
    # The CLI refuses without --prefer, with the list; --prefer theirs restores the option.
    assert cli.main(["--lang", "en", "merge", str(mine), str(copy), "--apply"]) == 1
    with AuditFile.open(mine, read_only=True, backup=False) as af:
        assert len(af.load().options) == 4
    assert (
        cli.main(["--lang", "en", "merge", str(mine), str(copy), "--apply", "--prefer", "theirs"])
        == 0
    )
    with AuditFile.open(mine, read_only=True, backup=False) as af:
        assert "Sửa bởi Hoa" in [o.title_vi for o in af.load().options]


def test_partial_handout_leaves_the_rest_at_home_and_merges_without_deleting_it(mine, tmp_path):
    with AuditFile.open(mine, read_only=True, backup=False) as af:
        audit = af.load()
    stream = audit.streams[0]
    copy = tmp_path / "part.recp"
    result = _handout(mine, copy, streams=[stream.name_vi], areas=[audit.findings[0].area])
    with AuditFile.open(copy, read_only=True, backup=False) as af:
        part = af.load()
    assert [s.id for s in part.streams] == [stream.id]
    assert {r.stream_id for r in part.records} == {stream.id}
    assert {f.area for f in part.findings} == {audit.findings[0].area}
    assert result.counts["streams"] == 1
    plan = _plan(mine, copy)
    assert plan.empty  # what was left at home is not "deleted by the teammate"


def test_cli_handout_and_merge_json_dry_run(mine, tmp_path, capsys):
    copy = tmp_path / "c.recp"
    assert cli.main(["--lang", "vi", "handout", str(mine), str(copy), "--author", "Lan"]) == 0
    assert "Đã tạo bản sao" in capsys.readouterr().out
    _edit(copy, "Hoa", lambda af, a: af.put(model.Product("Sợi")))
    assert cli.main(["--lang", "en", "merge", str(mine), str(copy), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["action"] for c in data["changes"]] == ["insert"] and data["applied"] is False
    with AuditFile.open(mine, read_only=True, backup=False) as af:
        assert "Sợi" not in [p.name_vi for p in af.load().products]  # dry run: nothing written


# -- bad input ----------------------------------------------------------------------------------


def test_an_unrelated_audit_is_refused(mine, tmp_path, capsys):
    other = tmp_path / "other.recp"
    AuditFile.create(other, sample_audit(streams=1)).close()
    assert cli.main(["--lang", "en", "merge", str(mine), str(other)]) == 1
    err = capsys.readouterr().err.strip()
    assert (
        err == "This file belongs to another audit and cannot be merged." or "another audit" in err
    )
    assert "Traceback" not in err


def test_the_same_copy_twice_changes_nothing_the_second_time(mine, tmp_path, capsys):
    copy = tmp_path / "c.recp"
    _handout(mine, copy)
    _edit(copy, "Hoa", lambda af, a: af.put(model.Product("Sợi")))
    assert cli.main(["--lang", "en", "merge", str(mine), str(copy), "--apply"]) == 0
    capsys.readouterr()
    seq = sqlite3.connect(mine).execute("SELECT MAX(seq) FROM changes").fetchone()[0]
    assert cli.main(["--lang", "en", "merge", str(mine), str(copy), "--apply"]) == 0
    assert "Nothing new" in capsys.readouterr().out
    assert sqlite3.connect(mine).execute("SELECT MAX(seq) FROM changes").fetchone()[0] == seq


def test_a_copy_from_an_older_schema_is_read_without_migrating_it_in_place(mine, tmp_path):
    copy = tmp_path / "c.recp"
    _handout(mine, copy)
    _edit(copy, "Hoa", lambda af, a: af.put(model.Product("Sợi")))
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA user_version=1")  # as written by the previous version of the app
    conn.commit()
    conn.close()
    before = copy.read_bytes()
    plan = _plan(mine, copy)
    assert [c.action for c in plan.changes] == ["insert"]
    assert copy.read_bytes() == before
    assert sqlite3.connect(copy).execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_copy_with_a_corrupt_photo_merges_the_rest_and_sets_the_photo_aside(mine, tmp_path):
    copy = tmp_path / "c.recp"
    _handout(mine, copy)

    def add(af, audit):
        f = model.Finding("Kho", title="Hóa chất để hở")
        af.apply(put=[f, model.Photo(f.id, "hỏng", 5, 5, b"\xff\xd8 truncated")])

    _edit(copy, "Hoa", add)
    plan = _plan(mine, copy)
    assert [(c.table, c.reason) for c in plan.skipped] == [("photos", "damaged_photo")]
    assert [c.table for c in plan.changes] == ["findings"]
    with AuditFile.open(mine, backup=False) as af:
        apply_merge(af, plan)
        assert "Hóa chất để hở" in [f.title for f in af.load().findings]
        assert af.check() == [] or all(p.level.name != "ERROR" for p in af.check())


def test_a_conflict_on_an_object_deleted_by_the_teammate(mine, tmp_path):
    copy = tmp_path / "c.recp"
    _handout(mine, copy)
    _edit(copy, "Hoa", lambda af, a: af.delete(a.findings[0]))

    def edit(af, audit):
        audit.findings[0].note = "Tôi đã bổ sung"
        af.put(audit.findings[0])

    _edit(mine, "Lan", edit)
    plan = _plan(mine, copy)
    assert [c.kind for c in plan.conflicts] == ["deleted_theirs"]
    with AuditFile.open(mine, backup=False) as af:
        apply_merge(af, plan, prefer="mine")
        assert "Tôi đã bổ sung" in [f.note for f in af.load().findings]
    assert _plan(mine, copy).empty


def test_a_copy_open_in_another_window_is_refused(mine, tmp_path, capsys):
    copy = tmp_path / "c.recp"
    _handout(mine, copy)
    with AuditFile.open(copy, backup=False):  # the teammate's window
        assert cli.main(["--lang", "en", "merge", str(mine), str(copy)]) == 1
    err = capsys.readouterr().err
    assert "being edited" in err and "Traceback" not in err
    assert cli.main(["--lang", "en", "merge", str(mine), str(copy)]) == 0


def test_merging_a_file_into_itself_is_refused(mine):
    with AuditFile.open(mine, read_only=True, backup=False) as af, pytest.raises(UserError) as e:
        plan_merge(af, mine)
    assert e.value.problem.key == "team.same_file"


def test_only_what_a_log_names_counts_as_changed_on_that_side(mine, tmp_path):
    """A row rewritten without an edit (as a migration does) is not a user's change: the
    teammate's edit of it comes in as a plain update, not a conflict."""
    copy = tmp_path / "c.recp"
    _handout(mine, copy)
    conn = sqlite3.connect(mine)
    oid = conn.execute("SELECT id FROM options ORDER BY rowid LIMIT 1").fetchone()[0]
    conn.execute("UPDATE options SET data = json_set(data, '$.migrated', 1) WHERE id = ?", (oid,))
    conn.commit()
    conn.close()

    def edit(af, audit):
        option = next(o for o in audit.options if o.id == oid)
        option.title_vi = "Hoa sửa"
        af.put(option)

    _edit(copy, "Hoa", edit)
    plan = _plan(mine, copy)
    assert [(c.table, c.id, c.action) for c in plan.changes] == [("options", oid, "update")]
    assert not plan.conflicts


def test_a_photo_added_to_a_finding_deleted_here_is_set_aside_not_an_error(mine, tmp_path):
    copy = tmp_path / "c.recp"
    _handout(mine, copy)
    with AuditFile.open(mine, read_only=True, backup=False) as af:
        finding = af.load().findings[2]
    _edit(mine, "Lan", lambda af, a: af.delete(finding))
    _edit(
        copy, "Hoa", lambda af, a: af.put(model.Photo(finding.id, "x", 1, 1, b"\xff\xd8\xff\xd9"))
    )
    plan = _plan(mine, copy)
    assert [(c.table, c.reason) for c in plan.skipped] == [("photos", "owner_deleted")]
    with AuditFile.open(mine, backup=False) as af:
        apply_merge(af, plan)
        assert af.check() == [] or all(p.level.name != "ERROR" for p in af.check())
        assert finding.id not in {f.id for f in af.load().findings}


def test_the_backup_started_with_the_plan_holds_the_state_before_the_merge(
    mine, tmp_path, monkeypatch
):
    real, how = backups._copy_file_locked, []
    monkeypatch.setattr(
        backups, "_copy_file_locked", lambda c, p: (how.append(real(c, p)), how[-1])[1]
    )
    copy = tmp_path / "copy.recp"
    _handout(mine, copy, to="Hoa")
    _edit(copy, "Hoa", lambda af, a: af.put(model.Product("Vải của Hoa")))
    _edit(mine, "Lan", lambda af, a: af.put(model.Product("Vải của Lan")))
    for old in backups.list_backups(mine):
        old.unlink()
    with AuditFile.open(mine, backup=False) as af:
        plan_merge(af, copy)  # for review only: writes nothing, not even a backup
        assert backups.list_backups(mine) == []
        plan = plan_merge(af, copy, backup=True)
        # The file changes between plan and apply: the backup of the planned state is kept,
        # and apply makes one of the state it actually merges into. (The backup thread is let
        # finish first: an edit made while it still copies may land in it, which is as safe,
        # both being states before the merge, but not what this test pins.)
        plan._backup.join()
        af.put(model.Product("Vải thêm sau"))
        apply_merge(af, plan)
    made = backups.list_backups(mine)
    assert len(made) == 2
    assert how == [True, True]  # both copied as the file's bytes, under the write lock
    names = []
    for path in made:
        with AuditFile.open(path, read_only=True, backup=False) as b:
            names.append({p.name_vi for p in b.load().products})
    assert all("Vải của Lan" in n and "Vải của Hoa" not in n for n in names)
    assert "Vải thêm sau" not in names[0] and "Vải thêm sau" in names[1]


def test_a_plan_that_fails_leaves_no_backup_running(mine, tmp_path):
    other = tmp_path / "other.recp"
    AuditFile.create(other, sample_audit(streams=1, findings=1, options=1, photos=0)).close()
    with AuditFile.open(mine, backup=False) as af, pytest.raises(UserError):
        plan_merge(af, other, backup=True)  # unrelated audit: refused
    import threading

    assert not [t for t in threading.enumerate() if t.name == "recp-backup"]


def test_cli_plan_names_objects_and_numbers_in_the_language(mine, tmp_path, capsys):
    copy = tmp_path / "copy.recp"
    _handout(mine, copy)

    def mine_edit(af, audit):
        audit.options[0].investment_vnd = 12_500_000
        af.put(audit.options[0])

    def their_edit(af, audit):
        audit.options[0].investment_vnd = 22_100_000
        af.put(audit.options[0])

    _edit(mine, "Lan", mine_edit)
    _edit(copy, "Hoa", their_edit)
    capsys.readouterr()
    assert cli.main(["--lang", "vi", "merge", str(mine), str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Cơ hội" in out and " options " not in out
    assert "12.500.000 | 22.100.000" in out  # the conflicting field, as Vietnamese writes it
    assert cli.main(["--lang", "en", "merge", str(mine), str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Option" in out and "12,500,000 | 22,100,000" in out


def test_the_same_edit_on_both_sides_and_own_edits_elsewhere_bring_nothing(mine, tmp_path):
    """Only what the teammate moved from the hand-out is looked at here: an edit (or deletion)
    both made alike is no conflict, and this side's own edits stay as they are."""
    copy = tmp_path / "c.recp"
    _handout(mine, copy)
    with AuditFile.open(mine, read_only=True, backup=False) as af:
        first, second, third, fourth = sorted(o.id for o in af.load().options)[:4]

    def both(af, audit):
        by_id = {o.id: o for o in audit.options}
        by_id[first].title_vi = "Cùng một sửa"
        af.apply(put=[by_id[first]], delete=[by_id[second]])

    def only_mine(af, audit):
        both(af, audit)
        option = next(o for o in audit.options if o.id == fourth)
        option.title_vi = "Của tôi"
        af.apply(put=[option, model.Product("Sản phẩm của tôi")])

    def theirs(af, audit):
        both(af, audit)
        option = next(o for o in audit.options if o.id == third)
        option.investment_vnd = 77_000_000
        af.put(option)

    _edit(mine, "Lan", only_mine)
    _edit(copy, "Hoa", theirs)
    plan = _plan(mine, copy)
    assert [(c.table, c.id, c.action) for c in plan.changes] == [("options", third, "update")]
    assert not plan.conflicts and not plan.skipped
    with AuditFile.open(mine, backup=False) as af:
        apply_merge(af, plan)
        audit = af.load()
    options = {o.id: o for o in audit.options}
    assert options[first].title_vi == "Cùng một sửa" and second not in options
    assert options[third].investment_vnd == 77_000_000
    assert options[fourth].title_vi == "Của tôi"
    assert "Sản phẩm của tôi" in [p.name_vi for p in audit.products]
    assert _plan(mine, copy).empty  # the agreed edit and deletion are the base now
