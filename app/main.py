"""The Order API service: its settings, storage, domain and handlers, composed on the
framework (the layers: docs/application.md)."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import timedelta
from typing import Any

from connexion import AsyncApp

from app import oauth2
from app.domain.hubs import Hubs
from app.domain.notifications import Notifications
from app.domain.orders import Orders
from app.domain.processing import Processing
from app.handlers.hubs import HubHandlers
from app.handlers.notifications import NotificationHandlers
from app.handlers.orders import OrderHandlers
from app.security import BEARER_SCHEME, verifier
from app.seller.delivery import Backoff, Deliverer
from app.seller.processing import OrderProcessor
from app.seller.worker import Worker
from app.settings import Settings, project_config
from app.storage.database import UNAVAILABLE, check_database, make_engine, migrate
from app.storage.outbox import Outbox
from app.storage.tokens import TokenStore
from app.storage.unit_of_work import UnitOfWork
from generated.operations import Operations, make_resolver
from specfirst.app import create_service
from specfirst.observability import configure_logging


def create_app(
    settings: Settings | None = None, *, order_handlers: type[OrderHandlers] = OrderHandlers
) -> AsyncApp:
    """The service; ``order_handlers`` lets a test bind a variant of the order handlers."""
    settings = settings or Settings()
    uow = storage(settings)
    engine = uow.engine
    tokens = TokenStore(engine)
    hubs = Hubs(uow, allow_private=settings.hub_allow_private_callbacks)
    operations = Operations(
        orders=order_handlers(
            Orders(uow), settings.public_url, reads_on_event_loop=engine.dialect.name == "sqlite"
        ),
        notifications=NotificationHandlers(Notifications(uow), settings.public_url),
        hub=HubHandlers(hubs, settings.public_url),
    )
    return create_service(
        project_config(),
        make_resolver(operations),
        settings,
        verifiers={
            BEARER_SCHEME: verifier(tokens, settings.token_cache_seconds),
            oauth2.OAUTH2_SCHEME: oauth2.verifier(settings),
        },
        readiness=functools.partial(check_database, engine),
        unavailable=UNAVAILABLE,
        lifespan=seller_worker(settings, uow) if settings.worker else None,
        # PostgreSQL stores no U+0000 in text or JSON: neither database accepts one.
        refuse_nul=True,
        import_name=__name__,
    )


def storage(settings: Settings) -> UnitOfWork:
    """The service's database, migrated, in units of work; the logs are configured first, so
    that the migration's are formatted as the service's."""
    configure_logging(settings.log_level, settings.log_format)
    engine = make_engine(settings.database_url, settings.database_timeout_seconds, settings.threads)
    migrate(engine)
    return UnitOfWork(engine, settings.buyer_callbacks)


def seller(settings: Settings, uow: UnitOfWork) -> Worker:
    """The seller's background worker: processes the queued orders, delivers notifications."""
    return Worker(
        OrderProcessor(
            Processing(
                uow,
                lead_time=timedelta(days=settings.lead_time_days),
                correction_time=timedelta(days=settings.correction_days),
            )
        ),
        Deliverer(
            Outbox(uow.engine),
            Backoff(
                settings.delivery_base_seconds,
                settings.delivery_max_seconds,
                settings.delivery_max_attempts,
            ),
            credentials=settings.buyer_callback_tokens,
            timeout=settings.delivery_timeout_seconds,
            allow_private=settings.hub_allow_private_callbacks,
        ),
        settings.worker_poll_seconds,
    )


def seller_worker(
    settings: Settings, uow: UnitOfWork
) -> Callable[[Any], AbstractAsyncContextManager[None]]:
    """The app's lifespan: the seller's background worker runs while the app serves."""

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        worker = seller(settings, uow)
        worker.start()
        try:
            yield
        finally:
            worker.stop()

    return lifespan
