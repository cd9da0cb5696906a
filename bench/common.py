"""What the two reference apps share with the service: its settings, its domain layer and
storage (on the same database), its problem bodies and its background worker, so that they do
the same business work and only the web framework differs."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

from sqlalchemy import Engine

from app.domain.errors import DomainError
from app.domain.orders import Orders
from app.domain.parties import SELLER, Party
from app.handlers.problems import problem_of
from app.main import seller_worker
from app.settings import Settings
from app.storage.database import make_engine
from app.storage.unit_of_work import UnitOfWork
from specfirst.problems import problem_body

Lifespan = Callable[[Any], AbstractAsyncContextManager[None]] | None
# The references check no tokens: they read and patch as the seller, who sees every order.
READER = Party("bench", SELLER)


def service(engine: Engine | None = None) -> tuple[Settings, Orders, Lifespan]:
    """The service's settings (ORDERS_* variables), its orders (the domain, on its storage),
    and the lifespan that runs the seller's background worker as the service does (unless
    ORDERS_WORKER=false); on ``engine``, or on the service's own engine of the settings."""
    settings = Settings()
    uow = UnitOfWork(engine or make_engine(settings.database_url), settings.buyer_callbacks)
    lifespan = seller_worker(settings, uow) if settings.worker else None
    return settings, Orders(uow), lifespan


def problem(error: DomainError, if_match: str | None = None) -> tuple[int, dict[str, Any]]:
    """(status, problem+json body) of a domain error, as the service answers it."""
    found = problem_of(error, if_match)
    if found is None:
        raise error
    return found.status, problem_body(found.status, found.title, found.detail, found.ext)
