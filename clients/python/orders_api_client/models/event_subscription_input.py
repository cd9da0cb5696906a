from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventSubscriptionInput")


@_attrs_define
class EventSubscriptionInput:
    """
    Attributes:
        callback (str): The base URL of the buyer's Order Notification API (`https`).
        query (None | str | Unset): `eventType=` and notification types separated by commas; none: every notification.
    """

    callback: str
    query: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        callback = self.callback

        query: None | str | Unset
        if isinstance(self.query, Unset):
            query = UNSET
        else:
            query = self.query

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "callback": callback,
            }
        )
        if query is not UNSET:
            field_dict["query"] = query

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        callback = d.pop("callback")

        def _parse_query(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        query = _parse_query(d.pop("query", UNSET))

        event_subscription_input = cls(
            callback=callback,
            query=query,
        )

        return event_subscription_input
