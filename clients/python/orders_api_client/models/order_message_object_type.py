from enum import StrEnum


class OrderMessageObjectType(StrEnum):
    ORDERMESSAGE = "orderMessage"

    def __str__(self) -> str:
        return str(self.value)
