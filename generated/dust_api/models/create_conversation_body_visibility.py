from enum import StrEnum


class CreateConversationBodyVisibility(StrEnum):
    DELETED = "deleted"
    TEST = "test"
    UNLISTED = "unlisted"
    WORKSPACE = "workspace"

    def __str__(self) -> str:
        return str(self.value)
