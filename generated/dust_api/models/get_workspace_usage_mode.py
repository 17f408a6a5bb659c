from enum import StrEnum


class GetWorkspaceUsageMode(StrEnum):
    MONTH = "month"
    RANGE = "range"

    def __str__(self) -> str:
        return str(self.value)
