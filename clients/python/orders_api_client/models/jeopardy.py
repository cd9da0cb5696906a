from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Jeopardy")


@_attrs_define
class Jeopardy:
    """Why an order will be late, and when it is now expected to complete.

    Attributes:
        reason (str):
        expected_completion_date (str): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and
            9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second
            (`:60`). Example: 2016-10-01T13:20+01:00.
    """

    reason: str
    expected_completion_date: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        expected_completion_date = self.expected_completion_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "expectedCompletionDate": expected_completion_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        expected_completion_date = d.pop("expectedCompletionDate")

        jeopardy = cls(
            reason=reason,
            expected_completion_date=expected_completion_date,
        )

        return jeopardy
