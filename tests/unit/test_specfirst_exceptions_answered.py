"""specfirst.connexion_overrides.ExceptionsAnswered: every request answered as Connexion's own
exception middleware answers it (problems, HTTP exceptions, handlers of the application, a
crash, an exception after the response started), and it is the one in the service's stack."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from connexion.exceptions import ProblemException
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from connexion.middleware.exceptions import ExceptionMiddleware
from starlette.exceptions import HTTPException
from starlette.types import Message, Receive, Scope, Send

from specfirst.connexion_overrides import ExceptionsAnswered, middlewares

Raised = Callable[[], Exception]


class Teapot(Exception):
    pass


class SmallTeapot(Teapot):
    pass


def failing(error: Raised | None, *, after_start: bool = False) -> Callable[..., Awaitable[None]]:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await send({"type": "lifespan.startup.complete"})
            return
        if after_start:
            await send({"type": "http.response.start", "status": 200, "headers": []})
        if error is not None:
            raise error()
        await send({"type": "http.response.start", "status": 200, "headers": [(b"a", b"b")]})
        await send({"type": "http.response.body", "body": b"fine"})

    return app


def teapot(_request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    return ConnexionResponse(status_code=418, body=f"teapot: {type(error).__name__}")


async def sync_or_async_teapot(request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    return teapot(request, error)


CASES: dict[str, Raised | None] = {
    "no error": None,
    "a problem": lambda: ProblemException(status=409, title="Conflict", detail="taken"),
    "an HTTP exception": lambda: HTTPException(404, "nothing here"),
    "an HTTP exception with a status handler": lambda: HTTPException(402, "pay"),
    "an HTTP exception without a body": lambda: HTTPException(304),
    "the application's handler": lambda: Teapot("hot"),
    "the handler of a base class": lambda: SmallTeapot("short"),
    "anything else": lambda: KeyError("boom"),
}


def answer(middleware: Any, scope: Scope) -> list[Message]:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(middleware(scope, receive, send))
    return sent


def http(path: str = "/x") -> Scope:
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": [(b"host", b"test")], "client": ("127.0.0.1", 1),
        "server": ("test", 80),
    }  # fmt: skip


def both(app: Callable[..., Awaitable[None]]) -> tuple[Any, Any]:
    made = []
    for kind in (ExceptionMiddleware, ExceptionsAnswered):
        middleware = kind(app)
        middleware.add_exception_handler(Teapot, teapot)
        middleware.add_exception_handler(402, sync_or_async_teapot)
        made.append(middleware)
    return made[0], made[1]


@pytest.mark.parametrize("case", list(CASES))
def test_each_request_is_answered_as_connexion_answers_it(case: str) -> None:
    connexions, ours = both(failing(CASES[case]))
    expected = answer(connexions, http())
    assert answer(ours, http()) == expected
    assert (
        expected[0]["status"]
        == {
            "no error": 200,
            "a problem": 409,
            "an HTTP exception": 404,
            "an HTTP exception with a status handler": 418,
            "an HTTP exception without a body": 304,
            "the application's handler": 418,
            "the handler of a base class": 418,
            "anything else": 500,
        }[case]
    )


def test_an_exception_after_the_response_started_is_raised_as_connexion_raises_it() -> None:
    for middleware in both(failing(lambda: KeyError("late"), after_start=True)):
        with pytest.raises(RuntimeError, match="response already started") as raised:
            answer(middleware, http())
        assert isinstance(raised.value.__cause__, KeyError)


def test_other_traffic_passes_through() -> None:
    for middleware in both(failing(lambda: KeyError("never"))):
        assert answer(middleware, {"type": "lifespan"}) == [{"type": "lifespan.startup.complete"}]


def test_it_takes_the_place_of_connexions_exception_middleware() -> None:
    stack = middlewares()
    assert ExceptionsAnswered in stack and ExceptionMiddleware not in stack
