"""The tables. Orders keep the fields that are queried as columns and the whole order as its
JSON text, so a new spec field needs no migration."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

# JSONB on PostgreSQL (compact, indexable later), plain JSON text elsewhere.
Document = JSON().with_variant(JSONB(), "postgresql")
# The seller's work queue, as its partial index states it: SQLite serves a query from a partial
# index only when the query repeats the index's condition, so the queue's query uses this too.
TO_PROCESS = "needs_processing"


class OrderRow(SQLModel, table=True):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("buyer_id", "pon", name="uq_orders_buyer_pon"),
        Index("ix_orders_buyer_seq", "buyer_id", "seq"),
        # "my orders in this state": without it SQLite walks every order in that state.
        Index("ix_orders_buyer_status_seq", "buyer_id", "order_status", "seq"),
        Index("ix_orders_pon_seq", "pon", "seq"),
        Index("ix_orders_status_seq", "order_status", "seq"),
        Index("ix_orders_type_seq", "order_type", "seq"),
        Index("ix_orders_date_seq", "order_date", "seq"),
        # Sonata's list filters, each served by its index.
        Index("ix_orders_project_seq", "project_id", "seq"),
        Index("ix_orders_requested_completion_seq", "requested_completion_date", "seq"),
        Index("ix_orders_expected_completion_seq", "expected_completion_date", "seq"),
        # The seller's work queue: only the few orders still to process are in this index.
        Index(
            "ix_orders_to_process",
            "seq",
            postgresql_where=text(TO_PROCESS),
            sqlite_where=text(TO_PROCESS),
        ),
    )

    # Creation order: the stable sort key for lists and paging.
    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    id: str = Field(max_length=64, unique=True)
    buyer_id: str = Field(max_length=255)
    pon: str = Field(max_length=255)
    buyer_order_version: str = Field(max_length=255)
    order_status: str = Field(max_length=32)
    order_type: str = Field(max_length=32)
    # orderDate as an instant in UTC, for date-range filters; the document keeps what the buyer
    # sent. So are the completion dates: the requested one, and the one the seller expects (the
    # expectedCompletionDate of its latest notification of the order that has one).
    order_date: datetime
    project_id: str | None = Field(default=None, max_length=255)
    requested_completion_date: datetime | None = None
    expected_completion_date: datetime | None = None
    # Bumped by every write; the ETag, and the optimistic lock checked in each UPDATE.
    revision: int = 1
    # Set by every buyer write (create, PUT, PATCH); cleared when the seller has processed it.
    needs_processing: bool = True
    created_at: datetime
    updated_at: datetime
    # The order as the API sends it (validated and serialized once, by every write): reads
    # return these bytes as they are, and a write parses them for the order's fields. The
    # order's only copy: a second one would double the row that every read has to fetch.
    # Every write sets it. The column still allows NULL: SQLite cannot take that back without
    # rebuilding the table (migration 0008 says why it does not).
    canonical: str = Field(sa_column=Column(Text, nullable=True))


class OrderRevisionRow(SQLModel, table=True):
    """Every revision of every order, as it was after the write that made it."""

    __tablename__ = "order_revisions"

    order_seq: int = Field(
        sa_column=Column(Integer, ForeignKey("orders.seq", ondelete="CASCADE"), primary_key=True)
    )
    revision: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    recorded_at: datetime
    document: dict[str, Any] = Field(sa_column=Column(Document, nullable=False))


class NotificationRow(SQLModel, table=True):
    """A notification of an order: emitted here (seller side) or received (buyer side). No
    foreign key to orders: a buyer receives notifications of orders that live at the seller."""

    __tablename__ = "notifications"
    __table_args__ = (
        # Receiving the same notification twice stores it once.
        UniqueConstraint("order_id", "version", name="uq_notifications_order_version"),
        Index("ix_notifications_order_seq", "order_id", "seq"),
    )

    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    order_id: str = Field(max_length=64)
    # notificationVersion, as sent ("01", "02", ...).
    version: str | None = Field(default=None, max_length=32)
    created_at: datetime
    document: dict[str, Any] = Field(sa_column=Column(Document, nullable=False))
    # The notification as the API sends it, made when it is stored (as the order's canonical).
    canonical: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class DeliveryRow(SQLModel, table=True):
    """The outbox: one row per notification to POST to a buyer, written in the transaction
    that makes the notification, so none is lost; retried until delivered or dead."""

    __tablename__ = "notification_deliveries"
    __table_args__ = (
        Index("ix_deliveries_due", "state", "next_attempt_at"),
        Index("ix_deliveries_order_seq", "order_id", "seq"),
        Index("ix_deliveries_hub_state", "hub_id", "state"),
    )

    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    notification_seq: int = Field(
        sa_column=Column(
            Integer, ForeignKey("notifications.seq", ondelete="CASCADE"), nullable=False
        )
    )
    order_id: str = Field(max_length=64)
    url: str = Field(max_length=2048)
    # The buyer's subscription it is delivered for; None: the operator's configured callback.
    hub_id: str | None = Field(default=None, max_length=32)
    state: str = Field(default="pending", max_length=16)  # pending, delivered, dead
    attempts: int = 0
    next_attempt_at: datetime
    # A worker that claimed the delivery owns it until then (a crashed one's claim expires).
    lease_until: datetime | None = None
    last_error: str | None = Field(default=None, max_length=1000)
    delivered_at: datetime | None = None


class HubRow(SQLModel, table=True):
    """A buyer's subscription to its notifications (POST /hub)."""

    __tablename__ = "hubs"
    __table_args__ = (Index("ix_hubs_buyer_seq", "buyer_id", "seq"),)

    # Creation order: the sort key of the buyer's list.
    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    id: str = Field(max_length=32, unique=True)
    buyer_id: str = Field(max_length=255)
    callback: str = Field(max_length=2048)
    query: str | None = Field(default=None, max_length=1024)
    # The notification types it selects, comma-separated and sorted; None: every type.
    event_types: str | None = Field(default=None, max_length=1024)
    created_at: datetime


class SvlanRow(SQLModel, table=True):
    """An S-VLAN id in use on an ENNI: the primary key makes each id unique per ENNI across
    all orders, whatever the concurrency."""

    __tablename__ = "svlan_assignments"
    __table_args__ = (Index("ix_svlan_assignments_order", "order_id"),)

    seller_enni_id: str = Field(sa_column=Column(String(255), primary_key=True))
    svlan_id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    order_id: str = Field(max_length=64)
    order_item_reference: str = Field(max_length=255)


class UniSvlanRow(SQLModel, table=True):
    """An S-VLAN id in use on a VLAN-based UNI: unique per UNI by the primary key, as on ENNIs."""

    __tablename__ = "uni_svlan_assignments"
    __table_args__ = (Index("ix_uni_svlan_assignments_order", "order_id"),)

    seller_uni_id: str = Field(sa_column=Column(String(255), primary_key=True))
    svlan_id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    order_id: str = Field(max_length=64)
    order_item_reference: str = Field(max_length=255)


class TokenRow(SQLModel, table=True):
    """An API token of a party. Only its SHA-256 is kept: the token itself is shown once, when
    issued, and a stolen database holds nothing that authenticates."""

    __tablename__ = "api_tokens"

    id: str = Field(sa_column=Column(String(32), primary_key=True))
    party: str = Field(max_length=255)
    role: str = Field(max_length=16)  # buyer or seller
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime
    revoked_at: datetime | None = None
