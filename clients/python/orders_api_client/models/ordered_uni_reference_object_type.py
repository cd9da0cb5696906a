from enum import StrEnum


class OrderedUniReferenceObjectType(StrEnum):
    ORDEREDUNIREFERENCE = "orderedUniReference"

    def __str__(self) -> str:
        return str(self.value)
