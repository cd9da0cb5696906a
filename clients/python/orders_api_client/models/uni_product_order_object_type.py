from enum import StrEnum


class UniProductOrderObjectType(StrEnum):
    UNIPRODUCTORDER = "uniProductOrder"

    def __str__(self) -> str:
        return str(self.value)
