from enum import StrEnum


class ContactPatchObjectTypeType0(StrEnum):
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)
