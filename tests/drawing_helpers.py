"""Reading the geometry of reportlab drawings in tests: where each shape lands on its drawing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlab.graphics.shapes import Group

Matrix = tuple[float, float, float, float, float, float]


def shapes(node: Any, m: Matrix = (1, 0, 0, 1, 0, 0)) -> Iterator[tuple[Any, Matrix]]:
    """Every shape of a drawing with the matrix that places it on the drawing."""
    for item in getattr(node, "contents", []):
        if isinstance(item, Group):
            t = item.transform
            yield from shapes(
                item,
                (
                    m[0] * t[0] + m[2] * t[1],
                    m[1] * t[0] + m[3] * t[1],
                    m[0] * t[2] + m[2] * t[3],
                    m[1] * t[2] + m[3] * t[3],
                    m[0] * t[4] + m[2] * t[5] + m[4],
                    m[1] * t[4] + m[3] * t[5] + m[5],
                ),
            )
        else:
            yield item, m
