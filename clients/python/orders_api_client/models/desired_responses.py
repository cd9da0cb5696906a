from enum import StrEnum


class DesiredResponses(StrEnum):
    CONFIRMATION_AND_ENGINEERING_DESIGN = "CONFIRMATION_AND_ENGINEERING_DESIGN"
    CONFIRMATION_ONLY = "CONFIRMATION_ONLY"

    def __str__(self) -> str:
        return str(self.value)
