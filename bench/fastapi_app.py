"""The peer: the same four operations written the way a FastAPI user would, with the project's
generated pydantic models as request and response models (FastAPI validates requests and
serialises responses with them) and the service's domain layer and storage, so only the
framework differs. Handlers are plain ``def``: FastAPI runs them in its threadpool, as
Connexion runs the service's.

``uvicorn --factory bench.fastapi_app:create_app`` (ORDERS_DATABASE_URL as for the service).
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import FastAPI, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from app.domain.errors import DomainError
from app.domain.orders import OrderQuery
from app.domain.parties import BUYER, Party
from app.domain.records import StoredOrder
from app.handlers.http import based_on, etag
from bench.common import READER, problem, service
from generated import models
from specfirst.reply import to_json


def create_app() -> FastAPI:
    settings, orders, lifespan = service()
    public = settings.public_url.rstrip("/")
    app = FastAPI(title="Order API (FastAPI reference)", lifespan=lifespan)

    def href(order_id: str) -> str:
        return f"{public}/orders/{order_id}"

    @app.exception_handler(DomainError)
    async def refused(request: Request, error: DomainError) -> JSONResponse:
        status, body = problem(error, request.headers.get("if-match"))
        return JSONResponse(body, status, media_type="application/problem+json")

    def order(saved: StoredOrder, response: Response, created: bool = False) -> models.Order:
        response.headers["ETag"] = etag(saved.revision)
        if created:
            response.headers["Location"] = href(saved.document["id"])
        return models.Order.model_validate(saved.document)

    @app.get("/orders/{id}", response_model=models.Order, response_model_exclude_none=True)
    def get_order(id: str, response: Response) -> models.Order:
        return order(orders.get(READER, id), response)

    @app.get("/orders", response_model=models.OrderList, response_model_exclude_none=True)
    def list_orders(
        buyer_id: Annotated[str | None, Query(alias="buyerId", min_length=1)] = None,
        order_status: Annotated[models.OrderStatus | None, Query(alias="orderStatus")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> models.OrderList:
        query = OrderQuery(buyer_id=buyer_id, order_status=order_status)
        page = orders.page(READER, query, limit, offset)
        return models.OrderList(
            link=models.Link(
                href=f"{public}/orders?{urlencode({**query.asked(), 'limit': limit, 'offset': offset})}"
            ),
            available=page.available,
            returned=len(page.documents),
            items=[models.Order.model_validate(d) for d in page.documents],
        )

    @app.post(
        "/orders",
        response_model=models.Order,
        response_model_exclude_none=True,
        status_code=201,
    )
    def create_order(body: models.OrderCreateUpdate, response: Response) -> models.Order:
        created = orders.create(Party(body.buyerId, BUYER), to_json(body), href)
        if not created.new:
            response.status_code = 200
        return order(created.order, response, created=created.order.revision == 1)

    @app.patch("/orders/{id}", response_model=models.Order, response_model_exclude_none=True)
    def patch_order(
        id: str,
        body: models.OrderPatch,
        response: Response,
        if_match: Annotated[str | None, Header()] = None,
    ) -> models.Order:
        # The usual FastAPI merge patch: the fields sent (null included), merged into the order.
        patch = body.model_dump(exclude_unset=True)
        return order(orders.patch(READER, id, patch, based_on(if_match)), response)

    return app
