from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventSubscription")


@_attrs_define
class EventSubscription:
    """
    Attributes:
        id (str):
        callback (str):
        query (str | Unset):
    """

    id: str
    callback: str
    query: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        callback = self.callback

        query = self.query

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "callback": callback,
            }
        )
        if query is not UNSET:
            field_dict["query"] = query

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        callback = d.pop("callback")

        query = d.pop("query", UNSET)

        event_subscription = cls(
            id=id,
            callback=callback,
            query=query,
        )

        return event_subscription
