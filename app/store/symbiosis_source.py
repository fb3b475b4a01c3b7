"""The participants of a park exchange, gathered from a source: the one place that reads them.

A folder of ``.recp`` audits and ``.recpx.json`` exchange files, read strictly read-only by
``app.store.portfolio_folder.read_parties``: each audit's classified streams become its offers
and needs and a ``Party`` keyed by the audit's stable id; an exchange file is an anonymous one.

A file that cannot be read is listed with its reason; an audit with no classified stream is
noted (there is nothing of it to match), never an error. Two copies of one audit count once (the
one written last).
"""

from __future__ import annotations

import os
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


def gather_parties(source: str | os.PathLike) -> PartySource:
    """Every participant under ``source`` (a folder of audits and exchange files), read by the
    folder's one reader (``portfolio_folder.read_parties``): files not read are ``skipped``,
    the rest of what it says are ``notes``."""
    from app.store.portfolio_folder import read_parties

    folder = read_parties(source)
    result = PartySource(folder.source, list(folder.parties))
    for problem in folder.problems:
        (result.notes if problem.level is Level.WARNING else result.skipped).append(problem)
    result.paths = {p.key: Path(p.source) for p in folder.parties if not p.anonymous}
    return result
