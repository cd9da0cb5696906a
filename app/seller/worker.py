"""The seller's background work, beside the requests: process queued orders, deliver due
notifications. One thread per service process; processes share the work through the database."""

from __future__ import annotations

import logging
import threading

from app.seller.delivery import Deliverer
from app.seller.processing import OrderProcessor
from app.storage.database import database_unavailable, unavailable_reason

log = logging.getLogger(__name__)
# After a failed round the worker waits longer each time, up to this, so an outage of the
# database costs a few quiet retries rather than a busy loop.
MAX_BACKOFF_SECONDS = 5.0


class Worker:
    def __init__(
        self, processor: OrderProcessor, deliverer: Deliverer, poll_seconds: float = 0.5
    ) -> None:
        self.processor = processor
        self.deliverer = deliverer
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_once(self) -> int:
        return self.processor.run_once() + self.deliverer.run_once()

    def _loop(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                busy = self.run_once()
            except Exception as error:
                # The database may be away for a while: keep going, the work is all stored.
                failures += 1
                if not database_unavailable(error):
                    log.exception("background work failed; retrying")
                elif failures == 1:
                    log.warning(
                        "database unavailable (%s): background work paused, retrying",
                        unavailable_reason(error),
                    )
                self._stop.wait(min(MAX_BACKOFF_SECONDS, self.poll_seconds * 2**failures))
                continue
            if failures:
                log.info("background work resumed after %d failed rounds", failures)
                failures = 0
            if not busy:
                self._stop.wait(self.poll_seconds)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="seller-worker", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        self.deliverer.close()
