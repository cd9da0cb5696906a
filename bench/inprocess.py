"""``python -m bench.inprocess OPERATION``: the CPU one request costs inside an app, without
HTTP, the network or the load generator: the ASGI app is called directly, many times, and the
process's CPU time per request is reported (best and median of 5 batches). ``--inline`` runs
the handlers' threadpool calls in the event loop's thread, so that ``--profile`` (cProfile)
sees all of a request's work; ``--app`` measures one of the bench's reference apps instead.
``--framework-only`` replays the domain's answers (each call of the methods the four
operations use returns what its first call returned, nothing more is read or written), so what
is left is the web framework's own cost: routing, tokens, validation, serialization.
``--split`` measures each of ``--apps`` both ways, in turns within one process for ``--rounds``
rounds: the difference is the domain's and storage's share, which no framework can make
cheaper; for a write it prints how far ahead of FastAPI a framework that cost nothing could be.

    .venv/bin/python -m bench.inprocess get --inline --profile    # where a GET's time goes
    .venv/bin/python -m bench.inprocess post --framework-only     # the framework's part of it
    .venv/bin/python -m bench.inprocess post --inline --split     # us and FastAPI, both ways

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
import statistics
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
# The operations for which the service and FastAPI make the same domain call (the reads differ:
# the service reads stored JSON, FastAPI documents it validates).
WRITES = ("post", "patch")


class Replay:
    """While ``on``, each of the REPLAYED methods of Orders answers every call with the answer
    of its first call made while on; while off, they run as written."""

    def __init__(self) -> None:
        self.on = False
        self._kept: dict[str, Any] = {}

    def install(self) -> None:
        from app.domain.orders import Orders

        for name in REPLAYED:
            setattr(Orders, name, self._replaying(name, getattr(Orders, name)))

    def _replaying(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def replayed(*args: Any, **kwargs: Any) -> Any:
            if not self.on:
                return method(*args, **kwargs)
            if name not in self._kept:
                self._kept[name] = method(*args, **kwargs)
            return self._kept[name]

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
    if app_name == "sqlmodel":
        from bench import sqlmodel_app

        return sqlmodel_app.create_app(), secret, engine
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


async def prepared(app_name: str, operation: str) -> tuple[Call, Engine]:
    """``operation``'s request to a new ``app_name`` app, after 61 orders were created through
    it and 50 requests checked that it succeeds; the engine of its database."""
    app, token, engine = build(app_name)
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
    request = operations[operation]
    await warmed(request)
    return request, engine


async def warmed(request: Call, count: int = 50) -> None:
    for _ in range(count):  # a warm-up, and a check that the request succeeds
        status, body = await request()
        assert status in (200, 201), body[:300]


async def cpu_per_request(request: Call, count: int) -> float:
    """The process's CPU time per request over ``count`` requests, in µs."""
    started = time.process_time()
    for _ in range(count):
        await request()
    return (time.process_time() - started) / count * 1e6


async def measure(args: argparse.Namespace) -> None:
    replay = Replay()
    replay.install()
    request, engine = await prepared(args.app, args.operation)
    if args.framework_only:
        replay.on = True
        await warmed(request)  # the replayed answers are taken here, before the batches
    stored = stored_orders(engine)
    batches = sorted([await cpu_per_request(request, args.requests // 5) for _ in range(5)])
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


async def split(args: argparse.Namespace) -> None:
    """``--split``: each app's whole request and its framework's part (the domain replayed), in
    turns within one process, so that a slow spell of the machine falls on all of them."""
    apps = args.apps.split(",")
    replay = Replay()
    replay.install()
    prepared_apps = {app: await prepared(app, args.operation) for app in apps}
    requests = {app: request for app, (request, _) in prepared_apps.items()}
    engine = prepared_apps[apps[0]][1]
    whole: dict[str, list[float]] = {app: [] for app in apps}
    framework: dict[str, list[float]] = {app: [] for app in apps}
    written = 0
    for _ in range(args.rounds):
        for app in apps:
            for replayed, into in ((False, whole), (True, framework)):
                replay.on = replayed
                await warmed(requests[app], 10)
                stored = stored_orders(engine)
                into[app].append(await cpu_per_request(requests[app], args.requests // 5))
                if replayed:
                    written += stored_orders(engine) - stored
    print(split_report(args.operation, args.rounds, whole, framework, written))


def split_report(
    operation: str,
    rounds: int,
    whole: dict[str, list[float]],
    framework: dict[str, list[float]],
    written: int,
) -> str:
    """Each app's median whole request, framework part and the rest (the domain and storage);
    with us and FastAPI, FastAPI / us, and for a write, where both make the same domain call,
    the most it could be were our framework free: FastAPI's whole over our rest. A ratio is
    the median of the rounds' ratios."""
    lines = [f"{operation}, CPU µs per request, median of {rounds} rounds:"]
    rest = {app: [w - f for w, f in zip(whole[app], framework[app], strict=True)] for app in whole}
    for app in whole:
        lines.append(
            f"  {app}: {statistics.median(whole[app]):.0f} whole, "
            f"{statistics.median(framework[app]):.0f} framework only, "
            f"{statistics.median(rest[app]):.0f} the rest (domain and storage)"
        )
    if "us" in whole and "fastapi" in whole:
        ratio = statistics.median(f / u for f, u in zip(whole["fastapi"], whole["us"], strict=True))
        lines.append(f"  fastapi / us: {ratio:.2f}")
        if operation in WRITES:
            bound = statistics.median(
                f / r for f, r in zip(whole["fastapi"], rest["us"], strict=True)
            )
            lines[-1] += f"; with a framework that cost nothing at most {bound:.2f}"
    lines.append(f"  orders written while the domain was replayed: {written}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("operation", choices=["get", "post", "list", "patch"])
    parser.add_argument(
        "--app", choices=["us", "sqlmodel", "fastapi", "orm", "ceiling"], default="us"
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--inline", action="store_true", help="no threadpool hop (see above)")
    parser.add_argument(
        "--framework-only", action="store_true", help="replay the domain's answers (see above)"
    )
    parser.add_argument(
        "--split",
        action="store_true",
        help="whole and framework-only requests of each of --apps, in turns (see above)",
    )
    parser.add_argument("--apps", default="us,fastapi", help="with --split (us, fastapi, orm)")
    parser.add_argument("--rounds", type=int, default=9, help="with --split")
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
        asyncio.run(split(args) if args.split else measure(args))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
