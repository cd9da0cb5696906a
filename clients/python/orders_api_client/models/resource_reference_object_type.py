from enum import StrEnum


class ResourceReferenceObjectType(StrEnum):
    RESOURCEREFERENCE = "resourceReference"

    def __str__(self) -> str:
        return str(self.value)
