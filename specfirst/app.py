"""The app factory: a Connexion AsyncApp serving a spec, with every part of the framework.

From the outside in: guard rails (body size, security headers), observability (request ids,
access log, metrics), Connexion's exception handling, routing, security (the application's
verifiers), request validation (every error listed, compiled body checks), and the operation
(the generated function, which calls the application's handler). Beside the spec's routes:
/openapi.yaml, /openapi.json, Swagger UI at /ui, /metrics, /healthz and /readyz.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import AbstractAsyncContextManager
from typing import Any

from anyio import to_thread
from connexion import AsyncApp
from connexion.middleware import MiddlewarePosition
from connexion.options import SwaggerUIOptions
from connexion.resolver import Resolver

from specfirst.config import Config
from specfirst.connexion_overrides import (
    GeneratedApp,
    SpecURIParser,
    check_connexion_version,
    connexion_view,
    middlewares,
    security_map,
    validate_each_spec_once,
    validator_map,
)
from specfirst.document import Spec, load_spec
from specfirst.guard import Guard
from specfirst.health import Readiness, add_health_routes
from specfirst.observability import Metrics, configure_logging, instrument, request_id
from specfirst.problems import ErrorHandlers, MethodIndex, Unavailable
from specfirst.routes import UI_PATH, add_spec_routes
from specfirst.security import Verifier, bind_verifiers, challenge
from specfirst.settings import ServiceSettings

Lifespan = Callable[[Any], AbstractAsyncContextManager[None]]


def frozen_heap(lifespan: Lifespan | None) -> Lifespan:
    """``lifespan``, and once the app has started (its spec read, its validators compiled,
    its middleware built), everything alive moved out of the garbage collector's sight: what
    lives as long as the app need not be traversed again by every full collection, whose
    pauses (tens of milliseconds over a large heap) would otherwise show in the latency."""

    @contextlib.asynccontextmanager
    async def run(app: Any) -> AsyncIterator[None]:
        async with lifespan(app) if lifespan is not None else contextlib.nullcontext():
            gc.collect()
            gc.freeze()
            yield

    return run


def threads_limited(lifespan: Lifespan | None, threads: int) -> Lifespan:
    """``lifespan``, with at most ``threads`` handlers running at once in the threadpool."""

    @contextlib.asynccontextmanager
    async def run(app: Any) -> AsyncIterator[None]:
        # The limiter belongs to the event loop, which exists only once the app starts serving.
        to_thread.current_default_thread_limiter().total_tokens = threads
        async with lifespan(app) if lifespan is not None else contextlib.nullcontext():
            yield

    return run


def quiet_connexion() -> None:
    # Connexion warns on every operation that accepts two JSON media types (a merge patch and
    # plain JSON, say) that it picks the first; both are intended.
    logging.getLogger("connexion.operations.openapi3").setLevel(logging.ERROR)


def api_options(spec: Spec, settings: ServiceSettings, *, refuse_nul: bool) -> dict[str, Any]:
    """How Connexion routes and validates the spec's operations."""
    return {
        "pythonic_params": True,
        "strict_validation": True,
        "validate_responses": settings.validate_responses,
        "validator_map": validator_map(spec, refuse_nul=refuse_nul),
        "uri_parser_class": SpecURIParser,
        # Connexion would serve the spec with every $ref inlined; clients get it as written.
        "swagger_ui_options": SwaggerUIOptions(swagger_ui_path=UI_PATH, serve_spec=False),
    }


def create_service(
    config: Config,
    resolver: Resolver,
    settings: ServiceSettings,
    *,
    verifiers: Mapping[str, Verifier],
    readiness: Readiness | None = None,
    unavailable: Unavailable | None = None,
    lifespan: Lifespan | None = None,
    refuse_nul: bool = False,
    import_name: str = "specfirst",
) -> AsyncApp:
    """The service of ``config.spec``: ``resolver`` finds each operation's function (the
    generated ``make_resolver(Operations(...))``), ``verifiers`` check the credentials of each
    security scheme by name, ``readiness`` backs /readyz, ``unavailable`` names the errors that
    answer 503 with Retry-After, ``lifespan`` runs beside the app, ``refuse_nul`` answers 422
    to a U+0000 in a body or parameter."""
    check_connexion_version()
    validate_each_spec_once()
    configure_logging(settings.log_level, settings.log_format)
    quiet_connexion()
    spec = load_spec(config.spec)
    app = GeneratedApp(
        import_name,
        middlewares=middlewares(),
        specification_dir=config.spec.parent,
        lifespan=frozen_heap(threads_limited(lifespan, settings.threads)),
        security_map=security_map(bind_verifiers(spec, verifiers)),
    )
    app.add_api(
        connexion_view(spec),
        resolver=resolver,
        **api_options(spec, settings, refuse_nul=refuse_nul),
    )
    add_spec_routes(app, config.spec, spec)
    errors = ErrorHandlers(
        MethodIndex(spec.get("paths", {})),
        challenge=challenge(spec),
        refused_challenge=challenge(spec, error="invalid_token"),
        request_id=request_id.get,
        unavailable=unavailable,
    )
    for error, handler in errors.handlers():
        app.add_error_handler(error, handler)
    instrument(app, Metrics(config.metrics_prefix), config.access_log)
    # Added last: inside observability, so its answers are logged and counted too.
    app.add_middleware(
        Guard, position=MiddlewarePosition.BEFORE_EXCEPTION, max_body_bytes=settings.max_body_bytes
    )
    add_health_routes(app, readiness)
    return app
