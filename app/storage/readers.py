"""Where the reads that answer requests run their statements on the driver: for an SQLite
file, a connection kept by each thread; otherwise the unit of work's pooled connection.

A pooled connection costs a checkout and a return (SQLAlchemy's bookkeeping and a rollback)
per read, several times what reading one order by key costs SQLite. A kept connection runs
only reads, each statement in its own implicit transaction (pysqlite begins none for SELECT),
so every read sees what was committed before it, as a pooled one does."""

from __future__ import annotations

import threading

from sqlalchemy import Engine

from app.storage.driver import Driver


def keeps_readers(engine: Engine) -> bool:
    """Whether reads on ``engine`` run on kept connections: an SQLite file (an in-memory
    database is one per connection, so it has none)."""
    return engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:")


class ThreadReaders:
    """One read connection per thread that reads, opened by ``engine`` (its connect-time
    PRAGMAs applied) and then detached from its pool, whose slots stay for the writers."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._local = threading.local()

    def driver(self) -> Driver:
        found: Driver | None = getattr(self._local, "driver", None)
        if found is None:
            pooled = self._engine.raw_connection()
            pooled.detach()  # closed when its thread, or this object, is gone
            found = Driver(self._engine.dialect, pooled.dbapi_connection, self._forget)
            self._local.driver = found
        return found

    def _forget(self) -> None:
        """After an error the connection is closed; the thread's next read opens another."""
        found: Driver | None = getattr(self._local, "driver", None)
        self._local.driver = None
        if found is not None:
            found.connection.close()
