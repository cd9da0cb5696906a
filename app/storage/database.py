"""Engine set-up and schema migrations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
MIGRATION_LOCK = 0x6F72646572  # any constant shared by all processes of this service


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


# Order documents are JSON columns: orjson (de)serialises them several times faster.
JSON_CODEC = {"json_serializer": _dumps, "json_deserializer": orjson.loads}


# Requests run in the threadpool (anyio's default: 40 threads), and each holds a connection
# while it runs. The pool keeps that many open: with fewer (SQLAlchemy's default of 5, plus 10
# that are closed again on return) every burst past them opened and closed connections, which
# on SQLite re-ran the PRAGMAs below per request and on PostgreSQL forked a backend. LIFO hands
# out the most recently used connection: its page cache (SQLite) is the warmest.
POOL = {"pool_size": 20, "max_overflow": 24, "pool_use_lifo": True}


def make_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **POOL, **JSON_CODEC)
    # The threadpool serves requests, so connections cross threads; writers wait for the lock.
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        **POOL,
        **JSON_CODEC,
    )

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
        cursor.execute("PRAGMA synchronous=NORMAL")  # durable at each commit under WAL
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(engine: Engine) -> None:
    """Brings the database schema to the newest migration."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Several workers may start at once: one migrates, the others wait and find it done.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
