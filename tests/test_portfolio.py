"""Portfolio core summary/roll-ups and the read-only folder reader."""

import hashlib
import shutil

from app.core import portfolio as pf
from app.core.demo import build_demo_audit
from app.core.model import PublicationConsent
from app.store.auditfile import AuditFile
from app.store.portfolio_folder import read_folder


def _hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_summary_uses_option_totals_and_anonymises_without_consent():
    audit = build_demo_audit()
    s = pf.summarize(audit)
    assert s.options_found == len(audit.options)
    assert s.options_implemented == sum(
        o.status in ("implemented", "verified") for o in audit.options
    )
    assert s.park == audit.info.enterprise.industrial_park
    assert pf.publishable(s).enterprise == ""  # default consent: anonymised
    audit.info.publication_consent = PublicationConsent.FULL
    assert pf.publishable(pf.summarize(audit)).enterprise == audit.info.enterprise.name
    t = pf.totals([s, s])
    assert t.audits == 2 and t.options_found == 2 * s.options_found
    assert t.investment_vnd == 2 * s.investment_vnd
    ((park, by_park),) = pf.breakdown([s, s], "park")
    assert park == s.park and by_park.options_implemented == 2 * s.options_implemented
    assert sum(r.found for r in pf.by_technique([s])) == s.options_found
    assert pf.summary_from_dict(pf.summary_as_dict(s)) == s


def test_folder_read_only_bad_files_listed_duplicates_counted_once(tmp_path):
    AuditFile.create(tmp_path / "a.recp", build_demo_audit()).close()
    shutil.copy(tmp_path / "a.recp", tmp_path / "copy.recp")
    (tmp_path / "notes.recp").write_text("not an audit")
    (tmp_path / "broken.recp").write_bytes(b"SQLite format 3\x00" + b"\x01" * 200)
    before = _hashes(tmp_path)
    portfolio = read_folder(tmp_path)
    assert _hashes(tmp_path) == before  # nothing written, no lock or side file made
    assert len(portfolio.entries) == 4
    assert len(portfolio.summaries) == 1
    assert {e.path.name for e in portfolio.skipped} == {"notes.recp", "broken.recp"}
    assert sum(e.duplicate_of is not None for e in portfolio.entries) == 1
