from enum import StrEnum


class ServiceSiteInformationObjectType(StrEnum):
    SERVICESITEINFORMATION = "serviceSiteInformation"

    def __str__(self) -> str:
        return str(self.value)
