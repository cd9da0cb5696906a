from enum import StrEnum


class ExistingUniReferenceObjectType(StrEnum):
    EXISTINGUNIREFERENCE = "existingUniReference"

    def __str__(self) -> str:
        return str(self.value)
