from enum import StrEnum


class OrderActivity(StrEnum):
    CHANGE = "CHANGE"
    DISCONNECT = "DISCONNECT"
    INSTALL = "INSTALL"
    MOVE = "MOVE"

    def __str__(self) -> str:
        return str(self.value)
