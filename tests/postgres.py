"""A throwaway PostgreSQL server for the tests, from the Debian packages' binaries."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.ports import free_port


def _bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(candidates[-1]).parent if candidates else None


@dataclass
class PostgresServer:
    """A server on a temporary data directory that a test can stop and start again."""

    bindir: Path
    data: Path
    port: int
    as_user: list[str]

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def pg_ctl(self, *args: str, check: bool = True) -> None:
        subprocess.run(
            [*self.as_user, str(self.bindir / "pg_ctl"), "-D", str(self.data), *args],
            check=check,
            capture_output=True,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data.parent} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.pg_ctl("-o", options, "-w", "-l", str(self.data.parent / "log"), "start")

    def stop(self, mode: str = "fast") -> None:
        """``fast`` disconnects the clients and shuts down cleanly; ``immediate`` crashes."""
        self.pg_ctl("-m", mode, "-w", "stop")


@contextlib.contextmanager
def controllable_server() -> Iterator[PostgresServer]:
    """Starts a server on a temporary data directory; yields it, to stop and start at will."""
    bindir = _bindir()
    if bindir is None:
        raise RuntimeError(
            "PostgreSQL is not installed: run .ci/install (it installs Debian's postgresql), "
            "or set ORDERS_TEST_POSTGRES_URL to a server you provide"
        )
    # initdb refuses to run as root: run the server as the packages' postgres user then.
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    tmp = Path(tempfile.mkdtemp(prefix="orders-pg-"))
    server = PostgresServer(bindir, tmp / "data", free_port(), as_user)
    if as_user:
        shutil.chown(tmp, "postgres")
    try:
        subprocess.run(
            [
                *as_user,
                str(bindir / "initdb"),
                "-D",
                str(server.data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ],
            check=True,
            capture_output=True,
        )
        server.start()
        try:
            yield server
        finally:
            server.pg_ctl("-m", "immediate", "stop", check=False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def throwaway_server() -> Iterator[str]:
    """Starts a server on a temporary data directory; yields a SQLAlchemy URL of it."""
    with controllable_server() as server:
        yield server.url
