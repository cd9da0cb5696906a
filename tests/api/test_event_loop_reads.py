"""On SQLite the order reads (get, list) run on the event loop, every other handler in the
threadpool; on PostgreSQL all of them in the threadpool (a network database's wait would hold
up every request). The answers are the same either way."""

from __future__ import annotations

import threading
from typing import Any

from starlette.testclient import TestClient

from app.handlers.orders import OrderHandlers
from app.main import create_app
from app.settings import Settings
from tests.helpers import create_order
from tests.servers import bearer

THREADS: dict[str, set[str]] = {}


class Recording(OrderHandlers):
    """The order handlers, noting the thread each ran in."""

    def __getattribute__(self, name: str) -> Any:
        found = super().__getattribute__(name)
        if name in {"get_order", "list_orders", "create_order"}:

            def recorded(**kwargs: Any) -> Any:
                THREADS.setdefault(name, set()).add(threading.current_thread().name)
                return found(**kwargs)

            return recorded
        return found


def test_reads_run_on_the_event_loop_on_sqlite_only(database_url: str) -> None:
    THREADS.clear()
    app = create_app(Settings(database_url=database_url, worker=False), order_handlers=Recording)
    with TestClient(app) as client:
        client.headers.update(bearer(database_url, "Verizon", "buyer"))
        order = create_order(client)
        got = client.get(f"/orders/{order['id']}")
        listed = client.get("/orders", params={"buyerId": "Verizon"})
        loop_thread = client.portal.call(lambda: threading.current_thread().name)  # type: ignore[union-attr]
    assert got.status_code == 200 and got.json()["id"] == order["id"]
    assert listed.status_code == 200 and [o["id"] for o in listed.json()["items"]] == [order["id"]]
    on_sqlite = database_url.startswith("sqlite")
    assert (THREADS["get_order"] == {loop_thread}) is on_sqlite, THREADS
    assert (THREADS["list_orders"] == {loop_thread}) is on_sqlite, THREADS
    assert loop_thread not in THREADS["create_order"], THREADS
