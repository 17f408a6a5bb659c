from enum import StrEnum


class GetAgentConfigurationVariant(StrEnum):
    FULL = "full"
    LIGHT = "light"

    def __str__(self) -> str:
        return str(self.value)
