from enum import StrEnum


class LinkPatchObjectType(StrEnum):
    LINK = "link"

    def __str__(self) -> str:
        return str(self.value)
