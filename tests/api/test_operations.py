"""Operations: liveness and readiness probes, Prometheus metrics, request ids and JSON access logs,
over HTTP against the real app, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

import psycopg
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from starlette.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from tests.helpers import CREATE_REQUEST, PUBLIC_URL, Crashing, assert_problem, create_order
from tests.servers import bearer

UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


# ---- health -------------------------------------------------------------------------------


def test_healthz_and_readyz_answer_ok(client: TestClient) -> None:
    for path in ("/healthz", "/readyz"):
        response = client.get(path)
        assert response.status_code == 200, response.text
        assert response.json() == {"status": "ok"}
        assert response.headers["content-type"] == "application/json"


def test_readyz_is_503_while_the_schema_is_behind(client: TestClient, database_url: str) -> None:
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    try:
        response = client.get("/readyz")
        assert_problem(response, 503)
        assert response.headers["retry-after"] == "5"
        problem = response.json()
        assert problem["status"] == 503 and problem["title"] == "Service Unavailable"
        assert "schema is at 0001" in problem["detail"]
        assert client.get("/healthz").status_code == 200  # alive, just not ready
    finally:
        engine.dispose()


def test_readyz_is_503_when_the_database_is_unreachable(
    postgres_server: str, tmp_path: Path
) -> None:
    """The database goes away under a running service: not ready (503), but still alive."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin_dsn = make_url(postgres_server).set(drivername="postgresql")
    admin = admin_dsn.render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    with create_app(Settings(database_url=url)).test_client() as client:
        assert client.get("/readyz").status_code == 200
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        response = client.get("/readyz")
        assert_problem(response, 503)
        assert response.headers["retry-after"] == "5"
        assert "database does not answer" in response.json()["detail"]
        assert name not in response.text  # the driver's message (names, hosts) stays inside
        assert client.get("/healthz").json() == {"status": "ok"}


# ---- metrics ------------------------------------------------------------------------------


def samples(client: TestClient) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def requests_total(
    found: dict[tuple[str, frozenset[tuple[str, str]]], float],
    operation_id: str,
    method: str,
    status: int,
) -> float:
    labels = {"operation_id": operation_id, "method": method, "status": str(status)}
    return found.get(("orders_api_requests_total", frozenset(labels.items())), 0.0)


def test_metrics_count_requests_by_operation_method_and_status(client: TestClient) -> None:
    before = samples(client)
    order = create_order(client)
    assert client.get(f"/orders/{order['id']}").status_code == 200
    assert client.get("/orders/ORD-NOPE").status_code == 404
    assert client.get("/orders", params={"limit": 0}).status_code == 400
    assert client.get("/no/such/path/8d3f2").status_code == 404
    assert client.request("BREW", "/orders").status_code in (400, 405)
    after = samples(client)

    def moved(operation_id: str, method: str, status: int) -> float:
        return requests_total(after, operation_id, method, status) - requests_total(
            before, operation_id, method, status
        )

    assert moved("createOrder", "POST", 201) == 1
    assert moved("getOrder", "GET", 200) == 1
    assert moved("getOrder", "GET", 404) == 1
    assert moved("listOrders", "GET", 400) == 1
    assert moved("unmatched", "GET", 404) == 1
    assert moved("metrics", "GET", 200) == 1  # the first scrape
    # An arbitrary path or method never becomes a label value.
    assert not any("/no/such" in value or "BREW" in value for _, ls in after for _, value in ls)
    assert sum(moved("unmatched", "OTHER", status) for status in (400, 405)) == 1
    count = ("orders_api_request_duration_seconds_count", frozenset({("operation_id", "getOrder")}))
    assert after[count] - before.get(count, 0.0) == 2


# ---- request ids and logs -----------------------------------------------------------------


def test_request_id_is_echoed_when_sane_and_fresh_otherwise(client: TestClient) -> None:
    sent = "req-7f3a.b_c:42"
    assert client.get("/healthz", headers={"X-Request-ID": sent}).headers["x-request-id"] == sent
    for insane in ("x" * 129, "two words", "<script>", "a\tb", ""):
        answered = client.get("/healthz", headers={"X-Request-ID": insane}).headers["x-request-id"]
        assert UUID4.match(answered), (insane, answered)
    fresh = {client.get("/healthz").headers["x-request-id"] for _ in range(3)}
    assert len(fresh) == 3 and all(UUID4.match(value) for value in fresh)


def test_errors_carry_the_request_id(client: TestClient) -> None:
    headers = {"X-Request-ID": "err-1"}
    for status, response in (
        (404, client.get("/orders/ORD-NOPE", headers=headers)),  # from a handler
        (400, client.post("/orders", json={}, headers=headers)),  # from validation
        (404, client.get("/nowhere", headers=headers)),  # from routing
        (405, client.delete("/orders", headers=headers)),
    ):
        assert_problem(response, status)
        assert response.headers["x-request-id"] == "err-1"


def test_a_crash_is_a_500_problem_with_the_request_id(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'o.db'}")
    app = create_app(settings, order_handlers=Crashing)
    with TestClient(app, raise_server_exceptions=False) as client:
        client.headers.update(bearer(settings.database_url, "Verizon", "buyer"))
        response = client.get("/orders/ORD-1", headers={"X-Request-ID": "crash-1"})
    assert_problem(response, 500)
    assert response.headers["x-request-id"] == "crash-1"
    assert "crash-1" in response.json()["detail"]
    assert "secret" not in response.text


def log_lines(err: str) -> list[dict[str, Any]]:
    """Every line of ``err`` must be one JSON object."""
    return [json.loads(line) for line in err.splitlines() if line.strip()]


def test_access_log_is_one_json_object_per_line_without_secrets(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    body_marker = "PON-SECRET-BODY-7781"
    with create_app(settings).test_client() as client:
        secret_token = bearer(settings.database_url, "Verizon", "buyer")["Authorization"]
        capsys.readouterr()
        response = client.post(
            "/orders",
            json={**CREATE_REQUEST, "buyerPurchaseOrderNumber": body_marker},
            headers={"Authorization": secret_token, "X-Request-ID": "log-1"},
        )
        assert response.status_code == 201, response.text
        client.get("/orders/ORD-NOPE", headers={"Authorization": secret_token})
    err = capsys.readouterr().err
    lines = log_lines(err)
    access = [line for line in lines if line.get("logger") == "app.access"]
    assert len(access) == 2
    created = access[0]
    assert created["request_id"] == "log-1"
    assert created["method"] == "POST" and created["path"] == "/orders"
    assert created["status"] == 201 and created["operation_id"] == "createOrder"
    assert created["level"] == "INFO" and created["message"] == "POST /orders 201"
    assert isinstance(created["duration_ms"], float) and created["duration_ms"] > 0
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", created["time"])
    missing = access[1]
    assert missing["status"] == 404 and missing["operation_id"] == "getOrder"
    assert UUID4.match(missing["request_id"])
    assert secret_token.split()[1] not in err and body_marker not in err
    assert PUBLIC_URL not in err  # nor response bodies (the order's link)


def test_plain_log_format_and_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'o.db'}"
    with create_app(Settings(database_url=url, log_format="plain")).test_client() as client:
        capsys.readouterr()
        client.get("/healthz", headers={"X-Request-ID": "plain-1"})
    line = next(x for x in capsys.readouterr().err.splitlines() if "app.access" in x)
    assert " INFO app.access [plain-1] GET /healthz 200" in line
    with create_app(Settings(database_url=url, log_level="warning")).test_client() as client:
        capsys.readouterr()
        client.get("/healthz")
    assert "app.access" not in capsys.readouterr().err


class LookupCrash(Crashing):
    def get_order(self, *, caller: Any, id_: str) -> Any:
        raise LookupError("secret internals")


def test_an_error_handler_that_fails_still_answers_a_problem_with_the_id(tmp_path: Path) -> None:
    """The middleware's last resort: an exception escapes Connexion's own handlers."""

    async def broken(_request: Any, _exc: Exception) -> Any:
        raise RuntimeError("the error handler itself failed")

    url = f"sqlite:///{tmp_path / 'o.db'}"
    app = create_app(Settings(database_url=url), order_handlers=LookupCrash)
    app.add_error_handler(LookupError, broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        client.headers.update(bearer(url, "Verizon", "buyer"))
        response = client.get("/orders/ORD-1", headers={"X-Request-ID": "last-1"})
        assert client.get("/healthz").status_code == 200  # and it keeps serving
    assert_problem(response, 500)
    assert response.headers["x-request-id"] == "last-1"
    problem = response.json()
    assert problem["status"] == 500
    assert problem["detail"] == "The server failed; it was logged with request id last-1."
    assert "secret" not in response.text
