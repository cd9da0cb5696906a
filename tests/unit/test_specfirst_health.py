"""specfirst.health: readiness is the application's check, within a time limit."""

from __future__ import annotations

import asyncio
import json
import time

from specfirst.health import NotReady, Readiness, readiness_answer


def answer(
    readiness: Readiness | None, timeout: float = 5.0
) -> tuple[int, dict[str, str], dict[str, object]]:
    response = asyncio.run(readiness_answer(readiness, timeout))
    return response.status_code, dict(response.headers), json.loads(bytes(response.body))


def test_without_a_check_ready_means_alive() -> None:
    assert answer(None)[0] == 200


def test_a_check_that_raises_not_ready_is_a_503_saying_why() -> None:
    def check() -> None:
        raise NotReady("the store is at schema 3, the service needs 4")

    status, headers, body = answer(check)
    assert status == 503 and headers["retry-after"] == "5"
    assert headers["content-type"] == "application/problem+json"
    assert body["detail"] == "the store is at schema 3, the service needs 4"


def test_a_check_that_takes_too_long_is_not_ready() -> None:
    def slow() -> None:
        time.sleep(1)

    status, _, body = answer(slow, timeout=0.05)
    assert status == 503
    assert body["detail"] == "the readiness check did not answer within 0.05 s"
