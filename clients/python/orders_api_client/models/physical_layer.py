from enum import StrEnum


class PhysicalLayer(StrEnum):
    VALUE_0 = "10BASE_T"
    VALUE_1 = "100BASE_TX"
    VALUE_10 = "100GBASE_SR10"
    VALUE_11 = "100GBASE_LR4"
    VALUE_12 = "100GBASE_ER4"
    VALUE_2 = "1000BASE_T"
    VALUE_3 = "1000BASE_SX"
    VALUE_4 = "1000BASE_LX"
    VALUE_5 = "10GBASE_SR"
    VALUE_6 = "10GBASE_LR"
    VALUE_7 = "10GBASE_ER"
    VALUE_8 = "40GBASE_SR4"
    VALUE_9 = "40GBASE_LR4"

    def __str__(self) -> str:
        return str(self.value)
