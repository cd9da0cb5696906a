from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.resource_reference_patch_object_type_type_0 import ResourceReferencePatchObjectTypeType0
from ..models.resource_type import ResourceType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link_patch import LinkPatch


T = TypeVar("T", bound="ResourceReferencePatch")


@_attrs_define
class ResourceReferencePatch:
    """A merge patch of a resource reference the order may not have yet, so with `id`; `null` removes an optional field.

    Attributes:
        id (str):
        object_type (None | ResourceReferencePatchObjectTypeType0 | Unset):
        type_ (None | ResourceType | Unset):
        link (LinkPatch | None | Unset):
    """

    id: str
    object_type: None | ResourceReferencePatchObjectTypeType0 | Unset = UNSET
    type_: None | ResourceType | Unset = UNSET
    link: LinkPatch | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.link_patch import LinkPatch  # noqa: PLC0415

        id = self.id

        object_type: None | str | Unset
        if isinstance(self.object_type, Unset):
            object_type = UNSET
        elif isinstance(self.object_type, ResourceReferencePatchObjectTypeType0):
            object_type = self.object_type.value
        else:
            object_type = self.object_type

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, ResourceType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        link: dict[str, Any] | None | Unset
        if isinstance(self.link, Unset):
            link = UNSET
        elif isinstance(self.link, LinkPatch):
            link = self.link.to_dict()
        else:
            link = self.link

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
        from ..models.link_patch import LinkPatch  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_object_type(data: object) -> None | ResourceReferencePatchObjectTypeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                object_type_type_0 = ResourceReferencePatchObjectTypeType0(data)

                return object_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResourceReferencePatchObjectTypeType0 | Unset, data)

        object_type = _parse_object_type(d.pop("objectType", UNSET))

        def _parse_type_(data: object) -> None | ResourceType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = ResourceType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResourceType | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_link(data: object) -> LinkPatch | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                link_type_0 = LinkPatch.from_dict(data)

                return link_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LinkPatch | None | Unset, data)

        link = _parse_link(d.pop("link", UNSET))

        resource_reference_patch = cls(
            id=id,
            object_type=object_type,
            type_=type_,
            link=link,
        )

        return resource_reference_patch
