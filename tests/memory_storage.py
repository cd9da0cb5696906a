"""An in-memory unit of work for the domain's unit tests: the ports of app/domain/ports.py kept
in dicts, with the transaction semantics the domain relies on (all or nothing, optimistic
revisions, unique purchase order numbers, unique S-VLAN ids), and no database."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.domain.ports import (
    DuplicateOrder,
    RevisionMoved,
    SvlanExhausted,
    SvlanTaken,
    UniSvlanExhausted,
    VersionConflict,
)
from app.domain.records import (
    Hub,
    JSONPage,
    OrderFilter,
    OrderJSON,
    Page,
    Revision,
    StoredOrder,
    SvlanAssigned,
    SvlanWant,
    UniSvlanAssigned,
    UniSvlanWant,
)

AT = datetime(2030, 1, 1, tzinfo=UTC)


@dataclass
class State:
    orders: dict[int, StoredOrder] = field(default_factory=dict)
    revisions: dict[int, list[Revision]] = field(default_factory=dict)
    queued: set[int] = field(default_factory=set)
    notifications: list[dict[str, Any]] = field(default_factory=list)
    # (seller ENNI id, S-VLAN id) -> (order id, order item reference)
    svlans: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)
    # (seller UNI id, S-VLAN id) -> (order id, order item reference)
    uni_svlans: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)
    hubs: list[Hub] = field(default_factory=list)


def _matches(order: StoredOrder, where: OrderFilter) -> bool:
    document = order.document
    wanted = {
        "id": where.order_id,
        "buyerId": where.buyer_id,
        "buyerPurchaseOrderNumber": where.pon,
        "orderStatus": where.order_status,
        "orderType": where.order_type,
    }
    return all(value is None or document.get(key) == value for key, value in wanted.items())


class MemoryOrders:
    def __init__(self, state: State) -> None:
        self.state = state

    def get(self, order_id: str) -> StoredOrder | None:
        return next((o for o in self.state.orders.values() if o.document["id"] == order_id), None)

    def latest(self, where: OrderFilter) -> StoredOrder | None:
        found = [o for o in self.state.orders.values() if _matches(o, where)]
        return found[-1] if found else None

    def page(self, where: OrderFilter, limit: int, offset: int) -> Page:
        found = [o.document for o in reversed(self.state.orders.values()) if _matches(o, where)]
        return Page(len(found), found[offset : offset + limit])

    # The canonical JSON here is the document's plain JSON: the domain passes it on unread.
    def get_json(self, order_id: str) -> OrderJSON | None:
        found = self.get(order_id)
        if found is None:
            return None
        return OrderJSON(found.revision, found.document["buyerId"], json.dumps(found.document))

    def page_json(self, where: OrderFilter, limit: int, offset: int) -> JSONPage:
        page = self.page(where, limit, offset)
        return JSONPage(page.available, [json.dumps(d) for d in page.documents])

    def insert(self, document: dict[str, Any]) -> StoredOrder:
        pon = OrderFilter(buyer_id=document["buyerId"], pon=document["buyerPurchaseOrderNumber"])
        if self.latest(pon) is not None:
            raise DuplicateOrder(document["id"])
        seq = len(self.state.orders) + 1
        stored = StoredOrder(seq, 1, document)
        self.state.orders[seq] = stored
        self.state.revisions[seq] = [Revision(1, AT, document)]
        self.state.queued.add(seq)
        return stored

    def replace(
        self, current: StoredOrder, document: dict[str, Any], *, reprocess: bool = False
    ) -> StoredOrder:
        if self.state.orders[current.seq].revision != current.revision:
            raise RevisionMoved(document["id"])
        saved = StoredOrder(current.seq, current.revision + 1, document)
        self.state.orders[current.seq] = saved
        self.state.revisions[current.seq].append(Revision(saved.revision, AT, document))
        if reprocess:
            self.state.queued.add(current.seq)
        return saved

    def revisions(self, order: StoredOrder) -> list[Revision]:
        return list(self.state.revisions[order.seq])

    def to_process(self, limit: int, skip: Sequence[int] = ()) -> list[StoredOrder]:
        waiting = sorted(seq for seq in self.state.queued if seq not in skip)
        return [self.state.orders[seq] for seq in waiting[:limit]]

    def claim_processing(self, order: StoredOrder) -> bool:
        stored = self.state.orders[order.seq]
        if stored.revision != order.revision or order.seq not in self.state.queued:
            return False
        self.state.queued.discard(order.seq)
        return True


class MemoryNotifications:
    def __init__(self, state: State) -> None:
        self.state = state

    def _of(self, order_id: str) -> list[dict[str, Any]]:
        return [n for n in self.state.notifications if n["orderId"] == order_id]

    def emit(self, document: dict[str, Any]) -> dict[str, Any]:
        version = f"{len(self._of(document['orderId'])) + 1:02d}"
        emitted = {**document, "notificationVersion": version}
        self.state.notifications.append(emitted)
        return emitted

    def page_json(self, order_id: str, limit: int, offset: int) -> JSONPage:
        page = self.page(order_id, limit, offset)
        return JSONPage(page.available, [json.dumps(d) for d in page.documents])

    def receive(self, document: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
        version = document.get("notificationVersion")
        for stored in self._of(document["orderId"]):
            if version is None and stored == document:
                return False, stored  # without a version, the content is the key
            if version is not None and stored.get("notificationVersion") == version:
                if stored != document:
                    raise VersionConflict(stored)
                return False, stored
        self.state.notifications.append(document)
        return True, document

    def page(self, order_id: str, limit: int, offset: int) -> Page:
        found = list(reversed(self._of(order_id)))
        return Page(len(found), found[offset : offset + limit])


class MemorySvlans:
    """Ids from 1 to ``ids`` per ENNI (a small range, to reach exhaustion in a test)."""

    def __init__(self, state: State, ids: int) -> None:
        self.state = state
        self.ids = ids

    def assign(self, order_id: str, wants: Iterable[SvlanWant]) -> list[SvlanAssigned]:
        self.release(order_id)
        assigned = []
        for want in sorted(wants, key=lambda w: not w.requested):
            for svlan_id in want.requested or (self._free(want),):
                key = (want.seller_enni_id, svlan_id)
                if key in self.state.svlans:
                    raise SvlanTaken(want.seller_enni_id, svlan_id, want.order_item_reference)
                self.state.svlans[key] = (order_id, want.order_item_reference)
                assigned.append(
                    SvlanAssigned(want.seller_enni_id, svlan_id, want.order_item_reference)
                )
        return assigned

    def _free(self, want: SvlanWant) -> int:
        for svlan_id in range(1, self.ids + 1):
            if (want.seller_enni_id, svlan_id) not in self.state.svlans:
                return svlan_id
        raise SvlanExhausted(want.seller_enni_id, want.order_item_reference)

    def release(self, order_id: str) -> None:
        for key, (holder, _) in list(self.state.svlans.items()):
            if holder == order_id:
                del self.state.svlans[key]


class MemoryUniSvlans:
    """Ids from 1 to ``ids`` per UNI."""

    def __init__(self, state: State, ids: int) -> None:
        self.state = state
        self.ids = ids

    def assign(self, order_id: str, wants: Iterable[UniSvlanWant]) -> list[UniSvlanAssigned]:
        held = {
            (uni, holder[1]): svlan_id
            for (uni, svlan_id), holder in self.state.uni_svlans.items()
            if holder[0] == order_id
        }
        self.release(order_id)
        assigned = []
        for want in wants:
            key = (want.seller_uni_id, want.order_item_reference)
            svlan_id = held.get(key) or self._free(want)
            self.state.uni_svlans[(want.seller_uni_id, svlan_id)] = (order_id, key[1])
            assigned.append(UniSvlanAssigned(want.seller_uni_id, svlan_id, key[1]))
        return assigned

    def _free(self, want: UniSvlanWant) -> int:
        for svlan_id in range(1, self.ids + 1):
            if (want.seller_uni_id, svlan_id) not in self.state.uni_svlans:
                return svlan_id
        raise UniSvlanExhausted(want.seller_uni_id, want.order_item_reference)

    def release(self, order_id: str) -> None:
        for key, (holder, _) in list(self.state.uni_svlans.items()):
            if holder == order_id:
                del self.state.uni_svlans[key]


class MemoryHubs:
    def __init__(self, state: State) -> None:
        self.state = state

    def add(
        self, buyer_id: str, callback: str, query: str | None, event_types: frozenset[str] | None
    ) -> Hub:
        hub = Hub(f"HUB-{len(self.state.hubs) + 1}", buyer_id, callback, query, event_types)
        self.state.hubs.append(hub)
        return hub

    def get(self, hub_id: str) -> Hub | None:
        return next((hub for hub in self.state.hubs if hub.id == hub_id), None)

    def page(self, buyer_id: str, limit: int, offset: int) -> Page:
        mine = [hub.document() for hub in reversed(self.state.hubs) if hub.buyer_id == buyer_id]
        return Page(len(mine), mine[offset : offset + limit])

    def delete(self, hub_id: str) -> None:
        self.state.hubs = [hub for hub in self.state.hubs if hub.id != hub_id]


class MemoryTransaction:
    def __init__(self, state: State, svlan_ids: int) -> None:
        self.orders = MemoryOrders(state)
        self.notifications = MemoryNotifications(state)
        self.svlans = MemorySvlans(state, svlan_ids)
        self.uni_svlans = MemoryUniSvlans(state, svlan_ids)

        self.hubs = MemoryHubs(state)


class MemoryUnitOfWork:
    """``with uow() as tx``: works on a copy of the state, which replaces it on commit; a
    read-only one never commits, so what a read would write is lost, as in a database."""

    def __init__(self, svlan_ids: int = 4094) -> None:
        self.state = State()
        self.svlan_ids = svlan_ids
        self.commits = 0
        self.rollbacks = 0

    @contextmanager
    def __call__(self, *, read_only: bool = False) -> Iterator[MemoryTransaction]:
        working = copy.deepcopy(self.state)
        try:
            yield MemoryTransaction(working, self.svlan_ids)
        except BaseException:
            self.rollbacks += 1
            raise
        if not read_only:
            self.state = working
            self.commits += 1
