from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.link_method import LinkMethod
from ..models.link_object_type import LinkObjectType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Link")


@_attrs_define
class Link:
    """
    Attributes:
        href (str):
        object_type (LinkObjectType | Unset):
        rel (str | Unset):
        title (str | Unset):
        method (LinkMethod | Unset):
        type_ (str | Unset): Media type of the linked resource.
    """

    href: str
    object_type: LinkObjectType | Unset = UNSET
    rel: str | Unset = UNSET
    title: str | Unset = UNSET
    method: LinkMethod | Unset = UNSET
    type_: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        href = self.href

        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        rel = self.rel

        title = self.title

        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method.value

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "href": href,
            }
        )
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if rel is not UNSET:
            field_dict["rel"] = rel
        if title is not UNSET:
            field_dict["title"] = title
        if method is not UNSET:
            field_dict["method"] = method
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        href = d.pop("href")

        _object_type = d.pop("objectType", UNSET)
        object_type: LinkObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = LinkObjectType(_object_type)

        rel = d.pop("rel", UNSET)

        title = d.pop("title", UNSET)

        _method = d.pop("method", UNSET)
        method: LinkMethod | Unset
        if isinstance(_method, Unset):
            method = UNSET
        else:
            method = LinkMethod(_method)

        type_ = d.pop("type", UNSET)

        link = cls(
            href=href,
            object_type=object_type,
            rel=rel,
            title=title,
            method=method,
            type_=type_,
        )

        return link
