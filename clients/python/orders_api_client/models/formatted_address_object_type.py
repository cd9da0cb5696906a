from enum import StrEnum


class FormattedAddressObjectType(StrEnum):
    FORMATTEDADDRESS = "formattedAddress"

    def __str__(self) -> str:
        return str(self.value)
