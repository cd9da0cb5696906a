from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.order_message_object_type import OrderMessageObjectType
from ..models.severity import Severity
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderMessage")


@_attrs_define
class OrderMessage:
    """
    Attributes:
        code (str):
        severity (Severity):
        object_type (OrderMessageObjectType | Unset):
        description (str | Unset):
        message_information (str | Unset):
        correction_required (bool | Unset):
    """

    code: str
    severity: Severity
    object_type: OrderMessageObjectType | Unset = UNSET
    description: str | Unset = UNSET
    message_information: str | Unset = UNSET
    correction_required: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        severity = self.severity.value

        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        description = self.description

        message_information = self.message_information

        correction_required = self.correction_required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "severity": severity,
            }
        )
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if description is not UNSET:
            field_dict["description"] = description
        if message_information is not UNSET:
            field_dict["messageInformation"] = message_information
        if correction_required is not UNSET:
            field_dict["correctionRequired"] = correction_required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        severity = Severity(d.pop("severity"))

        _object_type = d.pop("objectType", UNSET)
        object_type: OrderMessageObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = OrderMessageObjectType(_object_type)

        description = d.pop("description", UNSET)

        message_information = d.pop("messageInformation", UNSET)

        correction_required = d.pop("correctionRequired", UNSET)

        order_message = cls(
            code=code,
            severity=severity,
            object_type=object_type,
            description=description,
            message_information=message_information,
            correction_required=correction_required,
        )

        return order_message
