from enum import StrEnum


class L2CpAddressSet(StrEnum):
    CTA = "CTA"
    CTB = "CTB"
    CTB2 = "CTB2"

    def __str__(self) -> str:
        return str(self.value)
