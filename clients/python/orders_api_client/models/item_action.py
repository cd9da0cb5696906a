from enum import StrEnum


class ItemAction(StrEnum):
    CHANGE = "CHANGE"
    DISCONNECT = "DISCONNECT"
    INSTALL = "INSTALL"
    MOVE = "MOVE"
    NO_CHANGE = "NO_CHANGE"

    def __str__(self) -> str:
        return str(self.value)
