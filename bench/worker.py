"""``python -m bench.worker``: the CPU the seller's worker spends on each order it confirms,
without HTTP: ``--orders`` orders are created through the domain (the bench's create request,
dated ahead so that the seller accepts them, an ENNI per 1,000 orders, as ``nox -s bench``
sends them), then processed one by one as the worker does (S-VLAN allocation, confirmation,
notifications and their outbox rows); the median, tenth percentile and mean of the process CPU
time per order are printed. ``--profile`` (cProfile) shows where it goes.

    .venv/bin/python -m bench.worker --orders 1000

The database is a new SQLite file unless ORDERS_DATABASE_URL is set. Every app of the bench but
the ceiling runs this work beside its POST requests.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import tempfile
import time

from sqlalchemy import text

from app.domain.orders import Orders
from app.domain.parties import BUYER, Party
from app.domain.processing import Processing
from app.storage.database import make_engine, migrate
from app.storage.unit_of_work import UnitOfWork
from bench.run import ORDERS_PER_ENNI, SEED_ENNI, SEED_PON, new_order_request

STATUSES = text("SELECT order_status, count(*) FROM orders GROUP BY order_status")


def create(orders: Orders, count: int) -> None:
    """As the bench's POST script sends them: the PON and ENNI replaced in the request's text."""
    request = new_order_request()
    buyer = Party(str(request["buyerId"]), BUYER)
    template = json.dumps(request)
    for n in range(count):
        body = template.replace(SEED_PON, f"PO-{n}").replace(
            SEED_ENNI, f"ENNI-{n // ORDERS_PER_ENNI}"
        )
        orders.create(
            buyer, json.loads(body), lambda order_id: f"http://127.0.0.1/orders/{order_id}"
        )


def process_all(processing: Processing, profile: cProfile.Profile | None) -> list[float]:
    """The CPU time of each order's processing, in seconds."""
    times = []
    while batch := processing.queued(50):
        for order in batch:
            if profile:
                profile.enable()
            start = time.process_time()
            processing.process(order)
            times.append(time.process_time() - start)
            if profile:
                profile.disable()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--profile", action="store_true", help="cProfile the processing")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        url = os.environ.get("ORDERS_DATABASE_URL", f"sqlite:///{directory}/worker.db")
        engine = make_engine(url)
        migrate(engine)
        uow = UnitOfWork(engine)
        create(Orders(uow), args.orders)
        profile = cProfile.Profile() if args.profile else None
        times = sorted(process_all(Processing(uow), profile))
        with engine.connect() as connection:
            statuses = {status: n for status, n in connection.execute(STATUSES)}
        engine.dispose()
    print(
        f"{len(times)} orders processed ({statuses}): CPU per order median {1e3 * statistics.median(times):.2f}"
        f" ms, p10 {1e3 * times[len(times) // 10]:.2f} ms, mean {1e3 * statistics.mean(times):.2f}"
        " ms"
    )
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
