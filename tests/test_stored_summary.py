"""The portfolio summary an audit file keeps of itself (app.store.stored_summary): used only
while it is current, so a portfolio of a folder reads one row per file and never a stale one."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from app.core import portfolio as pf
from app.core.demo import build_demo_audit
from app.store import portfolio_folder, stored_summary
from app.store.auditfile import AuditFile
from app.store.portfolio_folder import read_entry
from app.store.teamwork import hand_out


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "demo.recp"
    AuditFile.create(path, build_demo_audit()).close()
    return path


def computed(path):
    """The summary worked out from the audit's rows, as a portfolio did before."""
    with AuditFile.open(path, read_only=True) as af:
        return pf.summarize(af.load(), modified=af.meta()["modified"])


def no_computing(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("the summary was computed, not read")

    monkeypatch.setattr(portfolio_folder, "summarize", refuse)


def test_a_new_file_carries_its_summary_and_the_portfolio_reads_it(demo, monkeypatch):
    expected = computed(demo)
    no_computing(monkeypatch)
    entry = read_entry(demo)
    assert entry.problem is None and entry.summary == expected
    assert entry.summary.options_found > 0 and entry.summary.investment_vnd > 0


def test_an_edit_makes_it_stale_until_the_session_closes(demo, monkeypatch):
    af = AuditFile.open(demo, backup=False)
    option = af.load().options[0]
    option.investment_vnd = (option.investment_vnd or 0) + 1_000_000_000
    af.put(option)
    # Open in a window: the stored summary no longer matches the file; the edit counts.
    during = read_entry(demo).summary
    assert during == computed(demo)
    af.close()
    no_computing(monkeypatch)
    after = read_entry(demo).summary
    assert after == during and after.modified == during.modified


def test_a_write_by_another_app_version_is_never_hidden(demo):
    before = read_entry(demo).summary
    # An older app edits the file: it changes the rows and the modified stamp, not the summary.
    with sqlite3.connect(demo) as conn:
        conn.execute("UPDATE options SET data = json_set(data, '$.investment_vnd', 0)")
        conn.execute("UPDATE meta SET value = '2030-01-01T00:00:00' WHERE key = 'modified'")
    after = read_entry(demo).summary
    assert after == computed(demo) and after.investment_vnd != before.investment_vnd


def test_another_app_version_computes_it_again(demo, monkeypatch):
    monkeypatch.setattr(stored_summary, "__version__", "99.0")
    meta = AuditFile.open(demo, read_only=True).meta()
    assert stored_summary.stored(meta, 99) is None


def test_a_damaged_stored_summary_is_ignored(demo):
    with sqlite3.connect(demo) as conn:
        conn.execute(
            "UPDATE meta SET value = '{\"options_found\": [[[' WHERE key = ?",
            (stored_summary.SUMMARY_KEY,),
        )
    entry = read_entry(demo)
    assert entry.problem is None and entry.summary == computed(demo)


def test_a_hand_out_copy_does_not_carry_the_whole_audits_summary(demo, tmp_path):
    out = tmp_path / "part.recp"
    with AuditFile.open(demo, backup=False) as af:
        hand_out(af, out, areas=[])
    meta = AuditFile.open(out, read_only=True).meta()
    assert stored_summary.SUMMARY_KEY not in meta


def test_the_status_follows_todays_date_not_the_day_it_was_stored(demo):
    meta = AuditFile.open(demo, read_only=True).meta()
    version = int(meta[stored_summary.STAMP_KEY].split("|")[2])
    end = read_entry(demo).summary.end_date
    assert end is not None
    early = stored_summary.stored(meta, version, today=date(end.year - 1, 1, 1))
    late = stored_summary.stored(meta, version, today=date(end.year + 1, 1, 1))
    assert early.status == pf.STATUS_IN_PROGRESS and late.status == pf.STATUS_COMPLETED
