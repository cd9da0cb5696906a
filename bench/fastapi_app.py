"""The peer: the same four operations written the way a FastAPI user would, with the project's
generated pydantic models as request and response models (FastAPI validates requests and
serialises responses with them) and the service's storage layer, so only the framework differs.
Handlers are plain ``def``: FastAPI runs them in its threadpool, as Connexion runs the service's.

``uvicorn --factory bench.fastapi_app:create_app`` (ORDERS_DATABASE_URL as for the service).
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any
from urllib.parse import urlencode

import json_merge_patch
from fastapi import FastAPI, Header, HTTPException, Query, Response
from pydantic import ValidationError

from app.handlers.orders import (
    DATE_FIELDS,
    SELLER_FIELDS,
    WRITE_ATTEMPTS,
    buyer_content,
    etag,
    matches,
)
from app.lifecycle import FINAL
from app.storage.orders import OrderFilter, StoredOrder
from app.validation import unreal_instants
from bench.common import storage
from generated import models
from specfirst.reply import to_json


def create_app() -> FastAPI:
    settings, store, lifespan = storage()
    public = settings.public_url.rstrip("/")
    app = FastAPI(title="Order API (FastAPI reference)", lifespan=lifespan)

    def order(saved: StoredOrder, response: Response, created: bool = False) -> models.Order:
        response.headers["ETag"] = etag(saved.revision)
        if created:
            response.headers["Location"] = f"{public}/orders/{saved.document['id']}"
        return models.Order.model_validate(saved.document)

    def check_dates(document: dict[str, Any]) -> None:
        unreal = unreal_instants({name: document.get(name) for name in DATE_FIELDS})
        if unreal:
            raise HTTPException(422, [{"pointer": f"/{n}", "detail": w} for n, w in unreal.items()])

    def current(order_id: str) -> StoredOrder:
        found = store.get(order_id)
        if found is None:
            raise HTTPException(404, f"no order has id {order_id!r}")
        return found

    @app.get("/orders/{id}", response_model=models.Order, response_model_exclude_none=True)
    def get_order(id: str, response: Response) -> models.Order:
        return order(current(id), response)

    @app.get("/orders", response_model=models.OrderList, response_model_exclude_none=True)
    def list_orders(
        buyer_id: Annotated[str | None, Query(alias="buyerId", min_length=1)] = None,
        order_status: Annotated[models.OrderStatus | None, Query(alias="orderStatus")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> models.OrderList:
        where = OrderFilter(buyer_id=buyer_id, order_status=order_status)
        available, documents = store.page(where, limit, offset)
        asked = {"buyerId": buyer_id, "orderStatus": order_status}
        query = {k: v for k, v in asked.items() if v is not None}
        return models.OrderList(
            link=models.Link(
                href=f"{public}/orders?{urlencode({**query, 'limit': limit, 'offset': offset})}"
            ),
            available=available,
            returned=len(documents),
            items=[models.Order.model_validate(d) for d in documents],
        )

    @app.post(
        "/orders",
        response_model=models.Order,
        response_model_exclude_none=True,
        status_code=201,
    )
    def create_order(body: models.OrderCreateUpdate, response: Response) -> models.Order:
        request = buyer_content(to_json(body))
        check_dates(request)
        for _ in range(WRITE_ATTEMPTS):
            existing = store.latest(
                OrderFilter(buyer_id=body.buyerId, pon=body.buyerPurchaseOrderNumber)
            )
            if existing is not None:
                response.status_code = 200
                return order(existing, response)
            order_id = f"ORD-{secrets.token_hex(10).upper()}"
            document = {
                "objectType": "order",
                "id": order_id,
                "link": {"href": f"{public}/orders/{order_id}"},
                "orderStatus": "IN_PROGRESS",
                **request,
            }
            return order(store.insert(document), response, created=True)
        raise HTTPException(409, "the order could not be created; retry")

    @app.patch("/orders/{id}", response_model=models.Order, response_model_exclude_none=True)
    def patch_order(
        id: str,
        body: models.OrderPatch,
        response: Response,
        if_match: Annotated[str | None, Header()] = None,
    ) -> models.Order:
        # The usual FastAPI merge patch: the fields sent (null included), merged into the order.
        patch = body.model_dump(exclude_unset=True)
        for _ in range(WRITE_ATTEMPTS):
            found = current(id)
            if not matches(if_match, found.revision):
                raise HTTPException(412, "If-Match does not match the order's ETag")
            if models.OrderStatus(found.document["orderStatus"]) in FINAL:
                raise HTTPException(409, f"order {id} can no longer be changed")
            merged = json_merge_patch.merge(buyer_content(found.document), patch)
            try:
                checked = to_json(models.OrderCreateUpdate.model_validate(merged))
            except ValidationError as error:
                raise HTTPException(422, error.errors(include_url=False)) from error
            check_dates(checked)
            seller = {k: found.document[k] for k in SELLER_FIELDS if k in found.document}
            saved = store.replace(found, {**seller, **checked}, reprocess=True)
            if saved is not None:
                return order(saved, response)
        raise HTTPException(409, f"order {id} is being changed by other requests; retry")

    return app
