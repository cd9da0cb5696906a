from enum import StrEnum


class OrderObjectType(StrEnum):
    ORDER = "order"

    def __str__(self) -> str:
        return str(self.value)
