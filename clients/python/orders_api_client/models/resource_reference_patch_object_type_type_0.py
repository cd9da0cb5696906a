from enum import StrEnum


class ResourceReferencePatchObjectTypeType0(StrEnum):
    RESOURCEREFERENCE = "resourceReference"

    def __str__(self) -> str:
        return str(self.value)
