from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Milestone")


@_attrs_define
class Milestone:
    """A milestone of an order item, as recorded.

    Attributes:
        name (str):
        date (str): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the
            offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        recorded_at (str): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with
            the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        message (str | Unset):
    """

    name: str
    date: str
    recorded_at: str
    message: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        date = self.date

        recorded_at = self.recorded_at

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "date": date,
                "recordedAt": recorded_at,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        date = d.pop("date")

        recorded_at = d.pop("recordedAt")

        message = d.pop("message", UNSET)

        milestone = cls(
            name=name,
            date=date,
            recorded_at=recorded_at,
            message=message,
        )

        return milestone
