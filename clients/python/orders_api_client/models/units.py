from enum import StrEnum


class Units(StrEnum):
    BPS = "bps"
    GBPS = "Gbps"
    KBPS = "Kbps"
    MBPS = "Mbps"
    TBPS = "Tbps"

    def __str__(self) -> str:
        return str(self.value)
