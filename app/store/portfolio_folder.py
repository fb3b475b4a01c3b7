"""The portfolio of a folder: every audit file under it, read strictly read-only.

A programme officer points the app at a shared folder of audits that auditors may have open at
that very moment. So a file is never migrated, locked or written, not even a lock file or an
SQLite side file beside it:

- a file with no write-ahead log (closed normally) is read through an ``immutable=1`` URI:
  SQLite then takes no lock and creates no ``-wal``/``-shm`` file;
- a file open in a window (its ``-wal`` and ``-shm`` exist) is read with ``mode=ro``, which uses
  those side files as they are and so sees every committed edit;
- a file from an older schema version is copied into memory and migrated there;
- a file from a newer version, a damaged file, a file that is not an audit: listed with the
  reason, never a reason to stop.

Two copies of one audit (same stable identity, ``AuditInfo.id``) are counted once, the copy last
written, and both are listed. Files inside ``*.recp-backups`` folders are the app's own backups
and are skipped.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import model
from app.core.errors import Level, Location, Problem, UserError
from app.core.portfolio import AuditSummary, summarize
from app.store import schema, stored_summary
from app.store.audit_id import derived_audit_id  # noqa: F401 - re-exported
from app.store.lock import FileLock, lock_path

if TYPE_CHECKING:
    from app.core.symbiosis.party import Party

AUDIT_SUFFIX = ".recp"
SUMMARY_TYPES = stored_summary.SUMMARY_TYPES


@dataclass
class PortfolioEntry:
    """One file of the folder: its summary, or why it has none; and notes about it."""

    path: Path
    summary: AuditSummary | None = None
    problem: Problem | None = None  # why the file was not read
    notes: list[Problem] = field(default_factory=list)  # read, but worth knowing
    duplicate_of: Path | None = None  # another copy of the same audit was counted instead

    @property
    def counted(self) -> bool:
        return self.summary is not None and self.duplicate_of is None


@dataclass
class Portfolio:
    """What a portfolio source (folder or hub) holds: entries, and the summaries counted."""

    source: str
    entries: list[PortfolioEntry]

    @property
    def summaries(self) -> list[AuditSummary]:
        return [e.summary for e in self.entries if e.counted and e.summary is not None]

    @property
    def skipped(self) -> list[PortfolioEntry]:
        return [e for e in self.entries if e.problem is not None]


def _uri(path: Path, params: str) -> str:
    return f"file:{urllib.parse.quote(str(path.resolve()))}?{params}"


def _connect(path: Path) -> sqlite3.Connection:
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if wal.exists() and shm.exists():  # open in a window (or left by a crash): use them
        params = "mode=ro"
    else:  # nothing to recover: read the file alone, no lock, no side file
        params = "mode=ro&immutable=1"
    conn = sqlite3.connect(_uri(path, params), uri=True, isolation_level=None, timeout=1.0)
    conn.execute("PRAGMA query_only=ON")
    return conn


def read_audit(
    path: str | os.PathLike, *, migrations: list[schema.Migration] | None = None
) -> tuple[model.Audit, dict[str, str], list[Problem]]:
    """The audit in ``path`` as far as a summary needs it, its meta, and notes; read-only.

    Raises ``UserError`` for a file that cannot be read (its problem is the reason).
    """
    audit, meta, notes, _, _ = _read(Path(path), migrations, use_stored=False)
    assert audit is not None
    return audit, meta, notes


def read_summary(
    path: str | os.PathLike, *, migrations: list[schema.Migration] | None = None
) -> AuditSummary:
    """The summary of the audit in ``path`` (its stored one when current), read-only;
    ``UserError`` for a file that cannot be read."""
    entry = read_entry(path, migrations=migrations)
    if entry.problem is not None:
        raise UserError(entry.problem)
    assert entry.summary is not None
    return entry.summary


def _read(
    path: Path, migrations: list[schema.Migration] | None, *, use_stored: bool
) -> tuple[model.Audit | None, dict[str, str], list[Problem], AuditSummary | None, object]:
    """``read_audit``, and the auditor's eco-enterprise answers (a setting ``summarize`` needs);
    with ``use_stored``, the file's current stored summary instead of the audit when it has one
    (``app.store.stored_summary``): then the audit is not read."""
    from app.store.auditfile import AuditFile, _check_header, _meta

    path = Path(path)
    loc = Location(file=str(path))
    migrations = schema.MIGRATIONS if migrations is None else migrations
    supported = schema.schema_version(migrations)
    _check_header(path)
    notes: list[Problem] = []
    try:
        conn = _connect(path)
    except sqlite3.Error as exc:
        raise UserError.of("store.damaged", loc, detail=str(exc)) from exc
    try:
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        except sqlite3.DatabaseError as exc:
            raise UserError.of("store.damaged", loc, detail=str(exc)) from exc
        if version < 1 or not {"meta", "audit_info"} <= tables:
            raise UserError.of("store.damaged", loc, detail=f"schema version {version}")
        if version > supported:
            raise UserError.of("portfolio.newer_version", loc, found=version, supported=supported)
        summary = None
        if use_stored and version == supported:
            try:
                meta = _meta(conn)
            except sqlite3.DatabaseError as exc:
                raise UserError.of("store.damaged", loc, detail=str(exc)) from exc
            summary = stored_summary.stored(meta, version)
            if summary is not None:
                return None, meta, _open_elsewhere(path, notes), summary, None
        if version < supported:  # migrate a copy in memory; the file stays as it is
            from app.store.auditfile import _migrate

            memory = sqlite3.connect(":memory:", isolation_level=None)
            try:
                conn.backup(memory)
                _migrate(memory, path, version, migrations)
            except (sqlite3.Error, UserError):
                memory.close()
                raise
            conn.close()
            conn = memory
            notes.append(
                Problem(
                    "portfolio.older_version",
                    loc,
                    {"found": version, "supported": supported},
                    Level.WARNING,
                )
            )
        af = AuditFile(
            path,
            conn,
            lock=None,
            read_only_reason=Problem("store.readonly.requested", loc, level=Level.WARNING),
            version=supported,
        )
        meta = af._read(af.meta)
        audit = af.load(only=SUMMARY_TYPES)
        answers = af._read(lambda: stored_summary.readiness_answers(af._conn))
        conn = None  # type: ignore[assignment]  # af owns it now
        af.close()
    finally:
        if conn is not None:
            conn.close()
    return audit, meta, _open_elsewhere(path, notes), None, answers


def _open_elsewhere(path: Path, notes: list[Problem]) -> list[Problem]:
    """``notes``, and who holds the file open if someone does."""
    if lock_path(path).exists():
        owner = FileLock(path).owner()
        notes.append(
            Problem(
                "portfolio.open_elsewhere",
                Location(file=str(path)),
                {"user": owner.get("user", ""), "host": owner.get("host", "")},
                Level.WARNING,
            )
        )
    return notes


def read_entry(
    path: str | os.PathLike, *, migrations: list[schema.Migration] | None = None
) -> PortfolioEntry:
    """One file's entry: never raises for a bad file (the reason is in ``problem``)."""
    path = Path(path)
    try:
        audit, meta, notes, summary, answers = _read(path, migrations, use_stored=True)
        if summary is None:
            assert audit is not None
            summary = summarize(audit, modified=meta.get("modified", ""), readiness_answers=answers)
    except UserError as exc:
        return PortfolioEntry(path, problem=exc.problem)
    except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:  # damage the checks missed
        return PortfolioEntry(
            path, problem=Problem("store.damaged", Location(file=str(path)), {"detail": str(exc)})
        )
    return PortfolioEntry(path, summary=summary, notes=notes)


def audit_files(folder: str | os.PathLike) -> list[Path]:
    """Every ``.recp`` file under ``folder`` (recursively), in path order, backups left out."""
    return files_ending(folder, AUDIT_SUFFIX)


def files_ending(folder: str | os.PathLike, suffix: str | tuple[str, ...]) -> list[Path]:
    """Every file named ``*suffix`` under ``folder``, in path order, the app's backups left out."""
    out: list[Path] = []
    for root, dirs, files in os.walk(str(folder)):
        dirs[:] = sorted(d for d in dirs if not d.endswith(AUDIT_SUFFIX + "-backups"))
        out.extend(Path(root, f) for f in sorted(files) if f.endswith(suffix))
    return out


def mark_duplicates(entries: Iterable[PortfolioEntry]) -> None:
    """Of several entries with one audit id, count the copy written last (then the first path)."""
    by_id: dict[str, list[PortfolioEntry]] = {}
    for e in entries:
        if e.summary is not None:
            by_id.setdefault(e.summary.audit_id, []).append(e)
    for copies in by_id.values():
        if len(copies) < 2:
            continue
        keep = max(
            copies, key=lambda e: (e.summary.modified if e.summary else "", -copies.index(e))
        )
        for e in copies:
            e.duplicate_of = None if e is keep else keep.path


def read_folder(
    folder: str | os.PathLike, *, migrations: list[schema.Migration] | None = None
) -> Portfolio:
    """The portfolio of every audit under ``folder``."""
    folder = Path(folder)
    loc = Location(file=str(folder))
    if not folder.exists():
        raise UserError.of("portfolio.folder_missing", loc, path=str(folder))
    if not folder.is_dir():
        raise UserError.of("portfolio.not_a_folder", loc, path=str(folder))
    entries = [read_entry(p, migrations=migrations) for p in audit_files(folder)]
    mark_duplicates(entries)
    return Portfolio(str(folder), entries)


# ---------------------------------------------------------------------------------------------
# Industrial symbiosis: the participants of a folder (full audits and exchange files)

EXCHANGE_SUFFIX = ".recpx.json"  # app.core.symbiosis.exchange.SUFFIX
EXCHANGE_CSV_SUFFIX = ".recpx.csv"  # its CSV twin: app.core.symbiosis.exchange.CSV_SUFFIX


@dataclass
class FolderParties:
    """What the matcher reads of a folder: one ``Party`` per enterprise, and why some files
    were left out (or are worth a note)."""

    source: str
    parties: list[Party]
    problems: list[Problem] = field(default_factory=list)


def exchange_files(folder: str | os.PathLike) -> list[Path]:
    """Every exchange file under ``folder``, in path order, backups left out: each
    ``*.recpx.json``, and each CSV twin (``*.recpx.csv``) sent without its JSON file."""
    found = files_ending(folder, (EXCHANGE_SUFFIX, EXCHANGE_CSV_SUFFIX))
    jsons = {p for p in found if p.name.endswith(EXCHANGE_SUFFIX)}

    def twin(path: Path) -> Path:
        return path.with_name(path.name[: -len(EXCHANGE_CSV_SUFFIX)] + EXCHANGE_SUFFIX)

    # beside its JSON file a CSV twin says the same: the JSON is read
    return [p for p in found if p in jsons or twin(p) not in jsons]


def _audit_party(path: Path) -> tuple[Party, str, str, list[Problem]]:
    """The party of the audit at ``path``, its modified time, its anonymous exchange id (""
    when it never made an exchange file) and notes; ``UserError`` for a file not read."""
    from app.core.symbiosis.exchange import anonymous_id
    from app.core.symbiosis.offers import offers_and_needs
    from app.core.symbiosis.party import party_from

    audit, meta, notes = read_audit(path)
    result = offers_and_needs(audit, file=str(path))
    ent = audit.info.enterprise
    located = ent.latitude is not None and ent.longitude is not None
    location = (float(ent.latitude or 0), float(ent.longitude or 0)) if located else None
    party = party_from(result, audit.info.id, location)
    notes = [*notes, *result.problems]
    if not result.classified_streams:
        notes.append(
            Problem(
                "exchange.folder.none_classified",
                Location(file=str(path)),
                {"streams": result.streams},
                Level.WARNING,
            )
        )
    key = audit.info.exchange_consent.id_key
    exchange_id = anonymous_id(audit.info.id, key) if isinstance(key, str) and key else ""
    return party, meta.get("modified", ""), exchange_id, notes


def read_parties(folder: str | os.PathLike) -> FolderParties:
    """Every enterprise of ``folder`` as the matcher reads it: full audits (their offers and
    needs, names kept: the folder is the programme's own) and exchange files (anonymous; JSON,
    or a CSV twin sent alone).

    One enterprise is counted once: of two copies of an audit, the one written last; an
    exchange file made from an audit of the folder gives way to the audit; a second exchange
    file with the same anonymous id is refused (a problem naming both files). A bad file is a
    problem, never a reason to stop.
    """
    from app.core.symbiosis.exchange import duplicate_problem, read_exchange
    from app.core.symbiosis.exchange_csv import read_exchange_csv

    folder = Path(folder)
    loc = Location(file=str(folder))
    if not folder.exists():
        raise UserError.of("portfolio.folder_missing", loc, path=str(folder))
    if not folder.is_dir():
        raise UserError.of("portfolio.not_a_folder", loc, path=str(folder))
    problems: list[Problem] = []
    audits: dict[str, tuple[Party, str]] = {}  # audit id -> (party, modified)
    exchange_ids: dict[str, str] = {}  # anonymous id -> the audit id it belongs to
    for path in audit_files(folder):
        try:
            party, modified, exchange_id, notes = _audit_party(path)
        except UserError as exc:
            problems.append(exc.problem)
            continue
        except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:
            problems.append(
                Problem("store.damaged", Location(file=str(path)), {"detail": str(exc)})
            )
            continue
        problems += notes
        if exchange_id:
            exchange_ids[exchange_id] = party.key
        kept = audits.get(party.key)
        if kept is None or modified > kept[1]:
            if kept is not None:
                problems.append(_copy_note(kept[0].source, party.source))
            audits[party.key] = (party, modified)
        else:
            problems.append(_copy_note(party.source, kept[0].source))
    parties = [p for p, _ in audits.values()]
    seen: dict[str, str] = {}
    for path in exchange_files(folder):
        try:
            read = read_exchange_csv if path.name.endswith(EXCHANGE_CSV_SUFFIX) else read_exchange
            party = read(path)
        except UserError as exc:
            problems.append(exc.problem)
            continue
        if party.key in exchange_ids:
            problems.append(
                Problem(
                    "exchange.folder.audit_present",
                    Location(file=str(path)),
                    {"audit": audits[exchange_ids[party.key]][0].source},
                    Level.WARNING,
                )
            )
            continue
        if party.key in seen:
            problems.append(duplicate_problem(party, seen[party.key]))
            continue
        seen[party.key] = party.source
        parties.append(party)
    return FolderParties(str(folder), parties, problems)


def _copy_note(skipped: str, kept: str) -> Problem:
    return Problem("exchange.folder.copy", Location(file=skipped), {"kept": kept}, Level.WARNING)
