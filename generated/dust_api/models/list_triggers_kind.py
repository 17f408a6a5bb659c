from enum import StrEnum


class ListTriggersKind(StrEnum):
    SCHEDULE = "schedule"
    WEBHOOK = "webhook"

    def __str__(self) -> str:
        return str(self.value)
