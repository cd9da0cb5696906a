from enum import StrEnum


class ColorMode(StrEnum):
    COLOR_AWARE = "COLOR_AWARE"
    COLOR_BLIND = "COLOR_BLIND"

    def __str__(self) -> str:
        return str(self.value)
