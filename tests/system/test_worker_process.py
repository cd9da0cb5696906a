"""``orders-api worker``: the seller's background work in a process of its own, beside a
service that serves with ORDERS_WORKER=false, on SQLite and PostgreSQL; SIGTERM stops it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests import servers
from tests.helpers import upcoming
from tests.servers import ROOT, bearer


def notices(url: str, order_id: str, auth: dict[str, str]) -> list[str]:
    """The types of the order's notifications: the seller's processing sends the first."""
    response = httpx.get(f"{url}/orders/{order_id}/notifications", headers=auth)
    assert response.status_code == 200, response.text
    return [str(item["notificationType"]) for item in response.json()["items"]]


def test_a_worker_process_does_the_seller_s_work_and_stops_on_sigterm(
    database_url: str, logs: Path
) -> None:
    env = {"ORDERS_WORKER": "false", "ORDERS_WORKER_POLL_SECONDS": "0.1"}
    buyer = bearer(database_url, "Verizon", "buyer")
    with servers.running(database_url, logs / "serve.log", env=env) as service:
        created = httpx.post(
            f"{service.url}/orders",
            json=upcoming(buyerPurchaseOrderNumber="PO-WORKER-1"),
            headers=buyer,
        )
        assert created.status_code == 201, created.text
        order_id = created.json()["id"]
        time.sleep(1.0)  # ten polls' worth: nobody processes it while only the service runs
        assert notices(service.url, order_id, buyer) == []

        worker = subprocess.Popen(
            [sys.executable, "-m", "app", "worker"],
            cwd=ROOT,
            env={**os.environ, "ORDERS_DATABASE_URL": database_url, **env},
            stdout=(logs / "worker.log").open("ab"),
            stderr=subprocess.STDOUT,
        )
        try:
            servers.wait_for(
                lambda: notices(service.url, order_id, buyer) == ["CONFIRMATION"],
                "the order processed by the worker process",
            )
        finally:
            worker.send_signal(signal.SIGTERM)
            code = worker.wait(timeout=30)
    assert code == 0
    assert "the seller's worker stopped" in (logs / "worker.log").read_text()
