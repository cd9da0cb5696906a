"""INSERTs that skip a row whose key is taken (``ON CONFLICT DO NOTHING``) instead of failing:
a lost race, or a row stored before, leaves the transaction usable without a savepoint, and
the caller learns it from the row RETURNING gives back, or not. SQLAlchemy writes the clause per
dialect, so the statement is built for each dialect the service runs on."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.elements import ColumnElement


class InsertOrSkip:
    """``INSERT INTO table ... ON CONFLICT DO NOTHING RETURNING returning``, built once."""

    def __init__(self, table: Table, *returning: ColumnElement[Any]) -> None:
        # RETURNING, not the rowcount: psycopg reports no rowcount for an INSERT run this way.
        self._statements = {
            "sqlite": sqlite.insert(table).on_conflict_do_nothing().returning(*returning),
            "postgresql": postgresql.insert(table).on_conflict_do_nothing().returning(*returning),
        }

    def __call__(self, connection: Connection, values: dict[str, Any]) -> Any:
        """The RETURNING row of the inserted row, or None when one with its key was there."""
        return connection.execute(self._statements[connection.dialect.name], values).first()
