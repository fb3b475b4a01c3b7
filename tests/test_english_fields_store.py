"""English fields of user text printed in reports (audit title, team roles and organisations,
photo captions, options' rejection and override reasons): stored, migrated from v2, and cleared
with the Vietnamese by the status workflow (issue 18, English readers; issue 24)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from app.core import model
from app.core import options as opt
from app.core.model import Option, OptionStatus, Screening
from app.store import backups, schema
from app.store.auditfile import AuditFile

ENGLISH_KEYS = {
    "audit_info": ("title_en",),
    "team": ("role_en", "organisation_en", "department_en"),
    "photos": ("caption_en",),
    "options": ("rejection_reason_en", "override_reason_en"),
}


def _audit() -> model.Audit:
    info = model.AuditInfo(title="Đánh giá SXSH 2025", title_en="CP audit 2025")
    finding = model.Finding(area="boiler", title="Rò hơi")
    return model.Audit(
        info=info,
        team=[
            model.TeamMember(
                "Hà",
                role="Trưởng nhóm",
                organisation="Trung tâm SXSH",
                department="Phòng Năng lượng",
                role_en="Team leader",
                organisation_en="CP Centre",
                department_en="Energy department",
            )
        ],
        findings=[finding],
        photos=[
            model.Photo(
                finding.id, "Van rò hơi", 2, 2, b"\xff\xd8x\xff\xd9", caption_en="Leaking valve"
            )
        ],
        options=[
            Option(
                "Thu hồi xút",
                status=OptionStatus.SCREENED,
                screening=Screening.REJECTED,
                rejection_reason="Quá đắt",
                rejection_reason_en="Too expensive",
                override_reason="Báo giá",
                override_reason_en="Quotation",
            )
        ],
    )


def test_the_english_fields_are_stored_and_read_back(tmp_path):
    path = tmp_path / "a.recp"
    AuditFile.create(path, _audit()).close()
    with AuditFile.open(path, backup=False) as af:
        got = af.load()
    assert got.info.title_en == "CP audit 2025" and got.info.title == "Đánh giá SXSH 2025"
    member = got.team[0]
    assert (member.role_en, member.organisation_en) == ("Team leader", "CP Centre")
    assert (member.role, member.organisation) == ("Trưởng nhóm", "Trung tâm SXSH")
    assert (member.department, member.department_en) == ("Phòng Năng lượng", "Energy department")
    assert got.photos[0].caption_en == "Leaking valve" and got.photos[0].caption == "Van rò hơi"
    o = got.options[0]
    assert (o.rejection_reason, o.rejection_reason_en) == ("Quá đắt", "Too expensive")
    assert (o.override_reason, o.override_reason_en) == ("Báo giá", "Quotation")


def _as_written_by_v2(path) -> None:
    """The file as the previous app wrote it: version 2, no English keys in any row."""
    conn = sqlite3.connect(path)
    for table, keys in ENGLISH_KEYS.items():
        key_col = "one" if table == "audit_info" else "id"
        for key, data in conn.execute(f"SELECT {key_col}, data FROM {table}").fetchall():
            d = json.loads(data)
            for k in keys:
                d.pop(k, None)
            conn.execute(f"UPDATE {table} SET data = ? WHERE {key_col} = ?", (json.dumps(d), key))
    conn.execute("PRAGMA user_version=2")
    conn.commit()
    conn.close()


def test_a_version_2_file_is_migrated_and_its_english_fields_are_empty(tmp_path):
    assert schema.SCHEMA_VERSION >= 3  # migrated on to the current version
    path = tmp_path / "v2.recp"
    AuditFile.create(path, _audit()).close()
    _as_written_by_v2(path)
    conn = sqlite3.connect(path)
    rows_before = {t: conn.execute(f"SELECT data FROM {t}").fetchall() for t in ("team", "options")}
    conn.close()
    with AuditFile.open(path, backup=False) as af:
        assert af.schema_version == schema.SCHEMA_VERSION and not af.read_only
        got = af.load()
        # the Vietnamese is all there, the English empty
        assert got.info.title == "Đánh giá SXSH 2025" and got.info.title_en == ""
        assert got.team[0].role == "Trưởng nhóm" and got.team[0].role_en == ""
        assert got.team[0].organisation_en == "" and got.team[0].department_en == ""
        assert got.team[0].department == "Phòng Năng lượng"
        assert got.photos[0].caption == "Van rò hơi" and got.photos[0].caption_en == ""
        o = got.options[0]
        assert o.rejection_reason == "Quá đắt" and o.rejection_reason_en == ""
        assert o.override_reason == "Báo giá" and o.override_reason_en == ""
        # rows are not rewritten: the hand-out hashes of a team merge stay valid
        for t, rows in rows_before.items():
            assert af._conn.execute(f"SELECT data FROM {t}").fetchall() == rows
        # and an English text typed now is kept
        member = got.team[0]
        member.role_en = "Team leader"
        af.put(member)
    with AuditFile.open(path, backup=False) as af:
        assert af.load().team[0].role_en == "Team leader"
    saved = backups.list_backups(path)
    assert len(saved) == 1  # the v2 file was backed up before migrating
    with AuditFile.open(saved[0], read_only=True) as pre:
        assert pre.schema_version == 2


def test_the_previous_app_opens_a_version_3_file_read_only(tmp_path):
    """An app of v2 would drop the English keys when it rewrites a row: it may only read."""
    path = tmp_path / "v3.recp"
    AuditFile.create(path, _audit()).close()
    with AuditFile.open(path, migrations=schema.MIGRATIONS[:1], backup=False) as old:
        assert old.read_only
        assert old.read_only_reason.key == "store.readonly.newer_version"
        assert old.read_only_reason.params == {"found": schema.SCHEMA_VERSION, "supported": 2}


def test_the_english_rejection_reason_goes_with_the_vietnamese():
    option, _ = opt.change_status(
        Option("x"),
        opt.REJECTED_CHOICE,
        date(2025, 3, 1),
        rejection_reason="Quá đắt",
        rejection_reason_en="  Too expensive ",
    )
    assert option.rejection_reason_en == "Too expensive"  # cleaned like the Vietnamese
    back, _ = opt.change_status(
        option, OptionStatus.SCREENED, date(2025, 3, 2), screening=Screening.FURTHER_STUDY
    )
    assert back.rejection_reason == "" and back.rejection_reason_en == ""
    odd = Option("y", status=OptionStatus.SCREENED, rejection_reason_en="left over")
    odd.screening = Screening.IMPLEMENT_DIRECTLY
    assert opt.settle_workflow(odd).rejection_reason_en == ""
    assert opt.duplicate_option(option).rejection_reason_en == ""
