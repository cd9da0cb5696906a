from enum import StrEnum


class LinkPatchObjectTypeType0(StrEnum):
    LINK = "link"

    def __str__(self) -> str:
        return str(self.value)
