from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.link_patch_method_type_0 import LinkPatchMethodType0
from ..models.link_patch_object_type_type_0 import LinkPatchObjectTypeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="LinkPatch")


@_attrs_define
class LinkPatch:
    """A merge patch of a link the order may not have yet, so with `href`; `null` removes an optional field.

    Attributes:
        href (str):
        object_type (LinkPatchObjectTypeType0 | None | Unset):
        rel (None | str | Unset):
        title (None | str | Unset):
        method (LinkPatchMethodType0 | None | Unset):
        type_ (None | str | Unset): Media type of the linked resource.
    """

    href: str
    object_type: LinkPatchObjectTypeType0 | None | Unset = UNSET
    rel: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    method: LinkPatchMethodType0 | None | Unset = UNSET
    type_: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        href = self.href

        object_type: None | str | Unset
        if isinstance(self.object_type, Unset):
            object_type = UNSET
        elif isinstance(self.object_type, LinkPatchObjectTypeType0):
            object_type = self.object_type.value
        else:
            object_type = self.object_type

        rel: None | str | Unset
        if isinstance(self.rel, Unset):
            rel = UNSET
        else:
            rel = self.rel

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        method: None | str | Unset
        if isinstance(self.method, Unset):
            method = UNSET
        elif isinstance(self.method, LinkPatchMethodType0):
            method = self.method.value
        else:
            method = self.method

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
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

        def _parse_object_type(data: object) -> LinkPatchObjectTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                object_type_type_0 = LinkPatchObjectTypeType0(data)

                return object_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LinkPatchObjectTypeType0 | None | Unset, data)

        object_type = _parse_object_type(d.pop("objectType", UNSET))

        def _parse_rel(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rel = _parse_rel(d.pop("rel", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_method(data: object) -> LinkPatchMethodType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                method_type_0 = LinkPatchMethodType0(data)

                return method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LinkPatchMethodType0 | None | Unset, data)

        method = _parse_method(d.pop("method", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        link_patch = cls(
            href=href,
            object_type=object_type,
            rel=rel,
            title=title,
            method=method,
            type_=type_,
        )

        return link_patch
