"""Bounded seeded fuzz of the demo audit (tools/fuzz_audit.py): every damaged variant read by
every reading command ends in exit 0, or exit 1 with one line naming the file; never a
traceback or a hang. In process (an alarm guards hangs), every 25th variant as a subprocess."""

from __future__ import annotations

from tools import fuzz_audit


def test_fuzzed_audits_are_refused_or_read_never_crash():
    failures, runs = fuzz_audit.fuzz(seed=2025, count=250, subprocess_every=25)
    assert runs == 250 * len(fuzz_audit.READ_COMMANDS)
    assert not failures, "\n".join(f"{f.variant} [{f.command}] {f.failure}" for f in failures[:10])


def test_deep_json_is_refused_without_recursing():
    from app.store.rowcheck import MAX_JSON_DEPTH, data_problem, json_depth

    deep = "[" * 100_000 + "]" * 100_000
    assert json_depth(deep) > MAX_JSON_DEPTH
    assert data_problem(('{"x":' + deep + "}").encode()) == "depth"
    assert data_problem(b'{"a": "\xff"}') == "utf8"
    assert data_problem(b'{"a": 1}') == ""
