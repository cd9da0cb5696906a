"""app.storage.orders._DriverSQL: the bind parameters a driver is given, by name or in order,
each converted as SQLAlchemy would convert it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.dialects import postgresql, sqlite

from app.domain.records import OrderFilter
from app.storage.orders import GET_JSON, _driver_sql, counting, listing

AT = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


def test_positional_parameters_come_in_the_statements_order() -> None:
    found = _driver_sql(sqlite.dialect(), GET_JSON)
    assert found.positions == ("order_id",) and not found.conversions
    assert found.parameters({"order_id": "ORD-1"}) == ("ORD-1",)


def test_positional_parameters_are_converted_as_sqlalchemy_converts_them() -> None:
    where = OrderFilter(buyer_id="b", order_date_from=AT)
    statement = listing(where, 0, 0)
    found = _driver_sql(sqlite.dialect(), statement)
    assert "order_date_from" in found.conversions
    values = {"buyer_id": "b", "order_date_from": AT, "limit": 5, "offset": 0}
    sent = dict(zip(found.positions or (), found.parameters(values), strict=True))
    # SQLite keeps a date-time as text, as SQLAlchemy writes it.
    assert sent == {**values, "order_date_from": "2026-12-02 17:00:00.000000"}


def test_named_parameters_are_passed_as_they_are_when_nothing_converts() -> None:
    dialect = postgresql.psycopg.dialect()  # type: ignore[no-untyped-call]
    found = _driver_sql(dialect, counting(OrderFilter(buyer_id="b")))
    assert found.positions is None and not found.conversions
    values = {"buyer_id": "b"}
    assert found.parameters(values) == {"buyer_id": "b"}
