"""The anonymised exchange file (issue 21, item 3): only what was agreed, field by field; the
consent kept in the audit; the preview; reading back, and refusing bad files."""

from __future__ import annotations

import copy
import csv
import dataclasses
import io
import json
import re
import sqlite3
import unicodedata

import pytest

from app.cli import main
from app.core import model
from app.core.costs import stream_cost
from app.core.demo import build_demo_audit
from app.core.errors import UserError
from app.core.messages import render
from app.core.parsing import format_number
from app.core.symbiosis import exchange as ex
from app.core.symbiosis.exchange_preview import preview
from app.core.symbiosis.offers import Side, offers_and_needs
from app.store import schema
from app.store.auditfile import AuditFile
from app.store.portfolio_folder import read_parties


@pytest.fixture
def demo_file(tmp_path, capsys):
    path = tmp_path / "demo.recp"
    assert main(["demo", str(path)]) == 0
    capsys.readouterr()
    return path


def export(capsys, audit_path, out, *extra):
    code = main(["exchange-export", str(audit_path), str(out), "--yes", "--lang", "en", *extra])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def _load(path):
    with AuditFile.open(path, read_only=True, backup=False) as af:
        return af.load()


def _save(path, audit):
    with AuditFile.create(path, audit):
        pass
    return path


# ---------------------------------------------------------------------------------------------
# What the demo audit's file must never carry


def _walk_money(value, found):
    """Every integer VND figure of the audit's objects (fields named ``*_vnd``)."""
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            v = getattr(value, f.name)
            if f.name.endswith("_vnd") and isinstance(v, int) and not isinstance(v, bool):
                found.add(v)
            else:
                _walk_money(v, found)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _walk_money(v, found)
    elif isinstance(value, dict):
        for v in value.values():
            _walk_money(v, found)


def money_figures(audit):
    found: set[int] = set()
    _walk_money(audit, found)
    for stream in audit.streams:  # what each stream costs a year, as the offers compute it
        records = [r for r in audit.records if r.stream_id == stream.id]
        cost = stream_cost(stream, records).vnd
        if cost is not None:
            found.add(cost)
    for item in (*offers_and_needs(audit).offers, *offers_and_needs(audit).needs):
        if item.cost_per_year_vnd is not None:
            found.add(item.cost_per_year_vnd)
    return {abs(v) for v in found if abs(v) >= 100}


def money_forms(value):
    """A figure as a file or a reader could write it: plain, grouped the vi and the en way."""
    return {str(value), format_number(value, "vi", 0), format_number(value, "en", 0)}


def contains_number(text, form):
    return re.search(rf"(?<![0-9]){re.escape(form)}(?![0-9])(?![.,][0-9]{{3}})", text) is not None


def identity_texts(audit):
    ent = audit.info.enterprise
    texts = [
        ent.name,
        ent.tax_code,
        ent.address,
        ent.contact_name,
        ent.contact_phone,
        ent.contact_email,
        ent.sector_name,
        audit.info.title,
        audit.info.id,
    ]
    texts += [m.name for m in audit.team]
    texts += [s.name_vi for s in audit.steps] + [s.name_en for s in audit.steps]
    texts += [s.name_vi for s in audit.streams] + [s.name_en for s in audit.streams]
    texts += [f.name for f in audit.flows] + [f.name_en for f in audit.flows]
    return [t for t in texts if t and len(t) >= 3]


def _fold(text):
    return unicodedata.normalize("NFC", text).casefold()


def _written(out):
    return out.read_text(encoding="utf-8"), ex.csv_path(out).read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("share", [None, "quantity,months,location", "money"])
def test_the_demo_file_carries_no_identity_process_or_unagreed_money(
    demo_file, tmp_path, capsys, share
):
    audit = _load(demo_file)
    out = tmp_path / "demo.recpx.json"
    export(capsys, demo_file, out, *(["--share", share] if share else []))
    texts = _written(out)
    assert all(texts)
    for text in texts:
        folded = _fold(text)
        leaked = [t for t in identity_texts(audit) if _fold(t) in folded]
        assert not leaked, leaked
    money = money_figures(audit)
    assert len(money) > 50  # the check below looks at the audit's real figures
    shared_costs = {
        abs(i.cost_per_year_vnd)
        for i in (*offers_and_needs(audit).offers, *offers_and_needs(audit).needs)
        if i.cost_per_year_vnd is not None
    }
    allowed = shared_costs if share == "money" else set()
    for text in texts:
        leaked = [
            v for v in money - allowed if any(contains_number(text, f) for f in money_forms(v))
        ]
        assert not leaked, leaked
    for cost in shared_costs:  # agreed: there; else: nowhere
        there = all(contains_number(t, str(cost)) for t in texts)
        assert there == (share == "money"), cost


def test_the_grep_finds_what_a_careless_file_would_leak(demo_file, tmp_path, capsys):
    """The check above can fail: a file with notes agreed carries the notes, which name a
    process (the boiler) — and a money figure slipped in is found in any format."""
    audit = _load(demo_file)
    out = tmp_path / "demo.recpx.json"
    export(capsys, demo_file, out, "--share", "notes")
    text, table = _written(out)
    assert "lò hơi ghi xích" in text and "lò hơi ghi xích" in table
    # the notes, shared as written, name a stream ("nước thải"): the grep sees it
    found = [t for t in identity_texts(audit) if _fold(t) in _fold(text)]
    assert "Nước thải" in found
    price = audit.streams[1].unit_price_vnd  # 3,250,000 VND per tonne of coal
    leaky = text.replace('"unit": "t"', f'"unit": "t", "price": {price}.0', 1)
    for form in money_forms(price):
        assert contains_number(leaky.replace(f"{price}.0", form), form)
    assert not contains_number(text, str(price))
    assert not contains_number(f"1{price}", str(price))  # part of a longer number: not it


# ---------------------------------------------------------------------------------------------
# Consent, stored in the audit


def test_consent_defaults_share_nothing_sensitive():
    consent = model.AuditInfo().exchange_consent
    assert ex.shared_fields(consent) == ()
    assert consent.id_key == ""


def test_consent_persisted_and_reloaded_and_the_id_stays(demo_file, tmp_path, capsys):
    out = tmp_path / "a.recpx.json"
    printed = export(capsys, demo_file, out, "--share", "quantity,money")
    assert "quantity, money" in printed
    consent = _load(demo_file).info.exchange_consent
    assert (consent.quantity, consent.money) == (True, True)
    assert (consent.months, consent.notes, consent.location) == (False, False, False)
    assert len(consent.id_key) == 32
    first = json.loads(out.read_text(encoding="utf-8"))
    assert first["shared"] == ["quantity", "money"]
    # Again with no --share: the stored consent, the same anonymous id.
    again = tmp_path / "b.recpx.json"
    export(capsys, demo_file, again)
    second = json.loads(again.read_text(encoding="utf-8"))
    assert second["shared"] == ["quantity", "money"]
    assert second["enterprise_id"] == first["enterprise_id"]
    # "none" takes every field back; the key (and so the id) is kept.
    export(capsys, demo_file, tmp_path / "c.recpx.json", "--share", "none")
    reloaded = _load(demo_file).info.exchange_consent
    assert ex.shared_fields(reloaded) == () and reloaded.id_key == consent.id_key


def test_consent_round_trips_through_the_store(tmp_path):
    audit = build_demo_audit()
    audit.info.exchange_consent = model.ExchangeConsent(months=True, location=True, id_key="k1")
    path = _save(tmp_path / "a.recp", audit)
    assert _load(path).info.exchange_consent == audit.info.exchange_consent


def test_an_audit_written_before_the_consent_existed_opens_with_the_defaults(tmp_path):
    """The consent lives in the header's JSON: no new column, no schema version, no migration;
    an older file (no key) reads as "share nothing sensitive", and a damaged value opens
    nothing."""
    path = _save(tmp_path / "old.recp", build_demo_audit())
    conn = sqlite3.connect(path)
    data = json.loads(conn.execute("SELECT data FROM audit_info").fetchone()[0])
    assert "exchange_consent" in data
    del data["exchange_consent"]
    conn.execute("UPDATE audit_info SET data = ?", (json.dumps(data),))
    conn.commit()
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    assert version == schema.SCHEMA_VERSION
    assert _load(path).info.exchange_consent == model.ExchangeConsent()
    damaged = model.ExchangeConsent(money="yes", quantity=1)  # type: ignore[arg-type]
    assert ex.shared_fields(damaged) == ()


def test_unknown_share_field_is_refused(demo_file, tmp_path, capsys):
    code = main(["exchange-export", str(demo_file), str(tmp_path / "x.recpx.json"), "--share",
                 "quantity,tax_code", "--yes", "--lang", "vi"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and "tax_code" in err and "quantity, months" in err
    assert not (tmp_path / "x.recpx.json").exists()


def test_nothing_is_written_without_yes(demo_file, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    out = tmp_path / "x.recpx.json"
    code = main(["exchange-export", str(demo_file), str(out), "--share", "money", "--lang", "en"])
    captured = capsys.readouterr()
    assert code == 0 and "Nothing written" in captured.err
    assert "Could give (3)" in captured.out  # the preview was shown
    assert not out.exists() and not ex.csv_path(out).exists()
    assert ex.shared_fields(_load(demo_file).info.exchange_consent) == ()  # nor the consent


def test_anonymous_id_is_keyed_and_one_way():
    audit_id = "f1df936bc63352aa945e8753d149c3d2"
    a, b = ex.anonymous_id(audit_id, "key-a"), ex.anonymous_id(audit_id, "key-b")
    assert a != b and a == ex.anonymous_id(audit_id, "key-a")
    assert audit_id not in a and a.startswith("ex-")
    with pytest.raises(ValueError):
        ex.anonymous_id(audit_id, "")


# ---------------------------------------------------------------------------------------------
# Content details


def test_quantity_bands():
    assert ex.quantity_band(262.4) == (200, 500)
    assert ex.quantity_band(564.5) == (500, 1000)
    assert ex.quantity_band(200) == (200, 500)
    assert ex.quantity_band(0.03) == (0.02, 0.05)
    assert ex.quantity_band(9.99) == (5, 10)
    assert ex.quantity_band(0) == (0, 0)


def test_confidential_streams_and_location(tmp_path):
    audit = build_demo_audit()
    slag = next(s for s in audit.streams if s.waste_class == "W-ASH-BOTTOM")
    slag.confidential = True
    audit.info.enterprise.latitude, audit.info.enterprise.longitude = 20.8451234, 106.7654321
    consent = ex.with_id_key(ex.consent_of(["location"]))
    result = ex.exchange_content(audit, consent)
    assert "W-ASH-BOTTOM" not in json.dumps(result.content)
    assert result.confidential_left_out == 1
    assert result.content["location"] == {"latitude": 20.845, "longitude": 106.765}
    text = preview(result, "en")
    assert "1 offer or need from a stream marked confidential" in text
    assert "latitude 20.845, longitude 106.765" in text
    hidden = ex.exchange_content(audit, ex.with_id_key(model.ExchangeConsent()))
    assert "location" not in hidden.content and "20.845" not in ex.exchange_csv(hidden.content)


def test_no_park_or_nothing_classified_refused():
    audit = build_demo_audit()
    key = ex.with_id_key(model.ExchangeConsent())
    no_park = copy.deepcopy(audit)
    no_park.info.enterprise.industrial_park = " "
    with pytest.raises(UserError) as err:
        ex.exchange_content(no_park, key)
    assert err.value.problem.key == "exchange.export.no_park"
    bare = copy.deepcopy(audit)
    for s in bare.streams:
        s.waste_class = ""
    with pytest.raises(UserError) as err:
        ex.exchange_content(bare, key)
    assert "none of the 15 streams" in render(err.value.problem, "en")


def test_csv_twin_holds_the_same_content(demo_file, tmp_path, capsys):
    out = tmp_path / "demo.recpx.json"
    export(capsys, demo_file, out, "--share", "months,money")
    content = json.loads(out.read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO(ex.csv_path(out).read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(content["items"]) == 6
    for row, item in zip(rows, content["items"], strict=True):
        assert row["enterprise_id"] == content["enterprise_id"]
        assert row["park"] == content["park"] and row["province"] == content["province"]
        assert row["shared"] == "months;money"
        assert (row["side"], row["class"], row["unit"]) == (
            item["side"],
            item["class"],
            item["unit"],
        )
        assert row["hazardous"] == str(item["hazardous"]).lower()
        assert [float(row["quantity_low"]), float(row["quantity_high"])] == item["quantity_band"]
        assert row["months"] == ";".join(str(m) for m in item["months"])
        assert int(row["cost_per_year_vnd"]) == item["cost_per_year_vnd"]
        assert "quantity_per_year" not in row and "notes" not in row


# ---------------------------------------------------------------------------------------------
# Round trip


@pytest.mark.parametrize("share", [None, "quantity,months,notes,money,location"])
def test_round_trip_gives_the_same_party_items(demo_file, tmp_path, capsys, share):
    audit = _load(demo_file)
    out = tmp_path / "demo.recpx.json"
    export(capsys, demo_file, out, *(["--share", share] if share else []))
    party = ex.read_exchange(out)
    everything = share is not None
    expected = offers_and_needs(audit)
    items = [*expected.offers, *expected.needs]
    assert party.anonymous and party.park == "KCN Đình Vũ" and party.province == "Hải Phòng"
    assert party.key == ex.anonymous_id(
        audit.info.id, _load(demo_file).info.exchange_consent.id_key
    )
    assert party.label == party.key and party.source == str(out)
    assert len(party.items) == len(items)
    for got, want in zip(party.items, items, strict=True):
        assert (got.side, got.code, got.unit, got.hazardous) == (
            want.side,
            want.code,
            want.unit,
            want.hazardous,
        )
        assert got.stream_id == "" and got.hazardous_permit is False
        if everything:
            assert got.quantity_per_year == pytest.approx(want.quantity_per_year, rel=1e-6)
            assert got.quantity_band is None
            assert got.months == want.calendar_months
            assert got.notes == want.notes
            assert got.cost_per_year_vnd == want.cost_per_year_vnd
        else:
            assert got.quantity_per_year is None
            assert got.quantity_band == ex.quantity_band(want.quantity_per_year)
            low, high = got.quantity_range()
            assert low <= want.quantity_per_year < high
            assert (got.months, got.notes, got.cost_per_year_vnd) == ((), "", None)


# ---------------------------------------------------------------------------------------------
# Bad files, each refused with its message naming the file and the entry


def _good():
    audit = build_demo_audit()
    return ex.exchange_content(audit, ex.with_id_key(model.ExchangeConsent(quantity=True))).content


def _write(tmp_path, content, name="bad.recpx.json"):
    path = tmp_path / name
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


def _refused(path):
    with pytest.raises(UserError) as err:
        ex.read_exchange(path)
    problem = err.value.problem
    return problem, render(problem, "vi"), render(problem, "en")


def _bad_class(c):
    c["items"][1]["class"] = "W-NO-SUCH-CLASS"


def _negative(c):
    c["items"][0]["quantity_per_year"] = -3


def _text_number(c):
    c["items"][0]["quantity_per_year"] = "262,4"


def _reversed_band(c):
    del c["items"][0]["quantity_per_year"]
    c["items"][0]["quantity_band"] = [500, 200]


def _money_fraction(c):
    c["items"][0]["cost_per_year_vnd"] = 12.5


def _bool_number(c):
    c["items"][0]["quantity_per_year"] = True


def _newer(c):
    c["version"] = 2


def _no_park(c):
    del c["park"]


def _blank_park(c):
    c["park"] = "  "


def _bad_month(c):
    c["items"][0]["months"] = [0, 13]


@pytest.mark.parametrize(
    "spoil, key, entry_vi, entry_en",
    [
        (_bad_class, "exchange.read.unknown_class", "Mục #2:", "Entry #2:"),
        (_negative, "exchange.read.bad_number", "#1 (10 02 03)", "#1 (10 02 03)"),
        (_text_number, "exchange.read.bad_number", "262,4", "262,4"),
        (_reversed_band, "exchange.read.bad_number", "quantity_band", "quantity_band"),
        (_money_fraction, "exchange.read.bad_number", "cost_per_year_vnd", "cost_per_year_vnd"),
        (_bool_number, "exchange.read.bad_number", "quantity_per_year", "quantity_per_year"),
        (_newer, "exchange.read.newer_version", "phiên bản 2", "version 2"),
        (_no_park, "exchange.read.no_park", "khu công nghiệp", "industrial park"),
        (_blank_park, "exchange.read.no_park", "Mục park:", "Entry park:"),
        (_bad_month, "exchange.read.bad_months", "từ 1 đến 12", "from 1 to 12"),
    ],
)
def test_bad_exchange_file_refused_with_its_message(tmp_path, spoil, key, entry_vi, entry_en):
    content = _good()
    ex.read_exchange(_write(tmp_path, content, "good.recpx.json"))  # the unspoilt file reads
    spoil(content)
    path = _write(tmp_path, content)
    problem, vi, en = _refused(path)
    assert problem.key == key
    assert vi.startswith(f"tệp {path}: ") and en.startswith(f"file {path}: ")
    assert entry_vi in vi and entry_en in en


def test_not_json_and_nan_refused(tmp_path):
    path = tmp_path / "x.recpx.json"
    path.write_text("{not json", encoding="utf-8")
    assert _refused(path)[0].key == "exchange.read.syntax"
    text = json.dumps(_good()).replace('"quantity_per_year": 262.4', '"quantity_per_year": NaN')
    assert "NaN" in text
    path.write_text(text, encoding="utf-8")
    assert _refused(path)[0].key == "exchange.read.bad_number"


def test_hazardous_class_stays_hazardous_whatever_the_file_says(tmp_path):
    content = _good()
    assert content["items"][0]["class"] == "10 02 03"
    content["items"][0]["hazardous"] = False
    party = ex.read_exchange(_write(tmp_path, content))
    assert party.items[0].hazardous is True


def test_duplicate_enterprise_identity_refused(tmp_path):
    content = _good()
    first = _write(tmp_path, content, "a.recpx.json")
    second = _write(tmp_path, content, "b.recpx.json")
    assert len(ex.read_exchanges([first])) == 1
    with pytest.raises(UserError) as err:
        ex.read_exchanges([first, second])
    en = render(err.value.problem, "en")
    vi = render(err.value.problem, "vi")
    assert err.value.problem.key == "exchange.read.duplicate"
    assert str(second) in en and str(first) in en and content["enterprise_id"] in en
    assert "không được tính lần thứ hai" in vi


# ---------------------------------------------------------------------------------------------
# The preview: exactly what is written


def _item_lines(text, lang):
    return [line for line in text.splitlines() if re.match(r"^  \d+\. ", line)]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fields", [(), ex.FIELDS, ("months", "money")])
def test_preview_lists_exactly_what_is_written(lang, fields):
    audit = build_demo_audit()
    audit.info.enterprise.latitude, audit.info.enterprise.longitude = 20.85, 106.76
    result = ex.exchange_content(audit, ex.with_id_key(ex.consent_of(fields)))
    content = result.content
    text = preview(result, lang)
    assert content["enterprise_id"] in text and content["park"] in text
    assert content["province"] in text
    lines = _item_lines(text, lang)
    assert len(lines) == len(content["items"])  # one line per offer/need, no more
    for line, item in zip(lines, content["items"], strict=True):
        assert f" {item['class']} — " in line and item["unit"] in line
        if "quantity_per_year" in item:
            assert format_number(item["quantity_per_year"], lang, 6) in line
        low_high = item.get("quantity_band")
        if low_high:
            assert all(format_number(v, lang, 6) in line for v in low_high)
        if "notes" in item and item["notes"]:
            assert item["notes"] in line
        if item.get("cost_per_year_vnd") is not None:
            assert format_number(abs(item["cost_per_year_vnd"]), lang, 0) in line
        if "months" in item:
            assert ("months" in line) == (lang == "en") and ("tháng" in line) == (lang == "vi")
        else:
            assert "month" not in line and "tháng" not in line
        assert ("VND" in line) == ("cost_per_year_vnd" in item)
        assert ("“" in line) == bool(item.get("notes"))
    assert ("latitude" in text or "vĩ độ" in text) == ("location" in content)
    # The "not shared" list names exactly the fields not agreed.
    withheld = text.split("\n\n", 1)[1]
    from app.core.messages import text as message

    for name in ex.FIELDS:
        assert (message(f"exchange.preview.not.{name}", lang) in withheld) == (name not in fields)
    # Nothing of the audit beyond the content: no money when none was agreed.
    if "money" not in fields:
        assert not any(
            contains_number(text, f) for v in money_figures(audit) for f in money_forms(v)
        )


def test_preview_printed_by_the_command_is_the_written_content(demo_file, tmp_path, capsys):
    out = tmp_path / "demo.recpx.json"
    printed = export(capsys, demo_file, out, "--share", "quantity")
    content = json.loads(out.read_text(encoding="utf-8"))
    assert content["enterprise_id"] in printed
    for item in content["items"]:
        assert format_number(item["quantity_per_year"], "en", 6) in printed
    assert "VND" not in printed.split("Not shared:")[0]


# ---------------------------------------------------------------------------------------------
# A folder's participants, for the matcher


def test_a_folder_gives_audits_and_exchange_files_as_parties(tmp_path, capsys):
    folder = tmp_path / "park"
    folder.mkdir()
    demo = folder / "lam-hai.recp"
    assert main(["demo", str(demo)]) == 0
    # another enterprise: a copy of the demo with a new identity, sent as an exchange file only
    other = build_demo_audit()
    other.info.id = model.new_id()
    other_path = _save(tmp_path / "other.recp", other)
    export(capsys, other_path, folder / "other.recpx.json")
    # the demo's own exchange file lies beside it: the audit wins
    export(capsys, demo, folder / "lam-hai.recpx.json")
    # a copy of the other's file (same identity) and a broken one
    (folder / "sub").mkdir()
    (folder / "sub" / "again.recpx.json").write_bytes((folder / "other.recpx.json").read_bytes())
    bad = _good()
    bad["items"][0]["class"] = "NOPE"
    _write(folder, bad, "broken.recpx.json")
    (folder / "bare.recp").write_bytes(b"")  # not an audit
    result = read_parties(folder)
    by_kind = {p.anonymous: p for p in result.parties}
    assert len(result.parties) == 2
    assert (
        by_kind[False].label == "Công ty TNHH Dệt nhuộm Lam Hải" and len(by_kind[False].items) == 6
    )
    assert by_kind[False].items[0].side is Side.OFFER and by_kind[False].items[0].stream_id
    assert by_kind[True].source == str(folder / "other.recpx.json")
    assert sorted(p.key for p in result.problems) == [
        "exchange.folder.audit_present",
        "exchange.read.duplicate",
        "exchange.read.unknown_class",
        "store.empty",
    ]
    messages = [render(p, "en") for p in result.problems]
    assert any("broken.recpx.json" in m and "NOPE" in m for m in messages)
    assert any("again.recpx.json" in m and "other.recpx.json" in m for m in messages)
    assert any("lam-hai.recpx.json" in m and str(demo) in m for m in messages)


def test_an_audit_with_no_classified_streams_says_so(tmp_path):
    audit = build_demo_audit()
    for s in audit.streams:
        s.waste_class = ""
    _save(tmp_path / "a.recp", audit)
    result = read_parties(tmp_path)
    assert len(result.parties) == 1 and result.parties[0].items == ()
    assert [p.key for p in result.problems] == ["exchange.folder.none_classified"]
    assert "none of its 15 streams" in render(result.problems[0], "en")
