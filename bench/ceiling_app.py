"""The physical ceiling: the four benchmarked operations on the driver alone (``sqlite3`` or
psycopg), in a bare Starlette app. No ORM, no models, no validation, no token check: a read
returns the stored bytes as they are; a write parses the body with orjson and stores the same
rows as the service (the order and its revision, in one transaction, durable as the service's:
SQLite ``synchronous=FULL``, a PostgreSQL commit), the JSON it returns stored as the order's
canonical JSON. What the service does beyond this is the
cost of being an API: routing from the spec, tokens, validation, problems, metrics.

SQLite: reads run on the event loop (a read of a cached page is a few microseconds); writes run
on one writer thread with its own connection, since SQLite takes one writer at a time anyway,
so the loop serves other requests during the fsync. PostgreSQL: a queue of async connections in
autocommit, so a write that is one statement is one round trip; psycopg prepares statements
that repeat.

``uvicorn --factory bench.ceiling_app:create_app`` (ORDERS_DATABASE_URL as for the service).
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import json_merge_patch
import orjson
from sqlalchemy.engine import make_url
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.domain.lifecycle import INITIAL
from app.domain.time import parse_instant
from app.settings import Settings

SELLER_FIELDS = ("objectType", "id", "link", "orderStatus")
CONNECTIONS = 16
JSON = "application/json"
Handler = Callable[[Request], Awaitable[Response]]


def missing(order_id: str) -> Response:
    body = {"type": "about:blank", "title": "Not Found", "status": 404, "detail": order_id}
    return Response(orjson.dumps(body), 404, media_type="application/problem+json")


def envelope(href: str, available: int, items: list[str]) -> bytes:
    """A list page: the stored documents joined into the envelope, never parsed."""
    head = orjson.dumps({"link": {"href": href}, "available": available, "returned": len(items)})
    return b"".join([head[:-1], b',"items":[', ",".join(items).encode(), b"]}"])


def new_order(request: dict[str, Any], href: Callable[[str], str]) -> dict[str, Any]:
    order_id = f"ORD-{secrets.token_hex(10).upper()}"
    own = {k: v for k, v in request.items() if k not in SELLER_FIELDS}
    return {
        "objectType": "order",
        "id": order_id,
        "link": {"href": href(order_id)},
        "orderStatus": INITIAL.value,
        **own,
    }


def patched(document: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    own = {k: v for k, v in document.items() if k not in SELLER_FIELDS}
    merged = json_merge_patch.merge(own, patch)
    return {**{k: document[k] for k in SELLER_FIELDS if k in document}, **merged}


def columns(document: dict[str, Any]) -> tuple[Any, ...]:
    return (
        document["buyerId"],
        document["buyerPurchaseOrderNumber"],
        document["buyerOrderVersion"],
        document["orderStatus"],
        document["orderType"],
        parse_instant(document["orderDate"]).astimezone(UTC),
    )


class SqliteStore:
    """Reads on the loop's connection, writes on one writer thread's."""

    def __init__(self, path: str) -> None:
        self.reader = self._connect(path)
        self.writer_pool = ThreadPoolExecutor(1, thread_name_prefix="ceiling-writer")
        self.writer: sqlite3.Connection | None = None
        self.path = path

    @staticmethod
    def _connect(path: str) -> sqlite3.Connection:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
        return connection

    @staticmethod
    def _at(value: datetime) -> str:
        # As SQLAlchemy stores a datetime in SQLite (naive UTC text).
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

    async def get(self, order_id: str) -> tuple[int, str] | None:
        row = self.reader.execute(
            "SELECT revision, canonical FROM orders WHERE id = ?", (order_id,)
        ).fetchone()
        return None if row is None else (row[0], row[1])

    async def page(self, buyer_id: str, limit: int, offset: int) -> tuple[int, list[str]]:
        available = self.reader.execute(
            "SELECT count(*) FROM orders WHERE buyer_id = ?", (buyer_id,)
        ).fetchone()[0]
        rows = self.reader.execute(
            "SELECT canonical FROM orders WHERE buyer_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?",
            (buyer_id, limit, offset),
        ).fetchall()
        return available, [r[0] for r in rows]

    async def _write(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        def run() -> Any:
            if self.writer is None:
                self.writer = self._connect(self.path)
            connection = self.writer
            connection.execute("BEGIN IMMEDIATE")
            try:
                result = work(connection)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
            return result

        return await asyncio.get_running_loop().run_in_executor(self.writer_pool, run)

    async def insert(self, document: dict[str, Any]) -> bytes:
        text = orjson.dumps(document)
        at = self._at(datetime.now(UTC))
        *queried, order_date = columns(document)

        def work(connection: sqlite3.Connection) -> None:
            cursor = connection.execute(
                "INSERT INTO orders (id, buyer_id, pon, buyer_order_version, order_status,"
                " order_type, order_date, revision, needs_processing, created_at, updated_at,"
                " canonical) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?)",
                (document["id"], *queried, self._at(order_date), at, at, text.decode()),
            )
            connection.execute(
                "INSERT INTO order_revisions (order_seq, revision, recorded_at, document)"
                " VALUES (?, 1, ?, ?)",
                (cursor.lastrowid, at, text.decode()),
            )

        await self._write(work)
        return text

    async def patch(self, order_id: str, patch: dict[str, Any]) -> tuple[int, bytes] | None:
        at = self._at(datetime.now(UTC))

        def work(connection: sqlite3.Connection) -> tuple[int, bytes] | None:
            row = connection.execute(
                "SELECT seq, revision, canonical FROM orders WHERE id = ?", (order_id,)
            ).fetchone()
            if row is None:
                return None
            seq, revision, stored = row
            document = patched(orjson.loads(stored), patch)
            text = orjson.dumps(document)
            *queried, order_date = columns(document)
            connection.execute(
                "UPDATE orders SET buyer_id = ?, pon = ?, buyer_order_version = ?,"
                " order_status = ?, order_type = ?, order_date = ?, revision = ?,"
                " needs_processing = 1, updated_at = ?, canonical = ? WHERE seq = ?",
                (*queried, self._at(order_date), revision + 1, at, text.decode(), seq),
            )
            connection.execute(
                "INSERT INTO order_revisions (order_seq, revision, recorded_at, document)"
                " VALUES (?, ?, ?, ?)",
                (seq, revision + 1, at, text.decode()),
            )
            return revision + 1, text

        result: tuple[int, bytes] | None = await self._write(work)
        return result

    async def close(self) -> None:
        self.writer_pool.shutdown()
        self.reader.close()
        if self.writer is not None:
            self.writer.close()


class PostgresStore:
    """Async psycopg connections in autocommit, taken from a queue for each request."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.idle: asyncio.Queue[Any] = asyncio.Queue()

    async def open(self) -> None:
        import psycopg

        for _ in range(CONNECTIONS):
            self.idle.put_nowait(await psycopg.AsyncConnection.connect(self.url, autocommit=True))

    @contextlib.asynccontextmanager
    async def connection(self) -> AsyncIterator[Any]:
        connection = await self.idle.get()
        try:
            yield connection
        finally:
            self.idle.put_nowait(connection)

    async def get(self, order_id: str) -> tuple[int, str] | None:
        async with self.connection() as connection:
            cursor = await connection.execute(
                "SELECT revision, canonical FROM orders WHERE id = %s", (order_id,)
            )
            row = await cursor.fetchone()
        return None if row is None else (row[0], row[1])

    async def page(self, buyer_id: str, limit: int, offset: int) -> tuple[int, list[str]]:
        async with self.connection() as connection:
            cursor = await connection.execute(
                "SELECT count(*) OVER (), canonical FROM orders WHERE buyer_id = %s"
                " ORDER BY seq DESC LIMIT %s OFFSET %s",
                (buyer_id, limit, offset),
            )
            rows = await cursor.fetchall()
            if not rows:
                cursor = await connection.execute(
                    "SELECT count(*) FROM orders WHERE buyer_id = %s", (buyer_id,)
                )
                return (await cursor.fetchone())[0], []
        return rows[0][0], [r[1] for r in rows]

    async def insert(self, document: dict[str, Any]) -> bytes:
        text = orjson.dumps(document).decode()
        at = datetime.now(UTC)
        async with self.connection() as connection:
            # One statement, so one round trip and one transaction (autocommit).
            await connection.execute(
                "WITH o AS (INSERT INTO orders (id, buyer_id, pon, buyer_order_version,"
                " order_status, order_type, order_date, revision, needs_processing, created_at,"
                " updated_at, canonical) VALUES (%s, %s, %s, %s, %s, %s, %s, 1, true,"
                " %s, %s, %s) RETURNING seq)"
                " INSERT INTO order_revisions (order_seq, revision, recorded_at, document)"
                " SELECT seq, 1, %s, %s::jsonb FROM o",
                (document["id"], *columns(document), at, at, text, at, text),
            )
        return text.encode()

    async def patch(self, order_id: str, patch: dict[str, Any]) -> tuple[int, bytes] | None:
        at = datetime.now(UTC)
        async with self.connection() as connection:
            # As the service: the UPDATE only matches the revision read, else read again.
            for _ in range(20):
                cursor = await connection.execute(
                    "SELECT seq, revision, canonical FROM orders WHERE id = %s", (order_id,)
                )
                row = await cursor.fetchone()
                if row is None:
                    return None
                seq, revision, stored = row
                document = patched(orjson.loads(stored), patch)
                text = orjson.dumps(document).decode()
                cursor = await connection.execute(
                    "WITH o AS (UPDATE orders SET buyer_id = %s, pon = %s,"
                    " buyer_order_version = %s, order_status = %s, order_type = %s,"
                    " order_date = %s, revision = %s, needs_processing = true, updated_at = %s,"
                    " canonical = %s WHERE seq = %s AND revision = %s RETURNING seq, revision)"
                    " INSERT INTO order_revisions (order_seq, revision, recorded_at, document)"
                    " SELECT seq, revision, %s, %s::jsonb FROM o",
                    (*columns(document), revision + 1, at, text, seq, revision, at, text),
                )
                if cursor.rowcount == 1:
                    return revision + 1, text.encode()
        raise RuntimeError(f"order {order_id} is being changed by other requests")

    async def close(self) -> None:
        while not self.idle.empty():
            await self.idle.get_nowait().close()


def create_app() -> Starlette:
    settings = Settings()
    public = settings.public_url.rstrip("/")
    url = make_url(settings.database_url)
    store: SqliteStore | PostgresStore
    if url.get_backend_name() == "sqlite":
        store = SqliteStore(str(url.database))
    else:
        store = PostgresStore(url.set(drivername="postgresql").render_as_string(False))

    def href(order_id: str) -> str:
        return f"{public}/orders/{order_id}"

    def order(revision: int, body: bytes, status: int = 200) -> Response:
        return Response(body, status, {"ETag": f'"{revision}"'}, JSON)

    async def get_order(request: Request) -> Response:
        order_id = request.path_params["id"]
        found = await store.get(order_id)
        return missing(order_id) if found is None else order(found[0], found[1].encode())

    async def list_orders(request: Request) -> Response:
        query = request.query_params
        buyer_id = query["buyerId"]
        limit, offset = int(query.get("limit", 50)), int(query.get("offset", 0))
        available, items = await store.page(buyer_id, limit, offset)
        parameters = {"buyerId": buyer_id, "limit": limit, "offset": offset}
        body = envelope(f"{public}/orders?{urlencode(parameters)}", available, items)
        return Response(body, media_type=JSON)

    async def create_order(request: Request) -> Response:
        document = new_order(orjson.loads(await request.body()), href)
        body = await store.insert(document)
        response = order(1, body, 201)
        response.headers["Location"] = document["link"]["href"]
        return response

    async def patch_order(request: Request) -> Response:
        order_id = request.path_params["id"]
        done = await store.patch(order_id, orjson.loads(await request.body()))
        return missing(order_id) if done is None else order(*done)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        if isinstance(store, PostgresStore):
            await store.open()
        yield
        await store.close()

    return Starlette(
        routes=[
            Route("/orders/{id}", get_order, methods=["GET"]),
            Route("/orders/{id}", patch_order, methods=["PATCH"]),
            Route("/orders", list_orders, methods=["GET"]),
            Route("/orders", create_order, methods=["POST"]),
        ],
        lifespan=lifespan,
    )
