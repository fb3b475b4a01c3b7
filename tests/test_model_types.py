"""Every model dataclass and its generated ``__init__`` carry real, resolvable annotations:
tools (the store's codec, type checkers, ``typing.get_type_hints``) read them."""

from __future__ import annotations

import dataclasses
import inspect
import typing

import pytest

from app.core import errors, model

CLASSES = [
    obj
    for module in (model, errors)
    for _, obj in inspect.getmembers(module, inspect.isclass)
    if dataclasses.is_dataclass(obj) and obj.__module__ == module.__name__
]


def test_the_model_has_its_dataclasses():
    names = {cls.__name__ for cls in CLASSES}
    assert {"Audit", "PeriodRecord", "ResourceStream", "Option", "Finding", "Problem"} <= names


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_type_hints_resolve_on_the_class_and_its_init(cls):
    hints = typing.get_type_hints(cls)
    init = typing.get_type_hints(cls.__init__)
    for f in dataclasses.fields(cls):
        assert f.name in hints
        if f.init:
            assert init[f.name] == hints[f.name], f.name
    assert init["return"] is type(None)
