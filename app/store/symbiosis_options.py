"""Write a proposed exchange into both audit files as symbiosis options.

Through the store's one edit path (``AuditFile.apply``: one transaction, change log, author),
after the usual backup on open. A file that opens read-only (open in a window elsewhere) is
refused with the reason before anything is written to either file.
"""

from __future__ import annotations

from pathlib import Path

from app.core.errors import Location, UserError
from app.core.model import Option
from app.core.symbiosis.matcher import Match
from app.core.symbiosis.to_option import option_for


def add_match_options(m: Match, paths: dict[str, Path], author: str = "") -> list[Option]:
    """The giver's and the taker's options for ``m``, written to their files (``paths``: party
    key -> audit file). Only full audits can take an option (an exchange file cannot)."""
    from app.store.auditfile import AuditFile

    targets = []
    for key in (m.giver.key, m.taker.key):
        path = paths.get(key)
        if path is None:
            label = m.giver.label if key == m.giver.key else m.taker.label
            raise UserError.of("symbiosis.option.no_audit", label=label)
        targets.append(path)
    handles = []
    try:
        for path in targets:
            af = AuditFile.open(path)
            handles.append(af)
            if af.read_only:
                raise UserError.of("store.read_only", Location(file=str(path)), reason="")
        written = []
        for af, giver in zip(handles, (True, False), strict=True):
            if author:
                af.author = author
            option = option_for(m, af.load(), giver)
            af.apply(put=[option])
            written.append(option)
        return written
    finally:
        for af in handles:
            af.close()
