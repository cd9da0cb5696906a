"""The seller processes each order the buyer created or supplemented, away from the request:
business checks, S-VLAN allocation (on ENNIs, and on VLAN-based UNIs), then a CONFIRMATION,
whose ids and expected completion date are written into the order, or an ERROR_OR_INFORMATION
notification, all in one unit of work."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from app.domain import checks, notices
from app.domain.lifecycle import FINAL
from app.domain.ports import (
    SvlanExhausted,
    SvlanTaken,
    Transaction,
    UniSvlanExhausted,
    UnitOfWork,
)
from app.domain.records import (
    StoredOrder,
    SvlanAssigned,
    SvlanWant,
    UniSvlanAssigned,
    UniSvlanWant,
)
from app.domain.time import now
from generated.models import OrderStatus


def svlan_wants(order: dict[str, Any]) -> list[SvlanWant]:
    """The S-VLAN ids each Access EPL item needs on the existing ENNI it names."""
    return [
        SvlanWant(enni, reference, tuple(asked))
        for reference, enni, asked in checks.on_existing_enni(order)
    ]


def with_seller_ids(order: dict[str, Any]) -> dict[str, Any]:
    """The order with the seller's id of what each item installs (an OVC, a UNI) in its
    detail: the buyer's when it named one, else the seller's stable one."""
    items = []
    for item in order["orderItems"]:
        detail = dict(item["orderItemDetail"])
        reference = item["orderItemReference"]
        if detail["objectType"] == "accessEplProductOrder":
            detail.setdefault("sellerOvcId", notices.seller_id("OVC", order["id"], reference))
        elif detail["objectType"] == "uniProductOrder":
            detail.setdefault("sellerUniId", notices.seller_id("UNI", order["id"], reference))
        items.append({**item, "orderItemDetail": detail})
    return {**order, "orderItems": items}


def uni_svlan_wants(order: dict[str, Any]) -> list[UniSvlanWant]:
    """The Access EPL items of an ACCESS_EVPL order, whose UNI is VLAN-based: one S-VLAN id
    each on that UNI (an existing one, or the one an item of the order installs)."""
    if order["orderType"] != "ACCESS_EVPL":
        return []
    unis = {
        item["orderItemReference"]: item["orderItemDetail"].get("sellerUniId")
        for item in order["orderItems"]
        if item["orderItemDetail"]["objectType"] == "uniProductOrder"
    }
    wants = []
    for item in order["orderItems"]:
        detail = item["orderItemDetail"]
        uni = detail.get("uniReference") or {}
        if detail["objectType"] != "accessEplProductOrder" or not uni:
            continue
        if uni["objectType"] == "existingUniReference":
            seller_uni_id = uni["sellerUniId"]
        else:
            seller_uni_id = unis.get(uni["orderItemReference"])
        if seller_uni_id:
            wants.append(UniSvlanWant(seller_uni_id, item["orderItemReference"]))
    return wants


def with_svlans(
    order: dict[str, Any], enni: list[SvlanAssigned], uni: list[UniSvlanAssigned]
) -> dict[str, Any]:
    """The order with the S-VLAN ids assigned to each item in its detail: ``enniSvlanId`` when
    the buyer asked for none, ``uniSvlanId`` always (the seller's)."""
    on_enni = {s.order_item_reference: s.svlan_id for s in reversed(enni)}
    on_uni = {s.order_item_reference: s.svlan_id for s in uni}
    items = []
    for item in order["orderItems"]:
        reference, detail = item["orderItemReference"], dict(item["orderItemDetail"])
        if reference in on_enni:
            detail.setdefault("enniSvlanId", on_enni[reference])
        if reference in on_uni:
            detail["uniSvlanId"] = on_uni[reference]
        items.append({**item, "orderItemDetail": detail})
    return {**order, "orderItems": items}


def release_svlans(tx: Transaction, order_id: str) -> None:
    """Frees every S-VLAN id the order holds, on ENNIs and on UNIs."""
    tx.svlans.release(order_id)
    tx.uni_svlans.release(order_id)


def svlan_message(error: SvlanTaken | SvlanExhausted | UniSvlanExhausted) -> dict[str, Any]:
    if isinstance(error, UniSvlanExhausted):
        return checks.message(
            "VLN004",
            "No UNI S-VLAN ID available",
            f"orderItems {error.order_item_reference!r}: UNI {error.seller_uni_id} has no free "
            "S-VLAN ID left",
        )
    if isinstance(error, SvlanTaken):
        return checks.message(
            "VLN002",
            "S-VLAN ID not available",
            f"orderItems {error.order_item_reference!r}: S-VLAN ID {error.svlan_id} on ENNI "
            f"{error.seller_enni_id} is already assigned to another order",
        )
    return checks.message(
        "VLN003",
        "No S-VLAN ID available",
        f"orderItems {error.order_item_reference!r}: ENNI {error.seller_enni_id} has no free "
        "S-VLAN ID left",
    )


class Processing:
    def __init__(
        self,
        uow: UnitOfWork,
        *,
        lead_time: timedelta = timedelta(days=10),
        correction_time: timedelta = timedelta(days=5),
    ) -> None:
        self.uow = uow
        self.lead_time = lead_time
        self.correction_time = correction_time

    def queued(self, limit: int, skip: Sequence[int] = ()) -> list[StoredOrder]:
        """Orders waiting to be processed, oldest first, but those in ``skip`` (by seq)."""
        with self.uow(read_only=True) as tx:
            return tx.orders.to_process(limit, skip)

    def process(self, order: StoredOrder) -> bool:
        """False when the order changed since it was read, or another worker has it."""
        document = order.document
        at = now()
        with self.uow() as tx:
            if not tx.orders.claim_processing(order):
                return False
            if OrderStatus(document["orderStatus"]) in FINAL:
                return True
            messages = checks.problems(document, at)
            assigned: list[SvlanAssigned] = []
            uni_assigned: list[UniSvlanAssigned] = []
            confirmed = with_seller_ids(document)
            if not messages:
                try:
                    assigned = tx.svlans.assign(document["id"], svlan_wants(document))
                    uni_assigned = tx.uni_svlans.assign(document["id"], uni_svlan_wants(confirmed))
                except (SvlanTaken, SvlanExhausted, UniSvlanExhausted) as error:
                    messages = [svlan_message(error)]
            if messages:
                release_svlans(tx, document["id"])
                tx.notifications.emit(notices.error(document, messages, at + self.correction_time))
                return True
            confirmed = with_svlans(confirmed, assigned, uni_assigned)
            notice = notices.confirmation(confirmed, assigned, at, self.lead_time, uni_assigned)
            # The order shows what the seller assigned, as the confirmation tells the buyer.
            confirmed["expectedCompletionDate"] = notice["expectedCompletionDate"]
            tx.orders.replace(order, confirmed)
            tx.notifications.emit(notice)
            return True
