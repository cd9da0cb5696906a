from enum import StrEnum


class ResourceType(StrEnum):
    ORDER = "ORDER"
    PRODUCT_OFFERING = "PRODUCT_OFFERING"
    PRODUCT_SPEC = "PRODUCT_SPEC"
    QUOTE = "QUOTE"
    SERVICE = "SERVICE"
    SERVICEABILITY_RESPONSE = "SERVICEABILITY_RESPONSE"

    def __str__(self) -> str:
        return str(self.value)
