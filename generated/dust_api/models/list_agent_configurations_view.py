from enum import StrEnum


class ListAgentConfigurationsView(StrEnum):
    ALL = "all"
    FAVORITES = "favorites"
    GLOBAL = "global"
    LIST = "list"
    PUBLISHED = "published"
    WORKSPACE = "workspace"

    def __str__(self) -> str:
        return str(self.value)
