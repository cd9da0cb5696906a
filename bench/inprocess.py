"""``python -m bench.inprocess OPERATION``: the CPU one request costs inside an app, without
HTTP, the network or the load generator: the ASGI app is called directly, many times, and the
process's CPU time per request is reported (best and median of 5 batches). ``--inline`` runs
the handlers' threadpool calls in the event loop's thread, so that ``--profile`` (cProfile)
sees all of a request's work; ``--app`` measures one of the bench's reference apps instead.
``--framework-only`` replays the domain's answers (each call of the methods the four
operations use returns what its first call returned, nothing more is read or written), so what
is left is the web framework's own cost: routing, tokens, validation, serialization.

    .venv/bin/python -m bench.inprocess get --inline --profile    # where a GET's time goes
    .venv/bin/python -m bench.inprocess post --framework-only     # the framework's part of it

The database is a new SQLite file unless ORDERS_DATABASE_URL is set. This is for finding costs;
the figures to compare apps by are ``nox -s bench``'s.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import itertools
import json
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

ROOT = Path(__file__).resolve().parent.parent
ORDER = json.loads((ROOT / "docs" / "examples" / "order.json").read_text())
Call = Callable[[], Awaitable[tuple[int, bytes]]]


def inline_threadpool() -> None:
    """Starlette's run_in_threadpool, as the service and FastAPI use it, runs in the caller."""
    import fastapi.dependencies.utils
    import fastapi.routing
    import starlette.concurrency

    import specfirst.dispatch

    async def inline(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    for module in (
        starlette.concurrency,
        specfirst.dispatch,
        fastapi.routing,
        fastapi.dependencies.utils,
    ):
        module.run_in_threadpool = inline  # type: ignore[attr-defined]


# The methods of the domain's Orders that the service and the references call for the four
# operations (the service reads JSON, the references documents).
REPLAYED = ("get", "get_json", "page", "page_json", "create", "patch")


def replay_domain() -> None:
    """Each of the REPLAYED methods of Orders answers every call with its first answer."""
    from app.domain.orders import Orders

    for name in REPLAYED:
        setattr(Orders, name, replaying(getattr(Orders, name)))


def replaying(method: Callable[..., Any]) -> Callable[..., Any]:
    kept: list[Any] = []

    def replayed(*args: Any, **kwargs: Any) -> Any:
        if not kept:
            kept.append(method(*args, **kwargs))
        return kept[0]

    return replayed


def stored_orders(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM orders")).scalar_one())


def build(app_name: str) -> tuple[Any, str, Engine]:
    """(ASGI app, a buyer token for it, the engine of its database)."""
    from app.settings import Settings
    from app.storage.database import make_engine, migrate
    from app.storage.tokens import TokenStore

    settings = Settings()
    engine = make_engine(settings.database_url)
    migrate(engine)
    _, secret = TokenStore(engine).issue(ORDER["buyerId"], "buyer")
    if app_name == "us":
        from app.main import create_app

        return create_app(settings), secret, engine
    if app_name == "fastapi":
        from bench import fastapi_app

        return fastapi_app.create_app(), secret, engine
    if app_name == "ceiling":
        from bench import ceiling_app

        return ceiling_app.create_app(), secret, engine
    from bench import orm_app

    return orm_app.create_app(), secret, engine


def caller(app: Any, token: str) -> Callable[..., Awaitable[tuple[int, bytes]]]:
    async def call(
        method: str,
        path: str,
        query: bytes = b"",
        body: Any = None,
        media: str = "application/json",
    ) -> tuple[int, bytes]:
        raw = b"" if body is None else json.dumps(body).encode()
        headers = [(b"host", b"localhost"), (b"authorization", f"Bearer {token}".encode())]
        if body is not None:
            headers += [(b"content-type", media.encode()), (b"content-length", b"%d" % len(raw))]
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
            "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": query,
            "root_path": "", "headers": headers, "client": ("127.0.0.1", 1),
            "server": ("localhost", 80),
        }  # fmt: skip
        messages = [{"type": "http.request", "body": raw, "more_body": False}]

        async def receive() -> dict[str, Any]:
            if messages:
                return messages.pop()
            await asyncio.sleep(3600)
            raise AssertionError("unreachable")

        status, chunks = 0, []

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            else:
                chunks.append(message.get("body", b""))

        await app(scope, receive, send)
        return status, b"".join(chunks)

    return call


async def measure(args: argparse.Namespace) -> None:
    app, token, engine = build(args.app)
    call = caller(app, token)
    numbers = itertools.count()

    def new_order() -> dict[str, Any]:
        return {**ORDER, "buyerPurchaseOrderNumber": f"PON-{time.time_ns()}-{next(numbers)}"}

    status, body = await call("POST", "/orders", body=new_order())
    assert status == 201, body
    order_id = json.loads(body)["id"]
    for _ in range(60):
        await call("POST", "/orders", body=new_order())
    operations: dict[str, Call] = {
        "get": lambda: call("GET", f"/orders/{order_id}"),
        "post": lambda: call("POST", "/orders", body=new_order()),
        "list": lambda: call(
            "GET", "/orders", query=f"buyerId={ORDER['buyerId']}&limit=50".encode()
        ),
        "patch": lambda: call(
            "PATCH",
            f"/orders/{order_id}",
            body={"notes": f"note {next(numbers)}"},
            media="application/merge-patch+json",
        ),
    }
    request = operations[args.operation]
    if args.framework_only:
        replay_domain()
    for _ in range(50):  # warm-up, and a check that the request succeeds
        status, body = await request()
        assert status in (200, 201), body[:300]
    stored = stored_orders(engine)
    batches = []
    for _ in range(5):
        started = time.process_time()
        for _ in range(args.requests // 5):
            await request()
        batches.append((time.process_time() - started) / (args.requests // 5) * 1e6)
    batches.sort()
    part = " (framework only)" if args.framework_only else ""
    written = stored_orders(engine) - stored
    print(
        f"{args.app} {args.operation}{part}: {batches[0]:.0f} µs CPU/request "
        f"(median {batches[2]:.0f}); orders written while measured: {written}"
    )
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.requests):
            await request()
        profile.disable()
        pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("operation", choices=["get", "post", "list", "patch"])
    parser.add_argument("--app", choices=["us", "fastapi", "orm", "ceiling"], default="us")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--inline", action="store_true", help="no threadpool hop (see above)")
    parser.add_argument(
        "--framework-only", action="store_true", help="replay the domain's answers (see above)"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the requests after")
    parser.add_argument("--sort", default="tottime", help="pstats order (tottime, cumtime)")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    os.environ.setdefault("ORDERS_LOG_LEVEL", "WARNING")
    os.environ["ORDERS_WORKER"] = "false"
    with tempfile.TemporaryDirectory() as directory:
        os.environ.setdefault("ORDERS_DATABASE_URL", f"sqlite:///{directory}/inprocess.db")
        if args.inline:
            inline_threadpool()
        asyncio.run(measure(args))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
