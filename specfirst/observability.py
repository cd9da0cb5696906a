"""Request ids, JSON access logs and Prometheus metrics, as one ASGI middleware around Connexion.

The middleware sits just outside Connexion's exception middleware, so it sees every response the
service sends (problem documents included) and, after Connexion's routing middleware ran, the
operationId of the matched operation in ``scope["extensions"]["connexion_routing"]``.
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
import sys
import time
from contextvars import ContextVar
from typing import Any

from connexion import AsyncApp
from connexion.middleware import MiddlewarePosition
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client import multiprocess as prometheus_multiprocess
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector
from pythonjsonlogger.core import LogData
from pythonjsonlogger.json import JsonEncoder
from pythonjsonlogger.orjson import OrjsonFormatter
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from specfirst.document import HTTP_METHODS
from specfirst.problems import PROBLEM_JSON, problem_body
from specfirst.routes import HEALTHZ, METRICS, READYZ, SPEC_JSON, SPEC_YAML, UI_PATH

REQUEST_ID_HEADER = "X-Request-ID"
RAW_ID_HEADER = REQUEST_ID_HEADER.lower().encode("latin-1")
# A client's request id is echoed only when it is short and made of safe characters (uuids,
# ULIDs, trace ids); anything else is replaced, so logs and headers never carry junk.
SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
# Method labels: the HTTP methods of OpenAPI, any other is counted as OTHER.
METHODS = frozenset(method.upper() for method in HTTP_METHODS)
# Labels for requests that match no operation of the spec: the service's own routes by name,
# everything else "unmatched" (never the path itself: label values must stay few).
OWN_ROUTES = {
    HEALTHZ: "healthz",
    READYZ: "readyz",
    METRICS: "metrics",
    SPEC_YAML: "openapi.yaml",
    SPEC_JSON: "openapi.json",
}
SWAGGER_UI = "swagger-ui"
UNMATCHED = "unmatched"
ROUTING = "connexion_routing"

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
# Marks the log handler configure_logging installed, so that it replaces only its own.
OUR_HANDLER = "specfirst_handler"


# ---- logging ------------------------------------------------------------------------------


class RequestIdFilter(logging.Filter):
    """Adds the current request's id to every record logged while handling it."""

    def filter(self, record: logging.LogRecord) -> bool:
        current = request_id.get()
        if current is not None and not hasattr(record, "request_id"):
            record.request_id = current
        return True


class JsonLines(OrjsonFormatter):
    """python-json-logger's orjson formatter (a record costs several times less than with the
    json module), falling back to the json module for the records orjson refuses: strings with
    lone surrogates (a JSON body may carry them) and integers beyond 64 bits."""

    def jsonify_log_record(self, log_data: LogData) -> str:
        try:
            return super().jsonify_log_record(log_data)
        except TypeError:
            return json.dumps(log_data, cls=JsonEncoder)


def printable(text: str) -> str:
    """``text`` with its unprintable characters escaped (``\\x1b``, ``\\n``): a value someone
    else chose, written to a terminal or to a log of one line per record, can neither drive
    the terminal nor forge a line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


class PlainLines(logging.Formatter):
    """One line per record, its message escaped by ``printable`` (a traceback still follows
    on lines of its own)."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return printable(super().formatMessage(record))


def formatter(log_format: str) -> logging.Formatter:
    if log_format == "json":
        return JsonLines(
            "{levelname}{name}{message}{process}",
            style="{",
            rename_fields={"levelname": "level", "name": "logger", "process": "pid"},
            timestamp="time",
        )
    return PlainLines(
        "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        defaults={"request_id": "-"},
    )


def configure_logging(level: str, log_format: str) -> None:
    """One handler on the root logger, writing to stderr in the configured format; calling it
    again replaces the handler it installed before (each app created reconfigures)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, OUR_HANDLER, False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    setattr(handler, OUR_HANDLER, True)
    handler.setFormatter(formatter(log_format))
    handler.addFilter(RequestIdFilter())
    root.addHandler(handler)
    root.setLevel(level.upper())
    logging.captureWarnings(True)  # warnings become log records, in the same format
    # Connexion's DEBUG lines describe arguments; keep them out even at DEBUG.
    logging.getLogger("connexion").setLevel(max(logging.INFO, root.level))


# ---- metrics ------------------------------------------------------------------------------


def multiprocess_mode() -> bool:
    """prometheus-client's multiprocess mode: several workers share PROMETHEUS_MULTIPROC_DIR."""
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


class Metrics:
    """The service's metrics, in a registry of their own (one per app); their names start with
    ``prefix`` (``[tool.specfirst] metrics_prefix``)."""

    def __init__(self, prefix: str) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            f"{prefix}_requests",
            "HTTP requests answered, by operationId, method and status.",
            ["operation_id", "method", "status"],
            registry=self.registry,
        )
        self.duration = Histogram(
            f"{prefix}_request_duration_seconds",
            "Time to answer an HTTP request, by operationId.",
            ["operation_id"],
            registry=self.registry,
        )
        self._series: dict[tuple[str, str, int], tuple[Any, Any]] = {}
        if not multiprocess_mode():
            ProcessCollector(registry=self.registry)
            PlatformCollector(registry=self.registry)
            GCCollector(registry=self.registry)

    def observe(self, operation_id: str, method: str, status: int, seconds: float) -> None:
        # The labelled series, found once: prometheus_client's labels() locks and checks its
        # arguments on every call. The label values are few (operations x methods x statuses).
        key = (operation_id, method, status)
        series = self._series.get(key)
        if series is None:
            series = (
                self.requests.labels(operation_id, method, str(status)),
                self.duration.labels(operation_id),
            )
            self._series[key] = series
        series[0].inc()
        series[1].observe(seconds)

    def exposition(self) -> bytes:
        if multiprocess_mode():
            # Every worker writes its samples to files; a scrape adds them all up.
            registry = CollectorRegistry()
            prometheus_multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
            return generate_latest(registry)
        return generate_latest(self.registry)


# ---- the middleware -----------------------------------------------------------------------


def operation_label(scope: Scope) -> str:
    routing = scope.get("extensions", {}).get(ROUTING, {})
    operation_id = routing.get("operation_id")
    if operation_id:
        return str(operation_id)
    path: str = scope.get("path", "")
    if path in OWN_ROUTES:
        return OWN_ROUTES[path]
    if path == UI_PATH or path.startswith(f"{UI_PATH}/"):
        return SWAGGER_UI
    return UNMATCHED


# A uuid4's version (4) and variant (RFC 9562) bits over 128 random ones.
_UUID4_CLEAR = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID4_SET = (0x4000 << 64) | (0x8000 << 48)


def new_request_id() -> str:
    """A fresh uuid4, written out. A request id correlates log lines and is no secret, so its
    bits come from ``random`` (seeded from the OS, again in each forked worker) rather than
    ``os.urandom``, whose system call and UUID object cost four times as much per request."""
    h = "%032x" % ((random.getrandbits(128) & _UUID4_CLEAR) | _UUID4_SET)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def incoming_request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == RAW_ID_HEADER:
            sent = value.decode("latin-1")
            return sent if SANE_REQUEST_ID.match(sent) else new_request_id()
    return new_request_id()


class RequestObservability:
    """Gives each request an id (echoed in X-Request-ID), logs one access line and counts it."""

    def __init__(self, app: ASGIApp, metrics: Metrics, access_log: logging.Logger) -> None:
        self.app = app
        self.metrics = metrics
        self.access_log = access_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = incoming_request_id(scope)
        token = request_id.set(rid)
        # Connexion's routing middleware works on a copy of the scope but fills these shared
        # dicts in place: creating them here lets this middleware read the operationId after.
        scope.setdefault("extensions", {}).setdefault(ROUTING, {})
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                headers = [h for h in message.get("headers", ()) if h[0].lower() != RAW_ID_HEADER]
                headers.append((RAW_ID_HEADER, rid.encode("latin-1")))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            # Connexion's handlers answer every error; this is the last resort if one fails.
            logging.getLogger(__name__).exception("unhandled error")
            status = 500
            if not response_started:
                await self._crash(rid, send)
        finally:
            seconds = time.perf_counter() - started
            method = scope["method"] if scope["method"] in METHODS else "OTHER"
            operation = operation_label(scope)
            self.metrics.observe(operation, method, status, seconds)
            if self.access_log.isEnabledFor(logging.INFO):  # its fields cost, even unlogged
                self._log_access(rid, method, scope["path"], status, seconds, operation)
            request_id.reset(token)

    def _log_access(
        self, rid: str, method: str, path: str, status: int, seconds: float, operation: str
    ) -> None:
        # The record is made here rather than by Logger.info, which looks up its caller's file
        # and line on the stack for every request (the access line never shows them).
        log = self.access_log
        record = log.makeRecord(
            log.name,
            logging.INFO,
            __file__,
            0,
            "%s %s %s",
            (method, path, status),
            None,
            extra={
                "request_id": rid,
                "method": method,
                "path": path,
                "status": status,
                "duration_ms": round(seconds * 1000, 3),
                "operation_id": operation,
            },
        )
        log.handle(record)

    @staticmethod
    async def _crash(rid: str, send: Send) -> None:
        detail = f"The server failed; it was logged with request id {rid}."
        body = json.dumps(problem_body(500, "Internal Server Error", detail)).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 500,
                "headers": [
                    (b"content-type", PROBLEM_JSON.encode()),
                    (b"content-length", str(len(body)).encode()),
                    (RAW_ID_HEADER, rid.encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def instrument(app: AsyncApp, metrics: Metrics, access_log: str) -> Metrics:
    """Adds the middleware and ``/metrics`` to ``app``; each request is logged to the logger
    named ``access_log``. Returns the app's metrics."""
    app.add_middleware(
        RequestObservability,
        position=MiddlewarePosition.BEFORE_EXCEPTION,
        metrics=metrics,
        access_log=logging.getLogger(access_log),
    )

    async def metrics_endpoint(_request: Request) -> Response:
        return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST)

    app.add_url_rule(METRICS, "metrics", metrics_endpoint, methods=["GET"])
    return metrics
