"""app/seller/delivery.py: the retry schedule of a failed delivery."""

from __future__ import annotations

from datetime import UTC, datetime

from app.seller.delivery import Backoff


def test_backoff_grows_exponentially_with_jitter_up_to_a_cap() -> None:
    backoff = Backoff(base_seconds=2, max_seconds=60, max_attempts=8)
    at = datetime(2026, 1, 1, tzinfo=UTC)
    for attempts, full in [(1, 2), (2, 4), (3, 8), (5, 32), (6, 60), (7, 60)]:
        delays = set()
        for _ in range(50):
            retry_at = backoff.retry_at(attempts, at)
            assert retry_at is not None
            delay = (retry_at - at).total_seconds()
            assert full / 2 <= delay <= full
            delays.add(delay)
        assert len(delays) > 1  # jittered
    assert backoff.retry_at(8, at) is None  # tries used up: dead
