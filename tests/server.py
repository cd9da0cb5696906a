"""A real service for tests that need one: ``python -m app serve`` (uvicorn) on a free loopback
port, over the database given."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def running_server(database_url: str, log_dir: Path, *, workers: int = 1) -> Iterator[str]:
    """Starts the service and yields its base URL once it answers; stops it afterwards."""
    port = free_port()
    env = {**os.environ, "ORDERS_DATABASE_URL": database_url}
    # The server's output goes to a file: an unread pipe fills up and blocks the server.
    log_file = log_dir / "server.log"
    with log_file.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "app", "serve", "--port", str(port), "--workers", str(workers)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/openapi.json").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {log_file.read_text()}")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
