from enum import StrEnum


class ContactObjectType(StrEnum):
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)
