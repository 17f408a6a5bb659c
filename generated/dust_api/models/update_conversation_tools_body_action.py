from enum import StrEnum


class UpdateConversationToolsBodyAction(StrEnum):
    ADD = "add"
    DELETE = "delete"

    def __str__(self) -> str:
        return str(self.value)
