from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_subscription import EventSubscription
    from ..models.link import Link


T = TypeVar("T", bound="EventSubscriptionList")


@_attrs_define
class EventSubscriptionList:
    """
    Attributes:
        available (int): Number of the caller's subscriptions.
        returned (int): Number of subscriptions in `items`.
        items (list[EventSubscription]): Newest first.
        link (Link | Unset):
    """

    available: int
    returned: int
    items: list[EventSubscription]
    link: Link | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        returned = self.returned

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        link: dict[str, Any] | Unset = UNSET
        if not isinstance(self.link, Unset):
            link = self.link.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "available": available,
                "returned": returned,
                "items": items,
            }
        )
        if link is not UNSET:
            field_dict["link"] = link

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_subscription import EventSubscription  # noqa: PLC0415
        from ..models.link import Link  # noqa: PLC0415

        d = dict(src_dict)
        available = d.pop("available")

        returned = d.pop("returned")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = EventSubscription.from_dict(items_item_data)

            items.append(items_item)

        _link = d.pop("link", UNSET)
        link: Link | Unset
        if isinstance(_link, Unset):
            link = UNSET
        else:
            link = Link.from_dict(_link)

        event_subscription_list = cls(
            available=available,
            returned=returned,
            items=items,
            link=link,
        )

        return event_subscription_list
