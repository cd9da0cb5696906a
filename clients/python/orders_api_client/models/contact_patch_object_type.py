from enum import StrEnum


class ContactPatchObjectType(StrEnum):
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)
