from enum import StrEnum


class PricingMethod(StrEnum):
    CONTRACT = "CONTRACT"
    ICB = "ICB"
    QUOTE = "QUOTE"
    TARIFF = "TARIFF"

    def __str__(self) -> str:
        return str(self.value)
