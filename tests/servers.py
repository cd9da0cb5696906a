"""Real service processes on loopback for the tests: ``python -m app serve`` under uvicorn."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx

from app.storage.database import make_engine, migrate
from app.storage.tokens import TokenStore
from tests.ports import free_port

ROOT = Path(__file__).resolve().parent.parent


def bearer(database_url: str, party: str, role: str) -> dict[str, str]:
    """The Authorization header of a new token for ``party`` in that database."""
    engine = make_engine(database_url)
    migrate(engine)
    _, secret = TokenStore(engine).issue(party, role)
    engine.dispose()
    return {"Authorization": f"Bearer {secret}"}


# The seed buyer's credentials at each service started here, by its URL.
CREDENTIALS: dict[str, dict[str, str]] = {}


def request_headers(url: str | None = None, **extra: str) -> dict[str, str]:
    """The headers of a test request to the service at ``url``: Verizon's token there."""
    return {**CREDENTIALS.get(url or "", {}), **extra}


def http_client(url: str, *, timeout: float = 30) -> httpx.Client:
    """An HTTP client of the service at ``url`` that sends ``request_headers(url)``."""
    return httpx.Client(base_url=url, headers=request_headers(url), timeout=timeout)


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def kill(self) -> None:
        """SIGKILL: no shutdown, no cleanup, as a crash or a pulled plug (every worker too)."""
        kill_group(self.process)


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL to the server and its worker processes: killed alone, the supervisor would
    leave its workers running (and serving) as orphans."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:  # not a group of its own (not started by start()): just it
        process.kill()
    process.wait(timeout=20)


def start(
    database_url: str,
    log: Path,
    *,
    port: int | None = None,
    workers: int = 1,
    env: Mapping[str, str] | None = None,
    timeout: float = 30,
) -> Server:
    """Starts the service and waits until it answers (at most ``timeout`` seconds); ``env``
    adds ORDERS_* settings."""
    port = port or free_port()
    environment = {**os.environ, "ORDERS_DATABASE_URL": database_url, **(env or {})}
    # The output goes to a file: an unread pipe fills up and blocks the server.
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", str(port), "--workers", str(workers)],
        cwd=ROOT,
        env=environment,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: kill_group reaches every worker
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_answering(f"{url}/openapi.json", process, log, timeout)
    # Migrated by now: the seed buyer may call it.
    CREDENTIALS[url] = bearer(database_url, "Verizon", "buyer")
    return Server(url, process, log)


def wait_until_answering(
    url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 30
) -> None:
    """Returns once ``url`` answers 200; fails with the server's log when it exits or takes
    more than ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(url).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            kill_group(process)
            raise RuntimeError(f"server did not start: {log.read_text()}")
        time.sleep(0.1)


def stop(server: Server) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        server.process.wait(timeout=20)


@contextlib.contextmanager
def running(
    database_url: str,
    log: Path,
    *,
    port: int | None = None,
    workers: int = 1,
    env: Mapping[str, str] | None = None,
) -> Iterator[Server]:
    server = start(database_url, log, port=port, workers=workers, env=env)
    try:
        yield server
    finally:
        stop(server)


# ---- a seller delivering to a buyer: two services --------------------------------------------

# The seller's worker, quick to poll and to retry.
FAST_RETRIES = {
    "ORDERS_WORKER_POLL_SECONDS": "0.1",
    "ORDERS_DELIVERY_BASE_SECONDS": "0.2",
    "ORDERS_DELIVERY_MAX_SECONDS": "1",
    "ORDERS_DELIVERY_MAX_ATTEMPTS": "1000",
}

# The buyer only receives: no background work of its own.
BUYER_ENV = {"ORDERS_WORKER": "false"}


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 45) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def received(buyer_url: str, order_id: str, auth: dict[str, str]) -> list[dict[str, object]]:
    """The notifications of the order the buyer's service received, in the order received."""
    response = httpx.get(f"{buyer_url}/orders/{order_id}/notifications", headers=auth)
    if response.status_code == 404:
        return []
    items: list[dict[str, object]] = response.json()["items"]
    return list(reversed(items))  # newest first: reversed


def received_versions(buyer_url: str, order_id: str, auth: dict[str, str]) -> list[str]:
    return [str(n["notificationVersion"]) for n in received(buyer_url, order_id, auth)]


def seller_env(buyer_port: int, buyer_db: str) -> dict[str, str]:
    """The seller's settings to deliver Verizon's notifications to its endpoint on
    ``buyer_port``, with the token the buyer (database ``buyer_db``) issued to the seller."""
    seller_at_buyer = bearer(buyer_db, "Cox Spectrum Business", "seller")
    return {
        **FAST_RETRIES,
        "ORDERS_BUYER_CALLBACKS": json.dumps({"Verizon": f"http://127.0.0.1:{buyer_port}"}),
        "ORDERS_BUYER_CALLBACK_TOKENS": json.dumps(
            {"Verizon": seller_at_buyer["Authorization"].removeprefix("Bearer ")}
        ),
    }
