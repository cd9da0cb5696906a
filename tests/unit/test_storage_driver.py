"""app.storage.driver's compiled statements: the bind parameters a driver is given, by name or
in order, each converted as SQLAlchemy would convert it, with the values the statement fixes."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.dialects import postgresql, sqlite

from app.domain.records import OrderFilter
from app.storage.driver import compiled
from app.storage.orders import GET_JSON, counting, listing
from app.storage.svlans import ENNI, VLAN_IDS

AT = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


def test_positional_parameters_come_in_the_statements_order() -> None:
    found = compiled(sqlite.dialect(), GET_JSON)
    assert found.positions == ("order_id",) and not found.conversions
    assert found.parameters({"order_id": "ORD-1"}) == ("ORD-1",)


def test_positional_parameters_are_converted_as_sqlalchemy_converts_them() -> None:
    where = OrderFilter(buyer_id="b", order_date_from=AT)
    statement = listing(where, 0, 0)
    found = compiled(sqlite.dialect(), statement)
    assert "order_date_from" in found.conversions
    values = {"buyer_id": "b", "order_date_from": AT, "limit": 5, "offset": 0}
    sent = dict(zip(found.positions or (), found.parameters(values), strict=True))
    # SQLite keeps a date-time as text, as SQLAlchemy writes it.
    assert sent == {**values, "order_date_from": "2026-12-02 17:00:00.000000"}


def test_named_parameters_are_passed_as_they_are_when_nothing_converts() -> None:
    dialect = postgresql.psycopg.dialect()  # type: ignore[no-untyped-call]
    found = compiled(dialect, counting(OrderFilter(buyer_id="b")))
    assert found.positions is None and not found.conversions
    values = {"buyer_id": "b"}
    assert found.parameters(values) == {"buyer_id": "b"}


def test_the_values_a_statement_fixes_are_sent_with_the_callers() -> None:
    # The lowest free S-VLAN id: "svlan_id + 1", its upper bound, its LIMIT and OFFSET are
    # literals SQLAlchemy binds, which the caller does not name.
    found = compiled(sqlite.dialect(), ENNI.lowest_free)
    assert sorted(found.fixed.values()) == [0, 1, 1, VLAN_IDS.stop - 1]
    sent = dict(
        zip(found.positions or (), found.parameters({"port": "E", "start": 7}), strict=True)
    )
    assert sent == {"port": "E", "start": 7, **found.fixed}
