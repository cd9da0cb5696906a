from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.order import Order


T = TypeVar("T", bound="OrderRevision")


@_attrs_define
class OrderRevision:
    """
    Attributes:
        revision (int): Revision number; the ETag of the order is "<revision>".
        recorded_at (str): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with
            the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        order (Order): An order as the seller holds it.
    """

    revision: int
    recorded_at: str
    order: Order

    def to_dict(self) -> dict[str, Any]:
        revision = self.revision

        recorded_at = self.recorded_at

        order = self.order.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "revision": revision,
                "recordedAt": recorded_at,
                "order": order,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order import Order  # noqa: PLC0415

        d = dict(src_dict)
        revision = d.pop("revision")

        recorded_at = d.pop("recordedAt")

        order = Order.from_dict(d.pop("order"))

        order_revision = cls(
            revision=revision,
            recorded_at=recorded_at,
            order=order,
        )

        return order_revision
