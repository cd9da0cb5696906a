from enum import StrEnum


class BillingInformationObjectType(StrEnum):
    BILLINGINFORMATION = "billingInformation"

    def __str__(self) -> str:
        return str(self.value)
