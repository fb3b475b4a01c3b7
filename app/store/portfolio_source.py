"""Where a portfolio comes from: a folder of audit files, or a programme hub's address."""

from __future__ import annotations

import os

from app.store.portfolio_folder import Portfolio, read_folder

HUB_SCHEMES = ("postgresql://", "postgres://")


def is_hub_address(source: str | os.PathLike) -> bool:
    return str(source).startswith(HUB_SCHEMES)


def read_source(source: str | os.PathLike) -> Portfolio:
    """A folder, or a programme hub when ``source`` is a ``postgresql://`` address."""
    if is_hub_address(source):
        from app.store.hub import read_hub  # psycopg only for a hub

        return read_hub(str(source))
    return read_folder(source)
