from enum import StrEnum


class OrderStatus(StrEnum):
    ACKNOWLEDGED = "ACKNOWLEDGED"
    CANCELLED = "CANCELLED"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    HELD = "HELD"
    IN_PROGRESS = "IN_PROGRESS"
    PARTIAL = "PARTIAL"
    REJECTED = "REJECTED"

    def __str__(self) -> str:
        return str(self.value)
