from enum import StrEnum


class ResourceReferencePatchObjectType(StrEnum):
    RESOURCEREFERENCE = "resourceReference"

    def __str__(self) -> str:
        return str(self.value)
