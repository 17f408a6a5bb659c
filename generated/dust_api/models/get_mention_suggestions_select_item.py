from enum import StrEnum


class GetMentionSuggestionsSelectItem(StrEnum):
    AGENTS = "agents"
    USERS = "users"

    def __str__(self) -> str:
        return str(self.value)
