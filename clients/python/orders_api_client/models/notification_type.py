from enum import StrEnum


class NotificationType(StrEnum):
    ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT"
    COMPLETION = "COMPLETION"
    CONFIRMATION = "CONFIRMATION"
    ERROR_OR_INFORMATION = "ERROR_OR_INFORMATION"
    JEOPARDY = "JEOPARDY"
    STATUS_CHANGE = "STATUS_CHANGE"

    def __str__(self) -> str:
        return str(self.value)
