"""The ceiling: raw Starlette doing the service's storage calls for the four benchmarked
operations, with no validation and no models: JSON in (orjson), the same OrderStore calls on the
same database, JSON out. Sync storage runs in Starlette's threadpool, as in the service.

``uvicorn --factory bench.raw_app:create_app`` (ORDERS_DATABASE_URL as for the service).
"""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlencode

import json_merge_patch
import orjson
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.handlers.orders import SELLER_FIELDS, WRITE_ATTEMPTS, buyer_content, etag
from app.lifecycle import FINAL
from app.storage.orders import OrderFilter, StoredOrder
from bench.common import storage

FINAL_STATUSES = {status.value for status in FINAL}


def create_app() -> Starlette:
    settings, store, lifespan = storage()
    public = settings.public_url.rstrip("/")

    def reply(saved: StoredOrder, status: int = 200) -> Response:
        headers = {"ETag": etag(saved.revision)}
        if status == 201:
            headers["Location"] = f"{public}/orders/{saved.document['id']}"
        return Response(orjson.dumps(saved.document), status, headers, "application/json")

    def missing(order_id: str) -> Response:
        body = {"title": "Not Found", "status": 404, "detail": f"no order has id {order_id!r}"}
        return Response(orjson.dumps(body), 404, media_type="application/problem+json")

    async def get_order(request: Request) -> Response:
        order_id = request.path_params["id"]
        found = await run_in_threadpool(store.get, order_id)
        return missing(order_id) if found is None else reply(found)

    async def list_orders(request: Request) -> Response:
        buyer = request.query_params.get("buyerId")
        limit = int(request.query_params.get("limit", 50))
        offset = int(request.query_params.get("offset", 0))
        available, documents = await run_in_threadpool(
            store.page, OrderFilter(buyer_id=buyer), limit, offset
        )
        query = {"buyerId": buyer} if buyer else {}
        body = {
            "link": {
                "href": f"{public}/orders?{urlencode({**query, 'limit': limit, 'offset': offset})}"
            },
            "available": available,
            "returned": len(documents),
            "items": documents,
        }
        return Response(orjson.dumps(body), media_type="application/json")

    def create(request: dict[str, Any]) -> Response:
        for _ in range(WRITE_ATTEMPTS):
            existing = store.latest(
                OrderFilter(buyer_id=request["buyerId"], pon=request["buyerPurchaseOrderNumber"])
            )
            if existing is not None:
                return reply(existing)
            order_id = f"ORD-{secrets.token_hex(10).upper()}"
            document = {
                "objectType": "order",
                "id": order_id,
                "link": {"href": f"{public}/orders/{order_id}"},
                "orderStatus": "IN_PROGRESS",
                **request,
            }
            return reply(store.insert(document), 201)
        raise AssertionError("unreachable")

    async def create_order(request: Request) -> Response:
        body = orjson.loads(await request.body())
        return await run_in_threadpool(create, buyer_content(body))

    def patch(order_id: str, body: dict[str, Any]) -> Response:
        for _ in range(WRITE_ATTEMPTS):
            current = store.get(order_id)
            if current is None:
                return missing(order_id)
            if current.document["orderStatus"] in FINAL_STATUSES:
                return Response(status_code=409)
            merged = json_merge_patch.merge(buyer_content(current.document), body)
            seller = {k: current.document[k] for k in SELLER_FIELDS if k in current.document}
            saved = store.replace(current, {**seller, **merged}, reprocess=True)
            if saved is not None:
                return reply(saved)
        return Response(status_code=409)

    async def patch_order(request: Request) -> Response:
        body = orjson.loads(await request.body())
        return await run_in_threadpool(patch, request.path_params["id"], body)

    return Starlette(
        routes=[
            Route("/orders/{id}", get_order, methods=["GET"]),
            Route("/orders/{id}", patch_order, methods=["PATCH"]),
            Route("/orders", list_orders, methods=["GET"]),
            Route("/orders", create_order, methods=["POST"]),
        ],
        lifespan=lifespan,
    )
