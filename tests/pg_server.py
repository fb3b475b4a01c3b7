"""A real, throwaway PostgreSQL server for the hub tests (issue 20).

``pg_server`` (session-scoped) runs ``initdb`` and ``pg_ctl`` from ``/usr/lib/postgresql/*/bin``
(the newest) or PATH into a fresh temporary folder, listening on a unix socket in that folder
and on 127.0.0.1 at a free port, and stops and removes it at the end of the session.

- Local socket: ``trust`` (the superuser ``postgres`` sets up each test's database).
- 127.0.0.1: ``scram-sha-256`` passwords, so wrong credentials are really refused.
- As root (initdb refuses to run as root) the server runs as the unprivileged ``postgres`` user
  (``runuser``), the folder chowned to it.

With no PostgreSQL binary the tests are skipped with the reason, unless RECP_REQUIRE_POSTGRES=1
(CI sets it): then they fail.

Use: ``from tests.pg_server import hub_db, pg_server  # noqa: F401`` in a test module.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

PROGRAMME_USER = "programme"
PROGRAMME_PASSWORD = "Mật-khẩu 42"  # non-ASCII and a space: the URL must quote it


def postgres_bindir() -> Path | None:
    """The folder of initdb/pg_ctl/postgres: the newest Debian install, else PATH."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(os.path.realpath(initdb)).parent
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    root: Path
    socket_dir: Path
    port: int
    bindir: Path
    as_user: list[str]  # prefix running a command as the server's owner ([] when not root)
    _names = itertools.count(1)

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        """Over the unix socket (trust)."""
        return (
            f"postgresql://{user}@/{database}?host={quote(str(self.socket_dir))}&port={self.port}"
        )

    def tcp_url(
        self,
        database: str,
        user: str = PROGRAMME_USER,
        password: str | None = PROGRAMME_PASSWORD,
        port: int | None = None,
    ) -> str:
        auth = quote(user, safe="")
        if password is not None:
            auth += ":" + quote(password, safe="")
        return f"postgresql://{auth}@127.0.0.1:{port or self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)

    def new_database(self) -> str:
        name = f"hub_{os.getpid()}_{next(self._names)}"
        self.sql(f'CREATE DATABASE "{name}" OWNER {PROGRAMME_USER}')
        return name


def _run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}"
        )


def require_bindir(bindir: Path | None) -> Path:
    """``bindir``, else skip with the reason, or fail when RECP_REQUIRE_POSTGRES=1 (CI)."""
    if bindir is None:
        reason = "no PostgreSQL binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or PATH"
        if os.environ.get("RECP_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"RECP_REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    return bindir


@contextmanager
def start_server(bindir: Path) -> Iterator[PgServer]:
    """A throwaway server from ``bindir`` for the duration of the block (benchmarks use it too)."""
    root = Path(tempfile.mkdtemp(prefix="recp-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            raise RuntimeError("running as root and no runuser to start PostgreSQL as 'postgres'")
        as_user = [runuser, "-u", "postgres", "--"]
        shutil.chown(root, "postgres", "postgres")
    data, sockets = root / "data", root / "run"
    for d in (data, sockets):
        d.mkdir(mode=0o700)
        if as_user:
            shutil.chown(d, "postgres", "postgres")
    port = _free_port()
    server = PgServer(root, sockets, port, bindir, as_user)
    try:
        _run(
            [
                *as_user,
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
            ]
        )
        options = (
            f"-k {sockets} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        _run(
            [
                *as_user,
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(root / "server.log"),
                "-w",
                "-t",
                "60",
                "start",
            ]
        )
        server.sql(f"CREATE ROLE {PROGRAMME_USER} LOGIN PASSWORD '{PROGRAMME_PASSWORD}'")
        yield server
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    bindir = require_bindir(postgres_bindir())
    pytest.importorskip("psycopg", reason="psycopg (the hub's driver) is not installed")
    with start_server(bindir) as server:
        yield server


@pytest.fixture
def hub_db(pg_server):
    """A fresh, empty database for one test, owned by the programme user: its name."""
    name = pg_server.new_database()
    yield name
    pg_server.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
