"""The seller's processing decisions and the notifications of orders, without HTTP or a
database: the domain on an in-memory unit of work."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from app.domain import checks
from app.domain.errors import Conflict, Invalid, NotFound
from app.domain.lifecycle import Action
from app.domain.notifications import Notifications
from app.domain.orders import Orders
from app.domain.parties import BUYER, Party
from app.domain.processing import Processing, svlan_wants
from app.domain.records import StoredOrder, SvlanWant
from tests.helpers import COX, EXAMPLE_ORDER, VERIZON, order_href, order_spec
from tests.memory_storage import MemoryUnitOfWork

ENNI = "ENNI-123-abc"


def create(uow: MemoryUnitOfWork, **changes: Any) -> StoredOrder:
    return Orders(uow).create(VERIZON, {**EXAMPLE_ORDER, **changes}, order_href).order


def with_svlans(first: int | None = None, last: int | None = None) -> dict[str, Any]:
    """The example order's items, the first asking for S-VLAN ids ``first``..``last`` (or any
    one) on the ENNI."""
    items = json.loads(json.dumps(EXAMPLE_ORDER["orderItems"]))
    detail = items[0]["orderItemDetail"]
    detail.pop("enniSvlanId", None)
    detail.pop("enniSvlanIdLast", None)
    if first is not None:
        detail["enniSvlanId"] = first
    if last is not None:
        detail["enniSvlanIdLast"] = last
    return {"orderItems": items}


def processed(uow: MemoryUnitOfWork, processing: Processing) -> list[dict[str, Any]]:
    """Processes every queued order; the notifications emitted, in order."""
    for order in processing.queued(10):
        assert processing.process(order)
    return uow.state.notifications


def test_svlan_wants_follow_the_items_on_existing_ennis() -> None:
    assert svlan_wants({**EXAMPLE_ORDER, **with_svlans(100, 102)}) == [
        SvlanWant(ENNI, "01", (100, 101, 102))
    ]
    assert svlan_wants({**EXAMPLE_ORDER, **with_svlans()}) == [SvlanWant(ENNI, "01")]


@pytest.mark.parametrize("field", ["enniSvlanIds", "orderMessages"])
def test_the_checks_limit_is_what_a_notification_lists(field: str) -> None:
    notification = order_spec()["components"]["schemas"]["orderNotification"]
    assert notification["properties"][field]["maxItems"] == checks.LISTED_AT_MOST


def test_the_svlans_an_order_takes_are_counted_without_listing_them() -> None:
    # A range is counted by its width, an item without one takes one id; a reversed range
    # (VLN001's) counts as one.
    assert checks.svlans_wanted({**EXAMPLE_ORDER, **with_svlans(1, 4094)}) == 4094
    assert checks.svlans_wanted({**EXAMPLE_ORDER, **with_svlans()}) == 1
    assert checks.svlans_wanted({**EXAMPLE_ORDER, **with_svlans(200, 199)}) == 1


def test_an_order_that_passes_the_checks_is_confirmed_with_its_svlans() -> None:
    uow = MemoryUnitOfWork()
    create(uow, **with_svlans(100, 101))
    processing = Processing(uow, lead_time=timedelta(days=10))
    [confirmation] = processed(uow, processing)
    assert confirmation["notificationType"] == "CONFIRMATION"
    assert [s["svlanId"] for s in confirmation["enniSvlanIds"]] == [100, 101]
    assert processing.queued(10) == []


def test_an_order_that_fails_the_checks_gets_every_reason_and_holds_no_svlans() -> None:
    uow = MemoryUnitOfWork()
    create(uow, **with_svlans(200, 100))  # a range that ends before it starts
    [error] = processed(uow, Processing(uow, correction_time=timedelta(days=5)))
    assert error["notificationType"] == "ERROR_OR_INFORMATION"
    assert [m["code"] for m in error["orderMessages"]] == ["VLN001"]
    assert uow.state.svlans == {}


def test_an_svlan_held_by_another_order_is_a_reason_too() -> None:
    uow = MemoryUnitOfWork()
    create(uow, **with_svlans(100))
    create(uow, buyerPurchaseOrderNumber="PO-2", **with_svlans(100))
    confirmation, error = processed(uow, Processing(uow))
    assert confirmation["notificationType"] == "CONFIRMATION"
    assert [m["code"] for m in error["orderMessages"]] == ["VLN002"]
    assert "S-VLAN ID 100 on ENNI ENNI-123-abc" in error["orderMessages"][0]["messageInformation"]


def test_an_enni_without_a_free_svlan_is_a_reason() -> None:
    uow = MemoryUnitOfWork(svlan_ids=1)
    create(uow, **with_svlans())
    create(uow, buyerPurchaseOrderNumber="PO-2", **with_svlans())
    _, error = processed(uow, Processing(uow))
    assert [m["code"] for m in error["orderMessages"]] == ["VLN003"]


def test_an_order_changed_since_it_was_read_is_not_processed() -> None:
    uow = MemoryUnitOfWork()
    order = create(uow)
    processing = Processing(uow)
    [queued] = processing.queued(10)
    Orders(uow).patch(VERIZON, order.document["id"], {"notes": "changed"})
    assert processing.process(queued) is False
    assert uow.state.notifications == []
    [again] = processing.queued(10)
    assert processing.process(again) is True


def test_a_cancelled_order_is_taken_off_the_queue_without_a_notice() -> None:
    uow = MemoryUnitOfWork()
    order = create(uow)
    Orders(uow).transition(VERIZON, order.document["id"], Action.CANCEL)
    uow.state.notifications.clear()
    processing = Processing(uow)
    [queued] = processing.queued(10)
    assert processing.process(queued) is True
    assert uow.state.notifications == [] and processing.queued(10) == []


# ---- notifications ---------------------------------------------------------------------------
def test_notifications_of_an_order_are_its_buyers_and_the_sellers_to_read() -> None:
    uow = MemoryUnitOfWork()
    order_id = create(uow).document["id"]
    notifications = Notifications(uow)
    with pytest.raises(NotFound, match="has no notifications"):
        notifications.latest(VERIZON, order_id)
    Orders(uow).transition(VERIZON, order_id, Action.HOLD)
    assert notifications.latest(VERIZON, order_id)["orderStatus"] == "HELD"
    assert notifications.page(COX, order_id, 10, 0).available == 1
    with pytest.raises(NotFound, match="no notification of it was received"):
        notifications.page(Party("AT&T", BUYER), order_id, 10, 0)


def test_a_received_notification_is_kept_once_and_its_version_not_reused() -> None:
    uow = MemoryUnitOfWork()
    notifications = Notifications(uow)
    sent = {"orderId": "ORD-AT-SELLER", "buyerId": "Verizon", "notificationVersion": "01"}
    assert notifications.receive("ORD-AT-SELLER", sent) == (True, sent)
    assert notifications.receive("ORD-AT-SELLER", sent) == (False, sent)
    with pytest.raises(Conflict, match="notificationVersion '01' of order ORD-AT-SELLER"):
        notifications.receive("ORD-AT-SELLER", {**sent, "notificationType": "JEOPARDY"})
    # At the buyer's endpoint the buyer reads what it received about its order.
    assert notifications.latest(VERIZON, "ORD-AT-SELLER") == sent


def test_a_received_notification_is_about_the_order_it_is_posted_to() -> None:
    notifications = Notifications(MemoryUnitOfWork())
    with pytest.raises(Invalid) as refused:
        notifications.receive("ORD-1", {"orderId": "ORD-2"})
    assert [e.pointer for e in refused.value.errors] == ["/orderId"]
