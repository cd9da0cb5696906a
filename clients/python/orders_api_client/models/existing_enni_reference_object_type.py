from enum import StrEnum


class ExistingEnniReferenceObjectType(StrEnum):
    EXISTINGENNIREFERENCE = "existingEnniReference"

    def __str__(self) -> str:
        return str(self.value)
