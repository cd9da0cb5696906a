from enum import StrEnum


class InformationRateQuantityObjectType(StrEnum):
    INFORMATIONRATEQUANTITY = "informationRateQuantity"

    def __str__(self) -> str:
        return str(self.value)
