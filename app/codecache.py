"""Compiled code of generated source, kept across runs: a start-up cost, paid once.

Opening an audit runs code generated at run time: ``dataclasses`` writes ``__init__``,
``__repr__`` and ``__eq__`` of every model class as source and compiles it, and the store's
codec compiles one decoder per table. Compiling is most of that cost (about 10 ms of a 230 ms
start). Like ``__pycache__`` for modules, the compiled code objects are kept in a file in the
user's cache folder, keyed by their exact source, so a later start only looks them up:

- content-addressed: changed source is simply a miss (compiled and added), never stale code;
- one file per use, app version and Python version (code objects are version-specific); saving
  removes the files other app versions left, so upgrades do not pile up entries nobody reads;
- any problem (no cache folder, unreadable or damaged file, read-only disk) falls back to
  compiling, silently: the cache can only make a start faster, never break it.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from types import CodeType

ENV_DIR = "RECP_CACHE_DIR"  # set to choose the folder; empty to turn the cache off


def cache_dir() -> Path | None:
    """The folder for the cache files: ``$RECP_CACHE_DIR``, else the platform's user cache."""
    chosen = os.environ.get(ENV_DIR)
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base, "RECP Audit", "cache") if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "recp-audit"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base, "recp-audit")


class CodeCache:
    """Source text -> compiled code, loaded from and saved to one file."""

    def __init__(self, name: str):
        from app import __version__

        folder = cache_dir()
        tag = sys.implementation.cache_tag or "python"
        self._name, self._tag = name, tag
        self.path = folder / f"{name}-{__version__}.{tag}.marshal" if folder else None
        self._codes = self._load()
        self._dirty = False

    def _load(self) -> dict[str, CodeType]:
        if self.path is None:
            return {}
        try:
            with open(self.path, "rb") as fh:
                # loads(read()), not load(fh): load reads a file object in many small calls
                # (~2 ms for a 80 KB cache, 0.25 ms this way)
                data = marshal.loads(fh.read())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, CodeType)}

    def compile(self, source: str, filename: str) -> CodeType:
        code = self._codes.get(source)
        if code is None:
            code = self._codes[source] = compile(source, filename, "exec")
            self._dirty = True
        return code

    def exec(self, source, globals_=None, locals_=None) -> None:
        """``exec`` with the compiled code of ``source`` looked up first."""
        if not isinstance(source, str):  # already code: nothing to cache
            exec(source, globals_, locals_)  # noqa: S102 - the caller's own code
            return
        exec(self.compile(source, "<generated>"), globals_, locals_)  # noqa: S102

    def save(self) -> None:
        """Write new entries (atomically: another instance may be starting too)."""
        if not self._dirty or self.path is None:
            return
        self._dirty = False
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                marshal.dump(self._codes, fh)
            os.replace(tmp, self.path)
            for old in self.path.parent.glob(f"{self._name}-*.{self._tag}.marshal"):
                if old != self.path:  # another app version's: its sources are not ours
                    old.unlink(missing_ok=True)
        except OSError:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass


_SHARED: dict[tuple[str, Path | None], CodeCache] = {}


def shared(name: str) -> CodeCache:
    """The process's one ``CodeCache`` of ``name`` (in its current folder): modules that use
    the same cache read its file once."""
    key = (name, cache_dir())
    if key not in _SHARED:
        _SHARED[key] = CodeCache(name)
    return _SHARED[key]


class cached_dataclasses:
    """While active, ``dataclasses`` compiles the methods it generates through a ``CodeCache``.

    ``dataclasses`` runs its generated source with the builtin ``exec``, looked up as a module
    global: a module-level ``exec`` there takes precedence for as long as it exists. Used around
    a module's class definitions (``start`` before, ``finish`` after) by the modules on the
    GUI's start-up path; ``finish`` puts back what ``start`` found, so one module may import
    another that does the same in between.
    """

    def __init__(self, name: str = "dataclasses"):
        self.cache = shared(name)
        self._found = None

    def start(self) -> cached_dataclasses:
        import dataclasses

        self._found = dataclasses.__dict__.get("exec")
        dataclasses.exec = self.cache.exec
        return self

    def finish(self) -> None:
        import dataclasses

        if dataclasses.__dict__.get("exec") == self.cache.exec:
            if self._found is None:
                del dataclasses.exec
            else:
                dataclasses.exec = self._found
        self.cache.save()
