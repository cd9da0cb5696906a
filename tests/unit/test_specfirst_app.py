"""specfirst.app.create_service on a small spec that is not the Order API: the published spec,
Swagger UI, probes with the application's readiness check, the 'unavailable' hook, crashes,
guard rails, metrics and access logs named by the config, and request validation."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import threading
import time
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml
from connexion.lifecycle import ConnexionRequest
from starlette.responses import Response
from starlette.testclient import TestClient

from specfirst.app import frozen_heap
from specfirst.dispatch import call
from specfirst.health import NotReady
from specfirst.problems import Unavailable, not_implemented
from specfirst.reply import request_body
from specfirst.settings import ServiceSettings
from tests.helpers import assert_problem
from tests.specfirst_support import document, json_response, operation, project, service

WIDGET = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "part"],
    "properties": {
        "name": {"type": "string", "maxLength": 10},
        "part": {
            "oneOf": [
                {
                    "type": "object",
                    "required": ["kind", "teeth"],
                    "properties": {"kind": {"enum": ["gear"]}, "teeth": {"type": "integer"}},
                },
                {
                    "type": "object",
                    "required": ["kind", "length"],
                    "properties": {"kind": {"enum": ["rod"]}, "length": {"type": "number"}},
                },
            ]
        },
    },
}
SPEC = document(
    {
        "/widgets": {"post": operation("createWidget", body=WIDGET)},
        "/widgets/{id}": {
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "pattern": "^W-[0-9]+$"},
                }
            ],
            "get": operation(
                "getWidget",
                parameters=[
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}}
                ],
            ),
            "delete": operation("deleteWidget"),
        },
        "/broken": {"get": operation("broken")},
        "/busy": {"get": operation("busy")},
        "/todo": {"get": operation("todo")},
    }
)


class StoreDown(Exception):
    """The application's own 'try again later' error."""


async def create_widget(request: ConnexionRequest) -> Response:
    return json_response({"created": await request_body(request)})


async def get_widget(request: ConnexionRequest) -> Response:
    return json_response({"id": request.path_params["id"]})


async def broken(_request: ConnexionRequest) -> Response:
    raise RuntimeError("secret internals")


async def busy(_request: ConnexionRequest) -> Response:
    raise StoreDown("host db.internal refused")


async def todo(_request: ConnexionRequest) -> Response:
    raise not_implemented("todo")


FUNCTIONS = {
    "createWidget": create_widget,
    "getWidget": get_widget,
    "deleteWidget": get_widget,
    "broken": broken,
    "busy": busy,
    "todo": todo,
}
READY = {"now": True}


def readiness() -> None:
    if not READY["now"]:
        raise NotReady("the widget store is warming up")


UNAVAILABLE = Unavailable(
    errors=(StoreDown,),
    reason=lambda error: "The widget store is unavailable" if "refused" in str(error) else None,
)
TOOL = {"metrics_prefix": "widgets", "access_log": "widgets.requests"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("widgets")
    project(folder, SPEC, TOOL)
    return folder


@pytest.fixture(scope="module")
def client(folder: Path) -> Iterator[TestClient]:
    app = service(
        project(folder, SPEC, TOOL),
        FUNCTIONS,
        settings=ServiceSettings(validate_responses=True, log_format="plain", max_body_bytes=300),
        readiness=readiness,
        unavailable=UNAVAILABLE,
    )
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def test_the_spec_is_published_as_written_and_swagger_ui_is_at_ui(
    client: TestClient, folder: Path
) -> None:
    written = (folder / "spec" / "openapi.yaml").read_text()
    assert client.get("/openapi.yaml").text == written
    assert client.get("/openapi.json").json() == yaml.safe_load(written)
    assert "x-specfirst-scheme" not in client.get("/openapi.json").text
    ui = client.get("/ui/")
    assert ui.status_code == 200 and "swagger-ui" in ui.text
    assert ui.headers["content-security-policy"].startswith("default-src 'self'")
    assert_problem(client.get("/uix"), 404)


def test_an_operation_answers_and_gets_its_parsed_body(client: TestClient) -> None:
    body = {"name": "cog", "part": {"kind": "gear", "teeth": 12}}
    response = client.post("/widgets", json=body)
    assert response.status_code == 200 and response.json() == {"created": body}
    assert client.get("/widgets/W-1").json() == {"id": "W-1"}
    assert response.headers["x-content-type-options"] == "nosniff"
    assert (
        response.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    )


def test_validation_lists_every_error_with_its_pointer(client: TestClient) -> None:
    body = {"name": "a name too long", "part": {"kind": "rod", "length": "long"}, "colour": "red"}
    errors = assert_problem(client.post("/widgets", json=body), 400)["errors"]
    assert {e["pointer"] for e in errors} == {"/name", "/part/length", "/colour"}
    # The oneOf branch the tag (kind) picks is the one reported, not both.
    missing = assert_problem(
        client.post("/widgets", json={"name": "x", "part": {"kind": "gear"}}), 400
    )
    assert [e["pointer"] for e in missing["errors"]] == ["/part/teeth"]
    parameters = assert_problem(client.get("/widgets/nope?limit=0&colour=red"), 400)["errors"]
    assert {e["parameter"] for e in parameters} == {"id", "limit", "colour"}


def test_nul_characters_pass_unless_the_application_refuses_them(
    client: TestClient, folder: Path
) -> None:
    body = {"name": "a\u0000b", "part": {"kind": "gear", "teeth": 1}}
    assert client.post("/widgets", json=body).status_code == 200
    refusing = service(project(folder, SPEC, TOOL), FUNCTIONS, refuse_nul=True)
    with TestClient(refusing) as strict:
        errors = assert_problem(strict.post("/widgets", json=body), 422)["errors"]
        assert errors == [
            {"pointer": "/name", "detail": "must not contain the NUL character (U+0000)"}
        ]


def test_405_lists_the_methods_the_spec_declares(client: TestClient) -> None:
    response = client.put("/widgets/W-1")
    assert_problem(response, 405)
    assert response.headers["allow"] == "DELETE, GET"


def test_a_missing_handler_answers_501(client: TestClient) -> None:
    assert "todo" in assert_problem(client.get("/todo"), 501)["detail"]


def test_a_crash_is_a_500_problem_naming_the_request_id_without_the_trace(
    client: TestClient,
) -> None:
    response = client.get("/broken", headers={"X-Request-ID": "crash-1"})
    body = assert_problem(response, 500)
    assert "crash-1" in body["detail"] and "secret" not in response.text
    assert response.headers["x-request-id"] == "crash-1"


def test_the_applications_unavailable_errors_answer_503_with_retry_after(
    client: TestClient,
) -> None:
    response = client.get("/busy")
    body = assert_problem(response, 503)
    assert body["detail"] == "The widget store is unavailable. Retry in 5 seconds."
    assert response.headers["retry-after"] == "5"
    assert "db.internal" not in response.text


def test_readiness_is_the_applications_check(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ok"}
    READY["now"] = False
    try:
        response = client.get("/readyz")
        assert assert_problem(response, 503)["detail"] == "the widget store is warming up"
        assert response.headers["retry-after"] == "5"
        assert client.get("/healthz").status_code == 200  # alive all the same
    finally:
        READY["now"] = True


def test_guard_rails_answer_problems_before_the_body_is_read(client: TestClient) -> None:
    large = {"name": "x", "part": {"kind": "gear", "teeth": 1}, "pad": "y" * 400}
    assert "300 bytes" in assert_problem(client.post("/widgets", json=large), 413)["detail"]

    def chunks() -> Iterator[bytes]:
        yield b"{}"

    chunked = client.post(
        "/widgets", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_problem(chunked, 411)


def test_metrics_and_access_log_are_named_by_the_config(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="widgets.requests"):
        client.get("/widgets/W-7", headers={"X-Request-ID": "metrics-1"})
    [line] = [r for r in caplog.records if r.name == "widgets.requests"]
    assert getattr(line, "operation_id", None) == "getWidget"
    assert getattr(line, "request_id", None) == "metrics-1"
    scrape = client.get("/metrics").text
    assert 'widgets_requests_total{method="GET",operation_id="getWidget",status="200"}' in scrape
    assert "widgets_request_duration_seconds_bucket" in scrape


def test_what_lives_as_long_as_the_app_is_frozen_once_it_has_started() -> None:
    """After startup the heap is out of the collector's sight (gc.freeze), and the
    application's own lifespan still runs around it."""
    steps: list[str] = []

    @contextlib.asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        steps.append("started")
        yield
        steps.append("stopped")

    async def run() -> int:
        async with frozen_heap(lifespan)(None):
            return gc.get_freeze_count()

    gc.unfreeze()
    try:
        frozen = asyncio.run(run())
    finally:
        gc.unfreeze()
    assert frozen > 0
    assert steps == ["started", "stopped"]


@pytest.mark.parametrize("threads", [2, 6])
def test_at_most_the_configured_threads_run_handlers_at_once(folder: Path, threads: int) -> None:
    """``threads`` caps the handlers that block in the threadpool at once (the generated code's
    path, ``dispatch.call``); the requests past it wait for a thread and are answered too."""
    lock = threading.Lock()
    running = [0, 0]  # now, most at once

    def blocking() -> None:
        with lock:
            running[0] += 1
            running[1] = max(running)
        time.sleep(0.4)
        with lock:
            running[0] -= 1

    async def get_widget(request: ConnexionRequest) -> Response:
        await call(blocking, False)
        return json_response({"id": request.path_params["id"]})

    settings = ServiceSettings(log_format="plain", threads=threads)
    app = service(
        project(folder, SPEC, TOOL), {**FUNCTIONS, "getWidget": get_widget}, settings=settings
    )
    with TestClient(app) as client, ThreadPoolExecutor(6) as requests:
        statuses = list(requests.map(lambda i: client.get(f"/widgets/W-{i}").status_code, range(6)))
    assert statuses == [200] * 6
    assert running[1] == threads
