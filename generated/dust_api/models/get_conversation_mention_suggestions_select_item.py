from enum import StrEnum


class GetConversationMentionSuggestionsSelectItem(StrEnum):
    AGENTS = "agents"
    USERS = "users"

    def __str__(self) -> str:
        return str(self.value)
