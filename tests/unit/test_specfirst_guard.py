"""specfirst.guard: requests refused before their body is read, by their headers alone."""

from __future__ import annotations

import json

from starlette.datastructures import Headers

from specfirst.guard import Guard


async def never_called(scope: object, receive: object, send: object) -> None:
    raise AssertionError("the request reached the app")


GUARD = Guard(never_called, max_body_bytes=10)


def test_a_body_over_the_limit_is_413() -> None:
    refusal = GUARD.refusal(Headers({"content-length": "11"}))
    assert refusal is not None and refusal.status_code == 413
    assert json.loads(bytes(refusal.body))["detail"] == "the request body is larger than 10 bytes"
    assert GUARD.refusal(Headers({"content-length": "10"})) is None


def test_a_chunked_body_is_411() -> None:
    refusal = GUARD.refusal(Headers({"transfer-encoding": "Chunked"}))
    assert refusal is not None and refusal.status_code == 411
    assert refusal.media_type == "application/problem+json"


def test_a_request_without_a_body_passes() -> None:
    assert GUARD.refusal(Headers({})) is None
