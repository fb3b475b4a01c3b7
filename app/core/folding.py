"""Text without Vietnamese marks: for search and matching that must not depend on accents.

An auditor types "khi nen" on a laptop without a Vietnamese keyboard and expects "khí nén";
English texts write Vietnamese names without marks ("Đình Vũ" -> "Dinh Vu"). Đ/đ is a letter of
its own, not a mark, so it is mapped by hand.
"""

from __future__ import annotations

import unicodedata


def without_marks(text: str) -> str:
    """``text`` with every combining mark removed and Đ/đ as D/d ("Đình Vũ" -> "Dinh Vu")."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def search_key(text: str) -> str:
    """What a search compares: no marks, case-folded, runs of spaces as one."""
    return " ".join(without_marks(text).casefold().split())
