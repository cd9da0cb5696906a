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
class OrderFilter:
    """Orders whose fields equal the given values, ordered in [order_date_from, order_date_to)."""

    order_id: str | None = None
    buyer_id: str | None = None
    pon: str | None = None
    order_status: str | None = None
    order_type: str | None = None
    order_date_from: datetime | None = None
    order_date_to: datetime | None = None


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
