"""Ports for the servers the tests start (services, PostgreSQL, authorization servers, buyers).

A port found free by binding port 0 and let go can be given by the kernel to another process
before the server meant for it binds it: with pytest-xdist's workers, a test then waited for,
and talked to, another worker's server. Each worker hands out ports from a block of its own,
below the kernel's ephemeral range (32768-60999, where port 0 picks), one after the other, so a
port is never handed out twice in a session, in this worker or another.
"""

from __future__ import annotations

import itertools
import os
import socket

FIRST_PORT = 20000
PORTS_PER_WORKER = 1000
_handed_out = itertools.count()  # next() on it is atomic: threads of a worker share it


def worker_index() -> int:
    """This pytest-xdist worker's number (gw0, gw1, ...); 0 outside xdist."""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


def free_port() -> int:
    """The next port of this worker's block that nothing on this machine holds."""
    block = FIRST_PORT + worker_index() * PORTS_PER_WORKER
    for _ in range(PORTS_PER_WORKER):
        port = block + next(_handed_out) % PORTS_PER_WORKER
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue  # held by something else on this machine
        return port
    raise RuntimeError(f"no free port left in {block}-{block + PORTS_PER_WORKER - 1}")
