"""S-VLAN ids on ENNIs and on VLAN-based UNIs: each id is used by one order item at a time on
its ENNI or UNI, across all orders.

The table's primary key (ENNI, id) is what guarantees it: two orders allocating at once both
try to insert, one wins, the other moves on to the next free id (or fails, for an id the buyer
asked for). Each insert runs in a savepoint so a lost race does not undo the transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.domain.ports import SvlanExhausted, SvlanTaken, UniSvlanExhausted
from app.domain.records import SvlanAssigned, SvlanWant, UniSvlanAssigned, UniSvlanWant
from app.storage.tables import SvlanRow, UniSvlanRow

VLAN_IDS = range(1, 4095)


def _assigned(row: SvlanRow) -> SvlanAssigned:
    return SvlanAssigned(row.seller_enni_id, row.svlan_id, row.order_item_reference)


def _inserted(session: Session, row: SvlanRow | UniSvlanRow) -> bool:
    """Whether ``row`` was inserted; False when its id is taken (a savepoint keeps the rest)."""
    try:
        with session.begin_nested():
            session.add(row)
        return True
    except IntegrityError:
        return False


RowT = TypeVar("RowT", SvlanRow, UniSvlanRow)


def _lowest_free(session: Session, used: Iterable[int], row: Callable[[int], RowT]) -> RowT | None:
    """The row of the lowest id not in ``used`` that could be inserted (another order may take
    one between the read and the insert: then the next one); None when every id is taken."""
    taken = set(used)
    for svlan_id in VLAN_IDS:
        if svlan_id not in taken:
            candidate = row(svlan_id)
            if _inserted(session, candidate):
                return candidate
    return None


class SqlSvlans:
    """The domain's SvlanRepository (app/domain/ports.py) on the S-VLAN assignments table."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _insert(self, row: SvlanRow) -> bool:
        return _inserted(self.session, row)

    def assign(self, order_id: str, wants: Iterable[SvlanWant]) -> list[SvlanAssigned]:
        """Keeps the ids the order already holds (an order processed again keeps its ids)."""
        held = {
            (r.seller_enni_id, r.svlan_id): r
            for r in self.session.exec(select(SvlanRow).where(SvlanRow.order_id == order_id))
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
                    if key not in held and not self._insert(row):
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
            kept_row = self._allocate(order_id, want)
            kept[(kept_row.seller_enni_id, kept_row.svlan_id)] = kept_row
        for key, row in held.items():
            if key not in kept:
                self.session.delete(row)
        self.session.flush()
        rows = sorted(kept.values(), key=lambda r: (r.order_item_reference, r.svlan_id))
        return [_assigned(row) for row in rows]

    def _allocate(self, order_id: str, want: SvlanWant) -> SvlanRow:
        """The lowest free id on the ENNI; on a lost race, the next one."""
        used = self.session.exec(
            select(SvlanRow.svlan_id).where(SvlanRow.seller_enni_id == want.seller_enni_id)
        ).all()
        row = _lowest_free(
            self.session,
            used,
            lambda svlan_id: SvlanRow(
                seller_enni_id=want.seller_enni_id,
                svlan_id=svlan_id,
                order_id=order_id,
                order_item_reference=want.order_item_reference,
            ),
        )
        if row is None:
            raise SvlanExhausted(want.seller_enni_id, want.order_item_reference)
        return row

    def release(self, order_id: str) -> None:
        self.session.exec(delete(SvlanRow).where(col(SvlanRow.order_id) == order_id))


class SqlUniSvlans:
    """The domain's UniSvlanRepository: one id per wanting item, the lowest free on its UNI."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def assign(self, order_id: str, wants: Iterable[UniSvlanWant]) -> list[UniSvlanAssigned]:
        """Keeps the ids the order already holds (an order processed again keeps its ids)."""
        held = {
            (row.seller_uni_id, row.order_item_reference): row
            for row in self.session.exec(
                select(UniSvlanRow).where(UniSvlanRow.order_id == order_id)
            )
        }
        kept = []
        for want in wants:
            row = held.pop((want.seller_uni_id, want.order_item_reference), None)
            kept.append(row or self._allocate(order_id, want))
        for row in held.values():
            self.session.delete(row)
        self.session.flush()
        return [
            UniSvlanAssigned(row.seller_uni_id, row.svlan_id, row.order_item_reference)
            for row in sorted(kept, key=lambda r: (r.order_item_reference, r.svlan_id))
        ]

    def _allocate(self, order_id: str, want: UniSvlanWant) -> UniSvlanRow:
        """The lowest free id on the UNI; on a lost race, the next one."""
        used = self.session.exec(
            select(UniSvlanRow.svlan_id).where(UniSvlanRow.seller_uni_id == want.seller_uni_id)
        ).all()
        row = _lowest_free(
            self.session,
            used,
            lambda svlan_id: UniSvlanRow(
                seller_uni_id=want.seller_uni_id,
                svlan_id=svlan_id,
                order_id=order_id,
                order_item_reference=want.order_item_reference,
            ),
        )
        if row is None:
            raise UniSvlanExhausted(want.seller_uni_id, want.order_item_reference)
        return row

    def release(self, order_id: str) -> None:
        self.session.exec(delete(UniSvlanRow).where(col(UniSvlanRow.order_id) == order_id))
