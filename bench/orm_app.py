"""The service's domain on bare Starlette: the four benchmarked operations calling the service's
domain layer and storage (SQLAlchemy, as the service uses it), with no request validation and
no response models: JSON in (orjson), the same domain calls on the same database, the stored
JSON out. Sync calls run in Starlette's threadpool, as in the service. What the service costs
beyond its own domain and storage; bench/ceiling_app.py is what the database allows.

``uvicorn --factory bench.orm_app:create_app`` (ORDERS_DATABASE_URL as for the service).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import orjson
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.domain.errors import DomainError
from app.domain.orders import OrderQuery
from app.domain.parties import BUYER, Party
from app.domain.records import StoredOrder
from app.handlers.http import based_on, etag
from bench.common import READER, problem, service


def create_app() -> Starlette:
    settings, orders, lifespan = service()
    public = settings.public_url.rstrip("/")

    def href(order_id: str) -> str:
        return f"{public}/orders/{order_id}"

    def reply(saved: StoredOrder, status: int = 200) -> Response:
        headers = {"ETag": etag(saved.revision)}
        if saved.revision == 1:
            headers["Location"] = href(saved.document["id"])
        return Response(orjson.dumps(saved.document), status, headers, "application/json")

    async def answer(request: Request, work: Callable[[], Response]) -> Response:
        try:
            return await run_in_threadpool(work)
        except DomainError as error:
            status, body = problem(error, request.headers.get("if-match"))
            return Response(orjson.dumps(body), status, media_type="application/problem+json")

    async def get_order(request: Request) -> Response:
        return await answer(request, lambda: reply(orders.get(READER, request.path_params["id"])))

    async def list_orders(request: Request) -> Response:
        query = OrderQuery(buyer_id=request.query_params.get("buyerId"))
        limit = int(request.query_params.get("limit", 50))
        offset = int(request.query_params.get("offset", 0))

        def listed() -> Response:
            page = orders.page(READER, query, limit, offset)
            parameters = {**query.asked(), "limit": limit, "offset": offset}
            body = {
                "link": {"href": f"{public}/orders?{urlencode(parameters)}"},
                "available": page.available,
                "returned": len(page.documents),
                "items": page.documents,
            }
            return Response(orjson.dumps(body), media_type="application/json")

        return await answer(request, listed)

    async def create_order(request: Request) -> Response:
        body: dict[str, Any] = orjson.loads(await request.body())

        def create() -> Response:
            created = orders.create(Party(body["buyerId"], BUYER), body, href)
            return reply(created.order, 201 if created.new else 200)

        return await answer(request, create)

    async def patch_order(request: Request) -> Response:
        body = orjson.loads(await request.body())
        order_id, if_match = request.path_params["id"], request.headers.get("if-match")
        return await answer(
            request, lambda: reply(orders.patch(READER, order_id, body, based_on(if_match)))
        )

    return Starlette(
        routes=[
            Route("/orders/{id}", get_order, methods=["GET"]),
            Route("/orders/{id}", patch_order, methods=["PATCH"]),
            Route("/orders", list_orders, methods=["GET"]),
            Route("/orders", create_order, methods=["POST"]),
        ],
        lifespan=lifespan,
    )
