"""Authentication of the Order API: the spec's ``bearerAuth`` scheme checks API tokens.

The framework (specfirst.security) finds the bearer token and calls ``verifier``; the caller it
hands the handlers has the token's party as its ``subject`` and the party's role.
"""

from __future__ import annotations

import asyncio
import time

from app.storage.tokens import PREFIX, TokenStore
from specfirst.security import Info, TokenVerifier

# The spec's name for the API token scheme (components/securitySchemes).
BEARER_SCHEME = "bearerAuth"


def verifier(tokens: TokenStore, cache_seconds: float) -> TokenVerifier:
    """Checks a bearer token against the stored hashes. Answers are kept ``cache_seconds`` so a
    busy client costs one lookup per interval, not one per request; a revoked token therefore
    stops working within that time (documented)."""
    cache: dict[str, tuple[float, Info | None]] = {}

    async def verify(token: str) -> Info | None:
        if not token.startswith(PREFIX):
            return None  # not an API token (an OAuth2 access token, say): no lookup
        at = time.monotonic()
        hit = cache.get(token)
        if hit is not None and at - hit[0] < cache_seconds:
            return hit[1]
        # The lookup is a blocking database call: off the event loop.
        found = await asyncio.to_thread(tokens.verify, token)
        info = None if found is None else {"sub": found.party, "role": found.role}
        if len(cache) > 10_000:
            cache.clear()  # bounded: a flood of made-up tokens cannot grow it without end
        cache[token] = (at, info)
        return info

    return verify
