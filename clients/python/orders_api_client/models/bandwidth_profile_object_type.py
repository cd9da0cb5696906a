from enum import StrEnum


class BandwidthProfileObjectType(StrEnum):
    BANDWIDTHPROFILE = "bandwidthProfile"

    def __str__(self) -> str:
        return str(self.value)
