from enum import StrEnum


class IdAssignmentObjectType(StrEnum):
    IDASSIGNMENT = "idAssignment"

    def __str__(self) -> str:
        return str(self.value)
