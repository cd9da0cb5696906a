from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.bandwidth_profile_object_type import BandwidthProfileObjectType
from ..models.color_mode import ColorMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.information_rate_quantity import InformationRateQuantity


T = TypeVar("T", bound="BandwidthProfile")


@_attrs_define
class BandwidthProfile:
    """
    Attributes:
        object_type (BandwidthProfileObjectType | Unset):
        committed_information_rate (InformationRateQuantity | Unset):
        committed_burst_size (int | Unset): Bytes.
        excess_information_rate (InformationRateQuantity | Unset):
        excess_burst_size (int | Unset): Bytes.
        color_mode (ColorMode | Unset):
        coupling_flag (bool | Unset):
    """

    object_type: BandwidthProfileObjectType | Unset = UNSET
    committed_information_rate: InformationRateQuantity | Unset = UNSET
    committed_burst_size: int | Unset = UNSET
    excess_information_rate: InformationRateQuantity | Unset = UNSET
    excess_burst_size: int | Unset = UNSET
    color_mode: ColorMode | Unset = UNSET
    coupling_flag: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        committed_information_rate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.committed_information_rate, Unset):
            committed_information_rate = self.committed_information_rate.to_dict()

        committed_burst_size = self.committed_burst_size

        excess_information_rate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.excess_information_rate, Unset):
            excess_information_rate = self.excess_information_rate.to_dict()

        excess_burst_size = self.excess_burst_size

        color_mode: str | Unset = UNSET
        if not isinstance(self.color_mode, Unset):
            color_mode = self.color_mode.value

        coupling_flag = self.coupling_flag

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if committed_information_rate is not UNSET:
            field_dict["committedInformationRate"] = committed_information_rate
        if committed_burst_size is not UNSET:
            field_dict["committedBurstSize"] = committed_burst_size
        if excess_information_rate is not UNSET:
            field_dict["excessInformationRate"] = excess_information_rate
        if excess_burst_size is not UNSET:
            field_dict["excessBurstSize"] = excess_burst_size
        if color_mode is not UNSET:
            field_dict["colorMode"] = color_mode
        if coupling_flag is not UNSET:
            field_dict["couplingFlag"] = coupling_flag

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.information_rate_quantity import InformationRateQuantity  # noqa: PLC0415

        d = dict(src_dict)
        _object_type = d.pop("objectType", UNSET)
        object_type: BandwidthProfileObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = BandwidthProfileObjectType(_object_type)

        _committed_information_rate = d.pop("committedInformationRate", UNSET)
        committed_information_rate: InformationRateQuantity | Unset
        if isinstance(_committed_information_rate, Unset):
            committed_information_rate = UNSET
        else:
            committed_information_rate = InformationRateQuantity.from_dict(_committed_information_rate)

        committed_burst_size = d.pop("committedBurstSize", UNSET)

        _excess_information_rate = d.pop("excessInformationRate", UNSET)
        excess_information_rate: InformationRateQuantity | Unset
        if isinstance(_excess_information_rate, Unset):
            excess_information_rate = UNSET
        else:
            excess_information_rate = InformationRateQuantity.from_dict(_excess_information_rate)

        excess_burst_size = d.pop("excessBurstSize", UNSET)

        _color_mode = d.pop("colorMode", UNSET)
        color_mode: ColorMode | Unset
        if isinstance(_color_mode, Unset):
            color_mode = UNSET
        else:
            color_mode = ColorMode(_color_mode)

        coupling_flag = d.pop("couplingFlag", UNSET)

        bandwidth_profile = cls(
            object_type=object_type,
            committed_information_rate=committed_information_rate,
            committed_burst_size=committed_burst_size,
            excess_information_rate=excess_information_rate,
            excess_burst_size=excess_burst_size,
            color_mode=color_mode,
            coupling_flag=coupling_flag,
        )

        return bandwidth_profile
