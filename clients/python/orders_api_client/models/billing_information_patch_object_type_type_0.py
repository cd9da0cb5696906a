from enum import StrEnum


class BillingInformationPatchObjectTypeType0(StrEnum):
    BILLINGINFORMATION = "billingInformation"

    def __str__(self) -> str:
        return str(self.value)
