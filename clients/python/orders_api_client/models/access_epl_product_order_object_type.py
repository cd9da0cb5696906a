from enum import StrEnum


class AccessEplProductOrderObjectType(StrEnum):
    ACCESSEPLPRODUCTORDER = "accessEplProductOrder"

    def __str__(self) -> str:
        return str(self.value)
