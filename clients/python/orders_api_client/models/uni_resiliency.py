from enum import StrEnum


class UniResiliency(StrEnum):
    ALL_ACTIVE = "ALL_ACTIVE"
    NONE = "NONE"
    OTHER = "OTHER"
    TWO_LINK_ACTIVE_STANDBY = "TWO_LINK_ACTIVE_STANDBY"

    def __str__(self) -> str:
        return str(self.value)
