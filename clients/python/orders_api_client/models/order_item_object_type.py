from enum import StrEnum


class OrderItemObjectType(StrEnum):
    ORDERITEM = "orderItem"

    def __str__(self) -> str:
        return str(self.value)
