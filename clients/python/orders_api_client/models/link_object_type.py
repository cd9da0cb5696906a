from enum import StrEnum


class LinkObjectType(StrEnum):
    LINK = "link"

    def __str__(self) -> str:
        return str(self.value)
