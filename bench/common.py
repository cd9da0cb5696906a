"""What the two reference apps share with the service: its settings, its storage layer (on the
same database) and its background worker, so that only the web framework differs."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

from app.main import seller_worker
from app.settings import Settings
from app.storage.database import make_engine
from app.storage.notifications import NotificationStore
from app.storage.orders import OrderStore

Lifespan = Callable[[Any], AbstractAsyncContextManager[None]] | None


def storage() -> tuple[Settings, OrderStore, Lifespan]:
    """The service's settings (ORDERS_* variables), its order store, and the lifespan that runs
    the seller's background worker as the service does (unless ORDERS_WORKER=false)."""
    settings = Settings()
    engine = make_engine(settings.database_url)
    orders = OrderStore(engine)
    notifications = NotificationStore(engine, settings.buyer_callbacks)
    lifespan = seller_worker(settings, orders, notifications) if settings.worker else None
    return settings, orders, lifespan
