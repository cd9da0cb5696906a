"""``orders-api serve`` for real (uvicorn in a subprocess): several workers add up their metrics
and log JSON lines; ``--mock`` serves the spec's examples without a database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from app.settings import project_config
from specfirst.document import load_spec
from tests.ports import free_port
from tests.servers import bearer, wait_until_answering

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).parent / "orders-api"


@contextmanager
def serving(args: list[str], env: dict[str, str], log_file: Path) -> Iterator[str]:
    port = free_port()
    # The server's output goes to a file: an unread pipe fills up and blocks the server.
    process = subprocess.Popen(
        [SCRIPT, "serve", "--port", str(port), *args],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=log_file.open("wb"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{base}/healthz", process, log_file)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def serving_pids(log_file: Path) -> set[int]:
    lines = [json.loads(line) for line in log_file.read_text().splitlines() if line.strip()]
    return {line["pid"] for line in lines if line.get("operation_id") == "getOrder"}


def test_workers_share_their_metrics_and_log_json(tmp_path: Path) -> None:
    env = {"ORDERS_DATABASE_URL": f"sqlite:///{tmp_path / 'o.db'}", "ORDERS_LOG_FORMAT": "json"}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    log_file = tmp_path / "server.log"
    requests = 0
    with serving(["--workers", "2"], env, log_file) as base:
        auth = bearer(env["ORDERS_DATABASE_URL"], "Verizon", "buyer")

        def get(i: int) -> None:  # a new connection each
            headers = {"X-Request-ID": f"w-{i}", **auth}
            response = httpx.get(f"{base}/orders/ORD-{i}", headers=headers)
            assert response.status_code == 404
            assert response.headers["x-request-id"] == f"w-{i}"

        # Concurrent requests until both workers have answered some (their pids in the log).
        with ThreadPoolExecutor(8) as pool:
            while len(serving_pids(log_file)) < 2 and requests < 2000:  # loaded machines skew it
                list(pool.map(get, range(requests, requests + 16)))
                requests += 16
                time.sleep(0.05)
        assert len(serving_pids(log_file)) == 2
        scrapes = [httpx.get(f"{base}/metrics").text for _ in range(6)]
    for scrape in scrapes:  # whichever worker answers the scrape counts every request
        counted = {
            sample.labels["status"]: sample.value
            for family in text_string_to_metric_families(scrape)
            for sample in family.samples
            if sample.name == "orders_api_requests_total"
            and sample.labels["operation_id"] == "getOrder"
        }
        assert counted == {"404": requests}
    lines = [json.loads(line) for line in log_file.read_text().splitlines() if line.strip()]
    access = [line for line in lines if line.get("logger") == "app.access"]
    assert {line["request_id"] for line in access} >= {f"w-{i}" for i in range(requests)}
    assert any(line.get("logger", "").startswith("uvicorn") for line in lines)
    # It started on an empty database: it said how to issue the first token (there is no other).
    hint = next(line for line in lines if "no API token yet" in line.get("message", ""))
    assert "orders-api token issue --party" in hint["message"]


def test_mock_mode_serves_examples_without_a_database(tmp_path: Path) -> None:
    database = tmp_path / "never.db"
    env = {"ORDERS_DATABASE_URL": f"sqlite:///{database}", "ORDERS_LOG_FORMAT": "plain"}
    with serving(["--mock"], env, tmp_path / "server.log") as base:
        assert httpx.get(f"{base}/orders/ORD-1").status_code == 401  # a token is still needed
        auth = {"Authorization": "Bearer any"}
        response = httpx.get(f"{base}/orders/ORD-1", headers=auth)
        assert response.status_code == 200
        example = load_spec(project_config().spec)["components"]["examples"]["getOrderResponse"][
            "value"
        ]
        assert response.json() == example
        assert httpx.get(f"{base}/readyz").status_code == 200
        assert httpx.post(f"{base}/orders", json={}, headers=auth).status_code == 400
    assert not database.exists()
