from enum import StrEnum


class OrderedEnniReferenceObjectType(StrEnum):
    ORDEREDENNIREFERENCE = "orderedEnniReference"

    def __str__(self) -> str:
        return str(self.value)
