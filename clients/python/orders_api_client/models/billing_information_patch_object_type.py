from enum import StrEnum


class BillingInformationPatchObjectType(StrEnum):
    BILLINGINFORMATION = "billingInformation"

    def __str__(self) -> str:
        return str(self.value)
