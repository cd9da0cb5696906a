"""The unit of work on SQLite and PostgreSQL: one commit for everything in it, nothing at all
when it fails, optimistic revisions, and inserts of a taken key that keep a transaction usable."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import orjson
import pytest
from sqlalchemy import exc, func, text
from sqlmodel import Session, select

from app.domain.ports import (
    DuplicateOrder,
    RevisionMoved,
    SvlanExhausted,
    SvlanTaken,
    UniSvlanExhausted,
    VersionConflict,
)
from app.domain.records import (
    OrderFilter,
    StoredOrder,
    SvlanAssigned,
    SvlanWant,
    UniSvlanWant,
)
from app.storage import database as database_module
from app.storage import driver as driver_module
from app.storage.database import WRITING, database_unavailable, make_engine, migrate
from app.storage.notifications import notification_json
from app.storage.svlans import VLAN_IDS
from app.storage.tables import (
    DeliveryRow,
    NotificationRow,
    OrderRevisionRow,
    OrderRow,
    SvlanRow,
    UniSvlanRow,
)
from app.storage.unit_of_work import Transaction, UnitOfWork
from generated.models import Order
from specfirst.reply import to_json
from tests.helpers import docs_example

ORDER = docs_example("order.json")


def document(order_id: str = "ORD-1", **changes: Any) -> dict[str, Any]:
    """An order as the domain writes it (storage checks each against the spec's Order)."""
    order = {**ORDER, "objectType": "order", "id": order_id, "orderStatus": "IN_PROGRESS"}
    return {**order, "link": {"href": f"http://orders/{order_id}"}, **changes}


def notice(order_id: str = "ORD-1") -> dict[str, Any]:
    """A notification as the domain emits it (storage checks each against the spec's)."""
    return {
        "objectType": "orderNotification",
        "orderId": order_id,
        "buyerId": "Verizon",
        "notificationType": "STATUS_CHANGE",
    }


@pytest.fixture
def uow(database_url: str) -> UnitOfWork:
    engine = make_engine(database_url)
    migrate(engine)
    return UnitOfWork(engine, {"Verizon": "http://buyer.test/"})


def count(uow: UnitOfWork, table: Any) -> int:
    with Session(uow.engine) as session:
        return session.exec(select(func.count()).select_from(table)).one()


def test_everything_in_a_unit_of_work_commits_once_at_its_end(uow: UnitOfWork) -> None:
    with uow() as tx:
        stored = tx.orders.insert(document())
        emitted = tx.notifications.emit(notice())
        # Not committed yet: another transaction does not see the order.
        with uow() as other:
            assert other.orders.get("ORD-1") is None
    assert emitted["notificationVersion"] == "01"
    with uow() as tx:
        assert tx.orders.get("ORD-1") == stored
        assert [r.revision for r in tx.orders.revisions(stored)] == [1]
    assert count(uow, NotificationRow) == count(uow, DeliveryRow) == 1


def test_a_failure_in_a_unit_of_work_leaves_nothing_written(uow: UnitOfWork) -> None:
    with pytest.raises(RuntimeError), uow() as tx:
        tx.orders.insert(document())
        tx.notifications.emit(notice())
        tx.svlans.assign("ORD-1", [SvlanWant("ENNI-1", "01")])
        raise RuntimeError("after the writes")
    for table in (OrderRow, OrderRevisionRow, NotificationRow, DeliveryRow, SvlanRow):
        assert count(uow, table) == 0, table


def test_a_write_based_on_a_revision_that_moved_on_writes_nothing(uow: UnitOfWork) -> None:
    with uow() as tx:
        first = tx.orders.insert(document())
    with uow() as tx:
        second = tx.orders.replace(first, document(notes="two"), reprocess=True)
    assert second.revision == 2
    with pytest.raises(RevisionMoved), uow() as tx:
        tx.orders.replace(first, document(notes="lost"))
    with uow() as tx:
        assert tx.orders.get("ORD-1") == second
        assert [r.document.get("notes") for r in tx.orders.revisions(second)] == [None, "two"]


def test_a_second_order_with_the_same_pon_is_a_duplicate(uow: UnitOfWork) -> None:
    with uow() as tx:
        tx.orders.insert(document())
    with pytest.raises(DuplicateOrder), uow() as tx:
        tx.orders.insert(document("ORD-2"))
    with uow() as tx:
        assert tx.orders.latest(OrderFilter(pon=ORDER["buyerPurchaseOrderNumber"])) is not None
        assert tx.orders.page(OrderFilter(buyer_id="Verizon"), 10, 0).available == 1


def test_processing_is_claimed_once(uow: UnitOfWork) -> None:
    with uow() as tx:
        tx.orders.insert(document())
    with uow() as tx:
        [queued] = tx.orders.to_process(10)
    with uow() as tx:
        assert tx.orders.claim_processing(queued) is True
    with uow() as tx:
        assert tx.orders.claim_processing(queued) is False
        assert tx.orders.to_process(10) == []


def test_an_order_another_worker_is_processing_is_passed_by(uow: UnitOfWork) -> None:
    """On PostgreSQL a second worker's claim of an order the first is still processing fails
    at once, so it goes on to the next order instead of queueing behind the first. SQLite has
    one writer: there the claim waits for its turn, then finds the order taken."""
    with uow() as tx:
        tx.orders.insert(document())
    with uow() as tx:
        [queued] = tx.orders.to_process(10)

    def claim_in_own_unit() -> bool:
        with uow() as tx:
            return tx.orders.claim_processing(queued)

    with uow() as first, ThreadPoolExecutor(1) as pool:
        assert first.orders.claim_processing(queued) is True
        second = pool.submit(claim_in_own_unit)
        try:
            if uow.engine.dialect.name == "postgresql":
                assert second.result(timeout=10) is False  # while the first still holds it
            else:
                with pytest.raises(TimeoutError):
                    second.result(timeout=0.5)
        finally:
            first.commit()
        assert second.result(timeout=10) is False


def test_a_lost_svlan_or_a_repeated_notification_leaves_the_transaction_usable(
    uow: UnitOfWork,
) -> None:
    with uow() as tx:
        tx.svlans.assign("ORD-1", [SvlanWant("ENNI-1", "01", (100,))])
    received = {**notice("ORD-AT-SELLER"), "notificationVersion": "01"}
    with uow() as tx:
        with pytest.raises(SvlanTaken):
            tx.svlans.assign("ORD-2", [SvlanWant("ENNI-1", "01", (100,))])
        assert tx.notifications.receive(received) == (True, received)
        assert tx.notifications.receive(received) == (False, received)
        with pytest.raises(VersionConflict):
            tx.notifications.receive({**received, "notificationType": "JEOPARDY"})
        [free] = tx.svlans.assign("ORD-2", [SvlanWant("ENNI-1", "01")])
    assert free.svlan_id == 1
    assert count(uow, SvlanRow) == 2 and count(uow, NotificationRow) == 1


def enni_taken(svlan_id: int) -> SvlanRow:
    return SvlanRow(
        seller_enni_id="P-1", svlan_id=svlan_id, order_id="ORD-0", order_item_reference="x"
    )


def uni_taken(svlan_id: int) -> UniSvlanRow:
    return UniSvlanRow(
        seller_uni_id="P-1", svlan_id=svlan_id, order_id="ORD-0", order_item_reference="x"
    )


@pytest.mark.parametrize(
    ("repository", "taken", "want", "exhausted"),
    [
        ("svlans", enni_taken, SvlanWant("P-1", "01"), SvlanExhausted),
        ("uni_svlans", uni_taken, UniSvlanWant("P-1", "01"), UniSvlanExhausted),
    ],
)
def test_an_allocated_svlan_id_is_the_lowest_free_one_until_none_is_left(
    uow: UnitOfWork, repository: str, taken: Any, want: Any, exhausted: type[Exception]
) -> None:
    with uow() as tx:
        tx.session.add_all(taken(svlan_id) for svlan_id in VLAN_IDS if svlan_id != 7)
        tx.session.flush()
        [assigned] = getattr(tx, repository).assign("ORD-1", [want])
        assert assigned.svlan_id == 7
        with pytest.raises(exhausted):
            getattr(tx, repository).assign("ORD-2", [want])


def test_a_read_only_unit_of_work_commits_nothing(uow: UnitOfWork) -> None:
    with uow(read_only=True) as tx:
        tx.orders.insert(document())
    assert count(uow, OrderRow) == 0
    with uow() as tx:  # and it left no lock behind (SQLite's one writer)
        tx.orders.insert(document())
    assert count(uow, OrderRow) == 1


# Each write run on the driver, as the service and the seller's worker make it, on a database
# holding one order, ORD-0.
DRIVER_WRITES: dict[str, Callable[[Transaction], object]] = {
    "order insert": lambda tx: tx.orders.insert(document("ORD-9", buyerPurchaseOrderNumber="9")),
    "order replace": lambda tx: tx.orders.replace(order_0(tx), document("ORD-0", notes="n")),
    "claim": lambda tx: tx.orders.claim_processing(order_0(tx)),
    "ENNI S-VLAN": lambda tx: tx.svlans.assign("ORD-0", [SvlanWant("ENNI-1", "01")]),
    "ENNI S-VLAN release": lambda tx: tx.svlans.release("ORD-0"),
    "UNI S-VLAN": lambda tx: tx.uni_svlans.assign("ORD-0", [UniSvlanWant("UNI-1", "01")]),
    "UNI S-VLAN release": lambda tx: tx.uni_svlans.release("ORD-0"),
    "notification": lambda tx: tx.notifications.emit(notice("ORD-0")),
}


def order_0(tx: Transaction) -> StoredOrder:
    found = tx.orders.get("ORD-0")
    assert found is not None
    return found


@pytest.mark.parametrize("write", DRIVER_WRITES)
def test_a_write_on_the_driver_waits_for_its_turn_and_gives_it_back_at_the_end(
    uow: UnitOfWork, write: str
) -> None:
    # Writes run on the driver's cursor, which SQLAlchemy's events do not see; on SQLite they
    # must still take this process's writer turn, or the next writer would meet SQLite's
    # polling busy handler instead (app/storage/database.py).
    sqlite = uow.engine.dialect.name == "sqlite"
    with uow() as tx:
        tx.orders.insert(document("ORD-0", buyerPurchaseOrderNumber="0"))
    for ends in ("rollback", "commit"):  # the same write twice: the first leaves nothing
        with contextlib.suppress(RuntimeError), uow() as tx:
            info = tx.connection().info
            assert not info.get(WRITING)
            DRIVER_WRITES[write](tx)
            assert info.get(WRITING, False) is sqlite
            if ends == "rollback":
                raise RuntimeError("after the write")
        assert not info.get(WRITING)


def test_the_sqlite_writer_turn_is_given_back_once_the_commit_is_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next writer of this process takes its turn as soon as it is given back: SQLite must
    have committed by then, else that writer meets SQLite's lock and its polling busy handler.
    Each time the turn is given back, another connection checks that it could write."""
    path = tmp_path / "orders.db"
    handed_back_locked: list[bool] = []

    class CheckedTurn:
        def __init__(self) -> None:
            self.lock = threading.Lock()

        def acquire(self, timeout: float = -1) -> bool:
            return self.lock.acquire(timeout=timeout)

        def release(self) -> None:
            probe = sqlite3.connect(path, timeout=0, isolation_level=None)
            try:
                probe.execute("BEGIN IMMEDIATE")
                probe.execute("ROLLBACK")
                handed_back_locked.append(False)
            except sqlite3.OperationalError:  # "database is locked"
                handed_back_locked.append(True)
            finally:
                probe.close()
                self.lock.release()

    # Only app/storage/database.py's threading: its writer lock becomes a CheckedTurn.
    monkeypatch.setattr(database_module, "threading", SimpleNamespace(Lock=CheckedTurn))
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    uow = UnitOfWork(engine, {})
    with uow() as tx:  # a write SQLAlchemy runs
        tx.orders.insert(document("ORD-0", buyerPurchaseOrderNumber="0"))
    with uow() as tx:  # a write on the driver
        tx.svlans.assign("ORD-0", [SvlanWant("ENNI-1", "01")])
    assert handed_back_locked and not any(handed_back_locked)


def test_every_write_stores_the_canonical_json_that_reads_return(uow: UnitOfWork) -> None:
    with uow() as tx:
        first = tx.orders.insert(document(notes="one"))
    assert first.canonical is not None and orjson.loads(first.canonical)["notes"] == "one"
    with uow() as tx:
        second = tx.orders.replace(first, document(notes="two"))
    with uow(read_only=True) as tx:
        found = tx.orders.get_json("ORD-1")
        page = tx.orders.page_json(OrderFilter(buyer_id=ORDER["buyerId"]), 10, 0)
        assert tx.orders.get_json("ORD-2") is None
    assert found is not None and (found.revision, found.buyer_id) == (2, ORDER["buyerId"])
    assert found.canonical == second.canonical == page.items[0]
    assert page.available == 1
    # The response's JSON: the document as the spec's Order, unset fields left out.
    assert orjson.loads(found.canonical) == to_json(Order.model_validate(second.document))


def test_a_document_that_is_no_order_is_not_written(uow: UnitOfWork) -> None:
    with pytest.raises(ValueError, match="not a valid Order"), uow() as tx:
        tx.orders.insert(document(orderStatus="LOST"))
    assert count(uow, OrderRow) == count(uow, OrderRevisionRow) == 0


def test_a_driver_error_in_a_hot_read_is_sqlalchemys_as_the_service_maps_it(
    uow: UnitOfWork,
) -> None:
    # get_json runs on the driver's cursor; its errors must still be SQLAlchemy's DBAPIError,
    # which the service maps (database_unavailable: 503 when the database cannot serve),
    # rather than a bare driver error (always a 500).
    with uow.engine.begin() as connection:
        connection.execute(text("DROP TABLE order_revisions"))
        connection.execute(text("DROP TABLE orders"))
    with pytest.raises(exc.DBAPIError) as raised, uow(read_only=True) as tx:
        tx.orders.get_json("ORD-1")
    assert isinstance(raised.value.orig, uow.engine.dialect.loaded_dbapi.Error)
    if uow.engine.dialect.name == "sqlite":  # "no such table" is an OperationalError there
        assert database_unavailable(raised.value)


def test_a_notification_is_stored_with_the_canonical_json_lists_return(uow: UnitOfWork) -> None:
    with uow() as tx:
        tx.orders.insert(document())
        emitted = tx.notifications.emit(notice())
        received, _ = tx.notifications.receive({**notice("ORD-2"), "notificationVersion": "07"})
    assert received
    with uow(read_only=True) as tx:
        page = tx.notifications.page_json("ORD-1", 10, 0)
        other = tx.notifications.page_json("ORD-2", 10, 0)
    assert page.available == 1 and page.items == [notification_json(emitted)]
    assert orjson.loads(other.items[0])["notificationVersion"] == "07"


def test_an_svlan_id_taken_between_the_read_and_the_insert_gives_the_next_free_one(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two orders allocate on one ENNI at once. On SQLite the second reads id 1 as free before
    the first commits it, and its insert of 1 then takes nothing, so it moves on to 2. On
    PostgreSQL it waits for its turn on the ENNI, then reads 2 as free."""
    read_free = threading.Event()
    inserts: list[int] = []
    run = driver_module._run

    def seen(driver: Any, sql: str, parameters: Any, **kwargs: Any) -> Any:
        """The driver's statements, watched as they run (SQLAlchemy's events do not see them)."""
        found = run(driver, sql, parameters, **kwargs)
        if threading.current_thread().name.startswith("second"):
            if "candidates" in sql:
                read_free.set()
            elif sql.startswith("INSERT INTO svlan_assignments"):
                inserts.append(1)
        return found

    monkeypatch.setattr(driver_module, "_run", seen)
    with uow() as first:
        [one] = first.svlans.assign("ORD-1", [SvlanWant("ENNI-1", "01")])
        with ThreadPoolExecutor(1, thread_name_prefix="second") as pool:
            second = pool.submit(assign_in_own_unit, uow, "ORD-2")
            turns = uow.engine.dialect.name == "postgresql"
            try:
                read_before_commit = read_free.wait(2 if turns else 10)
            finally:
                first.commit()  # else the second waits for it for ever
        [two] = second.result(timeout=20)
    assert (one.svlan_id, two.svlan_id) == (1, 2)
    if turns:
        assert not read_before_commit and len(inserts) == 1
    else:
        assert read_before_commit and len(inserts) == 2  # 1, skipped as taken, then 2


def assign_in_own_unit(uow: UnitOfWork, order_id: str) -> list[SvlanAssigned]:
    with uow() as tx:
        return tx.svlans.assign(order_id, [SvlanWant("ENNI-1", "01")])


def test_two_orders_taking_the_same_ids_in_opposite_orders_do_not_deadlock(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each order asks for id 1 on two ENNIs, in opposite orders, and each pauses after its
    first insert until the other has made its own: on PostgreSQL each would then wait for the
    other's row. Allocations on a port take turns instead, so one order gets both ids and the
    other is told they are taken."""
    both_inserted = threading.Barrier(2, timeout=2)
    inserted: set[str] = set()  # the threads past their first insert
    run = driver_module._run

    def pausing(driver: Any, sql: str, parameters: Any, **kwargs: Any) -> Any:
        found = run(driver, sql, parameters, **kwargs)
        me = threading.current_thread().name
        if sql.startswith("INSERT INTO svlan_assignments") and me not in inserted:
            inserted.add(me)
            with contextlib.suppress(threading.BrokenBarrierError):
                both_inserted.wait()  # broken when the other waits for its turn instead
        return found

    monkeypatch.setattr(driver_module, "_run", pausing)

    def assign(order_id: str, first: str, second: str) -> str:
        try:
            with uow() as tx:
                tx.svlans.assign(
                    order_id, [SvlanWant(first, "01", (1,)), SvlanWant(second, "02", (1,))]
                )
        except SvlanTaken:
            return "taken"
        return "assigned"

    with ThreadPoolExecutor(2) as pool:
        outcomes = [
            pool.submit(assign, "ORD-1", "ENNI-A", "ENNI-B"),
            pool.submit(assign, "ORD-2", "ENNI-B", "ENNI-A"),
        ]
        assert sorted(outcome.result(timeout=30) for outcome in outcomes) == ["assigned", "taken"]
