from enum import StrEnum


class SiteAddressType(StrEnum):
    FORMATTED_ADDRESS = "FORMATTED_ADDRESS"

    def __str__(self) -> str:
        return str(self.value)
