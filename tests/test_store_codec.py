"""The table decoder used by ``AuditFile.load``: same objects as the generic ``decode``, robust
to odd rows, and objects that behave like ones built by their constructor."""

from __future__ import annotations

import copy
import dataclasses
import json
from datetime import date

import pytest

from app.core import model
from app.core.errors import UserError
from app.store import codec, schema
from app.store.auditfile import AuditFile
from tests.sample_store import sample_audit


@pytest.fixture
def audit():
    return sample_audit(streams=4, months=6, findings=5, options=6, photos=2)


@pytest.fixture
def af(tmp_path, audit):
    f = AuditFile.create(tmp_path / "c.recp", copy.deepcopy(audit))
    yield f
    f.close()


def _rows(af: AuditFile, spec: schema.TableSpec) -> tuple[tuple[str, ...], list[tuple]]:
    names = tuple(n for n in spec.column_names if n not in spec.lazy_blobs)
    sql = f"SELECT id, {', '.join((*names, 'data'))} FROM {spec.table} ORDER BY {spec.order_by}"
    return names, af._conn.execute(sql).fetchall()


def _merged(names: tuple[str, ...], row: tuple) -> dict:
    data = json.loads(row[-1])
    data["id"] = row[0]
    data.update(zip(names, row[1:-1], strict=True))
    return data


def test_table_decoder_agrees_with_the_generic_decoder_for_every_table(af):
    checked = 0
    for spec in schema.TABLES:
        names, rows = _rows(af, spec)
        fast = codec.rows_decoder(spec.cls, names)(rows)
        slow = [codec.decode(spec.cls, _merged(names, row)) for row in rows]
        assert fast == slow
        assert all(type(o) is spec.cls for o in fast)
        checked += len(rows)
    assert checked > 50


def test_odd_values_fall_back_per_row_without_touching_the_others(af, audit):
    odd, fine = audit.streams[0], audit.streams[1]
    conn = af._conn
    conn.execute("UPDATE streams SET kind = 'plasma' WHERE id = ?", (odd.id,))
    data = json.loads(
        conn.execute("SELECT data FROM streams WHERE id = ?", (odd.id,)).fetchone()[0]
    )
    data.update(data_source="telepathy", added_by_v9={"x": 1})
    del data["name_vi"]  # required field missing: neutral value
    conn.execute(
        "UPDATE streams SET data = ? WHERE id = ?", (json.dumps(data, ensure_ascii=False), odd.id)
    )
    loaded = {s.id: s for s in af.load().streams}
    got = loaded[odd.id]
    assert got.kind in model.StreamKind and got.data_source is model.DataSource.INVOICE
    assert got.name_vi == "" and got.unit == odd.unit and got.notes == odd.notes
    assert not hasattr(got, "added_by_v9")
    assert loaded[fine.id] == fine
    names, rows = _rows(af, schema.SPEC_OF[model.ResourceStream])
    assert codec.rows_decoder(model.ResourceStream, names)(rows) == [
        codec.decode(model.ResourceStream, _merged(names, row)) for row in rows
    ]


def test_damaged_json_in_a_row_is_a_read_error_not_a_crash(af, audit):
    af._conn.execute(
        "UPDATE options SET data = '{\"title_vi\": ' WHERE id = ?", (audit.options[2].id,)
    )
    with pytest.raises(UserError) as exc:
        af.load()
    assert exc.value.problem.key == "store.read_failed"


def test_a_row_whose_json_is_not_an_object_keeps_its_column_values(af, audit):
    record = audit.records[3]
    af._conn.execute("UPDATE records SET data = '[1, 2]' WHERE id = ?", (record.id,))
    loaded = {r.id: r for r in af.load().records}
    assert loaded[record.id] == record  # every field of a record has its own column


def test_loaded_objects_own_their_mutable_fields(af, audit):
    """Fields missing from the JSON get a fresh list each, as the constructor's factory gives."""
    for option in audit.options[:2]:
        raw = af._conn.execute("SELECT data FROM options WHERE id = ?", (option.id,)).fetchone()
        data = json.loads(raw[0])
        del data["finding_ids"], data["savings"]
        af._conn.execute("UPDATE options SET data = ? WHERE id = ?", (json.dumps(data), option.id))
    first, second = af.load().options[:2]
    assert first.finding_ids == second.finding_ids == [] and first.savings == []
    first.finding_ids.append("x")
    assert second.finding_ids == [] and first.savings is not second.savings


def test_loaded_objects_behave_like_constructed_ones(af, audit):
    loaded = af.load()
    option = loaded.options[0]
    assert option == dataclasses.replace(option)
    assert dataclasses.asdict(option) == dataclasses.asdict(audit.options[0])
    assert repr(loaded.streams[0]) == repr(audit.streams[0])
    option.status_history.append(model.StatusChange(model.OptionStatus.PLANNED, date(2025, 1, 1)))
    af.put(option)
    assert af.load().options[0] == option


def test_rows_come_back_in_position_order(af, audit):
    steps = audit.steps
    for i, step in enumerate(reversed(steps)):
        step.position = i
    af.put(*steps)
    assert [s.id for s in af.load().steps] == [s.id for s in reversed(steps)]


@dataclasses.dataclass
class _Normalised:
    name: str
    tags: list[str] = dataclasses.field(default_factory=list)
    id: str = ""

    def __post_init__(self):
        self.name = self.name.strip().upper()


@dataclasses.dataclass(frozen=True)
class _Frozen:
    kind: model.StreamKind
    when: date | None = None
    id: str = ""


def test_classes_with_post_init_or_frozen_go_through_their_constructor():
    rows = [("a", '{"name": "  lò hơi ", "tags": ["x"]}'), ("b", '{"name": "b"}')]
    built = codec.rows_decoder(_Normalised, ())(rows)
    assert built == [_Normalised("LÒ HƠI", ["x"], "a"), _Normalised("B", [], "b")]
    frozen = codec.rows_decoder(_Frozen, ("kind",))(
        [("f", "water", '{"when": "2025-03-01"}'), ("g", "nonsense", "{}")]
    )
    assert frozen[0] == _Frozen(model.StreamKind.WATER, date(2025, 3, 1), "f")
    assert frozen[1].id == "g" and frozen[1].kind in model.StreamKind


def test_equal_positions_keep_the_order_rows_were_added(af, audit):
    steps = audit.steps
    for step in steps:
        step.position = 7
    af.put(*steps)
    late = model.ProcessStep("Bước thêm sau", position=7)
    early = model.ProcessStep("Bước đầu", position=-1)
    af.put(late, early)
    assert [s.id for s in af.load().steps] == [early.id, *(s.id for s in steps), late.id]


def test_a_position_that_is_not_a_number_still_loads_in_sqlite_order(af, audit):
    first, second, *_ = audit.steps
    af._conn.execute("UPDATE steps SET position = 'x' WHERE id = ?", (first.id,))
    got = af.load().steps
    expected = [
        r[0] for r in af._conn.execute("SELECT id FROM steps ORDER BY position, rowid").fetchall()
    ]
    assert [s.id for s in got] == expected and got[-1].id == first.id  # text sorts last
