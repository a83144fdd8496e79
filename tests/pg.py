"""A throw-away PostgreSQL cluster for tests: initdb in a temporary folder, a free port on 127.0.0.1.

``initdb`` refuses to run as root, so when the tests run as root the cluster belongs to an
unprivileged user (``nobody``) and every server command runs through ``runuser``. ``start()`` raises
``PostgresUnavailable`` with the reason when no server can be started, so fixtures can skip clearly.

    server = start()            # or: with running() as server:
    url = server.new_database() # postgresql://dateline@127.0.0.1:PORT/t_1
    ...
    server.stop()
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
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["PostgresServer", "PostgresUnavailable", "running", "shared", "start"]

USER = "dateline"


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server could be started here (the message says why)."""


def _bin_dir() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    raise PostgresUnavailable("PostgreSQL server binaries (pg_ctl, initdb) are not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PostgresServer:
    root: Path
    port: int
    bin_dir: Path
    run_as: str | None
    _names: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def url(self) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=self.root)

    def new_database(self) -> str:
        """A fresh empty database on this server; returns its URL."""
        import psycopg

        name = f"t_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def start() -> PostgresServer:
    """Create and start a cluster; raise PostgresUnavailable with the reason when it cannot."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise PostgresUnavailable("psycopg is not installed (pip install 'dateline[postgres]')") from exc
    bin_dir = _bin_dir()
    run_as = None
    root = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
    if os.geteuid() == 0:
        run_as = "nobody"
        try:
            shutil.chown(root, user=run_as)
        except (LookupError, PermissionError) as exc:
            shutil.rmtree(root, ignore_errors=True)
            raise PostgresUnavailable(f"cannot hand a folder to user {run_as!r}: {exc}") from exc
    server = PostgresServer(root=root, port=_free_port(), bin_dir=bin_dir, run_as=run_as)
    init = server._run("initdb", "-D", str(root / "data"), "-U", USER, "-A", "trust", "-E", "UTF8",
                       "--locale=C", "--no-sync")  # fmt: skip
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise PostgresUnavailable(f"initdb failed: {init.stderr.strip()[-300:]}")
    options = f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40"
    started = server._run("pg_ctl", "-D", str(root / "data"), "-o", options, "-l", str(root / "log"), "-w",
                          "-t", "60", "start")  # fmt: skip
    if started.returncode != 0:
        log = (root / "log").read_text(errors="replace")[-300:] if (root / "log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise PostgresUnavailable(f"the server did not start: {started.stderr.strip()[-200:]} {log}")
    return server


@contextmanager
def running() -> Iterator[PostgresServer]:
    server = start()
    try:
        yield server
    finally:
        server.stop()


_SHARED: PostgresServer | PostgresUnavailable | None = None


def shared() -> PostgresServer:
    """One server per test process, started on first use and stopped at exit (raises if unavailable)."""
    global _SHARED
    if _SHARED is None:
        import atexit

        try:
            _SHARED = start()
            atexit.register(_SHARED.stop)
        except PostgresUnavailable as exc:
            _SHARED = exc
    if isinstance(_SHARED, PostgresUnavailable):
        raise _SHARED
    return _SHARED
