"""The peer the issue names: FastAPI + SQLModel, written the way full-stack-fastapi-template writes
an app. A session per request from a dependency, the SQLModel table models, ``select()``,
``session.add`` and ``commit``; the generated pydantic models as request and response models.
It writes the ceiling's rows (bench/ceiling_app.py: the order and its revision in one
transaction, made by the same functions), on the service's engine (durable as the service:
SQLite ``synchronous=FULL``, writers taking turns). It runs the seller's background worker, as
the service does, and that worker processes the orders it writes. Its writes skip the service's
domain rules, so on a write it does less work than the service.

``uvicorn --factory bench.sqlmodel_app:create_app`` (ORDERS_DATABASE_URL as for the service).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import urlencode

import orjson
from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.settings import Settings
from app.storage.database import make_engine
from app.storage.tables import OrderRevisionRow, OrderRow
from bench.ceiling_app import columns, new_order, patched
from bench.common import service
from generated import models

# A PATCH that read a revision another PATCH of the same order wrote first fails on the
# revision's primary key and is tried again, reading the order anew.
PATCH_TRIES = 20


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def seq_of(row: OrderRow) -> int:
    assert row.seq is not None, "read or flushed rows have their key"
    return row.seq


def stored_row(document: dict[str, Any], at: datetime) -> OrderRow:
    buyer_id, pon, version, status, order_type, order_date = columns(document)
    return OrderRow(
        id=document["id"],
        buyer_id=buyer_id,
        pon=pon,
        buyer_order_version=version,
        order_status=status,
        order_type=order_type,
        order_date=order_date,
        revision=1,
        needs_processing=True,
        created_at=at,
        updated_at=at,
        canonical=orjson.dumps(document).decode(),
    )


def changed(row: OrderRow, document: dict[str, Any], at: datetime) -> None:
    _, _, version, status, order_type, order_date = columns(document)
    row.buyer_order_version, row.order_status, row.order_type = version, status, order_type
    row.order_date, row.updated_at, row.needs_processing = order_date, at, True
    row.revision += 1
    row.canonical = orjson.dumps(document).decode()


def create_app() -> FastAPI:
    settings = Settings()
    public = settings.public_url.rstrip("/")
    # The service's engine, shared with its seller's worker: one writer's turn for both.
    engine = make_engine(settings.database_url)
    _, _, lifespan = service(engine)
    app = FastAPI(title="Order API (FastAPI + SQLModel reference)", lifespan=lifespan)
    app.state.engine = engine

    def href(order_id: str) -> str:
        return f"{public}/orders/{order_id}"

    def find(session: Session, order_id: str) -> OrderRow:
        row = session.exec(select(OrderRow).where(OrderRow.id == order_id)).first()
        if row is None:
            raise HTTPException(404, f"no order {order_id}")
        return row

    def answer(revision: int, canonical: str, response: Response) -> models.Order:
        response.headers["ETag"] = f'"{revision}"'
        return models.Order.model_validate_json(canonical)

    @app.get("/orders/{id}", response_model=models.Order, response_model_exclude_none=True)
    def get_order(id: str, session: SessionDep, response: Response) -> models.Order:
        row = find(session, id)
        return answer(row.revision, row.canonical, response)

    @app.get("/orders", response_model=models.OrderList, response_model_exclude_none=True)
    def list_orders(
        session: SessionDep,
        buyer_id: Annotated[str, Query(alias="buyerId", min_length=1)],
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> models.OrderList:
        mine = OrderRow.buyer_id == buyer_id
        available = session.exec(select(func.count()).select_from(OrderRow).where(mine)).one()
        rows = session.exec(
            select(OrderRow).where(mine).order_by(OrderRow.seq.desc()).offset(offset).limit(limit)  # type: ignore[union-attr]
        ).all()
        asked = urlencode({"buyerId": buyer_id, "limit": limit, "offset": offset})
        return models.OrderList(
            link=models.Link(href=f"{public}/orders?{asked}"),
            available=available,
            returned=len(rows),
            items=[models.Order.model_validate_json(row.canonical) for row in rows],
        )

    @app.post(
        "/orders", response_model=models.Order, response_model_exclude_none=True, status_code=201
    )
    def create_order(
        body: models.OrderCreateUpdate, session: SessionDep, response: Response
    ) -> models.Order:
        document = new_order(body.model_dump(mode="json", exclude_none=True), href)
        at = datetime.now(UTC)
        row = stored_row(document, at)
        session.add(row)
        try:
            session.flush()
            session.add(
                OrderRevisionRow(
                    order_seq=seq_of(row), revision=1, recorded_at=at, document=document
                )
            )
            session.commit()
        except IntegrityError as error:
            session.rollback()
            raise HTTPException(409, "this buyer already has an order of that number") from error
        response.headers["Location"] = document["link"]["href"]
        return answer(row.revision, row.canonical, response)  # read back, as the template does

    @app.patch("/orders/{id}", response_model=models.Order, response_model_exclude_none=True)
    def patch_order(
        id: str, body: models.OrderPatch, session: SessionDep, response: Response
    ) -> models.Order:
        patch = body.model_dump(mode="json", exclude_unset=True)
        for _ in range(PATCH_TRIES):
            row = find(session, id)
            document = patched(orjson.loads(row.canonical), patch)
            at = datetime.now(UTC)
            changed(row, document, at)
            session.add(
                OrderRevisionRow(
                    order_seq=seq_of(row), revision=row.revision, recorded_at=at, document=document
                )
            )
            # What this PATCH wrote: read back after the commit, the row may already hold the
            # revision of a concurrent PATCH of the same order.
            written = (row.revision, row.canonical)
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                continue
            return answer(*written, response)
        raise HTTPException(409, f"order {id} is being changed by other requests")

    return app
