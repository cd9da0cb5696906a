from enum import StrEnum


class OrderCreateUpdateObjectType(StrEnum):
    ORDER_CREATE_UPDATE = "order-create-update"

    def __str__(self) -> str:
        return str(self.value)
