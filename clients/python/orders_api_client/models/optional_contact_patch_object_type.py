from enum import StrEnum


class OptionalContactPatchObjectType(StrEnum):
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)
