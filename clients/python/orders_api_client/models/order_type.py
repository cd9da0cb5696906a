from enum import StrEnum


class OrderType(StrEnum):
    ACCESS_EPL = "ACCESS_EPL"
    ACCESS_EVPL = "ACCESS_EVPL"
    ENNI = "ENNI"
    UNI = "UNI"

    def __str__(self) -> str:
        return str(self.value)
