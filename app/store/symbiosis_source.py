"""The participants of a park exchange, gathered from a source: the one place that reads them.

A folder of ``.recp`` audits and ``.recpx.json`` exchange files, read strictly read-only by
``app.store.portfolio_folder.read_parties``: each audit's classified streams become its offers
and needs and a ``Party`` keyed by the audit's stable id; an exchange file is an anonymous one.

A file that cannot be read is listed with its reason; an audit with no classified stream is
noted (there is nothing of it to match), never an error. Two copies of one audit count once (the
one written last). A programme hub's exchange board is read the same way (anonymous parties).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import Level, Problem
from app.core.symbiosis.party import Party


@dataclass
class PartySource:
    source: str
    parties: list[Party] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # read, but worth knowing
    skipped: list[Problem] = field(default_factory=list)  # files not read, with the reason
    paths: dict[str, Path] = field(default_factory=dict)  # party key -> its audit file


def gather_parties(
    source: str | os.PathLike, parks: str | Sequence[str] | None = None
) -> PartySource:
    """Every participant under ``source`` (a folder of audits and exchange files), read by the
    folder's one reader (``portfolio_folder.read_parties``): files not read are ``skipped``,
    the rest of what it says are ``notes``.

    A programme hub's address reads its exchange board instead (``hub.read_board``): of
    ``parks`` only (a park and its neighbours), or the whole board; its parties are anonymous
    (no audit file to write an option into: ``paths`` stays empty)."""
    from app.store.portfolio_folder import read_parties
    from app.store.portfolio_source import is_hub_address

    if is_hub_address(source):
        from app.store import hub

        board, problems = hub.read_board(str(source), parks)
        return PartySource(hub.display_address(str(source)), board, skipped=list(problems))

    folder = read_parties(source)
    result = PartySource(folder.source, list(folder.parties))
    for problem in folder.problems:
        (result.notes if problem.level is Level.WARNING else result.skipped).append(problem)
    result.paths = {p.key: Path(p.source) for p in folder.parties if not p.anonymous}
    return result
