"""Delivery of notifications to buyers from the outbox: at least once, in order per order,
with exponential backoff and jitter, dead after a number of tries (and visible as such)."""

from __future__ import annotations

import contextlib
import logging
import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx

from app.domain.callbacks import Refused, Resolver, destinations, resolve
from app.domain.time import now
from app.storage.outbox import Delivery, Outbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Backoff:
    base_seconds: float = 1.0
    max_seconds: float = 300.0
    max_attempts: int = 10

    def retry_at(self, attempts: int, at: datetime) -> datetime | None:
        """When to try again after ``attempts`` failed tries; None once they are used up.
        "Equal jitter": half the exponential delay, plus a random part of the other half, so
        retries of many deliveries spread out instead of arriving together."""
        if attempts >= self.max_attempts:
            return None
        delay = min(self.max_seconds, self.base_seconds * 2 ** (attempts - 1))
        return at + timedelta(seconds=delay / 2 + random.uniform(0, delay / 2))


def permanent(status: int) -> bool:
    """A refusal that retrying cannot change (the buyer rejects the notification itself)."""
    return 400 <= status < 500 and status not in (408, 425, 429)


def post(
    client: httpx.Client, url: str, addresses: list[str], document: Any, headers: dict[str, str]
) -> httpx.Response:
    """POSTs ``document`` to ``url``; given the addresses its host was checked at, to the first
    of them that takes the connection, as that host (its Host header, TLS server name and
    certificate): a connection to the name would resolve it once more, and a name that answers
    a public address to the check can answer a private one next."""
    if not addresses:
        return client.post(url, json=document, headers=headers)
    target = httpx.URL(url)
    as_host = {
        **headers,
        "Host": target.netloc.decode("ascii"),
        # httpx pools connections by address: closed after use, a connection made for one
        # host's certificate never carries another host's request.
        "Connection": "close",
    }
    extensions = {"sni_hostname": target.raw_host.decode("ascii")}

    def to(address: str) -> httpx.Response:
        return client.post(
            target.copy_with(host=address), json=document, headers=as_host, extensions=extensions
        )

    *others, last = addresses
    for address in others:
        with contextlib.suppress(httpx.ConnectError):
            return to(address)
    return to(last)


class Deliverer:
    def __init__(
        self,
        outbox: Outbox,
        backoff: Backoff,
        *,
        credentials: Mapping[str, str] | None = None,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
        allow_private: bool = False,
        resolver: Resolver = resolve,
    ) -> None:
        self.outbox = outbox
        self.backoff = backoff
        # buyerId -> the seller's token at that buyer's endpoint.
        self.credentials = dict(credentials or {})
        self.client = httpx.Client(timeout=timeout, transport=transport)
        # A delivery is leased for longer than one POST can take (each of httpx's phases has
        # its own timeout). Should a POST outlast it, another worker may send it too: at least
        # once, and notificationVersion lets the buyer order what it receives.
        self.lease_seconds = timeout * 3
        self.allow_private = allow_private
        self.resolver = resolver

    def close(self) -> None:
        self.client.close()

    def run_once(self, limit: int = 50) -> int:
        """Delivers what is due; returns how many deliveries were attempted."""
        attempted = 0
        for due in self.outbox.due(limit):
            claimed = self.outbox.claim(due, self.lease_seconds)
            if claimed is not None:  # else another worker has it, or has delivered it
                self.deliver(claimed)
                attempted += 1
        return attempted

    def deliver(self, delivery: Delivery) -> bool:
        addresses: list[str] = []
        if delivery.hub_id is not None:
            # Checked again now: the callback's name may resolve elsewhere than when the buyer
            # subscribed (DNS rebinding). The operator's own callbacks are trusted.
            try:
                addresses = destinations(
                    delivery.url, allow_private=self.allow_private, resolver=self.resolver
                )
            except Refused as why:
                return self._failed(delivery, f"refused callback: {why}", retry=False)
        token = self.credentials.get(delivery.document.get("buyerId", ""))
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            response = post(self.client, delivery.url, addresses, delivery.document, headers)
        except httpx.HTTPError as error:
            return self._failed(delivery, f"{type(error).__name__}: {error}", retry=True)
        except httpx.InvalidURL as error:  # an operator's callback; a hub's is refused earlier
            return self._failed(delivery, f"{type(error).__name__}: {error}", retry=False)
        if response.is_success:
            self.outbox.delivered(delivery)
            return True
        reason = f"HTTP {response.status_code}: {response.text[:500]}"
        return self._failed(delivery, reason, retry=not permanent(response.status_code))

    def _failed(self, delivery: Delivery, error: str, *, retry: bool) -> bool:
        retry_at = self.backoff.retry_at(delivery.attempts + 1, now()) if retry else None
        self.outbox.failed(delivery, error, retry_at)
        log.warning(
            "notification delivery %s to %s failed (%s); %s",
            delivery.seq,
            delivery.url,
            error,
            f"retry at {retry_at.isoformat()}" if retry_at else "dead",
        )
        return False
