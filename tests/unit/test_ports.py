"""tests/ports.py: the ports handed to the servers tests start are never handed out twice, by one
pytest-xdist worker or by two, and stay out of the kernel's range for port 0."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests import ports


def test_a_worker_never_hands_out_a_port_twice_nor_one_that_is_held() -> None:
    handed = [ports.free_port() for _ in range(50)]
    assert len(set(handed)) == len(handed)
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        taken = held.getsockname()[1]
        lowest = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
        assert taken >= lowest > max(handed)  # port 0 picks from the kernel's range, above
    with socket.socket() as held:
        upcoming = ports.free_port() + 1
        held.bind(("127.0.0.1", upcoming))
        held.listen()
        assert ports.free_port() != upcoming


def test_two_workers_hand_out_ports_from_blocks_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    first = ports.free_port()
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    second = ports.free_port()
    assert (first - ports.FIRST_PORT) // ports.PORTS_PER_WORKER == 0
    assert (second - ports.FIRST_PORT) // ports.PORTS_PER_WORKER == 1
