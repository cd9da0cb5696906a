from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.resource_reference_object_type import ResourceReferenceObjectType
from ..models.resource_type import ResourceType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link import Link


T = TypeVar("T", bound="ResourceReference")


@_attrs_define
class ResourceReference:
    """
    Attributes:
        id (str):
        object_type (ResourceReferenceObjectType | Unset):
        type_ (ResourceType | Unset):
        link (Link | Unset):
    """

    id: str
    object_type: ResourceReferenceObjectType | Unset = UNSET
    type_: ResourceType | Unset = UNSET
    link: Link | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        link: dict[str, Any] | Unset = UNSET
        if not isinstance(self.link, Unset):
            link = self.link.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if type_ is not UNSET:
            field_dict["type"] = type_
        if link is not UNSET:
            field_dict["link"] = link

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link import Link  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        _object_type = d.pop("objectType", UNSET)
        object_type: ResourceReferenceObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = ResourceReferenceObjectType(_object_type)

        _type_ = d.pop("type", UNSET)
        type_: ResourceType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = ResourceType(_type_)

        _link = d.pop("link", UNSET)
        link: Link | Unset
        if isinstance(_link, Unset):
            link = UNSET
        else:
            link = Link.from_dict(_link)

        resource_reference = cls(
            id=id,
            object_type=object_type,
            type_=type_,
            link=link,
        )

        return resource_reference
