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


def _run(source: str, env: dict) -> None:
    """Run generated source (built from dataclass field names only) in ``env``.

    ``dont_inherit``: the generated code must not inherit this module's
    ``from __future__ import annotations``."""
    exec(compile(source, "<codec>", "exec", dont_inherit=True), env)  # noqa: S102


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


def rows_decoder(cls: type, columns: tuple[str, ...]) -> Callable[[list[tuple]], list[Any]]:
    """A compiled builder of many ``cls`` from table rows ``(id, *columns, data)``.

    ``data`` is the JSON text of the other fields (an object). Column values win over ``data``,
    as they do in ``decode`` of the merged dict; a row the fast path cannot read goes through
    ``decode`` of that merged dict, so the result never depends on which path ran.
    """
    return _rows_decoder(cls, tuple(columns))


class _Plan(typing.NamedTuple):
    name: str
    convert: Converter
    hint: Any
    # What a missing field gets: a value (``default``), or ``factory()``. A required field
    # missing from old data gets its type's neutral value, not a crash.
    default: Any
    factory: Callable[[], Any] | None


@cache
def _plan(cls: type) -> tuple[_Plan, ...]:
    hints = typing.get_type_hints(cls)
    plan = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        default, factory = f.default, None
        if f.default_factory is not dataclasses.MISSING:
            default, factory = dataclasses.MISSING, f.default_factory
        elif default is dataclasses.MISSING:
            default = _neutral(hints[f.name])
        plan.append(_Plan(f.name, _converter(hints[f.name]), hints[f.name], default, factory))
    return tuple(plan)


def _bypass_init(cls: type) -> bool:
    """True when an instance is exactly its fields: its ``__dict__`` can be set directly.

    Dataclass ``__init__`` only assigns fields unless the class has ``__post_init__``, slots,
    ``init=False`` fields or is frozen; skipping it saves most of the cost of building one.
    """
    params = getattr(cls, "__dataclass_params__", None)
    return (
        params is not None
        and not params.frozen
        and "__slots__" not in cls.__dict__
        and not hasattr(cls, "__post_init__")
        and all(f.init for f in dataclasses.fields(cls))
    )


def _safe_builder(cls: type) -> Callable[[dict[str, Any]], Any]:
    plan = _plan(cls)

    def safe_build(data: dict[str, Any]) -> Any:
        kwargs = {}
        for p in plan:
            if p.name in data:
                try:
                    kwargs[p.name] = p.convert(data[p.name])
                    continue
                except (ValueError, TypeError, KeyError, AttributeError):
                    # A value this version cannot read (e.g. an enum value from a newer app):
                    # fall back to the default rather than refusing the whole audit.
                    pass
            if p.factory is None and p.default is not dataclasses.MISSING:
                kwargs[p.name] = p.default
        return cls(**kwargs)

    return safe_build


def _field_source(i: int, p: _Plan, column: int | None, env: dict[str, Any]) -> str:
    """Generated expression for field ``p``: from row column ``column`` or from dict ``d``."""
    env[f"c{i}"] = p.convert
    env[f"n{i}"] = p.default
    env[f"f{i}"] = p.factory
    if column is not None:
        value = f"r[{column}]"
        return value if p.convert is _identity else f"c{i}({value})"
    missing = f"f{i}()" if p.factory is not None else f"n{i}"
    if p.convert is _identity and p.factory is None:
        return f"d.get({p.name!r}, n{i})"
    value = f"d[{p.name!r}]" if p.convert is _identity else f"c{i}(d[{p.name!r}])"
    return f"({value} if {p.name!r} in d else {missing})"


def _construct(cls: type, plan: tuple[_Plan, ...], sources: list[str]) -> list[str]:
    """Generated lines making ``o`` from the field expressions ``sources``."""
    items = ", ".join(f"{p.name!r}: {s}" for p, s in zip(plan, sources, strict=True))
    if _bypass_init(cls):
        return ["o = new(cls)", f"o.__dict__ = {{{items}}}"]
    return [f"o = cls(**{{{items}}})"]


@cache
def _decoder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """A fast builder (generated code, no per-field error handling) backed by a safe one."""
    plan = _plan(cls)
    env: dict[str, Any] = {"cls": cls, "new": object.__new__, "safe_build": _safe_builder(cls)}
    sources = [_field_source(i, p, None, env) for i, p in enumerate(plan)]
    body = _construct(cls, plan, sources)
    lines = ["def build(d):", "    try:"]
    lines += [f"        {line}" for line in body]
    lines += [
        "        return o",
        "    except (ValueError, TypeError, KeyError, AttributeError):",
        "        return safe_build(d)",
    ]
    _run("\n".join(lines), env)
    return env["build"]


@cache
def _rows_decoder(cls: type, columns: tuple[str, ...]) -> Callable[[list[tuple]], list[Any]]:
    plan = _plan(cls)
    position = {name: k for k, name in enumerate(("id", *columns))}
    env: dict[str, Any] = {
        "cls": cls,
        "new": object.__new__,
        "loads": json.loads,
        "safe_row": _safe_row(cls, columns),
    }
    sources = [_field_source(i, p, position.get(p.name), env) for i, p in enumerate(plan)]
    body = _construct(cls, plan, sources)
    data = len(columns) + 1
    # One json.loads for the whole table rather than one per row.
    lines = [
        "def build_rows(rows):",
        "    try:",
        f"        datas = loads('[' + ','.join([r[{data}] for r in rows]) + ']')",
        "    except ValueError:",
        "        return [safe_row(r, None) for r in rows]",
        # A damaged text such as '{},{}' would shift every later row onto the wrong object.
        "    if len(datas) != len(rows):",
        "        return [safe_row(r, None) for r in rows]",
        "    out = []",
        "    append = out.append",
        "    for r, d in zip(rows, datas):",
        "        try:",
    ]
    owned = _owned_lines(cls, plan, env, {i: position.get(p.name) for i, p in enumerate(plan)})
    if owned:
        lines += [f"            {line}" for line in owned]
        lines += ["            else:"]
        indent = "                "
    else:
        indent = "            "
    lines += [f"{indent}if d.__class__ is not dict: raise TypeError"]
    lines += [f"{indent}{line}" for line in body]
    lines += [
        "        except (ValueError, TypeError, KeyError, AttributeError):",
        # Re-parse the row: the owned path may have converted part of ``d`` in place.
        "            o = safe_row(r, None)",
        "        append(o)",
        "    return out",
    ]
    _run("\n".join(lines), env)
    return env["build_rows"]


def _owned_lines(
    cls: type, plan: tuple[_Plan, ...], env: dict[str, Any], columns: dict[int, int | None]
) -> list[str]:
    """Generated lines that build ``o`` from ``d`` itself when ``d`` (a dict just parsed from
    JSON, owned by the decoder) holds exactly the fields not in columns (``columns``: plan
    index -> row column, or None).

    The common case, a row this version wrote: converting its few enum, date and nested values
    in place and adopting the dict as the instance's ``__dict__`` skips building a second dict
    field by field. Empty when the class needs its constructor. Any other dict (a missing or
    unknown key) takes the general path; an unreadable value raises, for the caller's fallback.
    """
    if not _bypass_init(cls):
        return []
    keys = frozenset(p.name for i, p in enumerate(plan) if columns[i] is None)
    if len(keys) <= len(plan) - len(keys):  # mostly columns: a dict literal is as quick
        return []
    env["K"] = keys
    lines = ["if d.__class__ is dict and d.keys() == K:"]
    counter = [0]  # one numbering per generated function: names in env must not collide
    for i, p in enumerate(plan):
        column = columns[i]
        if column is not None:
            value = f"r[{column}]"
            lines.append(
                f"    d[{p.name!r}] = {value if p.convert is _identity else f'c{i}({value})'}"
            )
            continue
        expr = _owned_expr(p.hint, f"d[{p.name!r}]", env, counter)
        if expr is not None:
            lines.append(f"    d[{p.name!r}] = {expr}")
    lines += ["    o = new(cls)", "    o.__dict__ = d"]
    return lines


def _owned_expr(hint: Any, value: str, env: dict[str, Any], counter: list[int]) -> str | None:
    """Generated expression converting ``value`` (parsed JSON, owned) to ``hint``; None when it
    is already right. Raises at run time (ValueError, TypeError, KeyError) when it cannot."""
    counter[0] += 1
    j = counter[0]
    origin = typing.get_origin(hint)
    args: tuple[Any, ...]
    if origin in (typing.Union, types.UnionType):
        args = tuple(a for a in typing.get_args(hint) if a is not type(None))
        if len(args) != 1:
            return None
        inner = _owned_expr(args[0], f"x{j}", env, counter)
        if inner is None:
            return None
        return f"(None if (x{j} := {value}) is None else {inner})"
    if origin in (list, tuple, dict):
        kind: type = dict if origin is dict else list
        args = typing.get_args(hint)
        item = (
            (args[1] if len(args) == 2 else None) if kind is dict else (args[0] if args else None)
        )
        inner = None if item is None else _owned_expr(item, f"y{j}", env, counter)
        env[kind.__name__] = kind
        if inner is None:  # JSON made a fresh container: keep it (copy anything else, as before)
            return f"(x{j} if (x{j} := {value}).__class__ is {kind.__name__} else {kind.__name__}(x{j}))"
        if kind is dict:
            return f"{{k{j}: {inner} for k{j}, y{j} in {value}.items()}}"
        return f"[{inner} for y{j} in {value}]"
    if isinstance(hint, type):
        if issubclass(hint, Enum):
            env[f"m{j}"] = {m.value: m for m in hint}
            return f"m{j}[{value}]"
        if issubclass(hint, bool):
            return f"bool({value})"
        if issubclass(hint, datetime):
            env["dtiso"] = datetime.fromisoformat
            return f"dtiso({value})"
        if issubclass(hint, date):
            env["diso"] = date.fromisoformat
            return f"diso({value})"
        if dataclasses.is_dataclass(hint):
            env[f"b{j}"] = _owned_decoder(hint)
            return f"b{j}({value})"
    return None


@cache
def _owned_decoder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """Like ``decoder(cls)``, but may adopt and change the dict it is given (JSON just parsed
    by the table decoder, nobody else's): see ``_owned_lines``. Raises on an unreadable value."""
    plan = _plan(cls)
    env: dict[str, Any] = {"cls": cls, "new": object.__new__, "general": _decoder(cls)}
    owned = _owned_lines(cls, plan, env, dict.fromkeys(range(len(plan))))
    if not owned:
        return _decoder(cls)
    lines = ["def build(d):"]
    lines += [f"    {line}" for line in owned]
    lines += ["        return o", "    return general(d)"]
    _run("\n".join(lines), env)
    return env["build"]


def _safe_row(cls: type, columns: tuple[str, ...]) -> Callable[[tuple, Any], Any]:
    # The dict decoder is generated on first use: only unreadable rows need it, and generating
    # (compiling) one costs ~0.4 ms per class when the GUI opens its first audit.
    def build(merged: dict[str, Any]) -> Any:
        return _decoder(cls)(merged)

    def safe_row(row: tuple, data: Any) -> Any:
        if data is None:  # the table's JSON did not parse as a whole: find the bad row
            data = json.loads(row[-1])
        merged = dict(data) if isinstance(data, dict) else {}
        merged["id"] = row[0]
        merged.update(zip(columns, row[1:-1], strict=True))
        return build(merged)

    return safe_row


def _identity(v: Any) -> Any:
    return v


def _converter(hint: Any) -> Converter:
    origin = typing.get_origin(hint)
    args: tuple[Any, ...]
    if origin in (typing.Union, types.UnionType):
        args = tuple(a for a in typing.get_args(hint) if a is not type(None))
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
        if inner is _identity:
            return dict
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
            return _decoder(hint)
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
