from enum import StrEnum


class ProductSpecRefObjectType(StrEnum):
    PRODUCTSPECREF = "productSpecRef"

    def __str__(self) -> str:
        return str(self.value)
