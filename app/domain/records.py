"""The values the domain and storage exchange: stored orders, their revisions, pages, filters
and S-VLAN ids (on ENNIs and on UNIs). Storage imports them; they import nothing of storage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class StoredOrder:
    """An order as stored: ``seq`` keys it in storage, ``revision`` is its ETag's number."""

    seq: int
    revision: int
    document: dict[str, Any]
    # The document as the API sends it (JSON text), when storage has it.
    canonical: str | None = None


@dataclass(frozen=True)
class OrderJSON:
    """An order read for sending as it is: its revision, its buyer (who may see it) and its
    canonical JSON."""

    revision: int
    buyer_id: str
    canonical: str


@dataclass(frozen=True)
class Revision:
    """An order as it was after the write that made ``revision``."""

    revision: int
    recorded_at: datetime
    document: dict[str, Any]


@dataclass(frozen=True)
class Page:
    """One page of documents, newest first, and how many there are in all."""

    available: int
    documents: list[dict[str, Any]]


@dataclass(frozen=True)
class JSONPage:
    """One page of canonical JSON documents, newest first, and how many there are in all."""

    available: int
    items: list[str]


@dataclass(frozen=True)
class OrderFilter:
    """Orders whose fields equal the given values, ordered in [order_date_from, order_date_to),
    and whose dates are strictly after each ``*_after`` and strictly before each ``*_before``
    (Sonata's ``.gt`` and ``.lt``)."""

    order_id: str | None = None
    buyer_id: str | None = None
    pon: str | None = None
    order_status: str | None = None
    order_type: str | None = None
    order_date_from: datetime | None = None
    order_date_to: datetime | None = None
    project_id: str | None = None
    order_date_after: datetime | None = None
    order_date_before: datetime | None = None
    requested_completion_after: datetime | None = None
    requested_completion_before: datetime | None = None
    expected_completion_after: datetime | None = None
    expected_completion_before: datetime | None = None


@dataclass(frozen=True)
class Hub:
    """A buyer's subscription: its notifications of ``event_types`` (None: all) go to
    ``callback``, the base URL of its Order Notification API."""

    id: str
    buyer_id: str
    callback: str
    query: str | None
    event_types: frozenset[str] | None

    def wants(self, notification_type: str) -> bool:
        return self.event_types is None or notification_type in self.event_types

    def document(self) -> dict[str, str]:
        """As the API shows it."""
        shown = {"id": self.id, "callback": self.callback}
        return shown if self.query is None else {**shown, "query": self.query}


@dataclass(frozen=True)
class SvlanWant:
    """What an order item needs on an ENNI: the ids the buyer asked for, or any one id."""

    seller_enni_id: str
    order_item_reference: str
    requested: tuple[int, ...] = ()


@dataclass(frozen=True)
class SvlanAssigned:
    """An S-VLAN id on an ENNI, held by one item of one order."""

    seller_enni_id: str
    svlan_id: int
    order_item_reference: str


@dataclass(frozen=True)
class UniSvlanWant:
    """An order item whose UNI is VLAN-based needs one S-VLAN id on that UNI."""

    seller_uni_id: str
    order_item_reference: str


@dataclass(frozen=True)
class UniSvlanAssigned:
    """An S-VLAN id on a UNI, held by one item of one order."""

    seller_uni_id: str
    svlan_id: int
    order_item_reference: str
