"""The seller's processing queue: each waiting order processed in turn (app/domain/processing.py
decides what becomes of it); an order whose processing crashes waits before its next try."""

from __future__ import annotations

import logging
import time

from app.domain.processing import Processing
from app.domain.records import StoredOrder
from app.storage.database import database_unavailable

log = logging.getLogger(__name__)
# At most this many failing orders are passed over in one query (the rest wait their turn).
MAX_SKIPPED = 500


class OrderProcessor:
    def __init__(
        self,
        processing: Processing,
        *,
        retry_base_seconds: float = 5.0,
        retry_max_seconds: float = 600.0,
    ) -> None:
        self.processing = processing
        self.retry_base_seconds = retry_base_seconds
        self.retry_max_seconds = retry_max_seconds
        # Orders whose processing failed (a bug, not bad input): seq -> (failures, next try).
        # They wait, doubling each time, so they cannot hold up the orders queued behind them.
        self._failing: dict[int, tuple[int, float]] = {}

    def queued(self, limit: int) -> list[StoredOrder]:
        return self.processing.queued(limit)

    def process(self, order: StoredOrder) -> bool:
        """False when the order changed since it was read, or another worker has it."""
        return self.processing.process(order)

    def run_once(self, limit: int = 20) -> int:
        """Processes the orders waiting; returns how many were processed here."""
        done = 0
        at = time.monotonic()
        waiting = [seq for seq, (_, retry_at) in self._failing.items() if retry_at > at]
        for order in self.processing.queued(limit, skip=waiting[:MAX_SKIPPED]):
            try:
                done += self.process(order)
            except Exception as error:
                if database_unavailable(error):
                    raise  # not this order's fault: the worker pauses until the database is back
                # The order stays queued, and is tried again after a while.
                failures = self._failing.get(order.seq, (0, 0.0))[0] + 1
                delay = min(self.retry_max_seconds, self.retry_base_seconds * 2 ** (failures - 1))
                self._failing[order.seq] = (failures, at + delay)
                log.exception(
                    "processing order %s failed (%d times); next try in %.0f s",
                    order.document.get("id"),
                    failures,
                    delay,
                )
            else:
                self._failing.pop(order.seq, None)
        return done
