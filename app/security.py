"""Authentication and the service's guard rails.

- Bearer tokens: Connexion's security middleware checks the spec's ``bearerAuth`` scheme with
  ``verifier`` (bound through ``security_map``, so the spec names no Python function); the
  generated operations then check the operation's ``x-roles`` and hand the handler its caller.
- ``Guard``, an ASGI middleware outside Connexion: a request body size limit (413, 411 for a
  body without a length) and the security headers of every response.
"""

from __future__ import annotations

import asyncio
import functools
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from connexion.security import BearerSecurityHandler
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.problems import PROBLEM_JSON, problem_body
from app.storage.tokens import TokenStore

TokenInfo = dict[str, str]
Verifier = Callable[[str], Awaitable[TokenInfo | None]]


def verifier(tokens: TokenStore, cache_seconds: float) -> Verifier:
    """Checks a bearer token against the stored hashes. Answers are kept ``cache_seconds`` so a
    busy client costs one lookup per interval, not one per request; a revoked token therefore
    stops working within that time (documented)."""
    cache: dict[str, tuple[float, TokenInfo | None]] = {}

    async def verify(token: str) -> TokenInfo | None:
        at = time.monotonic()
        hit = cache.get(token)
        if hit is not None and at - hit[0] < cache_seconds:
            return hit[1]
        # The lookup is a blocking database call: off the event loop.
        found = await asyncio.to_thread(tokens.verify, token)
        info = (
            None
            if found is None
            else {"party": found.party, "role": found.role, "sub": found.party}
        )
        if len(cache) > 10_000:
            cache.clear()  # bounded: a flood of made-up tokens cannot grow it without end
        cache[token] = (at, info)
        return info

    return verify


_accepts_kwarg = functools.cache(BearerSecurityHandler._accepts_kwarg)


def security_map(verify: Verifier) -> dict[str, type[BearerSecurityHandler]]:
    """Connexion's handler for ``http`` ``bearer`` schemes, bound to ``verify``."""

    class PartyBearer(BearerSecurityHandler):  # type: ignore[misc]  # connexion is untyped
        def _resolve_func(self, security_scheme: Any) -> Verifier:
            return verify

        @staticmethod
        def _accepts_kwarg(func: Callable[..., Any], keyword: str) -> bool:
            # Connexion asks this twice per request, each time by inspect.signature; the answer
            # never changes for a function.
            return bool(_accepts_kwarg(func, keyword))

    return {"bearer": PartyBearer}


# Every response: no MIME sniffing, no framing, no referrer leaks, no caching of order data.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
# API answers are data, never a page: nothing in them may run. Swagger UI's page needs its own
# scripts and styles (served by the service itself).
API_CSP = "default-src 'none'; frame-ancestors 'none'"
UI_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'none'"
)


class Guard:
    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = UI_CSP if scope["path"].startswith("/ui") else API_CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                headers.setdefault("Content-Security-Policy", csp)
            await send(message)

        refusal = self.refusal(Headers(scope=scope))
        if refusal is not None:
            # Answered before a byte of the body is read.
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def refusal(self, headers: Headers) -> Response | None:
        length = headers.get("content-length")
        if length is None and "chunked" in headers.get("transfer-encoding", "").lower():
            # Connexion reads a body by its Content-Length only: say so, rather than let a
            # chunked body pass for a missing one.
            return problem_response(411, "Length Required", "send the body with a Content-Length")
        if length is not None and length.isdigit() and int(length) > self.max_body_bytes:
            detail = f"the request body is larger than {self.max_body_bytes} bytes"
            return problem_response(413, "Content Too Large", detail)
        return None


def problem_response(status: int, title: str, detail: str) -> Response:
    body = json.dumps(problem_body(status, title, detail))
    return Response(body, status_code=status, media_type=PROBLEM_JSON)
