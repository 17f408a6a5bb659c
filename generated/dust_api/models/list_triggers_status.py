from enum import StrEnum


class ListTriggersStatus(StrEnum):
    DISABLED = "disabled"
    DISABLED_BY_MANAGER = "disabled_by_manager"
    DOWNGRADED = "downgraded"
    ENABLED = "enabled"
    RELOCATING = "relocating"

    def __str__(self) -> str:
        return str(self.value)
