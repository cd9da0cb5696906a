"""Engine set-up and schema migrations."""

from __future__ import annotations

import math
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


def make_engine(url: str, timeout: float = 30.0) -> Engine:
    """``timeout``: how long to wait for a connection (PostgreSQL) or the write lock (SQLite)
    before failing with an error the service answers as 503 (app/problems.py)."""
    if make_url(url).get_backend_name() != "sqlite":
        # pre-ping replaces connections a database restart broke, so the service recovers.
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=10,
            max_overflow=20,
            pool_timeout=timeout,
            connect_args={"connect_timeout": max(1, math.ceil(timeout))},
            **JSON_CODEC,
        )
    # The threadpool serves requests, so connections cross threads; writers wait for the lock.
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": timeout}, **JSON_CODEC
    )

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
