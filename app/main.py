"""The ASGI application: Connexion routes and validates requests straight from the spec."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml
from connexion import AsyncApp
from connexion.exceptions import ProblemException
from connexion.middleware import ConnexionMiddleware, MiddlewarePosition
from connexion.middleware.request_validation import RequestValidationMiddleware
from connexion.middleware.swagger_ui import SwaggerUIMiddleware
from connexion.options import SwaggerUIOptions
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from app import problems
from app.domain.notifications import Notifications
from app.domain.orders import Orders
from app.domain.processing import Processing
from app.handlers.notifications import NotificationHandlers
from app.handlers.orders import OrderHandlers
from app.health import add_health_routes
from app.observability import configure_logging, instrument
from app.security import Guard, security_map, verifier
from app.seller.delivery import Backoff, Deliverer
from app.seller.processing import OrderProcessor
from app.seller.worker import Worker
from app.settings import Settings
from app.storage.database import make_engine, migrate
from app.storage.outbox import Outbox
from app.storage.tokens import TokenStore
from app.storage.unit_of_work import UnitOfWork
from app.validation import RequestValidation, validator_map
from generated.operations import Operations, make_resolver
from generated.runtime import GeneratedApp

SPEC = Path(__file__).resolve().parent.parent / "spec" / "openapi.yaml"
SPEC_DOCUMENT = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
# Built once per process: the request body validators are compiled from the spec.
VALIDATORS = validator_map(SPEC_DOCUMENT)

# Connexion warns on every PATCH that the operation accepts two media types; both are intended.
logging.getLogger("connexion.operations.openapi3").setLevel(logging.ERROR)


def create_app(
    settings: Settings | None = None, *, order_handlers: type[OrderHandlers] = OrderHandlers
) -> AsyncApp:
    """The service; ``order_handlers`` lets a test bind a variant of the order handlers."""
    settings = settings or Settings()
    configure_logging(settings)
    engine = make_engine(settings.database_url, settings.database_timeout_seconds)
    migrate(engine)
    uow = UnitOfWork(engine, settings.buyer_callbacks)
    tokens = TokenStore(engine)
    operations = Operations(
        orders=order_handlers(Orders(uow), settings.public_url),
        notifications=NotificationHandlers(Notifications(uow), settings.public_url),
    )
    app = GeneratedApp(
        __name__,
        middlewares=middlewares(),
        specification_dir=SPEC.parent,
        lifespan=seller_worker(settings, uow) if settings.worker else None,
        security_map=security_map(verifier(tokens, settings.token_cache_seconds)),
    )
    app.add_api(
        SPEC.name,
        resolver=make_resolver(operations),
        **api_options(settings),
    )
    add_spec_routes(app)
    install_error_handlers(app)
    instrument(app)
    guard(app, settings)  # added last: inside observability, so its answers are logged too
    add_health_routes(app, engine)
    return app


def seller_worker(
    settings: Settings, uow: UnitOfWork
) -> Callable[[Any], AbstractAsyncContextManager[None]]:
    """The app's lifespan: the seller's background worker runs while the app serves."""

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        worker = Worker(
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
            ),
            settings.worker_poll_seconds,
        )
        worker.start()
        try:
            yield
        finally:
            worker.stop()

    return lifespan


UI_PATH = "/ui"


class SwaggerUIAtItsPath(SwaggerUIMiddleware):  # type: ignore[misc]  # connexion is untyped
    """Connexion's Swagger UI middleware copies the scope and matches every request against its
    routes before passing it on; only a request under the UI's path can be for it."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith(UI_PATH):
            await self.app(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def middlewares() -> list[Any]:
    """Connexion's middlewares, in its order (a new list: each app adds its own to it)."""
    ours = {SwaggerUIMiddleware: SwaggerUIAtItsPath, RequestValidationMiddleware: RequestValidation}
    return [
        ours.get(middleware, middleware) for middleware in ConnexionMiddleware.default_middlewares
    ]


def api_options(settings: Settings) -> dict[str, Any]:
    """How Connexion routes and validates the spec's operations (the mock app shares them)."""
    return {
        "pythonic_params": True,
        "strict_validation": True,
        "validate_responses": settings.validate_responses,
        "validator_map": VALIDATORS,
        # Connexion would serve the spec with every $ref inlined; buyers get it as written.
        "swagger_ui_options": SwaggerUIOptions(swagger_ui_path=UI_PATH, serve_spec=False),
    }


def guard(app: AsyncApp, settings: Settings) -> None:
    """The body size limit and the security headers, around Connexion's own middlewares."""
    app.add_middleware(
        Guard, position=MiddlewarePosition.BEFORE_EXCEPTION, max_body_bytes=settings.max_body_bytes
    )


def install_error_handlers(app: AsyncApp) -> None:
    """Every error leaves as application/problem+json; crashes without their trace."""
    methods = problems.MethodIndex(SPEC_DOCUMENT["paths"])
    app.add_error_handler(ProblemException, problems.problem_handler)
    app.add_error_handler(HTTPException, problems.http_exception_handler(methods))
    # json.loads recurses once per nesting level: a body nested deeper than Python's stack is
    # the client's fault, not a crash.
    app.add_error_handler(RecursionError, problems.too_deep_handler)
    # The database down, restarting, locked or out of connections: 503, the client retries.
    app.add_error_handler(DBAPIError, problems.database_error_handler)
    app.add_error_handler(PoolTimeout, problems.database_error_handler)
    app.add_error_handler(Exception, problems.crash_handler)


def add_spec_routes(app: AsyncApp) -> None:
    """The published spec, as written: /openapi.yaml byte for byte, /openapi.json its JSON."""
    text = SPEC.read_text(encoding="utf-8")
    as_json = json.dumps(SPEC_DOCUMENT, indent=2)

    async def openapi_yaml(_request: Request) -> Response:
        return Response(text, media_type="application/yaml")

    async def openapi_json(_request: Request) -> Response:
        return Response(as_json, media_type="application/json")

    app.add_url_rule("/openapi.yaml", "openapi_yaml", openapi_yaml, methods=["GET"])
    app.add_url_rule("/openapi.json", "openapi_json", openapi_json, methods=["GET"])
