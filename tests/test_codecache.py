"""Generated code compiled once and kept across runs; any problem with the cache only costs
a compile, never a failure."""

from __future__ import annotations

import dataclasses
import marshal
import sys

import pytest

from app import codecache
from app.codecache import CodeCache, cached_dataclasses

SOURCE = "def f(x):\n    return x * 2\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(codecache.ENV_DIR, str(tmp_path))
    return tmp_path


def run(cache: CodeCache, source: str = SOURCE):
    env: dict = {}
    cache.exec(source, env)
    return env["f"]


def test_compiled_code_is_kept_and_found_again(folder):
    first = CodeCache("t")
    assert run(first)(21) == 42
    first.save()
    assert first.path.parent == folder and sys.implementation.cache_tag in first.path.name
    again = CodeCache("t")
    assert SOURCE in again._codes  # loaded from the file, not compiled
    assert run(again)(5) == 10
    assert not again._dirty  # a hit writes nothing


def test_saving_removes_the_caches_of_other_app_versions(folder):
    from app import __version__

    tag = sys.implementation.cache_tag
    old = folder / f"t-0.0.1.{tag}.marshal"
    other_use = folder / f"u-0.0.1.{tag}.marshal"
    for path in (old, other_use):
        path.write_bytes(marshal.dumps({}))
    cache = CodeCache("t")
    assert cache.path.name == f"t-{__version__}.{tag}.marshal"
    run(cache)
    cache.save()
    assert cache.path.exists() and not old.exists()
    assert other_use.exists()  # another cache's files are left alone


def test_changed_source_is_a_miss_not_stale_code(folder):
    cache = CodeCache("t")
    run(cache)
    cache.save()
    changed = SOURCE.replace("* 2", "* 3")
    assert run(CodeCache("t"), changed)(5) == 15


@pytest.mark.parametrize("content", [b"", b"garbage", marshal.dumps([1, 2]), marshal.dumps({1: 2})])
def test_a_damaged_cache_file_is_ignored(folder, content):
    CodeCache("t").path.write_bytes(content)
    cache = CodeCache("t")
    assert cache._codes == {}  # read, found damaged, ignored
    assert run(cache)(1) == 2
    cache.save()  # and replaced by a good one
    assert SOURCE in CodeCache("t")._codes


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(codecache.ENV_DIR, str(blocker / "cache"))
    cache = CodeCache("t")
    assert run(cache)(2) == 4
    cache.save()  # cannot create the folder: silently skipped
    assert not (blocker / "cache").exists()


def test_an_empty_setting_turns_the_cache_off(monkeypatch):
    monkeypatch.setenv(codecache.ENV_DIR, "")
    cache = CodeCache("t")
    assert cache.path is None and run(cache)(3) == 6
    cache.save()


def test_dataclasses_made_through_the_cache_behave_the_same(folder):
    def make():
        hook = cached_dataclasses("dc").start()

        @dataclasses.dataclass(frozen=True)
        class Point:
            x: int
            y: int = 0

        hook.finish()
        return Point

    Point = make()
    assert not hasattr(dataclasses, "exec")  # the module is left as it was
    assert Point(1) == Point(1, 0) and repr(Point(1, 2)).endswith(".Point(x=1, y=2)")
    with pytest.raises(dataclasses.FrozenInstanceError):
        Point(1).x = 2
    cached = CodeCache("dc")._codes
    assert any("__init__" in src for src in cached)  # the generated methods were kept
    Again = make()  # a second start finds them
    assert Again(3, 4) == Again(3, 4) and Again(3, 4) != Again(3, 5)


def test_nested_use_puts_back_what_it_found(folder):
    outer = cached_dataclasses("dc").start()
    inner = cached_dataclasses("dc").start()  # e.g. a module imported between start and finish
    assert inner.cache is outer.cache  # one cache, its file read once
    inner.finish()
    assert dataclasses.exec == outer.cache.exec  # the outer one is still active

    @dataclasses.dataclass
    class Late:
        x: int

    outer.finish()
    assert not hasattr(dataclasses, "exec")
    assert Late(1) == Late(1)
    assert any("__init__" in src for src in CodeCache("dc")._codes)
