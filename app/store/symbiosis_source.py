"""The participants of a park exchange, gathered from a source: the one place that reads them.

Today a folder of ``.recp`` audits (read strictly read-only, as the portfolio reads them:
``app.store.portfolio_folder.read_audit``): each audit's classified streams become its offers
and needs (``offers_and_needs``) and a ``Party`` keyed by the audit's stable id. Anonymised
exchange files are to be added here (one more kind of file in ``gather_parties``), so the
matcher, the command and the exports need not change.

A file that cannot be read is listed with its reason; an audit with no classified stream is
noted (there is nothing of it to match), never an error. Two copies of one audit count once (the
one written last).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import Level, Location, Problem, UserError
from app.core.symbiosis.offers import offers_and_needs
from app.core.symbiosis.party import Party, party_from


@dataclass
class PartySource:
    source: str
    parties: list[Party] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # read, but worth knowing
    skipped: list[Problem] = field(default_factory=list)  # files not read, with the reason
    paths: dict[str, Path] = field(default_factory=dict)  # party key -> its audit file


def gather_parties(source: str | os.PathLike) -> PartySource:
    """Every participant under ``source`` (a folder of audits)."""
    from app.store.portfolio_folder import audit_files

    folder = Path(source)
    loc = Location(file=str(folder))
    if not folder.exists():
        raise UserError.of("portfolio.folder_missing", loc, path=str(folder))
    if not folder.is_dir():
        raise UserError.of("portfolio.not_a_folder", loc, path=str(folder))
    result = PartySource(str(folder))
    newest: dict[str, str] = {}
    for path in audit_files(folder):
        _add_audit(result, path, newest)
    return result


def _add_audit(result: PartySource, path: Path, newest: dict[str, str]) -> None:
    import sqlite3

    from app.store.portfolio_folder import read_audit

    try:
        audit, meta, notes = read_audit(path)
    except UserError as exc:
        result.skipped.append(exc.problem)
        return
    except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:
        result.skipped.append(
            Problem("store.damaged", Location(file=str(path)), {"detail": str(exc)})
        )
        return
    key = audit.info.id
    modified = meta.get("modified", "")
    if key in newest:
        if modified <= newest[key]:
            return  # an older copy of an audit already read
        result.parties = [p for p in result.parties if p.key != key]
    newest[key] = modified
    on = offers_and_needs(audit, file=str(path))
    result.notes.extend(notes)
    result.notes.extend(on.problems)
    party = party_from(on, key)
    if on.is_empty:
        result.notes.append(
            Problem(
                "symbiosis.match.no_classified",
                Location(file=str(path)),
                {"label": party.label},
                Level.WARNING,
            )
        )
    result.parties.append(party)
    result.paths[key] = path
