"""S-VLAN ids on ENNIs and on VLAN-based UNIs: each id is used by one order item at a time on
its ENNI or UNI, across all orders.

The table's primary key (port, id) is what guarantees it: two orders allocating at once both
try to insert, one wins, the other moves on to the next free id (or fails, for an id the buyer
asked for). On PostgreSQL, allocations on one port also take turns (a transaction's advisory
lock per port, taken in one order): two orders taking ids on the same ports in different orders
would otherwise each wait for the other's row, a deadlock. The insert skips a taken id
(``ON CONFLICT DO NOTHING``) instead of failing, so a lost race leaves the transaction usable
without a savepoint. The statements are SQLAlchemy Core,
built once and run on the driver (app/storage/driver.py): the seller's worker runs them for
every order it confirms.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Integer,
    Table,
    bindparam,
    delete,
    exists,
    func,
    union_all,
)
from sqlalchemy import select as core_select

from app.domain.ports import SvlanExhausted, SvlanTaken, UniSvlanExhausted
from app.domain.records import SvlanAssigned, SvlanWant, UniSvlanAssigned, UniSvlanWant
from app.storage.driver import driver_of, run, writer_of
from app.storage.inserts import InsertOrSkip
from app.storage.tables import SvlanRow, UniSvlanRow

VLAN_IDS = range(1, 4095)
PORT_TURN = core_select(func.pg_advisory_xact_lock(bindparam("key", type_=BigInteger)))


@dataclass(frozen=True)
class Held:
    """An id in use on a port (ENNI or UNI), by an order item (``reference``)."""

    port: str
    svlan_id: int
    reference: str


class _Assignments:
    """The statements on one table of S-VLAN ids in use, and their use on a unit of work's
    connection; ``port`` names the table's ENNI or UNI column. Reads take no writer turn: on
    SQLite, allocations wait for each other only from their first write, as SQLAlchemy's own
    writes do."""

    def __init__(self, table: Table, port: str) -> None:
        self.port = port
        self.held = core_select(
            table.c[port], table.c.svlan_id, table.c.order_item_reference
        ).where(table.c.order_id == bindparam("order_id"))
        self.lowest_free = _lowest_free(table, port)
        self.insert = InsertOrSkip(
            table, (port, "svlan_id", "order_id", "order_item_reference"), table.c.svlan_id
        )
        self.delete = delete(table).where(
            table.c[port] == bindparam("port"), table.c.svlan_id == bindparam("svlan_id")
        )
        self.release = delete(table).where(table.c.order_id == bindparam("order_id"))

    def take_turns(self, connection: Connection, ports: Iterable[str]) -> None:
        """Waits until no other transaction allocates on ``ports``, and keeps them until this
        one ends. Every transaction takes its ports' turns in the same order, ENNIs before UNIs,
        so none waits for another that waits for it. SQLite has one writer at a time already."""
        if connection.dialect.name != "postgresql":
            return
        for key in sorted({_port_key(self.port, port) for port in ports}):
            run(writer_of(connection), PORT_TURN, {"key": key})

    def held_by(self, connection: Connection, order_id: str) -> list[Held]:
        """The ids ``order_id`` holds, on every port."""
        rows = run(driver_of(connection), self.held, {"order_id": order_id})
        return [Held(port, svlan_id, reference) for port, svlan_id, reference in rows]

    def take(self, connection: Connection, order_id: str, held: Held) -> bool:
        """Whether the id is now the order item's; False when another one has it."""
        values = {
            self.port: held.port,
            "svlan_id": held.svlan_id,
            "order_id": order_id,
            "order_item_reference": held.reference,
        }
        return self.insert.on(writer_of(connection), values) is not None

    def allocate(
        self, connection: Connection, order_id: str, port: str, reference: str
    ) -> Held | None:
        """The lowest free id on ``port``, taken for the order item; on a lost race, the next
        free one. None when every id is taken."""
        start = VLAN_IDS.start
        while True:
            values = {"port": port, "start": start}
            free = run(driver_of(connection), self.lowest_free, values, one=True)
            if free is None:
                return None
            candidate = Held(port, int(free[0]), reference)
            if self.take(connection, order_id, candidate):
                return candidate
            start = candidate.svlan_id + 1

    def drop(self, connection: Connection, held: Iterable[Held]) -> None:
        for each in held:
            run(writer_of(connection), self.delete, {"port": each.port, "svlan_id": each.svlan_id})

    def release_all(self, connection: Connection, order_id: str) -> None:
        run(writer_of(connection), self.release, {"order_id": order_id})


def _port_key(kind: str, port: str) -> int:
    """The advisory lock's key of a port: two ports sharing one only take turns needlessly."""
    digest = hashlib.blake2b(f"{kind}:{port}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _lowest_free(table: Table, port: str) -> Any:
    """The lowest id at least ``start`` not in use on ``port``: ``start`` itself, or the one
    after a used id, whichever comes first among those not used. The database walks the
    primary key's index; nothing is read into Python."""
    start = bindparam("start", type_=Integer)
    on_port = table.c[port] == bindparam("port")
    candidates = union_all(
        core_select(start.label("candidate")),
        core_select((table.c.svlan_id + 1).label("candidate")).where(
            on_port, table.c.svlan_id >= start
        ),
    ).subquery("candidates")
    used = table.alias("used")
    taken = exists().where(
        used.c[port] == bindparam("port"), used.c.svlan_id == candidates.c.candidate
    )
    return (
        core_select(candidates.c.candidate)
        .where(candidates.c.candidate <= VLAN_IDS.stop - 1, ~taken)
        .order_by(candidates.c.candidate)
        .limit(1)
    )


ENNI = _Assignments(SvlanRow.__table__, "seller_enni_id")  # type: ignore[attr-defined]
UNI = _Assignments(UniSvlanRow.__table__, "seller_uni_id")  # type: ignore[attr-defined]


class SqlSvlans:
    """The domain's SvlanRepository (app/domain/ports.py) on the S-VLAN assignments table."""

    def __init__(self, connection: Callable[[], Connection]) -> None:
        # The unit of work's connection, opened when first used; its driver runs the statements.
        self._connection = connection

    def assign(self, order_id: str, wants: Iterable[SvlanWant]) -> list[SvlanAssigned]:
        """Keeps the ids the order already holds (an order processed again keeps its ids)."""
        wants = list(wants)
        connection = self._connection()
        ENNI.take_turns(connection, (want.seller_enni_id for want in wants))
        held = {(h.port, h.svlan_id): h for h in ENNI.held_by(connection, order_id)}
        kept: dict[tuple[str, int], Held] = {}
        # Requested ids first, so that an automatic pick never takes an id the order asked for.
        for want in sorted(wants, key=lambda w: not w.requested):
            port, reference = want.seller_enni_id, want.order_item_reference
            if want.requested:
                for svlan_id in want.requested:
                    key = (port, svlan_id)
                    wanted = held.get(key) or Held(port, svlan_id, reference)
                    if key not in held and not ENNI.take(connection, order_id, wanted):
                        raise SvlanTaken(port, svlan_id, reference)
                    kept[key] = wanted
                continue
            mine = next(
                (
                    h
                    for key, h in held.items()
                    if h.port == port and h.reference == reference and key not in kept
                ),
                None,
            ) or ENNI.allocate(connection, order_id, port, reference)
            if mine is None:
                raise SvlanExhausted(port, reference)
            kept[(mine.port, mine.svlan_id)] = mine
        ENNI.drop(connection, (h for key, h in held.items() if key not in kept))
        return [
            SvlanAssigned(h.port, h.svlan_id, h.reference)
            for h in sorted(kept.values(), key=lambda h: (h.reference, h.svlan_id))
        ]

    def release(self, order_id: str) -> None:
        ENNI.release_all(self._connection(), order_id)


class SqlUniSvlans:
    """The domain's UniSvlanRepository: one id per wanting item, the lowest free on its UNI."""

    def __init__(self, connection: Callable[[], Connection]) -> None:
        # The unit of work's connection, opened when first used; its driver runs the statements.
        self._connection = connection

    def assign(self, order_id: str, wants: Iterable[UniSvlanWant]) -> list[UniSvlanAssigned]:
        """Keeps the ids the order already holds (an order processed again keeps its ids)."""
        wants = list(wants)
        connection = self._connection()
        UNI.take_turns(connection, (want.seller_uni_id for want in wants))
        held = {(h.port, h.reference): h for h in UNI.held_by(connection, order_id)}
        kept = []
        for want in wants:
            port, reference = want.seller_uni_id, want.order_item_reference
            mine = held.pop((port, reference), None) or UNI.allocate(
                connection, order_id, port, reference
            )
            if mine is None:
                raise UniSvlanExhausted(port, reference)
            kept.append(mine)
        UNI.drop(connection, held.values())
        return [
            UniSvlanAssigned(h.port, h.svlan_id, h.reference)
            for h in sorted(kept, key=lambda h: (h.reference, h.svlan_id))
        ]

    def release(self, order_id: str) -> None:
        UNI.release_all(self._connection(), order_id)
