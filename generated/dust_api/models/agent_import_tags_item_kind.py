from enum import StrEnum


class AgentImportTagsItemKind(StrEnum):
    PROTECTED = "protected"
    STANDARD = "standard"

    def __str__(self) -> str:
        return str(self.value)
