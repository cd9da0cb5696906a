"""Statements run on the database driver's cursor: built once with SQLAlchemy Core, compiled
once per dialect, then given to the driver as SQL text and parameters. What runs often (the
reads that answer requests, an order's writes, each step of the seller's processing) pays
neither SQLAlchemy's execution nor its result objects; the driver keeps the prepared statement
(sqlite3's statement cache, psycopg's prepared statements). Only for plain columns: values come
back as the driver gives them, without SQLAlchemy's result conversions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, bindparam
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError

from app.storage.database import take_writer_turn


@dataclass(frozen=True)
class Driver:
    """A DBAPI connection and its dialect; ``broken`` is called after an error on it."""

    dialect: Dialect
    connection: Any
    broken: Callable[[], None] = lambda: None


def driver_of(connection: Connection) -> Driver:
    """The driver under a SQLAlchemy connection: what is run on it joins its transaction."""
    return Driver(connection.dialect, connection.connection.dbapi_connection)


def writer_of(connection: Connection) -> Driver:
    """The driver under ``connection``, to write on: SQLAlchemy's events do not see what runs
    there, so this process's writer turn is taken here (SQLite's one writer), as it is for a
    write SQLAlchemy runs. Never a thread's kept read connection: those only read."""
    take_writer_turn(connection.info)
    return driver_of(connection)


def bound(table: Table, *names: str) -> dict[str, Any]:
    """Each column of ``names`` set from the bind parameter of the same name, of the column's
    type: an INSERT's or UPDATE's values, for a statement compiled once (the driver is given
    exactly these, so an INSERT names every column it sets)."""
    return {name: bindparam(name, type_=table.c[name].type) for name in names}


@dataclass(frozen=True)
class DriverSQL:
    """A statement as a dialect's driver takes it: its SQL text, its bind parameters' names in
    order (positional drivers) or None (named), the conversions SQLAlchemy would apply to their
    values (a date-time on SQLite, say), and the values the statement itself fixes (a literal
    SQLAlchemy binds, such as a LIMIT's)."""

    sql: str
    positions: tuple[str, ...] | None
    conversions: dict[str, Callable[[Any], Any]]
    fixed: dict[str, Any]

    def parameters(self, values: Mapping[str, Any]) -> Any:
        # Runs for every read that answers a request: most statements convert nothing.
        if self.fixed:
            values = {**self.fixed, **values}
        conversions = self.conversions
        if self.positions is None:
            if not conversions:
                return values
            return {
                name: convert(value) if (convert := conversions.get(name)) else value
                for name, value in values.items()
            }
        if not conversions:
            return tuple([values[name] for name in self.positions])
        return tuple(
            [
                convert(values[name]) if (convert := conversions.get(name)) else values[name]
                for name in self.positions
            ]
        )


# By (dialect, id of a statement built once at module level or per filter shape, kept).
_COMPILED: dict[tuple[str, int], DriverSQL] = {}


def compiled(dialect: Dialect, statement: Any) -> DriverSQL:
    """``statement`` as ``dialect``'s driver takes it, compiled when first asked."""
    key = (dialect.name, id(statement))
    found = _COMPILED.get(key)
    if found is None:
        form = statement.compile(dialect=dialect)
        conversions, fixed = {}, {}
        for bind, name in form.bind_names.items():
            convert = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if convert is not None:
                conversions[name] = convert
            if not bind.required:
                fixed[name] = bind.effective_value
        positions = tuple(form.positiontup) if form.positional else None
        found = _COMPILED[key] = DriverSQL(str(form), positions, conversions, fixed)
    return found


def run(driver: Driver, statement: Any, values: Mapping[str, Any], *, one: bool = False) -> Any:
    """The rows of ``statement`` (``values`` for its bind parameters by name), or its first row
    (None when there is none) with ``one``; a statement that returns no rows (an UPDATE or a
    DELETE without RETURNING) gives [] or None."""
    driver_sql = compiled(driver.dialect, statement)
    return _run(driver, driver_sql.sql, driver_sql.parameters(values), one=one)


def run_many(driver: Driver, statement: Any, many: Iterable[Mapping[str, Any]]) -> None:
    """``statement`` (one that returns no rows) once for each of ``many``, in one call."""
    driver_sql = compiled(driver.dialect, statement)
    _run(driver, driver_sql.sql, [driver_sql.parameters(values) for values in many], many=True)


def _run(
    driver: Driver, sql: str, parameters: Any, *, one: bool = False, many: bool = False
) -> Any:
    """A driver error is raised as SQLAlchemy's DBAPIError, as SQLAlchemy would, so the
    service still answers 503 for a database that is down."""
    dbapi = driver.dialect.loaded_dbapi
    try:
        cursor = driver.connection.cursor()
        try:
            if many:
                cursor.executemany(sql, parameters)
                return None
            cursor.execute(sql, parameters)
            if cursor.description is None:
                return None if one else []
            return cursor.fetchone() if one else cursor.fetchall()
        finally:
            cursor.close()
    except dbapi.Error as error:
        driver.broken()
        raise DBAPIError.instance(
            sql, parameters, error, dbapi.Error, dialect=driver.dialect
        ) from error
