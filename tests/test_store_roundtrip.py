"""Every field of every stored type survives a save and a load, whichever decoder path reads it.

Values are made from each field's type hint, so a field added to the model later is covered
without editing this test: a non-default value (last enum member, a date, Vietnamese text, big
and negative numbers, nested lists and dicts), and an "empty" twin (None for every optional
field, empty containers and text).
"""

from __future__ import annotations

import copy
import dataclasses
import json
import types
import typing
import unicodedata
from datetime import date, datetime
from enum import Enum
from typing import Any

import pytest

from app.core import model
from app.core.errors import UserError
from app.store import codec, schema
from app.store.auditfile import AuditFile

TEXT = unicodedata.normalize("NFC", 'Nước thải – xử lý “sơ bộ” ✓ 漢字 😀 \\ " \n\t')


def _value(hint: Any, name: str, full: bool) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _value(args[0], name, full) if full else None
    if origin in (list, tuple):
        (item,) = typing.get_args(hint)
        return [_value(item, f"{name}{i}", full=True) for i in range(3)] if full else []
    if origin is dict:
        _, item = typing.get_args(hint)
        # a second entry of the item's type, its empty value (a dict of dicts stays well-typed)
        return (
            {"kinh tế": _value(item, name, True), "môi trường": _value(item, name, False)}
            if full
            else {}
        )
    if isinstance(hint, type) and issubclass(hint, Enum):
        members = list(hint)
        return members[-1] if full else members[0]
    if hint is bool:
        return full
    if hint is int:
        return -12_345_678_901_234 if full else 0
    if hint is float:
        return 1234.5678 if full else 0.0
    if hint is str:
        return f"{name}: {TEXT}" if full else ""
    if hint is bytes:
        return b"\xff\xd8\x00jpeg\xff\xd9" if full else None
    if hint is datetime:
        return datetime(2025, 2, 28, 13, 45, 30, 123456)
    if hint is date:
        return date(2024, 2, 29)
    if dataclasses.is_dataclass(hint):
        return _instance(hint, full)
    raise AssertionError(f"no test value for {hint!r}: extend _value")


def _instance(cls: type, full: bool, **fixed: Any) -> Any:
    hints = typing.get_type_hints(cls)
    values = {
        f.name: fixed[f.name] if f.name in fixed else _value(hints[f.name], f.name, full)
        for f in dataclasses.fields(cls)
    }
    return cls(**values)


def _audit() -> model.Audit:
    """Two of each entity type (full and empty), owned rows pointing at real owners."""
    audit = model.Audit(info=_instance(model.AuditInfo, True))
    owners: dict[str, str] = {}
    for cls, attr in model.AUDIT_LISTS.items():
        for position, full in enumerate((True, False)):
            fixed: dict[str, Any] = {"id": f"{attr}-{'full' if full else 'empty'}"}
            fixed["position"] = position  # ignored by classes without it
            for field, owner in (
                ("product_id", "products"),
                ("step_id", "steps"),
                ("stream_id", "streams"),
                ("finding_id", "findings"),
            ):
                if field in {f.name for f in dataclasses.fields(cls)} and owner in owners:
                    fixed[field] = owners[owner]
            fields = {f.name for f in dataclasses.fields(cls)}
            entity = _instance(cls, full, **{k: v for k, v in fixed.items() if k in fields})
            getattr(audit, attr).append(entity)
        owners[attr] = getattr(audit, attr)[0].id
    return audit


def _without_jpeg(audit: model.Audit) -> model.Audit:
    expected = copy.deepcopy(audit)
    for photo in expected.photos:
        photo.jpeg = None  # load() leaves the full JPEG in the file
    return expected


def _assert_types(obj: Any) -> None:
    """Each loaded value has its hint's type (an enum member, not its text; a date, not ISO)."""
    hints = typing.get_type_hints(type(obj))
    for f in dataclasses.fields(obj):
        value, hint = getattr(obj, f.name), hints[f.name]
        if typing.get_origin(hint) in (typing.Union, types.UnionType):
            if value is None:
                continue
            hint = next(a for a in typing.get_args(hint) if a is not type(None))
        origin = typing.get_origin(hint)
        if origin in (list, dict):
            assert type(value) is origin, f.name
            items = value.values() if origin is dict else value
            for item in items:
                if dataclasses.is_dataclass(item):
                    _assert_types(item)
        elif dataclasses.is_dataclass(hint):
            _assert_types(value)
        else:
            assert type(value) is hint or isinstance(value, hint), (type(obj).__name__, f.name)


@pytest.fixture
def stored(tmp_path):
    audit = _audit()
    path = tmp_path / "roundtrip.recp"
    AuditFile.create(path, copy.deepcopy(audit)).close()
    return audit, path


def test_every_field_of_every_type_round_trips(stored):
    audit, path = stored
    with AuditFile.open(path) as af:
        loaded = af.load()
        assert af.photo_jpeg("photos-full") == audit.photos[0].jpeg
    expected = _without_jpeg(audit)
    assert loaded == expected
    for cls, attr in model.AUDIT_LISTS.items():
        got = getattr(loaded, attr)
        assert [o.id for o in got] == [o.id for o in getattr(expected, attr)], attr
        for obj, want in zip(got, getattr(expected, attr), strict=True):
            assert type(obj) is cls
            assert dataclasses.asdict(obj) == dataclasses.asdict(want), attr
            _assert_types(obj)
    _assert_types(loaded.info)
    # The text comes back exactly, not merely equal after some normalisation.
    assert loaded.options[0].title_vi == audit.options[0].title_vi
    assert TEXT in loaded.options[0].status_history[2].note


def test_loaded_values_are_independent_objects(stored):
    """Lists and nested objects are never shared between two loaded entities or two loads."""
    _, path = stored
    with AuditFile.open(path) as af:
        first, second = af.load(), af.load()
    a, b = first.options[0], second.options[0]
    assert a == b and a.savings is not b.savings and a.savings[0] is not b.savings[0]
    a.savings[0].quantity_per_year = -1.0
    a.scores["kinh tế"] = 0.5
    assert b.savings[0].quantity_per_year == 1234.5678 and b.scores["kinh tế"] == 1234.5678


def test_an_edit_of_every_field_is_saved(stored):
    """Swap the full and empty values of each entity: every field's new value is written."""
    audit, path = stored
    with AuditFile.open(path) as af:
        changed = []
        for attr in model.AUDIT_LISTS.values():
            full, empty = getattr(audit, attr)
            keep = {"id", "position", "product_id", "step_id", "stream_id", "finding_id"}
            keep |= {"jpeg", "thumbnail"}  # a photo put without its blobs keeps the stored ones
            for f in dataclasses.fields(full):
                if f.name not in keep:
                    a, b = getattr(full, f.name), getattr(empty, f.name)
                    setattr(full, f.name, b)
                    setattr(empty, f.name, a)
            changed += [full, empty]
        af.put(*changed)
    with AuditFile.open(path) as af:
        assert af.load() == _without_jpeg(audit)


def test_the_fast_and_general_decoders_agree_on_odd_rows(stored):
    """Rows the owned-dict fast path must refuse (an unknown nested enum value after valid
    ones, a missing key, an extra key, a nested list that is not a list) load as the general
    decoder reads them, without disturbing the other rows."""
    audit, path = stored
    full, empty = audit.options
    with AuditFile.open(path) as af:
        conn = af._conn
        data = json.loads(
            conn.execute("SELECT data FROM options WHERE id = ?", (full.id,)).fetchone()[0]
        )
        data["status_history"][-1]["status"] = "from_a_newer_app"
        data["extra_from_v9"] = [1, 2]
        conn.execute("UPDATE options SET data = ? WHERE id = ?", (json.dumps(data), full.id))
        data = json.loads(
            conn.execute("SELECT data FROM options WHERE id = ?", (empty.id,)).fetchone()[0]
        )
        del data["code"]
        data["finding_ids"] = None
        conn.execute("UPDATE options SET data = ? WHERE id = ?", (json.dumps(data), empty.id))
        got = {o.id: o for o in af.load().options}
        spec = schema.SPEC_OF[model.Option]
        names = tuple(n for n in spec.column_names if n not in spec.lazy_blobs)
        rows = conn.execute(f"SELECT id, {', '.join((*names, 'data'))} FROM options").fetchall()
    general = {}
    for row in rows:
        merged = json.loads(row[-1])
        merged.update(id=row[0], **dict(zip(names, row[1:-1], strict=True)))
        general[row[0]] = codec.decode(model.Option, merged)
    assert got == general
    odd = got[full.id]
    assert odd.status_history[-1].status is model.OptionStatus.IDENTIFIED  # the default
    assert odd.status_history[:-1] == full.status_history[:-1] and odd.title_vi == full.title_vi
    assert not hasattr(odd, "extra_from_v9")
    assert got[empty.id].code == "" and got[empty.id].finding_ids == []


def test_row_texts_that_split_into_two_values_do_not_shift_later_rows(stored):
    audit, path = stored
    with AuditFile.open(path) as af:
        af._conn.execute("UPDATE team SET data = '{},{}' WHERE id = ?", (audit.team[0].id,))
        with pytest.raises(UserError) as exc:
            af.load()
    assert exc.value.problem.key == "store.damaged_row.json"
    assert exc.value.problem.location.entity_id == audit.team[0].id
