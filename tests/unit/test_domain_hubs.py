"""The hub's rules without a database or a network: Sonata's query, the callback rule with a
resolver standing in for DNS (a name that resolves elsewhere later), and a buyer's own hubs."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from app.domain.callbacks import refusal
from app.domain.errors import Invalid, NotFound
from app.domain.hubs import Hubs, event_types
from app.domain.parties import BUYER, Party
from tests.helpers import VERIZON
from tests.memory_storage import MemoryUnitOfWork

ATT = Party("AT&T", BUYER)


def test_a_query_selects_event_types() -> None:
    assert event_types(None) is None and event_types("") is None  # every event
    assert event_types("eventType=COMPLETION,JEOPARDY") == frozenset({"COMPLETION", "JEOPARDY"})
    assert event_types("eventType=COMPLETION&eventType=JEOPARDY") == frozenset(
        {"COMPLETION", "JEOPARDY"}
    )
    for bad in ("eventType=", "eventType=DONE", "orderId=1", "eventType"):
        with pytest.raises(Invalid) as refused:
            event_types(bad)
        assert refused.value.errors[0].pointer == "/query"


class Dns:
    """Answers for the names asked, changeable between calls (as a rebinding attacker's)."""

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def __call__(self, host: str) -> Iterable[str]:
        self.asked.append(host)
        if host not in self.answers:
            raise OSError("Name or service not known")
        return self.answers[host]


def test_a_name_is_judged_by_every_address_it_resolves_to() -> None:
    dns = Dns({"buyer.test": ["8.8.8.8"], "mixed.test": ["8.8.8.8", "10.0.0.1"]})
    assert refusal("https://buyer.test/api", allow_private=False, resolver=dns) is None
    why = refusal("https://mixed.test/api", allow_private=False, resolver=dns)
    assert why == "'mixed.test' resolves to 10.0.0.1, a private address"
    assert "does not resolve" in (
        refusal("https://gone.test", allow_private=False, resolver=dns) or ""
    )
    # Rebinding: the same name, private now.
    dns.answers["buyer.test"] = ["127.0.0.1"]
    assert "loopback" in (
        refusal("https://buyer.test/api", allow_private=False, resolver=dns) or ""
    )
    # Allowed private callbacks: nothing is resolved.
    dns.asked.clear()
    assert refusal("http://buyer.test/api", allow_private=True, resolver=dns) is None
    assert dns.asked == []


def test_not_https_is_refused_before_any_name_is_resolved() -> None:
    dns = Dns({})
    why = refusal("http://buyer.test/api", allow_private=False, resolver=dns)
    assert why is not None and "not https" in why and dns.asked == []


@pytest.mark.parametrize(
    "callback",
    [
        "https://buyer.test/\x1b",
        "https://buyer.test/api\x7f",
        "https://\uff42\uff55\uff59\uff45\uff52.test/",
    ],
)
def test_a_callback_the_deliveries_could_not_send_to_is_refused(callback: str) -> None:
    # urlsplit takes these; httpx, which delivers, raises InvalidURL on them.
    dns = Dns({"buyer.test": ["8.8.8.8"]})
    why = refusal(callback, allow_private=True, resolver=dns)
    assert why is not None and "is not a URL the seller can send to" in why


def test_the_name_resolved_is_the_name_httpx_connects_to() -> None:
    # IDNA 2003 (getaddrinfo) would ask for "ass.test"; httpx connects to the IDNA 2008 name.
    dns = Dns({"xn--a-qfa.test": ["127.0.0.1"], "ass.test": ["8.8.8.8"]})
    why = refusal("https://aß.test/api", allow_private=False, resolver=dns)
    assert dns.asked == ["xn--a-qfa.test"]
    assert why is not None and "loopback" in why


def test_a_buyer_sees_and_deletes_its_own_hubs_only() -> None:
    dns = Dns({"buyer.test": ["8.8.8.8"]})
    hubs = Hubs(MemoryUnitOfWork(), resolver=dns)
    hub = hubs.subscribe(VERIZON, "https://buyer.test/api/", "eventType=COMPLETION")
    assert hub.callback == "https://buyer.test/api" and hub.event_types == frozenset({"COMPLETION"})
    assert hubs.get(VERIZON, hub.id) == hub
    for act in (hubs.get, hubs.unsubscribe):
        with pytest.raises(NotFound):
            act(ATT, hub.id)
    assert hubs.page(ATT, 10, 0).available == 0
    hubs.unsubscribe(VERIZON, hub.id)
    assert hubs.page(VERIZON, 10, 0).available == 0
    with pytest.raises(Invalid) as refused:
        hubs.subscribe(VERIZON, "https://10.0.0.1/api", None)
    assert refused.value.errors[0].pointer == "/callback"
