from enum import StrEnum


class OrderNotificationObjectType(StrEnum):
    ORDERNOTIFICATION = "orderNotification"

    def __str__(self) -> str:
        return str(self.value)
