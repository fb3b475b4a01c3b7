"""Crash safety: a writer killed with SIGKILL at a random moment loses no committed edit."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core import model
from app.store.auditfile import AuditFile

WRITER = Path(__file__).with_name("crash_writer.py")
REPETITIONS = 20


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_writer_loses_no_committed_edit(tmp_path):
    path = tmp_path / "crash.recp"
    audit = model.Audit()
    audit.streams.append(model.ResourceStream(model.StreamKind.ELECTRICITY, "Điện", "kWh"))
    AuditFile.create(path, audit).close()
    rng = random.Random(4)
    singles: set[str] = set()
    groups: dict[str, int] = {}
    for _ in range(REPETITIONS):
        writer = subprocess.Popen(
            [sys.executable, str(WRITER), str(path)], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout.readline().strip() == "ready"
        lines = [writer.stdout.readline() for _ in range(rng.randint(1, 40))]
        time.sleep(rng.uniform(0, 0.01))  # land inside a transaction now and then
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate(timeout=10)
        assert writer.returncode == -signal.SIGKILL
        # Every line the writer printed (read before or after the kill) names a committed edit.
        for line in lines + rest.splitlines():
            kind, entity_id, *n = line.split()
            if kind == "single":
                singles.add(entity_id)
            elif kind == "group":
                groups[entity_id] = int(n[0])
        with AuditFile.open(path, backup=False) as af:
            assert af.check() == []
            loaded = af.load()
        assert singles <= {p.id for p in loaded.products}
        for stream_id, count in groups.items():
            assert loaded.stream(stream_id) is not None
            assert len(loaded.records_of(stream_id)) == count
        # A group is all or nothing, committed or not.
        for stream in loaded.streams[1:]:
            assert len(loaded.records_of(stream.id)) == 3
    assert singles and groups
