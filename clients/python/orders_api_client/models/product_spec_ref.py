from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.product_spec_ref_object_type import ProductSpecRefObjectType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resource_reference import ResourceReference


T = TypeVar("T", bound="ProductSpecRef")


@_attrs_define
class ProductSpecRef:
    """
    Attributes:
        object_type (ProductSpecRefObjectType | Unset):
        name (str | Unset):
        code (str | Unset):
        product_specification (ResourceReference | Unset):
    """

    object_type: ProductSpecRefObjectType | Unset = UNSET
    name: str | Unset = UNSET
    code: str | Unset = UNSET
    product_specification: ResourceReference | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        name = self.name

        code = self.code

        product_specification: dict[str, Any] | Unset = UNSET
        if not isinstance(self.product_specification, Unset):
            product_specification = self.product_specification.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if name is not UNSET:
            field_dict["name"] = name
        if code is not UNSET:
            field_dict["code"] = code
        if product_specification is not UNSET:
            field_dict["productSpecification"] = product_specification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_reference import ResourceReference  # noqa: PLC0415

        d = dict(src_dict)
        _object_type = d.pop("objectType", UNSET)
        object_type: ProductSpecRefObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = ProductSpecRefObjectType(_object_type)

        name = d.pop("name", UNSET)

        code = d.pop("code", UNSET)

        _product_specification = d.pop("productSpecification", UNSET)
        product_specification: ResourceReference | Unset
        if isinstance(_product_specification, Unset):
            product_specification = UNSET
        else:
            product_specification = ResourceReference.from_dict(_product_specification)

        product_spec_ref = cls(
            object_type=object_type,
            name=name,
            code=code,
            product_specification=product_specification,
        )

        return product_spec_ref
