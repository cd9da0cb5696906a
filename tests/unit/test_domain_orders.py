"""The rules of orders, without HTTP or a database: the domain on an in-memory unit of work."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from app.domain.errors import Conflict, Forbidden, Invalid, NotFound, StaleRevision
from app.domain.lifecycle import Action
from app.domain.orders import Created, OrderQuery, Orders
from app.domain.parties import BUYER, Party
from app.domain.ports import DuplicateOrder, RevisionMoved
from app.domain.records import StoredOrder
from tests.helpers import COX, EXAMPLE_ORDER, VERIZON, order_href
from tests.memory_storage import MemoryOrders, MemoryUnitOfWork

OTHER = Party("AT&T", BUYER)


@pytest.fixture
def uow() -> MemoryUnitOfWork:
    return MemoryUnitOfWork()


@pytest.fixture
def orders(uow: MemoryUnitOfWork) -> Orders:
    return Orders(uow)


def create(orders: Orders, **changes: Any) -> StoredOrder:
    created = orders.create(VERIZON, {**EXAMPLE_ORDER, **changes}, order_href)
    assert created.new
    return created.order


# ---- create ----------------------------------------------------------------------------------
def test_a_new_order_gets_the_seller_fields_and_is_queued(
    orders: Orders, uow: MemoryUnitOfWork
) -> None:
    order = create(orders)
    document = order.document
    assert document["id"].startswith("ORD-") and document["orderStatus"] == "IN_PROGRESS"
    assert document["link"] == {"href": order_href(document["id"])}
    assert document["objectType"] == "order" and order.revision == 1
    assert uow.state.queued == {order.seq}  # the seller processes it next


def test_a_buyer_orders_for_itself_only(orders: Orders, uow: MemoryUnitOfWork) -> None:
    with pytest.raises(Forbidden, match="buyerId must be 'AT&T'"):
        orders.create(OTHER, EXAMPLE_ORDER, order_href)
    assert uow.state.orders == {}


def test_a_create_repeated_unchanged_is_the_same_order(orders: Orders) -> None:
    first = create(orders)
    again = orders.create(VERIZON, EXAMPLE_ORDER, order_href)
    assert again == Created(first, new=False)


def test_a_create_repeated_with_other_content_conflicts(orders: Orders) -> None:
    first = create(orders)
    with pytest.raises(Conflict, match="different content"):
        orders.create(VERIZON, {**EXAMPLE_ORDER, "notes": "changed"}, order_href)
    with pytest.raises(Conflict, match=f"PUT /orders/{first.document['id']}"):
        orders.create(VERIZON, {**EXAMPLE_ORDER, "buyerOrderVersion": "2"}, order_href)


def test_a_create_that_loses_the_race_for_its_pon_answers_as_a_replay(
    orders: Orders, uow: MemoryUnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another request creates the same purchase order between this one's check and insert."""
    insert = MemoryOrders.insert
    raced: list[StoredOrder] = []

    def racing(self: MemoryOrders, document: dict[str, Any]) -> StoredOrder:
        if not raced:
            with uow() as other:
                raced.append(insert(other.orders, {**document, "id": "ORD-WINNER"}))
            raise DuplicateOrder(document["id"])
        return insert(self, document)

    monkeypatch.setattr(MemoryOrders, "insert", racing)
    created = orders.create(VERIZON, EXAMPLE_ORDER, order_href)
    assert created == Created(raced[0], new=False)
    assert len(uow.state.orders) == 1


def test_a_date_that_names_no_instant_is_invalid(orders: Orders) -> None:
    with pytest.raises(Invalid) as refused:
        orders.create(
            VERIZON, {**EXAMPLE_ORDER, "requestedCompletionDate": "2030-02-30T17:00Z"}, order_href
        )
    [error] = refused.value.errors
    assert error.pointer == "/requestedCompletionDate" and "not a real date" in error.detail


# ---- reading ---------------------------------------------------------------------------------
def test_another_buyers_order_is_not_found_and_the_seller_sees_all(orders: Orders) -> None:
    order_id = create(orders).document["id"]
    with pytest.raises(NotFound, match=order_id):
        orders.get(OTHER, order_id)
    assert orders.get(COX, order_id).document["id"] == order_id
    assert orders.get(VERIZON, order_id).document["id"] == order_id


def test_a_buyers_search_is_narrowed_to_its_own_orders(orders: Orders) -> None:
    assert orders.scoped(VERIZON, OrderQuery()).buyer_id == "Verizon"
    assert orders.scoped(COX, OrderQuery()).buyer_id is None
    with pytest.raises(Forbidden, match="buyerId must be 'Verizon'"):
        orders.page(VERIZON, OrderQuery(buyer_id="AT&T"), 10, 0)


def test_search_by_pon_names_what_was_asked_when_nothing_matches(orders: Orders) -> None:
    create(orders)
    assert orders.latest(VERIZON, OrderQuery(pon="PO-12345")).document["buyerId"] == "Verizon"
    with pytest.raises(NotFound, match="no order matches pon=PO-9, buyerId=Verizon"):
        orders.latest(VERIZON, OrderQuery(pon="PO-9"))


def test_a_query_date_that_names_no_instant_names_its_parameter(orders: Orders) -> None:
    with pytest.raises(Invalid) as refused:
        orders.page(COX, OrderQuery(order_date_to="2030-13-01T00:00Z"), 10, 0)
    assert [e.parameter for e in refused.value.errors] == ["orderDateTo"]


def test_a_page_is_newest_first(orders: Orders) -> None:
    for n in range(3):
        create(orders, buyerPurchaseOrderNumber=f"PO-{n}")
    page = orders.page(VERIZON, OrderQuery(), 2, 0)
    assert page.available == 3
    assert [d["buyerPurchaseOrderNumber"] for d in page.documents] == ["PO-2", "PO-1"]


# ---- amend -----------------------------------------------------------------------------------
def test_a_supplement_replaces_the_buyers_fields_and_queues_the_order_again(
    orders: Orders, uow: MemoryUnitOfWork
) -> None:
    order = create(orders)
    uow.state.queued.clear()
    supplement = {**EXAMPLE_ORDER, "buyerOrderVersion": "2", "notes": "new"}
    saved = orders.supplement(VERIZON, order.document["id"], supplement, based_on={1})
    assert saved.revision == 2 and saved.document["notes"] == "new"
    assert saved.document["id"] == order.document["id"]  # seller fields kept
    assert uow.state.queued == {order.seq}
    with pytest.raises(Conflict, match="buyerOrderVersion '2' was already used"):
        orders.supplement(VERIZON, order.document["id"], supplement)


def test_a_supplement_keeps_the_buyer_and_pon(orders: Orders) -> None:
    order_id = create(orders).document["id"]
    with pytest.raises(Invalid) as refused:
        orders.supplement(
            VERIZON, order_id, {**EXAMPLE_ORDER, "buyerOrderVersion": "2", "buyerId": "AT&T"}
        )
    assert refused.value.summary == "buyerId must stay 'Verizon', the original order's"
    assert [e.pointer for e in refused.value.errors] == ["/buyerId"]


def test_a_write_based_on_an_old_revision_is_stale_and_writes_nothing(
    orders: Orders, uow: MemoryUnitOfWork
) -> None:
    order_id = create(orders).document["id"]
    orders.patch(VERIZON, order_id, {"notes": "one"})
    with pytest.raises(StaleRevision) as refused:
        orders.patch(VERIZON, order_id, {"notes": "two"}, based_on={1})
    assert refused.value.revision == 2
    assert orders.get(VERIZON, order_id).document["notes"] == "one"


def test_a_merge_patch_that_breaks_the_order_is_invalid(orders: Orders) -> None:
    order_id = create(orders).document["id"]
    with pytest.raises(Invalid) as refused:
        orders.patch(VERIZON, order_id, {"orderItems": None})
    assert refused.value.validation is not None
    assert orders.get(VERIZON, order_id).revision == 1


def test_a_merge_patch_changes_nested_fields_and_not_the_stored_revision(
    orders: Orders,
) -> None:
    order = create(orders)
    patch = {"billingInfo": {"existingBillingAccountNumber": "999"}}
    saved = orders.patch(VERIZON, order.document["id"], patch)
    assert saved.document["billingInfo"]["existingBillingAccountNumber"] == "999"
    assert order.document["billingInfo"]["existingBillingAccountNumber"] == "12345678"


def test_a_finished_order_can_no_longer_be_changed(orders: Orders) -> None:
    order_id = create(orders).document["id"]
    orders.transition(VERIZON, order_id, Action.CANCEL)
    with pytest.raises(Conflict, match="is CANCELLED and can no longer be changed"):
        orders.patch(VERIZON, order_id, {"notes": "late"})


def test_a_write_that_keeps_losing_its_race_gives_up_with_a_conflict(
    orders: Orders, uow: MemoryUnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Storage reports that another writer committed first, on every attempt."""
    order_id = create(orders).document["id"]
    attempts = []

    def overtaken(self: MemoryOrders, current: StoredOrder, *_: Any, **__: Any) -> StoredOrder:
        attempts.append(current.revision)
        raise RevisionMoved(order_id)

    monkeypatch.setattr(MemoryOrders, "replace", overtaken)
    with pytest.raises(Conflict, match="being changed by other requests"):
        orders.transition(VERIZON, order_id, Action.HOLD)
    assert attempts == [1] * 20
    assert uow.rollbacks == 20
    assert uow.state.notifications == []  # no attempt's notification was kept
    assert orders.get(VERIZON, order_id).revision == 1


# ---- lifecycle -------------------------------------------------------------------------------
def test_a_transition_and_its_notification_commit_together(
    orders: Orders, uow: MemoryUnitOfWork
) -> None:
    order_id = create(orders).document["id"]
    commits = uow.commits
    held = orders.transition(VERIZON, order_id, Action.HOLD, based_on={1})
    assert held.document["orderStatus"] == "HELD" and held.revision == 2
    assert uow.commits == commits + 1
    [notice] = uow.state.notifications
    assert notice["notificationType"] == "STATUS_CHANGE" and notice["orderStatus"] == "HELD"


def test_a_transition_from_the_wrong_state_conflicts_and_notifies_nobody(
    orders: Orders, uow: MemoryUnitOfWork
) -> None:
    order_id = create(orders).document["id"]
    with pytest.raises(Conflict, match="is IN_PROGRESS: cannot release"):
        orders.transition(VERIZON, order_id, Action.RELEASE)
    assert uow.state.notifications == []


def test_a_cancel_frees_the_orders_svlans(orders: Orders, uow: MemoryUnitOfWork) -> None:
    order_id = create(orders).document["id"]
    uow.state.svlans[("ENNI-123-abc", 7)] = (order_id, "01")
    orders.transition(VERIZON, order_id, Action.CANCEL)
    assert uow.state.svlans == {}


def test_the_domain_imports_no_http_and_no_database() -> None:
    """Its layer's rule (docs/application.md), checked in a fresh interpreter."""
    modules = "app.domain.orders, app.domain.notifications, app.domain.processing"
    script = (
        f"import sys, {modules}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}))\n"
        "print(sorted(m for m in sys.modules if m.startswith('app.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    packages, app_modules = result.stdout.splitlines()
    for outside in ("sqlalchemy", "sqlmodel", "starlette", "connexion", "specfirst", "httpx"):
        assert f"'{outside}'" not in packages
    assert all(m.startswith("'app.domain") for m in app_modules.strip("[]").split(", "))
