"""INSERTs that skip a row whose key is taken (``ON CONFLICT DO NOTHING``) instead of failing:
a lost race, or a row stored before, leaves the transaction usable without a savepoint, and
the caller learns it from the row RETURNING gives back, or not. SQLAlchemy writes the clause per
dialect, so the statement is built for each dialect the service runs on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.elements import ColumnElement

from app.storage.driver import Driver, bound, run


class InsertOrSkip:
    """``INSERT INTO table (columns) ... ON CONFLICT DO NOTHING RETURNING returning``, built
    once."""

    def __init__(
        self, table: Table, columns: Sequence[str], *returning: ColumnElement[Any]
    ) -> None:
        values = bound(table, *columns)
        # RETURNING, not the rowcount: psycopg reports no rowcount for an INSERT run this way.
        self._statements = {
            name: dialect.insert(table)
            .values(values)
            .on_conflict_do_nothing()
            .returning(*returning)
            for name, dialect in (("sqlite", sqlite), ("postgresql", postgresql))
        }

    def __call__(self, connection: Connection, values: dict[str, Any]) -> Any:
        """The RETURNING row of the inserted row, or None when one with its key was there."""
        return connection.execute(self._statements[connection.dialect.name], values).first()

    def on(self, driver: Driver, values: dict[str, Any]) -> Any:
        """The same, run on the driver (app/storage/driver.py): the caller took the writer's
        turn (``writer_of``)."""
        return run(driver, self._statements[driver.dialect.name], values, one=True)
