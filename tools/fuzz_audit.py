"""Fuzz the demo audit: damaged variants of it, each read by every reading command.

Every variant must end in exit 0 (the file reads, or ``check`` lists what is damaged) or exit 1
with a one-line message naming the file, never a traceback, never a hang. A variant is made by
one (sometimes two) of: bit flips in page data, bit flips in stored text/JSON values (invalid
UTF-8 included), JSON of the wrong shape or nested 100,000 levels deep, truncation, zeroed pages,
foreign WAL/SHM/journal files, a newer schema version, SQLite files that are not audits,
page-size and journal-mode changes.

``tests/test_fuzz_audit.py`` runs a bounded seeded sample of this in the suite; the full run::

    .venv/bin/python tools/fuzz_audit.py [--count 600] [--seed 25] [--subprocess]

prints one line per failing variant and a summary (exit 1 when any variant failed).
``--subprocess`` runs each variant's commands as ``python -m app`` with a timeout (slower;
the default runs them in this process, with an alarm against hangs).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The commands that only read; each is run on every variant.
READ_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("info", "--json"),
    ("info",),
    ("check",),
    ("findings",),
    ("indicators",),
    ("options",),
)
TIMEOUT_S = 30

ENTITY_TABLES = (
    "team",
    "products",
    "production",
    "steps",
    "flows",
    "streams",
    "records",
    "findings",
    "photos",
    "options",
    "overrides",
)


@dataclass(frozen=True)
class Variant:
    name: str
    make: Callable[[Path, random.Random], None]  # damages the audit at the path given


# -- damage makers --------------------------------------------------------------------------


def _page_size(path: Path) -> int:
    with open(path, "rb") as fh:
        header = fh.read(100)
    size = struct.unpack(">H", header[16:18])[0]
    return 65536 if size == 1 else size


def flip_bits(path: Path, rng: random.Random) -> None:
    """A few random bits flipped anywhere after the header (a bad sector, a failed copy)."""
    data = bytearray(path.read_bytes())
    for _ in range(rng.choice((1, 1, 2, 4, 16))):
        i = rng.randrange(100, len(data))
        data[i] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


def flip_header_bits(path: Path, rng: random.Random) -> None:
    data = bytearray(path.read_bytes())
    i = rng.randrange(16, 100)
    data[i] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


def zero_page(path: Path, rng: random.Random) -> None:
    data = bytearray(path.read_bytes())
    size = _page_size(path)
    pages = len(data) // size
    page = rng.randrange(1, pages) if pages > 1 else 0
    data[page * size : (page + 1) * size] = bytes(size)
    path.write_bytes(bytes(data))


def truncate(path: Path, rng: random.Random) -> None:
    size = path.stat().st_size
    cut = rng.choice((rng.randrange(1, 100), rng.randrange(100, size), size - _page_size(path)))
    with open(path, "rb+") as fh:
        fh.truncate(max(1, cut))


def _rows(conn: sqlite3.Connection, table: str) -> list[int]:
    return [r[0] for r in conn.execute(f"SELECT rowid FROM {table}")]


def _text_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [
        r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[2].upper().startswith("TEXT")
    ]


def _edit(path: Path, work: Callable[[sqlite3.Connection], None]) -> None:
    """Change rows with a plain connection that checks nothing (as another tool would)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        work(conn)
    finally:
        conn.close()


def _pick_cell(conn: sqlite3.Connection, rng: random.Random) -> tuple[str, str, int] | None:
    tables = [t for t in (*ENTITY_TABLES, "audit_info", "meta", "settings") if _rows(conn, t)]
    if not tables:
        return None
    table = rng.choice(tables)
    column = rng.choice(_text_columns(conn, table) or ["data"])
    rowid = rng.choice(_rows(conn, table))
    return table, column, rowid


def flip_text_value(path: Path, rng: random.Random) -> None:
    """A flipped bit inside a stored text (JSON ``data``, ids, periods, meta): often invalid
    UTF-8, sometimes JSON that no longer parses, sometimes a different but valid value."""

    def work(conn: sqlite3.Connection) -> None:
        cell = _pick_cell(conn, rng)
        if cell is None:
            return
        table, column, rowid = cell
        raw = conn.execute(
            f"SELECT CAST({column} AS BLOB) FROM {table} WHERE rowid = ?", (rowid,)
        ).fetchone()[0]
        if not raw:
            return
        data = bytearray(raw)
        for _ in range(rng.choice((1, 1, 3))):
            i = rng.randrange(len(data))
            data[i] ^= rng.choice((0x80, 0x40, 0x01, 0xC0))
        conn.execute(
            f"UPDATE {table} SET {column} = CAST(? AS TEXT) WHERE rowid = ?", (bytes(data), rowid)
        )

    _edit(path, work)


BAD_JSON = (
    "",
    "{",
    "[]",
    '"text"',
    "null",
    "1e999",
    '{"name_vi": 5, "unit": []}',
    '{"kind": "plasma"}',
    '{"savings": [1, 2]}',
    '{"savings": {"a": 1}}',
    '{"records": null, "enterprise": "x"}',
    "{},{}",
    '{"a": NaN}',
    "\ud800",
)


def bad_json(path: Path, rng: random.Random) -> None:
    """A ``data`` value replaced by JSON of the wrong shape, or not JSON at all."""

    def work(conn: sqlite3.Connection) -> None:
        tables = [t for t in (*ENTITY_TABLES, "audit_info", "settings") if _rows(conn, t)]
        table = rng.choice(tables)
        column = "value" if table == "settings" else "data"
        value = rng.choice(BAD_JSON)
        value = value.encode("utf-8", "surrogatepass")
        conn.execute(
            f"UPDATE {table} SET {column} = CAST(? AS TEXT) WHERE rowid = ?",
            (value, rng.choice(_rows(conn, table))),
        )

    _edit(path, work)


def deep_json(path: Path, rng: random.Random) -> None:
    """A row's JSON nested 100,000 levels deep (arrays or objects), or one huge string."""

    def work(conn: sqlite3.Connection) -> None:
        tables = [t for t in (*ENTITY_TABLES, "audit_info") if _rows(conn, t)]
        table = rng.choice(tables)
        depth = 100_000
        kind = rng.randrange(3)
        if kind == 0:
            value = '{"x": ' + "[" * depth + "]" * depth + "}"
        elif kind == 1:
            value = '{"a":' * depth + "1" + "}" * depth
        else:
            value = '{"note": "' + "x" * 20_000_000 + '"}'
        conn.execute(
            f"UPDATE {table} SET data = ? WHERE rowid = ?",
            (value, rng.choice(_rows(conn, table))),
        )

    _edit(path, work)


def wrong_column_types(path: Path, rng: random.Random) -> None:
    """A real column holding the wrong type: text in a quantity, a blob in a period, ..."""

    def work(conn: sqlite3.Connection) -> None:
        table = rng.choice(("records", "production", "streams", "findings", "options"))
        rows = _rows(conn, table)
        if not rows:
            return
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "id"]
        column = rng.choice(cols)
        value = rng.choice(("abc", b"\xff\x00", 1e308, -1, None, "2024-13", 2**62))
        try:
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (value, rows[0]))
        except sqlite3.IntegrityError:  # NOT NULL
            conn.execute(f"UPDATE {table} SET {column} = 'x' WHERE rowid = ?", (rows[0],))

    _edit(path, work)


def newer_schema(path: Path, rng: random.Random) -> None:
    _edit(path, lambda c: c.execute(f"PRAGMA user_version={rng.choice((2, 7, 999, 2**31 - 1))}"))


def older_or_zero_schema(path: Path, rng: random.Random) -> None:
    _edit(path, lambda c: c.execute(f"PRAGMA user_version={rng.choice((0, -1))}"))


def not_an_audit(path: Path, rng: random.Random) -> None:
    """SQLite files that are not audits: other app id, or the audit's id without its tables."""
    kind = rng.randrange(4)
    if kind == 0:
        _edit(path, lambda c: c.execute("PRAGMA application_id=1234"))
        return
    if kind == 1:

        def drop(conn: sqlite3.Connection) -> None:
            conn.execute(f"DROP TABLE {rng.choice(ENTITY_TABLES + ('settings', 'meta'))}")

        _edit(path, drop)
        return
    if kind == 2:

        def reshape(conn: sqlite3.Connection) -> None:
            table = rng.choice(ENTITY_TABLES)
            conn.execute(f"ALTER TABLE {table} RENAME TO old_{table}")
            conn.execute(f"CREATE TABLE {table} (id TEXT, other TEXT)")

        _edit(path, reshape)
        return
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id=1380271952")  # RECP, but an unrelated database
    conn.execute("CREATE TABLE meta (k, v)")
    conn.execute("CREATE TABLE audit_info (one, data)")
    conn.execute("INSERT INTO audit_info VALUES (1, 'x')")
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()


def page_size_change(path: Path, rng: random.Random) -> None:
    size = rng.choice((512, 1024, 8192, 65536))

    def work(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(f"PRAGMA page_size={size}")
        conn.execute("VACUUM")
        if rng.random() < 0.5:
            conn.execute("PRAGMA journal_mode=WAL")

    _edit(path, work)


def journal_mode_change(path: Path, rng: random.Random) -> None:
    mode = rng.choice(("DELETE", "TRUNCATE", "PERSIST", "OFF", "MEMORY"))
    _edit(path, lambda c: c.execute(f"PRAGMA journal_mode={mode}"))


def _other_database(folder: Path, wal: bool) -> Path:
    other = folder / "other.db"
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA journal_mode=" + ("WAL" if wal else "DELETE"))
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 40)
    return other


def foreign_sidecar(path: Path, rng: random.Random) -> None:
    """A -wal, -shm or -journal beside the audit that does not belong to it."""
    suffix = rng.choice(("-wal", "-shm", "-journal", "-wal+shm"))
    kind = rng.randrange(3)
    for part in suffix.lstrip("-").split("+"):
        side = Path(f"{path}-{part}")
        if kind == 0:
            side.write_bytes(os.urandom(rng.choice((8, 32, 4096, 33_000))))
        elif kind == 1:
            side.write_bytes(bytes(rng.choice((32, 32_768))))
        else:
            # Real side files of another database, copied while it was open (a crash).
            folder = Path(tempfile.mkdtemp(prefix="fuzz-other-"))
            try:
                other = _other_database(folder, wal=part != "journal")
                conn = sqlite3.connect(other, isolation_level=None)
                if part == "journal":
                    conn.execute("PRAGMA journal_mode=PERSIST")
                    conn.execute("UPDATE t SET x = 'y'")
                conn.execute("PRAGMA wal_autocheckpoint=0")
                conn.execute("INSERT INTO t VALUES ('late')")
                source = Path(f"{other}-{part}")
                if source.exists():
                    shutil.copyfile(source, side)
                else:
                    side.write_bytes(os.urandom(512))
                conn.close()
            finally:
                shutil.rmtree(folder, ignore_errors=True)


def own_wal_damaged(path: Path, rng: random.Random) -> None:
    """The audit's own WAL left by a crash, then a bit of it flipped."""
    folder = path.parent / "live"
    folder.mkdir()
    live = folder / path.name
    shutil.copyfile(path, live)
    conn = sqlite3.connect(live, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE meta SET value = 'fuzz' WHERE key = 'modified'")
    conn.execute("UPDATE records SET quantity = quantity + 1")
    wal = Path(f"{live}-wal").read_bytes()
    conn.close()  # checkpoints the live copy, not ours
    data = bytearray(wal)
    if data and rng.random() < 0.8:
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    Path(f"{path}-wal").write_bytes(bytes(data))
    shutil.rmtree(folder)


MAKERS: tuple[tuple[Callable[[Path, random.Random], None], int], ...] = (
    # (maker, weight)
    (flip_bits, 8),
    (flip_header_bits, 2),
    (flip_text_value, 8),
    (bad_json, 4),
    (deep_json, 1),
    (wrong_column_types, 2),
    (zero_page, 3),
    (truncate, 3),
    (foreign_sidecar, 3),
    (own_wal_damaged, 2),
    (newer_schema, 1),
    (older_or_zero_schema, 1),
    (not_an_audit, 2),
    (page_size_change, 1),
    (journal_mode_change, 1),
)


def variants(seed: int, count: int) -> Iterator[Variant]:
    """``count`` variants, the same for the same seed. A fifth combine two kinds of damage."""
    rng = random.Random(seed)
    makers = [m for m, w in MAKERS for _ in range(w)]
    for n in range(count):
        first = rng.choice(makers)
        steps = [first]
        if rng.random() < 0.2 and first not in (truncate, not_an_audit, deep_json):
            steps.insert(0, rng.choice((page_size_change, journal_mode_change, newer_schema)))
        sub_seed = rng.randrange(2**32)

        def make(path: Path, _rng: random.Random, steps=steps, sub_seed=sub_seed) -> None:
            r = random.Random(sub_seed)
            for step in steps:
                step(path, r)

        yield Variant(f"{n:04d}-" + "+".join(s.__name__ for s in steps), make)


# -- running ------------------------------------------------------------------------------


@dataclass
class Outcome:
    variant: str
    command: str
    code: int | None  # None: traceback or hang
    message: str
    failure: str = ""  # empty when the outcome is acceptable


def judge(variant: str, command: str, path: Path, code: int | None, out: str, err: str) -> Outcome:
    """Exit 0, or exit 1 with a one-line message naming the file (``check`` may list many)."""
    err = err.strip()
    if code is None:
        return Outcome(variant, command, code, err[-2000:], "traceback or hang")
    if "Traceback" in err:
        return Outcome(variant, command, code, err[-2000:], "traceback")
    if code == 0:
        return Outcome(variant, command, code, "")
    if code != 1:
        return Outcome(variant, command, code, err, f"exit {code}")
    if command == "check" and not err:  # the problems are listed on stdout
        return Outcome(variant, command, code, out.strip().splitlines()[0] if out else "")
    lines = err.splitlines()
    if len(lines) != 1:
        return Outcome(variant, command, code, err, "message is not one line")
    if str(path) not in lines[0]:
        return Outcome(variant, command, code, err, "message does not name the file")
    return Outcome(variant, command, code, lines[0])


class _Timeout(Exception):
    pass


def run_in_process(path: Path, command: tuple[str, ...], lang: str = "en") -> tuple:
    """``python -m app COMMAND PATH`` in this process: (exit code or None, stdout, stderr)."""
    from app import cli

    out, err = io.StringIO(), io.StringIO()

    def alarm(signum, frame):
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(TIMEOUT_S)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["--lang", lang, command[0], str(path), *command[1:]])
    except _Timeout:
        return None, out.getvalue(), err.getvalue() + "\nHANG (in-process alarm)"
    except BaseException:
        return None, out.getvalue(), err.getvalue() + traceback.format_exc()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return code, out.getvalue(), err.getvalue()


def run_in_subprocess(path: Path, command: tuple[str, ...], lang: str = "en") -> tuple:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        r = subprocess.run(
            [sys.executable, "-m", "app", "--lang", lang, command[0], str(path), *command[1:]],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            env=env,
        )
    except subprocess.TimeoutExpired:
        return None, "", f"HANG (no exit after {TIMEOUT_S} s)"
    return r.returncode, r.stdout, r.stderr


def demo_bytes() -> bytes:
    from app.store.demo_file import write_demo_file

    folder = Path(tempfile.mkdtemp(prefix="fuzz-demo-"))
    try:
        path = write_demo_file(folder / "demo.recp")
        return path.read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def fuzz(
    seed: int,
    count: int,
    *,
    subprocess_every: int = 0,
    commands: tuple[tuple[str, ...], ...] = READ_COMMANDS,
    base: bytes | None = None,
    only_subprocess: bool = False,
) -> tuple[list[Outcome], int]:
    """Run ``count`` variants; returns the failing outcomes and the number of command runs.

    ``subprocess_every``: every n-th variant also runs as ``python -m app`` with a timeout.
    """
    base = base if base is not None else demo_bytes()
    failures: list[Outcome] = []
    runs = 0
    for k, variant in enumerate(variants(seed, count)):
        folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
        try:
            path = folder / "audit.recp"
            path.write_bytes(base)
            try:
                variant.make(path, random.Random(0))
            except (sqlite3.Error, OSError):
                pass  # a damage step on an already damaged file: keep what it did
            use_sub = only_subprocess or (subprocess_every and k % subprocess_every == 0)
            for command in commands:
                runner = run_in_subprocess if use_sub else run_in_process
                code, out, err = runner(path, command)
                runs += 1
                outcome = judge(variant.name, " ".join(command), path, code, out, err)
                if outcome.failure:
                    failures.append(outcome)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return failures, runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--seed", type=int, default=25)
    parser.add_argument("--subprocess", action="store_true", help="every variant as a process")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    failures, runs = fuzz(args.seed, args.count, only_subprocess=args.subprocess)
    for f in failures:
        last = f.message.strip().splitlines()[-1] if f.message.strip() else ""
        print(f"FAIL {f.variant} [{f.command}] {f.failure}: {last[:300]}")
    bad = len({f.variant for f in failures})
    print(
        f"{args.count} variants, {runs} command runs, {bad} variants failing, "
        f"{len(failures)} failing runs, {time.perf_counter() - start:.0f} s"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
