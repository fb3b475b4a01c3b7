"""Generic mapping between core dataclasses and JSON-able values.

Why generic: every field of every model dataclass is persisted without a per-field schema, so a
field added later (with a default) needs no migration. Decoding ignores keys the model no longer
has and leaves missing ones at their defaults, so files written by an older or newer version of
the app still load.

Per class, a decoder is compiled once (a list of field converters), because periodic records
and findings are decoded by the thousand when an audit opens.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

Converter = Callable[[Any], Any]


def encode(value: Any) -> Any:
    """A JSON-able form of ``value``: enums as their values, dates ISO, dataclasses as dicts."""
    if value is None or isinstance(value, (str, int, float, bool)):
        # Enums subclassing str (StrEnum) land here too: store the plain value.
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    raise TypeError(f"cannot store a {type(value).__name__} in an audit file")


def to_json(value: Any) -> str:
    return json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))


def decode(cls: type, data: dict[str, Any]) -> Any:
    """An instance of dataclass ``cls`` from a dict such as ``encode`` made."""
    return _decoder(cls)(data)


def decoder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """The compiled decoder of ``cls`` (cached)."""
    return _decoder(cls)


@cache
def _decoder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """A fast builder (generated code, no per-field error handling) backed by a safe one."""
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, Converter, Any]] = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        has_default = f.default is not dataclasses.MISSING or (
            f.default_factory is not dataclasses.MISSING
        )
        # A required field missing from old data gets its type's neutral value, not a crash.
        neutral = dataclasses.MISSING if has_default else _neutral(hints[f.name])
        plan.append((f.name, _converter(hints[f.name]), neutral))

    def safe_build(data: dict[str, Any]) -> Any:
        kwargs = {}
        for name, convert, neutral in plan:
            if name in data:
                try:
                    kwargs[name] = convert(data[name])
                except (ValueError, TypeError, KeyError, AttributeError):
                    # A value this version cannot read (e.g. an enum value from a newer app):
                    # fall back to the default rather than refusing the whole audit.
                    if neutral is not dataclasses.MISSING:
                        kwargs[name] = neutral
            elif neutral is not dataclasses.MISSING:
                kwargs[name] = neutral
        return cls(**kwargs)

    # Loading an audit decodes thousands of rows: generate straight-line code for the common
    # case (well-formed data) and fall back to safe_build on any surprise.
    env: dict[str, Any] = {"cls": cls, "safe_build": safe_build}
    lines = ["def build(data):", "    try:", "        kw = {}"]
    for i, (name, convert, neutral) in enumerate(plan):
        expr = f"data[{name!r}]" if convert is _identity else f"c{i}(data[{name!r}])"
        env[f"c{i}"] = convert
        env[f"n{i}"] = neutral
        lines.append(f"        if {name!r} in data: kw[{name!r}] = {expr}")
        if neutral is not dataclasses.MISSING:
            lines.append(f"        else: kw[{name!r}] = n{i}")
    lines += [
        "        return cls(**kw)",
        "    except (ValueError, TypeError, KeyError, AttributeError):",
        "        return safe_build(data)",
    ]
    exec("\n".join(lines), env)  # noqa: S102 - code built from dataclass field names only
    return env["build"]


def _identity(v: Any) -> Any:
    return v


def _converter(hint: Any) -> Converter:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _converter(args[0]) if len(args) == 1 else _identity
        if inner is _identity:
            return _identity
        return lambda v: None if v is None else inner(v)
    if origin in (list, tuple):
        args = typing.get_args(hint)
        inner = _converter(args[0]) if args else _identity
        if inner is _identity:
            return list
        return lambda v: [inner(x) for x in v]
    if origin is dict:
        args = typing.get_args(hint)
        inner = _converter(args[1]) if len(args) == 2 else _identity
        return lambda v: {k: inner(x) for k, x in v.items()}
    if isinstance(hint, type):
        if issubclass(hint, Enum):
            members = {m.value: m for m in hint}
            return members.__getitem__  # KeyError for an unknown value -> safe path
        if issubclass(hint, bool):
            return bool
        if issubclass(hint, datetime):
            return lambda v: v if isinstance(v, datetime) else datetime.fromisoformat(v)
        if issubclass(hint, date):
            return lambda v: v if isinstance(v, date) else date.fromisoformat(v)
        if dataclasses.is_dataclass(hint):
            build = _decoder(hint)
            return lambda v: build(v)
        if hint in (float, int, str):
            # JSON and SQLite already give these types; a wrong one is caught by checks.
            return _identity
    return _identity


def _neutral(hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return None
    if origin in (list, tuple):
        return []
    if origin is dict:
        return {}
    if isinstance(hint, type):
        if issubclass(hint, Enum):
            return next(iter(hint))
        if hint in (str, int, float, bool):
            return hint()
    return None
