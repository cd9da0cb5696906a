from enum import StrEnum


class OptionalContactPatchObjectTypeType0(StrEnum):
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)
