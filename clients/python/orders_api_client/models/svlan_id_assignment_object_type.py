from enum import StrEnum


class SvlanIdAssignmentObjectType(StrEnum):
    SVLANIDASSIGNMENT = "svlanIdAssignment"

    def __str__(self) -> str:
        return str(self.value)
