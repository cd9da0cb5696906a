"""Guard rails, an ASGI middleware outside Connexion: a request body size limit (413, and 411
for a body without a length) and the security headers of every response."""

from __future__ import annotations

from collections.abc import Iterable

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from specfirst.problems import problem_response
from specfirst.routes import UI_PATH

# Every response: no MIME sniffing, no framing, no referrer leaks, no caching of API data.
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


def _raw(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [
        (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()
    ]


class Guard:
    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self._api_headers = _raw({**SECURITY_HEADERS, "Content-Security-Policy": API_CSP})
        self._ui_headers = _raw({**SECURITY_HEADERS, "Content-Security-Policy": UI_CSP})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        added = self._ui_headers if scope["path"].startswith(UI_PATH) else self._api_headers

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                # Each one the response does not set itself (raw: this runs for every response).
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers.extend(header for header in added if header[0] not in present)
                message["headers"] = headers
            await send(message)

        refusal = self.refusal(scope["headers"])
        if refusal is not None:
            # Answered before a byte of the body is read.
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def refusal(self, raw_headers: Iterable[tuple[bytes, bytes]]) -> Response | None:
        # The raw headers, scanned once (a Headers object costs more than the scan, and this
        # runs for every request); the first of each name counts, as Headers.get would take it.
        length: str | None = None
        encoding: str | None = None
        for name, value in raw_headers:
            if name == b"content-length" and length is None:
                length = value.decode("latin-1")
            elif name == b"transfer-encoding" and encoding is None:
                encoding = value.decode("latin-1")
        if length is None and encoding is not None and "chunked" in encoding.lower():
            # Connexion reads a body by its Content-Length only: say so, rather than let a
            # chunked body pass for a missing one.
            return problem_response(411, "Length Required", "send the body with a Content-Length")
        if length is not None and length.isdigit() and int(length) > self.max_body_bytes:
            detail = f"the request body is larger than {self.max_body_bytes} bytes"
            return problem_response(413, "Content Too Large", detail)
        return None
