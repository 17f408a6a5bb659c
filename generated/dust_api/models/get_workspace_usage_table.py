from enum import StrEnum


class GetWorkspaceUsageTable(StrEnum):
    ALL = "all"
    ASSISTANTS = "assistants"
    ASSISTANT_MESSAGES = "assistant_messages"
    BUILDERS = "builders"
    FEEDBACK = "feedback"
    USERS = "users"

    def __str__(self) -> str:
        return str(self.value)
