from enum import StrEnum


class HeldOrderItemObjectType(StrEnum):
    ORDERITEM = "orderItem"

    def __str__(self) -> str:
        return str(self.value)
