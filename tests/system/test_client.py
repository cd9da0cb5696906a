"""The generated buyer client (clients/python, `nox -s client`) against the real service: a
real uvicorn on a loopback port over a temporary SQLite file, driven only through the client's
typed functions and models."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from orders_api_client import AuthenticatedClient
from orders_api_client.api.orders import (
    cancel_order,
    create_order,
    get_order,
    hold_order,
    list_order_revisions,
    list_orders,
    patch_order,
    release_order,
    update_order,
)
from orders_api_client.models import (
    AccessEplProductOrder,
    ExistingEnniReference,
    Order,
    OrderCreateUpdate,
    OrderedUniReference,
    OrderItemStatus,
    OrderList,
    OrderPatch,
    OrderRevisionList,
    OrderStatus,
    Problem,
    UniProductOrder,
)
from orders_api_client.types import UNSET

from codegen.client import MERGE_PATCH, client_view, stale
from codegen.generate import SPEC
from specfirst.document import load_spec
from tests.helpers import CREATE_REQUEST, UPDATE_REQUEST, LiveService, buyer_items


@pytest.fixture(scope="module")
def server(live_service: LiveService) -> str:
    return live_service.url


@pytest.fixture(scope="module")
def token(live_service: LiveService) -> str:
    return live_service.token


@pytest.fixture
def sent() -> list[httpx.Request]:
    return []


@pytest.fixture
def buyer(server: str, token: str, sent: list[httpx.Request]) -> Iterator[AuthenticatedClient]:
    """The buyer's client; ``sent`` records every request it makes. Undocumented statuses raise."""
    hooks = {"request": [sent.append]}
    with AuthenticatedClient(
        base_url=server,
        token=token,
        raise_on_unexpected_status=True,
        httpx_args={"event_hooks": hooks},
    ) as client:
        yield client


def _order(parsed: Any) -> Order:
    assert isinstance(parsed, Order), parsed
    return parsed


def _buyer_fields(order: Order) -> dict[str, Any]:
    """The order as the buyer sent it: without what the seller assigns."""
    fields = order.to_dict()
    for seller_field in ("id", "link", "orderStatus", "objectType"):
        fields.pop(seller_field, None)
    fields["orderItems"] = buyer_items(fields)  # without the items' states and milestones
    return fields


def test_the_whole_order_lifecycle_through_the_client(
    buyer: AuthenticatedClient, sent: list[httpx.Request]
) -> None:
    # Create: the seed's request, as the client's typed model.
    created = create_order.sync_detailed(
        client=buyer, body=OrderCreateUpdate.from_dict(CREATE_REQUEST)
    )
    assert created.status_code == 201
    order = _order(created.parsed)
    assert order.id.startswith("ORD-")
    assert order.order_status is OrderStatus.IN_PROGRESS
    assert order.buyer_id == "Verizon"
    assert order.buyer_purchase_order_number == "PO-12345"
    assert created.headers["etag"] == '"1"'
    assert created.headers["location"].endswith(f"/orders/{order.id}")
    # Nothing is lost on the way through the client's models, and the unions come back typed.
    expected = {k: v for k, v in CREATE_REQUEST.items() if k != "objectType"}
    assert _buyer_fields(order) == expected
    epl, uni = (item.order_item_detail for item in order.order_items)
    assert isinstance(epl, AccessEplProductOrder)
    assert isinstance(epl.enni_reference, ExistingEnniReference)
    assert epl.enni_reference.seller_enni_id == "ENNI-123-abc"
    assert isinstance(epl.uni_reference, OrderedUniReference)
    assert isinstance(uni, UniProductOrder)

    # Get by id.
    got = get_order.sync_detailed(order.id, client=buyer)
    assert got.status_code == 200
    assert _order(got.parsed).to_dict() == order.to_dict()

    # List by buyerId: the envelope.
    listed = list_orders.sync_detailed(client=buyer, buyer_id="Verizon")
    assert listed.status_code == 200
    assert isinstance(listed.parsed, OrderList)
    assert (listed.parsed.available, listed.parsed.returned) == (1, 1)
    assert [o.id for o in listed.parsed.items] == [order.id]

    # Get by Buyer Purchase Order Number: a single order, not an envelope.
    by_pon = list_orders.sync_detailed(client=buyer, pon="PO-12345")
    assert by_pon.status_code == 200
    assert _order(by_pon.parsed).id == order.id

    # PUT a new version (supplemental order).
    updated = update_order.sync_detailed(
        order.id,
        client=buyer,
        body=OrderCreateUpdate.from_dict(UPDATE_REQUEST),
        if_match=created.headers["etag"],
    )
    assert updated.status_code == 200
    assert _order(updated.parsed).buyer_order_version == "2"
    assert updated.headers["etag"] == '"2"'

    # PATCH, sent as a JSON merge patch; then remove a field with null.
    patched = patch_order.sync_detailed(
        order.id,
        client=buyer,
        body=OrderPatch(notes="call before arrival", priority=5),
        if_match=updated.headers["etag"],
    )
    assert patched.status_code == 200
    assert sent[-1].headers["content-type"] == MERGE_PATCH
    assert (_order(patched.parsed).notes, _order(patched.parsed).priority) == (
        "call before arrival",
        5,
    )
    unset = patch_order.sync_detailed(order.id, client=buyer, body=OrderPatch(notes=None))
    assert unset.status_code == 200
    assert _order(unset.parsed).notes is UNSET
    assert _order(unset.parsed).priority == 5
    assert unset.headers["etag"] == '"4"'

    # Hold, release, cancel.
    held = hold_order.sync_detailed(order.id, client=buyer)
    assert held.status_code == 201
    assert _order(held.parsed).order_status is OrderStatus.HELD
    assert {item.state for item in _order(held.parsed).order_items} == {OrderItemStatus.HELD}
    released = release_order.sync_detailed(order.id, client=buyer)
    assert released.status_code == 201
    assert _order(released.parsed).order_status is OrderStatus.IN_PROGRESS
    cancelled = cancel_order.sync_detailed(
        order.id, client=buyer, if_match=released.headers["etag"]
    )
    assert cancelled.status_code == 201
    assert _order(cancelled.parsed).order_status is OrderStatus.CANCELLED
    assert _order(cancelled.parsed).buyer_order_version == "2"

    # Every step is a revision.
    history = list_order_revisions.sync_detailed(order.id, client=buyer)
    assert isinstance(history.parsed, OrderRevisionList)
    assert [r.order.order_status for r in history.parsed.items][-3:] == [
        OrderStatus.HELD,
        OrderStatus.IN_PROGRESS,
        OrderStatus.CANCELLED,
    ]
    assert history.parsed.available == 7

    # A cancelled order cannot be held: the problem comes back typed.
    refused = hold_order.sync_detailed(order.id, client=buyer)
    assert refused.status_code == 409
    assert isinstance(refused.parsed, Problem)
    assert refused.parsed.status == 409


def test_unknown_order_is_a_typed_404_problem(buyer: AuthenticatedClient) -> None:
    response = get_order.sync_detailed("ORD-does-not-exist", client=buyer)
    # The generated client's response, not httpx's: its parsed problem is checked below.
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.parsed
    assert isinstance(problem, Problem)
    assert problem.status == 404
    assert problem.title == "Not Found"
    assert "ORD-does-not-exist" in str(problem.detail)
    # The convenience form answers the same typed problem.
    assert isinstance(get_order.sync("ORD-does-not-exist", client=buyer), Problem)


def test_client_is_generated_from_the_current_spec() -> None:
    assert stale() == ""


def test_client_view_keeps_the_merge_patch_media_type_only() -> None:
    spec = load_spec(SPEC)
    view = client_view(spec)
    patch = view["paths"]["/orders/{id}"]["patch"]["requestBody"]["content"]
    assert list(patch) == [MERGE_PATCH]
    # The spec itself is untouched, and nothing else differs.
    assert "application/json" in spec["paths"]["/orders/{id}"]["patch"]["requestBody"]["content"]
    view["paths"]["/orders/{id}"]["patch"] = spec["paths"]["/orders/{id}"]["patch"]
    assert view == spec
