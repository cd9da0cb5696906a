"""Engine set-up, schema migrations, and what the service says about its database: ready or
not (/readyz), unavailable (503, retry) or broken (500)."""

from __future__ import annotations

import functools
import math
import sqlite3
import threading
from pathlib import Path
from typing import Any

import orjson
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy import exc as db
from sqlalchemy.engine import make_url

from specfirst.health import NotReady
from specfirst.problems import Unavailable

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
MIGRATION_LOCK = 0x6F72646572  # any constant shared by all processes of this service


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


# Order documents are JSON columns: orjson (de)serialises them several times faster.
JSON_CODEC = {"json_serializer": _dumps, "json_deserializer": orjson.loads}


def pool(threads: int) -> dict[str, Any]:
    """Requests run in the threadpool (``threads``: the service's setting), and each holds a
    connection while it runs; the seller's worker and the probes hold a few more. The pool keeps
    that many open: with fewer (SQLAlchemy's default of 5, plus 10 that are closed again on
    return) every burst past them opened and closed connections, which on SQLite re-ran the
    PRAGMAs below per request and on PostgreSQL forked a backend. LIFO hands out the most
    recently used connection: its page cache (SQLite) is the warmest."""
    kept = max(1, threads // 2)
    return {"pool_size": kept, "max_overflow": threads - kept + 4, "pool_use_lifo": True}


def make_engine(url: str, timeout: float = 30.0, threads: int = 40) -> Engine:
    """``timeout``: how long to wait for a connection (PostgreSQL) or the write lock (SQLite)
    before failing with an error the service answers as 503 (``UNAVAILABLE``); ``threads``:
    the requests that may hold a connection at once."""
    if make_url(url).get_backend_name() != "sqlite":
        # pre-ping replaces connections a database restart broke, so the service recovers.
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_timeout=timeout,
            connect_args={"connect_timeout": max(1, math.ceil(timeout))},
            **pool(threads),
            **JSON_CODEC,
        )
    # The threadpool serves requests, so connections cross threads; writers wait for the lock.
    in_memory = make_url(url).database in (None, "", ":memory:")
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": timeout, "factory": SqliteConnection},
        **({} if in_memory else pool(threads)),
        **JSON_CODEC,
    )
    _one_writer_at_a_time(engine, timeout)

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
        # FULL: each commit is fsynced to the WAL before it returns, so an order acknowledged
        # with a 2xx survives an OS crash or a power cut too. (NORMAL only survives a crash of
        # the process: the last commits could roll back at power loss.) It costs an fsync per
        # write, a few milliseconds on an SSD; reads are unaffected.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


class SqliteConnection(sqlite3.Connection):
    """sqlite3's connection, calling ``transaction_ended`` once its COMMIT or ROLLBACK is done.
    SQLAlchemy's commit event comes before the driver's commit: a writer turn given back there
    let the next writer start while SQLite still held its lock (the commit's fsync)."""

    def transaction_ended(self) -> None:
        """Set per connection when it connects (below)."""

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self.transaction_ended()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self.transaction_ended()


WRITING = "orders_api_writing"
TAKE_TURN = "orders_api_take_writer_turn"


def take_writer_turn(info: dict[str, Any]) -> None:
    """Before a write run on the driver's cursor, which SQLAlchemy's events do not see (``info``:
    its SQLAlchemy connection's): waits for this process's turn to write, as a write run by
    SQLAlchemy does (below); nothing where writers need no turns (PostgreSQL)."""
    take = info.get(TAKE_TURN)
    if take is not None:
        take(info)


def _one_writer_at_a_time(engine: Engine, timeout: float) -> None:
    """SQLite has one writer at a time. Threads of this process that want to write wait for
    each other on a lock, in turn, from their first INSERT/UPDATE/DELETE to the end of the
    transaction, instead of in SQLite's busy handler, which polls with sleeps of up to 100 ms
    and let some writers lose the race over and over (a p99 near a second for creates and
    patches under load, with the seller's worker writing beside the requests). Reads take no
    lock (WAL); pysqlite only opens a transaction at the first write, so no read snapshot can
    go stale while a writer waits. Other processes still meet at SQLite's lock."""
    lock = threading.Lock()

    def take(info: dict[str, Any]) -> None:
        if not info.get(WRITING):
            # Past the timeout the wait is left to SQLite's busy handler (the same timeout),
            # which then fails as the service's 503: a safety valve, never reached in normal
            # operation.
            info[WRITING] = lock.acquire(timeout=timeout)

    @event.listens_for(engine, "connect")
    def _writers_take_turns(dbapi_connection: Any, record: Any) -> None:
        record.info[TAKE_TURN] = take  # for the writes SQLAlchemy does not run
        # The turn is given back once SQLite has committed or rolled back, not before.
        dbapi_connection.transaction_ended = lambda: _release(record.info)

    @event.listens_for(engine, "before_cursor_execute")
    def _before_write(
        connection: Any, _cursor: Any, statement: str, *_args: Any, **_kwargs: Any
    ) -> None:
        if statement.lstrip()[:6].upper() not in ("SELECT", "PRAGMA"):
            take(connection.info)

    def _release(info: dict[str, Any]) -> None:
        if info.pop(WRITING, False):
            lock.release()

    # Belt and braces: a connection that goes back to the pool, or away, never keeps the lock.
    @event.listens_for(engine, "checkin")
    @event.listens_for(engine, "close")
    def _connection_end(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            _release(record.info)

    @event.listens_for(engine, "reset")
    def _connection_reset(_dbapi_connection: Any, record: Any, _state: Any) -> None:
        _release(record.info)

    @event.listens_for(engine, "invalidate")
    def _connection_invalid(_dbapi_connection: Any, record: Any, _error: Any) -> None:
        _release(record.info)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


# Alembic's `op` and `context` are process-wide proxies: two threads migrating at once (two
# databases, say) would clear each other's. One migration at a time per process.
_MIGRATING = threading.Lock()


def migrate(engine: Engine) -> None:
    """Brings the database schema to the newest migration."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with _MIGRATING, engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Several workers may start at once: one migrates, the others wait and find it done.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@functools.cache
def newest_migrations() -> frozenset[str]:
    return frozenset(ScriptDirectory(str(MIGRATIONS)).get_heads())


def check_database(engine: Engine) -> None:
    """The service's readiness: raises NotReady unless the database answers ``SELECT 1`` and
    has the newest schema."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            current = frozenset(MigrationContext.configure(connection).get_current_heads())
    except Exception as error:
        # The driver's message may name hosts or users; its class says enough.
        raise NotReady(f"the database does not answer ({type(error).__name__})") from error
    newest = newest_migrations()
    if current != newest:
        found = ", ".join(sorted(current)) or "no schema"
        raise NotReady(
            f"the database schema is at {found}, the service needs {', '.join(sorted(newest))}"
            " (run `orders-api db upgrade`)"
        )


def database_unavailable(error: BaseException) -> bool:
    """Whether ``error`` says the database cannot serve now (down or restarting, connection
    lost, SQLite's lock held past the timeout, no pooled connection free in time): the client
    is not at fault and retrying later can succeed. Other database errors are bugs (500)."""
    if isinstance(error, db.TimeoutError):
        return True
    return isinstance(error, db.DBAPIError) and (
        error.connection_invalidated or isinstance(error, db.OperationalError | db.InterfaceError)
    )


def unavailable_reason(error: BaseException) -> str:
    """The driver's error class: says what happened without hosts, users or SQL."""
    cause = error.orig if isinstance(error, db.DBAPIError) and error.orig is not None else error
    return f"{type(cause).__module__.split('.')[0]}.{type(cause).__name__}"


def _unavailable(error: BaseException) -> str | None:
    if not database_unavailable(error):
        return None
    return f"The database is unavailable ({unavailable_reason(error)})"


# The database down, restarting, locked or out of connections: 503, the client retries.
UNAVAILABLE = Unavailable(errors=(db.DBAPIError, db.TimeoutError), reason=_unavailable)
