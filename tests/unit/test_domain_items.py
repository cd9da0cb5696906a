"""Order items as the seller holds them, and the seller's moves, without HTTP or a database:
the domain on an in-memory unit of work (all or nothing, as a database)."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from app.domain import items
from app.domain.errors import Conflict, Invalid, NotFound
from app.domain.lifecycle import Action, TransitionError
from app.domain.orders import Orders, buyer_content
from app.domain.processing import Processing, uni_svlan_wants
from app.domain.records import UniSvlanWant
from generated.models import OrderItemStatus
from tests.helpers import COX, EXAMPLE_ORDER, VERIZON, order_href
from tests.memory_storage import MemoryUnitOfWork

AT = datetime(2030, 1, 1, tzinfo=UTC)


def created(uow: MemoryUnitOfWork, **changes: Any) -> str:
    order_id: str = (
        Orders(uow).create(VERIZON, {**EXAMPLE_ORDER, **changes}, order_href).order.document["id"]
    )
    return order_id


def test_new_items_start_in_progress_and_the_buyers_content_hides_their_state() -> None:
    uow = MemoryUnitOfWork()
    order = Orders(uow).get(VERIZON, created(uow)).document
    assert [i["state"] for i in order["orderItems"]] == ["IN_PROGRESS", "IN_PROGRESS"]
    assert buyer_content(order)["orderItems"] == EXAMPLE_ORDER["orderItems"]


def test_a_supplement_keeps_the_kept_items_and_starts_the_new_ones_as_the_order_is() -> None:
    uow = MemoryUnitOfWork()
    orders = Orders(uow)
    order_id = created(uow)
    orders.complete_item(COX, order_id, "01")
    orders.transition(VERIZON, order_id, Action.HOLD)
    request = copy.deepcopy(EXAMPLE_ORDER)
    request["buyerOrderVersion"] = "2"
    request["orderItems"] = [
        request["orderItems"][0],
        {**request["orderItems"][1], "orderItemReference": "03"},
    ]
    request["orderItems"][0]["orderItemDetail"]["uniReference"]["orderItemReference"] = "03"
    document = orders.supplement(VERIZON, order_id, request).document
    states = {i["orderItemReference"]: i["state"] for i in document["orderItems"]}
    assert states == {"01": "COMPLETED", "03": "HELD"}


def test_a_refused_move_changes_nothing() -> None:
    uow = MemoryUnitOfWork()
    orders = Orders(uow)
    order_id = created(uow)
    before = copy.deepcopy(uow.state)
    with pytest.raises(NotFound, match="orderItemReference '99'"):
        orders.complete_item(COX, order_id, "99")
    orders.transition(VERIZON, order_id, Action.HOLD)
    held = copy.deepcopy(uow.state)
    with pytest.raises(Conflict, match="is HELD"):
        orders.fail_item(COX, order_id, "01", "no fibre")
    with pytest.raises(Conflict, match="is HELD"):
        orders.jeopardy(COX, order_id, "late", "2099-01-01T00:00Z")
    assert uow.state == held and before != held
    with pytest.raises(Invalid) as past:
        orders.jeopardy(COX, order_id, "late", "2020-01-01T00:00Z")
    assert [e.pointer for e in past.value.errors] == ["/expectedCompletionDate"]


def test_an_item_moves_only_as_its_state_machine_allows() -> None:
    order = {"id": "ORD-1", "orderStatus": "IN_PROGRESS"}
    item = items.started({"orderItemReference": "01"}, OrderItemStatus.IN_PROGRESS, AT)
    done, change = items.moved(order, item, Action.COMPLETE, AT, "live")
    assert done["state"] == "COMPLETED"
    assert change == {
        "orderItemReference": "01",
        "changeDate": "2030-01-01T00:00:00.000Z",
        "fromState": "IN_PROGRESS",
        "toState": "COMPLETED",
        "changeReason": "live",
    }
    with pytest.raises(TransitionError, match="cannot fail an item that is COMPLETED"):
        items.moved(order, done, Action.FAIL, AT)


def test_an_item_recorded_before_items_had_states_takes_its_orders() -> None:
    assert items.state_of({"orderStatus": "HELD"}, {"orderItemReference": "01"}) == "HELD"
    assert items.state_of({"orderStatus": "PARTIAL"}, {"state": "FAILED"}) == "FAILED"


def test_evpl_items_want_an_svlan_on_their_uni() -> None:
    order = copy.deepcopy({**EXAMPLE_ORDER, "id": "ORD-1", "orderType": "ACCESS_EVPL"})
    order["orderItems"][1]["orderItemDetail"]["sellerUniId"] = "UNI-9"
    assert uni_svlan_wants(order) == [UniSvlanWant("UNI-9", "01")]
    assert uni_svlan_wants({**order, "orderType": "ACCESS_EPL"}) == []


def test_processing_writes_the_confirmation_into_the_order() -> None:
    uow = MemoryUnitOfWork()
    order_id = created(uow, orderType="ACCESS_EVPL")
    processing = Processing(uow)
    [queued] = processing.queued(10)
    assert processing.process(queued)
    [confirmation] = uow.state.notifications
    order = Orders(uow).get(COX, order_id).document
    epl = order["orderItems"][0]["orderItemDetail"]
    assert order["expectedCompletionDate"] == confirmation["expectedCompletionDate"]
    assert epl["uniSvlanId"] == confirmation["uniSvlanIds"][0]["svlanId"] == 1
    uni = order["orderItems"][1]["orderItemDetail"]["sellerUniId"]
    assert confirmation["uniSvlanIds"][0]["sellerUniId"] == uni
