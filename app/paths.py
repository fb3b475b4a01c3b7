"""Where the application's own files are, from source and from a PyInstaller bundle alike.

Every read of bundled data (resources, translations, templates) goes through ``data_path`` so
the frozen build never reaches for the source tree.
"""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding ``resources/``, ``translations/`` and ``audit_templates/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def data_path(*parts: str) -> Path:
    """A path inside the application's data, e.g. ``data_path("resources", "fonts")``."""
    return app_root().joinpath(*parts)
