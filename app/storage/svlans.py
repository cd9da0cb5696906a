"""S-VLAN ids on ENNIs: each id is used by one order item at a time, across all orders.

The table's primary key (ENNI, id) is what guarantees it: two orders allocating at once both
try to insert, one wins, the other moves on to the next free id (or fails, for an id the buyer
asked for). Each insert runs in a savepoint so a lost race does not undo the transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.storage.tables import SvlanRow

VLAN_IDS = range(1, 4095)


@dataclass(frozen=True)
class SvlanWant:
    """What an order item needs on an ENNI: the ids the buyer asked for, or any one id."""

    seller_enni_id: str
    order_item_reference: str
    requested: tuple[int, ...] = ()


@dataclass(frozen=True)
class SvlanTaken(Exception):
    seller_enni_id: str
    svlan_id: int
    order_item_reference: str


@dataclass(frozen=True)
class SvlanExhausted(Exception):
    seller_enni_id: str
    order_item_reference: str


def _insert(session: Session, row: SvlanRow) -> bool:
    try:
        with session.begin_nested():
            session.add(row)
        return True
    except IntegrityError:
        return False


def assign(session: Session, order_id: str, wants: Iterable[SvlanWant]) -> list[SvlanRow]:
    """Gives the order exactly the S-VLAN ids it wants, keeping those it already holds (an order
    processed again keeps its ids) and releasing the rest. Raises SvlanTaken when a requested id
    belongs to another order, SvlanExhausted when an ENNI has no free id left."""
    held = {
        (r.seller_enni_id, r.svlan_id): r
        for r in session.exec(select(SvlanRow).where(SvlanRow.order_id == order_id)).all()
    }
    kept: dict[tuple[str, int], SvlanRow] = {}
    wants = list(wants)
    # Requested ids first, so that an automatic pick never takes an id the order asked for.
    for want in sorted(wants, key=lambda w: not w.requested):
        if want.requested:
            for svlan_id in want.requested:
                key = (want.seller_enni_id, svlan_id)
                row = held.get(key) or SvlanRow(
                    seller_enni_id=want.seller_enni_id,
                    svlan_id=svlan_id,
                    order_id=order_id,
                    order_item_reference=want.order_item_reference,
                )
                if key not in held and not _insert(session, row):
                    raise SvlanTaken(want.seller_enni_id, svlan_id, want.order_item_reference)
                kept[key] = row
            continue
        mine = next(
            (
                row
                for key, row in held.items()
                if key[0] == want.seller_enni_id
                and row.order_item_reference == want.order_item_reference
                and key not in kept
            ),
            None,
        )
        if mine is not None:
            kept[(mine.seller_enni_id, mine.svlan_id)] = mine
            continue
        kept_row = _allocate(session, order_id, want)
        kept[(kept_row.seller_enni_id, kept_row.svlan_id)] = kept_row
    for key, row in held.items():
        if key not in kept:
            session.delete(row)
    session.flush()
    return sorted(kept.values(), key=lambda r: (r.order_item_reference, r.svlan_id))


def _allocate(session: Session, order_id: str, want: SvlanWant) -> SvlanRow:
    """The lowest free id on the ENNI; on a lost race, the next one."""
    used = set(
        session.exec(
            select(SvlanRow.svlan_id).where(SvlanRow.seller_enni_id == want.seller_enni_id)
        ).all()
    )
    for svlan_id in VLAN_IDS:
        if svlan_id in used:
            continue
        row = SvlanRow(
            seller_enni_id=want.seller_enni_id,
            svlan_id=svlan_id,
            order_id=order_id,
            order_item_reference=want.order_item_reference,
        )
        if _insert(session, row):
            return row
    raise SvlanExhausted(want.seller_enni_id, want.order_item_reference)


def release(session: Session, order_id: str) -> None:
    """Frees every id the order holds (it was cancelled, or failed the seller's checks)."""
    session.exec(delete(SvlanRow).where(col(SvlanRow.order_id) == order_id))
