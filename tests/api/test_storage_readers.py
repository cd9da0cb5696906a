"""app.storage.readers: on an SQLite file the reads that answer requests run on a connection
each thread keeps, outside the pool; every read still sees what was committed before it, the
pool's connections stay free for writers, and a connection that failed is replaced."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import exc

from app.domain.records import OrderFilter
from app.storage.database import make_engine, migrate
from app.storage.orders import SqlOrders
from app.storage.readers import ThreadReaders, keeps_readers
from app.storage.unit_of_work import UnitOfWork
from tests.helpers import docs_example

ORDER = docs_example("order.json")


def _document(notes: str) -> dict[str, Any]:
    order = {**ORDER, "objectType": "order", "id": "ORD-1", "orderStatus": "IN_PROGRESS"}
    return {**order, "link": {"href": "http://orders/ORD-1"}, "notes": notes}


@pytest.fixture
def uow(tmp_path: Path) -> UnitOfWork:
    engine = make_engine(f"sqlite:///{tmp_path}/readers.db")
    migrate(engine)
    return UnitOfWork(engine)


def _notes(uow: UnitOfWork) -> str:
    with uow(read_only=True) as tx:
        found = tx.orders.get_json("ORD-1")
    assert found is not None
    return str(orjson.loads(found.canonical)["notes"])


def test_only_an_sqlite_file_keeps_read_connections(tmp_path: Path) -> None:
    assert keeps_readers(make_engine(f"sqlite:///{tmp_path}/a.db"))
    assert not keeps_readers(make_engine("sqlite://"))
    assert not keeps_readers(make_engine("postgresql+psycopg://u:p@127.0.0.1:1/none"))


def test_a_kept_connection_sees_each_commit_made_after_it_was_opened(uow: UnitOfWork) -> None:
    with uow() as tx:
        first = tx.orders.insert(_document("one"))
    assert _notes(uow) == "one"  # opens this thread's connection
    with uow() as tx:
        second = tx.orders.replace(first, _document("two"))
    assert _notes(uow) == "two"
    with uow() as tx:
        tx.orders.replace(second, _document("three"))
    with uow(read_only=True) as tx:
        page = tx.orders.page_json(OrderFilter(buyer_id=ORDER["buyerId"]), 10, 0)
    assert page.available == 1
    assert '"notes":"three"' in page.items[0].replace(" ", "")


def test_reads_on_many_threads_hold_no_connection_of_the_pool(uow: UnitOfWork) -> None:
    with uow() as tx:
        tx.orders.insert(_document("one"))
    seen: list[str] = []
    # More threads than the pool has connections (20 and 24 more): none is held after.
    threads = [threading.Thread(target=lambda: seen.append(_notes(uow))) for _ in range(60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == ["one"] * 60
    assert uow.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    with uow() as tx:  # a writer still finds a connection at once
        tx.orders.replace(tx.orders.get("ORD-1"), _document("two"))  # type: ignore[arg-type]
    assert _notes(uow) == "two"


def test_a_connection_that_failed_is_replaced_by_the_next_read(uow: UnitOfWork) -> None:
    with uow() as tx:
        tx.orders.insert(_document("one"))
    readers = ThreadReaders(uow.engine)

    def unused() -> Any:
        raise AssertionError("a read of canonical JSON needs no pooled connection or session")

    orders = SqlOrders(unused, unused, readers.driver)
    readers.driver().connection.close()  # broken under it, as by a failing disk
    with pytest.raises(exc.DBAPIError):
        orders.get_json("ORD-1")
    found = orders.get_json("ORD-1")
    assert found is not None and found.revision == 1
