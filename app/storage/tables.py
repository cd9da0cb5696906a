"""The tables. Orders keep the fields that are queried as columns and the whole document as
JSON, so a new spec field needs no migration."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

# JSONB on PostgreSQL (compact, indexable later), plain JSON text elsewhere.
Document = JSON().with_variant(JSONB(), "postgresql")


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
    )

    # Creation order: the stable sort key for lists and paging.
    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    id: str = Field(max_length=64, unique=True)
    buyer_id: str = Field(max_length=255)
    pon: str = Field(max_length=255)
    buyer_order_version: str = Field(max_length=255)
    order_status: str = Field(max_length=32)
    order_type: str = Field(max_length=32)
    # orderDate as an instant, for date-range filters; the document keeps what the buyer sent.
    order_date: datetime
    # Bumped by every write; the ETag, and the optimistic lock checked in each UPDATE.
    revision: int = 1
    created_at: datetime
    updated_at: datetime
    document: dict[str, Any] = Field(sa_column=Column(Document, nullable=False))


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
    __tablename__ = "order_notifications"
    __table_args__ = (Index("ix_order_notifications_order_seq", "order_seq", "seq"),)

    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    order_seq: int = Field(
        sa_column=Column(Integer, ForeignKey("orders.seq", ondelete="CASCADE"), nullable=False)
    )
    created_at: datetime
    document: dict[str, Any] = Field(sa_column=Column(Document, nullable=False))
