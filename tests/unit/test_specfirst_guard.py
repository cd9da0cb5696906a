"""specfirst.guard: requests refused before their body is read, by their headers alone."""

from __future__ import annotations

import json

from starlette.datastructures import Headers
from starlette.testclient import TestClient
from starlette.types import Send

from specfirst.guard import API_CSP, UI_CSP, Guard
from specfirst.routes import UI_PATH


async def never_called(scope: object, receive: object, send: object) -> None:
    raise AssertionError("the request reached the app")


GUARD = Guard(never_called, max_body_bytes=10)


def test_a_body_over_the_limit_is_413() -> None:
    refusal = GUARD.refusal(Headers({"content-length": "11"}).raw)
    assert refusal is not None and refusal.status_code == 413
    assert json.loads(bytes(refusal.body))["detail"] == "the request body is larger than 10 bytes"
    assert GUARD.refusal(Headers({"content-length": "10"}).raw) is None


def test_a_chunked_body_is_411() -> None:
    refusal = GUARD.refusal(Headers({"transfer-encoding": "Chunked"}).raw)
    assert refusal is not None and refusal.status_code == 411
    assert refusal.media_type == "application/problem+json"


def test_a_request_without_a_body_passes() -> None:
    assert GUARD.refusal(Headers({}).raw) is None


def test_the_first_of_a_repeated_header_counts() -> None:
    over = GUARD.refusal([(b"content-length", b"11"), (b"content-length", b"1")])
    assert over is not None and over.status_code == 413
    assert GUARD.refusal([(b"content-length", b"1"), (b"content-length", b"11")]) is None
    plain = [(b"transfer-encoding", b"gzip"), (b"transfer-encoding", b"chunked")]
    assert GUARD.refusal(plain) is None


async def _answer(scope: object, receive: object, send: Send) -> None:
    # An app that sets one of the guarded headers itself, in its own case.
    headers = [(b"content-type", b"application/json"), (b"Cache-Control", b"max-age=60")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"{}"})


def test_every_response_gets_the_security_headers_it_does_not_set_itself() -> None:
    client = TestClient(Guard(_answer, max_body_bytes=10))
    api = client.get("/orders")
    ui = client.get(f"{UI_PATH}/")
    for response in (api, ui):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers.get_list("Cache-Control") == ["max-age=60"]  # the app's own
    assert api.headers["Content-Security-Policy"] == API_CSP
    assert ui.headers["Content-Security-Policy"] == UI_CSP
